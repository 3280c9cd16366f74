/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-framework.h"
#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_PACKET_WINDOW (assay_packet_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayPacketWindow, assay_packet_window, ASSAY, PACKET_WINDOW, AdwWindow)

GtkWindow      *assay_packet_window_present       (AssayStore        *store,
                                                   AssayCredential   *credential,
                                                   GtkWindow         *parent);
void            assay_packet_window_set_framework (AssayPacketWindow *self,
                                                   const char        *framework_id);
AssayPacket    *assay_packet_window_get_packet    (AssayPacketWindow *self);
AssayFramework *assay_packet_window_get_framework (AssayPacketWindow *self);
GtkWidget      *assay_packet_window_get_card      (AssayPacketWindow *self,
                                                   const char        *indicator_id);
guint           assay_packet_window_get_n_missing (AssayPacketWindow *self);
void            assay_packet_window_flush         (AssayPacketWindow *self);
void            assay_packet_window_export_to     (AssayPacketWindow *self,
                                                   GFile             *pdf,
                                                   gboolean           with_documents);
gboolean        assay_packet_window_get_busy      (AssayPacketWindow *self);

G_END_DECLS
