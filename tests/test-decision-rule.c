/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-decision-rule.h"

/* The decision rules on hand-made scores: every criterion at a level, a
 * minimum total, exactly on the line, a missing level, and when two
 * reviews are far enough apart to need moderation. */

#define AT(p, pts) { (p), (pts) }

static void
test_all_at_level (void)
{
  /* Levels 0–3 worth 1–4 points; the rule asks for level 2 everywhere. */
  const AssayCriterionScore all_two[] = { AT (2, 3), AT (2, 3), AT (2, 3) };
  const AssayCriterionScore one_below[] = { AT (3, 4), AT (3, 4), AT (1, 2) };
  const AssayCriterionScore missing[] = { AT (3, 4), AT (-1, 0), AT (3, 4) };

  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_ALL_AT_LEVEL, 2, 0, all_two, 3), ==,
                   ASSAY_RECOMMENDATION_AWARD);
  /* A high total does not make up for one criterion below the level. */
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_ALL_AT_LEVEL, 2, 0, one_below, 3), ==,
                   ASSAY_RECOMMENDATION_NOT_YET);
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_ALL_AT_LEVEL, 2, 0, missing, 3), ==,
                   ASSAY_RECOMMENDATION_NONE);
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_ALL_AT_LEVEL, 2, 0, NULL, 0), ==,
                   ASSAY_RECOMMENDATION_NONE);
  /* A rule level of 0 (the lowest) awards any complete review. */
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_ALL_AT_LEVEL, 0, 0, one_below, 3), ==,
                   ASSAY_RECOMMENDATION_AWARD);
}

static void
test_minimum_total (void)
{
  const AssayCriterionScore nine[] = { AT (2, 3), AT (2, 3), AT (2, 3) };
  const AssayCriterionScore eight[] = { AT (2, 3), AT (2, 3), AT (1, 2) };

  /* Exactly the minimum is enough; one point short is not. */
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_MINIMUM_TOTAL, 0, 9, nine, 3), ==,
                   ASSAY_RECOMMENDATION_AWARD);
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_MINIMUM_TOTAL, 0, 9, eight, 3), ==,
                   ASSAY_RECOMMENDATION_NOT_YET);
  /* Under a total, a low criterion may be made up by others. */
  g_assert_cmpint (assay_decision_rule_evaluate (ASSAY_DECISION_RULE_MINIMUM_TOTAL, 3, 8, eight, 3), ==,
                   ASSAY_RECOMMENDATION_AWARD);
}

static void
test_disagreement (void)
{
  const AssayCriterionScore a[] = { AT (2, 3), AT (3, 4), AT (0, 1) };
  const AssayCriterionScore adjacent[] = { AT (3, 4), AT (2, 3), AT (1, 2) };
  const AssayCriterionScore far[] = { AT (2, 3), AT (1, 2), AT (0, 1) };
  const AssayCriterionScore gap[] = { AT (-1, 0), AT (0, 1), AT (3, 4) };

  g_assert_false (assay_decision_rule_disagree (a, a, 3));
  g_assert_false (assay_decision_rule_disagree (a, adjacent, 3));
  g_assert_true (assay_decision_rule_disagree (a, far, 3));
  g_assert_true (assay_decision_rule_disagree (a, gap, 3));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision-rule/all-at-level", test_all_at_level);
  g_test_add_func ("/decision-rule/minimum-total", test_minimum_total);
  g_test_add_func ("/decision-rule/disagreement", test_disagreement);

  return g_test_run ();
}
