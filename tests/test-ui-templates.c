/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-catalog-view.h"
#include "assay-model.h"
#include "assay-credential-window.h"
#include "assay-preferences-window.h"
#include "assay-stack-window.h"
#include "assay-stacks-view.h"
#include "assay-test-ui.h"
#include "assay-window.h"

/* Every template in the resources builds: a broken .ui aborts here, with
 * warnings fatal, rather than in front of a user. */

static void
test_widget_templates (void)
{
  GType types[] = {
    ASSAY_TYPE_CATALOG_VIEW,
    ASSAY_TYPE_STACKS_VIEW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (widget));
      g_assert_finalize_object (widget);
    }
}

static void
test_window_templates (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *directory = NULL;
  g_autoptr(AssayStore) store = assay_test_open_demo_store (&directory);
  GtkWindow *preferences = assay_preferences_window_new (settings, NULL);
  GtkWindow *window = g_object_new (ASSAY_TYPE_WINDOW, "store", store, NULL);
  g_autoptr(GListModel) credentials = assay_store_list (store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, "title");
  g_autoptr(AssayCredential) credential = g_list_model_get_item (credentials, 0);
  GtkWindow *editor = assay_credential_window_present (store, credential, NULL);
  g_autoptr(GListModel) stacks = assay_store_list (store, ASSAY_TYPE_STACK, NULL, NULL, "title");
  g_autoptr(AssayStack) stack = g_list_model_get_item (stacks, 0);
  GtkWindow *stack_window = GTK_WINDOW (assay_stack_window_new (store, stack));

  g_assert_true (ASSAY_IS_PREFERENCES_WINDOW (preferences));
  g_assert_true (ASSAY_IS_CREDENTIAL_WINDOW (editor));
  gtk_window_present (window);
  assay_test_iterate (50);

  g_assert_true (ASSAY_IS_STACK_WINDOW (stack_window));
  gtk_window_destroy (stack_window);
  gtk_window_destroy (editor);
  gtk_window_destroy (window);
  gtk_window_destroy (preferences);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/app/assay/Assay/gtk/help-overlay.ui");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add_func ("/assay/ui/templates/widgets", test_widget_templates);
  g_test_add_func ("/assay/ui/templates/windows", test_window_templates);
  g_test_add_func ("/assay/ui/templates/help-overlay", test_help_overlay);

  return g_test_run ();
}
