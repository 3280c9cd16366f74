/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-framework.h"
#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

/* One document attached to an indicator: a blob and the file's name. */
typedef struct
{
  char *sha256;
  char *name;
} AssayPacketDocument;

typedef enum
{
  ASSAY_DERIVED_UNKNOWN,   /* Assay sees something, but cannot tell */
  ASSAY_DERIVED_MET,
  ASSAY_DERIVED_NOT_MET,
} AssayDerivedState;

/* What the credential's own data says about an indicator. */
typedef struct
{
  AssayDerivedState  state;
  char              *explanation;
  const char        *link;   /* "rubric", "credential", "resources" or "assessors" */
} AssayDerivedAnswer;

void              assay_derived_answer_free          (AssayDerivedAnswer  *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AssayDerivedAnswer, assay_derived_answer_free)

AssayDerivedAnswer *assay_store_packet_derive        (AssayStore          *self,
                                                      AssayCredential     *credential,
                                                      const char          *framework_id,
                                                      const char          *indicator_id);
GPtrArray        *assay_store_packet_readiness       (AssayStore          *self,
                                                      AssayPacket         *packet,
                                                      AssayFramework      *framework,
                                                      AssayCredential     *credential);

void              assay_packet_document_free         (AssayPacketDocument *document);
GPtrArray        *assay_packet_item_dup_documents    (AssayPacketItem     *item);

AssayPacket      *assay_store_packet_current         (AssayStore          *self,
                                                      const char          *credential_id,
                                                      const char          *framework_id);
GPtrArray        *assay_store_packet_rounds          (AssayStore          *self,
                                                      const char          *credential_id,
                                                      const char          *framework_id);
AssayPacket      *assay_store_packet_ensure          (AssayStore          *self,
                                                      AssayCredential     *credential,
                                                      AssayFramework      *framework,
                                                      GError             **error);
GPtrArray        *assay_store_packet_items           (AssayStore          *self,
                                                      AssayPacket         *packet,
                                                      AssayFramework      *framework);
gboolean          assay_store_packet_rate            (AssayStore          *self,
                                                      AssayPacketItem     *item,
                                                      AssayRating          rating,
                                                      const char          *narrative,
                                                      GError             **error);
gboolean          assay_store_packet_attach          (AssayStore          *self,
                                                      AssayPacketItem     *item,
                                                      GFile               *file,
                                                      GError             **error);
gboolean          assay_store_packet_submit          (AssayStore          *self,
                                                      AssayPacket         *packet,
                                                      const char          *submitted_on,
                                                      int                  review_days,
                                                      GError             **error);
gboolean          assay_store_packet_record_outcome  (AssayStore          *self,
                                                      AssayPacket         *packet,
                                                      AssayPacketOutcome   outcome,
                                                      const char          *feedback,
                                                      GError             **error);
AssayPacket      *assay_store_packet_start_round     (AssayStore          *self,
                                                      AssayPacket         *packet,
                                                      GError             **error);

G_END_DECLS
