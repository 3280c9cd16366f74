/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

gboolean     assay_store_check_assessor (AssayStore           *self,
                                         AssaySubmission      *submission,
                                         AssayPerson          *assessor,
                                         GError              **error);
AssayReview *assay_store_review_open    (AssayStore           *self,
                                         AssaySubmission      *submission,
                                         AssayPerson          *assessor,
                                         GError              **error);
gboolean     assay_store_review_score   (AssayStore           *self,
                                         AssayReview          *review,
                                         AssayCriterion       *criterion,
                                         AssayLevel           *level,
                                         const char           *comment,
                                         GError              **error);
gboolean     assay_store_review_submit  (AssayStore           *self,
                                         AssayReview          *review,
                                         const char           *feedback,
                                         GError              **error);
gboolean     assay_store_decide         (AssayStore           *self,
                                         AssaySubmission      *submission,
                                         const char           *actor_id,
                                         AssayRecommendation  *verdict,
                                         GError              **error);

G_END_DECLS
