/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-level.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayLevel
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayLevel, assay_level, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_RUBRIC_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_POINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayLevel, assay_level, rubric_id, PROP_RUBRIC_ID)
ASSAY_RECORD_INT (AssayLevel, assay_level, position, PROP_POSITION)
ASSAY_RECORD_STRING (AssayLevel, assay_level, name, PROP_NAME)
ASSAY_RECORD_INT (AssayLevel, assay_level, points, PROP_POINTS)

static gboolean
assay_level_validate (AssayRecord  *record,
                      GError      **error)
{
  AssayLevel *self = ASSAY_LEVEL (record);

  if (!assay_model_check_text (assay_level_get_rubric_id (self), _("A level belongs to a rubric"), error))
    return FALSE;
  if (!assay_model_check_text (assay_level_get_name (self), _("A level needs a name"), error))
    return FALSE;

  return TRUE;
}

static void
assay_level_class_init (AssayLevelClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_level_validate;

  properties[PROP_RUBRIC_ID] = g_param_spec_string ("rubric-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POINTS] = g_param_spec_int64 ("points", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "level", N_("level"),
                                         N_PROPS, properties);
}

static void
assay_level_init (AssayLevel *self)
{
}

AssayLevel *
assay_level_new (const char *rubric_id,
                 const char *name,
                 gint64      points)
{
  return g_object_new (ASSAY_TYPE_LEVEL,
                       "rubric-id", rubric_id,
                       "name", name,
                       "points", points,
                       NULL);
}
