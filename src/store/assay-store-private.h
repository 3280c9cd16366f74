/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "assay-store.h"

G_BEGIN_DECLS

struct _AssayStore
{
  GObject         parent_instance;

  char           *directory;
  sqlite3        *db;
  int             lock_fd;
  gboolean        read_only;
  /* set once open succeeded: only then may closing mark it clean */
  gboolean        opened;
  AssayBlobStore *blobs;

  /* id → AssayRecord, without a reference: one row is one object for as
   * long as anybody holds it, and no longer. */
  GHashTable     *identity;
  /* live AssayRecordLists, without a reference */
  GPtrArray      *lists;
  /* SQL text → prepared statement */
  GHashTable     *statements;

  gboolean        in_transaction;
  /* PendingChange, dispatched on commit, reverted on rollback */
  GArray         *pending;

  /* credential lineage → guint[ASSAY_N_SUBMISSION_STATUSES] */
  GHashTable     *counts;
  gboolean        has_packets;     /* any packet row: worth asking each credential */
  /* lineages the open transaction took submissions from, to count again */
  GHashTable     *stale_lineages;
};

typedef struct
{
  AssayRecord      *record;
  AssayStoreChange  change;
} PendingChange;

/* assay-store.c */
sqlite3_stmt *_assay_store_prepare        (AssayStore    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      _assay_store_set_error      (AssayStore    *self,
                                           int            rc,
                                           GError       **error);
gboolean      _assay_store_exec           (AssayStore    *self,
                                           const char    *sql,
                                           GError       **error);
AssayRecord  *_assay_store_record_from_row (AssayStore   *self,
                                           GType          type,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
void          _assay_store_emit_changed   (AssayStore    *self,
                                           AssayRecord   *record,
                                           AssayStoreChange change);
gboolean      _assay_store_is_tracked     (AssayStore    *self,
                                           const char    *id);
void          _assay_store_track          (AssayStore    *self,
                                           AssayRecord   *record);
void          _assay_store_untrack        (AssayStore    *self,
                                           AssayRecord   *record);
GPtrArray    *_assay_store_dup_tracked    (AssayStore    *self);
/* For tests only: the store's own connection */
sqlite3      *_assay_store_get_db         (AssayStore    *self);

/* assay-store-row.c */
const char   *_assay_store_select_sql     (AssayRecordClass *klass);
const char   *_assay_store_upsert_sql     (AssayRecordClass *klass);
gboolean      _assay_store_bind_record    (sqlite3_stmt  *stmt,
                                           AssayRecord   *record);
gboolean      _assay_store_read_row       (sqlite3_stmt  *stmt,
                                           AssayRecord   *record,
                                           GError       **error);
char         *_assay_store_column_name    (GParamSpec    *pspec);
GParamSpec   *_assay_store_find_column    (AssayRecordClass *klass,
                                           const char    *column);
char         *_assay_store_value_text     (AssayRecord   *record,
                                           GParamSpec    *pspec);

/* assay-store-schema.c */
gboolean      _assay_store_check_format   (AssayStore    *self,
                                           GError       **error);
gboolean      _assay_store_migrate        (AssayStore    *self,
                                           GError       **error);

/* assay-store-counts.c */
void          _assay_store_load_counts    (AssayStore    *self);
void          _assay_store_apply_counts   (AssayStore    *self,
                                           AssayRecord   *credential);
void          _assay_store_refresh_counts (AssayStore    *self,
                                           AssayRecord   *submission);
void          _assay_store_note_counted   (AssayStore    *self,
                                           AssayRecord   *record);
void          _assay_store_refresh_stale_counts (AssayStore *self);

/* assay-store-check.c */
guint         _assay_store_sweep_orphan_blobs (AssayStore *self);

/* assay-store-marker.c */
gboolean      _assay_store_closed_cleanly (AssayStore    *self);
void          _assay_store_clear_marker   (AssayStore    *self);
void          _assay_store_write_marker   (AssayStore    *self);

/* assay-store-audit.c */
gboolean      _assay_store_verify_audit   (AssayStore    *self,
                                           GPtrArray     *problems);

/* assay-store-rules.c */
gboolean      _assay_store_check_rules    (AssayStore    *self,
                                           AssayRecord   *record,
                                           gboolean       deleting,
                                           GError       **error);

G_END_DECLS
