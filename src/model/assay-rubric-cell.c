/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-rubric-cell.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayRubricCell
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayRubricCell, assay_rubric_cell, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CRITERION_ID,
  PROP_LEVEL_ID,
  PROP_DESCRIPTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayRubricCell, assay_rubric_cell, criterion_id, PROP_CRITERION_ID)
ASSAY_RECORD_STRING (AssayRubricCell, assay_rubric_cell, level_id, PROP_LEVEL_ID)
ASSAY_RECORD_STRING (AssayRubricCell, assay_rubric_cell, descriptor, PROP_DESCRIPTOR)

static gboolean
assay_rubric_cell_validate (AssayRecord  *record,
                            GError      **error)
{
  AssayRubricCell *self = ASSAY_RUBRIC_CELL (record);

  if (!assay_model_check_text (assay_rubric_cell_get_criterion_id (self), _("A rubric cell belongs to a criterion"), error))
    return FALSE;
  if (!assay_model_check_text (assay_rubric_cell_get_level_id (self), _("A rubric cell belongs to a level"), error))
    return FALSE;

  return TRUE;
}

static void
assay_rubric_cell_class_init (AssayRubricCellClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_rubric_cell_validate;

  properties[PROP_CRITERION_ID] = g_param_spec_string ("criterion-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_LEVEL_ID] = g_param_spec_string ("level-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DESCRIPTOR] = g_param_spec_string ("descriptor", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "rubric_cell", N_("rubric cell"),
                                         N_PROPS, properties);
}

static void
assay_rubric_cell_init (AssayRubricCell *self)
{
}

AssayRubricCell *
assay_rubric_cell_new (const char *criterion_id,
                       const char *level_id,
                       const char *descriptor)
{
  return g_object_new (ASSAY_TYPE_RUBRIC_CELL,
                       "criterion-id", criterion_id,
                       "level-id", level_id,
                       "descriptor", descriptor,
                       NULL);
}
