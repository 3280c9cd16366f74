/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "assay-core-resources.h"
#include "assay-store-private.h"

/* "ASSY": marks the file as ours, so that another program's SQLite
 * database is never taken for a workspace and migrated. */
#define ASSAY_APPLICATION_ID 0x41535359

/* Migration N takes a workspace from schema N-1 to N. Append only: a
 * migration that has shipped never changes. */
static const char * const migrations[] = {
  "/app/assay/Assay/schema/001-initial.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ASSAY_STORE_SCHEMA_VERSION);

static gint64
pragma_int (AssayStore *self,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
back_up (AssayStore  *self,
         gint64       from_version,
         GError     **error)
{
  g_autofree char *name = g_strdup_printf ("assay.db.schema-%" G_GINT64_FORMAT ".bak", from_version);
  g_autofree char *path = g_build_filename (self->directory, name, NULL);
  g_autofree char *sql = NULL;
  char *quoted;

  g_unlink (path);
  quoted = sqlite3_mprintf ("VACUUM INTO %Q", path);
  sql = g_strdup (quoted);
  sqlite3_free (quoted);

  return _assay_store_exec (self, sql, error);
}

static gboolean
apply_migration (AssayStore  *self,
                 guint        version,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;
  g_autofree char *stamp = NULL;

  /* Through the resource itself, not the global registry: in a static
   * library nothing else would pull the resource's object file in. */
  bytes = g_resource_lookup_data (assay_core_get_resource (), migrations[version - 1],
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  stamp = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                           version, ASSAY_APPLICATION_ID);

  if (!_assay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_assay_store_exec (self, script, error) ||
      !_assay_store_exec (self, stamp, error) ||
      !_assay_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Refuses, without writing anything, a database that is another program's
 * or that a newer Assay made. */
gboolean
_assay_store_check_format (AssayStore  *self,
                           GError     **error)
{
  gint64 version = pragma_int (self, "PRAGMA user_version");
  gint64 application_id = pragma_int (self, "PRAGMA application_id");
  gint64 n_objects = pragma_int (self, "SELECT count(*) FROM sqlite_schema");

  if (version < 0 || application_id < 0 || n_objects < 0)
    return _assay_store_set_error (self, sqlite3_errcode (self->db), error);

  if ((application_id != 0 && application_id != ASSAY_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
                   _("“%s” holds a database of another program, not an Assay workspace"),
                   self->directory);
      return FALSE;
    }

  if (version > ASSAY_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NEWER,
                   _("The workspace was made by a newer version of Assay (format %d; this version knows up to %d). "
                     "Open it with that version; it was not changed."),
                   (int) version, ASSAY_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

gboolean
_assay_store_migrate (AssayStore  *self,
                      GError     **error)
{
  gint64 version;

  if (!_assay_store_check_format (self, error))
    return FALSE;

  version = pragma_int (self, "PRAGMA user_version");
  if (version == ASSAY_STORE_SCHEMA_VERSION)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY,
                   _("The workspace needs upgrading, which cannot be done read-only"));
      return FALSE;
    }

  if (version > 0 && !back_up (self, version, error))
    return FALSE;

  for (guint step = version + 1; step <= ASSAY_STORE_SCHEMA_VERSION; step++)
    {
      g_debug ("Migrating %s to schema %u", self->directory, step);
      if (!apply_migration (self, step, error))
        return FALSE;
    }

  return TRUE;
}
