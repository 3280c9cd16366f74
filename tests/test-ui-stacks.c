/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-stack-window.h"
#include "assay-stacks-view.h"
#include "assay-store-credentials.h"
#include "assay-test-ui.h"

/* The Stacks page and the stack window: both show the store's live
 * objects, so an edit in one is in the other at once. */

typedef struct
{
  char            *directory;
  AssayStore      *store;
  AssayCredential *credentials[3];
  AssayStack      *ordered;
  AssayStack      *unordered;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *titles[] = { "Checking for Understanding", "Feedback That Moves Learning", "Student Self-Assessment" };
  g_autoptr(GError) error = NULL;

  fixture->directory = assay_test_make_workspace ();
  fixture->store = assay_store_open (fixture->directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (fixture->credentials); i++)
    {
      fixture->credentials[i] = assay_store_create_credential (fixture->store, titles[i], &error);
      g_assert_no_error (error);
    }

  fixture->ordered = assay_stack_new ("Teacher Leadership");
  assay_stack_set_ordered (fixture->ordered, TRUE);
  fixture->unordered = assay_stack_new ("Formative Assessment in Practice");
  g_assert_true (assay_store_save (fixture->store, fixture->ordered, &error));
  g_assert_true (assay_store_save (fixture->store, fixture->unordered, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AssayStackMember) member =
        assay_stack_member_new (assay_record_get_id (ASSAY_RECORD (fixture->ordered)),
                                assay_credential_get_lineage_id (fixture->credentials[i]));

      assay_stack_member_set_position (member, i);
      g_assert_true (assay_store_save (fixture->store, member, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->credentials); i++)
    g_clear_object (&fixture->credentials[i]);
  g_clear_object (&fixture->ordered);
  g_clear_object (&fixture->unordered);
  assay_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_free (fixture->directory);
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_by_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* A list box by its widget name: "stacks", "members" or "candidates". */
static GtkListBox *
find_list_box (GtkWidget  *widget,
               const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found;

      if (GTK_IS_LIST_BOX (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX (child);
      if ((found = find_list_box (child, name)) != NULL)
        return found;
    }

  return NULL;
}

static guint
count_rows (GtkListBox *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;

  return n;
}

static AdwPreferencesRow *
find_row (GtkListBox *list_box,
          const char *title)
{
  for (guint i = 0; gtk_list_box_get_row_at_index (list_box, i) != NULL; i++)
    {
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list_box, i));

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return row;
    }

  return NULL;
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  assay_test_iterate (50);

  return window;
}

static AssayStackWindow *
find_stack_window (AssayStack *stack)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_STACK_WINDOW (window) && assay_stack_window_get_stack (ASSAY_STACK_WINDOW (window)) == stack)
        return ASSAY_STACK_WINDOW (window);
    }

  return NULL;
}

static void
destroy_and_finalize (GtkWindow *window,
                      GtkWidget *widget)
{
  g_object_ref (widget);
  gtk_window_destroy (window);
  g_assert_finalize_object (widget);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = assay_stacks_view_new (fixture->store);
  GtkWindow *window = show_in_window (view);
  GtkListBox *list_box = find_list_box (view, "stacks");
  AdwPreferencesRow *row;

  g_assert_true (assay_stacks_view_get_store (ASSAY_STACKS_VIEW (view)) == fixture->store);
  g_assert_cmpuint (count_rows (list_box), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_type (view, GTK_TYPE_STACK))), ==, "list");

  row = find_row (list_box, "Teacher Leadership");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Ordered · 2 credentials");
  row = find_row (list_box, "Formative Assessment in Practice");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Any order · 0 credentials");

  /* Changes from anywhere show: the order, the members. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AssayStackMember) member =
      assay_stack_member_new (assay_record_get_id (ASSAY_RECORD (fixture->unordered)),
                              assay_credential_get_lineage_id (fixture->credentials[2]));

    g_assert_true (assay_store_save (fixture->store, member, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Any order · 1 credential");
  }

  destroy_and_finalize (window, view);
}

static void
test_empty (void)
{
  g_autofree char *directory = assay_test_make_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  GtkWidget *view = assay_stacks_view_new (NULL);
  GtkWindow *window = show_in_window (view);
  GtkStack *stack = GTK_STACK (find_by_type (view, GTK_TYPE_STACK));
  AssayStackWindow *stack_window;
  g_autoptr(GListModel) stacks = NULL;
  g_autoptr(AssayStack) created = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* The store can come later, as from a template. */
  g_object_set (view, "store", store, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  g_assert_true (gtk_widget_activate_action (view, "stacks.new", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  stacks = assay_store_list (store, ASSAY_TYPE_STACK, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stacks), ==, 1);
  created = g_list_model_get_item (stacks, 0);
  stack_window = find_stack_window (created);
  g_assert_nonnull (stack_window);
  gtk_window_destroy (GTK_WINDOW (stack_window));

  destroy_and_finalize (window, view);
  assay_store_close (store);
}

static void
test_demo (void)
{
  g_autoptr(AssayStore) store = assay_test_open_demo_store (NULL);
  GtkWidget *view = assay_stacks_view_new (store);
  GtkWindow *window = show_in_window (view);

  g_assert_cmpuint (count_rows (find_list_box (view, "stacks")), ==, assay_store_count (store, ASSAY_TYPE_STACK));

  destroy_and_finalize (window, view);
  assay_store_close (store);
}

static void
test_new_stack (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = assay_stacks_view_new (fixture->store);
  GtkWindow *window = show_in_window (view);
  GtkListBox *list_box = find_list_box (view, "stacks");
  AssayStackWindow *stack_window;
  g_autoptr(GListModel) stacks = assay_store_list (fixture->store, ASSAY_TYPE_STACK, "title", "New Stack", NULL);
  g_autoptr(AssayStack) created = NULL;

  g_assert_true (gtk_widget_activate_action (view, "stacks.new", NULL));
  g_assert_cmpuint (count_rows (list_box), ==, 3);
  g_assert_nonnull (find_row (list_box, "New Stack"));
  g_assert_cmpuint (g_list_model_get_n_items (stacks), ==, 1);

  /* It opens, over the view's window. */
  created = g_list_model_get_item (stacks, 0);
  stack_window = find_stack_window (created);
  g_assert_nonnull (stack_window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (stack_window)) == window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (stack_window)), ==, "New Stack");

  /* Opening it again brings the same window back. */
  g_assert_true (assay_stacks_view_open_stack (ASSAY_STACKS_VIEW (view), created) == GTK_WINDOW (stack_window));

  gtk_window_destroy (GTK_WINDOW (stack_window));
  destroy_and_finalize (window, view);
}

static GtkWindow *
show_stack_window (Fixture    *fixture,
                   AssayStack *stack)
{
  GtkWindow *window = GTK_WINDOW (assay_stack_window_new (fixture->store, stack));

  gtk_window_present (window);
  assay_test_iterate (50);

  return window;
}

static void
test_members (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWindow *window = show_stack_window (fixture, fixture->ordered);
  GtkListBox *members = find_list_box (GTK_WIDGET (window), "members");
  g_autoptr(GListModel) stored = assay_store_list (fixture->store, ASSAY_TYPE_STACK_MEMBER, "stack_id",
                                                   assay_record_get_id (ASSAY_RECORD (fixture->ordered)), "position");
  g_autoptr(AssayStackMember) added = NULL;
  AdwPreferencesRow *row;

  g_assert_true (assay_stack_window_get_stack (ASSAY_STACK_WINDOW (window)) == fixture->ordered);
  g_assert_true (assay_stack_window_get_store (ASSAY_STACK_WINDOW (window)) == fixture->store);
  g_assert_cmpuint (count_rows (members), ==, 2);
  row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (members, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Checking for Understanding");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Version 1 · Draft");

  /* Renaming the credential anywhere renames the row. */
  assay_credential_set_title (fixture->credentials[0], "Checking for Understanding During Instruction");
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Checking for Understanding During Instruction");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "stack.add-member", "s",
                                             assay_credential_get_lineage_id (fixture->credentials[2])));
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 3);
  g_assert_cmpuint (count_rows (members), ==, 3);
  added = g_list_model_get_item (stored, 2);
  g_assert_cmpstr (assay_stack_member_get_credential_lineage_id (added), ==,
                   assay_credential_get_lineage_id (fixture->credentials[2]));
  g_assert_cmpint (assay_stack_member_get_position (added), ==, 2);

  /* Up one; then out, and the rest close ranks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "stack.move-member-up", "s",
                                             assay_record_get_id (ASSAY_RECORD (added))));
  g_assert_cmpint (assay_stack_member_get_position (added), ==, 1);
  row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (members, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Student Self-Assessment");

  {
    g_autoptr(AssayStackMember) first = g_list_model_get_item (stored, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "stack.remove-member", "s",
                                               assay_record_get_id (ASSAY_RECORD (first))));
  }
  g_assert_cmpuint (count_rows (members), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(AssayStackMember) member = g_list_model_get_item (stored, i);

      g_assert_cmpint (assay_stack_member_get_position (member), ==, i);
    }

  destroy_and_finalize (window, GTK_WIDGET (window));
}

static void
test_candidates (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *window = show_stack_window (fixture, fixture->ordered);
  GtkListBox *candidates = find_list_box (GTK_WIDGET (window), "candidates");
  GtkListBoxRow *row;

  /* The popover's list is built even while it is closed. */
  g_assert_nonnull (candidates);
  g_assert_cmpuint (count_rows (candidates), ==, 1);

  row = gtk_list_box_get_row_at_index (candidates, 0);
  g_signal_emit_by_name (candidates, "row-activated", row);
  g_assert_cmpuint (count_rows (candidates), ==, 0);
  g_assert_cmpuint (count_rows (find_list_box (GTK_WIDGET (window), "members")), ==, 3);

  destroy_and_finalize (window, GTK_WIDGET (window));
}

typedef struct
{
  gpointer record;
  gboolean saved;
} SaveWatch;

static void
on_record_changed_cb (AssayStore  *store,
                      AssayRecord *record,
                      int          change,
                      SaveWatch   *watch)
{
  if (record == watch->record)
    watch->saved = TRUE;
}

static gboolean
watch_saved (gpointer data)
{
  return ((SaveWatch *) data)->saved;
}

static char *
stored_title (const char *directory,
              AssayStack *stack)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) reader = assay_store_open (directory, ASSAY_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(AssayStack) copy = NULL;
  char *title;

  g_assert_no_error (error);
  copy = assay_store_lookup (reader, ASSAY_TYPE_STACK, assay_record_get_id (ASSAY_RECORD (stack)), &error);
  g_assert_no_error (error);
  title = g_strdup (assay_stack_get_title (copy));
  g_clear_object (&copy);
  assay_store_close (reader);

  return title;
}

static void
test_live_title (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = assay_stacks_view_new (fixture->store);
  GtkWindow *main_window = show_in_window (view);
  GtkWindow *window = show_stack_window (fixture, fixture->ordered);
  GtkWidget *title_row = find_by_type (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  GtkListBox *list_box = find_list_box (view, "stacks");
  SaveWatch watch = { fixture->ordered, FALSE };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Teacher Leadership");
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Teacher Leadership");

  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (on_record_changed_cb), &watch);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Leading Without Leaving");

  /* Same object: the view's row and the window title follow at once. */
  g_assert_nonnull (find_row (list_box, "Leading Without Leaving"));
  g_assert_null (find_row (list_box, "Teacher Leadership"));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Leading Without Leaving");
  before = stored_title (fixture->directory, fixture->ordered);
  g_assert_cmpstr (before, ==, "Teacher Leadership");

  /* The workspace after the pause. */
  g_assert_true (assay_test_wait_until (watch_saved, &watch, 5000));
  after = stored_title (fixture->directory, fixture->ordered);
  g_assert_cmpstr (after, ==, "Leading Without Leaving");
  g_signal_handlers_disconnect_by_data (fixture->store, &watch);

  destroy_and_finalize (window, GTK_WIDGET (window));
  destroy_and_finalize (main_window, view);
}

static void
test_blank_title (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *window = show_stack_window (fixture, fixture->ordered);
  GtkWidget *title_row = find_by_type (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  g_autofree char *stored = NULL;

  /* Pointed out while typing, never saved, undone on leaving. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  assay_test_iterate (800);
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  stored = stored_title (fixture->directory, fixture->ordered);
  g_assert_cmpstr (stored, ==, "Teacher Leadership");

  destroy_and_finalize (window, GTK_WIDGET (window));
  g_assert_cmpstr (assay_stack_get_title (fixture->ordered), ==, "Teacher Leadership");
}

static void
test_ordered (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *view = assay_stacks_view_new (fixture->store);
  GtkWindow *main_window = show_in_window (view);
  GtkWindow *window = show_stack_window (fixture, fixture->unordered);
  GtkSwitch *toggle = GTK_SWITCH (find_by_type (GTK_WIDGET (window), GTK_TYPE_SWITCH));
  AdwPreferencesRow *row;

  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);

  /* A switch saves at once (and the saved row is shown anew). */
  g_assert_true (assay_stack_get_ordered (fixture->unordered));
  row = find_row (find_list_box (view, "stacks"), "Formative Assessment in Practice");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Ordered · 0 credentials");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AssayStore) reader = assay_store_open (fixture->directory, ASSAY_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(AssayStack) copy = assay_store_lookup (reader, ASSAY_TYPE_STACK,
                                                     assay_record_get_id (ASSAY_RECORD (fixture->unordered)), &error);

    g_assert_no_error (error);
    g_assert_true (assay_stack_get_ordered (copy));
    g_clear_object (&copy);
    assay_store_close (reader);
  }

  destroy_and_finalize (window, GTK_WIDGET (window));
  destroy_and_finalize (main_window, view);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = assay_stacks_view_new (fixture->store);
  GtkWindow *main_window = show_in_window (view);
  GtkWindow *window = GTK_WINDOW (assay_stacks_view_open_stack (ASSAY_STACKS_VIEW (view), fixture->ordered));
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  assay_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "stack.delete", NULL));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (other))
        dialog = ADW_MESSAGE_DIALOG (other);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  assay_test_iterate (50);

  /* Gone from the store and the list; its window closed. */
  g_assert_cmpuint (assay_store_count (fixture->store, ASSAY_TYPE_STACK), ==, 1);
  g_assert_cmpuint (count_rows (find_list_box (view, "stacks")), ==, 1);
  g_assert_null (window);

  destroy_and_finalize (main_window, view);
}

static void
test_close_shortcut (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *window = show_stack_window (fixture, fixture->ordered);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean closed = FALSE;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  for (guint i = 0; !closed && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      guint n = GTK_IS_SHORTCUT_CONTROLLER (controller) ? g_list_model_get_n_items (G_LIST_MODEL (controller)) : 0;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "<Control>w"))
            closed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window),
                                                   gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_clear_object (&controllers);
  assay_test_iterate (50);
  g_assert_true (closed);
  g_assert_null (window);
}

#define ADD_TEST(path, func) \
  g_test_add ("/assay/ui/stacks/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  ADD_TEST ("list", test_list);
  g_test_add_func ("/assay/ui/stacks/empty", test_empty);
  g_test_add_func ("/assay/ui/stacks/demo", test_demo);
  ADD_TEST ("new", test_new_stack);
  ADD_TEST ("members", test_members);
  ADD_TEST ("candidates", test_candidates);
  ADD_TEST ("live-title", test_live_title);
  ADD_TEST ("blank-title", test_blank_title);
  ADD_TEST ("ordered", test_ordered);
  ADD_TEST ("delete", test_delete);
  ADD_TEST ("close-shortcut", test_close_shortcut);

  return g_test_run ();
}
