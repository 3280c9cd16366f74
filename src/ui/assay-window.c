/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-catalog-view.h"
#include "assay-stacks-view.h"
#include "assay-window.h"

struct _AssayWindow
{
  AdwApplicationWindow  parent_instance;

  AssayStore           *store;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AssayCatalogView     *catalog_view;
  AssayStacksView      *stacks_view;
};

G_DEFINE_FINAL_TYPE (AssayWindow, assay_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (AssayWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return ASSAY_IS_APPLICATION (app) ? assay_application_get_settings (ASSAY_APPLICATION (app)) : NULL;
}

static void
save_window_state (AssayWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static void
restore_window_state (AssayWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
assay_window_close_request (GtkWindow *window)
{
  save_window_state (ASSAY_WINDOW (window));

  return GTK_WINDOW_CLASS (assay_window_parent_class)->close_request (window);
}

static void
new_credential_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AssayWindow *self = ASSAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "credentials");
  gtk_widget_activate_action (GTK_WIDGET (self->catalog_view), "catalog.new-credential", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AssayWindow *self = ASSAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "credentials");
  assay_catalog_view_start_search (self->catalog_view);
}

static void
assay_window_constructed (GObject *object)
{
  AssayWindow *self = ASSAY_WINDOW (object);
  g_autofree char *folder = g_path_get_basename (assay_store_get_directory (self->store));

  G_OBJECT_CLASS (assay_window_parent_class)->constructed (object);

  adw_view_switcher_title_set_subtitle (self->switcher_title, folder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title), assay_store_get_directory (self->store));
  assay_catalog_view_set_store (self->catalog_view, self->store);
  g_object_set (self->stacks_view, "store", self->store, NULL);
  /* for the benchmark and tests, which drive the catalog directly */
  g_object_set_data (object, "catalog-view", self->catalog_view);
}

static void
assay_window_dispose (GObject *object)
{
  AssayWindow *self = ASSAY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_window_parent_class)->dispose (object);
}

static void
assay_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AssayWindow *self = ASSAY_WINDOW (object);

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
assay_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AssayWindow *self = ASSAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_window_class_init (AssayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = assay_window_constructed;
  object_class->dispose = assay_window_dispose;
  object_class->get_property = assay_window_get_property;
  object_class->set_property = assay_window_set_property;
  window_class->close_request = assay_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASSAY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ASSAY_TYPE_CATALOG_VIEW);
  g_type_ensure (ASSAY_TYPE_STACKS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, catalog_view);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, stacks_view);

  gtk_widget_class_install_action (widget_class, "win.new-credential", NULL, new_credential_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

static void
assay_window_init (AssayWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The application, and with it the settings, arrives after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (restore_window_state), NULL);
}

AssayWindow *
assay_window_new (AssayApplication *application,
                  AssayStore       *store)
{
  return g_object_new (ASSAY_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

AssayStore *
assay_window_get_store (AssayWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_WINDOW (self), NULL);

  return self->store;
}

void
assay_window_show_toast (AssayWindow *self,
                         const char  *message)
{
  g_return_if_fail (ASSAY_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
