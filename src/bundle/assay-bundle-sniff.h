/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many leading bytes of a file the sniffer looks at. */
#define ASSAY_BUNDLE_SNIFF_BYTES 4096

char *assay_bundle_sniff_media_type (const char   *name,
                                     const guint8 *head,
                                     gsize         head_length,
                                     gboolean      complete);

G_END_DECLS
