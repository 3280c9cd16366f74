/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_AUDIT_EVENT (assay_audit_event_get_type ())

G_DECLARE_FINAL_TYPE (AssayAuditEvent, assay_audit_event, ASSAY, AUDIT_EVENT, AssayRecord)

AssayAuditEvent *assay_audit_event_new              (const char *action,
                                                     const char *subject_kind,
                                                     const char *subject_id);

gint64           assay_audit_event_get_seq          (AssayAuditEvent *self);
void             assay_audit_event_set_seq          (AssayAuditEvent *self,
                                                     gint64           seq);
GDateTime       *assay_audit_event_get_at           (AssayAuditEvent *self);
void             assay_audit_event_set_at           (AssayAuditEvent *self,
                                                     GDateTime       *at);
const char      *assay_audit_event_get_actor_id     (AssayAuditEvent *self);
void             assay_audit_event_set_actor_id     (AssayAuditEvent *self,
                                                     const char      *actor_id);
const char      *assay_audit_event_get_action       (AssayAuditEvent *self);
void             assay_audit_event_set_action       (AssayAuditEvent *self,
                                                     const char      *action);
const char      *assay_audit_event_get_subject_kind (AssayAuditEvent *self);
void             assay_audit_event_set_subject_kind (AssayAuditEvent *self,
                                                     const char      *subject_kind);
const char      *assay_audit_event_get_subject_id   (AssayAuditEvent *self);
void             assay_audit_event_set_subject_id   (AssayAuditEvent *self,
                                                     const char      *subject_id);
const char      *assay_audit_event_get_detail       (AssayAuditEvent *self);
void             assay_audit_event_set_detail       (AssayAuditEvent *self,
                                                     const char      *detail);
const char      *assay_audit_event_get_prev_hash    (AssayAuditEvent *self);
void             assay_audit_event_set_prev_hash    (AssayAuditEvent *self,
                                                     const char      *prev_hash);
const char      *assay_audit_event_get_row_hash     (AssayAuditEvent *self);
void             assay_audit_event_set_row_hash     (AssayAuditEvent *self,
                                                     const char      *row_hash);

G_END_DECLS
