/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-enrollment.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayEnrollment
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayEnrollment, assay_enrollment, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EARNER_ID,
  PROP_CREDENTIAL_LINEAGE_ID,
  PROP_GOAL,
  PROP_PREAPPROVAL,
  PROP_PREAPPROVED_ON,
  PROP_DEADLINE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayEnrollment, assay_enrollment, earner_id, PROP_EARNER_ID)
ASSAY_RECORD_STRING (AssayEnrollment, assay_enrollment, credential_lineage_id, PROP_CREDENTIAL_LINEAGE_ID)
ASSAY_RECORD_STRING (AssayEnrollment, assay_enrollment, goal, PROP_GOAL)
ASSAY_RECORD_ENUM (AssayEnrollment, assay_enrollment, preapproval, AssayPreapproval, PROP_PREAPPROVAL)
ASSAY_RECORD_STRING (AssayEnrollment, assay_enrollment, preapproved_on, PROP_PREAPPROVED_ON)
ASSAY_RECORD_STRING (AssayEnrollment, assay_enrollment, deadline, PROP_DEADLINE)
ASSAY_RECORD_ENUM (AssayEnrollment, assay_enrollment, status, AssayEnrollmentStatus, PROP_STATUS)

static gboolean
assay_enrollment_validate (AssayRecord  *record,
                           GError      **error)
{
  AssayEnrollment *self = ASSAY_ENROLLMENT (record);

  if (!assay_model_check_text (assay_enrollment_get_earner_id (self), _("An enrollment needs an earner"), error))
    return FALSE;
  if (!assay_model_check_text (assay_enrollment_get_credential_lineage_id (self), _("An enrollment needs a credential"), error))
    return FALSE;
  if (!assay_model_check_date (assay_enrollment_get_preapproved_on (self), _("The pre-approval date is not a real day (YYYY-MM-DD)"), error))
    return FALSE;
  if (!assay_model_check_date (assay_enrollment_get_deadline (self), _("The deadline is not a real day (YYYY-MM-DD)"), error))
    return FALSE;

  return TRUE;
}

static void
assay_enrollment_class_init (AssayEnrollmentClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_enrollment_validate;

  properties[PROP_EARNER_ID] = g_param_spec_string ("earner-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREDENTIAL_LINEAGE_ID] = g_param_spec_string ("credential-lineage-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_GOAL] = g_param_spec_string ("goal", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_PREAPPROVAL] = g_param_spec_enum ("preapproval", NULL, NULL, ASSAY_TYPE_PREAPPROVAL,
                                                    ASSAY_PREAPPROVAL_NOT_REQUESTED, ASSAY_COLUMN_FLAGS);
  properties[PROP_PREAPPROVED_ON] = g_param_spec_string ("preapproved-on", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DEADLINE] = g_param_spec_string ("deadline", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ASSAY_TYPE_ENROLLMENT_STATUS,
                                               ASSAY_ENROLLMENT_STATUS_PLANNED, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "enrollment", N_("enrollment"),
                                         N_PROPS, properties);
}

static void
assay_enrollment_init (AssayEnrollment *self)
{
}

AssayEnrollment *
assay_enrollment_new (const char *earner_id,
                      const char *credential_lineage_id)
{
  return g_object_new (ASSAY_TYPE_ENROLLMENT,
                       "earner-id", earner_id,
                       "credential-lineage-id", credential_lineage_id,
                       NULL);
}
