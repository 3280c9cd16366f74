/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-criterion.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayCriterion
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayCriterion, assay_criterion, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_RUBRIC_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayCriterion, assay_criterion, rubric_id, PROP_RUBRIC_ID)
ASSAY_RECORD_INT (AssayCriterion, assay_criterion, position, PROP_POSITION)
ASSAY_RECORD_STRING (AssayCriterion, assay_criterion, title, PROP_TITLE)
ASSAY_RECORD_STRING (AssayCriterion, assay_criterion, description, PROP_DESCRIPTION)

static gboolean
assay_criterion_validate (AssayRecord  *record,
                          GError      **error)
{
  AssayCriterion *self = ASSAY_CRITERION (record);

  if (!assay_model_check_text (assay_criterion_get_rubric_id (self), _("A criterion belongs to a rubric"), error))
    return FALSE;
  if (!assay_model_check_text (assay_criterion_get_title (self), _("A criterion needs a title"), error))
    return FALSE;

  return TRUE;
}

static void
assay_criterion_class_init (AssayCriterionClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_criterion_validate;

  properties[PROP_RUBRIC_ID] = g_param_spec_string ("rubric-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "criterion", N_("criterion"),
                                         N_PROPS, properties);
}

static void
assay_criterion_init (AssayCriterion *self)
{
}

AssayCriterion *
assay_criterion_new (const char *rubric_id,
                     const char *title)
{
  return g_object_new (ASSAY_TYPE_CRITERION, "rubric-id", rubric_id, "title", title, NULL);
}
