/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_REVIEW (assay_review_get_type ())

G_DECLARE_FINAL_TYPE (AssayReview, assay_review, ASSAY, REVIEW, AssayRecord)

AssayReview         *assay_review_new                (const char *submission_id,
                                                      const char *assessor_id);

const char          *assay_review_get_submission_id  (AssayReview *self);
void                 assay_review_set_submission_id  (AssayReview *self,
                                                      const char  *submission_id);
const char          *assay_review_get_assessor_id    (AssayReview *self);
void                 assay_review_set_assessor_id    (AssayReview *self,
                                                      const char  *assessor_id);
AssayReviewState     assay_review_get_state          (AssayReview *self);
void                 assay_review_set_state          (AssayReview      *self,
                                                      AssayReviewState  state);
AssayRecommendation  assay_review_get_recommendation (AssayReview *self);
void                 assay_review_set_recommendation (AssayReview         *self,
                                                      AssayRecommendation  recommendation);
const char          *assay_review_get_feedback       (AssayReview *self);
void                 assay_review_set_feedback       (AssayReview *self,
                                                      const char  *feedback);
GDateTime           *assay_review_get_started_at     (AssayReview *self);
void                 assay_review_set_started_at     (AssayReview *self,
                                                      GDateTime   *started_at);
GDateTime           *assay_review_get_submitted_at   (AssayReview *self);
void                 assay_review_set_submitted_at   (AssayReview *self,
                                                      GDateTime   *submitted_at);

gboolean             assay_review_is_submitted       (AssayReview *self);

G_END_DECLS
