/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-record-codec.h"
#include "assay-store-private.h"

/* The generic mapping between a record's writable properties and its
 * table's columns: the property "credential-id" is the column credential_id.
 */

static GHashTable *select_sql;
static GHashTable *upsert_sql;

char *
_assay_store_column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static gboolean
is_column (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0;
}

GParamSpec *
_assay_store_find_column (AssayRecordClass *klass,
                          const char       *column)
{
  g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

  if (pspec == NULL || !is_column (pspec) || g_str_equal (name, "id"))
    return NULL;

  return pspec;
}

const char *
_assay_store_select_sql (AssayRecordClass *klass)
{
  const char *sql;

  if (g_once_init_enter (&select_sql))
    g_once_init_leave (&select_sql, g_hash_table_new (NULL, NULL));

  sql = g_hash_table_lookup (select_sql, klass);
  if (sql == NULL)
    {
      GString *str = g_string_new ("SELECT id");
      guint n;
      GParamSpec **columns = assay_record_class_list_columns (klass, &n);

      for (guint i = 0; i < n; i++)
        if (is_column (columns[i]))
          {
            g_autofree char *name = _assay_store_column_name (columns[i]);
            g_string_append_printf (str, ", \"%s\"", name);
          }
      g_string_append_printf (str, " FROM \"%s\"", klass->table);

      sql = g_string_free (str, FALSE);
      g_hash_table_insert (select_sql, klass, (gpointer) sql);
    }

  return sql;
}

const char *
_assay_store_upsert_sql (AssayRecordClass *klass)
{
  const char *sql;

  if (g_once_init_enter (&upsert_sql))
    g_once_init_leave (&upsert_sql, g_hash_table_new (NULL, NULL));

  sql = g_hash_table_lookup (upsert_sql, klass);
  if (sql == NULL)
    {
      GString *names = g_string_new ("id");
      GString *marks = g_string_new ("?");
      GString *updates = g_string_new (NULL);
      guint n;
      GParamSpec **columns = assay_record_class_list_columns (klass, &n);

      for (guint i = 0; i < n; i++)
        if (is_column (columns[i]))
          {
            g_autofree char *name = _assay_store_column_name (columns[i]);

            g_string_append_printf (names, ", \"%s\"", name);
            g_string_append (marks, ", ?");
            g_string_append_printf (updates, "%s\"%s\" = excluded.\"%s\"",
                                    updates->len ? ", " : "", name, name);
          }

      sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s) ON CONFLICT (id) DO UPDATE SET %s",
                             klass->table, names->str, marks->str, updates->str);
      g_string_free (names, TRUE);
      g_string_free (marks, TRUE);
      g_string_free (updates, TRUE);
      g_hash_table_insert (upsert_sql, klass, (gpointer) sql);
    }

  return sql;
}

char *
_assay_store_value_text (AssayRecord *record,
                         GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (record, pspec);

  switch (assay_column_storage (pspec))
    {
    case ASSAY_COLUMN_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT,
                              G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_FLAGS
                                ? (gint64) g_value_get_flags (value)
                                : assay_record_get_int (record, pspec));
    case ASSAY_COLUMN_REAL:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_value_get_double (value)));
      }
    case ASSAY_COLUMN_TEXT:
    default:
      return assay_column_to_text (pspec, value);
    }
}

gboolean
_assay_store_bind_record (sqlite3_stmt *stmt,
                          AssayRecord  *record)
{
  AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (record);
  guint n;
  GParamSpec **columns = assay_record_class_list_columns (klass, &n);
  int index = 1;

  if (sqlite3_bind_text (stmt, index++, assay_record_get_id (record), -1, SQLITE_TRANSIENT) != SQLITE_OK)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = columns[i];
      const GValue *value;
      int rc;

      if (!is_column (pspec))
        continue;

      value = assay_record_peek_value (record, pspec);
      switch (assay_column_storage (pspec))
        {
        case ASSAY_COLUMN_INTEGER:
          if (G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_FLAGS)
            rc = sqlite3_bind_int64 (stmt, index++, g_value_get_flags (value));
          else
            rc = sqlite3_bind_int64 (stmt, index++, assay_record_get_int (record, pspec));
          break;
        case ASSAY_COLUMN_REAL:
          rc = sqlite3_bind_double (stmt, index++, g_value_get_double (value));
          break;
        case ASSAY_COLUMN_TEXT:
        default:
          {
            char *text = assay_column_to_text (pspec, value);

            if (text == NULL)
              rc = sqlite3_bind_null (stmt, index++);
            else
              rc = sqlite3_bind_text (stmt, index++, text, -1, g_free);
          }
          break;
        }

      if (rc != SQLITE_OK)
        return FALSE;
    }

  return TRUE;
}

/* Reads columns 1… of the current row (column 0 is the id) into @record.
 * A value the model cannot hold means the file was edited behind our back.
 */
gboolean
_assay_store_read_row (sqlite3_stmt  *stmt,
                       AssayRecord   *record,
                       GError       **error)
{
  AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (record);
  guint n;
  GParamSpec **columns = assay_record_class_list_columns (klass, &n);
  gboolean fresh = !assay_record_get_persisted (record);
  int index = 1;

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = columns[i];
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean ok = TRUE;

      if (!is_column (pspec))
        continue;

      g_value_init (&value, pspec->value_type);
      switch (assay_column_storage (pspec))
        {
        case ASSAY_COLUMN_INTEGER:
          {
            gint64 number = sqlite3_column_int64 (stmt, index);
            GType fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);

            if (fundamental == G_TYPE_FLAGS)
              g_value_set_flags (&value, (guint) number);
            else if (fundamental == G_TYPE_BOOLEAN)
              g_value_set_boolean (&value, number != 0);
            else if (fundamental == G_TYPE_INT)
              g_value_set_int (&value, (int) number);
            else if (fundamental == G_TYPE_UINT)
              g_value_set_uint (&value, (guint) number);
            else
              g_value_set_int64 (&value, number);
          }
          break;
        case ASSAY_COLUMN_REAL:
          g_value_set_double (&value, sqlite3_column_double (stmt, index));
          break;
        case ASSAY_COLUMN_TEXT:
        default:
          ok = assay_column_from_text (pspec, (const char *) sqlite3_column_text (stmt, index), &value);
          break;
        }
      index++;

      if (!ok)
        {
          g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
                       _("The workspace holds a value Assay cannot read (%s.%s of %s)"),
                       klass->table, pspec->name, assay_record_get_id (record));
          return FALSE;
        }

      if (fresh)
        _assay_record_load_value (record, pspec, &value);
      else
        assay_record_set_value (record, pspec, &value);
    }

  return TRUE;
}
