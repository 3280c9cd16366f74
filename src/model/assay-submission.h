/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_SUBMISSION (assay_submission_get_type ())

G_DECLARE_FINAL_TYPE (AssaySubmission, assay_submission, ASSAY, SUBMISSION, AssayRecord)

AssaySubmission       *assay_submission_new               (const char *earner_id,
                                                           const char *credential_id);

const char            *assay_submission_get_earner_id     (AssaySubmission *self);
void                   assay_submission_set_earner_id     (AssaySubmission *self,
                                                           const char      *earner_id);
const char            *assay_submission_get_credential_id (AssaySubmission *self);
void                   assay_submission_set_credential_id (AssaySubmission *self,
                                                           const char      *credential_id);
gint64                 assay_submission_get_attempt       (AssaySubmission *self);
void                   assay_submission_set_attempt       (AssaySubmission *self,
                                                           gint64           attempt);
GDateTime             *assay_submission_get_received_at   (AssaySubmission *self);
void                   assay_submission_set_received_at   (AssaySubmission *self,
                                                           GDateTime       *received_at);
AssaySubmissionStatus  assay_submission_get_status        (AssaySubmission *self);
void                   assay_submission_set_status        (AssaySubmission       *self,
                                                           AssaySubmissionStatus  status);
const char            *assay_submission_get_previous_id   (AssaySubmission *self);
void                   assay_submission_set_previous_id   (AssaySubmission *self,
                                                           const char      *previous_id);
const char            *assay_submission_get_bundle_sha256 (AssaySubmission *self);
void                   assay_submission_set_bundle_sha256 (AssaySubmission *self,
                                                           const char      *bundle_sha256);

gboolean               assay_submission_is_decided        (AssaySubmission *self);

G_END_DECLS
