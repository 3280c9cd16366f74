/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "test-store-util.h"

#include "assay-store-private.h"

static char *test_home;

void
store_test_init (int    *argc,
                 char ***argv)
{
  const char *dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr(GError) error = NULL;

  test_home = g_dir_make_tmp ("assay-store-home-XXXXXX", &error);
  g_assert_no_error (error);

  g_setenv ("HOME", test_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (test_home, dirs[i], NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_setenv (dirs[i], path, TRUE);
    }
  g_unsetenv ("ASSAY_WORKSPACE");

  g_test_init (argc, argv, NULL);
}

int
store_test_run (void)
{
  int result = g_test_run ();

  assay_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);

  return result;
}

StoreTestDir *
store_test_dir_new (void)
{
  StoreTestDir *dir = g_new0 (StoreTestDir, 1);
  g_autoptr(GError) error = NULL;

  dir->path = g_dir_make_tmp ("assay-store-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir->path);
  dir->workspace = g_build_filename (dir->path, "workspace", NULL);
  dir->db_path = g_build_filename (dir->workspace, "assay.db", NULL);

  return dir;
}

void
store_test_dir_free (StoreTestDir *dir)
{
  if (dir == NULL)
    return;

  assay_test_remove_tree (dir->path);
  g_assert_false (g_file_test (dir->path, G_FILE_TEST_EXISTS));

  g_free (dir->path);
  g_free (dir->workspace);
  g_free (dir->db_path);
  g_free (dir);
}

/* rm -rf that never follows a symbolic link and copes with folders a test
 * made unwritable. */
AssayStore *
store_test_open (const char *directory)
{
  g_autoptr(GError) error = NULL;
  AssayStore *store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (ASSAY_IS_STORE (store));

  return store;
}

static sqlite3 *
open_file (const char *db_path,
           gboolean    writable)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (db_path, &db,
                            writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY,
                            NULL);

  if (rc != SQLITE_OK)
    g_error ("Cannot open %s: %s", db_path, sqlite3_errstr (rc));

  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
store_test_file_int (const char *db_path,
                     const char *sql)
{
  sqlite3 *db = open_file (db_path, FALSE);
  gint64 value = query_int (db, sql);

  sqlite3_close (db);
  return value;
}

char *
store_test_file_text (const char *db_path,
                      const char *sql)
{
  sqlite3 *db = open_file (db_path, FALSE);
  char *value = query_text (db, sql);

  sqlite3_close (db);
  return value;
}

void
store_test_file_exec (const char *db_path,
                      const char *sql)
{
  sqlite3 *db = open_file (db_path, TRUE);

  exec_sql (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

gint64
store_test_db_int (AssayStore *store,
                   const char *sql)
{
  return query_int (_assay_store_get_db (store), sql);
}

char *
store_test_db_text (AssayStore *store,
                    const char *sql)
{
  return query_text (_assay_store_get_db (store), sql);
}

void
store_test_db_exec (AssayStore *store,
                    const char *sql)
{
  exec_sql (_assay_store_get_db (store), sql);
}

GBytes *
store_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

void
store_test_write_file (const char *path,
                       const void *data,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

guint
store_test_count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

void
store_test_count_cb (GObject    *object,
                     GParamSpec *pspec,
                     guint      *count)
{
  (*count)++;
}

static void
assert_mirror (ListWatch *watch)
{
  guint n = g_list_model_get_n_items (watch->model);

  g_assert_cmpuint (watch->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (watch->model, i);

      g_assert_true (g_ptr_array_index (watch->mirror, i) == (gpointer) item);
    }
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     ListWatch  *watch)
{
  ItemsChange change = { position, removed, added };

  if (watch->store != NULL)
    g_assert_false (assay_store_in_transaction (watch->store));

  g_array_append_val (watch->changes, change);

  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
  assert_mirror (watch);
}

ListWatch *
list_watch_new (GListModel *model,
                AssayStore *store)
{
  ListWatch *watch = g_new0 (ListWatch, 1);
  guint n = g_list_model_get_n_items (model);

  watch->model = g_object_ref (model);
  watch->store = store;
  watch->changes = g_array_new (FALSE, FALSE, sizeof (ItemsChange));
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (watch->mirror, g_list_model_get_item (model, i));
  watch->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), watch);

  return watch;
}

void
list_watch_free (ListWatch *watch)
{
  if (watch == NULL)
    return;

  g_signal_handler_disconnect (watch->model, watch->handler);
  g_object_unref (watch->model);
  g_array_unref (watch->changes);
  g_ptr_array_unref (watch->mirror);
  g_free (watch);
}

void
list_watch_assert (ListWatch *watch,
                   guint      n,
                   ...)
{
  va_list args;

  assert_mirror (watch);

  if (watch->changes->len != n)
    {
      g_autoptr(GString) seen = g_string_new (NULL);

      for (guint i = 0; i < watch->changes->len; i++)
        {
          ItemsChange *change = &g_array_index (watch->changes, ItemsChange, i);

          g_string_append_printf (seen, " (%u,%u,%u)", change->position, change->removed, change->added);
        }
      g_error ("Expected %u items-changed, got %u:%s", n, watch->changes->len, seen->str);
    }

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      ItemsChange *change = &g_array_index (watch->changes, ItemsChange, i);
      guint position = va_arg (args, guint);
      guint removed = va_arg (args, guint);
      guint added = va_arg (args, guint);

      g_assert_cmpuint (change->position, ==, position);
      g_assert_cmpuint (change->removed, ==, removed);
      g_assert_cmpuint (change->added, ==, added);
    }
  va_end (args);

  g_array_set_size (watch->changes, 0);
}

guint
list_find (GListModel *model,
           gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if ((gpointer) other == item)
        return i;
    }

  return G_MAXUINT;
}
