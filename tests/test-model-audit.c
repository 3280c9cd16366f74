/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

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
