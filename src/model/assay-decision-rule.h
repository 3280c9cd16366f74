/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"

G_BEGIN_DECLS

/* One criterion's score on a review: the level's position on the rubric's
 * continuum (0 lowest) and its points, or a position of -1 when unscored. */
typedef struct
{
  int position;
  int points;
} AssayCriterionScore;

AssayRecommendation assay_decision_rule_evaluate (AssayDecisionRule          rule,
                                                  int                        rule_level_position,
                                                  int                        minimum_total,
                                                  const AssayCriterionScore *scores,
                                                  guint                      n_scores);
gboolean            assay_decision_rule_disagree (const AssayCriterionScore *a,
                                                  const AssayCriterionScore *b,
                                                  guint                      n_scores);

G_END_DECLS
