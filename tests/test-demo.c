/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-test-fs.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "assay-core-resources.h"
#include "assay-demo.h"
#include "assay-store-credentials.h"

/* The demonstration workspace: complete, all or nothing, and the scale
 * generator. */

static const GType *
row_types (guint *n)
{
  static GType types[9];

  types[0] = ASSAY_TYPE_ISSUER;
  types[1] = ASSAY_TYPE_PERSON;
  types[2] = ASSAY_TYPE_CREDENTIAL;
  types[3] = ASSAY_TYPE_RUBRIC_CELL;
  types[4] = ASSAY_TYPE_STACK;
  types[5] = ASSAY_TYPE_ENROLLMENT;
  types[6] = ASSAY_TYPE_SUBMISSION;
  types[7] = ASSAY_TYPE_DECISION;
  types[8] = ASSAY_TYPE_AUDIT_EVENT;
  *n = G_N_ELEMENTS (types);
  return types;
}

typedef struct
{
  char       *root;
  char       *workspace;
  AssayStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("assay-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->workspace = g_build_filename (f->root, "workspace", NULL);
  f->store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  assay_test_remove_tree (f->root);
  g_free (f->workspace);
  g_free (f->root);
}

static void
assert_empty (AssayStore *store)
{
  guint n;
  const GType *types = row_types (&n);

  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (assay_store_count (store, types[i]), ==, 0);
}

static void
assert_rubric_complete (AssayStore      *store,
                        AssayCredential *credential)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayRubric) rubric = assay_store_get_rubric (store, credential, &error);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GPtrArray) criteria = NULL;

  g_assert_no_error (error);
  levels = assay_store_query (store, ASSAY_TYPE_LEVEL, "rubric_id",
                              assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  criteria = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  g_assert_cmpuint (levels->len, >=, 2);
  g_assert_cmpuint (criteria->len, >=, 1);

  for (guint c = 0; c < criteria->len; c++)
    for (guint l = 0; l < levels->len; l++)
      {
        g_autoptr(AssayRubricCell) cell = assay_store_get_cell (store, g_ptr_array_index (criteria, c),
                                                                g_ptr_array_index (levels, l), &error);

        g_assert_no_error (error);
        g_assert_false (assay_model_is_blank (assay_rubric_cell_get_descriptor (cell)));
      }

  g_assert_true (assay_store_check_publishable (store, credential, &error));
  g_assert_no_error (error);
}

static void
assert_sound (AssayStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = assay_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static guint
total_submission_count (AssayStore *store)
{
  g_autoptr(GPtrArray) credentials = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  guint total = 0;

  for (guint i = 0; i < credentials->len; i++)
    for (guint s = 0; s < ASSAY_N_SUBMISSION_STATUSES; s++)
      total += assay_credential_get_submission_count (g_ptr_array_index (credentials, i), s);

  return total;
}

static void
test_demo_populate (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GPtrArray) members = NULL;
  guint published = 0, retired = 0, resubmissions = 0;

  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_CREDENTIAL), >=, 6);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_STACK), ==, 2);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_ISSUER), ==, 1);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_PERSON), >=, 8);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_SUBMISSION), >=, 6);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_DECISION), >=, 1);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_AUDIT_EVENT), >=, 1);

  credentials = assay_store_query (f->store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, "title");
  for (guint i = 0; i < credentials->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);

      switch (assay_credential_get_status (credential))
        {
        case ASSAY_CREDENTIAL_STATUS_PUBLISHED:
          published++;
          assert_rubric_complete (f->store, credential);
          break;
        case ASSAY_CREDENTIAL_STATUS_RETIRED:
          retired++;
          g_assert_nonnull (assay_credential_get_published_at (credential));
          break;
        case ASSAY_CREDENTIAL_STATUS_DRAFT:
        default:
          break;
        }
    }
  g_assert_cmpuint (published, >=, 1);
  g_assert_cmpuint (retired, ==, 1);

  /* Every stack member names a credential of the workspace */
  members = assay_store_query (f->store, ASSAY_TYPE_STACK_MEMBER, NULL, NULL, NULL);
  g_assert_cmpuint (members->len, >=, 2);
  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(GPtrArray) versions =
        assay_store_query (f->store, ASSAY_TYPE_CREDENTIAL, "lineage_id",
                           assay_stack_member_get_credential_lineage_id (g_ptr_array_index (members, i)), NULL);
      g_assert_cmpuint (versions->len, ==, 1);
    }

  /* A second attempt points at the first by the same earner */
  submissions = assay_store_query (f->store, ASSAY_TYPE_SUBMISSION, NULL, NULL, NULL);
  for (guint i = 0; i < submissions->len; i++)
    {
      AssaySubmission *submission = g_ptr_array_index (submissions, i);
      g_autoptr(AssaySubmission) previous = NULL;

      if (assay_submission_get_attempt (submission) == 1)
        {
          g_assert_null (assay_submission_get_previous_id (submission));
          continue;
        }
      resubmissions++;
      previous = assay_store_lookup (f->store, ASSAY_TYPE_SUBMISSION,
                                     assay_submission_get_previous_id (submission), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (assay_submission_get_earner_id (previous), ==, assay_submission_get_earner_id (submission));
      g_assert_cmpstr (assay_submission_get_credential_id (previous), ==, assay_submission_get_credential_id (submission));
      g_assert_cmpint (assay_submission_get_attempt (previous), ==, assay_submission_get_attempt (submission) - 1);
    }
  g_assert_cmpuint (resubmissions, >=, 1);
  g_assert_cmpuint (total_submission_count (f->store), ==, submissions->len);

  assert_sound (f->store);
}

static void
test_demo_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint people, events;

  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);
  people = assay_store_count (f->store, ASSAY_TYPE_PERSON);
  events = assay_store_count (f->store, ASSAY_TYPE_AUDIT_EVENT);

  g_assert_false (assay_demo_populate (f->store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_false (assay_store_in_transaction (f->store));
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_PERSON), ==, people);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_AUDIT_EVENT), ==, events);
}

/* The real data with one thing broken; @edit gets the root object. */
static GBytes *
broken_demo (void (*edit) (JsonObject *root))
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (assay_core_get_resource (), ASSAY_DEMO_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));
  text = json_to_string (json_parser_get_root (parser), FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static void
edit_last_submission (JsonObject *root)
{
  JsonArray *submissions = json_object_get_array_member (root, "submissions");
  JsonObject *last = json_array_get_object_element (submissions, json_array_get_length (submissions) - 1);

  json_object_set_string_member (last, "earner", "nobody@example.org");
}

static void
edit_last_rubric (JsonObject *root)
{
  JsonArray *credentials = json_object_get_array_member (root, "credentials");
  JsonObject *last = json_array_get_object_element (credentials, json_array_get_length (credentials) - 1);
  JsonObject *rubric = json_object_get_object_member (last, "rubric");

  json_object_set_string_member (rubric, "rule", "all-at-level");
  json_object_set_string_member (rubric, "rule_level", "No Such Level");
}

static void
edit_people_type (JsonObject *root)
{
  json_object_set_object_member (root, "people", json_object_new ());
}

static void
edit_hours_type (JsonObject *root)
{
  JsonArray *credentials = json_object_get_array_member (root, "credentials");

  json_object_set_string_member (json_array_get_object_element (credentials, 0), "pd_hours", "twelve");
}

static void
edit_format (JsonObject *root)
{
  json_object_set_int_member (root, "version", 99);
}

static void
test_demo_atomic (Fixture       *f,
                  gconstpointer  data)
{
  const struct {
    void (*edit) (JsonObject *root);
    GQuark domain;
    int    code;
  } cases[] = {
    { edit_last_submission, G_IO_ERROR, G_IO_ERROR_INVALID_DATA },
    { edit_last_rubric, G_IO_ERROR, G_IO_ERROR_INVALID_DATA },
    { edit_people_type, G_IO_ERROR, G_IO_ERROR_INVALID_DATA },
    { edit_hours_type, G_IO_ERROR, G_IO_ERROR_INVALID_DATA },
    { edit_format, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED },
  };
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{\"format\": ", 11);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = broken_demo (cases[i].edit);

      g_assert_false (assay_demo_populate_from_bytes (f->store, bytes, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_clear_error (&error);
      g_assert_false (assay_store_in_transaction (f->store));
      assert_empty (f->store);
    }

  g_assert_false (assay_demo_populate_from_bytes (f->store, garbage, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* and the real thing still goes in afterwards */
  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);
  assert_sound (f->store);
}

static void
test_demo_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AssayStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  reader = assay_store_open (f->workspace, ASSAY_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (assay_demo_populate (reader, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (assay_demo_add_scale (reader, 10, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY);
  assert_empty (reader);
}

static void
test_demo_scale (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new (NULL, NULL);
  guint people, n_credentials, scale_credentials = 0;

  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);
  people = assay_store_count (f->store, ASSAY_TYPE_PERSON);
  n_credentials = assay_store_count (f->store, ASSAY_TYPE_CREDENTIAL);

  g_assert_true (assay_demo_add_scale (f->store, 250, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_PERSON), ==, people + 250);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_CREDENTIAL), ==, n_credentials + 2);

  submissions = assay_store_query (f->store, ASSAY_TYPE_SUBMISSION, NULL, NULL, NULL);
  for (guint i = 0; i < submissions->len; i++)
    g_hash_table_add (statuses, GINT_TO_POINTER (assay_submission_get_status (g_ptr_array_index (submissions, i))));
  g_assert_cmpuint (g_hash_table_size (statuses), ==, ASSAY_N_SUBMISSION_STATUSES);
  g_assert_cmpuint (total_submission_count (f->store), ==, submissions->len);

  credentials = assay_store_query (f->store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  for (guint i = 0; i < credentials->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);
      g_autoptr(AssayRubric) rubric = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (!g_str_has_prefix (assay_credential_get_title (credential), "Scale"))
        continue;
      scale_credentials++;
      g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_PUBLISHED);
      g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), >, 0);
      assert_rubric_complete (f->store, credential);
      rubric = assay_store_get_rubric (f->store, credential, NULL);
      criteria = assay_store_query (f->store, ASSAY_TYPE_CRITERION, "rubric_id",
                                    assay_record_get_id (ASSAY_RECORD (rubric)), NULL);
      g_assert_cmpuint (criteria->len, ==, 3);
    }
  g_assert_cmpuint (scale_credentials, ==, 2);

  assert_sound (f->store);
}

static void
test_demo_caller_transaction (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_begin (f->store, &error));
  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (assay_demo_add_scale (f->store, 120, &error));
  g_assert_no_error (error);
  g_assert_true (assay_store_in_transaction (f->store));
  assay_store_rollback (f->store);

  assert_empty (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/assay/demo/populate", Fixture, NULL, fixture_set_up, test_demo_populate, fixture_tear_down);
  g_test_add ("/assay/demo/twice", Fixture, NULL, fixture_set_up, test_demo_twice, fixture_tear_down);
  g_test_add ("/assay/demo/atomic", Fixture, NULL, fixture_set_up, test_demo_atomic, fixture_tear_down);
  g_test_add ("/assay/demo/read-only", Fixture, NULL, fixture_set_up, test_demo_read_only, fixture_tear_down);
  g_test_add ("/assay/demo/scale", Fixture, NULL, fixture_set_up, test_demo_scale, fixture_tear_down);
  g_test_add ("/assay/demo/caller-transaction", Fixture, NULL, fixture_set_up, test_demo_caller_transaction,
              fixture_tear_down);

  return g_test_run ();
}
