/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "assay-render-scheduler.h"

/* Renders pages on one thread of its own, most wanted first: the pages on
 * screen, then their neighbours, then thumbnails. A page that scrolls away
 * before its turn is dropped from the queue. Finished pages become textures
 * on the main thread and wait in a cache held to a byte budget, the least
 * recently shown leaving first. */

#define RENDER_NICENESS 5

typedef struct
{
  int                 page;
  double              scale;
  AssayRenderPriority priority;
  guint64             order;
} Job;

typedef struct
{
  int     page;
  double  scale;
  GBytes *pixels;
  int     width;
  int     height;
  gsize   stride;
} Result;

/* A drawn page keeps its pixels once, and hands out a texture or a cairo
 * surface over them as the renderer prefers. */
typedef struct
{
  int              page;
  double           scale;
  GBytes          *pixels;
  int              width;
  int              height;
  gsize            stride;
  GdkTexture      *texture;
  cairo_surface_t *surface;
  gsize            bytes;
  guint64          used;
} Entry;

struct _AssayRenderScheduler
{
  GObject          parent_instance;

  AssayRenderFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  gsize            budget;

  GThread         *thread;
  GMutex           lock;
  GCond            wake;
  GPtrArray       *queue;      /* Job, under lock */
  Job             *running;    /* under lock */
  GPtrArray       *done;       /* Result, under lock */
  guint            deliver_source;  /* under lock */
  gboolean         quit;       /* under lock */
  guint64          next_order;

  GPtrArray       *cache;      /* Entry, main thread */
  gsize            cache_bytes;
  guint64          clock;
};

enum {
  RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AssayRenderScheduler, assay_render_scheduler, G_TYPE_OBJECT)

static gboolean
same_scale (double a,
            double b)
{
  return fabs (a - b) <= 0.001 * MAX (a, b);
}

static void
result_free (Result *result)
{
  g_clear_pointer (&result->pixels, g_bytes_unref);
  g_free (result);
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->texture);
  g_clear_pointer (&entry->surface, cairo_surface_destroy);
  g_clear_pointer (&entry->pixels, g_bytes_unref);
  g_free (entry);
}

static GdkTexture *
entry_texture (Entry *entry)
{
  if (entry->texture == NULL)
    entry->texture = gdk_memory_texture_new (entry->width, entry->height, GDK_MEMORY_DEFAULT,
                                             entry->pixels, entry->stride);
  return entry->texture;
}

static cairo_surface_t *
entry_surface (Entry *entry)
{
  static const cairo_user_data_key_t pixels_key;

  if (entry->surface == NULL)
    {
      entry->surface = cairo_image_surface_create_for_data ((guchar *) g_bytes_get_data (entry->pixels, NULL),
                                                            CAIRO_FORMAT_ARGB32, entry->width, entry->height,
                                                            (int) entry->stride);
      /* The surface may outlive the entry inside a render node. */
      cairo_surface_set_user_data (entry->surface, &pixels_key, g_bytes_ref (entry->pixels),
                                   (cairo_destroy_func_t) g_bytes_unref);
    }
  return entry->surface;
}

static Entry *
find_entry (AssayRenderScheduler *self,
            int                   page,
            double                scale)
{
  for (guint i = 0; i < self->cache->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->cache, i);

      if (entry->page == page && same_scale (entry->scale, scale))
        return entry;
    }
  return NULL;
}

static void
evict (AssayRenderScheduler *self,
       Entry                *keep)
{
  while (self->cache_bytes > self->budget && self->cache->len > 1)
    {
      guint oldest = G_MAXUINT;

      for (guint i = 0; i < self->cache->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->cache, i);

          if (entry != keep
              && (oldest == G_MAXUINT || entry->used < ((Entry *) g_ptr_array_index (self->cache, oldest))->used))
            oldest = i;
        }
      if (oldest == G_MAXUINT)
        break;
      self->cache_bytes -= ((Entry *) g_ptr_array_index (self->cache, oldest))->bytes;
      g_ptr_array_remove_index_fast (self->cache, oldest);
    }
}

static gboolean
deliver_cb (gpointer data)
{
  AssayRenderScheduler *self = data;
  g_autoptr(GPtrArray) done = NULL;

  g_mutex_lock (&self->lock);
  done = g_steal_pointer (&self->done);
  self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  self->deliver_source = 0;
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < done->len; i++)
    {
      Result *result = g_ptr_array_index (done, i);
      Entry *entry;

      if (result->pixels == NULL || find_entry (self, result->page, result->scale) != NULL)
        continue;

      entry = g_new0 (Entry, 1);
      entry->page = result->page;
      entry->scale = result->scale;
      entry->pixels = g_bytes_ref (result->pixels);
      entry->width = result->width;
      entry->height = result->height;
      entry->stride = result->stride;
      entry->bytes = g_bytes_get_size (result->pixels);
      entry->used = ++self->clock;
      g_ptr_array_add (self->cache, entry);
      self->cache_bytes += entry->bytes;
      evict (self, entry);

      g_signal_emit (self, signals[RENDERED], 0, result->page, result->scale);
    }

  return G_SOURCE_REMOVE;
}

static Job *
take_next_job (AssayRenderScheduler *self)
{
  guint best = 0;

  for (guint i = 1; i < self->queue->len; i++)
    {
      Job *job = g_ptr_array_index (self->queue, i);
      Job *current = g_ptr_array_index (self->queue, best);

      if (job->priority < current->priority
          || (job->priority == current->priority && job->order < current->order))
        best = i;
    }
  return g_ptr_array_steal_index (self->queue, best);
}

static gpointer
render_thread (gpointer data)
{
  AssayRenderScheduler *self = data;

  /* On a machine with few cores the main thread must win: a frame late is
   * felt, a page drawn a few milliseconds later is not. Linux applies
   * PRIO_PROCESS with a thread id to that thread alone. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), RENDER_NICENESS) != 0)
    g_debug ("Cannot lower the priority of the render thread: %s", g_strerror (errno));

  g_mutex_lock (&self->lock);
  for (;;)
    {
      Result *result;
      Job *job;

      while (!self->quit && self->queue->len == 0)
        g_cond_wait (&self->wake, &self->lock);
      if (self->quit)
        break;

      job = take_next_job (self);
      self->running = job;
      g_mutex_unlock (&self->lock);

      result = g_new0 (Result, 1);
      result->page = job->page;
      result->scale = job->scale;
      result->pixels = self->func (self->user_data, job->page, job->scale,
                                   &result->width, &result->height, &result->stride);

      g_mutex_lock (&self->lock);
      self->running = NULL;
      g_free (job);
      g_ptr_array_add (self->done, result);
      if (self->deliver_source == 0)
        self->deliver_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, deliver_cb,
                                                g_object_ref (self), g_object_unref);
    }
  g_mutex_unlock (&self->lock);

  return NULL;
}

static void
assay_render_scheduler_dispose (GObject *object)
{
  AssayRenderScheduler *self = ASSAY_RENDER_SCHEDULER (object);

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->quit = TRUE;
      g_cond_signal (&self->wake);
      g_mutex_unlock (&self->lock);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  if (self->destroy != NULL && self->user_data != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (assay_render_scheduler_parent_class)->dispose (object);
}

static void
assay_render_scheduler_finalize (GObject *object)
{
  AssayRenderScheduler *self = ASSAY_RENDER_SCHEDULER (object);

  g_ptr_array_unref (self->queue);
  g_ptr_array_unref (self->done);
  g_ptr_array_unref (self->cache);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);

  G_OBJECT_CLASS (assay_render_scheduler_parent_class)->finalize (object);
}

static void
assay_render_scheduler_class_init (AssayRenderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = assay_render_scheduler_dispose;
  object_class->finalize = assay_render_scheduler_finalize;

  /**
   * AssayRenderScheduler::rendered:
   *
   * A page is in the cache at @scale, on the main thread.
   */
  signals[RENDERED] =
    g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
}

static void
assay_render_scheduler_init (AssayRenderScheduler *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->queue = g_ptr_array_new_with_free_func (g_free);
  self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  self->cache = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

/**
 * assay_render_scheduler_new:
 * @budget_bytes: how much the cached pages may hold
 */
AssayRenderScheduler *
assay_render_scheduler_new (AssayRenderFunc func,
                            gpointer        user_data,
                            GDestroyNotify  destroy,
                            gsize           budget_bytes)
{
  AssayRenderScheduler *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (ASSAY_TYPE_RENDER_SCHEDULER, NULL);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  self->budget = budget_bytes;
  self->thread = g_thread_new ("assay-render", render_thread, self);
  return self;
}

/**
 * assay_render_scheduler_request:
 *
 * Asks for @page at @scale. Nothing happens if it is cached or being
 * drawn; a queued request takes the more urgent of its two priorities.
 */
void
assay_render_scheduler_request (AssayRenderScheduler *self,
                                int                   page,
                                double                scale,
                                AssayRenderPriority   priority)
{
  Job *job;

  g_return_if_fail (ASSAY_IS_RENDER_SCHEDULER (self));

  if (find_entry (self, page, scale) != NULL)
    return;

  g_mutex_lock (&self->lock);
  if (self->running != NULL && self->running->page == page && same_scale (self->running->scale, scale))
    goto out;
  for (guint i = 0; i < self->done->len; i++)
    {
      Result *result = g_ptr_array_index (self->done, i);

      if (result->page == page && same_scale (result->scale, scale))
        goto out;
    }
  for (guint i = 0; i < self->queue->len; i++)
    {
      job = g_ptr_array_index (self->queue, i);
      if (job->page == page && same_scale (job->scale, scale))
        {
          if (priority < job->priority)
            {
              job->priority = priority;
              job->order = self->next_order++;
            }
          goto out;
        }
    }

  job = g_new0 (Job, 1);
  job->page = page;
  job->scale = scale;
  job->priority = priority;
  job->order = self->next_order++;
  g_ptr_array_add (self->queue, job);
  g_cond_signal (&self->wake);

out:
  g_mutex_unlock (&self->lock);
}

/**
 * assay_render_scheduler_cancel_outside:
 *
 * Drops the waiting requests of @priority or less urgent for pages
 * before @first or after @last: they scrolled out of view.
 */
void
assay_render_scheduler_cancel_outside (AssayRenderScheduler *self,
                                       int                   first,
                                       int                   last,
                                       AssayRenderPriority   priority)
{
  g_return_if_fail (ASSAY_IS_RENDER_SCHEDULER (self));

  g_mutex_lock (&self->lock);
  for (guint i = self->queue->len; i > 0; i--)
    {
      Job *job = g_ptr_array_index (self->queue, i - 1);

      if (job->priority == priority && (job->page < first || job->page > last))
        g_ptr_array_remove_index_fast (self->queue, i - 1);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * assay_render_scheduler_lookup:
 *
 * Returns: (transfer none) (nullable): @page at exactly @scale, if cached
 */
GdkTexture *
assay_render_scheduler_lookup (AssayRenderScheduler *self,
                               int                   page,
                               double                scale)
{
  Entry *entry;

  g_return_val_if_fail (ASSAY_IS_RENDER_SCHEDULER (self), NULL);

  if ((entry = find_entry (self, page, scale)) == NULL)
    return NULL;
  entry->used = ++self->clock;
  return entry_texture (entry);
}

static Entry *
find_best (AssayRenderScheduler *self,
           int                   page,
           double                max_scale)
{
  Entry *best = NULL;

  for (guint i = 0; i < self->cache->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->cache, i);

      if (entry->page != page)
        continue;
      if (best == NULL
          || (entry->scale <= max_scale && (best->scale > max_scale || entry->scale > best->scale))
          || (best->scale > max_scale && entry->scale < best->scale))
        best = entry;
    }
  if (best != NULL)
    best->used = ++self->clock;
  return best;
}

/**
 * assay_render_scheduler_lookup_surface:
 * @exact: (out) (optional): whether the surface is at @scale, or a stand-in
 *
 * Like assay_render_scheduler_lookup_best(), as a cairo surface over the
 * same pixels: GTK 4.8's cairo renderer converts a texture's every pixel
 * on every frame, but paints a surface directly.
 *
 * Returns: (transfer none) (nullable): the surface
 */
cairo_surface_t *
assay_render_scheduler_lookup_surface (AssayRenderScheduler *self,
                                       int                   page,
                                       double                scale,
                                       gboolean             *exact)
{
  Entry *entry;

  g_return_val_if_fail (ASSAY_IS_RENDER_SCHEDULER (self), NULL);

  if ((entry = find_entry (self, page, scale)) != NULL)
    entry->used = ++self->clock;
  else
    entry = find_best (self, page, scale);
  if (exact != NULL)
    *exact = entry != NULL && same_scale (entry->scale, scale);
  return entry ? entry_surface (entry) : NULL;
}

/**
 * assay_render_scheduler_lookup_best:
 *
 * Returns: (transfer none) (nullable): the sharpest cached rendering of
 * @page no larger than @max_scale, else any, to stand in until the
 * right one is drawn
 */
GdkTexture *
assay_render_scheduler_lookup_best (AssayRenderScheduler *self,
                                    int                   page,
                                    double                max_scale)
{
  Entry *best;

  g_return_val_if_fail (ASSAY_IS_RENDER_SCHEDULER (self), NULL);

  best = find_best (self, page, max_scale);
  return best ? entry_texture (best) : NULL;
}

gsize
assay_render_scheduler_get_cache_bytes (AssayRenderScheduler *self)
{
  g_return_val_if_fail (ASSAY_IS_RENDER_SCHEDULER (self), 0);

  return self->cache_bytes;
}

gsize
assay_render_scheduler_get_budget (AssayRenderScheduler *self)
{
  g_return_val_if_fail (ASSAY_IS_RENDER_SCHEDULER (self), 0);

  return self->budget;
}

/**
 * assay_render_scheduler_get_n_pending:
 *
 * Returns: requests waiting or being drawn, and pages drawn but not yet
 * handed to the main thread
 */
guint
assay_render_scheduler_get_n_pending (AssayRenderScheduler *self)
{
  guint n;

  g_return_val_if_fail (ASSAY_IS_RENDER_SCHEDULER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->queue->len + (self->running != NULL) + self->done->len;
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * assay_render_scheduler_clear:
 *
 * Forgets every waiting request and cached page (the zoom changed a lot,
 * or the document was closed).
 */
void
assay_render_scheduler_clear (AssayRenderScheduler *self)
{
  g_return_if_fail (ASSAY_IS_RENDER_SCHEDULER (self));

  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->queue, 0);
  g_mutex_unlock (&self->lock);
  g_ptr_array_set_size (self->cache, 0);
  self->cache_bytes = 0;
}
