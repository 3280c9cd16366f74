/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-credential.h"
#include "assay-enum-types.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_credential_properties (void)
{
  g_autoptr(AssayCredential) credential = assay_credential_new ("Cultivating a Shared Purpose");
  guint notified = 0;
  g_autofree char *title = NULL;

  g_assert_cmpstr (assay_credential_get_title (credential), ==, "Cultivating a Shared Purpose");
  g_assert_cmpint (assay_credential_get_version (credential), ==, 1);
  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_DRAFT);
  g_assert_nonnull (assay_credential_get_lineage_id (credential));
  g_assert_nonnull (assay_credential_get_created_at (credential));
  g_assert_nonnull (assay_record_get_id (ASSAY_RECORD (credential)));

  g_signal_connect (credential, "notify::title", G_CALLBACK (count_notify_cb), &notified);
  assay_credential_set_title (credential, "Cultivating a Shared Purpose");
  g_assert_cmpuint (notified, ==, 0);
  assay_credential_set_title (credential, "Ensuring Alignment");
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (credential, "title", "Ensuring Alignment", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (credential, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Ensuring Alignment");

  notified = 0;
  g_signal_connect (credential, "notify::pd-hours", G_CALLBACK (count_notify_cb), &notified);
  assay_credential_set_pd_hours (credential, 15);
  assay_credential_set_pd_hours (credential, 15);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpfloat (assay_credential_get_pd_hours (credential), ==, 15);

  assay_credential_set_status (credential, ASSAY_CREDENTIAL_STATUS_PUBLISHED);
  g_assert_false (assay_credential_is_editable (credential));
}

static void
test_credential_validation (void)
{
  g_autoptr(AssayCredential) credential = assay_credential_new ("  ");
  g_autoptr(GError) error = NULL;

  g_assert_false (assay_record_validate (ASSAY_RECORD (credential), &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  assay_credential_set_title (credential, "Understanding Your Leadership Strengths");
  g_assert_true (assay_record_validate (ASSAY_RECORD (credential), &error));
  g_assert_no_error (error);

  assay_credential_set_image_hash (credential, "../../etc/passwd");
  g_assert_false (assay_record_validate (ASSAY_RECORD (credential), &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
}

static void
test_credential_counts (void)
{
  g_autoptr(AssayCredential) credential = assay_credential_new ("Counting");
  guint counts[ASSAY_N_SUBMISSION_STATUSES] = { 4, 3, 2, 1, 0 };
  guint notified = 0;

  g_signal_connect (credential, "notify::n-awarded", G_CALLBACK (count_notify_cb), &notified);
  _assay_credential_set_submission_counts (credential, counts);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_AWARDED), ==, 2);
  g_assert_cmpuint (notified, ==, 1);
  _assay_credential_set_submission_counts (credential, counts);
  g_assert_cmpuint (notified, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/credential/properties", test_credential_properties);
  g_test_add_func ("/assay/model/credential/validation", test_credential_validation);
  g_test_add_func ("/assay/model/credential/counts", test_credential_counts);

  return g_test_run ();
}
