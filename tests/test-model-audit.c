/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"

#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

#define assert_valid(record)                                                 \
  G_STMT_START {                                                             \
    g_autoptr(GError) valid_error = NULL;                                    \
    g_assert_true (assay_record_validate (ASSAY_RECORD (record), &valid_error)); \
    g_assert_no_error (valid_error);                                         \
  } G_STMT_END

#define assert_invalid(record)                                               \
  G_STMT_START {                                                             \
    g_autoptr(GError) invalid_error = NULL;                                  \
    g_assert_false (assay_record_validate (ASSAY_RECORD (record), &invalid_error)); \
    g_assert_error (invalid_error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID); \
  } G_STMT_END

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static guint *
watch (gpointer    object,
       const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint *count = g_new0 (guint, 1);

  g_object_set_data_full (G_OBJECT (object), signal, count, g_free);
  g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), count);
  return count;
}

static void
test_audit_event (void)
{
  g_autoptr(AssayAuditEvent) event = assay_audit_event_new ("award.issue", "award", "award-1");
  guint *seq = watch (event, "seq");

  g_assert_cmpint (assay_audit_event_get_seq (event), ==, 1);
  g_assert_nonnull (assay_audit_event_get_at (event));
  g_assert_null (assay_audit_event_get_actor_id (event));
  g_assert_cmpstr (assay_audit_event_get_action (event), ==, "award.issue");
  g_assert_cmpstr (assay_audit_event_get_subject_kind (event), ==, "award");
  g_assert_cmpstr (assay_audit_event_get_subject_id (event), ==, "award-1");
  g_assert_cmpstr (assay_audit_event_get_detail (event), ==, "{}");
  g_assert_null (assay_audit_event_get_prev_hash (event));
  g_assert_null (assay_audit_event_get_row_hash (event));

  /* The chain is not filled in yet */
  assert_invalid (event);

  assay_audit_event_set_prev_hash (event, "");
  assay_audit_event_set_row_hash (event, EMPTY_SHA256);
  assert_valid (event);

  assay_audit_event_set_seq (event, 42);
  assay_audit_event_set_seq (event, 42);
  g_assert_cmpuint (*seq, ==, 1);
  g_assert_cmpint (assay_audit_event_get_seq (event), ==, 42);

  assay_audit_event_set_actor_id (event, "person-3");
  assay_audit_event_set_detail (event, "{\"reason\":\"moderated\"}");
  assay_audit_event_set_prev_hash (event, EMPTY_SHA256);
  g_assert_cmpstr (assay_audit_event_get_actor_id (event), ==, "person-3");
  g_assert_cmpstr (assay_audit_event_get_detail (event), ==, "{\"reason\":\"moderated\"}");
  g_assert_cmpstr (assay_audit_event_get_prev_hash (event), ==, EMPTY_SHA256);
  assert_valid (event);

  assay_audit_event_set_prev_hash (event, "0000");
  assert_invalid (event);
  assay_audit_event_set_prev_hash (event, EMPTY_SHA256);
  assay_audit_event_set_row_hash (event, "zz");
  assert_invalid (event);
  assay_audit_event_set_row_hash (event, EMPTY_SHA256);
  assay_audit_event_set_action (event, "");
  assert_invalid (event);
  assay_audit_event_set_action (event, "award.issue");
  assay_audit_event_set_detail (event, NULL);
  assert_invalid (event);
  assay_audit_event_set_detail (event, "{}");
  assay_audit_event_set_at (event, NULL);
  assert_invalid (event);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/audit/event", test_audit_event);

  return g_test_run ();
}
