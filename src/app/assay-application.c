/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-app"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-application.h"
#include "assay-credential.h"
#include "assay-demo.h"
#include "assay-preferences-window.h"
#include "assay-window.h"

struct _AssayApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* canonical workspace folder → AssayStore: one store, and so one writer
   * and one set of objects, per workspace however many windows show it */
  GHashTable     *stores;
};

G_DEFINE_FINAL_TYPE (AssayApplication, assay_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the workspace in DIR"), N_("DIR") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a demonstration workspace, filling it on first use"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[BUNDLE.zip…]") },
  { NULL }
};

char *
assay_application_demo_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "assay-demo", NULL);
}

static void
apply_color_scheme (AssayApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
on_settings_color_scheme_changed_cb (AssayApplication *self)
{
  apply_color_scheme (self);
}

/**
 * assay_application_open_workspace:
 *
 * Returns: (transfer full): the store of @directory, shared with every
 *   window already showing it
 */
AssayStore *
assay_application_open_workspace (AssayApplication  *self,
                                  const char        *directory,
                                  GError           **error)
{
  g_autofree char *canonical = g_canonicalize_filename (directory, NULL);
  AssayStore *store = g_hash_table_lookup (self->stores, canonical);

  if (store != NULL)
    return g_object_ref (store);

  store = assay_store_open (canonical, ASSAY_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return NULL;

  g_hash_table_insert (self->stores, g_strdup (canonical), g_object_ref (store));
  g_settings_set_string (self->settings, "last-workspace", canonical);

  return store;
}

GtkWindow *
assay_application_new_window (AssayApplication *self,
                              AssayStore       *store)
{
  AssayWindow *window = assay_window_new (self, store);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GSettings *
assay_application_get_settings (AssayApplication *self)
{
  g_return_val_if_fail (ASSAY_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
on_error_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GApplication     *app)
{
  g_application_release (app);
}

/* Nothing could be opened: say why in a dialog of its own, since there is
 * no window to attach it to, and stay alive until it is read. */
static void
show_open_error (AssayApplication *self,
                 const char       *directory,
                 const GError     *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Open Workspace"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  g_debug ("Cannot open %s: %s", directory, error->message);
}

static GtkWindow *
open_and_show (AssayApplication *self,
               const char       *directory,
               gboolean          fill_demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = assay_application_open_workspace (self, directory, &error);

  if (store != NULL && fill_demo && assay_store_count (store, ASSAY_TYPE_CREDENTIAL) == 0 &&
      !assay_demo_populate (store, &error))
    g_clear_object (&store);

  if (store == NULL)
    {
      show_open_error (self, directory, error);
      return NULL;
    }

  return assay_application_new_window (self, store);
}

static char *
choose_directory (AssayApplication *self,
                  GVariantDict     *options,
                  gboolean         *demo)
{
  g_autofree char *workspace = NULL;
  g_autofree char *last = NULL;

  *demo = g_variant_dict_contains (options, "demo");
  if (*demo)
    return assay_application_demo_directory ();

  if (g_variant_dict_lookup (options, "workspace", "^ay", &workspace))
    return g_steal_pointer (&workspace);

  if (g_getenv ("ASSAY_WORKSPACE") != NULL)
    return assay_store_default_directory ();

  last = g_settings_get_string (self->settings, "last-workspace");
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&last);

  return assay_store_default_directory ();
}

/* Bundles given on the command line, or opened with Assay from the file
 * manager, go to the workspace of the window in front; with no window, to
 * the workspace Assay would open. */
static int
assay_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  AssayApplication *self = ASSAY_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *directory = NULL;
  g_autofree char *resolved = NULL;
  g_autofree const char **arguments = NULL;  /* borrowed strings */
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean demo;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &arguments);
  for (guint i = 0; arguments != NULL && arguments[i] != NULL; i++)
    g_ptr_array_add (bundles, g_application_command_line_create_file_for_arg (command_line, arguments[i]));

  if (bundles->len == 0 || !ASSAY_IS_WINDOW (window) ||
      g_variant_dict_contains (options, "demo") || g_variant_dict_contains (options, "workspace"))
    {
      directory = choose_directory (self, options, &demo);
      if (!g_path_is_absolute (directory))
        resolved = g_build_filename (g_application_command_line_get_cwd (command_line), directory, NULL);
      window = open_and_show (self, resolved ? resolved : directory, demo);
    }
  else
    gtk_window_present (window);

  if (ASSAY_IS_WINDOW (window) && bundles->len > 0)
    assay_window_import_files (ASSAY_WINDOW (window), (GFile **) bundles->pdata, bundles->len);

  return EXIT_SUCCESS;
}

static int
assay_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("assay %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows one by one lets each save what it holds. */
  for (GList *l = g_list_copy (windows); l; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Assay developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                "application-name", _("Assay"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Assay developers"),
                "developers", developers,
                "comments", _("Design educator micro-credentials, review evidence against tailored rubrics, and issue verifiable badges."),
                "website", "https://assay.app",
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", "© 2026 The Assay developers",
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_preferences_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  AssayApplication *self = user_data;
  GtkWindow *window = assay_preferences_window_new (self->settings,
                                                    gtk_application_get_active_window (GTK_APPLICATION (self)));

  gtk_window_present (window);
}

static void
on_help_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:assay", GDK_CURRENT_TIME);
}

static void
on_new_window_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  AssayApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ASSAY_IS_WINDOW (active))
    assay_application_new_window (self, assay_window_get_store (ASSAY_WINDOW (active)));
}

static void
on_open_workspace_response_cb (GtkNativeDialog  *chooser,
                               int               response,
                               AssayApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        open_and_show (self, path, FALSE);
    }

  g_object_unref (chooser);
}

static void
on_open_workspace_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AssayApplication *self = user_data;
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open Workspace"),
                                 gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                 _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_workspace_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated_cb },
  { "about", on_about_activated_cb },
  { "preferences", on_preferences_activated_cb },
  { "help", on_help_activated_cb },
  { "new-window", on_new_window_activated_cb },
  { "open-workspace", on_open_workspace_activated_cb },
};

static void
assay_application_startup (GApplication *app)
{
  AssayApplication *self = ASSAY_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.open-workspace", { "<Control>o", NULL } },
    { "win.new-credential", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import-bundles", { "<Control>i", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (assay_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_settings_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
assay_application_shutdown (GApplication *app)
{
  AssayApplication *self = ASSAY_APPLICATION (app);
  GHashTableIter iter;
  gpointer store;

  g_hash_table_iter_init (&iter, self->stores);
  while (g_hash_table_iter_next (&iter, NULL, &store))
    assay_store_close (store);

  G_APPLICATION_CLASS (assay_application_parent_class)->shutdown (app);
}

static void
assay_application_finalize (GObject *object)
{
  AssayApplication *self = ASSAY_APPLICATION (object);

  g_clear_pointer (&self->stores, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (assay_application_parent_class)->finalize (object);
}

static void
assay_application_class_init (AssayApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = assay_application_finalize;
  app_class->startup = assay_application_startup;
  app_class->shutdown = assay_application_shutdown;
  app_class->command_line = assay_application_command_line;
  app_class->handle_local_options = assay_application_handle_local_options;
}

static void
assay_application_init (AssayApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  self->stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Design, review and issue educator micro-credentials."));
}

AssayApplication *
assay_application_new (void)
{
  return g_object_new (ASSAY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/app/assay/Assay",
                       NULL);
}
