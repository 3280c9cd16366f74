/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_submission (void)
{
  g_autoptr(AssaySubmission) submission = assay_submission_new ("person-1", "credential-1");
  guint *status = watch (submission, "status");
  guint *attempt = watch (submission, "attempt");

  g_assert_cmpstr (assay_submission_get_earner_id (submission), ==, "person-1");
  g_assert_cmpstr (assay_submission_get_credential_id (submission), ==, "credential-1");
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 1);
  g_assert_nonnull (assay_submission_get_received_at (submission));
  g_assert_cmpint (assay_submission_get_status (submission), ==, ASSAY_SUBMISSION_STATUS_RECEIVED);
  g_assert_null (assay_submission_get_previous_id (submission));
  g_assert_null (assay_submission_get_bundle_sha256 (submission));
  g_assert_false (assay_submission_is_decided (submission));
  assert_valid (submission);

  assay_submission_set_attempt (submission, 2);
  assay_submission_set_attempt (submission, 2);
  g_assert_cmpuint (*attempt, ==, 1);
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 2);
  /* Attempts count from 1: the property cannot go lower */
  assay_submission_set_attempt (submission, 0);
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 1);
  assert_valid (submission);

  assay_submission_set_status (submission, ASSAY_SUBMISSION_STATUS_NOT_YET);
  assay_submission_set_status (submission, ASSAY_SUBMISSION_STATUS_NOT_YET);
  g_assert_cmpuint (*status, ==, 1);
  g_assert_true (assay_submission_is_decided (submission));
  assay_submission_set_status (submission, ASSAY_SUBMISSION_STATUS_WITHDRAWN);
  g_assert_false (assay_submission_is_decided (submission));

  assay_submission_set_previous_id (submission, "submission-0");
  g_assert_cmpstr (assay_submission_get_previous_id (submission), ==, "submission-0");

  assay_submission_set_bundle_sha256 (submission, EMPTY_SHA256);
  g_assert_cmpstr (assay_submission_get_bundle_sha256 (submission), ==, EMPTY_SHA256);
  assert_valid (submission);
  assay_submission_set_bundle_sha256 (submission, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
  assert_invalid (submission);
  assay_submission_set_bundle_sha256 (submission, "e3b0c442");
  assert_invalid (submission);
  assay_submission_set_bundle_sha256 (submission, NULL);

  assay_submission_set_received_at (submission, NULL);
  assert_invalid (submission);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    assay_submission_set_received_at (submission, now);
  }
  assert_valid (submission);

  assay_submission_set_earner_id (submission, "");
  assert_invalid (submission);
  assay_submission_set_earner_id (submission, "person-1");
  assay_submission_set_credential_id (submission, NULL);
  assert_invalid (submission);
}

static void
test_artifact (void)
{
  g_autoptr(AssayArtifact) artifact = assay_artifact_new ("submission-1", "evidence/plan.pdf", "Data plan", EMPTY_SHA256);
  const char * const criteria[] = { "criterion-1", "criterion-2", NULL };
  const char * const same[] = { "criterion-1", "criterion-2", NULL };
  const char * const empty[] = { NULL };
  guint *notified = watch (artifact, "criteria");
  guint *size = watch (artifact, "size");

  g_assert_cmpstr (assay_artifact_get_submission_id (artifact), ==, "submission-1");
  g_assert_cmpstr (assay_artifact_get_path (artifact), ==, "evidence/plan.pdf");
  g_assert_cmpstr (assay_artifact_get_title (artifact), ==, "Data plan");
  g_assert_cmpstr (assay_artifact_get_sha256 (artifact), ==, EMPTY_SHA256);
  g_assert_cmpstr (assay_artifact_get_media_type (artifact), ==, "application/octet-stream");
  g_assert_cmpint (assay_artifact_get_size (artifact), ==, 0);
  g_assert_cmpint (assay_artifact_get_position (artifact), ==, 0);
  g_assert_null (assay_artifact_get_description (artifact));
  g_assert_nonnull (assay_artifact_get_criteria (artifact));
  g_assert_cmpuint (g_strv_length ((GStrv) assay_artifact_get_criteria (artifact)), ==, 0);
  g_assert_false (assay_artifact_covers_criterion (artifact, "criterion-1"));
  assert_valid (artifact);

  /* An empty list is the same as the default, unset list */
  assay_artifact_set_criteria (artifact, empty);
  g_assert_cmpuint (*notified, ==, 0);
  assay_artifact_set_criteria (artifact, criteria);
  g_assert_cmpuint (*notified, ==, 1);
  assay_artifact_set_criteria (artifact, same);
  g_assert_cmpuint (*notified, ==, 1);
  g_assert_true (g_strv_equal (assay_artifact_get_criteria (artifact), criteria));
  g_assert_true (assay_artifact_covers_criterion (artifact, "criterion-2"));
  g_assert_false (assay_artifact_covers_criterion (artifact, "criterion-3"));
  assay_artifact_set_criteria (artifact, NULL);
  g_assert_cmpuint (*notified, ==, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) assay_artifact_get_criteria (artifact)), ==, 0);

  assay_artifact_set_size (artifact, G_GINT64_CONSTANT (5000000000));
  assay_artifact_set_size (artifact, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpuint (*size, ==, 1);
  g_assert_cmpint (assay_artifact_get_size (artifact), ==, G_GINT64_CONSTANT (5000000000));

  assay_artifact_set_media_type (artifact, "application/pdf");
  assay_artifact_set_description (artifact, "The plan we used in the spring.");
  assay_artifact_set_position (artifact, 2);
  g_assert_cmpstr (assay_artifact_get_media_type (artifact), ==, "application/pdf");
  g_assert_cmpstr (assay_artifact_get_description (artifact), ==, "The plan we used in the spring.");
  g_assert_cmpint (assay_artifact_get_position (artifact), ==, 2);
  assert_valid (artifact);

  /* The fingerprint is required, not only well-formed when present */
  assay_artifact_set_sha256 (artifact, NULL);
  assert_invalid (artifact);
  assay_artifact_set_sha256 (artifact, "not-a-hash");
  assert_invalid (artifact);
  assay_artifact_set_sha256 (artifact, EMPTY_SHA256);
  assert_valid (artifact);

  assay_artifact_set_path (artifact, "../../etc/passwd");
  assert_invalid (artifact);
  assay_artifact_set_path (artifact, "/etc/passwd");
  assert_invalid (artifact);
  assay_artifact_set_path (artifact, "");
  assert_invalid (artifact);
  assay_artifact_set_path (artifact, "plan.pdf");
  assert_valid (artifact);

  assay_artifact_set_media_type (artifact, NULL);
  assert_invalid (artifact);
  assay_artifact_set_media_type (artifact, "application/pdf");
  assay_artifact_set_title (artifact, NULL);
  assert_invalid (artifact);
  assay_artifact_set_title (artifact, "Plan");
  assay_artifact_set_submission_id (artifact, NULL);
  assert_invalid (artifact);
}

static void
test_reflection (void)
{
  g_autoptr(AssayReflection) reflection = assay_reflection_new ("submission-1");
  guint *body = watch (reflection, "body");

  g_assert_cmpstr (assay_reflection_get_submission_id (reflection), ==, "submission-1");
  g_assert_cmpint (assay_reflection_get_position (reflection), ==, 0);
  g_assert_null (assay_reflection_get_criterion_id (reflection));
  g_assert_null (assay_reflection_get_prompt (reflection));
  g_assert_cmpstr (assay_reflection_get_body (reflection), ==, "");
  assert_valid (reflection);

  assay_reflection_set_body (reflection, "");
  g_assert_cmpuint (*body, ==, 0);
  assay_reflection_set_body (reflection, "We met weekly to look at exit tickets.");
  g_assert_cmpuint (*body, ==, 1);
  g_assert_cmpstr (assay_reflection_get_body (reflection), ==, "We met weekly to look at exit tickets.");

  assay_reflection_set_prompt (reflection, "What changed in your practice?");
  assay_reflection_set_criterion_id (reflection, "criterion-1");
  assay_reflection_set_position (reflection, 1);
  g_assert_cmpstr (assay_reflection_get_prompt (reflection), ==, "What changed in your practice?");
  g_assert_cmpstr (assay_reflection_get_criterion_id (reflection), ==, "criterion-1");
  g_assert_cmpint (assay_reflection_get_position (reflection), ==, 1);
  assert_valid (reflection);

  assay_reflection_set_body (reflection, NULL);
  assert_invalid (reflection);
  assay_reflection_set_body (reflection, "");
  assay_reflection_set_submission_id (reflection, "");
  assert_invalid (reflection);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/submission/submission", test_submission);
  g_test_add_func ("/assay/model/submission/artifact", test_artifact);
  g_test_add_func ("/assay/model/submission/reflection", test_reflection);

  return g_test_run ();
}
