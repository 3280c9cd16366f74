/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_PACKET_ITEM (assay_packet_item_get_type ())

G_DECLARE_FINAL_TYPE (AssayPacketItem, assay_packet_item, ASSAY, PACKET_ITEM, AssayRecord)

AssayPacketItem    *assay_packet_item_new           (const char *packet_id,
                                                     const char *indicator);

const char         *assay_packet_item_get_packet_id (AssayPacketItem *self);
void                assay_packet_item_set_packet_id (AssayPacketItem *self,
                                                     const char      *packet_id);
const char         *assay_packet_item_get_indicator (AssayPacketItem *self);
void                assay_packet_item_set_indicator (AssayPacketItem *self,
                                                     const char      *indicator);
AssayRating         assay_packet_item_get_rating    (AssayPacketItem *self);
void                assay_packet_item_set_rating    (AssayPacketItem *self,
                                                     AssayRating      rating);
const char         *assay_packet_item_get_narrative (AssayPacketItem *self);
void                assay_packet_item_set_narrative (AssayPacketItem *self,
                                                     const char      *narrative);
const char * const *assay_packet_item_get_documents (AssayPacketItem *self);
void                assay_packet_item_set_documents (AssayPacketItem    *self,
                                                     const char * const *documents);

G_END_DECLS
