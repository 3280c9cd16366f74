/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "assay-store.h"
#include "assay-store-credentials.h"
#include "test-store-util.h"

/* Live lists: every committed change reaches every list that shows the row,
 * as exactly the items-changed that describes it. ListWatch replays each
 * signal on a mirror array and fails if it does not match the list. */

static AssayCredential *
save_credential (AssayStore *store,
                 const char *title)
{
  g_autoptr(AssayCredential) credential = assay_credential_new (title);
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_save (store, credential, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&credential);
}

static void
save (AssayStore *store,
      gpointer    record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
delete (AssayStore *store,
        gpointer    record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_delete (store, record, &error));
  g_assert_no_error (error);
}

static GListModel *
current_credentials (AssayStore *store)
{
  return assay_store_list (store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", "title");
}

/* The titles of a credential list, joined by spaces */
static char *
titles (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AssayCredential) credential = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%s", i ? " " : "", assay_credential_get_title (credential));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_titles(list, expected) \
  G_STMT_START {                                \
    g_autofree char *_titles = titles (list);   \
    g_assert_cmpstr (_titles, ==, expected);    \
  } G_STMT_END

static void
test_lists_insert_sorted (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) b = save_credential (store, "B");
  g_autoptr(AssayCredential) d = save_credential (store, "D");
  g_autoptr(GListModel) list = current_credentials (store);
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(AssayCredential) c = NULL;
  g_autoptr(AssayCredential) a = NULL;
  g_autoptr(AssayCredential) e = NULL;
  g_autoptr(AssayCredential) first = NULL;

  g_assert_true (g_list_model_get_item_type (list) == ASSAY_TYPE_CREDENTIAL);
  assert_titles (list, "B D");

  c = save_credential (store, "C");
  list_watch_assert (watch, 1, 1, 0, 1);
  a = save_credential (store, "A");
  list_watch_assert (watch, 1, 0, 0, 1);
  e = save_credential (store, "E");
  list_watch_assert (watch, 1, 4, 0, 1);
  assert_titles (list, "A B C D E");

  first = g_list_model_get_item (list, 0);
  g_assert_true (first == a);
  g_assert_null (g_list_model_get_item (list, 5));

  /* A row of another kind is no business of this list */
  {
    g_autoptr(AssayPerson) person = assay_person_new ("Somebody", "somebody@example.org");

    save (store, person);
    list_watch_assert (watch, 0);
  }
}

static void
test_lists_update_in_place (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) a = save_credential (store, "A");
  g_autoptr(AssayCredential) c = save_credential (store, "C");
  g_autoptr(AssayCredential) e = save_credential (store, "E");
  g_autoptr(GListModel) list = current_credentials (store);
  g_autoptr(ListWatch) watch = list_watch_new (list, store);

  /* A column that is not the sort key */
  assay_credential_set_description (c, "Now with a description");
  list_watch_assert (watch, 0);
  save (store, c);
  list_watch_assert (watch, 1, 1, 1, 1);

  /* The sort key, but the order stays */
  assay_credential_set_title (c, "Cc");
  save (store, c);
  list_watch_assert (watch, 1, 1, 1, 1);
  assay_credential_set_title (e, "Z");
  save (store, e);
  list_watch_assert (watch, 1, 2, 1, 1);
  assay_credential_set_title (a, "0");
  save (store, a);
  list_watch_assert (watch, 1, 0, 1, 1);
  assert_titles (list, "0 Cc Z");

  /* Saving an unchanged row still tells the lists, once */
  save (store, c);
  list_watch_assert (watch, 1, 1, 1, 1);
}

static void
test_lists_update_moves (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) a = save_credential (store, "A");
  g_autoptr(AssayCredential) b = save_credential (store, "B");
  g_autoptr(AssayCredential) c = save_credential (store, "C");
  g_autoptr(AssayCredential) d = save_credential (store, "D");
  g_autoptr(GListModel) list = current_credentials (store);
  g_autoptr(ListWatch) watch = list_watch_new (list, store);

  assay_credential_set_title (a, "F");
  save (store, a);
  list_watch_assert (watch, 2, 0, 1, 0, 3, 0, 1);
  assert_titles (list, "B C D F");

  assay_credential_set_title (d, "Ba");
  save (store, d);
  list_watch_assert (watch, 2, 2, 1, 0, 1, 0, 1);
  assert_titles (list, "B Ba C F");

  assay_credential_set_title (a, "A");
  save (store, a);
  list_watch_assert (watch, 2, 3, 1, 0, 0, 0, 1);
  assert_titles (list, "A B Ba C");
  g_assert_cmpuint (list_find (list, d), ==, 2);
}

static void
test_lists_filter (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) a = save_credential (store, "A");
  g_autoptr(AssayCredential) b = save_credential (store, "B");
  g_autoptr(AssayCredential) c = save_credential (store, "C");
  g_autoptr(GListModel) list = current_credentials (store);
  g_autoptr(GListModel) superseded = assay_store_list (store, ASSAY_TYPE_CREDENTIAL, "superseded", "1", "title");
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(ListWatch) superseded_watch = list_watch_new (superseded, store);

  g_assert_cmpuint (g_list_model_get_n_items (superseded), ==, 0);

  /* The row stops matching the filter of one list and starts matching the other */
  assay_credential_set_superseded (b, TRUE);
  save (store, b);
  list_watch_assert (watch, 1, 1, 1, 0);
  list_watch_assert (superseded_watch, 1, 0, 0, 1);
  assert_titles (list, "A C");

  /* …and back */
  assay_credential_set_superseded (b, FALSE);
  save (store, b);
  list_watch_assert (watch, 1, 1, 0, 1);
  list_watch_assert (superseded_watch, 1, 0, 1, 0);
  assert_titles (list, "A B C");

  /* The same through a text filter: criteria of one rubric */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AssayCredential) one = assay_store_create_credential (store, "One", &error);
    g_autoptr(AssayCredential) two = assay_store_create_credential (store, "Two", &error);
    g_autoptr(AssayRubric) rubric_one = assay_store_get_rubric (store, one, &error);
    g_autoptr(AssayRubric) rubric_two = assay_store_get_rubric (store, two, &error);
    g_autoptr(AssayCriterion) first = assay_store_add_criterion (store, rubric_one, "First", &error);
    g_autoptr(AssayCriterion) second = assay_store_add_criterion (store, rubric_one, "Second", &error);
    g_autoptr(GListModel) criteria_one = assay_store_list (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                                           assay_record_get_id (ASSAY_RECORD (rubric_one)), "position");
    g_autoptr(GListModel) criteria_two = assay_store_list (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                                           assay_record_get_id (ASSAY_RECORD (rubric_two)), "position");
    g_autoptr(ListWatch) watch_one = list_watch_new (criteria_one, store);
    g_autoptr(ListWatch) watch_two = list_watch_new (criteria_two, store);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (criteria_one), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (criteria_two), ==, 0);

    assay_criterion_set_rubric_id (first, assay_record_get_id (ASSAY_RECORD (rubric_two)));
    save (store, first);
    list_watch_assert (watch_one, 1, 0, 1, 0);
    list_watch_assert (watch_two, 1, 0, 0, 1);
    g_assert_cmpuint (list_find (criteria_one, second), ==, 0);
    g_assert_cmpuint (list_find (criteria_two, first), ==, 0);
  }
}

static void
test_lists_delete (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) a = save_credential (store, "A");
  g_autoptr(AssayCredential) b = save_credential (store, "B");
  g_autoptr(AssayCredential) c = save_credential (store, "C");
  g_autoptr(GListModel) list = current_credentials (store);
  g_autoptr(ListWatch) watch = list_watch_new (list, store);

  delete (store, b);
  list_watch_assert (watch, 1, 1, 1, 0);
  assert_titles (list, "A C");
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (b)));

  delete (store, c);
  list_watch_assert (watch, 1, 1, 1, 0);
  delete (store, a);
  list_watch_assert (watch, 1, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* A deleted row saved again comes back as a new row */
  save (store, b);
  list_watch_assert (watch, 1, 0, 0, 1);
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (b)));
}

static void
test_lists_cascade_delete (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, "Draft", &error);
  g_autoptr(AssayRubric) rubric = assay_store_get_rubric (store, credential, &error);
  g_autoptr(AssayCriterion) first = assay_store_add_criterion (store, rubric, "First", &error);
  g_autoptr(AssayCriterion) second = assay_store_add_criterion (store, rubric, "Second", &error);
  g_autoptr(GListModel) criteria = assay_store_list (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                                     assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  g_autoptr(GListModel) levels = assay_store_list (store, ASSAY_TYPE_LEVEL, "rubric_id",
                                                   assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  g_autoptr(ListWatch) criteria_watch = list_watch_new (criteria, store);
  g_autoptr(ListWatch) levels_watch = list_watch_new (levels, store);
  g_autoptr(AssayRecord) found = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 4);

  /* Deleting a draft takes its rubric with it (ON DELETE CASCADE); the
   * lists that show its rows must lose them too. */
  delete (store, credential);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CRITERION), ==, 0);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_RUBRIC_CELL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 0);
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (first)));
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (rubric)));

  /* One removal per row, in whatever order (ListWatch checked each) */
  g_assert_cmpuint (criteria_watch->changes->len, ==, 2);
  g_assert_cmpuint (levels_watch->changes->len, ==, 4);
  for (guint i = 0; i < levels_watch->changes->len; i++)
    {
      ItemsChange *change = &g_array_index (levels_watch->changes, ItemsChange, i);

      g_assert_cmpuint (change->removed, ==, 1);
      g_assert_cmpuint (change->added, ==, 0);
    }

  found = assay_store_lookup (store, ASSAY_TYPE_CRITERION, assay_record_get_id (ASSAY_RECORD (second)), &error);
  g_assert_null (found);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND);
}

static void
test_lists_two_windows (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autofree char *id = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(GListModel) two = NULL;
  g_autoptr(ListWatch) watch_one = NULL;
  g_autoptr(ListWatch) watch_two = NULL;
  g_autoptr(AssayCredential) in_one = NULL;
  g_autoptr(AssayCredential) in_two = NULL;
  g_autoptr(AssayCredential) looked_up = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  /* Nobody holds the rows when the windows open */
  {
    g_autoptr(AssayCredential) a = save_credential (store, "A");
    g_autoptr(AssayCredential) m = save_credential (store, "M");
    g_autoptr(AssayCredential) z = save_credential (store, "Z");

    id = g_strdup (assay_record_get_id (ASSAY_RECORD (m)));
  }

  one = current_credentials (store);
  two = current_credentials (store);
  watch_one = list_watch_new (one, store);
  watch_two = list_watch_new (two, store);
  in_one = g_list_model_get_item (one, 1);
  in_two = g_list_model_get_item (two, 1);
  g_assert_true (in_one == in_two);

  looked_up = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, id, &error);
  g_assert_no_error (error);
  g_assert_true (looked_up == in_one);

  g_signal_connect (in_two, "notify::title", G_CALLBACK (store_test_count_cb), &notified);

  /* A third path changes the row: both windows see it */
  assay_credential_set_title (looked_up, "N");
  g_assert_cmpuint (notified, ==, 1);
  save (store, looked_up);
  list_watch_assert (watch_one, 1, 1, 1, 1);
  list_watch_assert (watch_two, 1, 1, 1, 1);
  g_assert_cmpstr (assay_credential_get_title (in_one), ==, "N");

  assay_credential_set_title (looked_up, "B");
  save (store, looked_up);
  list_watch_assert (watch_one, 1, 1, 1, 1);
  list_watch_assert (watch_two, 1, 1, 1, 1);

  /* A row created elsewhere appears in both */
  {
    g_autoptr(AssayCredential) c = save_credential (store, "C");
    g_autoptr(AssayCredential) c_one = g_list_model_get_item (one, 2);
    g_autoptr(AssayCredential) c_two = g_list_model_get_item (two, 2);

    list_watch_assert (watch_one, 1, 2, 0, 1);
    list_watch_assert (watch_two, 1, 2, 0, 1);
    g_assert_true (c_one == c);
    g_assert_true (c_two == c);
  }

  /* A list that is gone is simply not told any more */
  g_clear_pointer (&watch_two, list_watch_free);
  g_clear_object (&two);
  assay_credential_set_title (looked_up, "Y");
  save (store, looked_up);
  list_watch_assert (watch_one, 2, 1, 1, 0, 2, 0, 1);
  assert_titles (one, "A C Y Z");
}

static void
test_lists_transaction (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) b = save_credential (store, "B");
  g_autoptr(AssayCredential) d = save_credential (store, "D");
  g_autoptr(AssayCredential) a = assay_credential_new ("A");
  g_autoptr(AssayCredential) z = assay_credential_new ("Z");
  g_autoptr(GListModel) list = current_credentials (store);
  g_autoptr(ListWatch) watch = list_watch_new (list, store);
  g_autoptr(GError) error = NULL;

  /* Nothing is heard until the commit (ListWatch also fails if a signal
   * comes while the store is in the transaction) */
  g_assert_true (assay_store_begin (store, &error));
  g_assert_no_error (error);
  save (store, a);
  assay_credential_set_title (d, "E");
  save (store, d);
  delete (store, b);
  list_watch_assert (watch, 0);
  assert_titles (list, "B E");
  g_assert_true (assay_store_commit (store, &error));
  g_assert_no_error (error);
  list_watch_assert (watch, 3, 0, 0, 1, 2, 1, 1, 1, 1, 0);
  assert_titles (list, "A E");

  /* Nothing at all after a rollback, and the rows are as they were */
  g_assert_true (assay_store_begin (store, &error));
  save (store, z);
  assay_credential_set_title (d, "0");
  save (store, d);
  delete (store, a);
  list_watch_assert (watch, 0);
  assay_store_rollback (store);
  list_watch_assert (watch, 0);
  assert_titles (list, "A E");
  g_assert_cmpstr (assay_credential_get_title (d), ==, "E");
  g_assert_true (assay_record_get_persisted (ASSAY_RECORD (a)));
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (z)));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, 2);

  /* A row inserted and changed in one transaction is one insertion */
  g_assert_true (assay_store_begin (store, &error));
  save (store, z);
  assay_credential_set_title (z, "C");
  save (store, z);
  g_assert_true (assay_store_commit (store, &error));
  g_assert_no_error (error);
  list_watch_assert (watch, 1, 1, 0, 1);
  assert_titles (list, "A C E");
}

static AssaySubmission *
submit (AssayStore      *store,
        AssayPerson     *earner,
        AssayCredential *credential,
        gint64           attempt)
{
  AssaySubmission *submission = assay_submission_new (assay_record_get_id (ASSAY_RECORD (earner)),
                                                      assay_record_get_id (ASSAY_RECORD (credential)));

  assay_submission_set_attempt (submission, attempt);
  save (store, submission);

  return submission;
}

static void
test_lists_counts (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayCredential) credential = save_credential (store, "Counted");
  g_autoptr(AssayCredential) later = assay_credential_new ("Counted");
  g_autoptr(AssayCredential) other = save_credential (store, "Other");
  g_autoptr(AssayPerson) earner = assay_person_new ("Earner", "earner@example.org");
  g_autoptr(AssaySubmission) first = NULL;
  g_autoptr(AssaySubmission) second = NULL;
  g_autofree char *id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
  guint received = 0;
  guint in_review = 0;
  guint other_received = 0;

  save (store, earner);
  /* A second version of the same credential shares its counts */
  assay_credential_set_lineage_id (later, assay_credential_get_lineage_id (credential));
  assay_credential_set_version (later, 2);
  save (store, later);

  g_signal_connect (credential, "notify::n-received", G_CALLBACK (store_test_count_cb), &received);
  g_signal_connect (credential, "notify::n-in-review", G_CALLBACK (store_test_count_cb), &in_review);
  g_signal_connect (other, "notify::n-received", G_CALLBACK (store_test_count_cb), &other_received);

  first = submit (store, earner, credential, 1);
  g_assert_cmpuint (received, ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (later, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (other, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 0);

  second = submit (store, earner, later, 2);
  g_assert_cmpuint (received, ==, 2);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 2);

  /* A status change moves it from one count to the other */
  assay_submission_set_status (first, ASSAY_SUBMISSION_STATUS_IN_REVIEW);
  g_assert_cmpuint (received, ==, 2);
  save (store, first);
  g_assert_cmpuint (received, ==, 3);
  g_assert_cmpuint (in_review, ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_IN_REVIEW), ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (later, ASSAY_SUBMISSION_STATUS_IN_REVIEW), ==, 1);

  /* Saving without a change of status changes no count */
  save (store, first);
  g_assert_cmpuint (received, ==, 3);
  g_assert_cmpuint (in_review, ==, 1);

  /* Deleting takes it out */
  delete (store, first);
  g_assert_cmpuint (in_review, ==, 2);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_IN_REVIEW), ==, 0);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
  g_assert_cmpuint (other_received, ==, 0);

  /* A submission filed under the wrong credential and moved: both counts follow */
  assay_submission_set_credential_id (second, assay_record_get_id (ASSAY_RECORD (other)));
  save (store, second);
  g_assert_cmpuint (assay_credential_get_submission_count (other, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 0);
  g_assert_cmpuint (assay_credential_get_submission_count (later, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 0);
  g_assert_cmpuint (other_received, ==, 1);
  assay_submission_set_credential_id (second, assay_record_get_id (ASSAY_RECORD (later)));
  save (store, second);
  g_assert_cmpuint (assay_credential_get_submission_count (other, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 0);
  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);

  /* A credential object made afresh starts with the stored counts */
  g_clear_object (&credential);
  {
    g_autoptr(GError) error = NULL;

    credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
  }

  /* …and so does one in a workspace opened again */
  g_clear_object (&credential);
  g_clear_object (&later);
  g_clear_object (&other);
  g_clear_object (&second);
  g_clear_object (&earner);
  assay_store_close (store);
  g_clear_object (&store);
  store = store_test_open (dir->workspace);
  {
    g_autoptr(GError) error = NULL;

    credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_RECEIVED), ==, 1);
    g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_IN_REVIEW), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/assay/store/lists/insert-sorted", test_lists_insert_sorted);
  g_test_add_func ("/assay/store/lists/update-in-place", test_lists_update_in_place);
  g_test_add_func ("/assay/store/lists/update-moves", test_lists_update_moves);
  g_test_add_func ("/assay/store/lists/filter", test_lists_filter);
  g_test_add_func ("/assay/store/lists/delete", test_lists_delete);
  g_test_add_func ("/assay/store/lists/cascade-delete", test_lists_cascade_delete);
  g_test_add_func ("/assay/store/lists/two-windows", test_lists_two_windows);
  g_test_add_func ("/assay/store/lists/transaction", test_lists_transaction);
  g_test_add_func ("/assay/store/lists/counts", test_lists_counts);

  return store_test_run ();
}
