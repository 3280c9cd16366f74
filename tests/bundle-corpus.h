/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the test bundles at test time: zips made with libarchive's writer,
 * then patched byte by byte for what the writer will not produce. */

typedef struct _CorpusZip CorpusZip;

CorpusZip *corpus_zip_new          (const char   *path,
                                    const char   *options);
void       corpus_zip_add          (CorpusZip    *zip,
                                    const char   *name,
                                    const void   *data,
                                    gssize        length);
void       corpus_zip_add_streamed (CorpusZip    *zip,
                                    const char   *name,
                                    const void   *data,
                                    gsize         length);
void       corpus_zip_add_zeros    (CorpusZip    *zip,
                                    const char   *name,
                                    guint64       size);
void       corpus_zip_add_dir      (CorpusZip    *zip,
                                    const char   *name);
void       corpus_zip_add_symlink  (CorpusZip    *zip,
                                    const char   *name,
                                    const char   *target);
void       corpus_zip_close        (CorpusZip    *zip);

/* Patches of a written zip; @index counts central directory entries */
void       corpus_replace_bytes    (const char   *path,
                                    const char   *from,
                                    const char   *to,
                                    gsize         length);
void       corpus_set_flag_bits    (const char   *path,
                                    guint         index,
                                    guint16       bits);
void       corpus_set_unix_mode    (const char   *path,
                                    guint         index,
                                    guint32       mode);
void       corpus_set_sizes        (const char   *path,
                                    guint         index,
                                    guint32       uncompressed);
void       corpus_truncate         (const char   *path,
                                    gsize         length);
gsize      corpus_data_offset      (const char   *path,
                                    guint         index);

char      *corpus_sha256           (const void   *data,
                                    gsize         length);
char      *corpus_manifest         (const char   *format,
                                    const char   *first_path,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
