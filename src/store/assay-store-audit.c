/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "assay-record-codec.h"
#include "assay-store-private.h"

/* The audit trail: append-only rows, each hashing the one before it, written
 * in the same transaction as the action they record.
 */

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static char *
canonical_row (gint64      seq,
               const char *id,
               const char *at,
               const char *actor_id,
               const char *action,
               const char *subject_kind,
               const char *subject_id,
               const char *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, seq);
  json_builder_add_string_value (builder, id);
  json_builder_add_string_value (builder, at);
  if (actor_id)
    json_builder_add_string_value (builder, actor_id);
  else
    json_builder_add_null_value (builder);
  json_builder_add_string_value (builder, action);
  json_builder_add_string_value (builder, subject_kind);
  json_builder_add_string_value (builder, subject_id);
  json_builder_add_string_value (builder, detail);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
chain_hash (const char *prev_hash,
            const char *canonical)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) prev_hash, strlen (prev_hash));
  g_checksum_update (checksum, (const guchar *) canonical, strlen (canonical));

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * assay_store_append_audit:
 * @actor_id: (nullable): the person acting
 * @action: what was done, e.g. "credential-published"
 * @subject: the row it was done to
 * @detail_json: (nullable): a JSON object with what else matters
 *
 * Records a decision-bearing action. Must be called inside the transaction
 * that makes the change, so that both or neither are written.
 */
gboolean
assay_store_append_audit (AssayStore   *self,
                          const char   *actor_id,
                          const char   *action,
                          AssayRecord  *subject,
                          const char   *detail_json,
                          GError      **error)
{
  g_autofree char *prev_hash = NULL;
  g_autofree char *id = assay_record_new_uuid ();
  g_autofree char *at = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *row_hash = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *detail = detail_json ? detail_json : "{}";
  gint64 seq = 1;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ASSAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (ASSAY_IS_RECORD (subject), FALSE);

  stmt = _assay_store_prepare (self, "SELECT seq, row_hash FROM audit_event ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0) + 1;
      prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (prev_hash == NULL)
    prev_hash = g_strdup (GENESIS_HASH);

  at = assay_datetime_to_text (now);
  canonical = canonical_row (seq, id, at, actor_id, action,
                             ASSAY_RECORD_GET_CLASS (subject)->table,
                             assay_record_get_id (subject), detail);
  row_hash = chain_hash (prev_hash, canonical);

  stmt = _assay_store_prepare (self,
                               "INSERT INTO audit_event (id, seq, at, actor_id, action, subject_kind, "
                               "subject_id, detail, prev_hash, row_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, actor_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, ASSAY_RECORD_GET_CLASS (subject)->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, assay_record_get_id (subject), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, row_hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _assay_store_set_error (self, rc, error);

  return TRUE;
}

/* Appends a line to @problems for every break in the chain. */
gboolean
_assay_store_verify_audit (AssayStore *self,
                           GPtrArray  *problems)
{
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt;
  gint64 expected_seq = 1;
  gboolean ok = TRUE;
  int rc;

  stmt = _assay_store_prepare (self,
                               "SELECT seq, id, at, actor_id, action, subject_kind, subject_id, detail, "
                               "prev_hash, row_hash FROM audit_event ORDER BY seq",
                               NULL);
  if (stmt == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("cannot read the audit trail: %s"), sqlite3_errmsg (self->db)));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 8);
      const char *row_hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *canonical = NULL;
      g_autofree char *computed = NULL;

      canonical = canonical_row (seq,
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4),
                                 (const char *) sqlite3_column_text (stmt, 5),
                                 (const char *) sqlite3_column_text (stmt, 6),
                                 (const char *) sqlite3_column_text (stmt, 7));
      computed = chain_hash (prev_hash ? prev_hash : "", canonical);

      if (seq != expected_seq || g_strcmp0 (prev_hash, expected_prev) != 0 ||
          g_strcmp0 (computed, row_hash) != 0)
        {
          g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

          g_ptr_array_add (problems,
                           g_strdup_printf (_("audit trail broken at event %s"), seq_text));
          ok = FALSE;
          break;
        }

      expected_seq = seq + 1;
      g_free (expected_prev);
      expected_prev = g_strdup (row_hash);
    }

  if (ok && rc != SQLITE_DONE)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("cannot read the audit trail: %s"), sqlite3_errmsg (self->db)));
      ok = FALSE;
    }
  sqlite3_reset (stmt);

  return ok;
}
