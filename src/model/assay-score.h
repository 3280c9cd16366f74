/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_SCORE (assay_score_get_type ())

G_DECLARE_FINAL_TYPE (AssayScore, assay_score, ASSAY, SCORE, AssayRecord)

AssayScore *assay_score_new              (const char *review_id,
                                          const char *criterion_id);

const char *assay_score_get_review_id    (AssayScore *self);
void        assay_score_set_review_id    (AssayScore *self,
                                          const char *review_id);
const char *assay_score_get_criterion_id (AssayScore *self);
void        assay_score_set_criterion_id (AssayScore *self,
                                          const char *criterion_id);
const char *assay_score_get_level_id     (AssayScore *self);
void        assay_score_set_level_id     (AssayScore *self,
                                          const char *level_id);
const char *assay_score_get_comment      (AssayScore *self);
void        assay_score_set_comment      (AssayScore *self,
                                          const char *comment);

G_END_DECLS
