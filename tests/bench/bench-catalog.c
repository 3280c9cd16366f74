/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalog at scale (issue 2): with `demo --scale 100000` — 100,000
 * submissions and their earners, 1,000 credentials — measure
 *   - opening the workspace to a first drawn catalog window, with each
 *     credential's submission counts (budget 0.5 s);
 *   - each search keystroke filtering the catalog and drawing (budget 16 ms);
 *   - resident memory (budget 150 MB);
 * and print each figure with its ratio to the budget.
 *
 * Usage: bench-catalog [WORKSPACE]   (a scaled workspace is made if absent)
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "assay-catalog-view.h"
#include "assay-demo.h"
#include "assay-model.h"
#include "assay-window.h"

typedef struct
{
  gboolean painted;
} PaintState;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   PaintState    *state)
{
  state->painted = TRUE;
}

/* Runs the main loop until @window has painted a frame after now. */
static void
wait_for_paint (GtkWindow *window)
{
  PaintState state = { FALSE };
  GdkSurface *surface;
  GdkFrameClock *clock;
  gulong handler;

  while ((surface = gtk_native_get_surface (GTK_NATIVE (window))) == NULL ||
         !gdk_surface_get_mapped (surface))
    g_main_context_iteration (NULL, TRUE);

  clock = gdk_surface_get_frame_clock (surface);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &state);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!state.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtod (line + 6, NULL) / 1024.0 : -1;
}

static void
report (const char *what,
        double      value,
        double      budget,
        const char *unit)
{
  g_print ("%-44s %10.2f %-3s budget %8.2f %-3s ratio %.3f %s\n", what, value, unit, budget, unit,
           value / budget, value <= budget ? "ok" : "OVER");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static void
ensure_workspace (const char *directory)
{
  g_autofree char *db = g_build_filename (directory, "assay.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = NULL;
  gint64 start;

  if (g_file_test (db, G_FILE_TEST_EXISTS))
    return;

  g_print ("Making a workspace with demo --scale 100000 in %s…\n", directory);
  start = g_get_monotonic_time ();
  store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !assay_demo_populate (store, &error) || !assay_demo_add_scale (store, 100000, &error))
    g_error ("%s", error->message);
  assay_store_close (store);
  g_print ("(made in %.1f s, not measured)\n", (g_get_monotonic_time () - start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_frames = g_array_new (FALSE, FALSE, sizeof (double));
  const char *query = "leadership";
  AssayWindow *window;
  AssayCatalogView *catalog;
  gint64 start;
  double open_ms, rss;

  gint64 toolkit_start = g_get_monotonic_time ();
  double toolkit_ms;

  gtk_init ();
  adw_init ();
  toolkit_ms = (g_get_monotonic_time () - toolkit_start) / 1000.0;

  directory = argc > 1 ? g_strdup (argv[1]) : g_build_filename (g_get_tmp_dir (), "assay-bench-100k", NULL);
  ensure_workspace (directory);

  /* 1. open to first drawn window */
  start = g_get_monotonic_time ();
  store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("after open: %.1f MB, %.1f ms\n", resident_mb (), (g_get_monotonic_time () - start) / 1000.0);
  window = g_object_new (ASSAY_TYPE_WINDOW, "store", store, "default-width", 1100, "default-height", 720, NULL);
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("window built: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WINDOW (window));
  open_ms = (g_get_monotonic_time () - start) / 1000.0;

  catalog = ASSAY_CATALOG_VIEW (g_object_get_data (G_OBJECT (window), "catalog-view"));
  if (catalog == NULL)
    g_error ("the window does not expose its catalog view");

  g_print ("credentials in catalog: %u, submissions in workspace: %u\n",
           g_list_model_get_n_items (assay_catalog_view_get_visible (catalog)),
           assay_store_count (store, ASSAY_TYPE_SUBMISSION));

  /* what a user does before typing: look at the window for a moment */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }

  /* 2. keystrokes: type the query one character at a time, then erase it */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 1; i <= strlen (query); i++)
      {
        g_autofree char *text = g_strndup (query, pass == 0 ? i : strlen (query) - i);
        double ms, update_ms, idle_ms;

        start = g_get_monotonic_time ();
        assay_catalog_view_set_search (catalog, text);
        update_ms = (g_get_monotonic_time () - start) / 1000.0;
        wait_for_paint (GTK_WINDOW (window));
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (keystrokes, ms);
        g_array_append_val (updates, update_ms);

        /* the same frame with nothing changed: what drawing alone costs here */
        start = g_get_monotonic_time ();
        wait_for_paint (GTK_WINDOW (window));
        idle_ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (idle_frames, idle_ms);
      }
  g_array_sort (keystrokes, compare_doubles);
  g_array_sort (updates, compare_doubles);
  g_array_sort (idle_frames, compare_doubles);

  rss = resident_mb ();

  g_print ("\n");
  report ("open workspace to first drawn catalog", open_ms, 500, "ms");
  report ("(reference: GTK and libadwaita start-up before it)", toolkit_ms, 500, "ms");
  report ("keystroke: filter + list update, median", g_array_index (updates, double, updates->len / 2), 16, "ms");
  report ("keystroke: filter + list update, worst of 20", g_array_index (updates, double, updates->len - 1), 16, "ms");
  report ("keystroke to drawn frame, median", g_array_index (keystrokes, double, keystrokes->len / 2), 16, "ms");
  report ("keystroke to drawn frame, worst of 20", g_array_index (keystrokes, double, keystrokes->len - 1), 16, "ms");
  report ("(reference: a redraw with no change, median)", g_array_index (idle_frames, double, idle_frames->len / 2), 16, "ms");
  report ("resident memory", rss, 150, "MB");

  gtk_window_destroy (GTK_WINDOW (window));
  assay_store_close (store);
  return 0;
}
