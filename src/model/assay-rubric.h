/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_RUBRIC (assay_rubric_get_type ())

G_DECLARE_FINAL_TYPE (AssayRubric, assay_rubric, ASSAY, RUBRIC, AssayRecord)

AssayRubric       *assay_rubric_new               (const char *credential_id);

const char        *assay_rubric_get_credential_id (AssayRubric *self);
void               assay_rubric_set_credential_id (AssayRubric *self,
                                                   const char  *credential_id);
AssayDecisionRule  assay_rubric_get_rule          (AssayRubric *self);
void               assay_rubric_set_rule          (AssayRubric       *self,
                                                   AssayDecisionRule  rule);
const char        *assay_rubric_get_rule_level_id (AssayRubric *self);
void               assay_rubric_set_rule_level_id (AssayRubric *self,
                                                   const char  *rule_level_id);
gint64             assay_rubric_get_minimum_total (AssayRubric *self);
void               assay_rubric_set_minimum_total (AssayRubric *self,
                                                   gint64       minimum_total);

G_END_DECLS
