/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_CREDENTIAL (assay_credential_get_type ())

G_DECLARE_FINAL_TYPE (AssayCredential, assay_credential, ASSAY, CREDENTIAL, AssayRecord)

AssayCredential       *assay_credential_new                       (const char *title);

const char            *assay_credential_get_lineage_id            (AssayCredential *self);
void                   assay_credential_set_lineage_id            (AssayCredential *self,
                                                                   const char      *lineage_id);
gint64                 assay_credential_get_version               (AssayCredential *self);
void                   assay_credential_set_version               (AssayCredential *self,
                                                                   gint64           version);
gboolean               assay_credential_get_superseded            (AssayCredential *self);
void                   assay_credential_set_superseded            (AssayCredential *self,
                                                                   gboolean         superseded);
AssayCredentialStatus  assay_credential_get_status                (AssayCredential *self);
void                   assay_credential_set_status                (AssayCredential *self,
                                                                   AssayCredentialStatus status);
const char            *assay_credential_get_title                 (AssayCredential *self);
void                   assay_credential_set_title                 (AssayCredential *self,
                                                                   const char      *title);
const char            *assay_credential_get_description           (AssayCredential *self);
void                   assay_credential_set_description           (AssayCredential *self,
                                                                   const char      *description);
const char            *assay_credential_get_competency_area       (AssayCredential *self);
void                   assay_credential_set_competency_area       (AssayCredential *self,
                                                                   const char      *area);
const char            *assay_credential_get_competency            (AssayCredential *self);
void                   assay_credential_set_competency            (AssayCredential *self,
                                                                   const char      *competency);
const char            *assay_credential_get_key_method            (AssayCredential *self);
void                   assay_credential_set_key_method            (AssayCredential *self,
                                                                   const char      *key_method);
const char            *assay_credential_get_research_rationale    (AssayCredential *self);
void                   assay_credential_set_research_rationale    (AssayCredential *self,
                                                                   const char      *rationale);
const char            *assay_credential_get_evidence_of_benefit   (AssayCredential *self);
void                   assay_credential_set_evidence_of_benefit   (AssayCredential *self,
                                                                   const char      *evidence);
const char            *assay_credential_get_submission_guidelines (AssayCredential *self);
void                   assay_credential_set_submission_guidelines (AssayCredential *self,
                                                                   const char      *guidelines);
double                 assay_credential_get_sync_hours            (AssayCredential *self);
void                   assay_credential_set_sync_hours            (AssayCredential *self,
                                                                   double           hours);
double                 assay_credential_get_async_hours           (AssayCredential *self);
void                   assay_credential_set_async_hours           (AssayCredential *self,
                                                                   double           hours);
double                 assay_credential_get_pd_hours              (AssayCredential *self);
void                   assay_credential_set_pd_hours              (AssayCredential *self,
                                                                   double           hours);
const char            *assay_credential_get_developer             (AssayCredential *self);
void                   assay_credential_set_developer             (AssayCredential *self,
                                                                   const char      *developer);
const char            *assay_credential_get_issuer                (AssayCredential *self);
void                   assay_credential_set_issuer                (AssayCredential *self,
                                                                   const char      *issuer);
const char            *assay_credential_get_image_hash            (AssayCredential *self);
void                   assay_credential_set_image_hash            (AssayCredential *self,
                                                                   const char      *image_hash);
gint64                 assay_credential_get_required_reviews      (AssayCredential *self);
void                   assay_credential_set_required_reviews      (AssayCredential *self,
                                                                   gint64           reviews);
GDateTime             *assay_credential_get_created_at            (AssayCredential *self);
void                   assay_credential_set_created_at            (AssayCredential *self,
                                                                   GDateTime       *created_at);
GDateTime             *assay_credential_get_published_at          (AssayCredential *self);
void                   assay_credential_set_published_at          (AssayCredential *self,
                                                                   GDateTime       *published_at);

gboolean               assay_credential_is_editable               (AssayCredential *self);
guint                  assay_credential_get_submission_count      (AssayCredential *self,
                                                                   AssaySubmissionStatus status);
const char            *assay_credential_get_approval              (AssayCredential *self);
void                   _assay_credential_set_approval             (AssayCredential *self,
                                                                   const char      *approval);
void                   _assay_credential_set_submission_counts    (AssayCredential *self,
                                                                   const guint     *counts);

G_END_DECLS
