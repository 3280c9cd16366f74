/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "assay-store.h"
#include "assay-submission.h"

G_BEGIN_DECLS

typedef enum
{
  ASSAY_IMPORT_STATE_WAITING,        /* queued behind another import */
  ASSAY_IMPORT_STATE_NEEDS_DETAILS,  /* a plain zip: which credential and earner? */
  ASSAY_IMPORT_STATE_RUNNING,
  ASSAY_IMPORT_STATE_DONE,
  ASSAY_IMPORT_STATE_FAILED,
  ASSAY_IMPORT_STATE_CANCELLED,
} AssayImportState;

#define ASSAY_TYPE_IMPORT_JOB (assay_import_job_get_type ())

G_DECLARE_FINAL_TYPE (AssayImportJob, assay_import_job, ASSAY, IMPORT_JOB, GObject)

AssayImportJob   *assay_import_job_new            (AssayStore     *store,
                                                   GFile          *file);
AssayStore       *assay_import_job_dup_store      (AssayImportJob *self);
GFile            *assay_import_job_get_file       (AssayImportJob *self);
const char       *assay_import_job_get_title      (AssayImportJob *self);
AssayImportState  assay_import_job_get_state      (AssayImportJob *self);
gboolean          assay_import_job_is_finished    (AssayImportJob *self);
guint64           assay_import_job_get_bytes_done (AssayImportJob *self);
guint64           assay_import_job_get_bytes_total (AssayImportJob *self);
guint             assay_import_job_get_files_done (AssayImportJob *self);
double            assay_import_job_get_fraction   (AssayImportJob *self);
int               assay_import_job_get_seconds_left (AssayImportJob *self);
char             *assay_import_job_dup_status     (AssayImportJob *self);
const char       *assay_import_job_get_message    (AssayImportJob *self);
AssaySubmission  *assay_import_job_get_submission (AssayImportJob *self);

void              assay_import_job_set_details    (AssayImportJob *self,
                                                   const char     *credential_id,
                                                   const char     *earner);
void              assay_import_job_start          (AssayImportJob *self);
void              assay_import_job_cancel         (AssayImportJob *self);

G_END_DECLS
