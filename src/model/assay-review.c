/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-review.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayReview
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayReview, assay_review, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SUBMISSION_ID,
  PROP_ASSESSOR_ID,
  PROP_STATE,
  PROP_RECOMMENDATION,
  PROP_FEEDBACK,
  PROP_STARTED_AT,
  PROP_SUBMITTED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayReview, assay_review, submission_id, PROP_SUBMISSION_ID)
ASSAY_RECORD_STRING (AssayReview, assay_review, assessor_id, PROP_ASSESSOR_ID)
ASSAY_RECORD_ENUM (AssayReview, assay_review, state, AssayReviewState, PROP_STATE)
ASSAY_RECORD_ENUM (AssayReview, assay_review, recommendation, AssayRecommendation, PROP_RECOMMENDATION)
ASSAY_RECORD_STRING (AssayReview, assay_review, feedback, PROP_FEEDBACK)
ASSAY_RECORD_DATETIME (AssayReview, assay_review, started_at, PROP_STARTED_AT)
ASSAY_RECORD_DATETIME (AssayReview, assay_review, submitted_at, PROP_SUBMITTED_AT)

static gboolean
assay_review_validate (AssayRecord  *record,
                       GError      **error)
{
  AssayReview *self = ASSAY_REVIEW (record);

  if (!assay_model_check_text (assay_review_get_submission_id (self), _("A review belongs to a submission"), error))
    return FALSE;
  if (!assay_model_check_text (assay_review_get_assessor_id (self), _("A review needs an assessor"), error))
    return FALSE;
  if (assay_review_get_started_at (self) == NULL)
    return assay_model_invalid (_("A review needs the time it was started"), error);

  return TRUE;
}

static void
assay_review_class_init (AssayReviewClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_review_validate;

  properties[PROP_SUBMISSION_ID] = g_param_spec_string ("submission-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ASSESSOR_ID] = g_param_spec_string ("assessor-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, ASSAY_TYPE_REVIEW_STATE,
                                              ASSAY_REVIEW_STATE_DRAFT, ASSAY_COLUMN_FLAGS);
  properties[PROP_RECOMMENDATION] = g_param_spec_enum ("recommendation", NULL, NULL, ASSAY_TYPE_RECOMMENDATION,
                                                       ASSAY_RECOMMENDATION_NONE, ASSAY_COLUMN_FLAGS);
  properties[PROP_FEEDBACK] = g_param_spec_string ("feedback", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_STARTED_AT] = g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_SUBMITTED_AT] = g_param_spec_boxed ("submitted-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "review", N_("review"),
                                         N_PROPS, properties);
}

static void
assay_review_init (AssayReview *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_review_set_started_at (self, now);
}

AssayReview *
assay_review_new (const char *submission_id,
                  const char *assessor_id)
{
  return g_object_new (ASSAY_TYPE_REVIEW,
                       "submission-id", submission_id,
                       "assessor-id", assessor_id,
                       NULL);
}

gboolean
assay_review_is_submitted (AssayReview *self)
{
  g_return_val_if_fail (ASSAY_IS_REVIEW (self), FALSE);

  return assay_review_get_state (self) == ASSAY_REVIEW_STATE_SUBMITTED;
}
