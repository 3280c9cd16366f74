/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-record.h"
#include "assay-rubric-util.h"

/**
 * assay_rubric_report_error:
 *
 * Tells the user why a change did not happen: as a toast when @widget sits
 * in an #AdwToastOverlay, otherwise in a message dialog over its window.
 */
void
assay_rubric_report_error (GtkWidget    *widget,
                           const GError *error)
{
  GtkWidget *overlay;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  /* A field saved as its window closes has nobody left to tell. */
  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (GTK_WIDGET (root)))
    {
      g_debug ("%s", error->message);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("The Change Was Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * assay_rubric_remove_from_siblings:
 * @siblings: the live list @record is in, ordered by "position"
 *
 * Deletes @record and closes the gap it leaves in the positions of the
 * rest, in one transaction (the caller's, if one is open).
 */
gboolean
assay_rubric_remove_from_siblings (AssayStore  *store,
                                   GListModel  *siblings,
                                   gpointer     record,
                                   GError     **error)
{
  gboolean own = !assay_store_in_transaction (store);
  guint n = g_list_model_get_n_items (siblings);
  gint64 position = 0;
  gboolean ok;

  if (own && !assay_store_begin (store, error))
    return FALSE;

  ok = assay_store_delete (store, record, error);

  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (siblings, i);
      gint64 current = 0;

      if (item == record)
        continue;

      g_object_get (item, "position", &current, NULL);
      if (current != position)
        {
          g_object_set (item, "position", position, NULL);
          ok = assay_store_save (store, item, error);
        }
      position++;
    }

  if (!ok)
    {
      if (own)
        assay_store_rollback (store);
      return FALSE;
    }

  return own ? assay_store_commit (store, error) : TRUE;
}

gboolean
assay_rubric_find_in_model (GListModel *model,
                            gpointer    item,
                            guint      *position)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * assay_rubric_find_by_id:
 *
 * Returns: (transfer full) (nullable): the record in @model with @id
 */
gpointer
assay_rubric_find_by_id (GListModel *model,
                         const char *id)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(AssayRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (assay_record_get_id (record), id) == 0)
        return g_steal_pointer (&record);
    }

  return NULL;
}

void
assay_rubric_set_accessible_label (GtkWidget  *widget,
                                   const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}
