/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-app"

#include "config.h"

#include "assay-import-queue.h"

/* The imports of one workspace, shared by every window that shows it. They
 * run one at a time: they compete for the same disk, and one after another
 * each finishes sooner than all together would. */

struct _AssayImportQueue
{
  GObject         parent_instance;

  AssayStore     *store;  /* weak: the store owns the queue */
  GListStore     *jobs;
  AssayImportJob *running;
};

G_DEFINE_FINAL_TYPE (AssayImportQueue, assay_import_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_next (AssayImportQueue *self);

static void
on_job_state_changed_cb (AssayImportJob   *job,
                         GParamSpec       *pspec,
                         AssayImportQueue *self)
{
  AssayImportState state = assay_import_job_get_state (job);

  if (job == self->running && state != ASSAY_IMPORT_STATE_RUNNING)
    {
      self->running = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  run_next (self);
}

static void
run_next (AssayImportQueue *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));

  if (self->running != NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (assay_import_job_get_state (job) != ASSAY_IMPORT_STATE_WAITING)
        continue;

      self->running = job;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      /* Start may end at once (a folder, a plain zip); the state handler
       * then moves on to the next job. */
      assay_import_job_start (job);
      return;
    }
}

/**
 * assay_import_queue_add:
 *
 * Queues @file for import; it starts when the imports before it are done.
 *
 * Returns: (transfer none): the job, to follow its progress
 */
AssayImportJob *
assay_import_queue_add (AssayImportQueue *self,
                        GFile            *file)
{
  g_autoptr(AssayImportJob) job = NULL;

  g_return_val_if_fail (ASSAY_IS_IMPORT_QUEUE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  job = assay_import_job_new (self->store, file);
  g_signal_connect_object (job, "notify::state", G_CALLBACK (on_job_state_changed_cb), self, 0);
  g_list_store_append (self->jobs, job);
  run_next (self);

  return job;
}

GListModel *
assay_import_queue_get_jobs (AssayImportQueue *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_QUEUE (self), NULL);

  return G_LIST_MODEL (self->jobs);
}

gboolean
assay_import_queue_is_busy (AssayImportQueue *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_QUEUE (self), FALSE);

  return self->running != NULL;
}

void
assay_import_queue_clear_finished (AssayImportQueue *self)
{
  g_return_if_fail (ASSAY_IS_IMPORT_QUEUE (self));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i > 0; i--)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i - 1);

      if (assay_import_job_is_finished (job))
        g_list_store_remove (self->jobs, i - 1);
    }
}

guint
assay_import_queue_count_unfinished (AssayImportQueue *self)
{
  guint n = 0;

  g_return_val_if_fail (ASSAY_IS_IMPORT_QUEUE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      n += !assay_import_job_is_finished (job);
    }
  return n;
}

void
assay_import_queue_cancel_all (AssayImportQueue *self)
{
  g_return_if_fail (ASSAY_IS_IMPORT_QUEUE (self));

  /* Waiting jobs first, so that none starts when the running one ends. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i > 0; i--)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i - 1);

      assay_import_job_cancel (job);
    }
}

static void
assay_import_queue_dispose (GObject *object)
{
  AssayImportQueue *self = ASSAY_IMPORT_QUEUE (object);
  guint n = self->jobs ? g_list_model_get_n_items (G_LIST_MODEL (self->jobs)) : 0;

  /* The workspace is going away: nothing more may start in it. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      g_signal_handlers_disconnect_by_data (job, self);
      assay_import_job_cancel (job);
    }
  self->running = NULL;
  g_clear_object (&self->jobs);

  G_OBJECT_CLASS (assay_import_queue_parent_class)->dispose (object);
}

static void
assay_import_queue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AssayImportQueue *self = ASSAY_IMPORT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->running != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_import_queue_class_init (AssayImportQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = assay_import_queue_dispose;
  object_class->get_property = assay_import_queue_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
assay_import_queue_init (AssayImportQueue *self)
{
  self->jobs = g_list_store_new (ASSAY_TYPE_IMPORT_JOB);
}

/**
 * assay_import_queue_for_store:
 *
 * Returns: (transfer none): the import queue of @store, made on first use
 *   and kept as long as the store
 */
AssayImportQueue *
assay_import_queue_for_store (AssayStore *store)
{
  static const char key[] = "assay-import-queue";
  AssayImportQueue *self;

  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), key);
  if (self == NULL)
    {
      self = g_object_new (ASSAY_TYPE_IMPORT_QUEUE, NULL);
      self->store = store;
      g_object_set_data_full (G_OBJECT (store), key, self, g_object_unref);
    }

  return self;
}
