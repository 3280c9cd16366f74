/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "assay-credential.h"
#include "assay-record-codec.h"
#include "assay-record-list-private.h"
#include "assay-store-private.h"

G_DEFINE_FINAL_TYPE (AssayStore, assay_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (assay-store-error-quark, assay_store_error)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  RECORD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  AssayStore  *store;
  AssayRecord *record;
  char        *id;
} IdentityEntry;

static void
forget_record_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  IdentityEntry *entry = data;

  g_hash_table_remove (entry->store->identity, entry->id);
}

static void
identity_entry_free (gpointer data)
{
  IdentityEntry *entry = data;

  g_free (entry->id);
  g_free (entry);
}

void
_assay_store_track (AssayStore  *self,
                    AssayRecord *record)
{
  IdentityEntry *entry = g_new0 (IdentityEntry, 1);

  entry->store = self;
  entry->record = record;
  entry->id = g_strdup (assay_record_get_id (record));
  g_hash_table_insert (self->identity, entry->id, entry);
  g_object_weak_ref (G_OBJECT (record), forget_record_cb, entry);
}

/* Forgets @record once its row is gone (deleted, or never committed), so
 * that looking its id up no longer finds it. */
void
_assay_store_untrack (AssayStore  *self,
                      AssayRecord *record)
{
  IdentityEntry *entry = g_hash_table_lookup (self->identity, assay_record_get_id (record));

  if (entry == NULL || entry->record != record)
    return;

  g_object_weak_unref (G_OBJECT (record), forget_record_cb, entry);
  g_hash_table_remove (self->identity, entry->id);
}

/* Returns: (transfer container) (element-type AssayRecord): every row
 * object alive now, each with a reference */
GPtrArray *
_assay_store_dup_tracked (AssayStore *self)
{
  GPtrArray *records = g_ptr_array_new_full (g_hash_table_size (self->identity), g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->identity);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (records, g_object_ref (((IdentityEntry *) value)->record));

  return records;
}

gboolean
_assay_store_is_tracked (AssayStore *self,
                         const char *id)
{
  return g_hash_table_contains (self->identity, id);
}

static AssayRecord *
identity_lookup (AssayStore *self,
                 const char *id)
{
  IdentityEntry *entry = g_hash_table_lookup (self->identity, id);

  return entry ? entry->record : NULL;
}

static void
forget_list_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  AssayStore *self = data;

  g_ptr_array_remove_fast (self->lists, where_the_object_was);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
assay_store_dispose (GObject *object)
{
  assay_store_close (ASSAY_STORE (object));

  G_OBJECT_CLASS (assay_store_parent_class)->dispose (object);
}

static void
assay_store_finalize (GObject *object)
{
  AssayStore *self = ASSAY_STORE (object);

  g_clear_pointer (&self->identity, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->stale_lineages, g_hash_table_unref);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (assay_store_parent_class)->finalize (object);
}

static void
assay_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AssayStore *self = ASSAY_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_store_class_init (AssayStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = assay_store_dispose;
  object_class->finalize = assay_store_finalize;
  object_class->get_property = assay_store_get_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AssayStore::record-changed:
   * @record: the row, already holding its committed values
   * @change: an #AssayStoreChange
   *
   * Emitted on the main thread after the transaction that changed @record
   * committed, once per row.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ASSAY_TYPE_RECORD, G_TYPE_INT);
}

static void
assay_store_init (AssayStore *self)
{
  self->lock_fd = -1;
  self->identity = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, identity_entry_free);
  self->lists = g_ptr_array_new ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->stale_lineages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

gboolean
_assay_store_set_error (AssayStore  *self,
                        int          rc,
                        GError     **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_BUSY,
                   _("The workspace is busy: another program is writing to it"));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
                   _("The workspace database is damaged (%s)"), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                   _("The disk is full; nothing was saved"));
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                   _("The workspace cannot be written (%s)"), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the workspace (%s)"), detail);
      break;
    default:
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                   _("The workspace database failed (%s)"), detail);
      break;
    }

  return FALSE;
}

sqlite3_stmt *
_assay_store_prepare (AssayStore  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (self->db == NULL)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO, _("The workspace is closed"));
      return NULL;
    }

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _assay_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_assay_store_exec (AssayStore  *self,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _assay_store_set_error (self, rc, error);

  return TRUE;
}

static gboolean
pragma_text_equals (AssayStore *self,
                    const char *pragma,
                    const char *expected)
{
  sqlite3_stmt *stmt = NULL;
  gboolean equal = FALSE;

  if (sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    equal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), expected) == 0;
  sqlite3_finalize (stmt);

  return equal;
}

static gboolean
lock_workspace (AssayStore  *self,
                GError     **error)
{
  g_autofree char *path = g_build_filename (self->directory, "assay.lock", NULL);

  self->lock_fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (self->lock_fd < 0)
    {
      int saved = errno;

      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                   _("The workspace folder “%s” cannot be written: %s"),
                   self->directory, g_strerror (saved));
      return FALSE;
    }

  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_BUSY,
                   _("The workspace “%s” is open in another Assay; close it there first"),
                   self->directory);
      close (self->lock_fd);
      self->lock_fd = -1;
      return FALSE;
    }

  return TRUE;
}

/* SQLite would happily turn any file into a database on first write; refuse
 * files that are not SQLite before it gets the chance.
 */
static gboolean
check_database_header (const char  *path,
                       GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  ssize_t got;

  if (fd < 0)
    return TRUE;

  got = read (fd, header, sizeof header);
  close (fd);

  if (got == 0)
    return TRUE;
  if (got == sizeof header && memcmp (header, magic, sizeof magic) == 0)
    return TRUE;

  g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
               _("“%s” is not an Assay workspace database"), path);
  return FALSE;
}

static gboolean
configure_connection (AssayStore  *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!_assay_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (self->read_only)
    return _assay_store_exec (self, "PRAGMA query_only = ON", error);

  return _assay_store_exec (self, "PRAGMA synchronous = FULL", error);
}

/* Switching to WAL rewrites the file header: only once the file is known to
 * be a workspace this version may change. */
static gboolean
use_write_ahead_log (AssayStore  *self,
                     GError     **error)
{
  int rc;

  if (self->read_only || pragma_text_equals (self, "PRAGMA journal_mode = WAL", "wal"))
    return TRUE;

  rc = sqlite3_errcode (self->db) & 0xff;
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    return _assay_store_set_error (self, rc, error);

  g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
               _("The workspace database cannot use write-ahead logging (%s)"),
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
quick_check (AssayStore  *self,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_OK && rc != SQLITE_DONE)
    return _assay_store_set_error (self, rc, error);

  if (!ok)
    g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
                 _("The workspace database “%s” is damaged; restore it from a backup"),
                 sqlite3_db_filename (self->db, "main"));
  return ok;
}

/**
 * assay_store_open:
 * @directory: the workspace folder
 *
 * Opens (or with %ASSAY_STORE_OPEN_DEFAULT creates) a workspace. Only one
 * process may write a workspace: a second one gets %ASSAY_STORE_ERROR_BUSY.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AssayStore *
assay_store_open (const char           *directory,
                  AssayStoreOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(AssayStore) self = NULL;
  g_autofree char *db_path = NULL;
  gboolean clean;
  int open_flags;
  int rc;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (ASSAY_TYPE_STORE, NULL);
  self->directory = g_canonicalize_filename (directory, NULL);
  self->read_only = (flags & ASSAY_STORE_OPEN_READ_ONLY) != 0;
  db_path = g_build_filename (self->directory, "assay.db", NULL);

  if (flags & (ASSAY_STORE_OPEN_EXISTING | ASSAY_STORE_OPEN_READ_ONLY))
    {
      if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND,
                       _("“%s” is not an Assay workspace"), self->directory);
          return NULL;
        }
    }
  else if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                   _("The workspace folder “%s” cannot be created: %s"),
                   self->directory, g_strerror (saved));
      return NULL;
    }

  if (!self->read_only && !lock_workspace (self, error))
    return NULL;

  if (!check_database_header (db_path, error))
    return NULL;

  open_flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE |
               (self->read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  clean = _assay_store_closed_cleanly (self);
  _assay_store_clear_marker (self);
  rc = sqlite3_open_v2 (db_path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _assay_store_set_error (self, rc, error);
      return NULL;
    }

  if (!configure_connection (self, error) ||
      !_assay_store_check_format (self, error) ||
      !use_write_ahead_log (self, error) ||
      (!clean && !quick_check (self, error)))
    return NULL;

  if (!_assay_store_migrate (self, error))
    return NULL;

  self->blobs = assay_blob_store_new (self->directory, self->read_only, error);
  if (self->blobs == NULL)
    return NULL;
  _assay_store_sweep_orphan_blobs (self);

  _assay_store_load_counts (self);

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

/**
 * assay_store_close:
 *
 * Releases the database and the workspace lock. Records stay usable as
 * plain objects; nothing more is saved.
 */
void
assay_store_close (AssayStore *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (ASSAY_IS_STORE (self));

  if (self->in_transaction)
    assay_store_rollback (self);

  g_hash_table_iter_init (&iter, self->identity);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IdentityEntry *entry = value;
      g_object_weak_unref (G_OBJECT (entry->record), forget_record_cb, entry);
    }
  g_hash_table_remove_all (self->identity);

  for (guint i = 0; i < self->lists->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->lists, i), forget_list_cb, self);
  g_ptr_array_set_size (self->lists, 0);

  g_hash_table_remove_all (self->statements);
  g_clear_object (&self->blobs);

  if (self->db != NULL)
    {
      gboolean closed = sqlite3_close (self->db) == SQLITE_OK;

      if (!closed)
        sqlite3_close_v2 (self->db);
      self->db = NULL;
      if (closed && self->opened && !self->read_only)
        _assay_store_write_marker (self);
    }

  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

const char *
assay_store_get_directory (AssayStore *self)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);

  return self->directory;
}

gboolean
assay_store_get_read_only (AssayStore *self)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), TRUE);

  return self->read_only;
}

sqlite3 *
_assay_store_get_db (AssayStore *self)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);

  return self->db;
}

AssayBlobStore *
assay_store_get_blobs (AssayStore *self)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);

  return self->blobs;
}

/**
 * assay_store_default_directory:
 *
 * Returns: `$ASSAY_WORKSPACE`, else `$XDG_DATA_HOME/assay`
 */
char *
assay_store_default_directory (void)
{
  const char *env = g_getenv ("ASSAY_WORKSPACE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "assay", NULL);
}

/* Returns the one object for the row the statement points at, creating it
 * if nobody holds it. An object already alive keeps its in-memory values:
 * they may be edits the user is making right now.
 */
AssayRecord *
_assay_store_record_from_row (AssayStore    *self,
                              GType          type,
                              sqlite3_stmt  *stmt,
                              GError       **error)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  AssayRecord *record = identity_lookup (self, id);

  if (record != NULL)
    return g_object_ref (record);

  /* A row Assay cannot read whole is never handed out half-read: the rest
   * of its fields would show, and later be saved, as defaults. */
  record = g_object_new (type, "id", id, NULL);
  if (!_assay_store_read_row (stmt, record, error))
    {
      g_object_unref (record);
      return NULL;
    }
  _assay_record_set_persisted (record, TRUE);
  _assay_store_track (self, record);

  if (type == ASSAY_TYPE_CREDENTIAL)
    _assay_store_apply_counts (self, record);

  return record;
}

/**
 * assay_store_lookup:
 * @type: the kind of row
 *
 * Returns: (transfer full) (nullable): the row with @id
 */
gpointer
assay_store_lookup (AssayStore  *self,
                    GType        type,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  AssayRecord *record;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, ASSAY_TYPE_RECORD), NULL);

  if (id == NULL)
    goto not_found;

  record = identity_lookup (self, id);
  if (record != NULL && G_TYPE_CHECK_INSTANCE_TYPE (record, type))
    return g_object_ref (record);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("%s WHERE id = ?", _assay_store_select_sql (ASSAY_RECORD_CLASS (klass)));
  stmt = _assay_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      record = _assay_store_record_from_row (self, type, stmt, error);
      sqlite3_reset (stmt);
      return record;
    }
  sqlite3_reset (stmt);

not_found:
  g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND,
               _("There is no %s with id “%s”"),
               klass ? _(ASSAY_RECORD_CLASS (klass)->kind_name) : "row", id ? id : "");
  return NULL;
}

/**
 * assay_store_query:
 * @filter_column: (nullable): a column to match
 * @filter_value: (nullable): its value, in its stored text form
 * @sort_column: (nullable): the column to order by
 *
 * Returns: (transfer container) (element-type AssayRecord): the matching rows now
 */
GPtrArray *
assay_store_query (AssayStore *self,
                   GType       type,
                   const char *filter_column,
                   const char *filter_value,
                   const char *sort_column)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (_assay_store_select_sql (record_class));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);

  if (filter_column != NULL)
    {
      g_return_val_if_fail (_assay_store_find_column (record_class, filter_column) != NULL, NULL);
      g_string_append_printf (sql, " WHERE \"%s\" IS ?", filter_column);
    }
  if (sort_column != NULL)
    {
      g_return_val_if_fail (_assay_store_find_column (record_class, sort_column) != NULL, NULL);
      g_string_append_printf (sql, " ORDER BY \"%s\", id", sort_column);
    }

  stmt = _assay_store_prepare (self, sql->str, &error);
  if (stmt == NULL)
    {
      g_debug ("Query failed: %s", error->message);
      return g_steal_pointer (&rows);
    }

  if (filter_column != NULL)
    {
      GParamSpec *pspec = _assay_store_find_column (record_class, filter_column);

      if (filter_value != NULL && assay_column_storage (pspec) == ASSAY_COLUMN_INTEGER)
        sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (filter_value, NULL, 10));
      else
        sqlite3_bind_text (stmt, 1, filter_value, -1, SQLITE_TRANSIENT);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) row_error = NULL;
      AssayRecord *record = _assay_store_record_from_row (self, type, stmt, &row_error);

      /* `assay-cli check` names it; lists go on without it */
      if (record == NULL)
        g_debug ("Skipping a damaged row: %s", row_error->message);
      else
        g_ptr_array_add (rows, record);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

/**
 * assay_store_list:
 *
 * Like assay_store_query(), but the result stays current: rows saved,
 * changed or deleted later are inserted, updated or removed with exactly
 * one items-changed for the rows concerned.
 *
 * Returns: (transfer full): a #GListModel of @type
 */
GListModel *
assay_store_list (AssayStore *self,
                  GType       type,
                  const char *filter_column,
                  const char *filter_value,
                  const char *sort_column)
{
  g_autoptr(GPtrArray) rows = NULL;
  AssayRecordList *list;

  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, ASSAY_TYPE_RECORD), NULL);

  rows = assay_store_query (self, type, filter_column, filter_value, sort_column);
  list = _assay_record_list_new (type, filter_column, filter_value, sort_column, rows);

  g_ptr_array_add (self->lists, list);
  g_object_weak_ref (G_OBJECT (list), forget_list_cb, self);

  return G_LIST_MODEL (list);
}

guint
assay_store_count (AssayStore *self,
                   GType       type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", ASSAY_RECORD_CLASS (klass)->table);
  sqlite3_stmt *stmt = _assay_store_prepare (self, sql, NULL);
  guint count = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

void
_assay_store_emit_changed (AssayStore       *self,
                           AssayRecord      *record,
                           AssayStoreChange  change)
{
  for (guint i = 0; i < self->lists->len; i++)
    _assay_record_list_record_changed (g_ptr_array_index (self->lists, i), record, change);

  g_signal_emit (self, signals[RECORD_CHANGED], 0, record, change);
}
