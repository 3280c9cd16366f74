/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "assay-evidence-window-private.h"

/* "Open With…": office documents and anything Assay cannot show go to an
 * application the assessor chooses. That application gets a read-only copy
 * under the file's own name in the cache, never the blob itself, so it can
 * neither change the evidence nor see the workspace's layout. */

static char *
safe_basename (AssayArtifact *artifact)
{
  const char *path = assay_artifact_get_path (artifact);
  g_autofree char *base = g_path_get_basename (path != NULL && *path != '\0' ? path : "evidence");
  GString *name = g_string_new (NULL);

  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  if (name->len == 0 || g_str_equal (name->str, ".") || g_str_equal (name->str, ".."))
    g_string_assign (name, "evidence");
  return g_string_free (name, FALSE);
}

static GFile *
export_copy (AssayEvidenceWindow *self,
             GError             **error)
{
  g_autoptr(GFile) blob = _assay_evidence_window_artifact_file (self, self->artifact);
  g_autofree char *name = safe_basename (self->artifact);
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "assay", "open",
                                                 assay_artifact_get_sha256 (self->artifact), NULL);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);

  if (blob == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file is missing from the workspace."));
      return NULL;
    }
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not prepare a copy: %s"),
                   g_strerror (errno));
      return NULL;
    }
  if (!g_file_query_exists (copy, NULL))
    {
      g_autofree char *partial = g_strconcat (path, ".part", NULL);
      g_autoptr(GFile) partial_file = g_file_new_for_path (partial);

      if (!g_file_copy (blob, partial_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error)
          || g_chmod (partial, 0400) != 0
          || !g_file_move (partial_file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        {
          g_file_delete (partial_file, NULL, NULL);
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not prepare a copy."));
          return NULL;
        }
    }
  return g_steal_pointer (&copy);
}

static void
on_chooser_response_cb (GtkDialog           *dialog,
                        int                  response,
                        AssayEvidenceWindow *self)
{
  g_autoptr(GAppInfo) app = NULL;
  g_autoptr(GFile) copy = g_object_steal_data (G_OBJECT (dialog), "copy");
  g_autoptr(GError) error = NULL;
  GList files = { copy, NULL, NULL };

  if (response == GTK_RESPONSE_OK)
    app = gtk_app_chooser_get_app_info (GTK_APP_CHOOSER (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (app == NULL)
    return;
  if (!g_app_info_launch (app, &files, NULL, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

void
_assay_evidence_window_open_with (AssayEvidenceWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->artifact == NULL)
    return;

  if ((copy = export_copy (self, &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_app_chooser_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, copy);
  heading = g_strdup_printf (_("“%s” comes from outside your organisation. Open it only with an application you trust."),
                             assay_artifact_get_title (self->artifact));
  gtk_app_chooser_dialog_set_heading (GTK_APP_CHOOSER_DIALOG (dialog), heading);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_set_data_full (G_OBJECT (dialog), "copy", g_steal_pointer (&copy), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
