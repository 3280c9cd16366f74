/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-audit-event.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayAuditEvent
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayAuditEvent, assay_audit_event, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_AT,
  PROP_ACTOR_ID,
  PROP_ACTION,
  PROP_SUBJECT_KIND,
  PROP_SUBJECT_ID,
  PROP_DETAIL,
  PROP_PREV_HASH,
  PROP_ROW_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_INT (AssayAuditEvent, assay_audit_event, seq, PROP_SEQ)
ASSAY_RECORD_DATETIME (AssayAuditEvent, assay_audit_event, at, PROP_AT)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, actor_id, PROP_ACTOR_ID)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, action, PROP_ACTION)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, subject_kind, PROP_SUBJECT_KIND)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, subject_id, PROP_SUBJECT_ID)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, detail, PROP_DETAIL)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, prev_hash, PROP_PREV_HASH)
ASSAY_RECORD_STRING (AssayAuditEvent, assay_audit_event, row_hash, PROP_ROW_HASH)

static gboolean
assay_audit_event_validate (AssayRecord  *record,
                            GError      **error)
{
  AssayAuditEvent *self = ASSAY_AUDIT_EVENT (record);

  if (assay_audit_event_get_at (self) == NULL)
    return assay_model_invalid (_("An audit event needs a time"), error);
  if (!assay_model_check_text (assay_audit_event_get_action (self), _("An audit event needs an action"), error))
    return FALSE;
  if (!assay_model_check_text (assay_audit_event_get_subject_kind (self), _("An audit event needs the kind of row it is about"), error))
    return FALSE;
  if (!assay_model_check_text (assay_audit_event_get_subject_id (self), _("An audit event needs the row it is about"), error))
    return FALSE;
  if (!assay_model_check_text (assay_audit_event_get_detail (self), _("An audit event needs its detail"), error))
    return FALSE;
  if (assay_audit_event_get_prev_hash (self) == NULL)
    return assay_model_invalid (_("An audit event needs the hash of the event before it"), error);
  if (*assay_audit_event_get_prev_hash (self) != '\0' &&
      !assay_model_check_hash (assay_audit_event_get_prev_hash (self), _("The previous audit hash is not a SHA-256 hash"), error))
    return FALSE;
  if (assay_audit_event_get_row_hash (self) == NULL)
    return assay_model_invalid (_("An audit event needs its own hash"), error);
  if (!assay_model_check_hash (assay_audit_event_get_row_hash (self), _("The audit hash is not a SHA-256 hash"), error))
    return FALSE;

  return TRUE;
}

static void
assay_audit_event_class_init (AssayAuditEventClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_audit_event_validate;

  properties[PROP_SEQ] = g_param_spec_int64 ("seq", NULL, NULL, 1, G_MAXINT64, 1, ASSAY_COLUMN_FLAGS);
  properties[PROP_AT] = g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_ACTOR_ID] = g_param_spec_string ("actor-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_SUBJECT_KIND] = g_param_spec_string ("subject-kind", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_SUBJECT_ID] = g_param_spec_string ("subject-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "{}", ASSAY_COLUMN_FLAGS);
  properties[PROP_PREV_HASH] = g_param_spec_string ("prev-hash", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ROW_HASH] = g_param_spec_string ("row-hash", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "audit_event", N_("audit event"),
                                         N_PROPS, properties);
}

static void
assay_audit_event_init (AssayAuditEvent *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_audit_event_set_at (self, now);
}

AssayAuditEvent *
assay_audit_event_new (const char *action,
                       const char *subject_kind,
                       const char *subject_id)
{
  return g_object_new (ASSAY_TYPE_AUDIT_EVENT,
                       "action", action,
                       "subject-kind", subject_kind,
                       "subject-id", subject_id,
                       NULL);
}
