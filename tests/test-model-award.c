/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_issuer (void)
{
  g_autoptr(AssayIssuer) issuer = assay_issuer_new ("Springfield USD");
  guint *url = watch (issuer, "url");

  g_assert_cmpstr (assay_issuer_get_name (issuer), ==, "Springfield USD");
  g_assert_null (assay_issuer_get_url (issuer));
  g_assert_null (assay_issuer_get_email (issuer));
  g_assert_null (assay_issuer_get_image_hash (issuer));
  g_assert_null (assay_issuer_get_domain (issuer));
  g_assert_null (assay_issuer_get_did (issuer));
  g_assert_null (assay_issuer_get_key_id (issuer));
  g_assert_nonnull (assay_issuer_get_created_at (issuer));
  assert_valid (issuer);

  assay_issuer_set_url (issuer, "https://springfield.example.org");
  assay_issuer_set_url (issuer, "https://springfield.example.org");
  g_assert_cmpuint (*url, ==, 1);
  assay_issuer_set_email (issuer, "credentials@springfield.example.org");
  assay_issuer_set_image_hash (issuer, EMPTY_SHA256);
  assay_issuer_set_domain (issuer, "springfield.example.org");
  assay_issuer_set_did (issuer, "did:web:springfield.example.org");
  assay_issuer_set_key_id (issuer, "did:web:springfield.example.org#key-1");
  g_assert_cmpstr (assay_issuer_get_url (issuer), ==, "https://springfield.example.org");
  g_assert_cmpstr (assay_issuer_get_email (issuer), ==, "credentials@springfield.example.org");
  g_assert_cmpstr (assay_issuer_get_image_hash (issuer), ==, EMPTY_SHA256);
  g_assert_cmpstr (assay_issuer_get_domain (issuer), ==, "springfield.example.org");
  g_assert_cmpstr (assay_issuer_get_did (issuer), ==, "did:web:springfield.example.org");
  g_assert_cmpstr (assay_issuer_get_key_id (issuer), ==, "did:web:springfield.example.org#key-1");
  assert_valid (issuer);

  assay_issuer_set_url (issuer, "ftp://springfield.example.org");
  assert_invalid (issuer);
  assay_issuer_set_url (issuer, NULL);
  assay_issuer_set_email (issuer, "credentials");
  assert_invalid (issuer);
  assay_issuer_set_email (issuer, "");
  assert_valid (issuer);
  assay_issuer_set_image_hash (issuer, "../logo.png");
  assert_invalid (issuer);
  assay_issuer_set_image_hash (issuer, NULL);
  assay_issuer_set_name (issuer, "");
  assert_invalid (issuer);
}

static void
test_award (void)
{
  g_autoptr(AssayAward) award = assay_award_new ("submission-1", "decision-1");
  g_autoptr(GDateTime) revoked = g_date_time_new_utc (2026, 1, 15, 8, 0, 0);
  g_autoptr(GDateTime) expires = g_date_time_new_utc (2029, 6, 30, 0, 0, 0);
  guint *status = watch (award, "status");
  guint *revoked_at = watch (award, "revoked-at");

  g_assert_cmpstr (assay_award_get_submission_id (award), ==, "submission-1");
  g_assert_cmpstr (assay_award_get_decision_id (award), ==, "decision-1");
  g_assert_null (assay_award_get_issuer_id (award));
  g_assert_null (assay_award_get_credential_json (award));
  g_assert_null (assay_award_get_image_hash (award));
  g_assert_cmpint (assay_award_get_status (award), ==, ASSAY_AWARD_STATUS_VALID);
  g_assert_null (assay_award_get_revoked_reason (award));
  g_assert_null (assay_award_get_revoked_at (award));
  g_assert_nonnull (assay_award_get_issued_at (award));
  g_assert_null (assay_award_get_expires_at (award));
  g_assert_false (assay_award_is_revoked (award));
  assert_valid (award);

  assay_award_set_status (award, ASSAY_AWARD_STATUS_REVOKED);
  assay_award_set_status (award, ASSAY_AWARD_STATUS_REVOKED);
  g_assert_cmpuint (*status, ==, 1);
  g_assert_true (assay_award_is_revoked (award));

  assay_award_set_revoked_at (award, revoked);
  assay_award_set_revoked_at (award, revoked);
  g_assert_cmpuint (*revoked_at, ==, 1);
  g_assert_true (g_date_time_equal (assay_award_get_revoked_at (award), revoked));
  assay_award_set_revoked_reason (award, "Issued in error");
  assay_award_set_expires_at (award, expires);
  assay_award_set_issuer_id (award, "issuer-1");
  assay_award_set_credential_json (award, "{\"type\":[\"VerifiableCredential\"]}");
  assay_award_set_image_hash (award, EMPTY_SHA256);
  g_assert_cmpstr (assay_award_get_revoked_reason (award), ==, "Issued in error");
  g_assert_true (g_date_time_equal (assay_award_get_expires_at (award), expires));
  g_assert_cmpstr (assay_award_get_issuer_id (award), ==, "issuer-1");
  g_assert_cmpstr (assay_award_get_credential_json (award), ==, "{\"type\":[\"VerifiableCredential\"]}");
  g_assert_cmpstr (assay_award_get_image_hash (award), ==, EMPTY_SHA256);
  assert_valid (award);

  assay_award_set_image_hash (award, "abc");
  assert_invalid (award);
  assay_award_set_image_hash (award, NULL);
  assay_award_set_issued_at (award, NULL);
  assert_invalid (award);
  assay_award_set_issued_at (award, revoked);
  assay_award_set_decision_id (award, "");
  assert_invalid (award);
  assay_award_set_decision_id (award, "decision-1");
  assay_award_set_submission_id (award, NULL);
  assert_invalid (award);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/award/issuer", test_issuer);
  g_test_add_func ("/assay/model/award/award", test_award);

  return g_test_run ();
}
