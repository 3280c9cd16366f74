/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "assay-blob-store.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_STORE (assay_store_get_type ())

G_DECLARE_FINAL_TYPE (AssayStore, assay_store, ASSAY, STORE, GObject)

#define ASSAY_STORE_ERROR (assay_store_error_quark ())

typedef enum
{
  ASSAY_STORE_ERROR_BUSY,        /* another process holds the workspace */
  ASSAY_STORE_ERROR_CORRUPT,     /* not an Assay database, or damaged */
  ASSAY_STORE_ERROR_NEWER,       /* made by a newer Assay */
  ASSAY_STORE_ERROR_IO,          /* folder unwritable, disk full, … */
  ASSAY_STORE_ERROR_CONSTRAINT,  /* the data breaks a rule of the workspace */
  ASSAY_STORE_ERROR_FROZEN,      /* a published credential cannot change */
  ASSAY_STORE_ERROR_NOT_FOUND,
  ASSAY_STORE_ERROR_READ_ONLY,
} AssayStoreError;

typedef enum
{
  ASSAY_STORE_OPEN_DEFAULT   = 0,
  ASSAY_STORE_OPEN_READ_ONLY = 1 << 0, /* no lock, no migration, no writes */
  ASSAY_STORE_OPEN_EXISTING  = 1 << 1, /* refuse to create a new workspace */
} AssayStoreOpenFlags;

typedef enum
{
  ASSAY_STORE_CHANGE_INSERTED,
  ASSAY_STORE_CHANGE_UPDATED,
  ASSAY_STORE_CHANGE_DELETED,
} AssayStoreChange;

#define ASSAY_STORE_SCHEMA_VERSION 1

GQuark          assay_store_error_quark       (void);

AssayStore     *assay_store_open              (const char           *directory,
                                               AssayStoreOpenFlags   flags,
                                               GError              **error);
void            assay_store_close             (AssayStore           *self);
const char     *assay_store_get_directory     (AssayStore           *self);
gboolean        assay_store_get_read_only     (AssayStore           *self);
AssayBlobStore *assay_store_get_blobs         (AssayStore           *self);
char           *assay_store_default_directory (void);

gpointer        assay_store_lookup            (AssayStore           *self,
                                               GType                 type,
                                               const char           *id,
                                               GError              **error);
GListModel     *assay_store_list              (AssayStore           *self,
                                               GType                 type,
                                               const char           *filter_column,
                                               const char           *filter_value,
                                               const char           *sort_column);
GPtrArray      *assay_store_query             (AssayStore           *self,
                                               GType                 type,
                                               const char           *filter_column,
                                               const char           *filter_value,
                                               const char           *sort_column);
guint           assay_store_count             (AssayStore           *self,
                                               GType                 type);

gboolean        assay_store_begin             (AssayStore           *self,
                                               GError              **error);
gboolean        assay_store_commit            (AssayStore           *self,
                                               GError              **error);
void            assay_store_rollback          (AssayStore           *self);
gboolean        assay_store_in_transaction    (AssayStore           *self);

gboolean        assay_store_save              (AssayStore           *self,
                                               gpointer              record,
                                               GError              **error);
gboolean        assay_store_delete            (AssayStore           *self,
                                               gpointer              record,
                                               GError              **error);
void            assay_store_revert            (AssayStore           *self,
                                               gpointer              record);
gboolean        assay_store_append_audit      (AssayStore           *self,
                                               const char           *actor_id,
                                               const char           *action,
                                               AssayRecord          *subject,
                                               const char           *detail_json,
                                               GError              **error);

GPtrArray      *assay_store_check             (AssayStore           *self,
                                               GError              **error);

G_END_DECLS
