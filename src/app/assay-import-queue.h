/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "assay-import-job.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_IMPORT_QUEUE (assay_import_queue_get_type ())

G_DECLARE_FINAL_TYPE (AssayImportQueue, assay_import_queue, ASSAY, IMPORT_QUEUE, GObject)

AssayImportQueue *assay_import_queue_for_store     (AssayStore       *store);
GListModel       *assay_import_queue_get_jobs      (AssayImportQueue *self);
AssayImportJob   *assay_import_queue_add           (AssayImportQueue *self,
                                                    GFile            *file);
gboolean          assay_import_queue_is_busy       (AssayImportQueue *self);
void              assay_import_queue_clear_finished (AssayImportQueue *self);
guint             assay_import_queue_count_unfinished (AssayImportQueue *self);
void              assay_import_queue_cancel_all    (AssayImportQueue *self);

G_END_DECLS
