/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-model-util.h"
#include "assay-resource-dialog.h"

/* Adding or editing one learning resource: the fields are copied into the
 * dialog and written back only on Save, so Cancel changes nothing. */
typedef struct
{
  AssayStore    *store;
  AssayResource *resource;
  GtkEditable   *title;
  GtkEditable   *url;
  GtkEditable   *notes;
  AdwComboRow   *use;
  AdwComboRow   *cost;
  GtkWidget     *dialog;
  GtkLabel      *error;
} DialogState;

static void
dialog_state_free (gpointer data)
{
  DialogState *state = data;

  g_object_unref (state->store);
  g_object_unref (state->resource);
  g_free (state);
}

static const char *
nonempty (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return *text ? text : NULL;
}

static gboolean
save (DialogState *state)
{
  g_autoptr(GError) error = NULL;
  AssayResource *resource = state->resource;

  assay_resource_set_title (resource, gtk_editable_get_text (state->title));
  assay_resource_set_url (resource, nonempty (state->url));
  assay_resource_set_notes (resource, nonempty (state->notes));
  assay_resource_set_use (resource, adw_combo_row_get_selected (state->use) == 0
                                      ? ASSAY_RESOURCE_USE_REQUIRED : ASSAY_RESOURCE_USE_SUGGESTED);
  assay_resource_set_cost (resource, adw_combo_row_get_selected (state->cost) == 0
                                       ? ASSAY_RESOURCE_COST_FREE : ASSAY_RESOURCE_COST_PURCHASE);

  if (!assay_store_save (state->store, resource, &error))
    {
      gtk_label_set_label (state->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (state->error), TRUE);
      return FALSE;
    }

  return TRUE;
}

/* Save stays disabled, with the reason shown, until the fields are valid:
 * a message dialog closes on any response. */
static void
on_field_changed_cb (DialogState *state)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = assay_model_check_text (gtk_editable_get_text (state->title),
                                           _("A resource needs a title"), &error) &&
                   assay_model_check_url (nonempty (state->url), &error);

  gtk_label_set_label (state->error, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (state->error), !valid);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (state->dialog), "save", valid);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                DialogState      *state)
{
  if (g_str_equal (response, "save"))
    {
      if (save (state))
        return;

      /* This dialog closes whatever the response, so the reason goes to
       * one that stays. */
      {
        GtkWidget *failure = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                     _("Cannot Save Resource"),
                                                     gtk_label_get_label (state->error));

        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failure), "close", _("_Close"));
        gtk_window_present (GTK_WINDOW (failure));
      }
    }

  if (assay_record_get_persisted (ASSAY_RECORD (state->resource)))
    assay_store_revert (state->store, state->resource);
}

static GtkEditable *
add_entry (GtkWidget  *box,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  return GTK_EDITABLE (row);
}

static AdwComboRow *
add_choice (GtkWidget   *box,
            const char  *title,
            const char **choices,
            guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  return ADW_COMBO_ROW (row);
}

GtkWindow *
assay_resource_dialog_present (GtkWindow     *parent,
                               AssayStore    *store,
                               AssayResource *resource)
{
  gboolean is_new = !assay_record_get_persisted (ASSAY_RECORD (resource));
  GtkWidget *dialog = adw_message_dialog_new (parent, is_new ? _("Add Learning Resource") : _("Edit Learning Resource"),
                                              _("A reading, tool, video or exemplar that helps earners develop the competency."));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  const char *uses[] = { _("Required"), _("Suggested"), NULL };
  const char *costs[] = { _("Free"), _("To Purchase"), NULL };
  DialogState *state = g_new0 (DialogState, 1);

  state->store = g_object_ref (store);
  state->resource = g_object_ref (resource);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  state->title = add_entry (list, _("Title"), assay_resource_get_title (resource));
  state->url = add_entry (list, _("Web Address"), assay_resource_get_url (resource));
  state->notes = add_entry (list, _("Notes"), assay_resource_get_notes (resource));
  state->use = add_choice (list, _("Use"), uses,
                                           assay_resource_get_use (resource) == ASSAY_RESOURCE_USE_REQUIRED ? 0 : 1);
  state->cost = add_choice (list, _("Cost"), costs,
                                            assay_resource_get_cost (resource) == ASSAY_RESOURCE_COST_FREE ? 0 : 1);
  state->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (state->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (state->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (state->error), FALSE);

  gtk_box_append (GTK_BOX (content), list);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (state->error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), content);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_size_request (dialog, 420, -1);

  g_object_set_data_full (G_OBJECT (dialog), "assay-resource-dialog", state, dialog_state_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), state);
  state->dialog = dialog;
  g_signal_connect_swapped (state->title, "changed", G_CALLBACK (on_field_changed_cb), state);
  g_signal_connect_swapped (state->url, "changed", G_CALLBACK (on_field_changed_cb), state);
  on_field_changed_cb (state);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
