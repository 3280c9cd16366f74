/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-import-queue.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_IMPORTS_BUTTON (assay_imports_button_get_type ())

G_DECLARE_FINAL_TYPE (AssayImportsButton, assay_imports_button, ASSAY, IMPORTS_BUTTON, GtkWidget)

void assay_imports_button_set_queue (AssayImportsButton *self,
                                     AssayImportQueue   *queue);
void assay_imports_button_popup     (AssayImportsButton *self);

G_END_DECLS
