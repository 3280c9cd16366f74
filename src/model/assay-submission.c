/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-submission.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssaySubmission
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssaySubmission, assay_submission, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EARNER_ID,
  PROP_CREDENTIAL_ID,
  PROP_ATTEMPT,
  PROP_RECEIVED_AT,
  PROP_STATUS,
  PROP_PREVIOUS_ID,
  PROP_BUNDLE_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssaySubmission, assay_submission, earner_id, PROP_EARNER_ID)
ASSAY_RECORD_STRING (AssaySubmission, assay_submission, credential_id, PROP_CREDENTIAL_ID)
ASSAY_RECORD_INT (AssaySubmission, assay_submission, attempt, PROP_ATTEMPT)
ASSAY_RECORD_DATETIME (AssaySubmission, assay_submission, received_at, PROP_RECEIVED_AT)
ASSAY_RECORD_ENUM (AssaySubmission, assay_submission, status, AssaySubmissionStatus, PROP_STATUS)
ASSAY_RECORD_STRING (AssaySubmission, assay_submission, previous_id, PROP_PREVIOUS_ID)
ASSAY_RECORD_STRING (AssaySubmission, assay_submission, bundle_sha256, PROP_BUNDLE_SHA256)

static gboolean
assay_submission_validate (AssayRecord  *record,
                           GError      **error)
{
  AssaySubmission *self = ASSAY_SUBMISSION (record);

  if (!assay_model_check_text (assay_submission_get_earner_id (self), _("A submission needs an earner"), error))
    return FALSE;
  if (!assay_model_check_text (assay_submission_get_credential_id (self), _("A submission needs a credential"), error))
    return FALSE;
  if (assay_submission_get_attempt (self) < 1)
    return assay_model_invalid (_("Attempts are counted from 1"), error);
  if (assay_submission_get_received_at (self) == NULL)
    return assay_model_invalid (_("A submission needs the time it was received"), error);
  if (!assay_model_check_hash (assay_submission_get_bundle_sha256 (self), _("The submission bundle reference is not a SHA-256 hash"), error))
    return FALSE;

  return TRUE;
}

static void
assay_submission_class_init (AssaySubmissionClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_submission_validate;

  properties[PROP_EARNER_ID] = g_param_spec_string ("earner-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREDENTIAL_ID] = g_param_spec_string ("credential-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ATTEMPT] = g_param_spec_int64 ("attempt", NULL, NULL, 1, G_MAXINT32, 1, ASSAY_COLUMN_FLAGS);
  properties[PROP_RECEIVED_AT] = g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASSAY_TYPE_SUBMISSION_STATUS,
                                               ASSAY_SUBMISSION_STATUS_RECEIVED, ASSAY_COLUMN_FLAGS);
  properties[PROP_PREVIOUS_ID] = g_param_spec_string ("previous-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_BUNDLE_SHA256] = g_param_spec_string ("bundle-sha256", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "submission", N_("submission"),
                                         N_PROPS, properties);
}

static void
assay_submission_init (AssaySubmission *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_submission_set_received_at (self, now);
}

AssaySubmission *
assay_submission_new (const char *earner_id,
                      const char *credential_id)
{
  return g_object_new (ASSAY_TYPE_SUBMISSION,
                       "earner-id", earner_id,
                       "credential-id", credential_id,
                       NULL);
}

/**
 * assay_submission_is_decided:
 *
 * Returns: whether a decision (award or not yet) has closed the submission
 */
gboolean
assay_submission_is_decided (AssaySubmission *self)
{
  AssaySubmissionStatus status;

  g_return_val_if_fail (ASSAY_IS_SUBMISSION (self), FALSE);

  status = assay_submission_get_status (self);
  return status == ASSAY_SUBMISSION_STATUS_AWARDED || status == ASSAY_SUBMISSION_STATUS_NOT_YET;
}
