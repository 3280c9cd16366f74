/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_AWARD (assay_award_get_type ())

G_DECLARE_FINAL_TYPE (AssayAward, assay_award, ASSAY, AWARD, AssayRecord)

AssayAward       *assay_award_new                 (const char *submission_id,
                                                   const char *decision_id);

const char       *assay_award_get_submission_id   (AssayAward *self);
void              assay_award_set_submission_id   (AssayAward *self,
                                                   const char *submission_id);
const char       *assay_award_get_decision_id     (AssayAward *self);
void              assay_award_set_decision_id     (AssayAward *self,
                                                   const char *decision_id);
const char       *assay_award_get_issuer_id       (AssayAward *self);
void              assay_award_set_issuer_id       (AssayAward *self,
                                                   const char *issuer_id);
const char       *assay_award_get_credential_json (AssayAward *self);
void              assay_award_set_credential_json (AssayAward *self,
                                                   const char *credential_json);
const char       *assay_award_get_image_hash      (AssayAward *self);
void              assay_award_set_image_hash      (AssayAward *self,
                                                   const char *image_hash);
AssayAwardStatus  assay_award_get_status          (AssayAward *self);
void              assay_award_set_status          (AssayAward       *self,
                                                   AssayAwardStatus  status);
const char       *assay_award_get_revoked_reason  (AssayAward *self);
void              assay_award_set_revoked_reason  (AssayAward *self,
                                                   const char *revoked_reason);
GDateTime        *assay_award_get_revoked_at      (AssayAward *self);
void              assay_award_set_revoked_at      (AssayAward *self,
                                                   GDateTime  *revoked_at);
GDateTime        *assay_award_get_issued_at       (AssayAward *self);
void              assay_award_set_issued_at       (AssayAward *self,
                                                   GDateTime  *issued_at);
GDateTime        *assay_award_get_expires_at      (AssayAward *self);
void              assay_award_set_expires_at      (AssayAward *self,
                                                   GDateTime  *expires_at);

gboolean          assay_award_is_revoked          (AssayAward *self);

G_END_DECLS
