/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-award.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayAward
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayAward, assay_award, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SUBMISSION_ID,
  PROP_DECISION_ID,
  PROP_ISSUER_ID,
  PROP_CREDENTIAL_JSON,
  PROP_IMAGE_HASH,
  PROP_STATUS,
  PROP_REVOKED_REASON,
  PROP_REVOKED_AT,
  PROP_ISSUED_AT,
  PROP_EXPIRES_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayAward, assay_award, submission_id, PROP_SUBMISSION_ID)
ASSAY_RECORD_STRING (AssayAward, assay_award, decision_id, PROP_DECISION_ID)
ASSAY_RECORD_STRING (AssayAward, assay_award, issuer_id, PROP_ISSUER_ID)
ASSAY_RECORD_STRING (AssayAward, assay_award, credential_json, PROP_CREDENTIAL_JSON)
ASSAY_RECORD_STRING (AssayAward, assay_award, image_hash, PROP_IMAGE_HASH)
ASSAY_RECORD_ENUM (AssayAward, assay_award, status, AssayAwardStatus, PROP_STATUS)
ASSAY_RECORD_STRING (AssayAward, assay_award, revoked_reason, PROP_REVOKED_REASON)
ASSAY_RECORD_DATETIME (AssayAward, assay_award, revoked_at, PROP_REVOKED_AT)
ASSAY_RECORD_DATETIME (AssayAward, assay_award, issued_at, PROP_ISSUED_AT)
ASSAY_RECORD_DATETIME (AssayAward, assay_award, expires_at, PROP_EXPIRES_AT)

static gboolean
assay_award_validate (AssayRecord  *record,
                      GError      **error)
{
  AssayAward *self = ASSAY_AWARD (record);

  if (!assay_model_check_text (assay_award_get_submission_id (self), _("An award belongs to a submission"), error))
    return FALSE;
  if (!assay_model_check_text (assay_award_get_decision_id (self), _("An award needs the decision that granted it"), error))
    return FALSE;
  if (!assay_model_check_hash (assay_award_get_image_hash (self), _("The award image reference is not a SHA-256 hash"), error))
    return FALSE;
  if (assay_award_get_issued_at (self) == NULL)
    return assay_model_invalid (_("An award needs the time it was issued"), error);

  return TRUE;
}

static void
assay_award_class_init (AssayAwardClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_award_validate;

  properties[PROP_SUBMISSION_ID] = g_param_spec_string ("submission-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DECISION_ID] = g_param_spec_string ("decision-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ISSUER_ID] = g_param_spec_string ("issuer-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREDENTIAL_JSON] = g_param_spec_string ("credential-json", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_IMAGE_HASH] = g_param_spec_string ("image-hash", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASSAY_TYPE_AWARD_STATUS,
                                               ASSAY_AWARD_STATUS_VALID, ASSAY_COLUMN_FLAGS);
  properties[PROP_REVOKED_REASON] = g_param_spec_string ("revoked-reason", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_REVOKED_AT] = g_param_spec_boxed ("revoked-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_ISSUED_AT] = g_param_spec_boxed ("issued-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_EXPIRES_AT] = g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "award", N_("award"),
                                         N_PROPS, properties);
}

static void
assay_award_init (AssayAward *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_award_set_issued_at (self, now);
}

AssayAward *
assay_award_new (const char *submission_id,
                 const char *decision_id)
{
  return g_object_new (ASSAY_TYPE_AWARD,
                       "submission-id", submission_id,
                       "decision-id", decision_id,
                       NULL);
}

gboolean
assay_award_is_revoked (AssayAward *self)
{
  g_return_val_if_fail (ASSAY_IS_AWARD (self), FALSE);

  return assay_award_get_status (self) == ASSAY_AWARD_STATUS_REVOKED;
}
