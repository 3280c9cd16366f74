/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-credential.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_PACK_WINDOW (assay_pack_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayPackWindow, assay_pack_window, ASSAY, PACK_WINDOW, AdwWindow)

AssayPackWindow *assay_pack_window_new       (AssayStore      *store,
                                              AssayCredential *credential);
void             assay_pack_window_add_files (AssayPackWindow *self,
                                              GSList          *files);
void             assay_pack_window_save_to   (AssayPackWindow *self,
                                              GFile           *file);
gboolean         assay_pack_window_get_busy  (AssayPackWindow *self);
GListModel      *assay_pack_window_get_files (AssayPackWindow *self);

G_END_DECLS
