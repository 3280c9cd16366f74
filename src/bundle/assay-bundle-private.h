/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <archive.h>
#include <nettle/sha2.h>

#include "assay-bundle.h"
#include "assay-bundle-sniff.h"

G_BEGIN_DECLS

#define _ASSAY_BUNDLE_READ_CHUNK (256 * 1024)

/* The state of one assay_bundle_read(), shared with the entry stream */
typedef struct
{
  int                       fd;
  guint64                   file_size;
  guint64                   position;     /* of the next read */
  guint64                   delivered;    /* bytes handed to libarchive */
  guint8                   *buffer;

  /* the SHA-256 of the whole file, computed on a thread of its own */
  GThread                  *hash_thread;
  gint                      hash_stop;    /* atomic: the read failed */

  struct archive           *archive;
  const AssayBundleLimits  *limits;
  AssayBundleProgress       progress;
  gpointer                  user_data;
  GCancellable             *cancellable;
  guint                     files_done;
  guint64                   total_produced;

  /* the entry being read */
  const char               *entry_name;
  guint64                   entry_produced;
  guint64                   entry_delivered_at_start;
  gint64                    entry_declared;
  guint8                    head[ASSAY_BUNDLE_SNIFF_BYTES];
  gsize                     head_length;
} AssayBundleReader;

GInputStream *_assay_bundle_entry_stream_new (AssayBundleReader *reader);

char *_assay_bundle_path_from_zip   (const char  *utf8_name,
                                     const char  *raw_name,
                                     gboolean     is_directory,
                                     guint        max_path_bytes,
                                     GError     **error);
gboolean _assay_bundle_path_is_junk (const char  *path);
char *_assay_bundle_sha256_hex      (const guint8 *digest);

G_END_DECLS
