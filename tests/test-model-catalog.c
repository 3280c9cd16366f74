/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_resource (void)
{
  g_autoptr(AssayResource) resource = assay_resource_new ("credential-1", "Data Wise, chapter 3");
  guint *use = watch (resource, "use");
  guint *cost = watch (resource, "cost");
  guint *url = watch (resource, "url");

  g_assert_cmpstr (assay_resource_get_credential_id (resource), ==, "credential-1");
  g_assert_cmpstr (assay_resource_get_title (resource), ==, "Data Wise, chapter 3");
  g_assert_cmpint (assay_resource_get_position (resource), ==, 0);
  g_assert_null (assay_resource_get_url (resource));
  g_assert_cmpint (assay_resource_get_use (resource), ==, ASSAY_RESOURCE_USE_SUGGESTED);
  g_assert_cmpint (assay_resource_get_cost (resource), ==, ASSAY_RESOURCE_COST_FREE);
  g_assert_null (assay_resource_get_notes (resource));
  assert_valid (resource);

  assay_resource_set_use (resource, ASSAY_RESOURCE_USE_REQUIRED);
  assay_resource_set_use (resource, ASSAY_RESOURCE_USE_REQUIRED);
  g_assert_cmpuint (*use, ==, 1);
  g_assert_cmpint (assay_resource_get_use (resource), ==, ASSAY_RESOURCE_USE_REQUIRED);

  g_object_set (resource, "cost", ASSAY_RESOURCE_COST_PURCHASE, NULL);
  g_assert_cmpuint (*cost, ==, 1);
  g_assert_cmpint (assay_resource_get_cost (resource), ==, ASSAY_RESOURCE_COST_PURCHASE);

  assay_resource_set_url (resource, "https://example.org/data-wise");
  assay_resource_set_url (resource, "https://example.org/data-wise");
  g_assert_cmpuint (*url, ==, 1);
  assert_valid (resource);

  assay_resource_set_url (resource, "javascript:alert(1)");
  assert_invalid (resource);
  assay_resource_set_url (resource, "not a link");
  assert_invalid (resource);
  assay_resource_set_url (resource, NULL);
  assert_valid (resource);

  assay_resource_set_notes (resource, "Library has two copies.");
  g_assert_cmpstr (assay_resource_get_notes (resource), ==, "Library has two copies.");
  assay_resource_set_position (resource, 5);
  g_assert_cmpint (assay_resource_get_position (resource), ==, 5);

  assay_resource_set_title (resource, "");
  assert_invalid (resource);
  assay_resource_set_title (resource, "Data Wise");
  assay_resource_set_credential_id (resource, NULL);
  assert_invalid (resource);
}

static void
test_stack (void)
{
  g_autoptr(AssayStack) stack = assay_stack_new ("Instructional leadership");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 8, 1, 9, 0, 0);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2025, 8, 1, 9, 0, 0);
  guint *ordered = watch (stack, "ordered");
  guint *created = watch (stack, "created-at");

  g_assert_cmpstr (assay_stack_get_title (stack), ==, "Instructional leadership");
  g_assert_null (assay_stack_get_description (stack));
  g_assert_false (assay_stack_get_ordered (stack));
  g_assert_nonnull (assay_stack_get_created_at (stack));
  assert_valid (stack);

  assay_stack_set_ordered (stack, TRUE);
  assay_stack_set_ordered (stack, TRUE);
  g_assert_cmpuint (*ordered, ==, 1);
  g_assert_true (assay_stack_get_ordered (stack));

  assay_stack_set_created_at (stack, when);
  g_assert_cmpuint (*created, ==, 1);
  /* An equal time in another instance is no change */
  assay_stack_set_created_at (stack, same);
  g_assert_cmpuint (*created, ==, 1);
  g_assert_true (g_date_time_equal (assay_stack_get_created_at (stack), when));

  assay_stack_set_description (stack, "Three credentials for new principals.");
  g_assert_cmpstr (assay_stack_get_description (stack), ==, "Three credentials for new principals.");

  assay_stack_set_created_at (stack, NULL);
  g_assert_cmpuint (*created, ==, 2);
  assert_invalid (stack);
  assay_stack_set_created_at (stack, when);

  assay_stack_set_title (stack, "\n");
  assert_invalid (stack);
}

static void
test_stack_member (void)
{
  g_autoptr(AssayStackMember) member = assay_stack_member_new ("stack-1", "lineage-1");
  guint *position = watch (member, "position");

  g_assert_cmpstr (assay_stack_member_get_stack_id (member), ==, "stack-1");
  g_assert_cmpstr (assay_stack_member_get_credential_lineage_id (member), ==, "lineage-1");
  g_assert_cmpint (assay_stack_member_get_position (member), ==, 0);
  assert_valid (member);

  assay_stack_member_set_position (member, 1);
  assay_stack_member_set_position (member, 1);
  g_assert_cmpuint (*position, ==, 1);
  g_assert_cmpint (assay_stack_member_get_position (member), ==, 1);

  assay_stack_member_set_credential_lineage_id (member, "");
  assert_invalid (member);
  assay_stack_member_set_credential_lineage_id (member, "lineage-1");
  assay_stack_member_set_stack_id (member, NULL);
  assert_invalid (member);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/catalog/resource", test_resource);
  g_test_add_func ("/assay/model/catalog/stack", test_stack);
  g_test_add_func ("/assay/model/catalog/stack-member", test_stack_member);

  return g_test_run ();
}
