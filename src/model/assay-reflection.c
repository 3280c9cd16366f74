/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-reflection.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayReflection
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayReflection, assay_reflection, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SUBMISSION_ID,
  PROP_POSITION,
  PROP_CRITERION_ID,
  PROP_PROMPT,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayReflection, assay_reflection, submission_id, PROP_SUBMISSION_ID)
ASSAY_RECORD_INT (AssayReflection, assay_reflection, position, PROP_POSITION)
ASSAY_RECORD_STRING (AssayReflection, assay_reflection, criterion_id, PROP_CRITERION_ID)
ASSAY_RECORD_STRING (AssayReflection, assay_reflection, prompt, PROP_PROMPT)
ASSAY_RECORD_STRING (AssayReflection, assay_reflection, body, PROP_BODY)

static gboolean
assay_reflection_validate (AssayRecord  *record,
                           GError      **error)
{
  AssayReflection *self = ASSAY_REFLECTION (record);

  if (!assay_model_check_text (assay_reflection_get_submission_id (self), _("A reflection belongs to a submission"), error))
    return FALSE;
  if (assay_reflection_get_body (self) == NULL)
    return assay_model_invalid (_("A reflection needs a body, even an empty one"), error);

  return TRUE;
}

static void
assay_reflection_class_init (AssayReflectionClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_reflection_validate;

  properties[PROP_SUBMISSION_ID] = g_param_spec_string ("submission-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_CRITERION_ID] = g_param_spec_string ("criterion-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "reflection", N_("reflection"),
                                         N_PROPS, properties);
}

static void
assay_reflection_init (AssayReflection *self)
{
}

AssayReflection *
assay_reflection_new (const char *submission_id)
{
  return g_object_new (ASSAY_TYPE_REFLECTION, "submission-id", submission_id, NULL);
}
