/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_PACKET (assay_packet_get_type ())

G_DECLARE_FINAL_TYPE (AssayPacket, assay_packet, ASSAY, PACKET, AssayRecord)

AssayPacket        *assay_packet_new               (const char *credential_id,
                                                    const char *framework_id);

const char         *assay_packet_get_credential_id (AssayPacket *self);
void                assay_packet_set_credential_id (AssayPacket *self,
                                                    const char  *credential_id);
const char         *assay_packet_get_framework_id  (AssayPacket *self);
void                assay_packet_set_framework_id  (AssayPacket *self,
                                                    const char  *framework_id);
gint64              assay_packet_get_round         (AssayPacket *self);
void                assay_packet_set_round         (AssayPacket *self,
                                                    gint64       round);
const char         *assay_packet_get_submitted_on  (AssayPacket *self);
void                assay_packet_set_submitted_on  (AssayPacket *self,
                                                    const char  *submitted_on);
const char         *assay_packet_get_due_on        (AssayPacket *self);
void                assay_packet_set_due_on        (AssayPacket *self,
                                                    const char  *due_on);
AssayPacketOutcome  assay_packet_get_outcome       (AssayPacket *self);
void                assay_packet_set_outcome       (AssayPacket        *self,
                                                    AssayPacketOutcome  outcome);
const char         *assay_packet_get_feedback      (AssayPacket *self);
void                assay_packet_set_feedback      (AssayPacket *self,
                                                    const char  *feedback);
GDateTime          *assay_packet_get_created_at    (AssayPacket *self);
void                assay_packet_set_created_at    (AssayPacket *self,
                                                    GDateTime   *created_at);

G_END_DECLS
