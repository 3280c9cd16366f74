/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-rubric-util.h"
#include "assay-stack-window.h"
#include "assay-stacks-view.h"

/* The Stacks page of the main window: every stack of credentials that
 * together earn more (CCSSO principles P and S), from the store's live
 * list, so stacks made, renamed or deleted in any window show at once.
 */
struct _AssayStacksView
{
  GtkWidget   parent_instance;

  AssayStore *store;
  GListModel *stacks;

  GtkStack   *content_stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (AssayStacksView, assay_stacks_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_row_subtitle (AdwActionRow *row)
{
  AssayStack *stack = g_object_get_data (G_OBJECT (row), "stack");
  GListModel *members = g_object_get_data (G_OBJECT (row), "members");
  guint n = g_list_model_get_n_items (members);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u credential", "%u credentials", n), n);
  g_autofree char *subtitle = g_strdup_printf (C_("stack order · number of credentials", "%s · %s"),
                                               assay_stack_get_ordered (stack) ? _("Ordered") : _("Any order"),
                                               count);

  adw_action_row_set_subtitle (row, subtitle);
}

static void
on_members_items_changed_cb (AdwActionRow *row)
{
  update_row_subtitle (row);
}

static void
on_stack_notify_ordered_cb (AdwActionRow *row)
{
  update_row_subtitle (row);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AssayStacksView *self = user_data;
  AssayStack *stack = item;
  GtkWidget *row = adw_action_row_new ();
  GListModel *members;

  members = assay_store_list (self->store, ASSAY_TYPE_STACK_MEMBER,
                              "stack_id", assay_record_get_id (ASSAY_RECORD (stack)), NULL);
  g_object_set_data_full (G_OBJECT (row), "stack", g_object_ref (stack), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "members", members, g_object_unref);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_bind_property (stack, "title", row, "title", G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_signal_connect_object (members, "items-changed", G_CALLBACK (on_members_items_changed_cb),
                           row, G_CONNECT_SWAPPED);
  g_signal_connect_object (stack, "notify::ordered", G_CALLBACK (on_stack_notify_ordered_cb),
                           row, G_CONNECT_SWAPPED);
  update_row_subtitle (ADW_ACTION_ROW (row));

  return row;
}

static void
update_page (AssayStacksView *self)
{
  gboolean empty = self->stacks == NULL || g_list_model_get_n_items (self->stacks) == 0;

  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "list");
}

static void
on_stacks_items_changed_cb (AssayStacksView *self)
{
  update_page (self);
}

static void
on_list_box_row_activated_cb (GtkListBox      *list_box,
                              GtkListBoxRow   *row,
                              AssayStacksView *self)
{
  AssayStack *stack = g_object_get_data (G_OBJECT (row), "stack");

  if (stack != NULL)
    assay_stacks_view_open_stack (self, stack);
}

static void
new_stack_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AssayStacksView *self = ASSAY_STACKS_VIEW (widget);
  g_autoptr(AssayStack) stack = assay_stack_new (_("New Stack"));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!assay_store_save (self->store, stack, &error))
    {
      assay_rubric_report_error (widget, error);
      return;
    }

  assay_stacks_view_open_stack (self, stack);
}

static void
assay_stacks_view_dispose (GObject *object)
{
  AssayStacksView *self = ASSAY_STACKS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_STACKS_VIEW);
  g_clear_object (&self->stacks);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_stacks_view_parent_class)->dispose (object);
}

static void
assay_stacks_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AssayStacksView *self = ASSAY_STACKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_stacks_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AssayStacksView *self = ASSAY_STACKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      assay_stacks_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_stacks_view_class_init (AssayStacksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_stacks_view_dispose;
  object_class->get_property = assay_stacks_view_get_property;
  object_class->set_property = assay_stacks_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASSAY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-stacks-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stacksview");

  gtk_widget_class_bind_template_child (widget_class, AssayStacksView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayStacksView, list_box);

  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "stacks.new", NULL, new_stack_action);
}

static void
assay_stacks_view_init (AssayStacksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stacks.new", FALSE);
  update_page (self);
}

GtkWidget *
assay_stacks_view_new (AssayStore *store)
{
  return g_object_new (ASSAY_TYPE_STACKS_VIEW, "store", store, NULL);
}

AssayStore *
assay_stacks_view_get_store (AssayStacksView *self)
{
  g_return_val_if_fail (ASSAY_IS_STACKS_VIEW (self), NULL);

  return self->store;
}

void
assay_stacks_view_set_store (AssayStacksView *self,
                             AssayStore      *store)
{
  g_return_if_fail (ASSAY_IS_STACKS_VIEW (self));
  g_return_if_fail (!store || ASSAY_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->stacks != NULL)
    g_signal_handlers_disconnect_by_data (self->stacks, self);
  g_clear_object (&self->stacks);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->stacks = assay_store_list (store, ASSAY_TYPE_STACK, NULL, NULL, "title");
      gtk_list_box_bind_model (self->list_box, self->stacks, create_row_cb, self, NULL);
      g_signal_connect_object (self->stacks, "items-changed", G_CALLBACK (on_stacks_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stacks.new",
                                 store != NULL && !assay_store_get_read_only (store));
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * assay_stacks_view_open_stack:
 *
 * Shows @stack in its own window, over the window of the view. A stack
 * that is open already comes to the front instead.
 *
 * Returns: (transfer none): the stack's window
 */
GtkWindow *
assay_stacks_view_open_stack (AssayStacksView *self,
                              AssayStack      *stack)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = NULL;

  g_return_val_if_fail (ASSAY_IS_STACKS_VIEW (self), NULL);
  g_return_val_if_fail (ASSAY_IS_STACK (stack), NULL);

  for (guint i = 0; window == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_STACK_WINDOW (other) && assay_stack_window_get_stack (ASSAY_STACK_WINDOW (other)) == stack)
        window = other;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (assay_stack_window_new (self->store, stack));
      if (GTK_IS_WINDOW (root))
        {
          gtk_window_set_transient_for (window, GTK_WINDOW (root));
          if (gtk_window_get_application (GTK_WINDOW (root)) != NULL)
            gtk_window_set_application (window, gtk_window_get_application (GTK_WINDOW (root)));
        }
    }

  gtk_window_present (window);
  return window;
}
