/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-render-scheduler.h"
#include "assay-test-ui.h"

/* The page render scheduler with a stand-in renderer whose first job can
 * be held: the order of the others shows the priorities, dropping the
 * pages that scrolled away shows cancellation, and a long run over many
 * pages stays inside the byte budget. */

typedef struct
{
  GMutex  lock;
  GCond   cond;
  gboolean hold;      /* the renderer waits while set */
  gboolean holding;   /* a job is waiting on the hold */
  GArray *rendered;   /* pages in the order drawn */
  gsize   page_bytes;
} Renderer;

static GBytes *
fake_render (gpointer  data,
             int       page,
             double    scale,
             int      *width,
             int      *height,
             gsize    *stride)
{
  Renderer *r = data;
  int side = (int) (10 * scale);

  g_mutex_lock (&r->lock);
  r->holding = TRUE;
  g_cond_broadcast (&r->cond);
  while (r->hold)
    g_cond_wait (&r->cond, &r->lock);
  r->holding = FALSE;
  g_array_append_val (r->rendered, page);
  g_mutex_unlock (&r->lock);

  *width = side;
  *height = side;
  *stride = side * 4;
  return g_bytes_new_take (g_malloc0 ((gsize) side * side * 4), (gsize) side * side * 4);
}

static Renderer *
renderer_new (gboolean hold)
{
  Renderer *r = g_new0 (Renderer, 1);

  g_mutex_init (&r->lock);
  g_cond_init (&r->cond);
  r->hold = hold;
  r->rendered = g_array_new (FALSE, FALSE, sizeof (int));
  return r;
}

static void
renderer_free (Renderer *r)
{
  g_array_unref (r->rendered);
  g_mutex_clear (&r->lock);
  g_cond_clear (&r->cond);
  g_free (r);
}

static void
wait_until_holding (Renderer *r)
{
  g_mutex_lock (&r->lock);
  while (!r->holding)
    g_cond_wait (&r->cond, &r->lock);
  g_mutex_unlock (&r->lock);
}

static void
release (Renderer *r)
{
  g_mutex_lock (&r->lock);
  r->hold = FALSE;
  g_cond_broadcast (&r->cond);
  g_mutex_unlock (&r->lock);
}

static gboolean
all_done (gpointer data)
{
  return assay_render_scheduler_get_n_pending (data) == 0;
}

static void
test_priorities (void)
{
  Renderer *r = renderer_new (TRUE);
  AssayRenderScheduler *scheduler = assay_render_scheduler_new (fake_render, r, NULL, 1 << 20);

  /* Page 0 is being drawn while the rest arrive, least urgent first. */
  assay_render_scheduler_request (scheduler, 0, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  wait_until_holding (r);
  assay_render_scheduler_request (scheduler, 9, 0.2, ASSAY_RENDER_PRIORITY_THUMBNAIL);
  assay_render_scheduler_request (scheduler, 4, 1.0, ASSAY_RENDER_PRIORITY_NEAR);
  assay_render_scheduler_request (scheduler, 2, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  assay_render_scheduler_request (scheduler, 3, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  /* A thumbnail asked again as visible moves up. */
  assay_render_scheduler_request (scheduler, 7, 1.0, ASSAY_RENDER_PRIORITY_THUMBNAIL);
  assay_render_scheduler_request (scheduler, 7, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  /* Asking twice draws once. */
  assay_render_scheduler_request (scheduler, 2, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  release (r);

  g_assert_true (assay_test_wait_until (all_done, scheduler, 5000));
  assay_test_iterate (20);
  g_assert_cmpuint (r->rendered->len, ==, 6);
  {
    static const int expected[] = { 0, 2, 3, 7, 4, 9 };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpint (g_array_index (r->rendered, int, i), ==, expected[i]);
  }
  g_assert_nonnull (assay_render_scheduler_lookup (scheduler, 9, 0.2));
  g_assert_null (assay_render_scheduler_lookup (scheduler, 9, 1.0));

  /* A cached page is not drawn again. */
  assay_render_scheduler_request (scheduler, 3, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  g_assert_cmpuint (assay_render_scheduler_get_n_pending (scheduler), ==, 0);

  g_object_unref (scheduler);
  renderer_free (r);
}

static void
test_cancel_scrolled_away (void)
{
  Renderer *r = renderer_new (TRUE);
  AssayRenderScheduler *scheduler = assay_render_scheduler_new (fake_render, r, NULL, 1 << 20);
  g_autoptr(GArray) drawn = NULL;

  assay_render_scheduler_request (scheduler, 0, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  wait_until_holding (r);
  for (int page = 1; page <= 10; page++)
    assay_render_scheduler_request (scheduler, page, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
  for (int page = 20; page <= 25; page++)
    assay_render_scheduler_request (scheduler, page, 0.2, ASSAY_RENDER_PRIORITY_THUMBNAIL);

  /* The view scrolled to pages 4–6: the others are no longer wanted, but
   * thumbnails are another list and stay. */
  assay_render_scheduler_cancel_outside (scheduler, 4, 6, ASSAY_RENDER_PRIORITY_VISIBLE);
  release (r);

  g_assert_true (assay_test_wait_until (all_done, scheduler, 5000));
  assay_test_iterate (20);
  g_assert_cmpuint (r->rendered->len, ==, 1 + 3 + 6);
  g_assert_cmpint (g_array_index (r->rendered, int, 1), ==, 4);
  g_assert_cmpint (g_array_index (r->rendered, int, 2), ==, 5);
  g_assert_cmpint (g_array_index (r->rendered, int, 3), ==, 6);
  g_assert_null (assay_render_scheduler_lookup (scheduler, 2, 1.0));
  g_assert_null (assay_render_scheduler_lookup (scheduler, 8, 1.0));

  g_object_unref (scheduler);
  renderer_free (r);
}

static void
test_memory_budget (void)
{
  Renderer *r = renderer_new (FALSE);
  /* Each page is 10×10 pixels at scale 1: 400 bytes. Room for five. */
  AssayRenderScheduler *scheduler = assay_render_scheduler_new (fake_render, r, NULL, 2000);
  gsize peak = 0;

  for (int page = 0; page < 40; page++)
    {
      assay_render_scheduler_request (scheduler, page, 1.0, ASSAY_RENDER_PRIORITY_VISIBLE);
      g_assert_true (assay_test_wait_until (all_done, scheduler, 5000));
      assay_test_iterate (5);
      peak = MAX (peak, assay_render_scheduler_get_cache_bytes (scheduler));
      /* The page on screen is looked up each frame; page 0 stays "shown". */
      g_assert_nonnull (assay_render_scheduler_lookup (scheduler, page, 1.0));
      if (page % 2 == 0)
        g_assert_nonnull (assay_render_scheduler_lookup (scheduler, 0, 1.0));
    }
  g_assert_cmpuint (peak, <=, 2000);
  g_assert_cmpuint (assay_render_scheduler_get_cache_bytes (scheduler), ==, 2000);
  /* The least recently shown pages left; the one kept in view stayed. */
  g_assert_null (assay_render_scheduler_lookup (scheduler, 1, 1.0));
  g_assert_nonnull (assay_render_scheduler_lookup (scheduler, 0, 1.0));
  g_assert_nonnull (assay_render_scheduler_lookup (scheduler, 39, 1.0));

  /* A stand-in from another scale while the right one is drawn. */
  g_assert_nonnull (assay_render_scheduler_lookup_best (scheduler, 39, 2.0));
  g_assert_null (assay_render_scheduler_lookup_best (scheduler, 1, 2.0));

  assay_render_scheduler_clear (scheduler);
  g_assert_cmpuint (assay_render_scheduler_get_cache_bytes (scheduler), ==, 0);

  g_object_unref (scheduler);
  renderer_free (r);
}

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add_func ("/render-scheduler/priorities", test_priorities);
  g_test_add_func ("/render-scheduler/cancel-scrolled-away", test_cancel_scrolled_away);
  g_test_add_func ("/render-scheduler/memory-budget", test_memory_budget);

  return g_test_run ();
}
