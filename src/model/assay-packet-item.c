/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-packet-item.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayPacketItem
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayPacketItem, assay_packet_item, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PACKET_ID,
  PROP_INDICATOR,
  PROP_RATING,
  PROP_NARRATIVE,
  PROP_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayPacketItem, assay_packet_item, packet_id, PROP_PACKET_ID)
ASSAY_RECORD_STRING (AssayPacketItem, assay_packet_item, indicator, PROP_INDICATOR)
ASSAY_RECORD_ENUM (AssayPacketItem, assay_packet_item, rating, AssayRating, PROP_RATING)
ASSAY_RECORD_STRING (AssayPacketItem, assay_packet_item, narrative, PROP_NARRATIVE)
ASSAY_RECORD_STRV (AssayPacketItem, assay_packet_item, documents, PROP_DOCUMENTS)

static gboolean
assay_packet_item_validate (AssayRecord  *record,
                            GError      **error)
{
  AssayPacketItem *self = ASSAY_PACKET_ITEM (record);

  if (!assay_model_check_text (assay_packet_item_get_packet_id (self), _("A packet item belongs to a packet"), error))
    return FALSE;
  if (!assay_model_check_text (assay_packet_item_get_indicator (self), _("A packet item needs an indicator"), error))
    return FALSE;

  return TRUE;
}

static void
assay_packet_item_class_init (AssayPacketItemClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_packet_item_validate;

  properties[PROP_PACKET_ID] = g_param_spec_string ("packet-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_RATING] = g_param_spec_enum ("rating", NULL, NULL, ASSAY_TYPE_RATING,
                                               ASSAY_RATING_UNRATED, ASSAY_COLUMN_FLAGS);
  properties[PROP_NARRATIVE] = g_param_spec_string ("narrative", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DOCUMENTS] = g_param_spec_boxed ("documents", NULL, NULL, G_TYPE_STRV, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "packet_item", N_("packet item"),
                                         N_PROPS, properties);
}

static void
assay_packet_item_init (AssayPacketItem *self)
{
}

AssayPacketItem *
assay_packet_item_new (const char *packet_id,
                       const char *indicator)
{
  return g_object_new (ASSAY_TYPE_PACKET_ITEM,
                       "packet-id", packet_id,
                       "indicator", indicator,
                       NULL);
}
