/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF view (issue 4), on a 500-page document drawn here with cairo:
 *   - first page on screen, from the load call to the painted frame that
 *     shows it at 96 dpi, against `pdftoppm -f 1 -l 1 -r 96` on the same
 *     file (the same Poppler doing the same work, plus writing a file);
 *     budget 1.2×;
 *   - scrolling through all 500 pages at 96 dpi, 300 pixels a frame:
 *     peak resident memory (budget 300 MB) and the longest main-loop
 *     dispatch (budget 16 ms).
 * Each figure is printed with its ratio to the reference or the budget.
 *
 * Usage: bench-pdf [RUNS]
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "assay-pdf-view.h"

#define N_PAGES 500
#define FIRST_PAGE_BUDGET 1.2
#define MEMORY_BUDGET_MB 300.0
#define STALL_BUDGET_MS 16.0

static char *
draw_document (const char *directory)
{
  char *path = g_build_filename (directory, "portfolio-500.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < N_PAGES; page++)
    {
      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 22);
      cairo_set_source_rgb (cr, 0.1, 0.2, 0.4);
      cairo_move_to (cr, 72, 96);
      {
        g_autofree char *title = g_strdup_printf ("Student work sample %d", page + 1);

        cairo_show_text (cr, title);
      }
      cairo_select_font_face (cr, "Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 11);
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (int line = 0; line < 48; line++)
        {
          g_autofree char *text = g_strdup_printf ("Line %d: the limiting reactant is the one that runs out first; "
                                                   "the student explains with mole ratios.", line + 1);

          cairo_move_to (cr, 72, 130 + line * 13);
          cairo_show_text (cr, text);
        }
      cairo_set_source_rgb (cr, 0.85, 0.9, 0.95);
      cairo_rectangle (cr, 72, 760 - 90, 468, 60);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

static double
pdftoppm_once (const char *path,
               const char *directory)
{
  g_autofree char *prefix = g_build_filename (directory, "page", NULL);
  const char *argv[] = { "pdftoppm", "-f", "1", "-l", "1", "-r", "96", path, prefix, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("bench-pdf: pdftoppm failed (install poppler-utils)\n");
      exit (1);
    }
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

typedef struct
{
  gboolean rendered;
  gboolean painted;
  gint64   painted_at;
} FirstPage;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FirstPage     *state)
{
  if (state->rendered && !state->painted)
    {
      state->painted = TRUE;
      state->painted_at = g_get_monotonic_time ();
    }
}

static void
on_rendered_cb (AssayRenderScheduler *scheduler,
                int                   page,
                double                scale,
                FirstPage            *state)
{
  if (page == 0)
    state->rendered = TRUE;
}

static void
on_view_loading_cb (AssayPdfView *view,
                    GParamSpec   *pspec,
                    FirstPage    *state)
{
  AssayRenderScheduler *scheduler = assay_pdf_view_get_scheduler (view);

  if (!assay_pdf_view_get_loading (view) && scheduler != NULL)
    g_signal_connect (scheduler, "rendered", G_CALLBACK (on_rendered_cb), state);
}

static double
first_page_once (GtkWindow *window,
                 GFile     *file)
{
  AssayPdfView *view = assay_pdf_view_new ();
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  FirstPage state = { 0 };
  gulong paint_id;
  gint64 start, deadline;

  assay_pdf_view_set_zoom (view, 1.0);
  gtk_window_set_child (window, GTK_WIDGET (view));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &state);
  g_signal_connect (view, "notify::loading", G_CALLBACK (on_view_loading_cb), &state);
  start = g_get_monotonic_time ();
  assay_pdf_view_load_file (view, file);
  deadline = start + 20 * G_USEC_PER_SEC;
  while (!state.painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, paint_id);
  if (!state.painted)
    {
      g_printerr ("bench-pdf: the first page was not shown within 20 s\n");
      exit (1);
    }
  return (state.painted_at - start) / (double) G_USEC_PER_SEC;
}

static double
resident_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen (field), NULL) / 1024.0;
}

typedef struct
{
  gboolean painted;
} Paint;

static void
on_paint_cb (GdkFrameClock *clock,
             Paint         *paint)
{
  paint->painted = TRUE;
}

static void
scroll_through (GtkWindow *window,
                GFile     *file,
                double    *longest_ms,
                double    *peak_mb,
                double    *seconds,
                guint     *n_frames,
                guint     *n_over)
{
  AssayPdfView *view = assay_pdf_view_new ();
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  GtkAdjustment *vadjustment;
  Paint paint = { FALSE };
  gulong paint_id;
  gint64 start;

  assay_pdf_view_set_zoom (view, 1.0);
  gtk_window_set_child (window, GTK_WIDGET (view));
  assay_pdf_view_load_file (view, file);
  while (assay_pdf_view_get_loading (view) || assay_pdf_view_get_n_pages (view) == 0)
    g_main_context_iteration (NULL, TRUE);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (assay_pdf_view_get_canvas (view)));
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_paint_cb), &paint);
  /* Opening (the first page on screen) is the other figure; scrolling
   * starts once the open document has been drawn. */
  for (int frames = 0; frames < 2; frames++)
    {
      paint.painted = FALSE;
      while (!paint.painted)
        g_main_context_iteration (NULL, TRUE);
    }
  *longest_ms = 0;
  start = g_get_monotonic_time ();

  while (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment)
         < gtk_adjustment_get_upper (vadjustment) - 1)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 300);
      paint.painted = FALSE;
      (*n_frames)++;
      /* Each dispatch is one stretch the main loop could not answer input. */
      while (!paint.painted)
        {
          gint64 before;
          double ms;

          if (!g_main_context_pending (NULL))
            {
              g_usleep (500);
              continue;
            }
          before = g_get_monotonic_time ();
          g_main_context_iteration (NULL, FALSE);
          ms = (g_get_monotonic_time () - before) / 1000.0;
          *longest_ms = MAX (*longest_ms, ms);
          if (ms > STALL_BUDGET_MS)
            (*n_over)++;
        }
    }
  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_signal_handler_disconnect (clock, paint_id);
  *peak_mb = resident_mb ("VmHWM:");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? CLAMP (atoi (argv[1]), 1, 50) : 7;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("assay-bench-pdf-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  double ours_median, reference_median, longest_ms, peak_mb, seconds;
  guint over_budget = 0, frames = 0;
  gboolean within;

  adw_init ();
  path = draw_document (directory);
  file = g_file_new_for_path (path);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  /* Warm the disk cache and fonts for both sides. */
  pdftoppm_once (path, directory);
  first_page_once (GTK_WINDOW (window), file);
  for (int i = 0; i < runs; i++)
    {
      double a = first_page_once (GTK_WINDOW (window), file);
      double b = pdftoppm_once (path, directory);

      g_array_append_val (ours, a);
      g_array_append_val (reference, b);
    }
  ours_median = median (ours);
  reference_median = median (reference);

  scroll_through (GTK_WINDOW (window), file, &longest_ms, &peak_mb, &seconds, &frames, &over_budget);

  printf ("500-page PDF, first page on screen at 96 dpi (median of %d)\n", runs);
  printf ("  Assay      %7.1f ms\n", ours_median * 1000);
  printf ("  pdftoppm   %7.1f ms   ratio %.2f (budget %.1f)\n", reference_median * 1000,
          ours_median / reference_median, FIRST_PAGE_BUDGET);
  printf ("scrolling through all %d pages at 96 dpi, 300 px a frame (%.1f s)\n", N_PAGES, seconds);
  printf ("  peak resident memory  %6.1f MB   budget %.0f MB   ratio %.2f\n", peak_mb, MEMORY_BUDGET_MB,
          peak_mb / MEMORY_BUDGET_MB);
  printf ("  longest main-loop stall %5.1f ms   budget %.0f ms   ratio %.2f   (%u of %u frames over)\n",
          longest_ms, STALL_BUDGET_MS, longest_ms / STALL_BUDGET_MS, over_budget, frames);

  within = ours_median / reference_median <= FIRST_PAGE_BUDGET && peak_mb <= MEMORY_BUDGET_MB
           && longest_ms <= STALL_BUDGET_MS;

  gtk_window_destroy (GTK_WINDOW (window));
  {
    g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file_path = g_build_filename (directory, name, NULL);

        g_unlink (file_path);
      }
    g_rmdir (directory);
  }
  return within ? 0 : 1;
}
