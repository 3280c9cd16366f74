/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-rubric.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayRubric
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayRubric, assay_rubric, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CREDENTIAL_ID,
  PROP_RULE,
  PROP_RULE_LEVEL_ID,
  PROP_MINIMUM_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayRubric, assay_rubric, credential_id, PROP_CREDENTIAL_ID)
ASSAY_RECORD_ENUM (AssayRubric, assay_rubric, rule, AssayDecisionRule, PROP_RULE)
ASSAY_RECORD_STRING (AssayRubric, assay_rubric, rule_level_id, PROP_RULE_LEVEL_ID)
ASSAY_RECORD_INT (AssayRubric, assay_rubric, minimum_total, PROP_MINIMUM_TOTAL)

static gboolean
assay_rubric_validate (AssayRecord  *record,
                       GError      **error)
{
  AssayRubric *self = ASSAY_RUBRIC (record);

  if (!assay_model_check_text (assay_rubric_get_credential_id (self), _("A rubric belongs to a credential"), error))
    return FALSE;

  return TRUE;
}

static void
assay_rubric_class_init (AssayRubricClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_rubric_validate;

  properties[PROP_CREDENTIAL_ID] = g_param_spec_string ("credential-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_RULE] = g_param_spec_enum ("rule", NULL, NULL, ASSAY_TYPE_DECISION_RULE,
                                             ASSAY_DECISION_RULE_ALL_AT_LEVEL, ASSAY_COLUMN_FLAGS);
  properties[PROP_RULE_LEVEL_ID] = g_param_spec_string ("rule-level-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_MINIMUM_TOTAL] = g_param_spec_int64 ("minimum-total", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "rubric", N_("rubric"),
                                         N_PROPS, properties);
}

static void
assay_rubric_init (AssayRubric *self)
{
}

AssayRubric *
assay_rubric_new (const char *credential_id)
{
  return g_object_new (ASSAY_TYPE_RUBRIC, "credential-id", credential_id, NULL);
}
