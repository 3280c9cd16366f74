/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-store-private.h"

/* `assay-cli check`: everything that can be verified about a workspace
 * without trusting it. */

/* Every column that names a blob: what `check` verifies and what the
 * sweep at open keeps are the same set. (submission.bundle_sha256 names
 * the zip an import came from, which is not kept, only recognised.) A
 * packet document is "<sha256> <file name>". */
static const char *blob_references_sql =
  "SELECT sha256 FROM artifact "
  "UNION SELECT image_hash FROM credential WHERE image_hash IS NOT NULL "
  "UNION SELECT image_hash FROM issuer WHERE image_hash IS NOT NULL "
  "UNION SELECT image_hash FROM award WHERE image_hash IS NOT NULL "
  "UNION SELECT substr (j.value, 1, 64) FROM packet_item p, json_each (p.documents) j";

static void
collect_rows (AssayStore *self,
              const char *sql,
              const char *ok_value,
              const char *format,
              GPtrArray  *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("cannot run a check: %s"), sqlite3_errmsg (self->db)));
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *first = (const char *) sqlite3_column_text (stmt, 0);
      const char *second = sqlite3_column_count (stmt) > 1 ? (const char *) sqlite3_column_text (stmt, 1) : "";

      if (ok_value != NULL && g_strcmp0 (first, ok_value) == 0)
        continue;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_ptr_array_add (problems, g_strdup_printf (format, first ? first : "", second ? second : ""));
#pragma GCC diagnostic pop
    }
  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems, g_strdup_printf (_("database error: %s"), sqlite3_errmsg (self->db)));
  sqlite3_finalize (stmt);
}

static void
check_blobs (AssayStore *self,
             GPtrArray  *problems)
{
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) present = NULL;
  sqlite3_stmt *stmt = NULL;

  int rc;

  if (sqlite3_prepare_v2 (self->db, blob_references_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("cannot run a check: %s"), sqlite3_errmsg (self->db)));
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GError) error = NULL;

      if (hash == NULL)
        continue;
      g_hash_table_add (referenced, g_strdup (hash));
      if (!assay_blob_store_verify (self->blobs, hash, &error))
        g_ptr_array_add (problems, g_strdup (error->message));
    }
  sqlite3_finalize (stmt);

  /* Without the whole list of references, no file can be called an orphan. */
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("database error: %s"), sqlite3_errmsg (self->db)));
      return;
    }

  present = assay_blob_store_list (self->blobs);
  for (guint i = 0; i < present->len; i++)
    {
      const char *name = g_ptr_array_index (present, i);

      if (!g_hash_table_contains (referenced, name))
        g_ptr_array_add (problems, g_strdup_printf (_("orphan file in blobs/: %s"), name));
    }
}

/* At open, under the lock: blobs that no row names are what an import
 * interrupted between writing its files and committing its rows left. */
guint
_assay_store_sweep_orphan_blobs (AssayStore *self)
{
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) present = NULL;
  sqlite3_stmt *stmt = NULL;
  guint removed = 0;
  int rc;

  if (self->read_only || sqlite3_prepare_v2 (self->db, blob_references_sql, -1, &stmt, NULL) != SQLITE_OK)
    return 0;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 0);

      if (hash != NULL)
        g_hash_table_add (referenced, g_strdup (hash));
    }
  sqlite3_finalize (stmt);

  /* Without the complete list of references, delete nothing. */
  if (rc != SQLITE_DONE)
    return 0;

  present = assay_blob_store_list (self->blobs);
  for (guint i = 0; i < present->len; i++)
    {
      const char *name = g_ptr_array_index (present, i);
      g_autofree char *path = assay_blob_store_get_path (self->blobs, name);

      /* Stray files that are not blobs are for `check` to report. */
      if (path == NULL || g_hash_table_contains (referenced, name))
        continue;
      if (assay_blob_store_remove (self->blobs, name, NULL))
        removed++;
    }

  if (removed > 0)
    g_debug ("Removed %u unreferenced evidence files", removed);
  return removed;
}

/**
 * assay_store_check:
 *
 * Returns: (transfer full) (element-type utf8): one line per problem found;
 *   empty when the workspace is sound
 */
GPtrArray *
assay_store_check (AssayStore  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);

  if (self->db == NULL)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO, _("The workspace is closed"));
      return NULL;
    }

  collect_rows (self, "PRAGMA integrity_check", "ok", _("database: %s"), problems);
  collect_rows (self, "PRAGMA foreign_key_check", NULL, _("broken reference from %s row %s"), problems);
  collect_rows (self,
                "SELECT m.stack_id, m.credential_lineage_id FROM stack_member m "
                "WHERE NOT EXISTS (SELECT 1 FROM credential c WHERE c.lineage_id = m.credential_lineage_id)",
                NULL, _("stack %s names a credential that does not exist (%s)"), problems);
  collect_rows (self,
                "SELECT r.id, r.rule_level_id FROM rubric r LEFT JOIN level l ON l.id = r.rule_level_id "
                "WHERE r.rule_level_id IS NOT NULL AND l.rubric_id IS NOT r.id",
                NULL, _("rubric %s decides by a level of another rubric (%s)"), problems);
  collect_rows (self,
                "SELECT lineage_id, count(*) FROM credential WHERE superseded = 0 AND status != 'draft' "
                "GROUP BY lineage_id HAVING count(*) > 1",
                NULL, _("credential %s has %s live versions"), problems);
  check_blobs (self, problems);
  _assay_store_verify_audit (self, problems);

  return g_steal_pointer (&problems);
}
