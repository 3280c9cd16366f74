/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_PREFERENCES_WINDOW (assay_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayPreferencesWindow, assay_preferences_window, ASSAY, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *assay_preferences_window_new (GSettings *settings,
                                         GtkWindow *transient_for);

G_END_DECLS
