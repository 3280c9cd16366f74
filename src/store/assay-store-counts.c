/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <string.h>

#include "assay-credential.h"
#include "assay-enum-types.h"
#include "assay-store-private.h"

/* Each credential shows how many submissions it has in each status, over
 * all its versions. The numbers come from one grouped query at open and
 * are then kept current one lineage at a time as submissions change.
 */

static guint *
counts_for (AssayStore *self,
            const char *lineage)
{
  guint *counts = g_hash_table_lookup (self->counts, lineage);

  if (counts == NULL)
    {
      counts = g_new0 (guint, ASSAY_N_SUBMISSION_STATUSES);
      g_hash_table_insert (self->counts, g_strdup (lineage), counts);
    }

  return counts;
}

static void
add_rows (AssayStore   *self,
          sqlite3_stmt *stmt)
{
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *lineage = (const char *) sqlite3_column_text (stmt, 0);
      int status;

      if (lineage != NULL &&
          assay_enum_from_nick (ASSAY_TYPE_SUBMISSION_STATUS, (const char *) sqlite3_column_text (stmt, 1), &status))
        counts_for (self, lineage)[status] += sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
}

void
_assay_store_load_counts (AssayStore *self)
{
  sqlite3_stmt *stmt;

  g_hash_table_remove_all (self->counts);

  stmt = _assay_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM packet)", NULL);
  if (stmt != NULL)
    {
      self->has_packets = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
    }

  stmt = _assay_store_prepare (self,
                               /* grouped on the (credential_id, status) index first:
                                * a third of the time of grouping the join */
                               "SELECT c.lineage_id, g.status, g.n FROM "
                               "(SELECT credential_id, status, count(*) AS n FROM submission "
                               " GROUP BY credential_id, status) g "
                               "JOIN credential c ON c.id = g.credential_id",
                               NULL);
  if (stmt != NULL)
    add_rows (self, stmt);
}

/* Where each credential's state approval packet stands, from its latest
 * round: shown in the catalog. */
#define APPROVAL_FRAMEWORK "isbe-2023"

static char *
approval_of (AssayStore *self,
             const char *credential_id)
{
  sqlite3_stmt *stmt = _assay_store_prepare (self,
                                             "SELECT outcome, due_on FROM packet WHERE credential_id = ? "
                                             "AND framework_id = '" APPROVAL_FRAMEWORK "' ORDER BY round DESC LIMIT 1",
                                             NULL);
  char *approval = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, credential_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *outcome = (const char *) sqlite3_column_text (stmt, 0);
      const char *due = (const char *) sqlite3_column_text (stmt, 1);

      approval = g_strcmp0 (outcome, "submitted") == 0 && due != NULL
                 ? g_strdup_printf ("submitted %s", due) : g_strdup (outcome);
    }
  sqlite3_reset (stmt);
  return approval;
}

void
_assay_store_apply_counts (AssayStore  *self,
                           AssayRecord *credential)
{
  const char *lineage = assay_credential_get_lineage_id (ASSAY_CREDENTIAL (credential));
  g_autofree char *approval = NULL;

  _assay_credential_set_submission_counts (ASSAY_CREDENTIAL (credential),
                                           g_hash_table_lookup (self->counts, lineage));
  /* Most credentials have no packet: one indexed lookup says so. */
  if (self->has_packets)
    approval = approval_of (self, assay_record_get_id (credential));
  _assay_credential_set_approval (ASSAY_CREDENTIAL (credential), approval);
}

/* A packet row changed: its credential shows where it stands now. */
static void
refresh_approval (AssayStore  *self,
                  AssayRecord *packet)
{
  GParamSpec *pspec = _assay_store_find_column (ASSAY_RECORD_GET_CLASS (packet), "credential_id");
  const char *credential_id = pspec ? assay_record_get_string (packet, pspec) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayRecord) credential = NULL;
  g_autofree char *approval = NULL;

  self->has_packets = TRUE;
  if (credential_id == NULL || !_assay_store_is_tracked (self, credential_id)
      || (credential = assay_store_lookup (self, ASSAY_TYPE_CREDENTIAL, credential_id, &error)) == NULL)
    return;
  approval = approval_of (self, credential_id);
  if (g_strcmp0 (approval, assay_credential_get_approval (ASSAY_CREDENTIAL (credential))) == 0)
    return;
  _assay_credential_set_approval (ASSAY_CREDENTIAL (credential), approval);
  _assay_store_emit_changed (self, credential, ASSAY_STORE_CHANGE_UPDATED);
}

static char *
lineage_of_submission (AssayStore  *self,
                       AssayRecord *submission)
{
  GParamSpec *pspec = _assay_store_find_column (ASSAY_RECORD_GET_CLASS (submission), "credential_id");
  sqlite3_stmt *stmt = _assay_store_prepare (self, "SELECT lineage_id FROM credential WHERE id = ?", NULL);
  char *lineage = NULL;

  if (stmt == NULL || pspec == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, assay_record_get_string (submission, pspec), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    lineage = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return lineage;
}

/* Counts one lineage again and shows the numbers on its live versions. */
static void
refresh_lineage (AssayStore *self,
                 const char *lineage)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  memset (counts_for (self, lineage), 0, sizeof (guint) * ASSAY_N_SUBMISSION_STATUSES);
  stmt = _assay_store_prepare (self,
                               "SELECT c.lineage_id, s.status, count(*) "
                               "FROM submission s JOIN credential c ON c.id = s.credential_id "
                               "WHERE c.lineage_id = ? GROUP BY s.status",
                               NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, lineage, -1, SQLITE_TRANSIENT);
  add_rows (self, stmt);

  /* Every live version of the credential shows the new numbers, and its
   * row in every list is announced as changed so that views rebind it. */
  stmt = _assay_store_prepare (self, "SELECT id FROM credential WHERE lineage_id = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, lineage, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GError) error = NULL;

      AssayRecord *credential;

      if (_assay_store_is_tracked (self, id) &&
          (credential = assay_store_lookup (self, ASSAY_TYPE_CREDENTIAL, id, &error)) != NULL)
        g_ptr_array_add (live, credential);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < live->len; i++)
    {
      AssayRecord *credential = g_ptr_array_index (live, i);
      guint before[ASSAY_N_SUBMISSION_STATUSES];
      gboolean changed = FALSE;

      for (guint s = 0; s < ASSAY_N_SUBMISSION_STATUSES; s++)
        before[s] = assay_credential_get_submission_count (ASSAY_CREDENTIAL (credential), s);
      _assay_store_apply_counts (self, credential);
      for (guint s = 0; s < ASSAY_N_SUBMISSION_STATUSES; s++)
        changed |= before[s] != assay_credential_get_submission_count (ASSAY_CREDENTIAL (credential), s);
      if (changed)
        _assay_store_emit_changed (self, credential, ASSAY_STORE_CHANGE_UPDATED);
    }
}

/* Called after a commit for every changed row. */
void
_assay_store_refresh_counts (AssayStore  *self,
                             AssayRecord *record)
{
  g_autofree char *lineage = NULL;

  if (ASSAY_IS_CREDENTIAL (record))
    {
      _assay_store_apply_counts (self, record);
      return;
    }

  if (g_strcmp0 (ASSAY_RECORD_GET_CLASS (record)->table, "packet") == 0)
    {
      refresh_approval (self, record);
      return;
    }

  if (g_strcmp0 (ASSAY_RECORD_GET_CLASS (record)->table, "submission") != 0)
    return;

  lineage = lineage_of_submission (self, record);
  if (lineage != NULL)
    refresh_lineage (self, lineage);
}

/* Called before a submission is written or deleted: the lineage it is
 * counted under now must be counted again after the commit, also when the
 * submission moves to a credential of another lineage. */
void
_assay_store_note_counted (AssayStore  *self,
                           AssayRecord *record)
{
  sqlite3_stmt *stmt;

  if (g_strcmp0 (ASSAY_RECORD_GET_CLASS (record)->table, "submission") != 0)
    return;

  stmt = _assay_store_prepare (self,
                               "SELECT c.lineage_id FROM submission s JOIN credential c ON c.id = s.credential_id "
                               "WHERE s.id = ?",
                               NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_text (stmt, 1, assay_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (self->stale_lineages, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
}

/* After a commit (before it, after a rollback, the set is simply cleared) */
void
_assay_store_refresh_stale_counts (AssayStore *self)
{
  g_autoptr(GPtrArray) lineages = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  /* Take them first: refreshing notifies, and a listener may write. */
  g_hash_table_iter_init (&iter, self->stale_lineages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_ptr_array_add (lineages, key);
      g_hash_table_iter_steal (&iter);
    }

  for (guint i = 0; i < lineages->len; i++)
    refresh_lineage (self, g_ptr_array_index (lineages, i));
}
