/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include "assay-record.h"
#include "assay-rubric-field.h"
#include "assay-rubric-util.h"

typedef enum
{
  FIELD_EDITABLE,
  FIELD_TEXT_VIEW,
  FIELD_SPIN,
  FIELD_SWITCH,
} FieldKind;

typedef struct
{
  GtkWidget   *widget;   /* unowned: the field is data on it */
  AssayStore  *store;
  AssayRecord *record;
  GParamSpec  *pspec;
  FieldKind    kind;
  gulong       notify_id;
  guint        save_id;
  char        *tooltip;  /* the widget's own, put back when an error clears */
  guint        syncing : 1;
  guint        pending : 1;
  guint        has_error : 1;
} Field;

#define FIELD_KEY "assay-rubric-field"

static Field *
get_field (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), FIELD_KEY);
}

static GtkTextBuffer *
get_buffer (Field *field)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
}

/* Record → widget, without counting as an edit. */
static void
show_value (Field *field)
{
  field->syncing = TRUE;

  switch (field->kind)
    {
    case FIELD_SPIN:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget),
                                 (double) assay_record_get_int (field->record, field->pspec));
      break;

    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget),
                             assay_record_get_boolean (field->record, field->pspec));
      break;

    case FIELD_EDITABLE:
      {
        const char *value = assay_record_get_string (field->record, field->pspec);

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), value ? value : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (field->widget), value ? value : "");
      }
      break;

    case FIELD_TEXT_VIEW:
      {
        const char *value = assay_record_get_string (field->record, field->pspec);
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (get_buffer (field), &start, &end);
        text = gtk_text_buffer_get_text (get_buffer (field), &start, &end, FALSE);
        if (g_strcmp0 (text, value ? value : "") != 0)
          gtk_text_buffer_set_text (get_buffer (field), value ? value : "", -1);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  field->syncing = FALSE;
}

/* Widget → record. */
static void
take_value (Field *field)
{
  switch (field->kind)
    {
    case FIELD_SPIN:
      assay_record_set_int (field->record, field->pspec,
                            gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)));
      break;

    case FIELD_SWITCH:
      assay_record_set_boolean (field->record, field->pspec,
                                gtk_switch_get_active (GTK_SWITCH (field->widget)));
      break;

    case FIELD_EDITABLE:
      assay_record_set_string (field->record, field->pspec,
                               gtk_editable_get_text (GTK_EDITABLE (field->widget)));
      break;

    case FIELD_TEXT_VIEW:
      {
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (get_buffer (field), &start, &end);
        text = gtk_text_buffer_get_text (get_buffer (field), &start, &end, FALSE);
        assay_record_set_string (field->record, field->pspec, text);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
set_error (Field      *field,
           const char *message)
{
  if (message == NULL && !field->has_error)
    return;

  if (message != NULL)
    {
      if (!field->has_error)
        {
          g_free (field->tooltip);
          field->tooltip = g_strdup (gtk_widget_get_tooltip_text (field->widget));
        }
      gtk_widget_add_css_class (field->widget, "error");
      gtk_widget_set_tooltip_text (field->widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      field->has_error = TRUE;
    }
  else
    {
      gtk_widget_remove_css_class (field->widget, "error");
      gtk_widget_set_tooltip_text (field->widget, field->tooltip);
      /* Not reset_state: in GTK 4.8 that leaks when the widget is going away. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      g_clear_pointer (&field->tooltip, g_free);
      field->has_error = FALSE;
    }
}

/* Saves a pending edit. A row deleted meanwhile (by this window or
 * another) is left alone: saving it would bring it back. */
static gboolean
save (Field    *field,
      gboolean  report)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&field->save_id, g_source_remove);

  if (!field->pending)
    return TRUE;
  field->pending = FALSE;

  if (!assay_record_get_persisted (field->record))
    return TRUE;

  /* Saved or not, the field now shows a value the workspace holds: the
   * store put the stored one back on failure. Say why in a toast. */
  set_error (field, NULL);

  if (!assay_store_save (field->store, field->record, &error))
    {
      if (report)
        assay_rubric_report_error (field->widget, error);
      else
        g_debug ("Could not save %s: %s", field->pspec->name, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_save_timeout_cb (gpointer data)
{
  Field *field = data;
  g_autoptr(GError) error = NULL;

  field->save_id = 0;

  /* Still typing: point out the problem but keep the edit; the save on
   * focus-out decides. */
  if (!assay_record_validate (field->record, &error))
    {
      set_error (field, error->message);
      return G_SOURCE_REMOVE;
    }

  save (field, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_widget_changed_cb (Field *field)
{
  if (field->syncing)
    return;

  take_value (field);
  field->pending = TRUE;
  g_clear_handle_id (&field->save_id, g_source_remove);

  if (field->kind == FIELD_SWITCH)
    save (field, TRUE);
  else
    field->save_id = g_timeout_add (assay_rubric_field_get_delay (), on_save_timeout_cb, field);
}

static void
on_record_notify_cb (Field *field)
{
  show_value (field);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   Field                   *field)
{
  GtkRoot *root = gtk_widget_get_root (field->widget);

  /* Switching to another window is not leaving the field: an edit that
   * cannot be saved yet waits instead of being undone. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)) &&
      !assay_record_validate (field->record, NULL))
    return;

  save (field, TRUE);
}

static void
on_widget_unmap_cb (GtkWidget *widget,
                    Field     *field)
{
  save (field, TRUE);
}

/* The widget is going away: keep what was typed, quietly, and stop
 * following the record. */
static void
detach (Field *field)
{
  field->has_error = FALSE;
  if (field->pending)
    save (field, FALSE);

  g_clear_handle_id (&field->save_id, g_source_remove);
  if (field->record != NULL)
    g_clear_signal_handler (&field->notify_id, field->record);
}

static void
on_widget_destroy_cb (GtkWidget *widget,
                      Field     *field)
{
  detach (field);
}

static void
field_free (gpointer data)
{
  Field *field = data;

  detach (field);
  g_clear_object (&field->record);
  g_clear_object (&field->store);
  g_free (field->tooltip);
  g_free (field);
}

/**
 * assay_rubric_field_bind:
 * @record: (type AssayRecord): a stored row
 *
 * See the header. A widget edits one property for its whole life.
 */
void
assay_rubric_field_bind (GtkWidget  *widget,
                         AssayStore *store,
                         gpointer    record,
                         const char *property)
{
  g_autofree char *signal = NULL;
  GtkEventController *focus;
  Field *field;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ASSAY_IS_STORE (store));
  g_return_if_fail (ASSAY_IS_RECORD (record));
  g_return_if_fail (get_field (widget) == NULL);

  field = g_new0 (Field, 1);
  field->widget = widget;
  field->store = g_object_ref (store);
  field->record = g_object_ref (record);
  field->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_return_if_fail (field->pspec != NULL);

  /* A spin button is an editable too: ask for it first. */
  if (GTK_IS_SPIN_BUTTON (widget))
    field->kind = FIELD_SPIN;
  else if (GTK_IS_SWITCH (widget))
    field->kind = FIELD_SWITCH;
  else if (GTK_IS_TEXT_VIEW (widget))
    field->kind = FIELD_TEXT_VIEW;
  else if (GTK_IS_EDITABLE (widget))
    field->kind = FIELD_EDITABLE;
  else
    g_return_if_reached ();

  g_object_set_data_full (G_OBJECT (widget), FIELD_KEY, field, field_free);

  show_value (field);

  signal = g_strconcat ("notify::", field->pspec->name, NULL);
  field->notify_id = g_signal_connect_swapped (record, signal, G_CALLBACK (on_record_notify_cb), field);

  switch (field->kind)
    {
    case FIELD_SPIN:
      g_signal_connect_swapped (widget, "value-changed", G_CALLBACK (on_widget_changed_cb), field);
      break;
    case FIELD_SWITCH:
      g_signal_connect_swapped (widget, "notify::active", G_CALLBACK (on_widget_changed_cb), field);
      break;
    case FIELD_TEXT_VIEW:
      g_signal_connect_swapped (get_buffer (field), "changed", G_CALLBACK (on_widget_changed_cb), field);
      break;
    case FIELD_EDITABLE:
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_widget_changed_cb), field);
      break;
    default:
      g_assert_not_reached ();
    }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), field);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect (widget, "unmap", G_CALLBACK (on_widget_unmap_cb), field);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_widget_destroy_cb), field);
}

/**
 * assay_rubric_field_flush:
 *
 * Saves the widget's pending edit now.
 *
 * Returns: %FALSE if the save failed (the user has been told)
 */
gboolean
assay_rubric_field_flush (GtkWidget *widget)
{
  Field *field = get_field (widget);

  g_return_val_if_fail (field != NULL, FALSE);

  return save (field, TRUE);
}

/**
 * assay_rubric_field_discard:
 *
 * Forgets the widget's pending edit, e.g. because its row is being
 * deleted. The record keeps the typed value until it is reverted.
 */
void
assay_rubric_field_discard (GtkWidget *widget)
{
  Field *field = get_field (widget);

  g_return_if_fail (field != NULL);

  g_clear_handle_id (&field->save_id, g_source_remove);
  field->pending = FALSE;
}

/**
 * assay_rubric_field_flush_focused:
 * @within: a widget in the window
 *
 * Saves the pending edit of the field that has the keyboard focus, if
 * any, e.g. before an action that saves the same rows.
 *
 * Returns: %FALSE if that save failed
 */
gboolean
assay_rubric_field_flush_focused (GtkWidget *within)
{
  GtkRoot *root = gtk_widget_get_root (within);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (get_field (widget) != NULL)
      return save (get_field (widget), TRUE);

  return TRUE;
}

gboolean
assay_rubric_field_is_pending (GtkWidget *widget)
{
  Field *field = get_field (widget);

  return field != NULL && field->pending;
}

void
assay_rubric_field_show_error (GtkWidget    *widget,
                               const GError *error)
{
  Field *field = get_field (widget);

  g_return_if_fail (field != NULL);
  g_return_if_fail (error != NULL);

  set_error (field, error->message);
}

void
assay_rubric_field_clear_error (GtkWidget *widget)
{
  Field *field = get_field (widget);

  g_return_if_fail (field != NULL);

  set_error (field, NULL);
}

/**
 * assay_rubric_field_get_delay:
 *
 * Returns: how long an edit waits before it is saved, in milliseconds
 */
guint
assay_rubric_field_get_delay (void)
{
  static GSettings *settings;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "autosave-delay-ms"))
        settings = g_settings_new (APP_ID);

      g_once_init_leave (&initialized, 1);
    }

  return settings != NULL ? (guint) g_settings_get_int (settings, "autosave-delay-ms") : 500;
}
