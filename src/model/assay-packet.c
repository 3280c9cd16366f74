/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-packet.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayPacket
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayPacket, assay_packet, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CREDENTIAL_ID,
  PROP_FRAMEWORK_ID,
  PROP_ROUND,
  PROP_SUBMITTED_ON,
  PROP_DUE_ON,
  PROP_OUTCOME,
  PROP_FEEDBACK,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayPacket, assay_packet, credential_id, PROP_CREDENTIAL_ID)
ASSAY_RECORD_STRING (AssayPacket, assay_packet, framework_id, PROP_FRAMEWORK_ID)
ASSAY_RECORD_INT (AssayPacket, assay_packet, round, PROP_ROUND)
ASSAY_RECORD_STRING (AssayPacket, assay_packet, submitted_on, PROP_SUBMITTED_ON)
ASSAY_RECORD_STRING (AssayPacket, assay_packet, due_on, PROP_DUE_ON)
ASSAY_RECORD_ENUM (AssayPacket, assay_packet, outcome, AssayPacketOutcome, PROP_OUTCOME)
ASSAY_RECORD_STRING (AssayPacket, assay_packet, feedback, PROP_FEEDBACK)
ASSAY_RECORD_DATETIME (AssayPacket, assay_packet, created_at, PROP_CREATED_AT)

static gboolean
assay_packet_validate (AssayRecord  *record,
                       GError      **error)
{
  AssayPacket *self = ASSAY_PACKET (record);

  if (!assay_model_check_text (assay_packet_get_credential_id (self), _("An approval packet belongs to a credential"), error))
    return FALSE;
  if (!assay_model_check_text (assay_packet_get_framework_id (self), _("An approval packet needs a framework"), error))
    return FALSE;
  if (!assay_model_check_date (assay_packet_get_submitted_on (self), _("The submission date is not a real day (YYYY-MM-DD)"), error))
    return FALSE;
  if (!assay_model_check_date (assay_packet_get_due_on (self), _("The due date is not a real day (YYYY-MM-DD)"), error))
    return FALSE;
  if (assay_packet_get_created_at (self) == NULL)
    return assay_model_invalid (_("An approval packet needs a creation time"), error);

  return TRUE;
}

static void
assay_packet_class_init (AssayPacketClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_packet_validate;

  properties[PROP_CREDENTIAL_ID] = g_param_spec_string ("credential-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_FRAMEWORK_ID] = g_param_spec_string ("framework-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ROUND] = g_param_spec_int64 ("round", NULL, NULL, 1, G_MAXINT32, 1, ASSAY_COLUMN_FLAGS);
  properties[PROP_SUBMITTED_ON] = g_param_spec_string ("submitted-on", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, ASSAY_TYPE_PACKET_OUTCOME,
                                                ASSAY_PACKET_OUTCOME_DRAFT, ASSAY_COLUMN_FLAGS);
  properties[PROP_FEEDBACK] = g_param_spec_string ("feedback", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "packet", N_("approval packet"),
                                         N_PROPS, properties);
}

static void
assay_packet_init (AssayPacket *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_packet_set_created_at (self, now);
}

AssayPacket *
assay_packet_new (const char *credential_id,
                  const char *framework_id)
{
  return g_object_new (ASSAY_TYPE_PACKET,
                       "credential-id", credential_id,
                       "framework-id", framework_id,
                       NULL);
}
