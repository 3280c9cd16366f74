/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-stack-member.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayStackMember
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayStackMember, assay_stack_member, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STACK_ID,
  PROP_CREDENTIAL_LINEAGE_ID,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayStackMember, assay_stack_member, stack_id, PROP_STACK_ID)
ASSAY_RECORD_STRING (AssayStackMember, assay_stack_member, credential_lineage_id, PROP_CREDENTIAL_LINEAGE_ID)
ASSAY_RECORD_INT (AssayStackMember, assay_stack_member, position, PROP_POSITION)

static gboolean
assay_stack_member_validate (AssayRecord  *record,
                             GError      **error)
{
  AssayStackMember *self = ASSAY_STACK_MEMBER (record);

  if (!assay_model_check_text (assay_stack_member_get_stack_id (self), _("A stack member belongs to a stack"), error))
    return FALSE;
  if (!assay_model_check_text (assay_stack_member_get_credential_lineage_id (self), _("A stack member needs a credential"), error))
    return FALSE;

  return TRUE;
}

static void
assay_stack_member_class_init (AssayStackMemberClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_stack_member_validate;

  properties[PROP_STACK_ID] = g_param_spec_string ("stack-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREDENTIAL_LINEAGE_ID] = g_param_spec_string ("credential-lineage-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "stack_member", N_("stack member"),
                                         N_PROPS, properties);
}

static void
assay_stack_member_init (AssayStackMember *self)
{
}

AssayStackMember *
assay_stack_member_new (const char *stack_id,
                        const char *credential_lineage_id)
{
  return g_object_new (ASSAY_TYPE_STACK_MEMBER,
                       "stack-id", stack_id,
                       "credential-lineage-id", credential_lineage_id,
                       NULL);
}
