/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "assay-model.h"
#include "assay-store.h"
#include "test-store-util.h"

/* The core of the store: creating and opening workspaces, one object per
 * row, saving, constraints and transactions. */

static void
on_record_changed_cb (AssayStore  *store,
                      AssayRecord *record,
                      int          change,
                      guint       *count)
{
  (*count)++;
}

static AssayPerson *
save_person (AssayStore *store,
             const char *name,
             const char *email)
{
  g_autoptr(AssayPerson) person = assay_person_new (name, email);
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_save (store, person, &error));
  g_assert_no_error (error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (person)));

  return g_steal_pointer (&person);
}

static void
assert_not_found (AssayStore *store,
                  GType       type,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayRecord) record = assay_store_lookup (store, type, id, &error);

  g_assert_null (record);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND);
}

static void
test_store_migrate_empty (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *tmp = NULL;

  /* OPEN_EXISTING never creates a workspace */
  store = assay_store_open (dir->workspace, ASSAY_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (dir->db_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = store_test_open (dir->workspace);
  g_assert_cmpstr (assay_store_get_directory (store), ==, dir->workspace);
  g_assert_false (assay_store_get_read_only (store));
  g_assert_false (assay_store_in_transaction (store));
  g_assert_true (g_file_test (dir->db_path, G_FILE_TEST_IS_REGULAR));
  tmp = g_build_filename (dir->workspace, "blobs", "tmp", NULL);
  g_assert_true (g_file_test (tmp, G_FILE_TEST_IS_DIR));

  /* The connection's own settings (foreign_keys is per connection) */
  g_assert_cmpint (store_test_db_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (store_test_db_int (store, "PRAGMA synchronous"), ==, 2);
  journal = store_test_db_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 0);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 0);

  assay_store_close (store);
  g_clear_object (&store);

  /* The file itself, through another connection */
  g_clear_pointer (&journal, g_free);
  g_assert_cmpint (store_test_file_int (dir->db_path, "PRAGMA user_version"), ==, ASSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_file_int (dir->db_path, "PRAGMA application_id"), ==, 0x41535359);
  journal = store_test_file_text (dir->db_path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (store_test_file_int (dir->db_path,
                                        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                        "('credential', 'rubric', 'criterion', 'level', 'rubric_cell', 'person', "
                                        "'submission', 'artifact', 'stack', 'stack_member', 'audit_event')"),
                   ==, 11);
  g_clear_pointer (&journal, g_free);
  journal = store_test_file_text (dir->db_path, "PRAGMA quick_check");
  g_assert_cmpstr (journal, ==, "ok");

  /* Opening again migrates nothing and keeps the schema version */
  store = store_test_open (dir->workspace);
  g_assert_cmpint (store_test_db_int (store, "PRAGMA user_version"), ==, ASSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_db_int (store, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_store_reopen (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) person = save_person (store, "Ada Lovelace", "ada@example.org");
  g_autoptr(AssayCredential) credential = assay_credential_new ("Leading Learning");
  g_autoptr(AssayPerson) again = NULL;
  g_autoptr(AssayCredential) credential_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person_id = g_strdup (assay_record_get_id (ASSAY_RECORD (person)));
  g_autofree char *credential_id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
  g_autoptr(GDateTime) created = g_date_time_ref (assay_person_get_created_at (person));

  assay_person_set_roles (person, ASSAY_PERSON_ROLE_EARNER | ASSAY_PERSON_ROLE_ASSESSOR);
  assay_person_set_school (person, "Analytical School");
  g_assert_true (assay_store_save (store, person, &error));
  g_assert_no_error (error);

  assay_credential_set_pd_hours (credential, 12.5);
  assay_credential_set_competency (credential, "Shared purpose ✓");
  g_assert_true (assay_store_save (store, credential, &error));
  g_assert_no_error (error);

  assay_store_close (store);
  g_clear_object (&store);
  g_clear_object (&person);
  g_clear_object (&credential);

  store = store_test_open (dir->workspace);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 1);

  again = assay_store_lookup (store, ASSAY_TYPE_PERSON, person_id, &error);
  g_assert_no_error (error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (again)));
  g_assert_cmpstr (assay_person_get_name (again), ==, "Ada Lovelace");
  g_assert_cmpstr (assay_person_get_email (again), ==, "ada@example.org");
  g_assert_cmpstr (assay_person_get_school (again), ==, "Analytical School");
  g_assert_null (assay_person_get_district (again));
  g_assert_cmpint (assay_person_get_roles (again), ==, ASSAY_PERSON_ROLE_EARNER | ASSAY_PERSON_ROLE_ASSESSOR);
  g_assert_true (g_date_time_equal (assay_person_get_created_at (again), created));

  credential_again = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, credential_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assay_credential_get_title (credential_again), ==, "Leading Learning");
  g_assert_cmpstr (assay_credential_get_competency (credential_again), ==, "Shared purpose ✓");
  g_assert_cmpfloat (assay_credential_get_pd_hours (credential_again), ==, 12.5);
  g_assert_cmpint (assay_credential_get_status (credential_again), ==, ASSAY_CREDENTIAL_STATUS_DRAFT);
}

static void
test_store_identity (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  AssayPerson *person = save_person (store, "Grace Hopper", "grace@example.org");
  g_autofree char *id = g_strdup (assay_record_get_id (ASSAY_RECORD (person)));
  AssayPerson *first;
  AssayPerson *second;
  AssayPerson *weak;

  /* The object saved is the object found */
  first = assay_store_lookup (store, ASSAY_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_true (first == person);
  g_object_unref (first);
  g_object_unref (person);

  /* Nobody holds it now: the store must not have kept it alive */
  first = assay_store_lookup (store, ASSAY_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  second = assay_store_lookup (store, ASSAY_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_object_unref (second);

  {
    g_autoptr(GPtrArray) rows = assay_store_query (store, ASSAY_TYPE_PERSON, NULL, NULL, NULL);
    g_autoptr(GPtrArray) by_email = assay_store_query (store, ASSAY_TYPE_PERSON, "email", "grace@example.org", "name");
    g_autoptr(GListModel) list = assay_store_list (store, ASSAY_TYPE_PERSON, NULL, NULL, "name");
    g_autoptr(AssayPerson) item = g_list_model_get_item (list, 0);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_true (g_ptr_array_index (rows, 0) == first);
    g_assert_cmpuint (by_email->len, ==, 1);
    g_assert_true (g_ptr_array_index (by_email, 0) == first);
    g_assert_true (item == first);
  }

  /* An unsaved edit lives in the one object… */
  assay_person_set_name (first, "Amazing Grace");
  second = assay_store_lookup (store, ASSAY_TYPE_PERSON, id, &error);
  g_assert_true (second == first);
  g_assert_cmpstr (assay_person_get_name (second), ==, "Amazing Grace");
  g_object_unref (second);

  /* …and goes with it: once every reference is dropped the object is
   * finalised and the next lookup reads the row afresh. */
  weak = first;
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &weak);
  g_object_unref (first);
  g_assert_null (weak);

  first = assay_store_lookup (store, ASSAY_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (first)));
  g_assert_cmpstr (assay_person_get_name (first), ==, "Grace Hopper");
  g_assert_cmpstr (assay_record_get_id (ASSAY_RECORD (first)), ==, id);

  /* A record of a different kind with the same id is not confused with it */
  assert_not_found (store, ASSAY_TYPE_CREDENTIAL, id);
  assert_not_found (store, ASSAY_TYPE_PERSON, "no-such-id");
  assert_not_found (store, ASSAY_TYPE_PERSON, NULL);

  g_object_unref (first);
}

static void
test_store_save_lookup (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) person = assay_person_new ("Katherine Johnson", "kj@example.org");
  g_autoptr(AssayPerson) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  guint changed = 0;

  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changed);

  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (person)));
  assert_not_found (store, ASSAY_TYPE_PERSON, assay_record_get_id (ASSAY_RECORD (person)));

  g_assert_true (assay_store_save (store, person, &error));
  g_assert_no_error (error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (person)));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);

  found = assay_store_lookup (store, ASSAY_TYPE_PERSON, assay_record_get_id (ASSAY_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_true (found == person);

  sql = g_strdup_printf ("SELECT name FROM person WHERE id = '%s'", assay_record_get_id (ASSAY_RECORD (person)));
  name = store_test_db_text (store, sql);
  g_assert_cmpstr (name, ==, "Katherine Johnson");

  /* Saving again updates the row in place */
  assay_person_set_name (person, "Katherine G. Johnson");
  g_assert_true (assay_store_save (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
  g_clear_pointer (&name, g_free);
  name = store_test_db_text (store, sql);
  g_assert_cmpstr (name, ==, "Katherine G. Johnson");
}

static void
test_store_save_invalid (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) nameless = assay_person_new ("   ", "nobody@example.org");
  g_autoptr(AssayPerson) person = save_person (store, "Dorothy Vaughan", "dv@example.org");
  g_autoptr(GListModel) list = assay_store_list (store, ASSAY_TYPE_PERSON, NULL, NULL, "name");
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changed);

  g_assert_false (assay_store_save (store, nameless, &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (nameless)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
  assert_not_found (store, ASSAY_TYPE_PERSON, assay_record_get_id (ASSAY_RECORD (nameless)));
  g_assert_false (assay_store_in_transaction (store));

  /* An invalid edit of a stored row: refused, and the row shows its stored value again */
  g_signal_connect (person, "notify::email", G_CALLBACK (store_test_count_cb), &notified);
  assay_person_set_email (person, "not an address");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (assay_store_save (store, person, &error));
  g_assert_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID);
  g_assert_cmpstr (assay_person_get_email (person), ==, "dv@example.org");
  g_assert_cmpuint (notified, ==, 2);
  stored = store_test_db_text (store, "SELECT group_concat(email) FROM person");
  g_assert_cmpstr (stored, ==, "dv@example.org");

  g_assert_cmpuint (changed, ==, 0);
  list_watch_assert (watch, 0);
}

static void
test_store_unique_constraint (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) alice = save_person (store, "Alice", "alice@example.org");
  g_autoptr(AssayPerson) bob = save_person (store, "Bob", "bob@example.org");
  g_autoptr(AssayPerson) twin = assay_person_new ("Alice Twin", "ALICE@Example.ORG");
  g_autoptr(GListModel) list = assay_store_list (store, ASSAY_TYPE_PERSON, NULL, NULL, "name");
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(GError) error = NULL;
  g_autofree char *emails = NULL;
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changed);

  /* A new row that clashes, case-insensitively */
  g_assert_false (assay_store_save (store, twin, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (twin)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 2);
  assert_not_found (store, ASSAY_TYPE_PERSON, assay_record_get_id (ASSAY_RECORD (twin)));
  g_assert_false (assay_store_in_transaction (store));

  /* An edit of a stored row that clashes: refused and reverted, with notify */
  g_signal_connect (bob, "notify::email", G_CALLBACK (store_test_count_cb), &notified);
  assay_person_set_email (bob, "Alice@example.org");
  g_assert_false (assay_store_save (store, bob, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (assay_person_get_email (bob), ==, "bob@example.org");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (bob)));

  emails = store_test_db_text (store, "SELECT group_concat(email, ' ') FROM (SELECT email FROM person ORDER BY email)");
  g_assert_cmpstr (emails, ==, "alice@example.org bob@example.org");
  g_assert_cmpuint (changed, ==, 0);
  list_watch_assert (watch, 0);

  /* The store still works after the failures */
  assay_person_set_email (twin, "alice.twin@example.org");
  g_assert_true (assay_store_save (store, twin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 3);
  list_watch_assert (watch, 1, 1, 0, 1);
}

static void
test_store_rollback (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) existing = save_person (store, "Mary Jackson", "mj@example.org");
  g_autoptr(GListModel) list = assay_store_list (store, ASSAY_TYPE_PERSON, NULL, NULL, "name");
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Annie Easley", "Christine Darden", "Melba Roy" };
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changed);
  g_signal_connect (existing, "notify::name", G_CALLBACK (store_test_count_cb), &notified);

  g_assert_true (assay_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (assay_store_in_transaction (store));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);
      AssayPerson *person = assay_person_new (names[i], email);

      g_assert_true (assay_store_save (store, person, &error));
      g_assert_no_error (error);
      g_ptr_array_add (people, person);
    }
  assay_person_set_name (existing, "Mary W. Jackson");
  g_assert_true (assay_store_save (store, existing, &error));
  g_assert_no_error (error);

  /* Inside the transaction the rows are there, but nobody was told */
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 4);
  g_assert_cmpuint (changed, ==, 0);
  list_watch_assert (watch, 0);

  assay_store_rollback (store);
  g_assert_false (assay_store_in_transaction (store));

  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (changed, ==, 0);
  list_watch_assert (watch, 0);

  /* The edited row has its stored name back, the new ones are unsaved
   * objects that no lookup returns. */
  g_assert_cmpstr (assay_person_get_name (existing), ==, "Mary Jackson");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (existing)));
  for (guint i = 0; i < people->len; i++)
    {
      AssayRecord *person = g_ptr_array_index (people, i);

      g_assert_false (assay_record_get_persisted (person));
      assert_not_found (store, ASSAY_TYPE_PERSON, assay_record_get_id (person));
    }

  /* …and they can still be saved for real afterwards */
  g_assert_true (assay_store_save (store, g_ptr_array_index (people, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 2);
  g_assert_cmpuint (changed, ==, 1);
  list_watch_assert (watch, 1, 0, 0, 1);

  /* Committing a transaction tells everybody, once per row */
  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_store_save (store, g_ptr_array_index (people, 0), &error));
  g_assert_true (assay_store_save (store, g_ptr_array_index (people, 2), &error));
  g_assert_true (assay_store_save (store, g_ptr_array_index (people, 2), &error));
  g_assert_no_error (error);
  list_watch_assert (watch, 0);
  g_assert_true (assay_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  list_watch_assert (watch, 2, 0, 0, 1, 3, 0, 1);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 4);
}

static void
test_store_foreign_key (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) credential = assay_credential_new ("Coaching");
  g_autoptr(AssayPerson) earner = save_person (store, "Earner", "earner@example.org");
  g_autoptr(AssaySubmission) orphan = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_save (store, credential, &error));
  g_assert_no_error (error);

  /* A submission for a person who does not exist */
  orphan = assay_submission_new ("no-such-person", assay_record_get_id (ASSAY_RECORD (credential)));
  g_assert_false (assay_store_save (store, orphan, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (orphan)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_SUBMISSION), ==, 0);

  /* …and for a credential that does not exist */
  g_clear_object (&orphan);
  orphan = assay_submission_new (assay_record_get_id (ASSAY_RECORD (earner)), "no-such-credential");
  g_assert_false (assay_store_save (store, orphan, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_SUBMISSION), ==, 0);

  /* A person with a submission cannot be deleted (ON DELETE RESTRICT) */
  submission = assay_submission_new (assay_record_get_id (ASSAY_RECORD (earner)),
                                     assay_record_get_id (ASSAY_RECORD (credential)));
  g_assert_true (assay_store_save (store, submission, &error));
  g_assert_no_error (error);
  g_assert_false (assay_store_delete (store, earner, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (earner)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);

  /* Once the submission goes, so can the person */
  g_assert_true (assay_store_delete (store, submission, &error));
  g_assert_no_error (error);
  g_assert_true (assay_store_delete (store, earner, &error));
  g_assert_no_error (error);
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (earner)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 0);
  assert_not_found (store, ASSAY_TYPE_PERSON, assay_record_get_id (ASSAY_RECORD (earner)));
}

static void
test_store_commit_fails (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) credential = assay_credential_new ("Deferred");
  g_autoptr(AssayRubric) rubric = NULL;
  g_autoptr(AssayPerson) person = assay_person_new ("Pending", "pending@example.org");
  g_autoptr(GListModel) people = assay_store_list (store, ASSAY_TYPE_PERSON, NULL, NULL, "name");
  g_autoptr(ListWatch) watch = list_watch_new (people, store);
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  guint notified = 0;

  g_assert_true (assay_store_save (store, credential, &error));
  rubric = assay_rubric_new (assay_record_get_id (ASSAY_RECORD (credential)));
  g_assert_true (assay_store_save (store, rubric, &error));
  g_assert_no_error (error);
  g_signal_connect (store, "record-changed", G_CALLBACK (on_record_changed_cb), &changed);
  g_signal_connect (rubric, "notify::rule-level-id", G_CALLBACK (store_test_count_cb), &notified);

  /* The rule level is checked only at COMMIT (DEFERRABLE INITIALLY DEFERRED) */
  assay_rubric_set_rule_level_id (rubric, "no-such-level");
  g_assert_false (assay_store_save (store, rubric, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (assay_store_in_transaction (store));
  g_assert_null (assay_rubric_get_rule_level_id (rubric));
  g_assert_cmpuint (notified, ==, 2);

  /* The same inside a larger transaction: all of it goes */
  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_store_save (store, person, &error));
  assay_rubric_set_rule_level_id (rubric, "no-such-level");
  g_assert_true (assay_store_save (store, rubric, &error));
  g_assert_no_error (error);
  g_assert_false (assay_store_commit (store, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT);
  g_assert_false (assay_store_in_transaction (store));
  g_assert_null (assay_rubric_get_rule_level_id (rubric));
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (person)));
  assert_not_found (store, ASSAY_TYPE_PERSON, assay_record_get_id (ASSAY_RECORD (person)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 0);
  g_assert_cmpuint (changed, ==, 0);
  list_watch_assert (watch, 0);
}

static void
test_store_close (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) person = save_person (store, "Survivor", "survivor@example.org");
  g_autoptr(AssayPerson) late = assay_person_new ("Late", "late@example.org");
  g_autoptr(GListModel) list = assay_store_list (store, ASSAY_TYPE_PERSON, NULL, NULL, "name");
  g_autoptr(AssayRecord) found = NULL;
  g_autoptr(GError) error = NULL;
  AssayStore *weak_store = store;

  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_store_save (store, late, &error));
  g_assert_no_error (error);

  /* Closing abandons the open transaction; objects and lists stay usable */
  assay_store_close (store);
  g_assert_false (assay_store_in_transaction (store));
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (late)));
  g_assert_cmpstr (assay_person_get_name (person), ==, "Survivor");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_false (assay_store_save (store, person, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (assay_store_begin (store, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO);
  g_clear_error (&error);
  found = assay_store_lookup (store, ASSAY_TYPE_PERSON, "anything", &error);
  g_assert_null (found);
  g_assert_nonnull (error);
  g_clear_error (&error);
  assay_store_close (store);

  /* The store may go before what it handed out */
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &weak_store);
  g_clear_object (&store);
  g_assert_null (weak_store);
  g_clear_object (&person);
  g_clear_object (&list);

  /* The lock is released: the workspace opens again, without the
   * abandoned row */
  store = store_test_open (dir->workspace);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
}

static void
test_store_read_only (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) person = save_person (store, "Reader", "reader@example.org");
  g_autoptr(AssayPerson) found = NULL;
  g_autoptr(AssayPerson) stranger = assay_person_new ("Stranger", "stranger@example.org");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (assay_record_get_id (ASSAY_RECORD (person)));

  assay_store_close (store);
  g_clear_object (&store);
  g_clear_object (&person);

  store = assay_store_open (dir->workspace, ASSAY_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (assay_store_get_read_only (store));

  found = assay_store_lookup (store, ASSAY_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assay_person_get_name (found), ==, "Reader");

  assay_person_set_name (found, "Writer");
  g_assert_false (assay_store_save (store, found, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (assay_store_save (store, stranger, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (assay_store_delete (store, found, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (assay_store_begin (store, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
}

static char *
lock_contents (StoreTestDir *dir)
{
  g_autofree char *path = g_build_filename (dir->workspace, "assay.lock", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* The integrity scan is skipped only for a workspace the last writer closed
 * cleanly and nobody touched since: the mark is cleared while it is open,
 * and damage made after a clean close is still found. */
static void
test_store_clean_close_mark (void)
{
  StoreTestDir *dir = store_test_dir_new ();
  g_autofree char *db_path = g_build_filename (dir->workspace, "assay.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *while_open = NULL;
  g_autofree char *after_close = NULL;
  AssayStore *store = store_test_open (dir->workspace);
  AssayStore *again;

  while_open = lock_contents (dir);
  g_assert_cmpstr (while_open, ==, "");
  assay_store_close (store);
  g_object_unref (store);
  after_close = lock_contents (dir);
  g_assert_true (g_str_has_prefix (after_close, "clean "));

  /* garbage in the middle of the file, after the clean close */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (db_path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 8192);
    memset (contents + 4096, 0x5a, 4096);
    g_assert_true (g_file_set_contents (db_path, contents, length, NULL));
  }

  again = assay_store_open (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* a refused open must not leave the workspace looking clean */
  again = assay_store_open (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT);

  store_test_dir_free (dir);
}


/* A row with a value Assay cannot read is refused whole, never handed out
 * with defaults in place of the rest of its fields. */
static void
test_store_unreadable_row (void)
{
  StoreTestDir *dir = store_test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_credential_new ("Readable");
  g_autofree char *id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
  AssayStore *store = store_test_open (dir->workspace);
  g_autoptr(AssayRecord) found = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;

  assay_credential_set_competency (credential, "kept");
  g_assert_true (assay_store_save (store, credential, &error));
  g_clear_object (&credential);
  assay_store_close (store);
  g_object_unref (store);

  sql = g_strdup_printf ("UPDATE credential SET description = CAST (x'c328ff' AS TEXT) WHERE id = '%s'", id);
  store_test_file_exec (dir->db_path, sql);

  store = store_test_open (dir->workspace);
  found = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, id, &error);
  g_assert_null (found);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT);
  rows = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 0);

  assay_store_close (store);
  g_object_unref (store);
  store_test_dir_free (dir);
}


int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/assay/store/migrate-empty", test_store_migrate_empty);
  g_test_add_func ("/assay/store/reopen", test_store_reopen);
  g_test_add_func ("/assay/store/clean-close-mark", test_store_clean_close_mark);
  g_test_add_func ("/assay/store/unreadable-row", test_store_unreadable_row);
  g_test_add_func ("/assay/store/identity", test_store_identity);
  g_test_add_func ("/assay/store/save-lookup", test_store_save_lookup);
  g_test_add_func ("/assay/store/save-invalid", test_store_save_invalid);
  g_test_add_func ("/assay/store/unique-constraint", test_store_unique_constraint);
  g_test_add_func ("/assay/store/rollback", test_store_rollback);
  g_test_add_func ("/assay/store/foreign-key", test_store_foreign_key);
  g_test_add_func ("/assay/store/commit-fails", test_store_commit_fails);
  g_test_add_func ("/assay/store/close", test_store_close);
  g_test_add_func ("/assay/store/read-only", test_store_read_only);

  return store_test_run ();
}
