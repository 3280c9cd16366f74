/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-qualification.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayQualification
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayQualification, assay_qualification, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_COMPETENCY_AREA,
  PROP_CREDENTIAL_LINEAGE_ID,
  PROP_TRAINED_ON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayQualification, assay_qualification, person_id, PROP_PERSON_ID)
ASSAY_RECORD_STRING (AssayQualification, assay_qualification, competency_area, PROP_COMPETENCY_AREA)
ASSAY_RECORD_STRING (AssayQualification, assay_qualification, credential_lineage_id, PROP_CREDENTIAL_LINEAGE_ID)
ASSAY_RECORD_STRING (AssayQualification, assay_qualification, trained_on, PROP_TRAINED_ON)
ASSAY_RECORD_STRING (AssayQualification, assay_qualification, note, PROP_NOTE)

static gboolean
assay_qualification_validate (AssayRecord  *record,
                              GError      **error)
{
  AssayQualification *self = ASSAY_QUALIFICATION (record);

  if (!assay_model_check_text (assay_qualification_get_person_id (self), _("A qualification belongs to a person"), error))
    return FALSE;
  if (!assay_model_check_date (assay_qualification_get_trained_on (self), _("The training date is not a real day (YYYY-MM-DD)"), error))
    return FALSE;

  return TRUE;
}

static void
assay_qualification_class_init (AssayQualificationClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_qualification_validate;

  properties[PROP_PERSON_ID] = g_param_spec_string ("person-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_COMPETENCY_AREA] = g_param_spec_string ("competency-area", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREDENTIAL_LINEAGE_ID] = g_param_spec_string ("credential-lineage-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_TRAINED_ON] = g_param_spec_string ("trained-on", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "qualification", N_("qualification"),
                                         N_PROPS, properties);
}

static void
assay_qualification_init (AssayQualification *self)
{
}

AssayQualification *
assay_qualification_new (const char *person_id)
{
  return g_object_new (ASSAY_TYPE_QUALIFICATION, "person-id", person_id, NULL);
}
