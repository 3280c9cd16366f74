/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-rubric-editor-private.h"
#include "assay-rubric-field.h"
#include "assay-rubric-header.h"
#include "assay-rubric-util.h"
#include "assay-store-credentials.h"
#include "assay-text-view.h"

/* The tailored rubric of one credential version (CCSSO principle L) as a
 * grid: levels across, criteria down, a descriptor where they meet, and the
 * decision rule below. Everything is the store's live objects: an edit here
 * shows in every other window at once, and theirs show here.
 *
 * The grid keeps one widget per criterion, level and cell for as long as
 * the row exists. When the live lists change it adds and removes only what
 * came and went and moves the rest to their new place, so the cursor, the
 * selection and any unsaved typing survive a reorder.
 */

G_DEFINE_FINAL_TYPE (AssayRubricEditor, assay_rubric_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CREDENTIAL,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CRITERION_KEY "assay-criterion"
#define LEVEL_KEY "assay-level"

static char *
cell_key (AssayCriterion *criterion,
          AssayLevel     *level)
{
  return g_strconcat (assay_record_get_id (ASSAY_RECORD (criterion)), " ",
                      assay_record_get_id (ASSAY_RECORD (level)), NULL);
}

static void
place (AssayRubricEditor *self,
       GtkWidget         *child,
       int                column,
       int                row)
{
  GtkLayoutManager *layout;
  GtkGridLayoutChild *layout_child;

  if (gtk_widget_get_parent (child) == NULL)
    {
      gtk_grid_attach (self->grid, child, column, row, 1, 1);
      return;
    }

  /* Moving, not re-adding: the widget keeps its focus and state. */
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->grid));
  layout_child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  if (gtk_grid_layout_child_get_column (layout_child) != column)
    gtk_grid_layout_child_set_column (layout_child, column);
  if (gtk_grid_layout_child_get_row (layout_child) != row)
    gtk_grid_layout_child_set_row (layout_child, row);
}

static GtkWidget *
create_cell_view (AssayRubricEditor *self,
                  AssayCriterion    *criterion,
                  AssayLevel        *level,
                  AssayRubricCell   *cell)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextView *text_view = GTK_TEXT_VIEW (view);

  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (text_view, FALSE);
  gtk_text_view_set_left_margin (text_view, 12);
  gtk_text_view_set_right_margin (text_view, 12);
  gtk_text_view_set_top_margin (text_view, 10);
  gtk_text_view_set_bottom_margin (text_view, 10);
  gtk_text_view_set_editable (text_view, self->editable);
  gtk_text_view_set_cursor_visible (text_view, self->editable);
  gtk_widget_set_size_request (view, 180, 96);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "descriptor");
  assay_text_view_fit_content (text_view);

  g_object_set_data_full (G_OBJECT (view), CRITERION_KEY, g_object_ref (criterion), g_object_unref);
  g_object_set_data_full (G_OBJECT (view), LEVEL_KEY, g_object_ref (level), g_object_unref);
  assay_rubric_field_bind (view, self->store, cell, "descriptor");

  return view;
}

static void
label_cell_view (GtkWidget      *view,
                 AssayCriterion *criterion,
                 AssayLevel     *level)
{
  g_autofree char *label = g_strdup_printf (_("Descriptor for %s at %s"),
                                            assay_criterion_get_title (criterion),
                                            assay_level_get_name (level));

  assay_rubric_set_accessible_label (view, label);
}

static GPtrArray *
snapshot (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* Drops the widgets of rows that are gone. */
static void
remove_stale (AssayRubricEditor *self,
              GPtrArray         *criteria,
              GPtrArray         *levels)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint c = 0; c < criteria->len; c++)
    for (guint l = 0; l < levels->len; l++)
      g_hash_table_add (keys, cell_key (g_ptr_array_index (criteria, c), g_ptr_array_index (levels, l)));

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keys, key))
      {
        /* Its row went with its criterion or level: saving would fail. */
        assay_rubric_field_discard (value);
        g_hash_table_iter_remove (&iter);
        gtk_grid_remove (self->grid, value);
      }

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_ptr_array_find (criteria, key, NULL) && !g_ptr_array_find (levels, key, NULL))
      {
        g_hash_table_iter_remove (&iter);
        gtk_grid_remove (self->grid, value);
      }
}

static void
place_header (AssayRubricEditor *self,
              AssayRecord       *record,
              int                column,
              int                row,
              guint              position,
              guint              n_siblings,
              gboolean           can_remove)
{
  GtkWidget *header = g_hash_table_lookup (self->headers, record);

  if (header == NULL)
    {
      header = assay_rubric_header_new (self->store, record);
      gtk_widget_set_valign (header, GTK_ALIGN_START);
      assay_rubric_header_set_editable (ASSAY_RUBRIC_HEADER (header), self->editable);
      g_hash_table_insert (self->headers, record, header);
    }

  place (self, header, column, row);
  assay_rubric_header_set_position (ASSAY_RUBRIC_HEADER (header), position, n_siblings, can_remove);
}

static void
place_cell (AssayRubricEditor *self,
            AssayCriterion    *criterion,
            AssayLevel        *level,
            int                column,
            int                row)
{
  g_autofree char *key = cell_key (criterion, level);
  GtkWidget *view = g_hash_table_lookup (self->cells, key);

  if (view == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AssayRubricCell) cell = assay_store_get_cell (self->store, criterion, level, &error);

      if (cell == NULL)
        {
          g_debug ("%s", error->message);
          return;
        }

      view = create_cell_view (self, criterion, level, cell);
      g_hash_table_insert (self->cells, g_steal_pointer (&key), view);
    }

  place (self, view, column, row);
  label_cell_view (view, criterion, level);
}

static void
sync_grid_once (AssayRubricEditor *self)
{
  g_autoptr(GPtrArray) criteria = snapshot (self->criteria);
  g_autoptr(GPtrArray) levels = snapshot (self->levels);

  remove_stale (self, criteria, levels);

  for (guint l = 0; l < levels->len; l++)
    place_header (self, g_ptr_array_index (levels, l), l + 1, 0, l, levels->len, levels->len > 2);

  for (guint c = 0; c < criteria->len; c++)
    {
      AssayCriterion *criterion = g_ptr_array_index (criteria, c);

      place_header (self, ASSAY_RECORD (criterion), 0, c + 1, c, criteria->len, TRUE);
      for (guint l = 0; l < levels->len; l++)
        place_cell (self, criterion, g_ptr_array_index (levels, l), l + 1, c + 1);
    }

  gtk_widget_set_visible (self->empty_page, self->rubric != NULL && criteria->len == 0);
  gtk_widget_set_visible (self->add_criterion_button, self->editable && criteria->len > 0);
}

/* Adding, moving or removing a row saves other rows, which may bring us
 * back here: finish the pass, then run another. */
static void
sync_grid (AssayRubricEditor *self)
{
  if (self->in_sync)
    {
      self->sync_again = TRUE;
      return;
    }

  self->in_sync = TRUE;
  do
    {
      self->sync_again = FALSE;
      sync_grid_once (self);
    }
  while (self->sync_again);
  self->in_sync = FALSE;
}

/* A live list reports a row that moved as removed, then inserted: wait for
 * the lists to settle (before the next layout) so the row keeps its widgets. */
static gboolean
sync_grid_idle_cb (gpointer data)
{
  AssayRubricEditor *self = data;

  self->sync_id = 0;
  sync_grid (self);

  return G_SOURCE_REMOVE;
}

static void
on_list_items_changed_cb (AssayRubricEditor *self)
{
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_grid_idle_cb, self, NULL);
}

/* After a change of our own: show it now, e.g. to focus a new row. */
void
_assay_rubric_editor_sync (AssayRubricEditor *self)
{
  g_clear_handle_id (&self->sync_id, g_source_remove);
  sync_grid (self);
}

static void
sync_editable (AssayRubricEditor *self)
{
  gboolean editable = self->credential != NULL && self->store != NULL &&
                      assay_credential_is_editable (self->credential) &&
                      !assay_store_get_read_only (self->store);
  GHashTableIter iter;
  gpointer value;

  if (self->credential != NULL && !editable)
    {
      g_autofree char *text = NULL;

      if (assay_store_get_read_only (self->store))
        text = g_strdup (_("The workspace is open read-only: the rubric cannot change."));
      else if (assay_credential_get_status (self->credential) == ASSAY_CREDENTIAL_STATUS_RETIRED)
        text = g_strdup_printf (_("Version %d is retired: its rubric is frozen. Use “New Version” to change it."),
                                (int) assay_credential_get_version (self->credential));
      else
        text = g_strdup_printf (_("Version %d is published: its rubric is frozen. Use “New Version” to change it."),
                                (int) assay_credential_get_version (self->credential));
      gtk_label_set_text (self->frozen_label, text);
    }
  gtk_widget_set_visible (self->frozen_box, self->credential != NULL && !editable);

  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                   editable ? _("Add the first criterion: one part of the competency the evidence must show")
                                            : _("This rubric has no criteria"));

  if (editable == self->editable)
    return;

  self->editable = editable;

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    assay_rubric_header_set_editable (value, editable);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gtk_text_view_set_editable (value, editable);
      gtk_text_view_set_cursor_visible (value, editable);
    }

  gtk_widget_set_visible (self->add_level_button, editable);
  gtk_widget_set_visible (adw_status_page_get_child (ADW_STATUS_PAGE (self->empty_page)), editable);
  gtk_widget_set_visible (self->add_criterion_button,
                          editable && self->criteria != NULL && g_list_model_get_n_items (self->criteria) > 0);
  assay_rubric_rule_set_editable (self->rule_group, editable);
  _assay_rubric_editor_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
on_credential_notify_cb (AssayRubricEditor *self)
{
  sync_editable (self);
}

static void
clear_grid (AssayRubricEditor *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->headers);
  g_hash_table_remove_all (self->cells);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
unload (AssayRubricEditor *self)
{
  if (self->criteria != NULL)
    g_signal_handlers_disconnect_by_data (self->criteria, self);
  if (self->levels != NULL)
    g_signal_handlers_disconnect_by_data (self->levels, self);
  g_clear_handle_id (&self->sync_id, g_source_remove);

  assay_rubric_rule_set_rubric (self->rule_group, NULL, NULL, NULL, NULL);
  clear_grid (self);

  g_clear_object (&self->criteria);
  g_clear_object (&self->levels);
  g_clear_object (&self->rubric);
}

static void
load (AssayRubricEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *rubric_id;

  unload (self);

  if (self->store != NULL && self->credential != NULL)
    {
      self->rubric = assay_store_get_rubric (self->store, self->credential, &error);
      if (self->rubric == NULL)
        g_debug ("%s", error->message);
    }

  if (self->rubric != NULL)
    {
      rubric_id = assay_record_get_id (ASSAY_RECORD (self->rubric));
      self->criteria = assay_store_list (self->store, ASSAY_TYPE_CRITERION, "rubric_id", rubric_id, "position");
      self->levels = assay_store_list (self->store, ASSAY_TYPE_LEVEL, "rubric_id", rubric_id, "position");
      g_signal_connect_object (self->criteria, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->levels, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      assay_rubric_rule_set_rubric (self->rule_group, self->store, self->rubric, self->criteria, self->levels);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->rule_group), self->rubric != NULL);
  sync_editable (self);
  _assay_rubric_editor_sync (self);
  _assay_rubric_editor_update_actions (self);
}

static void
assay_rubric_editor_dispose (GObject *object)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (object);
  GtkWidget *child;

  if (self->credential != NULL)
    g_signal_handlers_disconnect_by_data (self->credential, self);
  unload (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_RUBRIC_EDITOR);
  /* The template's root has no id: unparent it by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->credential);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_rubric_editor_parent_class)->dispose (object);
}

static void
assay_rubric_editor_finalize (GObject *object)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (object);

  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (assay_rubric_editor_parent_class)->finalize (object);
}

static void
assay_rubric_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CREDENTIAL:
      g_value_set_object (value, self->credential);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_rubric_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AssayRubricEditor *self = ASSAY_RUBRIC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      assay_rubric_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_CREDENTIAL:
      assay_rubric_editor_set_credential (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_rubric_editor_class_init (AssayRubricEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_rubric_editor_dispose;
  object_class->finalize = assay_rubric_editor_finalize;
  object_class->get_property = assay_rubric_editor_get_property;
  object_class->set_property = assay_rubric_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASSAY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREDENTIAL] =
    g_param_spec_object ("credential", NULL, NULL, ASSAY_TYPE_CREDENTIAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * AssayRubricEditor:editable:
   *
   * Whether the rubric can change: the credential is a draft and the
   * workspace is writable.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ASSAY_TYPE_RUBRIC_RULE);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-rubric-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rubriceditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, frozen_box);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, frozen_label);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, add_criterion_button);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, add_level_button);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricEditor, rule_group);

  _assay_rubric_editor_class_add_actions (widget_class);
}

static void
assay_rubric_editor_init (AssayRubricEditor *self)
{
  GtkWidget *button;

  self->headers = g_hash_table_new (NULL, NULL);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  button = gtk_button_new_with_mnemonic (_("Add _Criterion"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "rubric.add-criterion");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (self->empty_page), button);

  sync_editable (self);
  _assay_rubric_editor_update_actions (self);
}

/* Private API for the actions */

GtkWidget *
_assay_rubric_editor_get_header (AssayRubricEditor *self,
                                 gpointer           record)
{
  return g_hash_table_lookup (self->headers, record);
}

GtkWidget *
_assay_rubric_editor_get_cell_view (AssayRubricEditor *self,
                                    AssayCriterion    *criterion,
                                    AssayLevel        *level)
{
  g_autofree char *key = cell_key (criterion, level);

  return g_hash_table_lookup (self->cells, key);
}

/**
 * _assay_rubric_editor_focused_record:
 * @type: %ASSAY_TYPE_CRITERION or %ASSAY_TYPE_LEVEL
 *
 * Returns: (transfer full) (nullable): the criterion or level whose header
 *   or descriptor has the keyboard focus
 */
AssayRecord *
_assay_rubric_editor_focused_record (AssayRubricEditor *self,
                                     GType              type)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root ? gtk_root_get_focus (root) : NULL;

  if (widget == NULL || !gtk_widget_is_ancestor (widget, GTK_WIDGET (self->grid)))
    return NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self->grid); widget = gtk_widget_get_parent (widget))
    {
      AssayRecord *record = NULL;

      if (ASSAY_IS_RUBRIC_HEADER (widget))
        record = assay_rubric_header_get_record (ASSAY_RUBRIC_HEADER (widget));
      else if (type == ASSAY_TYPE_CRITERION)
        record = g_object_get_data (G_OBJECT (widget), CRITERION_KEY);
      else
        record = g_object_get_data (G_OBJECT (widget), LEVEL_KEY);

      if (record != NULL && G_TYPE_CHECK_INSTANCE_TYPE (record, type))
        return g_object_ref (record);
    }

  return NULL;
}

/* Public API */

/**
 * assay_rubric_editor_new:
 * @store: (nullable): the workspace
 * @credential: (nullable): the credential version whose rubric to edit
 */
GtkWidget *
assay_rubric_editor_new (AssayStore      *store,
                         AssayCredential *credential)
{
  return g_object_new (ASSAY_TYPE_RUBRIC_EDITOR, "store", store, "credential", credential, NULL);
}

AssayStore *
assay_rubric_editor_get_store (AssayRubricEditor *self)
{
  g_return_val_if_fail (ASSAY_IS_RUBRIC_EDITOR (self), NULL);

  return self->store;
}

void
assay_rubric_editor_set_store (AssayRubricEditor *self,
                               AssayStore        *store)
{
  g_return_if_fail (ASSAY_IS_RUBRIC_EDITOR (self));
  g_return_if_fail (!store || ASSAY_IS_STORE (store));

  if (self->store == store)
    return;

  unload (self);
  g_set_object (&self->store, store);
  load (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

AssayCredential *
assay_rubric_editor_get_credential (AssayRubricEditor *self)
{
  g_return_val_if_fail (ASSAY_IS_RUBRIC_EDITOR (self), NULL);

  return self->credential;
}

void
assay_rubric_editor_set_credential (AssayRubricEditor *self,
                                    AssayCredential   *credential)
{
  g_return_if_fail (ASSAY_IS_RUBRIC_EDITOR (self));
  g_return_if_fail (!credential || ASSAY_IS_CREDENTIAL (credential));

  if (self->credential == credential)
    return;

  if (self->credential != NULL)
    g_signal_handlers_disconnect_by_data (self->credential, self);
  unload (self);

  g_set_object (&self->credential, credential);
  if (credential != NULL)
    {
      g_signal_connect_object (credential, "notify::status", G_CALLBACK (on_credential_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (credential, "notify::version", G_CALLBACK (on_credential_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
  load (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIAL]);
}

/**
 * assay_rubric_editor_get_editable:
 *
 * Returns: whether the rubric shown can change
 */
gboolean
assay_rubric_editor_get_editable (AssayRubricEditor *self)
{
  g_return_val_if_fail (ASSAY_IS_RUBRIC_EDITOR (self), FALSE);

  return self->editable;
}
