/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_packet (void)
{
  g_autoptr(AssayPacket) packet = assay_packet_new ("credential-1", "state-framework");
  guint *round = watch (packet, "round");
  guint *outcome = watch (packet, "outcome");

  g_assert_cmpstr (assay_packet_get_credential_id (packet), ==, "credential-1");
  g_assert_cmpstr (assay_packet_get_framework_id (packet), ==, "state-framework");
  g_assert_cmpint (assay_packet_get_round (packet), ==, 1);
  g_assert_null (assay_packet_get_submitted_on (packet));
  g_assert_null (assay_packet_get_due_on (packet));
  g_assert_cmpint (assay_packet_get_outcome (packet), ==, ASSAY_PACKET_OUTCOME_DRAFT);
  g_assert_null (assay_packet_get_feedback (packet));
  g_assert_nonnull (assay_packet_get_created_at (packet));
  assert_valid (packet);

  assay_packet_set_round (packet, 2);
  assay_packet_set_round (packet, 2);
  g_assert_cmpuint (*round, ==, 1);
  g_assert_cmpint (assay_packet_get_round (packet), ==, 2);
  assay_packet_set_round (packet, 0);
  g_assert_cmpint (assay_packet_get_round (packet), ==, 1);

  assay_packet_set_outcome (packet, ASSAY_PACKET_OUTCOME_RETURNED);
  assay_packet_set_outcome (packet, ASSAY_PACKET_OUTCOME_RETURNED);
  g_assert_cmpuint (*outcome, ==, 1);
  g_assert_cmpint (assay_packet_get_outcome (packet), ==, ASSAY_PACKET_OUTCOME_RETURNED);

  assay_packet_set_submitted_on (packet, "2025-10-01");
  assay_packet_set_due_on (packet, "2025-12-31");
  assay_packet_set_feedback (packet, "Add the alignment table.");
  g_assert_cmpstr (assay_packet_get_submitted_on (packet), ==, "2025-10-01");
  g_assert_cmpstr (assay_packet_get_due_on (packet), ==, "2025-12-31");
  g_assert_cmpstr (assay_packet_get_feedback (packet), ==, "Add the alignment table.");
  assert_valid (packet);

  assay_packet_set_due_on (packet, "2026-02-30");
  assert_invalid (packet);
  assay_packet_set_due_on (packet, NULL);
  assay_packet_set_submitted_on (packet, "01/10/2025");
  assert_invalid (packet);
  assay_packet_set_submitted_on (packet, NULL);
  assert_valid (packet);

  assay_packet_set_framework_id (packet, "");
  assert_invalid (packet);
  assay_packet_set_framework_id (packet, "state-framework");
  assay_packet_set_credential_id (packet, NULL);
  assert_invalid (packet);
}

static void
test_packet_item (void)
{
  g_autoptr(AssayPacketItem) item = assay_packet_item_new ("packet-1", "1.a");
  const char * const documents[] = { "syllabus.pdf", "rubric.pdf", NULL };
  const char * const reordered[] = { "rubric.pdf", "syllabus.pdf", NULL };
  const char * const copy[] = { "rubric.pdf", "syllabus.pdf", NULL };
  guint *rating = watch (item, "rating");
  guint *notified = watch (item, "documents");

  g_assert_cmpstr (assay_packet_item_get_packet_id (item), ==, "packet-1");
  g_assert_cmpstr (assay_packet_item_get_indicator (item), ==, "1.a");
  g_assert_cmpint (assay_packet_item_get_rating (item), ==, ASSAY_RATING_UNRATED);
  g_assert_null (assay_packet_item_get_narrative (item));
  g_assert_cmpuint (g_strv_length ((GStrv) assay_packet_item_get_documents (item)), ==, 0);
  assert_valid (item);

  assay_packet_item_set_rating (item, ASSAY_RATING_YES);
  assay_packet_item_set_rating (item, ASSAY_RATING_YES);
  g_assert_cmpuint (*rating, ==, 1);
  g_assert_cmpint (assay_packet_item_get_rating (item), ==, ASSAY_RATING_YES);

  assay_packet_item_set_documents (item, documents);
  assay_packet_item_set_documents (item, documents);
  g_assert_cmpuint (*notified, ==, 1);
  /* Order matters: it is the order shown to the reviewer */
  assay_packet_item_set_documents (item, reordered);
  g_assert_cmpuint (*notified, ==, 2);
  assay_packet_item_set_documents (item, copy);
  g_assert_cmpuint (*notified, ==, 2);
  g_assert_true (g_strv_equal (assay_packet_item_get_documents (item), reordered));

  assay_packet_item_set_narrative (item, "Covered in week two.");
  g_assert_cmpstr (assay_packet_item_get_narrative (item), ==, "Covered in week two.");
  assert_valid (item);

  assay_packet_item_set_indicator (item, " ");
  assert_invalid (item);
  assay_packet_item_set_indicator (item, "1.a");
  assay_packet_item_set_packet_id (item, NULL);
  assert_invalid (item);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/packet/packet", test_packet);
  g_test_add_func ("/assay/model/packet/item", test_packet_item);

  return g_test_run ();
}
