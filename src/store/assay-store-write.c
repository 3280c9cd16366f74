/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-record-codec.h"
#include "assay-store-private.h"

/* All writes: one writer, each change inside a BEGIN IMMEDIATE transaction,
 * listeners told only after COMMIT, objects put back as they were after a
 * ROLLBACK so that no window shows what the workspace does not hold.
 */

static gboolean
check_writable (AssayStore  *self,
                GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO, _("The workspace is closed"));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY,
                   _("The workspace is open read-only"));
      return FALSE;
    }

  return TRUE;
}

gboolean
assay_store_in_transaction (AssayStore *self)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), FALSE);

  return self->in_transaction;
}

/**
 * assay_store_begin:
 *
 * Starts a transaction that later saves and deletes join. Nobody hears of
 * them until assay_store_commit() succeeds.
 */
gboolean
assay_store_begin (AssayStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!_assay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean row_exists (AssayStore  *self,
                            AssayRecord *record);

/* The columns of @table that the schema clears when the row they name is
 * deleted (ON DELETE SET NULL), as pairs column, parent table. */
static GPtrArray *
set_null_references (AssayStore *self,
                     GHashTable *cache,
                     const char *table)
{
  GPtrArray *references = g_hash_table_lookup (cache, table);
  sqlite3_stmt *stmt;

  if (references != NULL)
    return references;

  references = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_insert (cache, (gpointer) table, references);

  stmt = _assay_store_prepare (self,
                               "SELECT \"from\", \"table\" FROM pragma_foreign_key_list (?) "
                               "WHERE on_delete = 'SET NULL'",
                               NULL);
  if (stmt == NULL)
    return references;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (references, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (references, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  return references;
}

static gboolean
id_exists (AssayStore *self,
           const char *table,
           const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", table);
  sqlite3_stmt *stmt = _assay_store_prepare (self, sql, NULL);
  gboolean exists;

  /* When in doubt, change nothing */
  if (stmt == NULL)
    return TRUE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return exists;
}

/* Drops what @record, alive, still says about rows that are gone: the
 * schema already set those columns to NULL in the file. */
static gboolean
clear_dangling_references (AssayStore  *self,
                           GHashTable  *cache,
                           AssayRecord *record)
{
  AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (record);
  GPtrArray *references = set_null_references (self, cache, klass->table);
  gboolean changed = FALSE;

  for (guint i = 0; i + 1 < references->len; i += 2)
    {
      GParamSpec *pspec = _assay_store_find_column (klass, g_ptr_array_index (references, i));
      const char *id;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
        continue;

      id = assay_record_get_string (record, pspec);
      if (id != NULL && !id_exists (self, g_ptr_array_index (references, i + 1), id))
        {
          assay_record_set_string (record, pspec, NULL);
          changed = TRUE;
        }
    }

  return changed;
}

static PendingChange *
find_change (GArray      *changes,
             AssayRecord *record)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_array_index (changes, PendingChange, i).record == record)
      return &g_array_index (changes, PendingChange, i);

  return NULL;
}

/* A deletion may have changed rows it did not name: ON DELETE CASCADE
 * deleted some, ON DELETE SET NULL cleared references in others. The
 * objects alive for them follow, and the lists that show them hear of it. */
static void
add_cascaded_changes (AssayStore *self,
                      GArray     *changes)
{
  g_autoptr(GHashTable) cache = NULL;
  g_autoptr(GPtrArray) alive = NULL;
  gboolean deleted = FALSE;

  for (guint i = 0; i < changes->len && !deleted; i++)
    deleted = g_array_index (changes, PendingChange, i).change == ASSAY_STORE_CHANGE_DELETED;
  if (!deleted)
    return;

  cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  alive = _assay_store_dup_tracked (self);
  for (guint i = 0; i < alive->len; i++)
    {
      AssayRecord *record = g_ptr_array_index (alive, i);
      PendingChange *known = find_change (changes, record);
      PendingChange cascaded = { NULL, ASSAY_STORE_CHANGE_DELETED };

      if (row_exists (self, record))
        {
          if (!clear_dangling_references (self, cache, record) || known != NULL)
            continue;
          cascaded.change = ASSAY_STORE_CHANGE_UPDATED;
        }
      else if (known != NULL)
        {
          known->change = ASSAY_STORE_CHANGE_DELETED;
          continue;
        }

      cascaded.record = g_object_ref (record);
      g_array_append_val (changes, cascaded);
    }
}

gboolean
assay_store_commit (AssayStore  *self,
                    GError     **error)
{
  g_autoptr(GArray) changes = NULL;

  g_return_val_if_fail (ASSAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!_assay_store_exec (self, "COMMIT", error))
    {
      assay_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;

  /* Take the list first: a listener may start a transaction of its own. */
  changes = g_array_copy (self->pending);
  g_array_set_size (self->pending, 0);
  add_cascaded_changes (self, changes);

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *pending = &g_array_index (changes, PendingChange, i);

      _assay_record_set_persisted (pending->record, pending->change != ASSAY_STORE_CHANGE_DELETED);
      if (pending->change != ASSAY_STORE_CHANGE_DELETED)
        _assay_store_refresh_counts (self, pending->record);
      else
        _assay_store_untrack (self, pending->record);
    }
  _assay_store_refresh_stale_counts (self);

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *pending = &g_array_index (changes, PendingChange, i);

      _assay_store_emit_changed (self, pending->record, pending->change);
      if (pending->change == ASSAY_STORE_CHANGE_DELETED)
        _assay_store_refresh_counts (self, pending->record);
      g_object_unref (pending->record);
    }

  return TRUE;
}

/**
 * assay_store_rollback:
 *
 * Abandons the transaction. Rows it saved get their stored values back
 * (their windows update); rows it created stay unsaved.
 */
void
assay_store_rollback (AssayStore *self)
{
  g_autoptr(GArray) changes = NULL;

  g_return_if_fail (ASSAY_IS_STORE (self));

  if (!self->in_transaction)
    return;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  g_hash_table_remove_all (self->stale_lineages);

  changes = g_array_copy (self->pending);
  g_array_set_size (self->pending, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *pending = &g_array_index (changes, PendingChange, i);

      /* Rows it created were never committed: no lookup may find them. */
      if (assay_record_get_persisted (pending->record))
        assay_store_revert (self, pending->record);
      else
        _assay_store_untrack (self, pending->record);
      g_object_unref (pending->record);
    }
}

static void
add_pending (AssayStore       *self,
             AssayRecord      *record,
             AssayStoreChange  change)
{
  PendingChange pending = { g_object_ref (record), change };

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *other = &g_array_index (self->pending, PendingChange, i);

      if (other->record == record)
        {
          /* A row inserted and then updated in one transaction is an
           * insert to everybody outside it. */
          if (!(other->change == ASSAY_STORE_CHANGE_INSERTED && change == ASSAY_STORE_CHANGE_UPDATED))
            other->change = change;
          g_object_unref (record);
          return;
        }
    }

  g_array_append_val (self->pending, pending);
}

static gboolean
write_row (AssayStore   *self,
           AssayRecord  *record,
           GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _assay_store_prepare (self, _assay_store_upsert_sql (ASSAY_RECORD_GET_CLASS (record)), error);
  if (stmt == NULL)
    return FALSE;

  if (!_assay_store_bind_record (stmt, record))
    {
      sqlite3_reset (stmt);
      return _assay_store_set_error (self, SQLITE_NOMEM, error);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _assay_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
row_exists (AssayStore  *self,
            AssayRecord *record)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?",
                                          ASSAY_RECORD_GET_CLASS (record)->table);
  sqlite3_stmt *stmt = _assay_store_prepare (self, sql, NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, assay_record_get_id (record), -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return exists;
}

/* Runs @func inside the caller's transaction, or inside one of its own. */
static gboolean
run_in_transaction (AssayStore   *self,
                    gboolean    (*func) (AssayStore *, AssayRecord *, GError **),
                    AssayRecord  *record,
                    GError      **error)
{
  gboolean own = !self->in_transaction;

  if (own && !assay_store_begin (self, error))
    {
      if (assay_record_get_persisted (record))
        assay_store_revert (self, record);
      return FALSE;
    }

  if (!func (self, record, error))
    {
      if (own)
        assay_store_rollback (self);
      if (assay_record_get_persisted (record))
        assay_store_revert (self, record);
      return FALSE;
    }

  if (own)
    return assay_store_commit (self, error);

  return TRUE;
}

static gboolean
save_in_transaction (AssayStore   *self,
                     AssayRecord  *record,
                     GError      **error)
{
  gboolean existed;

  if (!assay_record_validate (record, error))
    return FALSE;
  if (!_assay_store_check_rules (self, record, FALSE, error))
    return FALSE;

  existed = assay_record_get_persisted (record) || row_exists (self, record);
  _assay_store_note_counted (self, record);
  if (!write_row (self, record, error))
    return FALSE;

  if (!existed && g_hash_table_lookup (self->identity, assay_record_get_id (record)) == NULL)
    _assay_store_track (self, record);

  add_pending (self, record, existed ? ASSAY_STORE_CHANGE_UPDATED : ASSAY_STORE_CHANGE_INSERTED);
  return TRUE;
}

/**
 * assay_store_save:
 * @record: (type AssayRecord): a row, new or already stored
 *
 * Validates @record and writes it. On failure nothing is written and a
 * stored row gets its stored values back.
 */
gboolean
assay_store_save (AssayStore  *self,
                  gpointer     record,
                  GError     **error)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (ASSAY_IS_RECORD (record), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  return run_in_transaction (self, save_in_transaction, record, error);
}

static gboolean
delete_in_transaction (AssayStore   *self,
                       AssayRecord  *record,
                       GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!_assay_store_check_rules (self, record, TRUE, error))
    return FALSE;

  _assay_store_note_counted (self, record);
  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?", ASSAY_RECORD_GET_CLASS (record)->table);
  stmt = _assay_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, assay_record_get_id (record), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _assay_store_set_error (self, rc, error);

  add_pending (self, record, ASSAY_STORE_CHANGE_DELETED);
  return TRUE;
}

/**
 * assay_store_delete:
 * @record: (type AssayRecord): a stored row
 *
 * Deletes @record and, through the schema's cascades, what belongs to it.
 * Live lists drop the row once the deletion commits.
 */
gboolean
assay_store_delete (AssayStore  *self,
                    gpointer     record,
                    GError     **error)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (ASSAY_IS_RECORD (record), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  return run_in_transaction (self, delete_in_transaction, record, error);
}

/**
 * assay_store_revert:
 * @record: (type AssayRecord): a row
 *
 * Gives @record its stored values back, dropping unsaved edits.
 */
void
assay_store_revert (AssayStore *self,
                    gpointer    record)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (ASSAY_IS_STORE (self));
  g_return_if_fail (ASSAY_IS_RECORD (record));

  sql = g_strdup_printf ("%s WHERE id = ?", _assay_store_select_sql (ASSAY_RECORD_GET_CLASS (record)));
  stmt = _assay_store_prepare (self, sql, &error);
  if (stmt == NULL)
    return;

  sqlite3_bind_text (stmt, 1, assay_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (!_assay_store_read_row (stmt, record, &error))
        g_debug ("%s", error->message);
    }
  else
    _assay_record_set_persisted (record, FALSE);
  sqlite3_reset (stmt);
}
