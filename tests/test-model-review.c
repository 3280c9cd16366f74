/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_review (void)
{
  g_autoptr(AssayReview) review = assay_review_new ("submission-1", "person-2");
  g_autoptr(GDateTime) submitted = g_date_time_new_utc (2025, 11, 3, 14, 30, 0);
  g_autoptr(GDateTime) again = g_date_time_new_utc (2025, 11, 3, 14, 30, 0);
  guint *state = watch (review, "state");
  guint *recommendation = watch (review, "recommendation");
  guint *submitted_at = watch (review, "submitted-at");

  g_assert_cmpstr (assay_review_get_submission_id (review), ==, "submission-1");
  g_assert_cmpstr (assay_review_get_assessor_id (review), ==, "person-2");
  g_assert_cmpint (assay_review_get_state (review), ==, ASSAY_REVIEW_STATE_DRAFT);
  g_assert_cmpint (assay_review_get_recommendation (review), ==, ASSAY_RECOMMENDATION_NONE);
  g_assert_null (assay_review_get_feedback (review));
  g_assert_nonnull (assay_review_get_started_at (review));
  g_assert_null (assay_review_get_submitted_at (review));
  g_assert_false (assay_review_is_submitted (review));
  assert_valid (review);

  assay_review_set_recommendation (review, ASSAY_RECOMMENDATION_AWARD);
  assay_review_set_recommendation (review, ASSAY_RECOMMENDATION_AWARD);
  g_assert_cmpuint (*recommendation, ==, 1);
  g_assert_cmpint (assay_review_get_recommendation (review), ==, ASSAY_RECOMMENDATION_AWARD);

  assay_review_set_state (review, ASSAY_REVIEW_STATE_SUBMITTED);
  g_assert_cmpuint (*state, ==, 1);
  g_assert_true (assay_review_is_submitted (review));

  assay_review_set_submitted_at (review, submitted);
  assay_review_set_submitted_at (review, again);
  g_assert_cmpuint (*submitted_at, ==, 1);
  g_assert_true (g_date_time_equal (assay_review_get_submitted_at (review), submitted));
  assay_review_set_submitted_at (review, NULL);
  assay_review_set_submitted_at (review, NULL);
  g_assert_cmpuint (*submitted_at, ==, 2);
  g_assert_null (assay_review_get_submitted_at (review));

  assay_review_set_feedback (review, "Clear evidence for every criterion.");
  g_assert_cmpstr (assay_review_get_feedback (review), ==, "Clear evidence for every criterion.");
  assert_valid (review);

  assay_review_set_assessor_id (review, "");
  assert_invalid (review);
  assay_review_set_assessor_id (review, "person-2");
  assay_review_set_started_at (review, NULL);
  assert_invalid (review);
}

static void
test_score (void)
{
  g_autoptr(AssayScore) score = assay_score_new ("review-1", "criterion-1");
  guint *level = watch (score, "level-id");

  g_assert_cmpstr (assay_score_get_review_id (score), ==, "review-1");
  g_assert_cmpstr (assay_score_get_criterion_id (score), ==, "criterion-1");
  g_assert_null (assay_score_get_level_id (score));
  g_assert_null (assay_score_get_comment (score));
  /* Not scored yet is a valid state for a draft review */
  assert_valid (score);

  assay_score_set_level_id (score, "level-3");
  assay_score_set_level_id (score, "level-3");
  g_assert_cmpuint (*level, ==, 1);
  g_assert_cmpstr (assay_score_get_level_id (score), ==, "level-3");
  assay_score_set_comment (score, "See page 4.");
  g_assert_cmpstr (assay_score_get_comment (score), ==, "See page 4.");

  assay_score_set_criterion_id (score, NULL);
  assert_invalid (score);
  assay_score_set_criterion_id (score, "criterion-1");
  assay_score_set_review_id (score, " ");
  assert_invalid (score);
}

static void
test_note (void)
{
  g_autoptr(AssayNote) note = assay_note_new ("artifact-1");
  guint *page = watch (note, "page");
  guint *x = watch (note, "x");

  g_assert_cmpstr (assay_note_get_artifact_id (note), ==, "artifact-1");
  g_assert_null (assay_note_get_review_id (note));
  g_assert_null (assay_note_get_criterion_id (note));
  g_assert_null (assay_note_get_author_id (note));
  g_assert_cmpint (assay_note_get_page (note), ==, -1);
  g_assert_cmpfloat (assay_note_get_x (note), ==, 0);
  g_assert_cmpfloat (assay_note_get_y (note), ==, 0);
  g_assert_cmpfloat (assay_note_get_width (note), ==, 0);
  g_assert_cmpfloat (assay_note_get_height (note), ==, 0);
  g_assert_cmpint (assay_note_get_start_ms (note), ==, -1);
  g_assert_cmpint (assay_note_get_end_ms (note), ==, -1);
  g_assert_cmpstr (assay_note_get_body (note), ==, "");
  g_assert_nonnull (assay_note_get_created_at (note));
  g_assert_false (assay_note_is_page_anchored (note));
  g_assert_false (assay_note_is_time_anchored (note));

  /* Anchored nowhere */
  assert_invalid (note);

  assay_note_set_page (note, 0);
  assay_note_set_page (note, 0);
  g_assert_cmpuint (*page, ==, 1);
  g_assert_true (assay_note_is_page_anchored (note));
  assert_valid (note);

  assay_note_set_x (note, 0.25);
  assay_note_set_x (note, 0.25);
  g_assert_cmpuint (*x, ==, 1);
  assay_note_set_y (note, -0.5);
  assay_note_set_width (note, 0.5);
  assay_note_set_height (note, 0.125);
  g_assert_cmpfloat (assay_note_get_x (note), ==, 0.25);
  g_assert_cmpfloat (assay_note_get_y (note), ==, -0.5);
  g_assert_cmpfloat (assay_note_get_width (note), ==, 0.5);
  g_assert_cmpfloat (assay_note_get_height (note), ==, 0.125);
  /* CHECK (width >= 0) */
  assay_note_set_width (note, -1);
  g_assert_cmpfloat (assay_note_get_width (note), ==, 0);

  /* Pages and times cannot go below the -1 that means "none" */
  assay_note_set_page (note, -7);
  g_assert_cmpint (assay_note_get_page (note), ==, -1);
  assert_invalid (note);

  assay_note_set_start_ms (note, 1500);
  g_assert_true (assay_note_is_time_anchored (note));
  assert_valid (note);
  assay_note_set_end_ms (note, 4000);
  g_assert_cmpint (assay_note_get_end_ms (note), ==, 4000);
  assert_valid (note);
  assay_note_set_end_ms (note, 1500);
  assert_valid (note);
  assay_note_set_end_ms (note, 1499);
  assert_invalid (note);

  /* An end without a start, even on a page */
  assay_note_set_page (note, 2);
  assay_note_set_start_ms (note, -1);
  assay_note_set_end_ms (note, 3000);
  assert_invalid (note);
  assay_note_set_end_ms (note, -1);
  assert_valid (note);

  assay_note_set_review_id (note, "review-1");
  assay_note_set_criterion_id (note, "criterion-1");
  assay_note_set_author_id (note, "person-2");
  assay_note_set_body (note, "Strong example of student voice.");
  g_assert_cmpstr (assay_note_get_review_id (note), ==, "review-1");
  g_assert_cmpstr (assay_note_get_criterion_id (note), ==, "criterion-1");
  g_assert_cmpstr (assay_note_get_author_id (note), ==, "person-2");
  g_assert_cmpstr (assay_note_get_body (note), ==, "Strong example of student voice.");
  assert_valid (note);

  assay_note_set_body (note, NULL);
  assert_invalid (note);
  assay_note_set_body (note, "");
  assay_note_set_artifact_id (note, NULL);
  assert_invalid (note);
}

static void
test_decision (void)
{
  g_autoptr(AssayDecision) decision = assay_decision_new ("submission-1", ASSAY_DECISION_OUTCOME_AWARD);
  guint *moderated = watch (decision, "moderated");
  guint *outcome = watch (decision, "outcome");

  g_assert_cmpstr (assay_decision_get_submission_id (decision), ==, "submission-1");
  g_assert_cmpint (assay_decision_get_outcome (decision), ==, ASSAY_DECISION_OUTCOME_AWARD);
  g_assert_cmpstr (assay_decision_get_rationale (decision), ==, "");
  g_assert_null (assay_decision_get_decided_by (decision));
  g_assert_nonnull (assay_decision_get_decided_at (decision));
  g_assert_false (assay_decision_get_moderated (decision));
  assert_valid (decision);

  assay_decision_set_moderated (decision, TRUE);
  assay_decision_set_moderated (decision, TRUE);
  g_assert_cmpuint (*moderated, ==, 1);
  g_assert_true (assay_decision_get_moderated (decision));

  assay_decision_set_outcome (decision, ASSAY_DECISION_OUTCOME_NOT_YET);
  assay_decision_set_outcome (decision, ASSAY_DECISION_OUTCOME_NOT_YET);
  g_assert_cmpuint (*outcome, ==, 1);
  g_assert_cmpint (assay_decision_get_outcome (decision), ==, ASSAY_DECISION_OUTCOME_NOT_YET);

  assay_decision_set_rationale (decision, "Both reviewers agreed.");
  assay_decision_set_decided_by (decision, "person-3");
  g_assert_cmpstr (assay_decision_get_rationale (decision), ==, "Both reviewers agreed.");
  g_assert_cmpstr (assay_decision_get_decided_by (decision), ==, "person-3");
  assert_valid (decision);

  assay_decision_set_rationale (decision, NULL);
  assert_invalid (decision);
  assay_decision_set_rationale (decision, "");
  assay_decision_set_submission_id (decision, NULL);
  assert_invalid (decision);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/review/review", test_review);
  g_test_add_func ("/assay/model/review/score", test_score);
  g_test_add_func ("/assay/model/review/note", test_note);
  g_test_add_func ("/assay/model/review/decision", test_decision);

  return g_test_run ();
}
