/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include "assay-decision-rule.h"

/* A rubric's decision rule, applied to one review's scores: every
 * criterion at or above a level, or a minimum total of points. A review
 * that leaves a criterion unscored recommends nothing. */

AssayRecommendation
assay_decision_rule_evaluate (AssayDecisionRule          rule,
                              int                        rule_level_position,
                              int                        minimum_total,
                              const AssayCriterionScore *scores,
                              guint                      n_scores)
{
  int total = 0;
  gboolean all_at_level = TRUE;

  if (n_scores == 0)
    return ASSAY_RECOMMENDATION_NONE;
  for (guint i = 0; i < n_scores; i++)
    {
      if (scores[i].position < 0)
        return ASSAY_RECOMMENDATION_NONE;
      total += scores[i].points;
      all_at_level &= scores[i].position >= rule_level_position;
    }

  if (rule == ASSAY_DECISION_RULE_MINIMUM_TOTAL)
    return total >= minimum_total ? ASSAY_RECOMMENDATION_AWARD : ASSAY_RECOMMENDATION_NOT_YET;
  /* A rule level that is not set asks for nothing above the lowest. */
  return all_at_level ? ASSAY_RECOMMENDATION_AWARD : ASSAY_RECOMMENDATION_NOT_YET;
}

/**
 * assay_decision_rule_disagree:
 *
 * Returns: whether two reviews score some criterion more than one level
 *   apart, which sends the submission to moderation
 */
gboolean
assay_decision_rule_disagree (const AssayCriterionScore *a,
                              const AssayCriterionScore *b,
                              guint                      n_scores)
{
  for (guint i = 0; i < n_scores; i++)
    if (a[i].position >= 0 && b[i].position >= 0 && ABS (a[i].position - b[i].position) > 1)
      return TRUE;
  return FALSE;
}
