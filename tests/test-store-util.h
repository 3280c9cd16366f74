/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "assay-store.h"
#include "assay-test-fs.h"

G_BEGIN_DECLS

/* Helpers shared by the tests/test-store*.c programs. */

/* A private temporary folder per test; `workspace` inside it does not exist
 * until a store creates it. Freeing removes the whole tree. */
typedef struct
{
  char *path;
  char *workspace;
  char *db_path;
} StoreTestDir;

/* g_test_init() with HOME and the XDG folders pointed into a temporary
 * folder of this process (not G_TEST_OPTION_ISOLATE_DIRS, which leaks in
 * GLib 2.74 and so fails the valgrind setup); store_test_run() removes it. */
void          store_test_init             (int           *argc,
                                           char        ***argv);
int           store_test_run              (void);

StoreTestDir *store_test_dir_new          (void);
void          store_test_dir_free         (StoreTestDir  *dir);

AssayStore   *store_test_open             (const char    *directory);

/* Raw SQLite on a closed workspace file, not through the store */
gint64        store_test_file_int         (const char    *db_path,
                                           const char    *sql);
char         *store_test_file_text        (const char    *db_path,
                                           const char    *sql);
void          store_test_file_exec        (const char    *db_path,
                                           const char    *sql);
/* The same, on the store's own connection */
gint64        store_test_db_int           (AssayStore    *store,
                                           const char    *sql);
char         *store_test_db_text          (AssayStore    *store,
                                           const char    *sql);
void          store_test_db_exec          (AssayStore    *store,
                                           const char    *sql);

GBytes       *store_test_read_file        (const char    *path);
void          store_test_write_file       (const char    *path,
                                           const void    *data,
                                           gsize          length);
guint         store_test_count_files      (const char    *directory);

void          store_test_count_cb         (GObject       *object,
                                           GParamSpec    *pspec,
                                           guint         *count);

/* Records every items-changed of a list model, checks that each one
 * describes exactly how the list changed (a mirror array replays it), and
 * that none is emitted while @store is inside a transaction. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChange;

typedef struct
{
  GListModel *model;
  AssayStore *store;
  GArray     *changes;
  GPtrArray  *mirror;
  gulong      handler;
} ListWatch;

ListWatch    *list_watch_new              (GListModel    *model,
                                           AssayStore    *store);
void          list_watch_free             (ListWatch     *watch);
/* Asserts the changes since the last call: @n triples position, removed, added */
void          list_watch_assert           (ListWatch     *watch,
                                           guint          n,
                                           ...);
guint         list_find                   (GListModel    *model,
                                           gpointer       item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreTestDir, store_test_dir_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListWatch, list_watch_free)

G_END_DECLS
