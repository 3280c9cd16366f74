/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_STACK_MEMBER (assay_stack_member_get_type ())

G_DECLARE_FINAL_TYPE (AssayStackMember, assay_stack_member, ASSAY, STACK_MEMBER, AssayRecord)

AssayStackMember *assay_stack_member_new                       (const char *stack_id,
                                                                const char *credential_lineage_id);

const char       *assay_stack_member_get_stack_id              (AssayStackMember *self);
void              assay_stack_member_set_stack_id              (AssayStackMember *self,
                                                                const char       *stack_id);
const char       *assay_stack_member_get_credential_lineage_id (AssayStackMember *self);
void              assay_stack_member_set_credential_lineage_id (AssayStackMember *self,
                                                                const char       *credential_lineage_id);
gint64            assay_stack_member_get_position              (AssayStackMember *self);
void              assay_stack_member_set_position              (AssayStackMember *self,
                                                                gint64            position);

G_END_DECLS
