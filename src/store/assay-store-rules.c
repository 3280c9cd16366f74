/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-store-credentials.h"
#include "assay-store-private.h"

/* The rules no caller may get around: a published credential version is
 * frozen, profile and rubric alike, because submissions are scored against
 * exactly that version. Changing one means making a new version.
 */

/* For each table whose rows belong to a credential version, the query
 * that finds that version's stored status from the row's parent column. */
static const struct {
  const char *table;
  const char *parent_column;
  const char *status_sql;
} owned_tables[] = {
  { "resource", "credential_id", "SELECT status FROM credential WHERE id = ?" },
  { "rubric", "credential_id", "SELECT status FROM credential WHERE id = ?" },
  { "criterion", "rubric_id",
    "SELECT c.status FROM rubric r JOIN credential c ON c.id = r.credential_id WHERE r.id = ?" },
  { "level", "rubric_id",
    "SELECT c.status FROM rubric r JOIN credential c ON c.id = r.credential_id WHERE r.id = ?" },
  { "rubric_cell", "criterion_id",
    "SELECT c.status FROM criterion k JOIN rubric r ON r.id = k.rubric_id "
    "JOIN credential c ON c.id = r.credential_id WHERE k.id = ?" },
};

/* Columns of a published credential that may still change. */
static const char * const lifecycle_columns[] = {
  "status", "superseded", "published-at", NULL,
};

static char *
stored_text (AssayStore  *self,
             const char  *sql,
             const char  *key)
{
  sqlite3_stmt *stmt = _assay_store_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text;
}

static gboolean
set_frozen_error (GError **error)
{
  g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN,
               _("This credential version is published and cannot change; edit it to make a new version"));
  return FALSE;
}

/* The row as stored, %NULL without an error if there is none. A stored row
 * that cannot be read is an error: the rules cannot be checked against it,
 * and it must not be taken for a new row. */
static AssayRecord *
load_stored_copy (AssayStore   *self,
                  AssayRecord  *record,
                  GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE id = ?",
                                          _assay_store_select_sql (ASSAY_RECORD_GET_CLASS (record)));
  sqlite3_stmt *stmt = _assay_store_prepare (self, sql, error);
  AssayRecord *copy = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, assay_record_get_id (record), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      copy = g_object_new (G_OBJECT_TYPE (record), "id", assay_record_get_id (record), NULL);
      if (!_assay_store_read_row (stmt, copy, error))
        g_clear_object (&copy);
    }
  else if (rc != SQLITE_DONE)
    _assay_store_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return copy;
}

static gboolean
only_lifecycle_changed (AssayRecord *stored,
                        AssayRecord *record)
{
  guint n;
  GParamSpec **columns = assay_record_class_list_columns (ASSAY_RECORD_GET_CLASS (record), &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (!(columns[i]->flags & G_PARAM_WRITABLE) ||
          g_strv_contains (lifecycle_columns, columns[i]->name))
        continue;

      before = _assay_store_value_text (stored, columns[i]);
      after = _assay_store_value_text (record, columns[i]);
      if (g_strcmp0 (before, after) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_credential (AssayStore       *self,
                  AssayCredential  *credential,
                  gboolean          deleting,
                  GError          **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(AssayRecord) stored = load_stored_copy (self, ASSAY_RECORD (credential), &read_error);
  AssayCredentialStatus before, after;

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  after = assay_credential_get_status (credential);
  before = stored ? assay_credential_get_status (ASSAY_CREDENTIAL (stored)) : ASSAY_CREDENTIAL_STATUS_DRAFT;

  if (before == ASSAY_CREDENTIAL_STATUS_DRAFT)
    {
      if (after == ASSAY_CREDENTIAL_STATUS_DRAFT || deleting)
        return TRUE;
      return assay_store_check_publishable (self, credential, error);
    }

  if (deleting)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN,
                   _("A published credential cannot be deleted; retire it instead"));
      return FALSE;
    }

  if (after == ASSAY_CREDENTIAL_STATUS_DRAFT)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN,
                   _("A published credential cannot become a draft again; edit it to make a new version"));
      return FALSE;
    }

  if (!only_lifecycle_changed (stored, ASSAY_RECORD (credential)))
    return set_frozen_error (error);

  return TRUE;
}

gboolean
_assay_store_check_rules (AssayStore   *self,
                          AssayRecord  *record,
                          gboolean      deleting,
                          GError      **error)
{
  const char *table = ASSAY_RECORD_GET_CLASS (record)->table;

  if (ASSAY_IS_CREDENTIAL (record))
    return check_credential (self, ASSAY_CREDENTIAL (record), deleting, error);

  for (guint i = 0; i < G_N_ELEMENTS (owned_tables); i++)
    {
      g_autoptr(AssayRecord) stored = NULL;
      g_autoptr(GError) read_error = NULL;
      g_autofree char *status = NULL;
      GParamSpec *parent;

      if (!g_str_equal (table, owned_tables[i].table))
        continue;

      /* Both the parent it has now and the one it had when stored count:
       * a row may not be moved out of a frozen rubric either. */
      parent = _assay_store_find_column (ASSAY_RECORD_GET_CLASS (record), owned_tables[i].parent_column);
      status = stored_text (self, owned_tables[i].status_sql, assay_record_get_string (record, parent));
      if (status != NULL && !g_str_equal (status, "draft"))
        return set_frozen_error (error);

      stored = load_stored_copy (self, record, &read_error);
      if (read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (stored != NULL)
        {
          g_free (status);
          status = stored_text (self, owned_tables[i].status_sql, assay_record_get_string (stored, parent));
          if (status != NULL && !g_str_equal (status, "draft"))
            return set_frozen_error (error);
        }
      break;
    }

  return TRUE;
}
