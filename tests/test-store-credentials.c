/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "assay-store.h"
#include "assay-store-credentials.h"
#include "test-store-util.h"

/* The life of a credential: a draft with its rubric, published and frozen,
 * replaced by new versions, retired. */

static void
on_record_changed_cb (AssayStore  *store,
                      AssayRecord *record,
                      int          change,
                      guint       *count)
{
  (*count)++;
}

static void
save (AssayStore *store,
      gpointer    record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_save (store, record, &error));
  g_assert_no_error (error);
}

static GPtrArray *
children (AssayStore  *store,
          GType        type,
          const char  *column,
          gpointer     parent)
{
  return assay_store_query (store, type, column, assay_record_get_id (ASSAY_RECORD (parent)),
                            type == ASSAY_TYPE_RUBRIC_CELL ? NULL : "position");
}

static AssayRubric *
rubric_of (AssayStore      *store,
           AssayCredential *credential)
{
  g_autoptr(GError) error = NULL;
  AssayRubric *rubric = assay_store_get_rubric (store, credential, &error);

  g_assert_no_error (error);
  g_assert_true (ASSAY_IS_RUBRIC (rubric));

  return rubric;
}

static AssayCriterion *
add_criterion (AssayStore  *store,
               AssayRubric *rubric,
               const char  *title)
{
  g_autoptr(GError) error = NULL;
  AssayCriterion *criterion = assay_store_add_criterion (store, rubric, title, &error);

  g_assert_no_error (error);
  g_assert_true (ASSAY_IS_CRITERION (criterion));

  return criterion;
}

static void
describe_all_cells (AssayStore  *store,
                    AssayRubric *rubric)
{
  g_autoptr(GPtrArray) criteria = children (store, ASSAY_TYPE_CRITERION, "rubric_id", rubric);

  for (guint c = 0; c < criteria->len; c++)
    {
      AssayCriterion *criterion = g_ptr_array_index (criteria, c);
      g_autoptr(GPtrArray) cells = children (store, ASSAY_TYPE_RUBRIC_CELL, "criterion_id", criterion);

      for (guint i = 0; i < cells->len; i++)
        {
          AssayRubricCell *cell = g_ptr_array_index (cells, i);
          g_autofree char *text = g_strdup_printf ("%s, described (%u)", assay_criterion_get_title (criterion), i);

          assay_rubric_cell_set_descriptor (cell, text);
          save (store, cell);
        }
    }
}

static void
fill_profile (AssayCredential *credential)
{
  assay_credential_set_competency (credential, "The educator builds a shared purpose.");
  assay_credential_set_key_method (credential, "Facilitate a vision-setting protocol.");
  assay_credential_set_research_rationale (credential, "Shared purpose predicts collective efficacy.");
  assay_credential_set_submission_guidelines (credential, "Submit the agenda and a reflection.");
}

/* A draft that may be published: a full profile, a resource, two criteria
 * described at every level. */
static AssayCredential *
create_complete (AssayStore *store,
                 const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, title, &error);
  g_autoptr(AssayRubric) rubric = NULL;
  g_autoptr(AssayCriterion) plans = NULL;
  g_autoptr(AssayCriterion) evidence = NULL;
  g_autoptr(AssayResource) resource = NULL;

  g_assert_no_error (error);
  fill_profile (credential);
  save (store, credential);

  resource = assay_resource_new (assay_record_get_id (ASSAY_RECORD (credential)), "Data Wise, chapter 3");
  assay_resource_set_url (resource, "https://example.org/data-wise");
  save (store, resource);

  rubric = rubric_of (store, credential);
  plans = add_criterion (store, rubric, "Plans");
  evidence = add_criterion (store, rubric, "Evidence");
  describe_all_cells (store, rubric);

  return g_steal_pointer (&credential);
}

static void
publish (AssayStore      *store,
         AssayCredential *credential)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_publish_credential (store, credential, NULL, &error));
  g_assert_no_error (error);
}

static char *
stored_text (AssayStore  *store,
             const char  *table,
             const char  *column,
             gpointer     record)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = '%s'",
                                          column, table, assay_record_get_id (ASSAY_RECORD (record)));

  return store_test_db_text (store, sql);
}

static void
assert_clean (AssayStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = assay_store_check (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_credentials_create (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GListModel) list = assay_store_list (store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", "title");
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayRubric) rubric = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Not Yet Evident", "Emerging", "Proficient", "Exemplary" };

  credential = assay_store_create_credential (store, "Cultivating a Shared Purpose", &error);
  g_assert_no_error (error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (credential)));
  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_DRAFT);
  g_assert_cmpint (assay_credential_get_version (credential), ==, 1);
  g_assert_false (assay_credential_get_superseded (credential));
  g_assert_null (assay_credential_get_published_at (credential));
  g_assert_false (assay_store_in_transaction (store));
  list_watch_assert (watch, 1, 0, 0, 1);

  rubric = rubric_of (store, credential);
  g_assert_cmpstr (assay_rubric_get_credential_id (rubric), ==, assay_record_get_id (ASSAY_RECORD (credential)));
  g_assert_cmpint (assay_rubric_get_rule (rubric), ==, ASSAY_DECISION_RULE_ALL_AT_LEVEL);

  levels = children (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric);
  g_assert_cmpuint (levels->len, ==, 4);
  for (guint i = 0; i < levels->len; i++)
    {
      AssayLevel *level = g_ptr_array_index (levels, i);

      g_assert_cmpstr (assay_level_get_name (level), ==, names[i]);
      g_assert_cmpint (assay_level_get_points (level), ==, i + 1);
      g_assert_cmpint (assay_level_get_position (level), ==, i);
    }
  g_assert_cmpstr (assay_rubric_get_rule_level_id (rubric), ==, assay_record_get_id (g_ptr_array_index (levels, 2)));

  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC), ==, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CRITERION), ==, 0);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL), ==, 0);

  /* A title is required: nothing at all is left of a failed creation */
  g_assert_null (assay_store_create_credential (store, " ", &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
  g_assert_false (assay_store_in_transaction (store));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC), ==, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_LEVEL), ==, 4);
  list_watch_assert (watch, 0);

  assert_clean (store);
}

static void
test_credentials_cells (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, "Cells", &error);
  g_autoptr(AssayCredential) other = assay_store_create_credential (store, "Other", &error);
  g_autoptr(AssayRubric) rubric = rubric_of (store, credential);
  g_autoptr(AssayRubric) other_rubric = rubric_of (store, other);
  g_autoptr(GPtrArray) levels = children (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric);
  g_autoptr(GPtrArray) other_levels = children (store, ASSAY_TYPE_LEVEL, "rubric_id", other_rubric);
  g_autoptr(AssayCriterion) plans = add_criterion (store, rubric, "Plans");
  g_autoptr(AssayCriterion) evidence = NULL;
  g_autoptr(AssayLevel) top = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(AssayRubricCell) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (assay_criterion_get_position (plans), ==, 0);
  g_assert_cmpstr (assay_criterion_get_rubric_id (plans), ==, assay_record_get_id (ASSAY_RECORD (rubric)));

  /* One empty cell per level */
  cells = children (store, ASSAY_TYPE_RUBRIC_CELL, "criterion_id", plans);
  g_assert_cmpuint (cells->len, ==, 4);
  for (guint i = 0; i < levels->len; i++)
    {
      g_autoptr(AssayRubricCell) cell = assay_store_get_cell (store, plans, g_ptr_array_index (levels, i), &error);

      g_assert_no_error (error);
      g_assert_null (assay_rubric_cell_get_descriptor (cell));
      g_assert_true (g_ptr_array_find (cells, cell, NULL));
    }
  g_clear_pointer (&cells, g_ptr_array_unref);

  evidence = add_criterion (store, rubric, "Evidence");
  g_assert_cmpint (assay_criterion_get_position (evidence), ==, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL), ==, 8);

  /* One more level: one cell per criterion */
  top = assay_store_add_level (store, rubric, "Distinguished", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assay_level_get_position (top), ==, 4);
  g_assert_cmpint (assay_level_get_points (top), ==, 5);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL), ==, 10);
  cells = assay_store_query (store, ASSAY_TYPE_RUBRIC_CELL, "level_id", assay_record_get_id (ASSAY_RECORD (top)), NULL);
  g_assert_cmpuint (cells->len, ==, 2);

  /* The other rubric is untouched, and has no cell for our criterion */
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_LEVEL), ==, 9);
  missing = assay_store_get_cell (store, plans, g_ptr_array_index (other_levels, 0), &error);
  g_assert_null (missing);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND);
}

static void
assert_not_publishable (AssayStore      *store,
                        AssayCredential *credential)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  g_assert_false (assay_store_publish_credential (store, credential, NULL, &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);

  g_assert_false (assay_store_in_transaction (store));
  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_DRAFT);
  g_assert_null (assay_credential_get_published_at (credential));
  status = stored_text (store, "credential", "status", credential);
  g_assert_cmpstr (status, ==, "draft");
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_AUDIT_EVENT), ==, 0);
}

static void
test_credentials_publish_incomplete (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, "Incomplete", &error);
  g_autoptr(AssayRubric) rubric = rubric_of (store, credential);
  g_autoptr(AssayCriterion) criterion = NULL;
  g_autoptr(GPtrArray) levels = children (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric);
  g_autoptr(AssayRubricCell) cell = NULL;
  guint status_notified = 0;

  g_assert_no_error (error);
  g_signal_connect (credential, "notify::status", G_CALLBACK (store_test_count_cb), &status_notified);

  /* An empty profile */
  assert_not_publishable (store, credential);

  /* Everything but the competency, then a blank one */
  fill_profile (credential);
  assay_credential_set_competency (credential, NULL);
  save (store, credential);
  assert_not_publishable (store, credential);
  assay_credential_set_competency (credential, " \t\n");
  save (store, credential);
  assert_not_publishable (store, credential);
  assay_credential_set_competency (credential, "A competency");
  save (store, credential);

  /* No criterion */
  assert_not_publishable (store, credential);

  /* A criterion whose descriptors are empty, then all but one blank */
  criterion = add_criterion (store, rubric, "Only");
  assert_not_publishable (store, credential);
  describe_all_cells (store, rubric);
  cell = assay_store_get_cell (store, criterion, g_ptr_array_index (levels, 1), &error);
  g_assert_no_error (error);
  assay_rubric_cell_set_descriptor (cell, "   ");
  save (store, cell);
  assert_not_publishable (store, credential);
  assay_rubric_cell_set_descriptor (cell, "Emerging plans");
  save (store, cell);

  /* No level that every criterion must reach */
  assay_rubric_set_rule_level_id (rubric, NULL);
  save (store, rubric);
  assert_not_publishable (store, credential);

  /* A minimum total out of range: one criterion, at most 4 points */
  assay_rubric_set_rule (rubric, ASSAY_DECISION_RULE_MINIMUM_TOTAL);
  assay_rubric_set_minimum_total (rubric, 0);
  save (store, rubric);
  assert_not_publishable (store, credential);
  assay_rubric_set_minimum_total (rubric, 5);
  save (store, rubric);
  assert_not_publishable (store, credential);

  /* In range, it publishes */
  assay_rubric_set_minimum_total (rubric, 4);
  save (store, rubric);
  status_notified = 0;
  publish (store, credential);
  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_PUBLISHED);
  g_assert_cmpuint (status_notified, ==, 1);
  assert_clean (store);
}

static void
test_credentials_publish (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) credential = create_complete (store, "Complete");
  g_autoptr(AssayPerson) staff = assay_person_new ("Staff", "staff@example.org");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *published_at = NULL;
  AssayAuditEvent *event;
  GDateTime *at;

  save (store, staff);
  g_assert_true (assay_store_publish_credential (store, credential, assay_record_get_id (ASSAY_RECORD (staff)), &error));
  g_assert_no_error (error);
  after = g_date_time_new_now_utc ();

  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_PUBLISHED);
  g_assert_false (assay_credential_is_editable (credential));
  at = assay_credential_get_published_at (credential);
  g_assert_nonnull (at);
  g_assert_cmpint (g_date_time_difference (at, before), >=, -1000000);
  g_assert_cmpint (g_date_time_difference (after, at), >=, 0);

  status = stored_text (store, "credential", "status", credential);
  g_assert_cmpstr (status, ==, "published");
  published_at = stored_text (store, "credential", "published_at", credential);
  g_assert_nonnull (published_at);

  events = assay_store_query (store, ASSAY_TYPE_AUDIT_EVENT, NULL, NULL, "seq");
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (assay_audit_event_get_seq (event), ==, 1);
  g_assert_cmpstr (assay_audit_event_get_action (event), ==, "credential-published");
  g_assert_cmpstr (assay_audit_event_get_subject_kind (event), ==, "credential");
  g_assert_cmpstr (assay_audit_event_get_subject_id (event), ==, assay_record_get_id (ASSAY_RECORD (credential)));
  g_assert_cmpstr (assay_audit_event_get_actor_id (event), ==, assay_record_get_id (ASSAY_RECORD (staff)));

  assert_clean (store);
}

/* Saving @record (just edited) must fail as frozen and put the stored
 * value back, with a notification for it. */
static void
assert_frozen (AssayStore *store,
               gpointer    record,
               const char *property,
               guint      *notified)
{
  g_autoptr(GError) error = NULL;
  guint before = *notified;

  g_assert_false (assay_store_save (store, record, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_assert_cmpuint (*notified, ==, before + 1);
  g_assert_false (assay_store_in_transaction (store));
}

static void
test_credentials_frozen (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) credential = create_complete (store, "Frozen");
  g_autoptr(AssayCredential) draft = create_complete (store, "Still a draft");
  g_autoptr(AssayRubric) rubric = rubric_of (store, credential);
  g_autoptr(AssayRubric) draft_rubric = rubric_of (store, draft);
  g_autoptr(GPtrArray) criteria = children (store, ASSAY_TYPE_CRITERION, "rubric_id", rubric);
  g_autoptr(GPtrArray) levels = children (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric);
  g_autoptr(GPtrArray) resources = children (store, ASSAY_TYPE_RESOURCE, "credential_id", credential);
  g_autoptr(GPtrArray) draft_criteria = children (store, ASSAY_TYPE_CRITERION, "rubric_id", draft_rubric);
  AssayCriterion *criterion = g_ptr_array_index (criteria, 0);
  AssayLevel *level = g_ptr_array_index (levels, 0);
  AssayResource *resource = g_ptr_array_index (resources, 0);
  g_autoptr(AssayRubricCell) cell = NULL;
  g_autoptr(AssayResource) new_resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  guint notified = 0;
  gint64 n_cells;

  publish (store, credential);
  n_cells = assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL);

  /* The profile */
  g_signal_connect (credential, "notify::title", G_CALLBACK (store_test_count_cb), &notified);
  assay_credential_set_title (credential, "Thawed");
  assert_frozen (store, credential, "title", &notified);
  g_assert_cmpstr (assay_credential_get_title (credential), ==, "Frozen");
  stored = stored_text (store, "credential", "title", credential);
  g_assert_cmpstr (stored, ==, "Frozen");
  g_clear_pointer (&stored, g_free);

  /* The rubric: a criterion, a level, a cell, a resource */
  notified = 0;
  g_signal_connect (criterion, "notify::title", G_CALLBACK (store_test_count_cb), &notified);
  assay_criterion_set_title (criterion, "Changed");
  assert_frozen (store, criterion, "title", &notified);
  g_assert_cmpstr (assay_criterion_get_title (criterion), ==, "Plans");

  notified = 0;
  g_signal_connect (level, "notify::name", G_CALLBACK (store_test_count_cb), &notified);
  assay_level_set_name (level, "Changed");
  assert_frozen (store, level, "name", &notified);
  g_assert_cmpstr (assay_level_get_name (level), ==, "Not Yet Evident");

  notified = 0;
  cell = assay_store_get_cell (store, criterion, level, &error);
  g_assert_no_error (error);
  stored = g_strdup (assay_rubric_cell_get_descriptor (cell));
  g_assert_nonnull (stored);
  g_signal_connect (cell, "notify::descriptor", G_CALLBACK (store_test_count_cb), &notified);
  assay_rubric_cell_set_descriptor (cell, "Changed");
  assert_frozen (store, cell, "descriptor", &notified);
  g_assert_cmpstr (assay_rubric_cell_get_descriptor (cell), ==, stored);
  g_clear_pointer (&stored, g_free);

  notified = 0;
  g_signal_connect (resource, "notify::title", G_CALLBACK (store_test_count_cb), &notified);
  assay_resource_set_title (resource, "Changed");
  assert_frozen (store, resource, "title", &notified);
  g_assert_cmpstr (assay_resource_get_title (resource), ==, "Data Wise, chapter 3");

  /* The rubric of the published version may not move nor the draft's join it */
  notified = 0;
  g_signal_connect (criterion, "notify::rubric-id", G_CALLBACK (store_test_count_cb), &notified);
  assay_criterion_set_rubric_id (criterion, assay_record_get_id (ASSAY_RECORD (draft_rubric)));
  assert_frozen (store, criterion, "rubric-id", &notified);
  g_assert_cmpstr (assay_criterion_get_rubric_id (criterion), ==, assay_record_get_id (ASSAY_RECORD (rubric)));
  notified = 0;
  g_signal_connect (g_ptr_array_index (draft_criteria, 0), "notify::rubric-id", G_CALLBACK (store_test_count_cb), &notified);
  assay_criterion_set_rubric_id (g_ptr_array_index (draft_criteria, 0), assay_record_get_id (ASSAY_RECORD (rubric)));
  assert_frozen (store, g_ptr_array_index (draft_criteria, 0), "rubric-id", &notified);

  /* Nothing may be added or removed either */
  new_resource = assay_resource_new (assay_record_get_id (ASSAY_RECORD (credential)), "Another");
  g_assert_false (assay_store_save (store, new_resource, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_null (assay_store_add_criterion (store, rubric, "Another", &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_null (assay_store_add_level (store, rubric, "Another", 9, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (assay_store_delete (store, criterion, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (criterion)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CRITERION), ==, 4);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_LEVEL), ==, 8);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RESOURCE), ==, 2);
  g_assert_cmpint (assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL), ==, n_cells);

  /* Published never goes back to draft, and is never deleted */
  assay_credential_set_status (credential, ASSAY_CREDENTIAL_STATUS_DRAFT);
  g_assert_false (assay_store_save (store, credential, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_PUBLISHED);

  g_assert_false (assay_store_delete (store, credential, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (credential)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 2);

  /* Retiring is allowed, and recorded */
  g_assert_true (assay_store_retire_credential (store, credential, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assay_credential_get_status (credential), ==, ASSAY_CREDENTIAL_STATUS_RETIRED);
  stored = stored_text (store, "credential", "status", credential);
  g_assert_cmpstr (stored, ==, "retired");
  g_clear_pointer (&stored, g_free);
  stored = store_test_db_text (store, "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_event ORDER BY seq)");
  g_assert_cmpstr (stored, ==, "credential-published credential-retired");

  /* Still frozen, still not deletable */
  g_assert_false (assay_store_delete (store, credential, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  notified = 0;
  assay_credential_set_title (credential, "Thawed");
  assert_frozen (store, credential, "title", &notified);

  /* The draft next to it was never affected */
  assay_credential_set_title (draft, "Edited draft");
  save (store, draft);
  assert_clean (store);
}

static AssayLevel *
find_level (GPtrArray  *levels,
            const char *id)
{
  for (guint i = 0; i < levels->len; i++)
    if (g_strcmp0 (assay_record_get_id (g_ptr_array_index (levels, i)), id) == 0)
      return g_ptr_array_index (levels, i);

  return NULL;
}

static void
test_credentials_new_version (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) v1 = create_complete (store, "Versioned");
  g_autoptr(AssayCredential) v2 = NULL;
  g_autoptr(AssayCredential) v3 = NULL;
  g_autoptr(AssayCredential) refused = NULL;
  g_autoptr(AssayRubric) rubric1 = rubric_of (store, v1);
  g_autoptr(AssayRubric) rubric2 = NULL;
  g_autoptr(GPtrArray) levels1 = children (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric1);
  g_autoptr(GPtrArray) criteria1 = children (store, ASSAY_TYPE_CRITERION, "rubric_id", rubric1);
  g_autoptr(GPtrArray) resources1 = children (store, ASSAY_TYPE_RESOURCE, "credential_id", v1);
  g_autoptr(GPtrArray) levels2 = NULL;
  g_autoptr(GPtrArray) criteria2 = NULL;
  g_autoptr(GPtrArray) resources2 = NULL;
  g_autoptr(GListModel) current = assay_store_list (store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", "version");
  g_autoptr(ListWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  AssayLevel *rule_level;
  guint superseded_notified = 0;

  assay_credential_set_description (v1, "The first version");
  assay_credential_set_pd_hours (v1, 15);
  save (store, v1);
  publish (store, v1);
  watch = list_watch_new (current, store);

  v2 = assay_store_new_version (store, v1, &error);
  g_assert_no_error (error);
  g_assert_true (ASSAY_IS_CREDENTIAL (v2));
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (v2)));
  g_assert_cmpstr (assay_record_get_id (ASSAY_RECORD (v2)), !=, assay_record_get_id (ASSAY_RECORD (v1)));
  g_assert_cmpstr (assay_credential_get_lineage_id (v2), ==, assay_credential_get_lineage_id (v1));
  g_assert_cmpint (assay_credential_get_version (v2), ==, 2);
  g_assert_cmpint (assay_credential_get_status (v2), ==, ASSAY_CREDENTIAL_STATUS_DRAFT);
  g_assert_false (assay_credential_get_superseded (v2));
  g_assert_null (assay_credential_get_published_at (v2));
  g_assert_cmpstr (assay_credential_get_title (v2), ==, "Versioned");
  g_assert_cmpstr (assay_credential_get_description (v2), ==, "The first version");
  g_assert_cmpstr (assay_credential_get_competency (v2), ==, assay_credential_get_competency (v1));
  g_assert_cmpstr (assay_credential_get_submission_guidelines (v2), ==, assay_credential_get_submission_guidelines (v1));
  g_assert_cmpfloat (assay_credential_get_pd_hours (v2), ==, 15);
  list_watch_assert (watch, 1, 1, 0, 1);

  /* The old version stays current until the new one is published */
  g_assert_false (assay_credential_get_superseded (v1));
  g_assert_cmpint (assay_credential_get_status (v1), ==, ASSAY_CREDENTIAL_STATUS_PUBLISHED);

  /* Resources: copies with new ids */
  resources2 = children (store, ASSAY_TYPE_RESOURCE, "credential_id", v2);
  g_assert_cmpuint (resources2->len, ==, resources1->len);
  for (guint i = 0; i < resources2->len; i++)
    {
      AssayResource *old = g_ptr_array_index (resources1, i);
      AssayResource *copy = g_ptr_array_index (resources2, i);

      g_assert_cmpstr (assay_record_get_id (ASSAY_RECORD (copy)), !=, assay_record_get_id (ASSAY_RECORD (old)));
      g_assert_cmpstr (assay_resource_get_title (copy), ==, assay_resource_get_title (old));
      g_assert_cmpstr (assay_resource_get_url (copy), ==, assay_resource_get_url (old));
    }

  /* The rubric: a copy with new ids, its rule level remapped */
  rubric2 = rubric_of (store, v2);
  g_assert_true (rubric2 != rubric1);
  g_assert_cmpstr (assay_record_get_id (ASSAY_RECORD (rubric2)), !=, assay_record_get_id (ASSAY_RECORD (rubric1)));
  g_assert_cmpint (assay_rubric_get_rule (rubric2), ==, assay_rubric_get_rule (rubric1));
  levels2 = children (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric2);
  criteria2 = children (store, ASSAY_TYPE_CRITERION, "rubric_id", rubric2);
  g_assert_cmpuint (levels2->len, ==, levels1->len);
  g_assert_cmpuint (criteria2->len, ==, criteria1->len);
  for (guint i = 0; i < levels2->len; i++)
    {
      AssayLevel *old = g_ptr_array_index (levels1, i);
      AssayLevel *copy = g_ptr_array_index (levels2, i);

      g_assert_null (find_level (levels1, assay_record_get_id (ASSAY_RECORD (copy))));
      g_assert_cmpstr (assay_level_get_name (copy), ==, assay_level_get_name (old));
      g_assert_cmpint (assay_level_get_points (copy), ==, assay_level_get_points (old));
      g_assert_cmpint (assay_level_get_position (copy), ==, assay_level_get_position (old));
    }
  rule_level = find_level (levels2, assay_rubric_get_rule_level_id (rubric2));
  g_assert_nonnull (rule_level);
  g_assert_cmpstr (assay_level_get_name (rule_level), ==, "Proficient");

  for (guint c = 0; c < criteria2->len; c++)
    {
      AssayCriterion *old = g_ptr_array_index (criteria1, c);
      AssayCriterion *copy = g_ptr_array_index (criteria2, c);

      g_assert_cmpstr (assay_record_get_id (ASSAY_RECORD (copy)), !=, assay_record_get_id (ASSAY_RECORD (old)));
      g_assert_cmpstr (assay_criterion_get_title (copy), ==, assay_criterion_get_title (old));
      g_assert_cmpint (assay_criterion_get_position (copy), ==, assay_criterion_get_position (old));

      for (guint l = 0; l < levels2->len; l++)
        {
          g_autoptr(AssayRubricCell) old_cell = assay_store_get_cell (store, old, g_ptr_array_index (levels1, l), &error);
          g_autoptr(AssayRubricCell) new_cell = assay_store_get_cell (store, copy, g_ptr_array_index (levels2, l), &error);

          g_assert_no_error (error);
          g_assert_true (old_cell != new_cell);
          g_assert_cmpstr (assay_rubric_cell_get_descriptor (new_cell), ==, assay_rubric_cell_get_descriptor (old_cell));
        }
    }

  /* Only one draft at a time */
  refused = assay_store_new_version (store, v1, &error);
  g_assert_null (refused);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  refused = assay_store_new_version (store, v2, &error);
  g_assert_null (refused);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 2);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC), ==, 2);
  list_watch_assert (watch, 0);

  /* The draft can change; the published version cannot */
  assay_credential_set_title (v2, "Versioned, revised");
  save (store, v2);
  list_watch_assert (watch, 1, 1, 1, 1);

  /* Publishing the new version supersedes the old one */
  g_signal_connect (v1, "notify::superseded", G_CALLBACK (store_test_count_cb), &superseded_notified);
  publish (store, v2);
  g_assert_true (assay_credential_get_superseded (v1));
  g_assert_cmpuint (superseded_notified, ==, 1);
  g_assert_false (assay_credential_get_superseded (v2));
  g_assert_cmpuint (g_list_model_get_n_items (current), ==, 1);
  g_assert_cmpuint (list_find (current, v2), ==, 0);
  list_watch_assert (watch, 2, 1, 1, 1, 0, 1, 0);
  assert_clean (store);

  /* And a third version may start now */
  v3 = assay_store_new_version (store, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assay_credential_get_version (v3), ==, 3);
  g_assert_cmpstr (assay_credential_get_title (v3), ==, "Versioned, revised");
  g_assert_false (assay_credential_get_superseded (v2));
  assert_clean (store);
}

static void
test_credentials_delete_rule_level (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, "Levels", &error);
  g_autoptr(AssayRubric) rubric = rubric_of (store, credential);
  g_autoptr(AssayCriterion) criterion = add_criterion (store, rubric, "Only");
  g_autoptr(AssayLevel) proficient = assay_store_lookup (store, ASSAY_TYPE_LEVEL,
                                                         assay_rubric_get_rule_level_id (rubric), &error);
  g_autoptr(GListModel) levels = assay_store_list (store, ASSAY_TYPE_LEVEL, "rubric_id",
                                                   assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  g_autoptr(ListWatch) watch = list_watch_new (levels, store);
  g_autofree char *stored = NULL;
  guint notified = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (assay_level_get_name (proficient), ==, "Proficient");
  g_signal_connect (rubric, "notify::rule-level-id", G_CALLBACK (store_test_count_cb), &notified);

  /* Deleting the rule level takes its cells with it and clears the
   * rubric's reference (ON DELETE SET NULL), in memory as on disk */
  g_assert_true (assay_store_delete (store, proficient, &error));
  g_assert_no_error (error);
  list_watch_assert (watch, 1, 2, 1, 0);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL), ==, 3);
  stored = stored_text (store, "rubric", "rule_level_id", rubric);
  g_assert_null (stored);
  g_assert_null (assay_rubric_get_rule_level_id (rubric));
  g_assert_cmpuint (notified, ==, 1);

  /* …so that the rubric can still be saved */
  assay_rubric_set_rule (rubric, ASSAY_DECISION_RULE_MINIMUM_TOTAL);
  assay_rubric_set_minimum_total (rubric, 3);
  g_assert_true (assay_store_save (store, rubric, &error));
  g_assert_no_error (error);
}

static char *
criterion_titles (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (list, i);

      g_assert_cmpint (assay_criterion_get_position (criterion), ==, i);
      g_string_append (text, assay_criterion_get_title (criterion));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_order(list, expected, store)                                                   \
  G_STMT_START {                                                                              \
    g_autofree char *_titles = criterion_titles (list);                                       \
    g_autofree char *_stored = store_test_db_text (store,                                     \
      "SELECT group_concat(title, '') FROM (SELECT title FROM criterion ORDER BY position)"); \
    g_assert_cmpstr (_titles, ==, expected);                                                  \
    g_assert_cmpstr (_stored, ==, expected);                                                  \
  } G_STMT_END

static void
test_credentials_move (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, "Moving", &error);
  g_autoptr(AssayRubric) rubric = rubric_of (store, credential);
  g_autoptr(GListModel) criteria = assay_store_list (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                                     assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  g_autoptr(ListWatch) watch = list_watch_new (criteria, store);
  const char *titles[] = { "A", "B", "C", "D" };
  guint changed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AssayCriterion) criterion = add_criterion (store, rubric, titles[i]);
    }
  g_assert_cmpuint (watch->changes->len, ==, 4);
  g_array_set_size (watch->changes, 0);
  assert_order (criteria, "ABCD", store);

  /* ListWatch checks that every signal matches the list and that none
   * comes before the commit. */
  g_assert_true (assay_store_move (store, criteria, 0, 3, &error));
  g_assert_no_error (error);
  assert_order (criteria, "BCDA", store);
  g_assert_cmpuint (watch->changes->len, >, 0);
  g_array_set_size (watch->changes, 0);

  g_assert_true (assay_store_move (store, criteria, 3, 0, &error));
  g_assert_no_error (error);
  assert_order (criteria, "ABCD", store);
  g_array_set_size (watch->changes, 0);

  g_assert_true (assay_store_move (store, criteria, 1, 2, &error));
  g_assert_no_error (error);
  assert_order (criteria, "ACBD", store);
  g_array_set_size (watch->changes, 0);

  g_assert_true (assay_store_move (store, criteria, 3, 1, &error));
  g_assert_no_error (error);
  assert_order (criteria, "ADCB", store);
  g_array_set_size (watch->changes, 0);

  g_assert_true (assay_store_move (store, criteria, 2, 2, &error));
  g_assert_no_error (error);
  list_watch_assert (watch, 0);

  /* In a published rubric nothing moves, in memory or on disk */
  fill_profile (credential);
  save (store, credential);
  describe_all_cells (store, rubric);
  publish (store, credential);
  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changed);
  g_assert_false (assay_store_move (store, criteria, 0, 3, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_assert_false (assay_store_in_transaction (store));
  assert_order (criteria, "ADCB", store);
  list_watch_assert (watch, 0);
  g_assert_cmpuint (changed, ==, 0);
}

/* The life-cycle operations join a transaction the caller has open, so
 * that a whole catalog can be written, or abandoned, at once. */
static void
test_credentials_join_transaction (void)
{
  StoreTestDir *dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = NULL;
  guint changes = 0;

  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changes);

  g_assert_true (assay_store_begin (store, &error));
  credential = assay_store_create_credential (store, "Joined", &error);
  g_assert_no_error (error);
  g_assert_nonnull (credential);
  g_assert_true (assay_store_in_transaction (store));
  g_assert_false (assay_store_publish_credential (store, credential, NULL, &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (assay_store_in_transaction (store));
  assay_store_rollback (store);

  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 0);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_LEVEL), ==, 0);

  assay_store_close (store);
  store_test_dir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/assay/store/credentials/create", test_credentials_create);
  g_test_add_func ("/assay/store/credentials/join-transaction", test_credentials_join_transaction);
  g_test_add_func ("/assay/store/credentials/cells", test_credentials_cells);
  g_test_add_func ("/assay/store/credentials/publish-incomplete", test_credentials_publish_incomplete);
  g_test_add_func ("/assay/store/credentials/publish", test_credentials_publish);
  g_test_add_func ("/assay/store/credentials/frozen", test_credentials_frozen);
  g_test_add_func ("/assay/store/credentials/new-version", test_credentials_new_version);
  g_test_add_func ("/assay/store/credentials/delete-rule-level", test_credentials_delete_rule_level);
  g_test_add_func ("/assay/store/credentials/move", test_credentials_move);

  return store_test_run ();
}
