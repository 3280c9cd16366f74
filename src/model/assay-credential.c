/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-credential.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayCredential
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayCredential, assay_credential, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_LINEAGE_ID,
  PROP_VERSION,
  PROP_SUPERSEDED,
  PROP_STATUS,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_COMPETENCY_AREA,
  PROP_COMPETENCY,
  PROP_KEY_METHOD,
  PROP_RESEARCH_RATIONALE,
  PROP_EVIDENCE_OF_BENEFIT,
  PROP_SUBMISSION_GUIDELINES,
  PROP_SYNC_HOURS,
  PROP_ASYNC_HOURS,
  PROP_PD_HOURS,
  PROP_DEVELOPER,
  PROP_ISSUER,
  PROP_IMAGE_HASH,
  PROP_REQUIRED_REVIEWS,
  PROP_CREATED_AT,
  PROP_PUBLISHED_AT,
  /* derived, kept current by the store */
  PROP_N_RECEIVED,
  PROP_N_IN_REVIEW,
  PROP_N_AWARDED,
  PROP_N_NOT_YET,
  PROP_N_WITHDRAWN,
  PROP_APPROVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayCredential, assay_credential, lineage_id, PROP_LINEAGE_ID)
ASSAY_RECORD_INT (AssayCredential, assay_credential, version, PROP_VERSION)
ASSAY_RECORD_BOOLEAN (AssayCredential, assay_credential, superseded, PROP_SUPERSEDED)
ASSAY_RECORD_ENUM (AssayCredential, assay_credential, status, AssayCredentialStatus, PROP_STATUS)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, title, PROP_TITLE)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, description, PROP_DESCRIPTION)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, competency_area, PROP_COMPETENCY_AREA)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, competency, PROP_COMPETENCY)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, key_method, PROP_KEY_METHOD)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, research_rationale, PROP_RESEARCH_RATIONALE)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, evidence_of_benefit, PROP_EVIDENCE_OF_BENEFIT)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, submission_guidelines, PROP_SUBMISSION_GUIDELINES)
ASSAY_RECORD_DOUBLE (AssayCredential, assay_credential, sync_hours, PROP_SYNC_HOURS)
ASSAY_RECORD_DOUBLE (AssayCredential, assay_credential, async_hours, PROP_ASYNC_HOURS)
ASSAY_RECORD_DOUBLE (AssayCredential, assay_credential, pd_hours, PROP_PD_HOURS)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, developer, PROP_DEVELOPER)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, issuer, PROP_ISSUER)
ASSAY_RECORD_STRING (AssayCredential, assay_credential, image_hash, PROP_IMAGE_HASH)
ASSAY_RECORD_INT (AssayCredential, assay_credential, required_reviews, PROP_REQUIRED_REVIEWS)
ASSAY_RECORD_DATETIME (AssayCredential, assay_credential, created_at, PROP_CREATED_AT)
ASSAY_RECORD_DATETIME (AssayCredential, assay_credential, published_at, PROP_PUBLISHED_AT)

static gboolean
assay_credential_validate (AssayRecord  *record,
                           GError      **error)
{
  AssayCredential *self = ASSAY_CREDENTIAL (record);

  if (!assay_model_check_text (assay_credential_get_title (self), _("A credential needs a title"), error))
    return FALSE;
  if (!assay_model_check_text (assay_credential_get_lineage_id (self), _("A credential needs a lineage"), error))
    return FALSE;
  if (!assay_model_check_hash (assay_credential_get_image_hash (self), _("The credential image reference is not a SHA-256 hash"), error))
    return FALSE;

  return TRUE;
}

static void
assay_credential_class_init (AssayCredentialClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_credential_validate;

  properties[PROP_LINEAGE_ID] = g_param_spec_string ("lineage-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 1, G_MAXINT32, 1, ASSAY_COLUMN_FLAGS);
  properties[PROP_SUPERSEDED] = g_param_spec_boolean ("superseded", NULL, NULL, FALSE, ASSAY_COLUMN_FLAGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASSAY_TYPE_CREDENTIAL_STATUS,
                                               ASSAY_CREDENTIAL_STATUS_DRAFT, ASSAY_COLUMN_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_COMPETENCY_AREA] = g_param_spec_string ("competency-area", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_COMPETENCY] = g_param_spec_string ("competency", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_KEY_METHOD] = g_param_spec_string ("key-method", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_RESEARCH_RATIONALE] = g_param_spec_string ("research-rationale", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_EVIDENCE_OF_BENEFIT] = g_param_spec_string ("evidence-of-benefit", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_SUBMISSION_GUIDELINES] = g_param_spec_string ("submission-guidelines", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_SYNC_HOURS] = g_param_spec_double ("sync-hours", NULL, NULL, 0, 10000, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_ASYNC_HOURS] = g_param_spec_double ("async-hours", NULL, NULL, 0, 10000, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_PD_HOURS] = g_param_spec_double ("pd-hours", NULL, NULL, 0, 10000, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_DEVELOPER] = g_param_spec_string ("developer", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_IMAGE_HASH] = g_param_spec_string ("image-hash", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_REQUIRED_REVIEWS] = g_param_spec_int64 ("required-reviews", NULL, NULL, 1, 10, 2, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_PUBLISHED_AT] = g_param_spec_boxed ("published-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  properties[PROP_N_RECEIVED] = g_param_spec_uint ("n-received", NULL, NULL, 0, G_MAXUINT, 0, ASSAY_DERIVED_FLAGS);
  properties[PROP_N_IN_REVIEW] = g_param_spec_uint ("n-in-review", NULL, NULL, 0, G_MAXUINT, 0, ASSAY_DERIVED_FLAGS);
  properties[PROP_N_AWARDED] = g_param_spec_uint ("n-awarded", NULL, NULL, 0, G_MAXUINT, 0, ASSAY_DERIVED_FLAGS);
  properties[PROP_N_NOT_YET] = g_param_spec_uint ("n-not-yet", NULL, NULL, 0, G_MAXUINT, 0, ASSAY_DERIVED_FLAGS);
  properties[PROP_N_WITHDRAWN] = g_param_spec_uint ("n-withdrawn", NULL, NULL, 0, G_MAXUINT, 0, ASSAY_DERIVED_FLAGS);
  /* "outcome" or "submitted YYYY-MM-DD" of the state approval packet's
   * latest round, or NULL: kept by the store like the counts */
  properties[PROP_APPROVAL] = g_param_spec_string ("approval", NULL, NULL, NULL, ASSAY_DERIVED_FLAGS);

  assay_record_class_install_properties (record_class, "credential", N_("credential"),
                                         N_PROPS, properties);
}

static void
assay_credential_init (AssayCredential *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *lineage = assay_record_new_uuid ();

  assay_credential_set_created_at (self, now);
  assay_credential_set_lineage_id (self, lineage);
}

AssayCredential *
assay_credential_new (const char *title)
{
  return g_object_new (ASSAY_TYPE_CREDENTIAL, "title", title, NULL);
}

/**
 * assay_credential_is_editable:
 *
 * Only a draft can change: a published version is frozen so that every
 * submission scored against it keeps the rubric it was scored with.
 */
gboolean
assay_credential_is_editable (AssayCredential *self)
{
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (self), FALSE);

  return assay_credential_get_status (self) == ASSAY_CREDENTIAL_STATUS_DRAFT;
}

guint
assay_credential_get_submission_count (AssayCredential       *self,
                                       AssaySubmissionStatus  status)
{
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (self), 0);
  g_return_val_if_fail (status < ASSAY_N_SUBMISSION_STATUSES, 0);

  return assay_record_get_int (ASSAY_RECORD (self), properties[PROP_N_RECEIVED + status]);
}

/**
 * assay_credential_get_approval:
 *
 * Returns: (nullable): where the state approval packet stands: "draft",
 *   "submitted YYYY-MM-DD" (the day the answer is due), "approved",
 *   "returned", or NULL when there is none
 */
const char *
assay_credential_get_approval (AssayCredential *self)
{
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (self), NULL);

  return assay_record_get_string (ASSAY_RECORD (self), properties[PROP_APPROVAL]);
}

void
_assay_credential_set_approval (AssayCredential *self,
                                const char      *approval)
{
  g_return_if_fail (ASSAY_IS_CREDENTIAL (self));

  assay_record_set_string (ASSAY_RECORD (self), properties[PROP_APPROVAL], approval);
}

void
_assay_credential_set_submission_counts (AssayCredential *self,
                                         const guint     *counts)
{
  g_return_if_fail (ASSAY_IS_CREDENTIAL (self));

  for (guint i = 0; i < ASSAY_N_SUBMISSION_STATUSES; i++)
    assay_record_set_int (ASSAY_RECORD (self), properties[PROP_N_RECEIVED + i], counts ? counts[i] : 0);
}
