/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-catalog-view.h"
#include "assay-import-details-dialog.h"
#include "assay-import-drop.h"
#include "assay-imports-button.h"
#include "assay-pack-window.h"
#include "assay-stacks-view.h"
#include "assay-submissions-view.h"
#include "assay-window.h"

struct _AssayWindow
{
  AdwApplicationWindow  parent_instance;

  AssayStore           *store;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AssayCatalogView     *catalog_view;
  AssaySubmissionsView *submissions_view;
  AssayStacksView      *stacks_view;
  AssayImportsButton   *imports_button;

  gboolean              stop_imports_confirmed;
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
is_last_window_of_store (AssayWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (toplevels, i);

      if (other != G_OBJECT (self) && ASSAY_IS_WINDOW (other) &&
          ASSAY_WINDOW (other)->store == self->store)
        return FALSE;
    }
  return TRUE;
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

static void
on_stop_imports_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             AssayWindow      *self)
{
  if (!g_str_equal (response, "stop"))
    return;

  assay_import_queue_cancel_all (assay_import_queue_for_store (self->store));
  self->stop_imports_confirmed = TRUE;
  /* Once the dialog, transient for this window, has closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
}

/* Closing the last window of a workspace would drop its imports halfway:
 * ask first. A stopped import leaves nothing behind. */
static gboolean
confirm_stop_imports (AssayWindow *self)
{
  guint unfinished = assay_import_queue_count_unfinished (assay_import_queue_for_store (self->store));
  GtkWidget *dialog;

  if (unfinished == 0 || self->stop_imports_confirmed || !is_last_window_of_store (self))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop Importing?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "A bundle is still being imported. If you close the window, it is not imported and you will need to import it again.",
                                               "%u bundles are still being imported. If you close the window, they are not imported and you will need to import them again.",
                                               unfinished),
                                  unfinished);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Importing"),
                                    "stop", _("_Stop and Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_imports_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
assay_window_close_request (GtkWindow *window)
{
  if (confirm_stop_imports (ASSAY_WINDOW (window)))
    return TRUE;

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
on_import_state_cb (AssayImportJob *job,
                    GParamSpec     *pspec,
                    AssayWindow    *self)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Only the window the bundle was given to speaks of it; every window
   * lists it in its imports popover and its new submission. */
  switch (assay_import_job_get_state (job))
    {
    case ASSAY_IMPORT_STATE_NEEDS_DETAILS:
      assay_import_details_dialog_present (job, GTK_WINDOW (self));
      break;
    case ASSAY_IMPORT_STATE_DONE:
      text = g_strdup_printf (_("“%s”: %s"), assay_import_job_get_title (job), assay_import_job_get_message (job));
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-submissions");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      break;
    case ASSAY_IMPORT_STATE_FAILED:
      text = g_strdup_printf (_("“%s” was not imported"), assay_import_job_get_title (job));
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("_Why?"));
      adw_toast_set_action_name (toast, "win.show-imports");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      break;
    case ASSAY_IMPORT_STATE_WAITING:
    case ASSAY_IMPORT_STATE_RUNNING:
    case ASSAY_IMPORT_STATE_CANCELLED:
    default:
      break;
    }
}

/**
 * assay_window_import_files:
 *
 * Queues @files for import into the window's workspace; the imports
 * popover shows their progress, and a toast their outcome.
 */
void
assay_window_import_files (AssayWindow  *self,
                           GFile       **files,
                           guint         n_files)
{
  AssayImportQueue *queue;

  g_return_if_fail (ASSAY_IS_WINDOW (self));

  queue = assay_import_queue_for_store (self->store);
  for (guint i = 0; i < n_files; i++)
    {
      AssayImportJob *job = assay_import_queue_add (queue, files[i]);

      g_signal_connect_object (job, "notify::state", G_CALLBACK (on_import_state_cb), self, 0);
      /* A job may have needed details or failed before the handler was there. */
      if (assay_import_job_get_state (job) != ASSAY_IMPORT_STATE_RUNNING &&
          assay_import_job_get_state (job) != ASSAY_IMPORT_STATE_WAITING)
        on_import_state_cb (job, NULL, self);
    }
  if (n_files > 0)
    assay_imports_button_popup (self->imports_button);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               AssayWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (chosen);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      assay_window_import_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_bundles_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AssayWindow *self = ASSAY_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) zips = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Evidence Bundles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (zips, _("Evidence Bundles (.zip)"));
  gtk_file_filter_add_mime_type (zips, "application/zip");
  gtk_file_filter_add_suffix (zips, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), zips);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
pack_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AssayWindow *self = ASSAY_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (assay_pack_window_new (self->store, NULL)));
}

static void
show_submissions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (ASSAY_WINDOW (widget)->view_stack, "submissions");
}

static void
show_imports_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  assay_imports_button_popup (ASSAY_WINDOW (widget)->imports_button);
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
  assay_submissions_view_set_store (self->submissions_view, self->store);
  assay_imports_button_set_queue (self->imports_button, assay_import_queue_for_store (self->store));
  assay_import_drop_attach (GTK_WINDOW (self), self->store);
  g_object_set (self->stacks_view, "store", self->store, NULL);
  /* for the benchmark and tests, which drive the catalog directly */
  g_object_set_data (object, "catalog-view", self->catalog_view);
  g_object_set_data (object, "submissions-view", self->submissions_view);
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
  g_type_ensure (ASSAY_TYPE_SUBMISSIONS_VIEW);
  g_type_ensure (ASSAY_TYPE_IMPORTS_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, catalog_view);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, stacks_view);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, submissions_view);
  gtk_widget_class_bind_template_child (widget_class, AssayWindow, imports_button);

  gtk_widget_class_install_action (widget_class, "win.new-credential", NULL, new_credential_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import-bundles", NULL, import_bundles_action);
  gtk_widget_class_install_action (widget_class, "win.pack-bundle", NULL, pack_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.show-submissions", NULL, show_submissions_action);
  gtk_widget_class_install_action (widget_class, "win.show-imports", NULL, show_imports_action);
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
