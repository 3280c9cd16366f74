/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_BLOB_STORE (assay_blob_store_get_type ())

G_DECLARE_FINAL_TYPE (AssayBlobStore, assay_blob_store, ASSAY, BLOB_STORE, GObject)

AssayBlobStore *assay_blob_store_new               (const char      *workspace,
                                                    gboolean         read_only,
                                                    GError         **error);
const char     *assay_blob_store_get_directory     (AssayBlobStore  *self);
char           *assay_blob_store_get_path          (AssayBlobStore  *self,
                                                    const char      *sha256);
gboolean        assay_blob_store_contains          (AssayBlobStore  *self,
                                                    const char      *sha256);
char           *assay_blob_store_write             (AssayBlobStore  *self,
                                                    GInputStream    *input,
                                                    gboolean        *created,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
char           *assay_blob_store_write_bytes       (AssayBlobStore  *self,
                                                    GBytes          *bytes,
                                                    gboolean        *created,
                                                    GError         **error);
gboolean        assay_blob_store_verify            (AssayBlobStore  *self,
                                                    const char      *sha256,
                                                    GError         **error);
gboolean        assay_blob_store_remove            (AssayBlobStore  *self,
                                                    const char      *sha256,
                                                    GError         **error);
GPtrArray      *assay_blob_store_list              (AssayBlobStore  *self);
guint           assay_blob_store_sweep_temporaries (AssayBlobStore  *self);

G_END_DECLS
