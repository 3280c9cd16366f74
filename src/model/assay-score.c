/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-score.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayScore
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayScore, assay_score, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_REVIEW_ID,
  PROP_CRITERION_ID,
  PROP_LEVEL_ID,
  PROP_COMMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayScore, assay_score, review_id, PROP_REVIEW_ID)
ASSAY_RECORD_STRING (AssayScore, assay_score, criterion_id, PROP_CRITERION_ID)
ASSAY_RECORD_STRING (AssayScore, assay_score, level_id, PROP_LEVEL_ID)
ASSAY_RECORD_STRING (AssayScore, assay_score, comment, PROP_COMMENT)

static gboolean
assay_score_validate (AssayRecord  *record,
                      GError      **error)
{
  AssayScore *self = ASSAY_SCORE (record);

  if (!assay_model_check_text (assay_score_get_review_id (self), _("A score belongs to a review"), error))
    return FALSE;
  if (!assay_model_check_text (assay_score_get_criterion_id (self), _("A score needs a criterion"), error))
    return FALSE;

  return TRUE;
}

static void
assay_score_class_init (AssayScoreClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_score_validate;

  properties[PROP_REVIEW_ID] = g_param_spec_string ("review-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CRITERION_ID] = g_param_spec_string ("criterion-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_LEVEL_ID] = g_param_spec_string ("level-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "score", N_("score"),
                                         N_PROPS, properties);
}

static void
assay_score_init (AssayScore *self)
{
}

AssayScore *
assay_score_new (const char *review_id,
                 const char *criterion_id)
{
  return g_object_new (ASSAY_TYPE_SCORE,
                       "review-id", review_id,
                       "criterion-id", criterion_id,
                       NULL);
}
