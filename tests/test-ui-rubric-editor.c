/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-rubric-editor.h"
#include "assay-rubric-header.h"
#include "assay-store-credentials.h"
#include "assay-test-ui.h"

/* The rubric editor: a grid of the store's live criteria, levels and
 * descriptors that saves as you type. */

typedef struct
{
  char            *directory;
  AssayStore      *store;
  AssayCredential *credential;
  AssayRubric     *rubric;
  GtkWindow       *window;
  GtkWidget       *editor;
} Fixture;

static const char * const criterion_titles[] = {
  "Checks gather evidence from every student",
  "Instruction adjusts to the evidence",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_criteria = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;

  fixture->directory = assay_test_make_workspace ();
  fixture->store = assay_store_open (fixture->directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->credential = assay_store_create_credential (fixture->store, "Checking for Understanding", &error);
  g_assert_no_error (error);
  fixture->rubric = assay_store_get_rubric (fixture->store, fixture->credential, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_criteria; i++)
    {
      g_autoptr(AssayCriterion) criterion = assay_store_add_criterion (fixture->store, fixture->rubric,
                                                                       criterion_titles[i], &error);
      g_assert_no_error (error);
    }
}

static void
show_editor (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->editor = assay_rubric_editor_new (fixture->store, fixture->credential);
  gtk_window_set_default_size (fixture->window, 1100, 800);
  gtk_window_set_child (fixture->window, fixture->editor);
  gtk_window_present (fixture->window);
  assay_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_object_ref (fixture->editor);
      gtk_window_destroy (fixture->window);
      g_assert_finalize_object (fixture->editor);
    }

  g_clear_object (&fixture->rubric);
  g_clear_object (&fixture->credential);
  assay_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_free (fixture->directory);
}

/* Widgets under @widget carrying @css_class, in tree order. */
static void
collect (GtkWidget  *widget,
         const char *css_class,
         GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, css_class))
        g_ptr_array_add (found, child);
      collect (child, css_class, found);
    }
}

static guint
count_with_class (GtkWidget  *widget,
                  const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, css_class, found);
  return found->len;
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

static GtkGrid *
get_grid (Fixture *fixture)
{
  return GTK_GRID (find_by_type (fixture->editor, GTK_TYPE_GRID));
}

static GListModel *
list_children (Fixture *fixture,
               GType    type)
{
  return assay_store_list (fixture->store, type, "rubric_id",
                           assay_record_get_id (ASSAY_RECORD (fixture->rubric)), "position");
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static void
test_grid (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
  guint n_criteria = g_list_model_get_n_items (criteria);
  guint n_levels = g_list_model_get_n_items (levels);
  GtkGrid *grid;

  show_editor (fixture);
  grid = get_grid (fixture);

  g_assert_cmpuint (n_criteria, ==, 2);
  g_assert_cmpuint (n_levels, ==, 4);
  g_assert_true (assay_rubric_editor_get_editable (ASSAY_RUBRIC_EDITOR (fixture->editor)));
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, n_criteria * n_levels);

  /* Levels across, criteria down, the corner empty. */
  g_assert_null (gtk_grid_get_child_at (grid, 0, 0));
  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(AssayLevel) level = g_list_model_get_item (levels, l);
      GtkWidget *header = gtk_grid_get_child_at (grid, l + 1, 0);

      g_assert_true (ASSAY_IS_RUBRIC_HEADER (header));
      g_assert_true (assay_rubric_header_get_record (ASSAY_RUBRIC_HEADER (header)) == ASSAY_RECORD (level));
    }
  for (guint c = 0; c < n_criteria; c++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (criteria, c);
      GtkWidget *header = gtk_grid_get_child_at (grid, 0, c + 1);

      g_assert_true (ASSAY_IS_RUBRIC_HEADER (header));
      g_assert_true (assay_rubric_header_get_record (ASSAY_RUBRIC_HEADER (header)) == ASSAY_RECORD (criterion));
      for (guint l = 0; l < n_levels; l++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (grid, l + 1, c + 1);

          g_assert_true (GTK_IS_TEXT_VIEW (cell));
          g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (cell)));
          g_assert_true (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (cell)) == GTK_WRAP_WORD_CHAR);
        }
    }
}

static gboolean
focus_is_within (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_add_level (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
  g_autoptr(AssayLevel) level = NULL;
  GtkWidget *header;

  show_editor (fixture);
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 8);

  g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.add-level", NULL));
  assay_test_iterate (20);

  /* A column more, a level more in the store, one above the others. */
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 5);
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 10);
  level = g_list_model_get_item (levels, 4);
  g_assert_cmpint (assay_level_get_points (level), ==, 5);
  g_assert_cmpint (assay_level_get_position (level), ==, 4);

  /* The new level's name is ready to be typed over. */
  header = gtk_grid_get_child_at (get_grid (fixture), 5, 0);
  g_assert_true (ASSAY_IS_RUBRIC_HEADER (header));
  g_assert_true (assay_rubric_header_get_record (ASSAY_RUBRIC_HEADER (header)) == ASSAY_RECORD (level));
  g_assert_true (focus_is_within (header));
}

static void
test_add_first_criterion (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  GtkWidget *empty;

  show_editor (fixture);
  empty = find_by_type (fixture->editor, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 0);

  g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.add-criterion", NULL));
  assay_test_iterate (20);

  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 1);
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 4);
  g_assert_false (gtk_widget_get_visible (empty));
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

/* What the workspace holds, read through a second, read-only store. */
static char *
stored_string (const char *directory,
               GType       type,
               const char *id,
               const char *property)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) reader = assay_store_open (directory, ASSAY_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GObject) record = NULL;
  char *value = NULL;

  g_assert_no_error (error);
  record = assay_store_lookup (reader, type, id, &error);
  g_assert_no_error (error);
  g_object_get (record, property, &value, NULL);
  g_clear_object (&record);
  assay_store_close (reader);

  return value;
}

static void
test_descriptor_autosave (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *text = "Fewer than half of the students are checked, or only volunteers answer.";
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
  g_autoptr(AssayCriterion) criterion = g_list_model_get_item (criteria, 0);
  g_autoptr(AssayLevel) level = g_list_model_get_item (levels, 1);
  g_autoptr(AssayRubricCell) cell = assay_store_get_cell (fixture->store, criterion, level, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SaveWatch watch = { cell, FALSE };
  GtkWidget *view;

  show_editor (fixture);
  view = gtk_grid_get_child_at (get_grid (fixture), 2, 1);
  g_assert_true (GTK_IS_TEXT_VIEW (view));

  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (on_record_changed_cb), &watch);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);

  /* Every view of the cell sees the text at once; the workspace after a pause. */
  g_assert_cmpstr (assay_rubric_cell_get_descriptor (cell), ==, text);
  before = stored_string (fixture->directory, ASSAY_TYPE_RUBRIC_CELL,
                          assay_record_get_id (ASSAY_RECORD (cell)), "descriptor");
  g_assert_null (before);

  g_assert_true (assay_test_wait_until (watch_saved, &watch, 5000));
  after = stored_string (fixture->directory, ASSAY_TYPE_RUBRIC_CELL,
                         assay_record_get_id (ASSAY_RECORD (cell)), "descriptor");
  g_assert_cmpstr (after, ==, text);
  g_signal_handlers_disconnect_by_data (fixture->store, &watch);

  /* An edit made elsewhere shows in the cell. */
  assay_rubric_cell_set_descriptor (cell, "Changed in another window");
  g_clear_pointer (&after, g_free);
  after = buffer_text (GTK_TEXT_VIEW (view));
  g_assert_cmpstr (after, ==, "Changed in another window");
}

static void
test_blank_title (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  g_autoptr(AssayCriterion) criterion = g_list_model_get_item (criteria, 0);
  GtkWidget *header;
  GtkWidget *entry;

  show_editor (fixture);
  header = gtk_grid_get_child_at (get_grid (fixture), 0, 1);
  entry = find_by_type (header, GTK_TYPE_ENTRY);

  /* Still typing: the problem shows, nothing is saved or thrown away. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  assay_test_iterate (800);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (assay_criterion_get_title (criterion), ==, "");

  /* Leaving the field saves, fails, and puts the stored title back. */
  g_object_ref (fixture->editor);
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  g_assert_finalize_object (fixture->editor);
  g_assert_cmpstr (assay_criterion_get_title (criterion), ==, criterion_titles[0]);
}

/* Presses a key binding of @widget's class, as the shortcut controller
 * would on a key event. */
static gboolean
activate_shortcut (GtkWidget  *widget,
                   const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
test_move_criterion (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  g_autoptr(AssayCriterion) first = g_list_model_get_item (criteria, 0);
  g_autoptr(AssayCriterion) second = g_list_model_get_item (criteria, 1);
  GtkGrid *grid;
  GtkWidget *header;
  GtkWidget *cell;

  show_editor (fixture);
  grid = get_grid (fixture);
  header = gtk_grid_get_child_at (grid, 0, 1);

  g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.move-criterion-down", "ms",
                                             assay_record_get_id (ASSAY_RECORD (first))));
  g_assert_cmpint (assay_criterion_get_position (first), ==, 1);
  g_assert_cmpint (assay_criterion_get_position (second), ==, 0);
  /* The same header widget, now one row down. */
  g_assert_true (gtk_grid_get_child_at (grid, 0, 2) == header);

  /* Without an id (Alt+Up) the action moves the criterion holding the focus. */
  cell = gtk_grid_get_child_at (grid, 3, 2);
  gtk_widget_grab_focus (cell);
  g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.move-criterion-up", "ms", NULL));
  g_assert_cmpint (assay_criterion_get_position (first), ==, 0);
  g_assert_cmpint (assay_criterion_get_position (second), ==, 1);
  g_assert_true (gtk_grid_get_child_at (grid, 0, 1) == header);
  g_assert_true (gtk_grid_get_child_at (grid, 3, 1) == cell);
  g_assert_true (focus_is_within (cell));

  /* Alt+Down is bound to the same action. */
  g_assert_true (activate_shortcut (fixture->editor, "<Alt>Down"));
  g_assert_cmpint (assay_criterion_get_position (first), ==, 1);
  g_assert_true (activate_shortcut (fixture->editor, "<Alt>Up"));
  g_assert_cmpint (assay_criterion_get_position (first), ==, 0);
  g_assert_true (focus_is_within (cell));

  /* Levels move the same way. */
  {
    g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
    g_autoptr(AssayLevel) lowest = g_list_model_get_item (levels, 0);

    g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.move-level-right", "ms",
                                               assay_record_get_id (ASSAY_RECORD (lowest))));
    g_assert_cmpint (assay_level_get_position (lowest), ==, 1);
    g_assert_true (assay_rubric_header_get_record (ASSAY_RUBRIC_HEADER (gtk_grid_get_child_at (grid, 2, 0)))
                   == ASSAY_RECORD (lowest));

    /* The focused cell's level is the one Alt+Left moves. */
    gtk_widget_grab_focus (gtk_grid_get_child_at (grid, 2, 1));
    g_assert_true (activate_shortcut (fixture->editor, "<Alt>Left"));
    g_assert_cmpint (assay_level_get_position (lowest), ==, 0);
  }
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* As a click on one of its buttons does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
  g_autoptr(AssayCriterion) first = g_list_model_get_item (criteria, 0);
  g_autoptr(AssayCriterion) second = g_list_model_get_item (criteria, 1);

  show_editor (fixture);

  /* Nothing written yet: no question asked. */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.remove-criterion", "ms",
                                             assay_record_get_id (ASSAY_RECORD (first))));
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 1);
  g_assert_cmpint (assay_criterion_get_position (second), ==, 0);
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 4);

  /* Written descriptors go only when the user says so. */
  {
    g_autoptr(AssayLevel) level = g_list_model_get_item (levels, 0);
    g_autoptr(AssayRubricCell) cell = assay_store_get_cell (fixture->store, second, level, NULL);
    AdwMessageDialog *dialog;

    assay_rubric_cell_set_descriptor (cell, "Checks reach only volunteers.");
    g_assert_true (assay_store_save (fixture->store, cell, NULL));

    g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.remove-criterion", "ms",
                                               assay_record_get_id (ASSAY_RECORD (second))));
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Instruction adjusts to the evidence”?");
    respond (dialog, "cancel");
    assay_test_iterate (20);
    g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 1);

    g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.remove-level", "ms",
                                               assay_record_get_id (ASSAY_RECORD (level))));
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    respond (dialog, "remove");
    assay_test_iterate (20);
    g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 3);
    g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 3);
  }

  /* Levels stay at two or more. */
  while (g_list_model_get_n_items (levels) > 2)
    {
      g_autoptr(AssayLevel) level = g_list_model_get_item (levels, 0);

      g_assert_true (gtk_widget_activate_action (fixture->editor, "rubric.remove-level", "ms",
                                                 assay_record_get_id (ASSAY_RECORD (level))));
    }
  {
    g_autoptr(AssayLevel) level = g_list_model_get_item (levels, 0);

    gtk_widget_activate_action (fixture->editor, "rubric.remove-level", "ms",
                                assay_record_get_id (ASSAY_RECORD (level)));
  }
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 2);
  g_assert_cmpuint (count_with_class (fixture->editor, "descriptor"), ==, 2);

  /* Positions stay 0, 1, … */
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AssayLevel) level = g_list_model_get_item (levels, i);

      g_assert_cmpint (assay_level_get_position (level), ==, i);
    }
}

static void
make_publishable (Fixture *fixture)
{
  g_autoptr(GListModel) criteria = list_children (fixture, ASSAY_TYPE_CRITERION);
  g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
  g_autoptr(GError) error = NULL;

  assay_credential_set_competency (fixture->credential, "Checks for understanding during instruction");
  assay_credential_set_key_method (fixture->credential, "Planned checkpoints with all-student response");
  assay_credential_set_research_rationale (fixture->credential, "Black and Wiliam (1998)");
  assay_credential_set_submission_guidelines (fixture->credential, "A lesson plan and a video");
  g_assert_true (assay_store_save (fixture->store, fixture->credential, &error));
  g_assert_no_error (error);

  for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
    for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
      {
        g_autoptr(AssayCriterion) criterion = g_list_model_get_item (criteria, c);
        g_autoptr(AssayLevel) level = g_list_model_get_item (levels, l);
        g_autoptr(AssayRubricCell) cell = assay_store_get_cell (fixture->store, criterion, level, &error);

        g_assert_no_error (error);
        assay_rubric_cell_set_descriptor (cell, "A descriptor");
        g_assert_true (assay_store_save (fixture->store, cell, &error));
        g_assert_no_error (error);
      }
}

static void
assert_frozen (Fixture *fixture)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GListModel) levels = list_children (fixture, ASSAY_TYPE_LEVEL);
  GtkWidget *label;

  g_assert_false (assay_rubric_editor_get_editable (ASSAY_RUBRIC_EDITOR (fixture->editor)));

  collect (fixture->editor, "descriptor", cells);
  g_assert_cmpuint (cells->len, ==, 8);
  for (guint i = 0; i < cells->len; i++)
    g_assert_false (gtk_text_view_get_editable (g_ptr_array_index (cells, i)));

  label = find_by_type (fixture->editor, GTK_TYPE_LABEL);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Version 1 is published: its rubric is frozen. Use “New Version” to change it.");

  /* The actions are off: nothing happens. */
  gtk_widget_activate_action (fixture->editor, "rubric.add-level", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 4);
}

static void
test_published (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_publishable (fixture);
  g_assert_true (assay_store_publish_credential (fixture->store, fixture->credential, NULL, &error));
  g_assert_no_error (error);

  show_editor (fixture);
  assert_frozen (fixture);
}

static void
test_published_while_open (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_publishable (fixture);
  show_editor (fixture);
  g_assert_true (assay_rubric_editor_get_editable (ASSAY_RUBRIC_EDITOR (fixture->editor)));

  g_assert_true (assay_store_publish_credential (fixture->store, fixture->credential, NULL, &error));
  g_assert_no_error (error);
  assert_frozen (fixture);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autofree char *directory = assay_test_make_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AssayCredential) credential = assay_store_create_credential (store, "Feedback That Moves Learning", &error);
  GtkWidget *editor = g_object_ref_sink (assay_rubric_editor_new (NULL, NULL));
  guint notified = 0;

  g_assert_no_error (error);
  g_signal_connect (editor, "notify", G_CALLBACK (count_notify_cb), &notified);

  g_object_set (editor, "store", store, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (editor, "store", store, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (assay_rubric_editor_get_editable (ASSAY_RUBRIC_EDITOR (editor)));

  assay_rubric_editor_set_credential (ASSAY_RUBRIC_EDITOR (editor), credential);
  g_assert_true (assay_rubric_editor_get_credential (ASSAY_RUBRIC_EDITOR (editor)) == credential);
  g_assert_true (assay_rubric_editor_get_store (ASSAY_RUBRIC_EDITOR (editor)) == store);
  g_assert_true (assay_rubric_editor_get_editable (ASSAY_RUBRIC_EDITOR (editor)));
  /* credential and editable */
  g_assert_cmpuint (notified, ==, 3);
  assay_rubric_editor_set_credential (ASSAY_RUBRIC_EDITOR (editor), credential);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_finalize_object (editor);
  assay_store_close (store);
}

#define ADD_TEST(path, n_criteria, func) \
  g_test_add ("/assay/ui/rubric-editor/" path, Fixture, GUINT_TO_POINTER (n_criteria), \
              fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add_func ("/assay/ui/rubric-editor/properties", test_properties);
  ADD_TEST ("grid", 2, test_grid);
  ADD_TEST ("add-level", 2, test_add_level);
  ADD_TEST ("add-first-criterion", 0, test_add_first_criterion);
  ADD_TEST ("descriptor-autosave", 2, test_descriptor_autosave);
  ADD_TEST ("blank-title", 2, test_blank_title);
  ADD_TEST ("move", 2, test_move_criterion);
  ADD_TEST ("remove", 2, test_remove);
  ADD_TEST ("published", 2, test_published);
  ADD_TEST ("published-while-open", 2, test_published_while_open);

  return g_test_run ();
}
