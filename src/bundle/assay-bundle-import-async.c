/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "assay-bundle-import.h"

/* The asynchronous import: the read (unzip, hash, blob writes) runs in a
 * worker thread; the store, which belongs to the main thread, is written
 * back on the caller's main context, where progress is delivered too.
 */

typedef struct
{
  AssayStore                *store;
  char                      *zip_path;
  char                      *credential_id;
  char                      *earner_email;
  AssayBundleImportProgress  progress;
  gpointer                   progress_data;
  GDestroyNotify             progress_destroy;
  GMainContext              *context;
  gint64                     last_progress_us;
} ImportJob;

/* The reader reports every chunk, thousands of times a second; the main
 * loop hears the latest figures at most every PROGRESS_INTERVAL_US, so a
 * window showing them stays responsive. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 20)

/* Imports are background work: niceness 10 leaves the main thread about ten
 * times the CPU share of the reader when both want it. */
#define IMPORT_NICENESS 10

typedef struct
{
  ImportJob *job;
  guint64    bytes_done;
  guint64    bytes_total;
  guint      files_done;
} ProgressCall;

static void
import_job_free (ImportJob *job)
{
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_clear_object (&job->store);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job->zip_path);
  g_free (job->credential_id);
  g_free (job->earner_email);
  g_free (job);
}

static gboolean
progress_on_main (gpointer data)
{
  ProgressCall *call = data;

  call->job->progress (call->bytes_done, call->bytes_total, call->files_done, call->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_in_thread (guint64  bytes_done,
                    guint64  bytes_total,
                    guint    files_done,
                    gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  ProgressCall *call;
  GSource *source;

  if (job->progress == NULL)
    return;
  /* Only the reading thread touches last_progress_us. */
  if (bytes_done < bytes_total && now - job->last_progress_us < PROGRESS_INTERVAL_US)
    return;
  job->last_progress_us = now;

  call = g_new (ProgressCall, 1);
  *call = (ProgressCall) { job, bytes_done, bytes_total, files_done };
  /* An idle source, not g_main_context_invoke(): that runs the callback
   * right here whenever the main thread is between two iterations, and the
   * callback touches widgets. The task holds the job until it completes on
   * the same context, after every call queued here. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_on_main, call, g_free);
  g_source_set_static_name (source, "[assay] import progress");
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ImportJob *job = task_data;
  AssayBundleContents *contents;
  AssayBundleLimits limits;
  GError *error = NULL;

  assay_bundle_limits_init_default (&limits);
  contents = assay_bundle_read (assay_store_get_blobs (job->store), job->zip_path, &limits,
                                progress_in_thread, task, cancellable, &error);
  if (contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, (GDestroyNotify) assay_bundle_contents_free);
}

/* The read has a thread of its own rather than one of GTask's pool, so that
 * it can run at a lower priority than the window drawing its progress: a
 * thread cannot take back priority it gave away, and a pool thread would
 * keep it for other work. */
static gpointer
read_thread_main (gpointer data)
{
  g_autoptr(GTask) task = data;

  /* Linux: PRIO_PROCESS with a thread id applies to that thread alone. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), IMPORT_NICENESS) != 0)
    g_debug ("Cannot lower the priority of the import thread: %s", g_strerror (errno));
  read_in_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
  return NULL;
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  ImportJob *job = g_task_get_task_data (outer);
  g_autoptr(AssayBundleContents) contents = NULL;
  AssaySubmission *submission;
  GError *error = NULL;

  contents = g_task_propagate_pointer (G_TASK (result), &error);
  if (contents == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  if (g_task_return_error_if_cancelled (outer))
    {
      assay_bundle_contents_discard (contents, assay_store_get_blobs (job->store));
      return;
    }

  /* The store belongs to this thread. */
  submission = assay_bundle_import (job->store, contents, job->credential_id, job->earner_email, &error);
  if (submission == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, submission, g_object_unref);
}

/**
 * assay_bundle_import_file_async:
 * @progress: (nullable): called on the thread-default main context of the caller
 *
 * Reads @zip_path into the blob store in a worker thread, then records the
 * submission on the caller's thread, which must own @store.
 */
void
assay_bundle_import_file_async (AssayStore                *store,
                                const char                *zip_path,
                                const char                *credential_id,
                                const char                *earner_email,
                                AssayBundleImportProgress  progress,
                                gpointer                   progress_data,
                                GDestroyNotify             progress_destroy,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) reader = NULL;
  ImportJob *job;

  g_return_if_fail (ASSAY_IS_STORE (store));
  g_return_if_fail (zip_path != NULL);

  job = g_new0 (ImportJob, 1);
  job->store = g_object_ref (store);
  job->zip_path = g_strdup (zip_path);
  job->credential_id = g_strdup (credential_id);
  job->earner_email = g_strdup (earner_email);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  outer = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (outer, assay_bundle_import_file_async);
  g_task_set_task_data (outer, job, (GDestroyNotify) import_job_free);

  reader = g_task_new (NULL, cancellable, read_done, g_object_ref (outer));
  g_task_set_task_data (reader, job, NULL);
  /* Contents read before a cancel must reach read_done to be discarded. */
  g_task_set_check_cancellable (reader, FALSE);
  g_thread_unref (g_thread_new ("assay-import", read_thread_main, g_steal_pointer (&reader)));
}

AssaySubmission *
assay_bundle_import_file_finish (AssayStore    *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == assay_bundle_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
