/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_APPLICATION (assay_application_get_type ())

G_DECLARE_FINAL_TYPE (AssayApplication, assay_application, ASSAY, APPLICATION, AdwApplication)

AssayApplication *assay_application_new            (void);
AssayStore       *assay_application_open_workspace (AssayApplication  *self,
                                                    const char        *directory,
                                                    GError           **error);
GtkWindow        *assay_application_new_window     (AssayApplication  *self,
                                                    AssayStore        *store);
GSettings        *assay_application_get_settings   (AssayApplication  *self);
char             *assay_application_demo_directory (void);

G_END_DECLS
