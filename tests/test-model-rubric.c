/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_rubric (void)
{
  g_autoptr(AssayRubric) rubric = assay_rubric_new ("credential-1");
  guint *rule = watch (rubric, "rule");
  guint *minimum = watch (rubric, "minimum-total");

  g_assert_cmpstr (assay_rubric_get_credential_id (rubric), ==, "credential-1");
  g_assert_cmpint (assay_rubric_get_rule (rubric), ==, ASSAY_DECISION_RULE_ALL_AT_LEVEL);
  g_assert_null (assay_rubric_get_rule_level_id (rubric));
  g_assert_cmpint (assay_rubric_get_minimum_total (rubric), ==, 0);
  assert_valid (rubric);

  assay_rubric_set_rule (rubric, ASSAY_DECISION_RULE_MINIMUM_TOTAL);
  assay_rubric_set_rule (rubric, ASSAY_DECISION_RULE_MINIMUM_TOTAL);
  g_assert_cmpuint (*rule, ==, 1);
  g_assert_cmpint (assay_rubric_get_rule (rubric), ==, ASSAY_DECISION_RULE_MINIMUM_TOTAL);

  assay_rubric_set_minimum_total (rubric, 12);
  assay_rubric_set_minimum_total (rubric, 12);
  g_assert_cmpuint (*minimum, ==, 1);
  g_assert_cmpint (assay_rubric_get_minimum_total (rubric), ==, 12);

  assay_rubric_set_rule_level_id (rubric, "level-1");
  g_assert_cmpstr (assay_rubric_get_rule_level_id (rubric), ==, "level-1");

  assay_rubric_set_credential_id (rubric, NULL);
  assert_invalid (rubric);
}

static void
test_criterion (void)
{
  g_autoptr(AssayCriterion) criterion = assay_criterion_new ("rubric-1", "Uses student data");
  guint *title = watch (criterion, "title");
  guint *position = watch (criterion, "position");

  g_assert_cmpstr (assay_criterion_get_rubric_id (criterion), ==, "rubric-1");
  g_assert_cmpstr (assay_criterion_get_title (criterion), ==, "Uses student data");
  g_assert_cmpint (assay_criterion_get_position (criterion), ==, 0);
  g_assert_null (assay_criterion_get_description (criterion));
  assert_valid (criterion);

  assay_criterion_set_title (criterion, "Uses student data");
  g_assert_cmpuint (*title, ==, 0);
  assay_criterion_set_title (criterion, "Plans from evidence");
  g_assert_cmpuint (*title, ==, 1);

  assay_criterion_set_position (criterion, 3);
  assay_criterion_set_position (criterion, 3);
  g_assert_cmpuint (*position, ==, 1);
  g_assert_cmpint (assay_criterion_get_position (criterion), ==, 3);

  assay_criterion_set_description (criterion, "Explains the data behind the plan.");
  g_assert_cmpstr (assay_criterion_get_description (criterion), ==, "Explains the data behind the plan.");

  assay_criterion_set_title (criterion, " \t ");
  assert_invalid (criterion);
  assay_criterion_set_title (criterion, "Plans from evidence");
  assay_criterion_set_rubric_id (criterion, "");
  assert_invalid (criterion);
}

static void
test_level (void)
{
  g_autoptr(AssayLevel) level = assay_level_new ("rubric-1", "Proficient", 3);
  guint *points = watch (level, "points");

  g_assert_cmpstr (assay_level_get_rubric_id (level), ==, "rubric-1");
  g_assert_cmpstr (assay_level_get_name (level), ==, "Proficient");
  g_assert_cmpint (assay_level_get_points (level), ==, 3);
  g_assert_cmpint (assay_level_get_position (level), ==, 0);
  assert_valid (level);

  assay_level_set_points (level, 4);
  assay_level_set_points (level, 4);
  g_assert_cmpuint (*points, ==, 1);
  g_assert_cmpint (assay_level_get_points (level), ==, 4);

  /* The CHECK (points >= 0) is the property's minimum */
  assay_level_set_points (level, -5);
  g_assert_cmpint (assay_level_get_points (level), ==, 0);
  g_assert_cmpuint (*points, ==, 2);

  assay_level_set_position (level, 2);
  g_assert_cmpint (assay_level_get_position (level), ==, 2);

  assay_level_set_name (level, "");
  assert_invalid (level);
}

static void
test_rubric_cell (void)
{
  g_autoptr(AssayRubricCell) cell = assay_rubric_cell_new ("criterion-1", "level-1", "Names two sources of data.");
  guint *descriptor = watch (cell, "descriptor");

  g_assert_cmpstr (assay_rubric_cell_get_criterion_id (cell), ==, "criterion-1");
  g_assert_cmpstr (assay_rubric_cell_get_level_id (cell), ==, "level-1");
  g_assert_cmpstr (assay_rubric_cell_get_descriptor (cell), ==, "Names two sources of data.");
  assert_valid (cell);

  assay_rubric_cell_set_descriptor (cell, "Names two sources of data.");
  g_assert_cmpuint (*descriptor, ==, 0);
  assay_rubric_cell_set_descriptor (cell, NULL);
  g_assert_cmpuint (*descriptor, ==, 1);
  g_assert_null (assay_rubric_cell_get_descriptor (cell));
  /* An empty descriptor is allowed: a cell can be left to fill in later */
  assert_valid (cell);

  assay_rubric_cell_set_level_id (cell, NULL);
  assert_invalid (cell);
  assay_rubric_cell_set_level_id (cell, "level-1");
  assay_rubric_cell_set_criterion_id (cell, "   ");
  assert_invalid (cell);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/rubric/rubric", test_rubric);
  g_test_add_func ("/assay/model/rubric/criterion", test_criterion);
  g_test_add_func ("/assay/model/rubric/level", test_level);
  g_test_add_func ("/assay/model/rubric/cell", test_rubric_cell);

  return g_test_run ();
}
