/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_DECISION (assay_decision_get_type ())

G_DECLARE_FINAL_TYPE (AssayDecision, assay_decision, ASSAY, DECISION, AssayRecord)

AssayDecision        *assay_decision_new               (const char           *submission_id,
                                                        AssayDecisionOutcome  outcome);

const char           *assay_decision_get_submission_id (AssayDecision *self);
void                  assay_decision_set_submission_id (AssayDecision *self,
                                                        const char    *submission_id);
AssayDecisionOutcome  assay_decision_get_outcome       (AssayDecision *self);
void                  assay_decision_set_outcome       (AssayDecision        *self,
                                                        AssayDecisionOutcome  outcome);
const char           *assay_decision_get_rationale     (AssayDecision *self);
void                  assay_decision_set_rationale     (AssayDecision *self,
                                                        const char    *rationale);
const char           *assay_decision_get_decided_by    (AssayDecision *self);
void                  assay_decision_set_decided_by    (AssayDecision *self,
                                                        const char    *decided_by);
GDateTime            *assay_decision_get_decided_at    (AssayDecision *self);
void                  assay_decision_set_decided_at    (AssayDecision *self,
                                                        GDateTime     *decided_at);
gboolean              assay_decision_get_moderated     (AssayDecision *self);
void                  assay_decision_set_moderated     (AssayDecision *self,
                                                        gboolean       moderated);

G_END_DECLS
