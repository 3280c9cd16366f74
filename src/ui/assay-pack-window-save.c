/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-pack-window-private.h"

/* Saving the bundle: checked first (credential, earner, files, limits),
 * then assay_bundle_plan_write_async() in a worker thread with a progress
 * bar and Cancel. The packer writes under a hidden name and renames at the
 * end, so a failed or cancelled save leaves no zip and no temporary file.
 */

static char *
slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && out->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* "<credential>-<earner>-attempt<N>.zip", in lower-case ASCII */
char *
_assay_pack_window_suggest_name (AssayPackWindow *self)
{
  g_autofree char *name = _assay_pack_entry_text (self->name_row);
  g_autofree char *email = _assay_pack_entry_text (self->email_row);
  g_autofree char *credential = slug (self->credential ? assay_credential_get_title (self->credential) : NULL);
  g_autofree char *earner = slug (*name != '\0' ? name : email);
  guint attempt = self->credential ? assay_bundle_next_attempt (self->store, self->credential, email) : 1;

  return g_strdup_printf ("%s-%s-attempt%u.zip", *credential ? credential : "evidence",
                          *earner ? earner : "earner", attempt);
}

static void
on_progress_cb (guint64  bytes_done,
                guint64  bytes_total,
                guint    files_done,
                gpointer user_data)
{
  AssayPackWindow *self = user_data;
  guint64 half = bytes_total / 2;
  g_autofree char *done = NULL;
  g_autofree char *of = g_format_size (half);
  g_autofree char *text = NULL;

  if (!self->busy)
    return;

  /* the packer reads everything twice: to hash it, then into the zip */
  if (bytes_done <= half)
    {
      done = g_format_size (bytes_done);
      text = g_strdup_printf (_("Checking the files: %s of %s"), done, of);
    }
  else
    {
      done = g_format_size (bytes_done - half);
      text = g_strdup_printf (_("Writing the bundle: %s of %s"), done, of);
    }
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, bytes_total > 0 ? (double) bytes_done / bytes_total : 0);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AssayPackWindow) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "assay-saving");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  assay_bundle_plan_write_finish (result, &error);
  g_clear_object (&self->cancellable);
  if (self->held != NULL)
    g_application_release (self->held);
  g_clear_object (&self->held);
  /* closed meanwhile: the packer has cleaned up, nothing to show */
  if (self->store == NULL)
    return;
  _assay_pack_window_set_busy (self, FALSE);

  if (error == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      self->dirty = FALSE;
      _assay_pack_window_toast (self, message);
      _assay_pack_window_save_finished (self, file, NULL);
      return;
    }

  if (g_error_matches (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED))
    _assay_pack_window_toast (self, _("Not saved: cancelled"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("The bundle was not saved. %s"), error->message);

      _assay_pack_window_show_error (self, message);
    }
  _assay_pack_window_save_finished (self, NULL, error);
}

/* What is missing before a bundle can be written, or NULL. */
static char *
missing (AssayPackWindow *self)
{
  g_autofree char *name = _assay_pack_entry_text (self->name_row);
  g_autofree char *email = _assay_pack_entry_text (self->email_row);
  g_autofree char *reason = NULL;

  if (self->credential == NULL)
    return g_strdup (_("Choose the credential that the evidence is for."));
  if (*name == '\0')
    return g_strdup (_("Enter the earner’s name."));
  if (!_assay_pack_is_email (email))
    return g_strdup (_("Enter the earner’s e-mail address."));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    return g_strdup (_("Add at least one evidence file."));
  if ((reason = _assay_pack_window_too_large_reason (self)) != NULL)
    return g_steal_pointer (&reason);

  return NULL;
}

static AssayBundlePlan *
make_plan (AssayPackWindow  *self,
           GError          **error)
{
  g_autofree char *name = _assay_pack_entry_text (self->name_row);
  g_autofree char *email = _assay_pack_entry_text (self->email_row);
  g_autofree char *licence = _assay_pack_entry_text (self->licence_row);
  g_autoptr(AssayBundlePlan) plan = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_criteria = g_list_model_get_n_items (self->criteria);

  plan = assay_bundle_plan_new (self->store, assay_record_get_id (ASSAY_RECORD (self->credential)),
                                name, email, *licence ? licence : NULL, error);
  if (plan == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayPackItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autofree char *path = g_file_get_path (_assay_pack_item_get_file (item));
      g_autoptr(GPtrArray) criteria = g_ptr_array_new ();

      /* only the chosen rubric's, in its order */
      for (guint c = 0; c < n_criteria; c++)
        {
          g_autoptr(AssayCriterion) criterion = g_list_model_get_item (self->criteria, c);
          const char *id = assay_record_get_id (ASSAY_RECORD (criterion));

          if (_assay_pack_item_has_criterion (item, id))
            g_ptr_array_add (criteria, (gpointer) id);   /* the list keeps it alive */
        }
      g_ptr_array_add (criteria, NULL);
      assay_bundle_plan_add_file (plan, path, _assay_pack_item_get_title (item),
                                  _assay_pack_item_get_description (item),
                                  (const char * const *) criteria->pdata);
    }
  _assay_pack_window_reflections_plan (self, plan);

  return g_steal_pointer (&plan);
}

/**
 * assay_pack_window_save_to:
 * @file: the zip to write, replaced if it exists
 *
 * Saves the bundle as the Save Bundle… button does once a file is chosen:
 * in a worker thread, with progress; #AssayPackWindow::bundle-saved or
 * #AssayPackWindow::save-failed tells the end.
 */
void
assay_pack_window_save_to (AssayPackWindow *self,
                           GFile           *file)
{
  g_autoptr(AssayBundlePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;

  g_return_if_fail (ASSAY_IS_PACK_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);

  _assay_pack_window_show_error (self, NULL);
  path = g_file_get_path (file);
  if (path == NULL)
    reason = g_strdup (_("Choose a folder on this computer."));
  else
    reason = missing (self);
  if (reason == NULL && (plan = make_plan (self, &error)) == NULL)
    reason = g_strdup (error->message);
  if (reason != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The bundle was not saved. %s"), reason);

      _assay_pack_window_show_error (self, message);
      g_set_error_literal (&error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST, reason);
      _assay_pack_window_save_finished (self, NULL, error);
      return;
    }

  /* Closing the last window must not end the process before the worker
   * has removed its temporary file. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      self->held = g_object_ref (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (self->held);
    }
  self->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), "assay-saving", g_object_ref (file), g_object_unref);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, _("Checking the files…"));
  _assay_pack_window_set_busy (self, TRUE);
  /* The reference held for on_saved_cb() covers the progress calls too:
   * none is delivered once the task has completed. */
  assay_bundle_plan_write_async (plan, path, on_progress_cb, self, NULL,
                                 self->cancellable, on_saved_cb, g_object_ref (self));
}

static void
on_save_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   AssayPackWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->busy)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      assay_pack_window_save_to (self, file);
    }
  g_object_unref (chooser);
}

void
_assay_pack_window_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AssayPackWindow *self = ASSAY_PACK_WINDOW (widget);
  g_autofree char *reason = missing (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* said before the chooser, not after the educator picked a place */
  if (reason != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The bundle cannot be saved yet. %s"), reason);

      _assay_pack_window_show_error (self, message);
      return;
    }

  _assay_pack_window_show_error (self, NULL);
  name = _assay_pack_window_suggest_name (self);
  chooser = gtk_file_chooser_native_new (_("Save Evidence Bundle"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_assay_pack_window_cancel_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AssayPackWindow *self = ASSAY_PACK_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

