/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-application.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_WINDOW (assay_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayWindow, assay_window, ASSAY, WINDOW, AdwApplicationWindow)

AssayWindow *assay_window_new       (AssayApplication *application,
                                     AssayStore       *store);
AssayStore  *assay_window_get_store (AssayWindow      *self);
void         assay_window_show_toast (AssayWindow     *self,
                                      const char      *message);
void         assay_window_import_files (AssayWindow   *self,
                                        GFile        **files,
                                        guint          n_files);

G_END_DECLS
