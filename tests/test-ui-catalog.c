/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-catalog-cells.h"
#include "assay-catalog-view.h"
#include "assay-credential-window.h"
#include "assay-model.h"
#include "assay-test-ui.h"

typedef struct
{
  AssayStore       *store;
  char             *directory;
  GtkWindow        *window;
  AssayCatalogView *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = assay_test_open_demo_store (&fixture->directory);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->catalog = g_object_new (ASSAY_TYPE_CATALOG_VIEW, "store", fixture->store, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->catalog));
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_present (fixture->window);
  assay_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  assay_store_close (fixture->store);
  g_assert_finalize_object (fixture->store);
  assay_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

static guint
n_visible (Fixture *fixture)
{
  return g_list_model_get_n_items (assay_catalog_view_get_visible (fixture->catalog));
}

static guint
count_current_matching (Fixture    *fixture,
                        const char *word)
{
  g_autoptr(GPtrArray) rows = assay_store_query (fixture->store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", NULL);
  guint count = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (rows, i);
      const char *fields[] = {
        assay_credential_get_title (credential), assay_credential_get_competency (credential),
        assay_credential_get_competency_area (credential), assay_credential_get_key_method (credential),
        assay_credential_get_developer (credential),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *folded = fields[f] ? g_utf8_casefold (fields[f], -1) : NULL;

          if (folded != NULL && strstr (folded, word) != NULL)
            {
              count++;
              break;
            }
        }
    }

  return count;
}

static void
test_catalog_shows_demo (Fixture       *fixture,
                         gconstpointer  data)
{
  guint current = assay_store_query (fixture->store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", NULL)->len;

  g_assert_cmpuint (current, >=, 6);
  g_assert_cmpuint (n_visible (fixture), ==, current);
}

static void
test_catalog_search_filters (Fixture       *fixture,
                             gconstpointer  data)
{
  guint all = n_visible (fixture);
  guint expected = count_current_matching (fixture, "leader");

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, all);

  assay_catalog_view_set_search (fixture->catalog, "LEADER");
  assay_test_iterate (20);
  g_assert_cmpuint (n_visible (fixture), ==, expected);

  assay_catalog_view_set_search (fixture->catalog, "no credential is called this");
  assay_test_iterate (20);
  g_assert_cmpuint (n_visible (fixture), ==, 0);

  assay_catalog_view_set_search (fixture->catalog, "");
  assay_test_iterate (20);
  g_assert_cmpuint (n_visible (fixture), ==, all);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
title_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) stored = assay_store_query (fixture->store, ASSAY_TYPE_CREDENTIAL, "title",
                                                   "Zygote Renamed Credential", NULL);

  return stored->len == 1;
}

static gboolean
title_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(AssayCredential) first = NULL;

  if (n_visible (fixture) != 1)
    return FALSE;
  first = g_list_model_get_item (assay_catalog_view_get_visible (fixture->catalog), 0);
  return g_strcmp0 (assay_credential_get_title (first), "Zygote Renamed Credential") == 0;
}

static void
test_editor_updates_catalog (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GListModel) credentials = assay_store_list (fixture->store, ASSAY_TYPE_CREDENTIAL, "status", "draft", NULL);
  g_autoptr(AssayCredential) draft = g_list_model_get_item (credentials, 0);
  GtkWindow *editor;
  GtkWidget *title_row;
  g_autoptr(GPtrArray) stored = NULL;

  g_assert_nonnull (draft);
  editor = assay_credential_window_present (fixture->store, draft, fixture->window);
  title_row = find_entry_row (GTK_WIDGET (editor), "Title");
  g_assert_nonnull (title_row);

  assay_catalog_view_set_search (fixture->catalog, "zygote");
  assay_test_iterate (20);
  g_assert_cmpuint (n_visible (fixture), ==, 0);

  /* Typing in the editor: the shared object changes at once, and once the
   * autosave has written it the catalog's filter and order follow. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zygote Renamed Credential");
  g_assert_cmpstr (assay_credential_get_title (draft), ==, "Zygote Renamed Credential");
  g_assert_true (assay_test_wait_until (title_saved, fixture, 5000));
  g_assert_true (assay_test_wait_until (title_shown, fixture, 1000));

  stored = assay_store_query (fixture->store, ASSAY_TYPE_CREDENTIAL, "title", "Zygote Renamed Credential", NULL);
  g_assert_cmpuint (stored->len, ==, 1);

  gtk_window_destroy (editor);
}

static void
test_status_filter_and_empty_state (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = assay_store_query (fixture->store, ASSAY_TYPE_CREDENTIAL, "status", "draft", NULL);
  GtkWidget *dropdown = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (fixture->catalog)); w; w = gtk_widget_get_first_child (w))
    for (GtkWidget *s = w; s; s = gtk_widget_get_next_sibling (s))
      if (GTK_IS_BOX (s))
        for (GtkWidget *c = gtk_widget_get_first_child (s); c; c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_DROP_DOWN (c) && dropdown == NULL)
            dropdown = c;

  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1 + ASSAY_CREDENTIAL_STATUS_DRAFT);
  assay_test_iterate (20);
  g_assert_cmpuint (n_visible (fixture), ==, drafts->len);
}

static void
on_visible_items_changed_cb (GListModel *model,
                             guint       position,
                             guint       removed,
                             guint       added,
                             GArray     *positions)
{
  for (guint i = position; i < position + added; i++)
    g_array_append_val (positions, i);
}

/* A submission changing status changes a credential's counts, not its row:
 * the catalog still has to redraw that row, and only that row. */
static void
test_counts_rebind_row (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *visible = assay_catalog_view_get_visible (fixture->catalog);
  g_autoptr(GPtrArray) submissions = assay_store_query (fixture->store, ASSAY_TYPE_SUBMISSION, "status", "received", NULL);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayCredential) shown = NULL;
  AssaySubmission *submission;
  guint before;

  g_assert_cmpuint (submissions->len, >, 0);
  submission = g_ptr_array_index (submissions, 0);
  credential = assay_store_lookup (fixture->store, ASSAY_TYPE_CREDENTIAL,
                                   assay_submission_get_credential_id (submission), &error);
  g_assert_no_error (error);
  before = assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_IN_REVIEW);

  g_signal_connect (visible, "items-changed", G_CALLBACK (on_visible_items_changed_cb), positions);
  assay_submission_set_status (submission, ASSAY_SUBMISSION_STATUS_IN_REVIEW);
  g_assert_true (assay_store_save (fixture->store, submission, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (visible, on_visible_items_changed_cb, positions);

  g_assert_cmpuint (assay_credential_get_submission_count (credential, ASSAY_SUBMISSION_STATUS_IN_REVIEW), ==, before + 1);
  g_assert_cmpuint (positions->len, ==, 1);
  shown = g_list_model_get_item (visible, g_array_index (positions, guint, 0));
  g_assert_true (shown == credential);
}


static double
pd_hours_at (Fixture *fixture,
             guint    position)
{
  g_autoptr(AssayCredential) credential = g_list_model_get_item (assay_catalog_view_get_visible (fixture->catalog), position);

  return assay_credential_get_pd_hours (credential);
}

/* The header sorts by a column, and the same column again reverses it. */
static void
test_sort_by_header (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n = n_visible (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->catalog), "catalog.sort-by", "u",
                                             ASSAY_CATALOG_COLUMN_PD_HOURS));
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (pd_hours_at (fixture, i - 1), <=, pd_hours_at (fixture, i));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->catalog), "catalog.sort-by", "u",
                                             ASSAY_CATALOG_COLUMN_PD_HOURS));
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (pd_hours_at (fixture, i - 1), >=, pd_hours_at (fixture, i));
  g_assert_cmpfloat (pd_hours_at (fixture, 0), >, pd_hours_at (fixture, n - 1));
}


/* Removing a learning resource can be undone, and the row comes back as it
 * was, with its id. */
static void
test_resource_remove_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = assay_store_query (fixture->store, ASSAY_TYPE_CREDENTIAL, "status", "draft", NULL);
  AssayCredential *draft = g_ptr_array_index (drafts, 0);
  const char *draft_id = assay_record_get_id (ASSAY_RECORD (draft));
  g_autoptr(GListModel) resources = assay_store_list (fixture->store, ASSAY_TYPE_RESOURCE, "credential_id", draft_id, "position");
  g_autoptr(AssayResource) first = g_list_model_get_item (resources, 0);
  g_autofree char *id = g_strdup (assay_record_get_id (ASSAY_RECORD (first)));
  g_autofree char *title = g_strdup (assay_resource_get_title (first));
  guint before = g_list_model_get_n_items (resources);
  GtkWindow *editor = assay_credential_window_present (fixture->store, draft, fixture->window);
  g_autoptr(AssayResource) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (before, >, 0);
  g_clear_object (&first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "credential.remove-resource", "s", id));
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, before - 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "credential.undo-remove-resource", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, before);
  back = assay_store_lookup (fixture->store, ASSAY_TYPE_RESOURCE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assay_resource_get_title (back), ==, title);

  gtk_window_destroy (editor);
}


int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add ("/assay/ui/catalog/shows-demo", Fixture, NULL, fixture_set_up, test_catalog_shows_demo, fixture_tear_down);
  g_test_add ("/assay/ui/catalog/search", Fixture, NULL, fixture_set_up, test_catalog_search_filters, fixture_tear_down);
  g_test_add ("/assay/ui/catalog/status-filter", Fixture, NULL, fixture_set_up, test_status_filter_and_empty_state, fixture_tear_down);
  g_test_add ("/assay/ui/catalog/counts-rebind-row", Fixture, NULL, fixture_set_up, test_counts_rebind_row, fixture_tear_down);
  g_test_add ("/assay/ui/catalog/sort-by-header", Fixture, NULL, fixture_set_up, test_sort_by_header, fixture_tear_down);
  g_test_add ("/assay/ui/catalog/resource-undo", Fixture, NULL, fixture_set_up, test_resource_remove_undo, fixture_tear_down);
  g_test_add ("/assay/ui/catalog/editor-updates-catalog", Fixture, NULL, fixture_set_up, test_editor_updates_catalog, fixture_tear_down);

  return g_test_run ();
}
