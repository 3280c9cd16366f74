/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-model-util.h"
#include "assay-rubric-editor-private.h"
#include "assay-rubric-field.h"
#include "assay-rubric-header.h"
#include "assay-rubric-util.h"
#include "assay-store-credentials.h"

/* The rubric.* actions: add, move and remove criteria and levels.
 *
 * The move and remove actions take the id of the row ("ms"); without one
 * they act on the row that has the keyboard focus, which is what Alt+arrow
 * does.
 */

static const char * const action_names[] = {
  "rubric.add-criterion",
  "rubric.add-level",
  "rubric.move-criterion-up",
  "rubric.move-criterion-down",
  "rubric.move-level-left",
  "rubric.move-level-right",
  "rubric.remove-criterion",
  "rubric.remove-level",
};

void
_assay_rubric_editor_update_actions (AssayRubricEditor *self)
{
  gboolean enabled = self->editable && self->rubric != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), action_names[i], enabled);
}

static void
report (AssayRubricEditor *self,
        const GError      *error)
{
  assay_rubric_report_error (GTK_WIDGET (self), error);
}

/* The row named by the action's parameter, or the focused one. */
static AssayRecord *
find_target (AssayRubricEditor *self,
             GVariant          *parameter,
             GListModel        *siblings,
             GType              type)
{
  g_autoptr(GVariant) id = parameter ? g_variant_get_maybe (parameter) : NULL;

  if (id != NULL)
    return assay_rubric_find_by_id (siblings, g_variant_get_string (id, NULL));

  return _assay_rubric_editor_focused_record (self, type);
}

static void
focus_header (AssayRubricEditor *self,
              gpointer           record)
{
  GtkWidget *header;

  _assay_rubric_editor_sync (self);
  header = _assay_rubric_editor_get_header (self, record);
  if (header != NULL)
    assay_rubric_header_focus_title (ASSAY_RUBRIC_HEADER (header));
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (widget);
  g_autoptr(AssayCriterion) criterion = NULL;
  g_autoptr(GError) error = NULL;

  assay_rubric_field_flush_focused (widget);

  criterion = assay_store_add_criterion (self->store, self->rubric, _("New Criterion"), &error);
  if (criterion == NULL)
    {
      report (self, error);
      return;
    }

  focus_header (self, criterion);
}

static void
add_level_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (widget);
  g_autoptr(AssayLevel) level = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (self->levels);
  gint64 top = 0;

  assay_rubric_field_flush_focused (widget);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayLevel) other = g_list_model_get_item (self->levels, i);

      top = MAX (top, assay_level_get_points (other));
    }

  level = assay_store_add_level (self->store, self->rubric, _("New Level"), top + 1, &error);
  if (level == NULL)
    {
      report (self, error);
      return;
    }

  focus_header (self, level);
}

static void
move (AssayRubricEditor *self,
      GListModel        *siblings,
      GType              type,
      GVariant          *parameter,
      int                delta)
{
  g_autoptr(AssayRecord) record = find_target (self, parameter, siblings, type);
  g_autoptr(GError) error = NULL;
  guint from;

  if (record == NULL || !assay_rubric_find_in_model (siblings, record, &from))
    return;
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= g_list_model_get_n_items (siblings)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!assay_rubric_field_flush_focused (GTK_WIDGET (self)))
    return;

  if (!assay_store_move (self->store, siblings, from, from + delta, &error))
    report (self, error);
  _assay_rubric_editor_sync (self);
}

static void
move_criterion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (widget);

  move (self, self->criteria, ASSAY_TYPE_CRITERION, parameter,
        g_str_equal (action_name, "rubric.move-criterion-up") ? -1 : 1);
}

static void
move_level_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (widget);
  int delta = g_str_equal (action_name, "rubric.move-level-left") ? -1 : 1;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;

  move (self, self->levels, ASSAY_TYPE_LEVEL, parameter, delta);
}

/* Whether removing @record would throw away descriptors someone wrote. */
static gboolean
has_descriptors (AssayRubricEditor *self,
                 AssayRecord       *record)
{
  GListModel *others = ASSAY_IS_CRITERION (record) ? self->levels : self->criteria;
  guint n = g_list_model_get_n_items (others);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayRecord) other = g_list_model_get_item (others, i);
      g_autoptr(AssayRubricCell) cell = NULL;

      if (ASSAY_IS_CRITERION (record))
        cell = assay_store_get_cell (self->store, ASSAY_CRITERION (record), ASSAY_LEVEL (other), NULL);
      else
        cell = assay_store_get_cell (self->store, ASSAY_CRITERION (other), ASSAY_LEVEL (record), NULL);

      if (cell != NULL && !assay_model_is_blank (assay_rubric_cell_get_descriptor (cell)))
        return TRUE;
    }

  return FALSE;
}

static void
remove_record (AssayRubricEditor *self,
               AssayRecord       *record)
{
  GListModel *siblings = ASSAY_IS_CRITERION (record) ? self->criteria : self->levels;
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayRecord) neighbour = NULL;
  guint position;
  gboolean ok;

  if (!assay_rubric_find_in_model (siblings, record, &position))
    return;

  if (ASSAY_IS_LEVEL (record) && g_list_model_get_n_items (siblings) <= 2)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!assay_store_begin (self->store, &error))
    {
      report (self, error);
      return;
    }

  ok = TRUE;
  if (ASSAY_IS_LEVEL (record) &&
      g_strcmp0 (assay_rubric_get_rule_level_id (self->rubric), assay_record_get_id (record)) == 0)
    {
      assay_rubric_set_rule_level_id (self->rubric, NULL);
      ok = assay_store_save (self->store, self->rubric, &error);
    }

  ok = ok && assay_rubric_remove_from_siblings (self->store, siblings, record, &error);
  if (!ok)
    assay_store_rollback (self->store);
  if (!ok || !assay_store_commit (self->store, &error))
    {
      report (self, error);
      return;
    }

  _assay_rubric_editor_sync (self);

  /* Keep the keyboard where it was: on the row that took its place. */
  if (g_list_model_get_n_items (siblings) > 0)
    {
      neighbour = g_list_model_get_item (siblings, MIN (position, g_list_model_get_n_items (siblings) - 1));
      focus_header (self, neighbour);
    }
}

static void
on_remove_dialog_response_cb (AdwMessageDialog  *dialog,
                              const char        *response,
                              AssayRubricEditor *self)
{
  AssayRecord *record = g_object_get_data (G_OBJECT (dialog), "record");

  if (g_str_equal (response, "remove") && assay_record_get_persisted (record))
    remove_record (self, record);
}

static void
confirm_removal (AssayRubricEditor *self,
                 AssayRecord       *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean criterion = ASSAY_IS_CRITERION (record);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                                       criterion ? _("Its descriptors for every level are removed with it.")
                                                                 : _("Its descriptor for every criterion is removed with it.")));
  if (criterion)
    adw_message_dialog_format_heading (dialog, _("Remove “%s”?"), assay_criterion_get_title (ASSAY_CRITERION (record)));
  else
    adw_message_dialog_format_heading (dialog, _("Remove “%s”?"), assay_level_get_name (ASSAY_LEVEL (record)));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (widget);
  gboolean criterion = g_str_equal (action_name, "rubric.remove-criterion");
  g_autoptr(AssayRecord) record = find_target (self, parameter,
                                               criterion ? self->criteria : self->levels,
                                               criterion ? ASSAY_TYPE_CRITERION : ASSAY_TYPE_LEVEL);

  if (record == NULL)
    return;

  if (has_descriptors (self, record))
    confirm_removal (self, record);
  else
    remove_record (self, record);
}

void
_assay_rubric_editor_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "rubric.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "rubric.add-level", NULL, add_level_action);
  gtk_widget_class_install_action (widget_class, "rubric.move-criterion-up", "ms", move_criterion_action);
  gtk_widget_class_install_action (widget_class, "rubric.move-criterion-down", "ms", move_criterion_action);
  gtk_widget_class_install_action (widget_class, "rubric.move-level-left", "ms", move_level_action);
  gtk_widget_class_install_action (widget_class, "rubric.move-level-right", "ms", move_level_action);
  gtk_widget_class_install_action (widget_class, "rubric.remove-criterion", "ms", remove_action);
  gtk_widget_class_install_action (widget_class, "rubric.remove-level", "ms", remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "rubric.move-criterion-up", "ms", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "rubric.move-criterion-down", "ms", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "rubric.move-level-left", "ms", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "rubric.move-level-right", "ms", NULL);
}
