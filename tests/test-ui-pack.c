/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "assay-bundle-import.h"
#include "assay-model.h"
#include "assay-pack-window-private.h"
#include "assay-store-credentials.h"
#include "assay-test-ui.h"

/* The pack window on the demo workspace: files come in through the drop
 * target, are tied to criteria and titled through their rows, reflections
 * are typed into their views, and the bundle is saved through the function
 * the Save button's chooser calls. The zip is then imported into a second
 * workspace, whose blob folder starts empty, and must give back exactly
 * what was gathered. Hostile cases: files that vanish or turn into folders
 * before saving, and a cancelled save, leave no zip and no temporary file. */

typedef struct
{
  AssayStore      *store;
  char            *directory;
  char            *files_dir;      /* evidence files and saved zips */
  AssayCredential *credential;     /* published, with two or more criteria */
  GPtrArray       *criteria;       /* AssayCriterion, in rubric order */
  AssayPackWindow *window;

  gboolean         finished;
  GFile           *saved;
  GError          *error;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GError) error = NULL;

  f->store = assay_test_open_demo_store (&f->directory);
  f->files_dir = g_dir_make_tmp ("assay-pack-files-XXXXXX", &error);
  g_assert_no_error (error);

  credentials = assay_store_query (f->store, ASSAY_TYPE_CREDENTIAL, "status", "published", "title");
  for (guint i = 0; i < credentials->len && f->credential == NULL; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);
      g_autoptr(AssayRubric) rubric = assay_store_get_rubric (f->store, credential, NULL);
      g_autoptr(GPtrArray) criteria = NULL;

      if (rubric == NULL)
        continue;
      criteria = assay_store_query (f->store, ASSAY_TYPE_CRITERION, "rubric_id",
                                    assay_record_get_id (ASSAY_RECORD (rubric)), "position");
      if (criteria->len < 2)
        continue;
      f->credential = g_object_ref (credential);
      f->criteria = g_steal_pointer (&criteria);
    }
  g_assert_nonnull (f->credential);

  f->window = g_object_ref (assay_pack_window_new (f->store, f->credential));
  gtk_window_present (GTK_WINDOW (f->window));
  assay_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      g_assert_finalize_object (f->window);
    }
  g_clear_object (&f->saved);
  g_clear_error (&f->error);
  g_clear_pointer (&f->criteria, g_ptr_array_unref);
  g_clear_object (&f->credential);
  if (f->store != NULL)
    {
      assay_store_close (f->store);
      g_assert_finalize_object (f->store);
    }
  assay_test_remove_tree (f->directory);
  assay_test_remove_tree (f->files_dir);
  g_free (f->directory);
  g_free (f->files_dir);
}

/* Widgets */

typedef gboolean (*Match) (GtkWidget     *widget,
                           gconstpointer  data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = find_widget (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), escaped) == 0;
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = find_widget (root, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Remove File") == 0;
}

static void
click_remove (Fixture    *f,
              const char *file_name)
{
  GtkWidget *button = find_widget (row (GTK_WIDGET (f->window), file_name), is_remove_button, NULL);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
set_entry (Fixture    *f,
           GtkWidget  *root,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (root, title)), text);
}

static void
set_reflection (Fixture    *f,
                const char *group_title,
                const char *text)
{
  GtkWidget *group = find_widget (GTK_WIDGET (f->window), is_group_titled, group_title);
  GtkWidget *view;

  g_assert_nonnull (group);
  view = find_widget (group, is_text_view, NULL);
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Ticks @criterion in the row of @file_name, as a click on its row would. */
static void
tick (Fixture        *f,
      const char     *file_name,
      AssayCriterion *criterion)
{
  GtkWidget *file_row = row (GTK_WIDGET (f->window), file_name);
  GtkWidget *criterion_row;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (file_row), TRUE);
  assay_test_iterate (10);
  criterion_row = row (file_row, assay_criterion_get_title (criterion));
  adw_action_row_activate (ADW_ACTION_ROW (criterion_row));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (criterion_row)))));
}

/* Files and drops */

static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->files_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
  return path;
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Emits "drop" on the window's drop target (on its content, below the
 * header bar), as a drop from the file manager does. */
static void
drop_paths (Fixture            *f,
            const char * const *paths)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window->toast_overlay));
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GSList *files = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &handled);
  g_assert_true (handled);
}

typedef struct
{
  Fixture *f;
  guint    n;
} CountWait;

static gboolean
has_n_files (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (assay_pack_window_get_files (wait->f->window)) == wait->n;
}

static void
wait_for_files (Fixture *f,
                guint    n)
{
  CountWait wait = { f, n };

  g_assert_true (assay_test_wait_until (has_n_files, &wait, 5000));
}

static void
fill_earner (Fixture    *f,
             const char *name,
             const char *email)
{
  set_entry (f, GTK_WIDGET (f->window), "Name", name);
  set_entry (f, GTK_WIDGET (f->window), "E-mail Address", email);
}

/* Saving */

static void
on_bundle_saved_cb (AssayPackWindow *window,
                    GFile           *file,
                    Fixture         *f)
{
  g_assert_false (f->finished);
  f->finished = TRUE;
  f->saved = g_object_ref (file);
}

static void
on_save_failed_cb (AssayPackWindow *window,
                   const GError    *error,
                   Fixture         *f)
{
  g_assert_false (f->finished);
  f->finished = TRUE;
  f->error = g_error_copy (error);
}

static gboolean
finished (gpointer data)
{
  Fixture *f = data;

  return f->finished && !assay_pack_window_get_busy (f->window);
}

static void
start_save (Fixture    *f,
            const char *zip)
{
  g_autoptr(GFile) file = g_file_new_for_path (zip);

  f->finished = FALSE;
  g_signal_connect (f->window, "bundle-saved", G_CALLBACK (on_bundle_saved_cb), f);
  g_signal_connect (f->window, "save-failed", G_CALLBACK (on_save_failed_cb), f);
  assay_pack_window_save_to (f->window, file);
}

static void
finish_save (Fixture *f)
{
  g_assert_true (assay_test_wait_until (finished, f, 20000));
  g_signal_handlers_disconnect_by_data (f->window, f);
}

/* Nothing but @expected in the folder: no zip, no hidden temporary. */
static void
assert_folder_holds (Fixture            *f,
                     const char * const *expected)
{
  g_autoptr(GDir) dir = g_dir_open (f->files_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains (expected, name))
      g_error ("unexpected file left in the folder: %s", name);
}

/* A workspace with the same rows but an empty blob folder: the first one's
 * database, copied once it is closed. */
static AssayStore *
reopen_as_fresh_workspace (Fixture *f)
{
  g_autofree char *fresh = assay_test_make_workspace ();
  g_autofree char *from = g_build_filename (f->directory, "assay.db", NULL);
  g_autofree char *to = g_build_filename (fresh, "assay.db", NULL);
  g_autofree char *wal = g_strconcat (from, "-wal", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  AssayStore *store;
  gsize length;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (g_steal_pointer (&f->window));
  g_clear_object (&f->credential);
  g_clear_pointer (&f->criteria, g_ptr_array_unref);
  assay_store_close (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && g_file_get_contents (wal, &data, &length, NULL) && length > 0);
  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (fresh, 0700), ==, 0);
  g_assert_true (g_file_set_contents (to, data, length, NULL));

  store = assay_store_open (fresh, ASSAY_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  assay_test_remove_tree (f->directory);
  g_free (f->directory);
  f->directory = g_steal_pointer (&fresh);
  f->store = store;

  return store;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const char pdf[] = "%PDF-1.4\n% a lesson plan\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  static const char notes[] = "Observation notes, week 3.\nStudents compared fractions.\n";
  g_autofree char *plan_path = write_file (f, "lesson-plan.pdf", pdf, sizeof pdf - 1);
  g_autofree char *notes_path = write_file (f, "observation notes.txt", notes, sizeof notes - 1);
  g_autofree char *extra_path = write_file (f, "extra.txt", "one more\n", -1);
  g_autofree char *zip = g_build_filename (f->files_dir, "bundle.zip", NULL);
  const char *reflection = "I grouped students by their exit tickets — “fractions” first.\n\nThen   we met again.";
  const char *general = "Two weeks of work, in one bundle.";
  AssayCriterion *first = g_ptr_array_index (f->criteria, 0);
  AssayCriterion *second = g_ptr_array_index (f->criteria, 1);
  g_autofree char *plan_sha = sha256_of_file (plan_path);
  g_autofree char *notes_sha = sha256_of_file (notes_path);
  g_autofree char *first_id = g_strdup (assay_record_get_id (ASSAY_RECORD (first)));
  g_autofree char *second_id = g_strdup (assay_record_get_id (ASSAY_RECORD (second)));
  g_autofree char *first_title = g_strdup (assay_criterion_get_title (first));
  g_autoptr(AssayStore) fresh = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GPtrArray) artifacts = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) baseline = NULL;
  g_autoptr(GError) error = NULL;

  fill_earner (f, "Dana Petrov", "dana.petrov@example.org");
  set_entry (f, GTK_WIDGET (f->window), "State Licence Number (optional)", "IL-2024-0042");

  drop_paths (f, (const char *[]) { plan_path, notes_path, NULL });
  wait_for_files (f, 2);
  /* the same file again, in the same drop as a new one: only the new one comes in */
  drop_paths (f, (const char *[]) { plan_path, extra_path, NULL });
  wait_for_files (f, 3);
  assay_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (assay_pack_window_get_files (f->window)), ==, 3);

  /* removed with its row's button, back with Undo, then removed for good */
  click_remove (f, "extra.txt");
  g_assert_cmpuint (g_list_model_get_n_items (assay_pack_window_get_files (f->window)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "pack.undo-remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (assay_pack_window_get_files (f->window)), ==, 3);
  assay_test_iterate (20);
  click_remove (f, "extra.txt");
  g_assert_cmpuint (g_list_model_get_n_items (assay_pack_window_get_files (f->window)), ==, 2);
  assay_test_iterate (20);

  /* the check names the criteria nothing supports yet */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window->coverage_row)));

  tick (f, "lesson-plan.pdf", first);
  tick (f, "lesson-plan.pdf", second);
  tick (f, "observation notes.txt", second);
  set_entry (f, row (GTK_WIDGET (f->window), "lesson-plan.pdf"), "Title", "Lesson plan: fractions on the number line");
  set_entry (f, row (GTK_WIDGET (f->window), "observation notes.txt"), "Description", "Notes from the third week");
  set_reflection (f, first_title, reflection);
  set_reflection (f, "General Reflection", general);
  assay_test_iterate (20);
  if (f->criteria->len == 2)
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->coverage_row)));

  start_save (f, zip);
  g_assert_true (assay_pack_window_get_busy (f->window));
  finish_save (f);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->saved);
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));
  assert_folder_holds (f, (const char *[]) { "lesson-plan.pdf", "observation notes.txt", "extra.txt", "bundle.zip", NULL });
  g_assert_false (gtk_revealer_get_reveal_child (f->window->error_revealer));

  fresh = g_object_ref (reopen_as_fresh_workspace (f));
  /* the demo's own evidence stayed behind with its blob folder */
  baseline = assay_store_check (fresh, &error);
  g_assert_no_error (error);
  submission = assay_bundle_import_file (fresh, zip, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (submission);
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 1);

  people = assay_store_query (fresh, ASSAY_TYPE_PERSON, "email", "dana.petrov@example.org", NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (assay_person_get_name (g_ptr_array_index (people, 0)), ==, "Dana Petrov");
  g_assert_cmpstr (assay_person_get_licence_number (g_ptr_array_index (people, 0)), ==, "IL-2024-0042");

  artifacts = assay_store_query (fresh, ASSAY_TYPE_ARTIFACT, "submission_id",
                                 assay_record_get_id (ASSAY_RECORD (submission)), "position");
  g_assert_cmpuint (artifacts->len, ==, 2);
  {
    AssayArtifact *plan = g_ptr_array_index (artifacts, 0);
    AssayArtifact *notes_artifact = g_ptr_array_index (artifacts, 1);
    const char * const *plan_criteria = assay_artifact_get_criteria (plan);
    const char * const *notes_criteria = assay_artifact_get_criteria (notes_artifact);
    g_autofree char *blob = assay_blob_store_get_path (assay_store_get_blobs (fresh), assay_artifact_get_sha256 (plan));
    g_autofree char *blob_sha = sha256_of_file (blob);

    g_assert_cmpstr (assay_artifact_get_path (plan), ==, "lesson-plan.pdf");
    g_assert_cmpstr (assay_artifact_get_title (plan), ==, "Lesson plan: fractions on the number line");
    g_assert_cmpstr (assay_artifact_get_sha256 (plan), ==, plan_sha);
    g_assert_cmpstr (blob_sha, ==, plan_sha);
    g_assert_cmpint (assay_artifact_get_size (plan), ==, sizeof pdf - 1);
    g_assert_cmpstr (assay_artifact_get_media_type (plan), ==, "application/pdf");
    g_assert_cmpuint (g_strv_length ((char **) plan_criteria), ==, 2);
    g_assert_cmpstr (plan_criteria[0], ==, first_id);
    g_assert_cmpstr (plan_criteria[1], ==, second_id);

    g_assert_cmpstr (assay_artifact_get_path (notes_artifact), ==, "observation notes.txt");
    g_assert_cmpstr (assay_artifact_get_title (notes_artifact), ==, "observation notes.txt");
    g_assert_cmpstr (assay_artifact_get_description (notes_artifact), ==, "Notes from the third week");
    g_assert_cmpstr (assay_artifact_get_sha256 (notes_artifact), ==, notes_sha);
    g_assert_cmpuint (g_strv_length ((char **) notes_criteria), ==, 1);
    g_assert_cmpstr (notes_criteria[0], ==, second_id);
  }

  reflections = assay_store_query (fresh, ASSAY_TYPE_REFLECTION, "submission_id",
                                   assay_record_get_id (ASSAY_RECORD (submission)), "position");
  g_assert_cmpuint (reflections->len, ==, 2);
  g_assert_cmpstr (assay_reflection_get_criterion_id (g_ptr_array_index (reflections, 0)), ==, first_id);
  g_assert_cmpstr (assay_reflection_get_body (g_ptr_array_index (reflections, 0)), ==, reflection);
  g_assert_nonnull (strstr (assay_reflection_get_prompt (g_ptr_array_index (reflections, 0)), first_title));
  g_assert_null (assay_reflection_get_criterion_id (g_ptr_array_index (reflections, 1)));
  g_assert_cmpstr (assay_reflection_get_body (g_ptr_array_index (reflections, 1)), ==, general);

  {
    g_autoptr(GPtrArray) problems = assay_store_check (fresh, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, baseline->len);
  }
}

static void
test_word_count (void)
{
  g_assert_cmpuint (_assay_pack_count_words (NULL), ==, 0);
  g_assert_cmpuint (_assay_pack_count_words ("  \n\t "), ==, 0);
  g_assert_cmpuint (_assay_pack_count_words ("one"), ==, 1);
  g_assert_cmpuint (_assay_pack_count_words (" two  words\n"), ==, 2);
  g_assert_cmpuint (_assay_pack_count_words ("élève\u00a0naïve — ok"), ==, 4);
}

/* The file is gone, or a folder, when the save reads it. */
static void
test_file_lost (Fixture       *f,
                gconstpointer  data)
{
  gboolean become_folder = GPOINTER_TO_INT (data);
  g_autofree char *kept = write_file (f, "kept.txt", "still here\n", -1);
  g_autofree char *lost = write_file (f, "lost.txt", "about to go\n", -1);
  g_autofree char *zip = g_build_filename (f->files_dir, "never.zip", NULL);

  fill_earner (f, "Dana Petrov", "dana.petrov@example.org");
  drop_paths (f, (const char *[]) { kept, lost, NULL });
  wait_for_files (f, 2);

  g_assert_cmpint (g_unlink (lost), ==, 0);
  if (become_folder)
    g_assert_cmpint (g_mkdir (lost, 0700), ==, 0);

  start_save (f, zip);
  finish_save (f);
  g_assert_null (f->saved);
  g_assert_nonnull (f->error);
  g_assert_true (f->error->domain == ASSAY_BUNDLE_ERROR);
  g_assert_cmpint (f->error->code, ==, become_folder ? ASSAY_BUNDLE_ERROR_NOT_A_FILE : ASSAY_BUNDLE_ERROR_IO);
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
  assert_folder_holds (f, (const char *[]) { "kept.txt", "lost.txt", NULL });

  /* said in the window, with the file's name */
  g_assert_true (gtk_revealer_get_reveal_child (f->window->error_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (f->window->error_label), "lost.txt"));
}

typedef enum
{
  CANCEL_READING,     /* while the files are hashed, before the zip exists */
  CANCEL_WRITING,     /* while the zip is written under its temporary name */
  CHANGE_WRITING,     /* a file changes after it was hashed */
} Interruption;

static gboolean
writing (gpointer data)
{
  Fixture *f = data;

  return f->finished || gtk_progress_bar_get_fraction (f->window->progress_bar) > 0.5;
}

/* A save stopped at any point leaves no zip and no temporary file. */
static void
test_interrupted (Fixture       *f,
                  gconstpointer  data)
{
  Interruption when = GPOINTER_TO_INT (data);
  g_autofree char *big = g_build_filename (f->files_dir, "long-video.mp4", NULL);
  g_autofree char *small = write_file (f, "notes.txt", "short notes\n", -1);
  g_autofree char *zip = g_build_filename (f->files_dir, "interrupted.zip", NULL);
  int fd;

  /* sparse: large to read, cheap to make */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 512 * 1024 * 1024), ==, 0);
  close (fd);

  fill_earner (f, "Dana Petrov", "dana.petrov@example.org");
  drop_paths (f, (const char *[]) { big, small, NULL });
  wait_for_files (f, 2);

  start_save (f, zip);
  g_assert_true (assay_pack_window_get_busy (f->window));
  if (when != CANCEL_READING)
    {
      g_assert_true (assay_test_wait_until (writing, f, 20000));
      g_assert_false (f->finished);
    }
  if (when == CHANGE_WRITING)
    {
      FILE *stream = g_fopen (small, "a");

      fputs ("a line added meanwhile\n", stream);
      fclose (stream);
    }
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "pack.cancel", NULL));
  finish_save (f);

  if (when == CHANGE_WRITING)
    {
      g_assert_error (f->error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO);
      g_assert_nonnull (strstr (gtk_label_get_label (f->window->error_label), "notes.txt"));
    }
  else
    {
      g_assert_error (f->error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED);
      g_assert_false (gtk_revealer_get_reveal_child (f->window->error_revealer));
    }
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
  assert_folder_holds (f, (const char *[]) { "long-video.mp4", "notes.txt", NULL });
}

/* Refused before any file is read: nothing to save yet. */
static void
test_incomplete (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (f->files_dir, "incomplete.zip", NULL);
  g_autofree char *file = write_file (f, "plan.txt", "a plan\n", -1);

  start_save (f, zip);
  finish_save (f);
  g_assert_nonnull (f->error);

  fill_earner (f, "Dana Petrov", "not an address");
  drop_paths (f, (const char *[]) { file, f->files_dir, NULL });   /* a folder is refused */
  wait_for_files (f, 1);
  assay_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (assay_pack_window_get_files (f->window)), ==, 1);
  g_clear_error (&f->error);
  start_save (f, zip);
  finish_save (f);
  g_assert_nonnull (f->error);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->window->email_row), "error"));
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
}

/* A known address brings its name, licence and attempt number. */
static void
test_known_earner (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) submissions = assay_store_query (f->store, ASSAY_TYPE_SUBMISSION, "credential_id",
                                                        assay_record_get_id (ASSAY_RECORD (f->credential)), NULL);
  g_autoptr(AssayPerson) earner = NULL;
  g_autofree char *expected_attempt = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *name = NULL;
  gint64 latest = 0;

  g_assert_cmpuint (submissions->len, >, 0);
  earner = assay_store_lookup (f->store, ASSAY_TYPE_PERSON,
                               assay_submission_get_earner_id (g_ptr_array_index (submissions, 0)), NULL);
  g_assert_nonnull (earner);
  for (guint i = 0; i < submissions->len; i++)
    if (g_str_equal (assay_submission_get_earner_id (g_ptr_array_index (submissions, i)),
                     assay_record_get_id (ASSAY_RECORD (earner))))
      latest = MAX (latest, assay_submission_get_attempt (g_ptr_array_index (submissions, i)));
  expected_attempt = g_strdup_printf ("%" G_GINT64_FORMAT, latest + 1);

  g_assert_cmpstr (gtk_label_get_label (f->window->attempt_label), ==, "1");
  set_entry (f, GTK_WIDGET (f->window), "E-mail Address", assay_person_get_email (earner));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->name_row)), ==, assay_person_get_name (earner));
  g_assert_cmpstr (gtk_label_get_label (f->window->attempt_label), ==, expected_attempt);
  if (assay_person_get_licence_number (earner) != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->licence_row)), ==,
                     assay_person_get_licence_number (earner));

  /* a name the educator typed stays */
  set_entry (f, GTK_WIDGET (f->window), "Name", "Someone Else");
  set_entry (f, GTK_WIDGET (f->window), "E-mail Address", "");
  set_entry (f, GTK_WIDGET (f->window), "E-mail Address", assay_person_get_email (earner));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->name_row)), ==, "Someone Else");

  name = _assay_pack_window_suggest_name (f->window);
  slug = g_strdup_printf ("-someone-else-attempt%s.zip", expected_attempt);
  g_assert_true (g_str_has_suffix (name, slug));
  for (const char *p = name; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '.');
}

static gboolean
activate_shortcut (GtkWidget  *widget,
                   const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean done = FALSE;

  for (guint i = 0; !done && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      guint n = GTK_IS_SHORTCUT_CONTROLLER (controller) ? g_list_model_get_n_items (G_LIST_MODEL (controller)) : 0;

      for (guint j = 0; j < n && !done; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return done;
}

/* Escape closes an empty window at once, and asks before dropping work. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *file = write_file (f, "plan.txt", "a plan\n", -1);
  AssayPackWindow *window = f->window;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;

  drop_paths (f, (const char *[]) { file, NULL });
  wait_for_files (f, 1);
  before = g_list_model_get_n_items (toplevels);
  g_assert_true (activate_shortcut (GTK_WIDGET (window), "Escape"));
  assay_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);   /* the question */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (other))
        {
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (other), "discard");
          break;
        }
    }
  assay_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_assert_finalize_object (g_steal_pointer (&f->window));

  window = assay_pack_window_new (f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  assay_test_iterate (20);
  g_assert_true (activate_shortcut (GTK_WIDGET (window), "Escape"));
  assay_test_iterate (50);
  g_assert_null (window);
}

#define ADD(path, func, data) \
  g_test_add ("/assay/ui/pack/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add_func ("/assay/ui/pack/word-count", test_word_count);
  ADD ("round-trip", test_round_trip, NULL);
  ADD ("file-vanished", test_file_lost, GINT_TO_POINTER (FALSE));
  ADD ("file-became-folder", test_file_lost, GINT_TO_POINTER (TRUE));
  ADD ("cancel-reading", test_interrupted, GINT_TO_POINTER (CANCEL_READING));
  ADD ("cancel-writing", test_interrupted, GINT_TO_POINTER (CANCEL_WRITING));
  ADD ("changed-while-writing", test_interrupted, GINT_TO_POINTER (CHANGE_WRITING));
  ADD ("incomplete", test_incomplete, NULL);
  ADD ("known-earner", test_known_earner, NULL);
  ADD ("escape", test_escape, NULL);

  return g_test_run ();
}
