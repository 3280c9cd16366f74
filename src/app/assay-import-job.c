/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-app"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-bundle-import.h"
#include "assay-credential.h"
#include "assay-import-job.h"

/* One bundle on its way into a workspace, as the windows show it: state,
 * progress and outcome. The work itself is assay_bundle_import_file_async();
 * AssayImportQueue decides when it starts. */

struct _AssayImportJob
{
  GObject           parent_instance;

  GWeakRef          store;  /* the store owns the queue that owns the job */
  GFile            *file;
  char             *title;
  char             *credential_id;
  char             *earner;
  gboolean          has_details;

  AssayImportState  state;
  guint64           bytes_done;
  guint64           bytes_total;
  guint             files_done;
  gint64            started_us;
  char             *message;
  AssaySubmission  *submission;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (AssayImportJob, assay_import_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_FRACTION,
  PROP_STATUS,
  PROP_MESSAGE,
  PROP_SUBMISSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (AssayImportJob   *self,
           AssayImportState  state,
           const char       *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_progress (guint64  bytes_done,
             guint64  bytes_total,
             guint    files_done,
             gpointer user_data)
{
  AssayImportJob *self = user_data;

  self->bytes_done = bytes_done;
  self->bytes_total = bytes_total;
  self->files_done = files_done;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static char *
describe_submission (AssayImportJob  *self,
                     AssaySubmission *submission)
{
  g_autoptr(AssayStore) store = g_weak_ref_get (&self->store);
  g_autoptr(AssayCredential) credential =
    store ? assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL,
                                assay_submission_get_credential_id (submission), NULL) : NULL;
  const char *title = credential ? assay_credential_get_title (credential) : "";

  if (assay_submission_get_attempt (submission) > 1)
    /* Translators: the number is an attempt number, the string a credential */
    return g_strdup_printf (_("Imported as attempt %d for “%s”"),
                            (int) assay_submission_get_attempt (submission), title);

  return g_strdup_printf (_("Imported for “%s”"), title);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AssayImportJob) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AssaySubmission) submission = NULL;

  submission = assay_bundle_import_file_finish (ASSAY_STORE (source), result, &error);
  g_clear_object (&self->cancellable);

  if (submission != NULL)
    {
      g_autofree char *message = describe_submission (self, submission);

      self->submission = g_steal_pointer (&submission);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMISSION]);
      set_state (self, ASSAY_IMPORT_STATE_DONE, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED))
    set_state (self, ASSAY_IMPORT_STATE_CANCELLED, _("Cancelled: nothing was imported"));
  else
    set_state (self, ASSAY_IMPORT_STATE_FAILED, error->message);
}

static void
run_import (AssayImportJob *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(AssayStore) store = g_weak_ref_get (&self->store);

  if (store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->started_us = g_get_monotonic_time ();
  self->bytes_done = 0;
  self->files_done = 0;
  set_state (self, ASSAY_IMPORT_STATE_RUNNING, NULL);
  assay_bundle_import_file_async (store, path,
                                  self->has_details ? self->credential_id : NULL,
                                  self->has_details ? self->earner : NULL,
                                  on_progress, g_object_ref (self), g_object_unref,
                                  self->cancellable, on_import_done, g_object_ref (self));
}

/**
 * assay_import_job_start:
 *
 * Starts the import, unless the bundle is a plain zip whose credential and
 * earner are not known yet: the job then waits in
 * %ASSAY_IMPORT_STATE_NEEDS_DETAILS for assay_import_job_set_details().
 */
void
assay_import_job_start (AssayImportJob *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_manifest = TRUE;

  g_return_if_fail (ASSAY_IS_IMPORT_JOB (self));
  g_return_if_fail (self->state == ASSAY_IMPORT_STATE_WAITING);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      set_state (self, ASSAY_IMPORT_STATE_FAILED, _("Only files on this computer can be imported; copy the bundle here first"));
      return;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_state (self, ASSAY_IMPORT_STATE_FAILED, _("This is a folder; import the evidence bundle (a .zip file) instead"));
      return;
    }

  /* A bundle that cannot even be listed is refused by the read with the
   * precise reason, so only a clean "no manifest" stops here. */
  if (!self->has_details &&
      assay_bundle_probe_manifest (path, &has_manifest, &error) && !has_manifest)
    {
      set_state (self, ASSAY_IMPORT_STATE_NEEDS_DETAILS,
                 _("This zip has no manifest: choose the credential and the earner"));
      return;
    }

  run_import (self);
}

void
assay_import_job_set_details (AssayImportJob *self,
                              const char     *credential_id,
                              const char     *earner)
{
  g_return_if_fail (ASSAY_IS_IMPORT_JOB (self));
  g_return_if_fail (self->state == ASSAY_IMPORT_STATE_NEEDS_DETAILS);

  g_free (self->credential_id);
  g_free (self->earner);
  self->credential_id = g_strdup (credential_id);
  self->earner = g_strdup (earner);
  self->has_details = TRUE;
  set_state (self, ASSAY_IMPORT_STATE_WAITING, NULL);
}

void
assay_import_job_cancel (AssayImportJob *self)
{
  g_return_if_fail (ASSAY_IS_IMPORT_JOB (self));

  if (self->state == ASSAY_IMPORT_STATE_RUNNING)
    g_cancellable_cancel (self->cancellable);
  else if (self->state == ASSAY_IMPORT_STATE_WAITING || self->state == ASSAY_IMPORT_STATE_NEEDS_DETAILS)
    set_state (self, ASSAY_IMPORT_STATE_CANCELLED, _("Cancelled: nothing was imported"));
}

/**
 * assay_import_job_dup_store:
 *
 * Returns: (transfer full) (nullable): the workspace the bundle goes to,
 *   or %NULL once it is closed
 */
AssayStore *
assay_import_job_dup_store (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), NULL);
  return g_weak_ref_get (&self->store);
}

GFile *
assay_import_job_get_file (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), NULL);
  return self->file;
}

const char *
assay_import_job_get_title (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), NULL);
  return self->title;
}

AssayImportState
assay_import_job_get_state (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), ASSAY_IMPORT_STATE_FAILED);
  return self->state;
}

gboolean
assay_import_job_is_finished (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), TRUE);
  return self->state >= ASSAY_IMPORT_STATE_DONE;
}

guint64
assay_import_job_get_bytes_done (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), 0);
  return self->bytes_done;
}

guint64
assay_import_job_get_bytes_total (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), 0);
  return self->bytes_total;
}

guint
assay_import_job_get_files_done (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), 0);
  return self->files_done;
}

double
assay_import_job_get_fraction (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), 0.0);

  if (self->state == ASSAY_IMPORT_STATE_DONE)
    return 1.0;
  if (self->state != ASSAY_IMPORT_STATE_RUNNING || self->bytes_total == 0)
    return 0.0;
  return MIN (1.0, (double) self->bytes_done / (double) self->bytes_total);
}

/**
 * assay_import_job_get_seconds_left:
 *
 * Returns: the time left at the rate so far, or -1 while there is too
 *   little to go on (the first second)
 */
int
assay_import_job_get_seconds_left (AssayImportJob *self)
{
  gint64 elapsed_us;
  double rate;

  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), -1);

  if (self->state != ASSAY_IMPORT_STATE_RUNNING || self->bytes_done == 0)
    return -1;
  elapsed_us = g_get_monotonic_time () - self->started_us;
  if (elapsed_us < G_USEC_PER_SEC)
    return -1;
  rate = (double) self->bytes_done / ((double) elapsed_us / G_USEC_PER_SEC);
  return (int) ((self->bytes_total - MIN (self->bytes_done, self->bytes_total)) / rate + 0.5);
}

static char *
format_time_left (int seconds)
{
  if (seconds < 0)
    return NULL;
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %d second left", "About %d seconds left", seconds),
                            MAX (seconds, 1));
  seconds = (seconds + 59) / 60;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %d minute left", "About %d minutes left", seconds),
                          seconds);
}

/**
 * assay_import_job_dup_status:
 *
 * Returns: (transfer full): one line for the progress view: bytes, files
 *   and time left while running, else the outcome
 */
char *
assay_import_job_dup_status (AssayImportJob *self)
{
  g_autofree char *done = NULL;
  g_autofree char *total = NULL;
  g_autofree char *left = NULL;
  g_autofree char *files = NULL;

  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), NULL);

  switch (self->state)
    {
    case ASSAY_IMPORT_STATE_WAITING:
      return g_strdup (_("Waiting for the import before it"));
    case ASSAY_IMPORT_STATE_RUNNING:
      if (self->bytes_total == 0)
        return g_strdup (_("Starting…"));
      done = g_format_size (self->bytes_done);
      total = g_format_size (self->bytes_total);
      files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", self->files_done),
                               self->files_done);
      left = format_time_left (assay_import_job_get_seconds_left (self));
      /* Translators: "1.2 GB of 2.0 GB · 3 files · About 12 seconds left" */
      return left ? g_strdup_printf (_("%s of %s · %s · %s"), done, total, files, left)
                  : g_strdup_printf (_("%s of %s · %s"), done, total, files);
    case ASSAY_IMPORT_STATE_NEEDS_DETAILS:
    case ASSAY_IMPORT_STATE_DONE:
    case ASSAY_IMPORT_STATE_FAILED:
    case ASSAY_IMPORT_STATE_CANCELLED:
    default:
      return g_strdup (self->message ? self->message : "");
    }
}

const char *
assay_import_job_get_message (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), NULL);
  return self->message;
}

AssaySubmission *
assay_import_job_get_submission (AssayImportJob *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_JOB (self), NULL);
  return self->submission;
}

static void
assay_import_job_dispose (GObject *object)
{
  AssayImportJob *self = ASSAY_IMPORT_JOB (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (assay_import_job_parent_class)->dispose (object);
}

static void
assay_import_job_finalize (GObject *object)
{
  AssayImportJob *self = ASSAY_IMPORT_JOB (object);

  g_weak_ref_clear (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->submission);
  g_clear_object (&self->cancellable);
  g_free (self->title);
  g_free (self->credential_id);
  g_free (self->earner);
  g_free (self->message);

  G_OBJECT_CLASS (assay_import_job_parent_class)->finalize (object);
}

static void
assay_import_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AssayImportJob *self = ASSAY_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, assay_import_job_get_fraction (self));
      break;
    case PROP_STATUS:
      g_value_take_string (value, assay_import_job_dup_status (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_SUBMISSION:
      g_value_set_object (value, self->submission);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_import_job_class_init (AssayImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = assay_import_job_dispose;
  object_class->finalize = assay_import_job_finalize;
  object_class->get_property = assay_import_job_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      ASSAY_IMPORT_STATE_WAITING, ASSAY_IMPORT_STATE_CANCELLED, ASSAY_IMPORT_STATE_WAITING,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBMISSION] =
    g_param_spec_object ("submission", NULL, NULL, ASSAY_TYPE_SUBMISSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
assay_import_job_init (AssayImportJob *self)
{
  self->state = ASSAY_IMPORT_STATE_WAITING;
}

AssayImportJob *
assay_import_job_new (AssayStore *store,
                      GFile      *file)
{
  AssayImportJob *self;

  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ASSAY_TYPE_IMPORT_JOB, NULL);
  g_weak_ref_init (&self->store, store);
  self->file = g_object_ref (file);
  self->title = g_file_get_basename (file);
  return self;
}
