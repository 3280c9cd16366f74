/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-import-details-dialog.h"
#include "assay-model.h"

/* A zip without a manifest does not say whom or what it is for: this asks,
 * as `assay-cli import --credential --earner` requires. Escape leaves the
 * question open (the import waits in the imports popover); Cancel Import
 * drops the bundle. */

typedef struct
{
  AssayImportJob *job;
  AssayStore     *store;
  GPtrArray      *credentials;  /* published, in the order of the combo */
  AdwComboRow    *credential_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *name_row;
  AssayPerson    *known;        /* the person the address belongs to, if any */
} Details;

static void
details_free (Details *details)
{
  g_clear_object (&details->job);
  g_clear_object (&details->store);
  g_clear_object (&details->known);
  g_clear_pointer (&details->credentials, g_ptr_array_unref);
  g_free (details);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  AssayCredential *ca = *(AssayCredential **) a;
  AssayCredential *cb = *(AssayCredential **) b;

  return g_utf8_collate (assay_credential_get_title (ca), assay_credential_get_title (cb));
}

static GPtrArray *
published_credentials (AssayStore *store)
{
  g_autoptr(GPtrArray) all = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  GPtrArray *published = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (all, i);

      if (assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_PUBLISHED)
        g_ptr_array_add (published, g_object_ref (credential));
    }
  g_ptr_array_sort (published, compare_titles);
  return published;
}

static gboolean
email_is_plausible (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && at[1] != '\0' && strchr (email, ' ') == NULL &&
         strchr (email, '<') == NULL && strchr (email, '>') == NULL;
}

static void
update_sensitivity (AdwMessageDialog *dialog,
                    Details          *details)
{
  const char *email = gtk_editable_get_text (GTK_EDITABLE (details->email_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (email));
  g_autoptr(GPtrArray) people = NULL;

  g_clear_object (&details->known);
  if (email_is_plausible (trimmed))
    {
      people = assay_store_query (details->store, ASSAY_TYPE_PERSON, "email", trimmed, NULL);
      if (people != NULL && people->len > 0)
        details->known = g_object_ref (g_ptr_array_index (people, 0));
    }

  /* A known earner keeps the name the workspace has for them. */
  if (details->known != NULL)
    gtk_editable_set_text (GTK_EDITABLE (details->name_row), assay_person_get_name (details->known));
  gtk_widget_set_sensitive (GTK_WIDGET (details->name_row), details->known == NULL);

  adw_message_dialog_set_response_enabled (dialog, "import",
                                           details->credentials->len > 0 && email_is_plausible (trimmed));
}

static void
on_email_changed_cb (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  update_sensitivity (dialog, g_object_get_data (G_OBJECT (dialog), "details"));
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Details          *details)
{
  if (assay_import_job_get_state (details->job) != ASSAY_IMPORT_STATE_NEEDS_DETAILS)
    return;

  if (g_str_equal (response, "cancel"))
    {
      assay_import_job_cancel (details->job);
    }
  else if (g_str_equal (response, "import"))
    {
      guint selected = adw_combo_row_get_selected (details->credential_row);
      AssayCredential *credential = g_ptr_array_index (details->credentials, selected);
      g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (details->email_row))));
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (details->name_row))));
      g_autofree char *earner = NULL;

      if (details->known == NULL && *name != '\0')
        earner = g_strdup_printf ("%s <%s>", name, email);
      else
        earner = g_steal_pointer (&email);

      assay_import_job_set_details (details->job, assay_record_get_id (ASSAY_RECORD (credential)), earner);
    }
}

static GtkWidget *
build_form (Details *details)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; i < details->credentials->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (details->credentials, i);
      g_autofree char *title = g_strdup_printf (_("%s (version %d)"),
                                                assay_credential_get_title (credential),
                                                (int) assay_credential_get_version (credential));

      gtk_string_list_append (titles, title);
    }

  details->credential_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details->credential_row), _("_Credential"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (details->credential_row), TRUE);
  adw_combo_row_set_model (details->credential_row, G_LIST_MODEL (titles));
  if (details->credentials->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (details->credential_row),
                                 _("No credential is published yet: publish one first"));

  details->email_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details->email_row), _("Earner’s _E-mail Address"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (details->email_row), TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (details->email_row), TRUE);

  details->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (details->name_row), _("Earner’s _Name (if new)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (details->name_row), TRUE);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (details->credential_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (details->email_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (details->name_row));
  return group;
}

/**
 * assay_import_details_dialog_present:
 *
 * Asks which credential and earner a plain zip is for, then lets @job go on.
 */
void
assay_import_details_dialog_present (AssayImportJob *job,
                                     GtkWindow      *parent)
{
  g_autoptr(AssayStore) store = assay_import_job_dup_store (job);
  GtkWidget *dialog;
  Details *details;

  g_return_if_fail (ASSAY_IS_IMPORT_JOB (job));

  if (store == NULL || assay_import_job_get_state (job) != ASSAY_IMPORT_STATE_NEEDS_DETAILS)
    return;

  details = g_new0 (Details, 1);
  details->job = g_object_ref (job);
  details->store = g_object_ref (store);
  details->credentials = published_credentials (store);

  dialog = adw_message_dialog_new (parent, _("Whose Evidence Is This?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has no manifest, so it does not say which credential it is for or who submitted it."),
                                  assay_import_job_get_title (job));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), build_form (details));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel Import"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  /* Escape or closing leaves the bundle waiting for an answer. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  g_object_set_data_full (G_OBJECT (dialog), "details", details, (GDestroyNotify) details_free);
  g_signal_connect (details->email_row, "changed", G_CALLBACK (on_email_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), details);
  update_sensitivity (ADW_MESSAGE_DIALOG (dialog), details);

  gtk_window_present (GTK_WINDOW (dialog));
}
