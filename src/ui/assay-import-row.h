/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-import-job.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_IMPORT_ROW (assay_import_row_get_type ())

G_DECLARE_FINAL_TYPE (AssayImportRow, assay_import_row, ASSAY, IMPORT_ROW, GtkListBoxRow)

GtkWidget      *assay_import_row_new     (AssayImportJob *job);
AssayImportJob *assay_import_row_get_job (AssayImportRow *self);

G_END_DECLS
