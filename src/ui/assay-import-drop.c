/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include "assay-import-drop.h"
#include "assay-window.h"

/* Bundles dropped on any window of a workspace are imported into it. The
 * main window of the workspace takes them, since its imports button shows
 * their progress: the one the window belongs to, else any, else a new one. */

static AssayWindow *
main_window_for (GtkWindow  *window,
                 AssayStore *store)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  GListModel *toplevels;
  GtkApplication *app;

  if (ASSAY_IS_WINDOW (window))
    return ASSAY_WINDOW (window);
  if (ASSAY_IS_WINDOW (parent) && assay_window_get_store (ASSAY_WINDOW (parent)) == store)
    return ASSAY_WINDOW (parent);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_WINDOW (candidate) && assay_window_get_store (ASSAY_WINDOW (candidate)) == store)
        return ASSAY_WINDOW (candidate);
    }

  app = gtk_window_get_application (window);
  if (!ASSAY_IS_APPLICATION (app))
    return NULL;
  return ASSAY_WINDOW (assay_application_new_window (ASSAY_APPLICATION (app), store));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            AssayStore    *store)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  AssayWindow *main_window;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  main_window = main_window_for (GTK_WINDOW (window), store);
  if (main_window == NULL)
    return FALSE;

  if (GTK_WINDOW (main_window) != GTK_WINDOW (window))
    gtk_window_present (GTK_WINDOW (main_window));
  assay_window_import_files (main_window, (GFile **) files->pdata, files->len);
  return TRUE;
}

/**
 * assay_import_drop_attach:
 *
 * Makes files dropped on @window bundles to import into @store.
 */
void
assay_import_drop_attach (GtkWindow  *window,
                          AssayStore *store)
{
  GtkDropTarget *drop;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ASSAY_IS_STORE (store));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  /* The store outlives its windows: the application holds it. */
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), store, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (drop));
}
