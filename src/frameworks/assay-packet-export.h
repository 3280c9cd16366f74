/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-framework.h"
#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

/* Typesets @packet as a PDF: title page, contents with page numbers, a
 * section per standard with the indicator table (text, rating), each
 * narrative and the documents attached, and a list of attachments. With
 * @zip, also a zip holding the PDF and every attached document. Writes to
 * temporary files first: a failure leaves nothing at @pdf or @zip. */
gboolean assay_packet_export (AssayStore     *store,
                              AssayPacket    *packet,
                              AssayFramework *framework,
                              GFile          *pdf,
                              GFile          *zip,
                              GCancellable   *cancellable,
                              GError        **error);

/* The same in two steps: a copy taken on the main thread, written on a
 * worker (GTask) with progress kept off the main loop. */
typedef struct _AssayPacketExport AssayPacketExport;

AssayPacketExport *assay_packet_export_prepare (AssayStore         *store,
                                                AssayPacket        *packet,
                                                AssayFramework     *framework,
                                                GError            **error);
gboolean           assay_packet_export_write   (AssayPacketExport  *data,
                                                GFile              *pdf,
                                                GFile              *zip,
                                                GCancellable       *cancellable,
                                                GError            **error);
void               assay_packet_export_free    (AssayPacketExport  *data);

G_END_DECLS
