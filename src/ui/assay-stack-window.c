/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-rubric-field.h"
#include "assay-rubric-util.h"
#include "assay-import-drop.h"
#include "assay-stack-window.h"
#include "assay-store-credentials.h"
#include "assay-text-view.h"

/* One stack: its title, description and whether its credentials must be
 * earned in order, and the credentials themselves. Members name a
 * credential lineage, so a stack keeps its members through new versions;
 * each row shows the newest version's title, live.
 */
struct _AssayStackWindow
{
  AdwWindow           parent_instance;

  AssayStore         *store;
  AssayStack         *stack;
  GListModel         *members;
  GListModel         *credentials;
  GtkFilterListModel *candidates;
  GtkFilter          *candidate_filter;

  AdwWindowTitle     *window_title;
  AdwToastOverlay    *toast_overlay;
  AdwEntryRow        *title_row;
  GtkSwitch          *ordered_switch;
  GtkTextView        *description_view;
  GtkListBox         *members_list;
  GtkMenuButton      *add_button;
  GtkPopover         *add_popover;
  GtkStack           *candidates_stack;
  GtkListBox         *candidates_list;
};

G_DEFINE_FINAL_TYPE (AssayStackWindow, assay_stack_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const editing_actions[] = {
  "stack.add-member",
  "stack.move-member-up",
  "stack.move-member-down",
  "stack.remove-member",
  "stack.delete",
};

static void
report (AssayStackWindow *self,
        const GError     *error)
{
  assay_rubric_report_error (GTK_WIDGET (self->toast_overlay), error);
}

/* The newest version of a lineage: the one whose title the stack shows. */
static AssayCredential *
find_newest_version (AssayStore *store,
                     const char *lineage)
{
  g_autoptr(GPtrArray) versions = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, "lineage_id", lineage, "version");

  if (versions->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (versions, versions->len - 1));
}

static const char *
status_label (AssayCredentialStatus status)
{
  switch (status)
    {
    case ASSAY_CREDENTIAL_STATUS_DRAFT:
      return _("Draft");
    case ASSAY_CREDENTIAL_STATUS_PUBLISHED:
      return _("Published");
    case ASSAY_CREDENTIAL_STATUS_RETIRED:
      return _("Retired");
    default:
      return "";
    }
}

static GtkWidget *
add_row_button (AdwActionRow     *row,
                AssayStackMember *member,
                const char       *icon_name,
                const char       *tooltip,
                const char       *accessible_label,
                const char       *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  assay_rubric_set_accessible_label (button, accessible_label);
  g_object_set_data_full (G_OBJECT (button), "action-name", g_strdup (action_name), g_free);
  g_object_set_data_full (G_OBJECT (button), "member-id",
                          g_strdup (assay_record_get_id (ASSAY_RECORD (member))), g_free);
  adw_action_row_add_suffix (row, button);

  return button;
}

static void
on_row_button_clicked_cb (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button),
                              g_object_get_data (G_OBJECT (button), "action-name"),
                              "s", g_object_get_data (G_OBJECT (button), "member-id"));
}

static GtkWidget *
create_member_row_cb (gpointer item,
                      gpointer user_data)
{
  AssayStackWindow *self = user_data;
  AssayStackMember *member = item;
  g_autoptr(AssayCredential) credential = find_newest_version (self->store,
                                                               assay_stack_member_get_credential_lineage_id (member));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *number = gtk_label_new (NULL);
  g_autofree char *title = g_strdup (credential ? assay_credential_get_title (credential) : _("Unknown credential"));
  g_autofree char *up_label = g_strdup_printf (_("Move “%s” up"), title);
  g_autofree char *down_label = g_strdup_printf (_("Move “%s” down"), title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s” from the stack"), title);
  GtkWidget *buttons[3];

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (credential != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Version %d · %s"),
                                                   (int) assay_credential_get_version (credential),
                                                   status_label (assay_credential_get_status (credential)));

      g_object_bind_property (credential, "title", row, "title", G_BINDING_SYNC_CREATE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);

  buttons[0] = add_row_button (ADW_ACTION_ROW (row), member, "go-up-symbolic", _("Move Up"),
                               up_label, "stack.move-member-up");
  buttons[1] = add_row_button (ADW_ACTION_ROW (row), member, "go-down-symbolic", _("Move Down"),
                               down_label, "stack.move-member-down");
  buttons[2] = add_row_button (ADW_ACTION_ROW (row), member, "list-remove-symbolic", _("Remove From Stack"),
                               remove_label, "stack.remove-member");
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_signal_connect (buttons[i], "clicked", G_CALLBACK (on_row_button_clicked_cb), NULL);

  g_object_set_data (G_OBJECT (row), "number", number);
  g_object_set_data (G_OBJECT (row), "up", buttons[0]);
  g_object_set_data (G_OBJECT (row), "down", buttons[1]);
  g_object_set_data (G_OBJECT (row), "remove", buttons[2]);

  return row;
}

/* Numbers and move buttons depend on the neighbours and on the order. */
static void
refresh_member_rows (AssayStackWindow *self)
{
  gboolean ordered = assay_stack_get_ordered (self->stack);
  gboolean writable = !assay_store_get_read_only (self->store);
  guint n = g_list_model_get_n_items (self->members);

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->members_list, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *up, *down;

      if (row == NULL)
        continue;

      up = g_object_get_data (G_OBJECT (row), "up");
      down = g_object_get_data (G_OBJECT (row), "down");
      gtk_label_set_text (g_object_get_data (G_OBJECT (row), "number"), number);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "number"), ordered);
      gtk_widget_set_visible (up, ordered && writable);
      gtk_widget_set_visible (down, ordered && writable);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < n);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "remove"), writable);
    }
}

static gboolean
is_member (AssayStackWindow *self,
           const char       *lineage)
{
  guint n = g_list_model_get_n_items (self->members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayStackMember) member = g_list_model_get_item (self->members, i);

      if (g_strcmp0 (assay_stack_member_get_credential_lineage_id (member), lineage) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A current credential not in the stack yet and not retired, listed once
 * per lineage. */
static gboolean
is_candidate (gpointer item,
              gpointer user_data)
{
  AssayStackWindow *self = user_data;
  AssayCredential *credential = item;
  const char *lineage = assay_credential_get_lineage_id (credential);
  guint n = g_list_model_get_n_items (self->credentials);

  if (assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_RETIRED ||
      is_member (self, lineage))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCredential) other = g_list_model_get_item (self->credentials, i);

      if (g_strcmp0 (assay_credential_get_lineage_id (other), lineage) == 0 &&
          assay_credential_get_version (other) > assay_credential_get_version (credential))
        return FALSE;
    }

  return TRUE;
}

static GtkWidget *
create_candidate_row_cb (gpointer item,
                         gpointer user_data)
{
  AssayCredential *credential = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  g_object_bind_property (credential, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (credential, "title", label, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "lineage-id",
                          g_strdup (assay_credential_get_lineage_id (credential)), g_free);

  return row;
}

static void
update_candidates (AssayStackWindow *self)
{
  gtk_filter_changed (self->candidate_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->candidates_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) > 0 ? "list" : "empty");
}

static void
on_members_items_changed_cb (AssayStackWindow *self)
{
  refresh_member_rows (self);
  update_candidates (self);
}

static void
on_stack_notify_ordered_cb (AssayStackWindow *self)
{
  refresh_member_rows (self);
}

static void
on_credentials_items_changed_cb (AssayStackWindow *self)
{
  update_candidates (self);
}

static void
on_candidates_list_row_activated_cb (GtkListBox       *list_box,
                                     GtkListBoxRow    *row,
                                     AssayStackWindow *self)
{
  gtk_popover_popdown (self->add_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "stack.add-member", "s",
                              g_object_get_data (G_OBJECT (row), "lineage-id"));
}

static void
on_title_row_entry_activated_cb (AdwEntryRow      *row,
                                 AssayStackWindow *self)
{
  assay_rubric_field_flush (GTK_WIDGET (row));
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The stack is gone, deleted here or elsewhere: so is its window. Not at
 * once, since the deletion may come from a dialog over it that is still
 * answering. */
static void
on_store_record_changed_cb (AssayStackWindow *self,
                            AssayRecord      *record,
                            AssayStoreChange  change)
{
  if (record == ASSAY_RECORD (self->stack) && change == ASSAY_STORE_CHANGE_DELETED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static AssayStackMember *
find_member (AssayStackWindow *self,
             GVariant         *parameter,
             guint            *position)
{
  g_autoptr(AssayStackMember) member = assay_rubric_find_by_id (self->members, g_variant_get_string (parameter, NULL));

  if (member == NULL || !assay_rubric_find_in_model (self->members, member, position))
    return NULL;

  return g_steal_pointer (&member);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (widget);
  g_autoptr(AssayStackMember) member = NULL;
  g_autoptr(GError) error = NULL;

  member = assay_stack_member_new (assay_record_get_id (ASSAY_RECORD (self->stack)),
                                   g_variant_get_string (parameter, NULL));
  assay_stack_member_set_position (member, g_list_model_get_n_items (self->members));

  if (!assay_store_save (self->store, member, &error))
    report (self, error);
}

static void
move_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (widget);
  int delta = g_str_equal (action_name, "stack.move-member-up") ? -1 : 1;
  g_autoptr(AssayStackMember) member = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint position;

  member = find_member (self, parameter, &position);
  if (member == NULL)
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= g_list_model_get_n_items (self->members)))
    return;

  if (!assay_store_move (self->store, self->members, position, position + delta, &error))
    {
      report (self, error);
      return;
    }

  /* The row was rebuilt in its new place: keep the keyboard on it. */
  row = gtk_list_box_get_row_at_index (self->members_list, position + delta);
  if (row != NULL)
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), delta < 0 ? "up" : "down");

      if (!gtk_widget_get_sensitive (button))
        button = g_object_get_data (G_OBJECT (row), delta < 0 ? "down" : "up");
      gtk_widget_grab_focus (button);
    }
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (widget);
  g_autoptr(AssayStackMember) member = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  member = find_member (self, parameter, &position);
  if (member == NULL)
    return;

  if (!assay_rubric_remove_from_siblings (self->store, self->members, member, &error))
    report (self, error);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              AssayStackWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  /* The window closes when the store reports the deletion. */
  if (!assay_store_delete (self->store, self->stack, &error))
    report (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                                       _("The credentials stay in the catalog, and badges already "
                                                         "earned stay valid. Only the stack is deleted.")));
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), assay_stack_get_title (self->stack));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assay_stack_window_constructed (GObject *object)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (object);
  const char *stack_id;
  GtkWidget *placeholder;
  gboolean writable;

  G_OBJECT_CLASS (assay_stack_window_parent_class)->constructed (object);

  g_return_if_fail (ASSAY_IS_STORE (self->store));
  g_return_if_fail (ASSAY_IS_STACK (self->stack));

  stack_id = assay_record_get_id (ASSAY_RECORD (self->stack));
  writable = !assay_store_get_read_only (self->store);
  assay_import_drop_attach (GTK_WINDOW (self), self->store);

  g_object_bind_property (self->stack, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->stack, "title", self->window_title, "title", G_BINDING_SYNC_CREATE);

  assay_rubric_field_bind (GTK_WIDGET (self->title_row), self->store, self->stack, "title");
  assay_rubric_field_bind (GTK_WIDGET (self->description_view), self->store, self->stack, "description");
  assay_text_view_fit_content (self->description_view);
  assay_rubric_field_bind (GTK_WIDGET (self->ordered_switch), self->store, self->stack, "ordered");
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), writable);
  gtk_text_view_set_editable (self->description_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ordered_switch), writable);

  self->members = assay_store_list (self->store, ASSAY_TYPE_STACK_MEMBER, "stack_id", stack_id, "position");
  gtk_list_box_bind_model (self->members_list, self->members, create_member_row_cb, self, NULL);
  /* After the list box has made its rows. */
  g_signal_connect_object (self->members, "items-changed", G_CALLBACK (on_members_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->stack, "notify::ordered", G_CALLBACK (on_stack_notify_ordered_cb),
                           self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("Add the credentials an earner completes to earn this stack"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->members_list, placeholder);

  self->credentials = assay_store_list (self->store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", "title");
  self->candidate_filter = GTK_FILTER (gtk_custom_filter_new (is_candidate, self, NULL));
  self->candidates = gtk_filter_list_model_new (g_object_ref (self->credentials),
                                                g_object_ref (self->candidate_filter));
  gtk_list_box_bind_model (self->candidates_list, G_LIST_MODEL (self->candidates),
                           create_candidate_row_cb, self, NULL);
  g_signal_connect_object (self->credentials, "items-changed", G_CALLBACK (on_credentials_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (self->store, "record-changed", G_CALLBACK (on_store_record_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), writable);
  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing_actions[i], writable);

  refresh_member_rows (self);
  update_candidates (self);
}

static void
assay_stack_window_dispose (GObject *object)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (object);

  if (self->members_list != NULL)
    gtk_list_box_bind_model (self->members_list, NULL, NULL, NULL, NULL);
  if (self->candidates_list != NULL)
    gtk_list_box_bind_model (self->candidates_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_STACK_WINDOW);

  g_clear_object (&self->candidates);
  g_clear_object (&self->candidate_filter);
  g_clear_object (&self->credentials);
  g_clear_object (&self->members);
  g_clear_object (&self->stack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_stack_window_parent_class)->dispose (object);
}

static void
assay_stack_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_stack_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AssayStackWindow *self = ASSAY_STACK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STACK:
      self->stack = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_stack_window_class_init (AssayStackWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = assay_stack_window_constructed;
  object_class->dispose = assay_stack_window_dispose;
  object_class->get_property = assay_stack_window_get_property;
  object_class->set_property = assay_stack_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASSAY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ASSAY_TYPE_STACK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-stack-window.ui");

  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, ordered_switch);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, description_view);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, members_list);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, add_popover);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, candidates_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayStackWindow, candidates_list);

  gtk_widget_class_bind_template_callback (widget_class, on_candidates_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "stack.add-member", "s", add_member_action);
  gtk_widget_class_install_action (widget_class, "stack.move-member-up", "s", move_member_action);
  gtk_widget_class_install_action (widget_class, "stack.move-member-down", "s", move_member_action);
  gtk_widget_class_install_action (widget_class, "stack.remove-member", "s", remove_member_action);
  gtk_widget_class_install_action (widget_class, "stack.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
assay_stack_window_init (AssayStackWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
assay_stack_window_new (AssayStore *store,
                        AssayStack *stack)
{
  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (ASSAY_IS_STACK (stack), NULL);

  return g_object_new (ASSAY_TYPE_STACK_WINDOW, "store", store, "stack", stack, NULL);
}

AssayStore *
assay_stack_window_get_store (AssayStackWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_STACK_WINDOW (self), NULL);

  return self->store;
}

AssayStack *
assay_stack_window_get_stack (AssayStackWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_STACK_WINDOW (self), NULL);

  return self->stack;
}
