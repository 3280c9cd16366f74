/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-conflict.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayConflict
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayConflict, assay_conflict, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_KIND,
  PROP_TARGET,
  PROP_NOTE,
  PROP_DECLARED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayConflict, assay_conflict, person_id, PROP_PERSON_ID)
ASSAY_RECORD_ENUM (AssayConflict, assay_conflict, kind, AssayConflictKind, PROP_KIND)
ASSAY_RECORD_STRING (AssayConflict, assay_conflict, target, PROP_TARGET)
ASSAY_RECORD_STRING (AssayConflict, assay_conflict, note, PROP_NOTE)
ASSAY_RECORD_DATETIME (AssayConflict, assay_conflict, declared_at, PROP_DECLARED_AT)

static gboolean
assay_conflict_validate (AssayRecord  *record,
                         GError      **error)
{
  AssayConflict *self = ASSAY_CONFLICT (record);

  if (!assay_model_check_text (assay_conflict_get_person_id (self), _("A conflict of interest belongs to a person"), error))
    return FALSE;
  if (!assay_model_check_text (assay_conflict_get_target (self), _("A conflict of interest needs to name whom or what it is with"), error))
    return FALSE;
  if (assay_conflict_get_declared_at (self) == NULL)
    return assay_model_invalid (_("A conflict of interest needs the time it was declared"), error);

  return TRUE;
}

static void
assay_conflict_class_init (AssayConflictClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_conflict_validate;

  properties[PROP_PERSON_ID] = g_param_spec_string ("person-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ASSAY_TYPE_CONFLICT_KIND,
                                             ASSAY_CONFLICT_KIND_EARNER, ASSAY_COLUMN_FLAGS);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DECLARED_AT] = g_param_spec_boxed ("declared-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "conflict", N_("conflict of interest"),
                                         N_PROPS, properties);
}

static void
assay_conflict_init (AssayConflict *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_conflict_set_declared_at (self, now);
}

AssayConflict *
assay_conflict_new (const char        *person_id,
                    AssayConflictKind  kind,
                    const char        *target)
{
  return g_object_new (ASSAY_TYPE_CONFLICT,
                       "person-id", person_id,
                       "kind", kind,
                       "target", target,
                       NULL);
}
