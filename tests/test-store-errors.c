/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay-model.h"
#include "assay-store.h"
#include "assay-store-credentials.h"
#include "assay-store-private.h"
#include "test-store-util.h"

/* What goes wrong around a workspace: another process, files that are not
 * ours, damage, a full disk, and what `check` finds. */

static void
save (AssayStore *store,
      gpointer    record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_save (store, record, &error));
  g_assert_no_error (error);
}

static AssayPerson *
save_person (AssayStore *store,
             const char *name,
             const char *email)
{
  AssayPerson *person = assay_person_new (name, email);

  save (store, person);
  return person;
}

/* A closed workspace holding one person */
static void
make_workspace (StoreTestDir *dir)
{
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) person = save_person (store, "Ada", "ada@example.org");
  g_autofree char *wal = g_strconcat (dir->db_path, "-wal", NULL);

  assay_store_close (store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GBytes   *bytes;
  struct stat st;
} FileState;

static void
file_state_get (const char *path,
                FileState  *state)
{
  state->bytes = store_test_read_file (path);
  g_assert_cmpint (stat (path, &state->st), ==, 0);
}

static void
file_state_assert_same (const char *path,
                        FileState  *before)
{
  g_autoptr(GBytes) bytes = store_test_read_file (path);
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_true (g_bytes_equal (bytes, before->bytes));
  g_assert_cmpint (st.st_size, ==, before->st.st_size);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, before->st.st_mtim.tv_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, before->st.st_mtim.tv_nsec);
  g_clear_pointer (&before->bytes, g_bytes_unref);
}

static void
assert_open_fails (const char          *directory,
                   AssayStoreOpenFlags  flags,
                   AssayStoreError      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = assay_store_open (directory, flags, &error);

  g_assert_null (store);
  g_assert_error (error, ASSAY_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
}

/* Another process tries to open the workspace. Returns 1 if it was busy,
 * | 2 if it could be read, | the number of people it holds << 2. */
static int
open_in_child (const char *directory)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;
      AssayStore *store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);
      int result = 0;

      if (store == NULL && error->domain == ASSAY_STORE_ERROR && error->code == ASSAY_STORE_ERROR_BUSY)
        result |= 1;
      g_clear_error (&error);
      g_clear_object (&store);

      store = assay_store_open (directory, ASSAY_STORE_OPEN_READ_ONLY, &error);
      if (store != NULL)
        result |= 2 | (MIN (assay_store_count (store, ASSAY_TYPE_PERSON), 15) << 2);
      g_clear_error (&error);
      g_clear_object (&store);

      /* Everything freed, so that valgrind has nothing to say either */
      _exit (result);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_errors_locked (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssayStore) reader = NULL;
  g_autoptr(AssayPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  make_workspace (dir);
  store = store_test_open (dir->workspace);

  /* In this process… */
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_BUSY);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_EXISTING, ASSAY_STORE_ERROR_BUSY);

  /* …and in another one, which may still read it */
  g_assert_cmpint (open_in_child (dir->workspace), ==, 1 | 2 | 1 << 2);

  /* Read-only while it is locked, seeing what the writer commits */
  reader = assay_store_open (dir->workspace, ASSAY_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (assay_store_get_read_only (reader));
  g_assert_cmpuint (assay_store_count (reader, ASSAY_TYPE_PERSON), ==, 1);
  person = save_person (store, "Bea", "bea@example.org");
  g_assert_cmpuint (assay_store_count (reader, ASSAY_TYPE_PERSON), ==, 2);

  /* Closing releases the lock at once */
  assay_store_close (store);
  g_clear_object (&store);
  g_assert_cmpint (open_in_child (dir->workspace), ==, 2 | 2 << 2);
  store = store_test_open (dir->workspace);
}

static void
test_errors_newer (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autofree char *backup = NULL;
  FileState before;

  make_workspace (dir);
  store_test_file_exec (dir->db_path, "PRAGMA user_version = 99");
  file_state_get (dir->db_path, &before);

  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_NEWER);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_EXISTING, ASSAY_STORE_ERROR_NEWER);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_READ_ONLY, ASSAY_STORE_ERROR_NEWER);

  file_state_assert_same (dir->db_path, &before);
  g_assert_cmpint (store_test_file_int (dir->db_path, "PRAGMA user_version"), ==, 99);
  backup = g_build_filename (dir->workspace, "assay.db.schema-99.bak", NULL);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
assert_refused_unchanged (StoreTestDir *dir)
{
  FileState before;

  file_state_get (dir->db_path, &before);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_CORRUPT);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_EXISTING, ASSAY_STORE_ERROR_CORRUPT);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_READ_ONLY, ASSAY_STORE_ERROR_CORRUPT);
  file_state_assert_same (dir->db_path, &before);
}

static void
test_errors_not_sqlite (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  const char *text = "These are my notes, not a database.\n";
  guint8 noise[8192];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_test_rand_int_range (0, 256);

  g_assert_cmpint (g_mkdir (dir->workspace, 0700), ==, 0);

  store_test_write_file (dir->db_path, noise, sizeof noise);
  assert_refused_unchanged (dir);

  store_test_write_file (dir->db_path, text, strlen (text));
  assert_refused_unchanged (dir);

  /* Shorter than SQLite's header */
  store_test_write_file (dir->db_path, "SQLite", 6);
  assert_refused_unchanged (dir);
}

static void
test_errors_foreign_database (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autofree char *journal = NULL;

  g_assert_cmpint (g_mkdir (dir->workspace, 0700), ==, 0);

  /* Another program's database: a table, no application id, the default
   * rollback journal (switching it to WAL would already change the file) */
  store_test_file_exec (dir->db_path,
                        "CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('Blackbird');");
  assert_refused_unchanged (dir);
  journal = store_test_file_text (dir->db_path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  g_assert_cmpint (store_test_file_int (dir->db_path, "SELECT count(*) FROM song"), ==, 1);

  /* Another program's application id, even without a table */
  g_assert_cmpint (g_unlink (dir->db_path), ==, 0);
  store_test_file_exec (dir->db_path, "PRAGMA application_id = 1234; PRAGMA user_version = 1");
  assert_refused_unchanged (dir);
}

static void
test_errors_corrupt (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AssayStore) store = NULL;
  guint8 *data;
  gsize length;

  /* Enough rows to fill many pages */
  store = store_test_open (dir->workspace);
  g_assert_true (assay_store_begin (store, NULL));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u with a reasonably long name to fill pages", i);
      g_autofree char *email = g_strdup_printf ("p%u@example.org", i);
      g_autoptr(AssayPerson) person = save_person (store, name, email);
    }
  g_assert_true (assay_store_commit (store, NULL));
  assay_store_close (store);
  g_clear_object (&store);

  /* Keep the header page, scribble over the pages in the middle */
  bytes = store_test_read_file (dir->db_path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
  g_assert_cmpuint (length, >, 16 * 4096);
  for (gsize i = length / 2 - 4 * 4096; i < length / 2 + 4 * 4096; i++)
    data[i] = g_test_rand_int_range (0, 256);
  store_test_write_file (dir->db_path, data, length);
  g_free (data);

  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_CORRUPT);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_READ_ONLY, ASSAY_STORE_ERROR_CORRUPT);
}

static void
test_errors_unwritable (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autofree char *file = g_build_filename (dir->path, "a-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "workspace", NULL);
  g_autofree char *locked_dir = g_build_filename (dir->path, "locked", NULL);
  g_autofree char *below_locked = g_build_filename (locked_dir, "workspace", NULL);

  store_test_write_file (file, "x", 1);
  assert_open_fails (below_file, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_IO);
  assert_open_fails (below_file, ASSAY_STORE_OPEN_EXISTING, ASSAY_STORE_ERROR_NOT_FOUND);
  assert_open_fails (below_file, ASSAY_STORE_OPEN_READ_ONLY, ASSAY_STORE_ERROR_NOT_FOUND);

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not stop root");
      return;
    }

  g_assert_cmpint (g_mkdir (locked_dir, 0500), ==, 0);
  assert_open_fails (below_locked, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_IO);
  g_assert_false (g_file_test (below_locked, G_FILE_TEST_EXISTS));

  /* A workspace whose own folder became read-only */
  make_workspace (dir);
  g_assert_cmpint (g_chmod (dir->workspace, 0500), ==, 0);
  assert_open_fails (dir->workspace, ASSAY_STORE_OPEN_DEFAULT, ASSAY_STORE_ERROR_IO);
  g_assert_cmpint (g_chmod (dir->workspace, 0700), ==, 0);
}

static void
test_errors_disk_full (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) kept = save_person (store, "Kept", "kept@example.org");
  g_autoptr(AssayPerson) big = assay_person_new ("Big", "big@example.org");
  g_autoptr(AssayPerson) found = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *huge = g_strnfill (256 * 1024, 'x');
  g_autofree char *kept_id = g_strdup (assay_record_get_id (ASSAY_RECORD (kept)));
  g_autofree char *big_id = g_strdup (assay_record_get_id (ASSAY_RECORD (big)));
  gint64 pages = store_test_db_int (store, "PRAGMA page_count");
  guint notified = 0;

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_cmpint (store_test_db_int (store, sql), ==, pages);

  /* A new row that does not fit */
  assay_person_set_school (big, huge);
  g_assert_false (assay_store_save (store, big, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  g_assert_false (assay_record_get_persisted (ASSAY_RECORD (big)));
  g_assert_false (assay_store_in_transaction (store));
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);

  /* An edit that does not fit: the stored value comes back */
  g_signal_connect (kept, "notify::school", G_CALLBACK (store_test_count_cb), &notified);
  assay_person_set_school (kept, huge);
  g_assert_false (assay_store_save (store, kept, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (assay_person_get_school (kept));
  g_assert_cmpuint (notified, ==, 2);

  /* Small changes still fit */
  assay_person_set_school (kept, "Small School");
  save (store, kept);

  assay_store_close (store);
  g_clear_object (&store);
  g_clear_object (&kept);

  store = store_test_open (dir->workspace);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_PERSON), ==, 1);
  found = assay_store_lookup (store, ASSAY_TYPE_PERSON, kept_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assay_person_get_school (found), ==, "Small School");
  g_clear_object (&found);
  found = assay_store_lookup (store, ASSAY_TYPE_PERSON, big_id, &error);
  g_assert_null (found);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  problems = assay_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Without the limit, the big row fits */
  save (store, big);
}

static void
test_errors_blob_write_fails (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  AssayBlobStore *blobs = assay_store_get_blobs (store);
  g_autofree char *tmp = g_build_filename (assay_blob_store_get_directory (blobs), "tmp", NULL);
  g_autofree guint8 *data = g_malloc0 (1024 * 1024);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), 1024 * 1024);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  struct rlimit saved, low;
  void (*saved_handler) (int);
  gboolean created = TRUE;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  low = saved;
  low.rlim_cur = 64 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &low), ==, 0);

  hash = assay_blob_store_write_bytes (blobs, bytes, &created, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_null (hash);
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  /* Nothing is left behind: no blob, no temporary */
  g_assert_cmpuint (store_test_count_files (tmp), ==, 0);
  g_assert_cmpuint (store_test_count_files (assay_blob_store_get_directory (blobs)), ==, 1);
  list = assay_blob_store_list (blobs);
  g_assert_cmpuint (list->len, ==, 0);

  /* With the room back it works */
  hash = assay_blob_store_write_bytes (blobs, bytes, &created, &error);
  g_assert_no_error (error);
  g_assert_true (created);
  g_assert_true (assay_blob_store_verify (blobs, hash, &error));
  g_assert_no_error (error);
}

static const char hello_sha256[] = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

static void
test_errors_blob_dedup (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  AssayBlobStore *blobs = assay_store_get_blobs (store);
  g_autoptr(GBytes) hello = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shard = NULL;
  g_autofree char *tmp = g_build_filename (assay_blob_store_get_directory (blobs), "tmp", NULL);
  gboolean created = FALSE;

  first = assay_blob_store_write_bytes (blobs, hello, &created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, hello_sha256);
  g_assert_true (created);

  second = assay_blob_store_write_bytes (blobs, hello, &created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, hello_sha256);
  g_assert_false (created);

  path = assay_blob_store_get_path (blobs, first);
  shard = g_path_get_dirname (path);
  g_assert_cmpuint (store_test_count_files (shard), ==, 1);
  g_assert_cmpuint (store_test_count_files (tmp), ==, 0);
  read_back = store_test_read_file (path);
  g_assert_true (g_bytes_equal (read_back, hello));
  g_assert_true (assay_blob_store_contains (blobs, first));
  g_assert_true (assay_blob_store_verify (blobs, first, &error));
  g_assert_no_error (error);

  list = assay_blob_store_list (blobs);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, hello_sha256);

  /* Removing, then writing again, creates it anew */
  g_assert_true (assay_blob_store_remove (blobs, first, &error));
  g_assert_no_error (error);
  g_assert_false (assay_blob_store_contains (blobs, first));
  g_clear_pointer (&second, g_free);
  second = assay_blob_store_write_bytes (blobs, hello, &created, &error);
  g_assert_no_error (error);
  g_assert_true (created);
}

static void
test_errors_blob_path (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  AssayBlobStore *blobs = assay_store_get_blobs (store);
  g_autofree char *dotdot = g_strconcat ("../../../../../../etc/passwd", NULL);
  g_autofree char *padded = g_strnfill (64, 'a');
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "",
    "../../etc/passwd",
    "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98245",
    "../4dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b/../",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e730433629 8b9824",
  };

  g_assert_null (assay_blob_store_get_path (blobs, NULL));
  g_assert_null (assay_blob_store_get_path (blobs, dotdot));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *refused = assay_blob_store_get_path (blobs, bad[i]);

      g_assert_null (refused);
      g_assert_false (assay_blob_store_contains (blobs, bad[i]));
      g_assert_false (assay_blob_store_verify (blobs, bad[i], &error));
      g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_false (assay_blob_store_remove (blobs, bad[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  /* A well-formed hash stays inside the folder */
  path = assay_blob_store_get_path (blobs, padded);
  g_assert_true (g_str_has_prefix (path, assay_blob_store_get_directory (blobs)));
  g_assert_true (g_str_has_suffix (path, "/aa/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  g_assert_false (assay_blob_store_verify (blobs, padded, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND);
}

static AssaySubmission *make_submission (AssayStore *store);

static void
test_errors_sweep (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssayCredential) credential = assay_credential_new ("With an image");
  g_autoptr(GBytes) image = g_bytes_new_static ("PNG", 3);
  g_autoptr(GBytes) unused = g_bytes_new_static ("left by a crash", 15);
  g_autoptr(GBytes) zip = g_bytes_new_static ("PK", 2);
  g_autoptr(AssaySubmission) submission = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *left1 = NULL;
  g_autofree char *left2 = NULL;
  g_autofree char *stray_dir = NULL;
  g_autofree char *stray = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *orphan = NULL;

  make_workspace (dir);
  tmp = g_build_filename (dir->workspace, "blobs", "tmp", NULL);
  left1 = g_build_filename (tmp, "blob-Ab12Cd", NULL);
  left2 = g_build_filename (tmp, "blob-Zz99Yy", NULL);
  stray_dir = g_build_filename (dir->workspace, "blobs", "zz", NULL);
  stray = g_build_filename (stray_dir, "notes.txt", NULL);

  /* A blob a row names, one that no row names (an import interrupted
   * before its commit), the temporaries of an interrupted write, and a
   * file that is not a blob at all */
  store = store_test_open (dir->workspace);
  kept = assay_blob_store_write_bytes (assay_store_get_blobs (store), image, NULL, NULL);
  orphan = assay_blob_store_write_bytes (assay_store_get_blobs (store), unused, NULL, NULL);
  g_assert_nonnull (kept);
  g_assert_nonnull (orphan);
  assay_credential_set_image_hash (credential, kept);
  save (store, credential);
  bundle = assay_blob_store_write_bytes (assay_store_get_blobs (store), zip, NULL, NULL);
  submission = make_submission (store);
  assay_submission_set_bundle_sha256 (submission, bundle);
  save (store, submission);
  assay_store_close (store);
  g_clear_object (&store);
  store_test_write_file (left1, "partial", 7);
  store_test_write_file (left2, "", 0);
  g_assert_cmpint (g_mkdir (stray_dir, 0700), ==, 0);
  store_test_write_file (stray, "?", 1);

  /* A reader removes nothing: it holds no lock */
  store = assay_store_open (dir->workspace, ASSAY_STORE_OPEN_READ_ONLY, NULL);
  g_assert_nonnull (store);
  g_assert_cmpuint (store_test_count_files (tmp), ==, 2);
  g_assert_true (assay_blob_store_contains (assay_store_get_blobs (store), orphan));
  g_clear_object (&store);

  /* The writer does */
  store = store_test_open (dir->workspace);
  g_assert_cmpuint (store_test_count_files (tmp), ==, 0);
  g_assert_true (assay_blob_store_contains (assay_store_get_blobs (store), kept));
  /* the zip an import came from is only recognised by its hash, not kept */
  g_assert_false (assay_blob_store_contains (assay_store_get_blobs (store), bundle));
  g_assert_false (assay_blob_store_contains (assay_store_get_blobs (store), orphan));
  g_assert_true (g_file_test (stray, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (assay_blob_store_sweep_temporaries (assay_store_get_blobs (store)), ==, 0);
}

/* A submission to hang artifacts on */
static AssaySubmission *
make_submission (AssayStore *store)
{
  g_autoptr(AssayPerson) earner = save_person (store, "Earner", "earner@example.org");
  g_autoptr(AssayCredential) credential = assay_credential_new ("Evidence");
  AssaySubmission *submission;

  save (store, credential);
  submission = assay_submission_new (assay_record_get_id (ASSAY_RECORD (earner)),
                                     assay_record_get_id (ASSAY_RECORD (credential)));
  save (store, submission);

  return submission;
}

static AssayArtifact *
add_artifact (AssayStore      *store,
              AssaySubmission *submission,
              const char      *path,
              const char      *sha256)
{
  AssayArtifact *artifact = assay_artifact_new (assay_record_get_id (ASSAY_RECORD (submission)), path, path, sha256);

  save (store, artifact);
  return artifact;
}

static GPtrArray *
check (AssayStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = assay_store_check (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));

  return problems;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *part1,
             const char *part2)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = g_ptr_array_index (problems, i);

      if (strstr (line, part1) != NULL && (part2 == NULL || strstr (line, part2) != NULL))
        return TRUE;
    }

  return FALSE;
}

static void
test_errors_check_clean (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(AssayArtifact) artifact = NULL;
  g_autoptr(AssayStack) stack = assay_stack_new ("Leadership");
  g_autoptr(AssayStackMember) member = NULL;
  g_autoptr(GBytes) hello = g_bytes_new_static ("hello", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  /* Empty */
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Rows, a referenced blob, audit events, a stack */
  submission = make_submission (store);
  hash = assay_blob_store_write_bytes (assay_store_get_blobs (store), hello, NULL, &error);
  g_assert_no_error (error);
  artifact = add_artifact (store, submission, "plan.txt", hash);
  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_store_append_audit (store, NULL, "evidence-added", ASSAY_RECORD (artifact), "{\"n\":1}", &error));
  g_assert_true (assay_store_append_audit (store, NULL, "evidence-checked", ASSAY_RECORD (artifact), NULL, &error));
  g_assert_true (assay_store_commit (store, &error));
  g_assert_no_error (error);
  save (store, stack);
  {
    g_autoptr(AssayCredential) credential = assay_credential_new ("Member");

    save (store, credential);
    member = assay_stack_member_new (assay_record_get_id (ASSAY_RECORD (stack)),
                                     assay_credential_get_lineage_id (credential));
    save (store, member);
  }

  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The triggers keep the audit trail append-only */
  g_assert_cmpint (sqlite3_exec (_assay_store_get_db (store), "UPDATE audit_event SET action = 'x'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (sqlite3_exec (_assay_store_get_db (store), "DELETE FROM audit_event", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_AUDIT_EVENT), ==, 2);
}

static void
test_errors_check_blobs (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  AssayBlobStore *blobs = assay_store_get_blobs (store);
  g_autoptr(AssaySubmission) submission = make_submission (store);
  g_autoptr(AssayArtifact) missing = NULL;
  g_autoptr(AssayArtifact) damaged = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) orphan_bytes = g_bytes_new_static ("nobody needs me", 15);
  g_autoptr(GBytes) damaged_bytes = g_bytes_new_static ("original", 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *orphan = NULL;
  g_autofree char *damaged_hash = NULL;
  g_autofree char *damaged_path = NULL;
  g_autofree char *stray_dir = NULL;
  g_autofree char *stray = NULL;
  g_autofree char *absent = g_strnfill (64, 'e');

  /* An orphan: a blob no row names */
  orphan = assay_blob_store_write_bytes (blobs, orphan_bytes, NULL, &error);
  g_assert_no_error (error);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "orphan", orphan));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (assay_blob_store_remove (blobs, orphan, &error));

  /* A file that is not a blob at all */
  stray_dir = g_build_filename (assay_blob_store_get_directory (blobs), "zz", NULL);
  stray = g_build_filename (stray_dir, "notes.txt", NULL);
  g_assert_cmpint (g_mkdir (stray_dir, 0700), ==, 0);
  store_test_write_file (stray, "?", 1);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "orphan", "zz/notes.txt"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  assay_test_remove_tree (stray_dir);

  /* A row that names a blob that is not there */
  missing = add_artifact (store, submission, "missing.pdf", absent);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "missing", absent));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (assay_store_delete (store, missing, &error));

  /* A blob whose content changed under its name */
  damaged_hash = assay_blob_store_write_bytes (blobs, damaged_bytes, NULL, &error);
  g_assert_no_error (error);
  damaged = add_artifact (store, submission, "damaged.txt", damaged_hash);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  damaged_path = assay_blob_store_get_path (blobs, damaged_hash);
  g_assert_cmpint (g_chmod (damaged_path, 0600), ==, 0);
  store_test_write_file (damaged_path, "tampered", 8);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "damaged", damaged_hash));
}

static void
test_errors_check_audit (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  g_autoptr(AssayStore) store = store_test_open (dir->workspace);
  g_autoptr(AssayPerson) subject = save_person (store, "Subject", "subject@example.org");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (assay_store_begin (store, &error));
  for (guint i = 0; i < 3; i++)
    g_assert_true (assay_store_append_audit (store, NULL, "person-checked", ASSAY_RECORD (subject), NULL, &error));
  g_assert_true (assay_store_commit (store, &error));
  g_assert_no_error (error);

  /* Events that were rolled back leave no gap */
  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_store_append_audit (store, NULL, "person-checked", ASSAY_RECORD (subject), NULL, &error));
  assay_store_rollback (store);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_AUDIT_EVENT), ==, 3);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Somebody rewrites the second event behind our back */
  assay_store_close (store);
  g_clear_object (&store);
  store_test_file_exec (dir->db_path,
                        "DROP TRIGGER audit_event_no_update;"
                        "UPDATE audit_event SET action = 'person-forgiven' WHERE seq = 2;");

  store = store_test_open (dir->workspace);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "audit", "2"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* …or removes the first one */
  assay_store_close (store);
  g_clear_object (&store);
  store_test_file_exec (dir->db_path,
                        "UPDATE audit_event SET action = 'person-checked' WHERE seq = 2;"
                        "DROP TRIGGER audit_event_no_delete;"
                        "DELETE FROM audit_event WHERE seq = 1;");
  store = store_test_open (dir->workspace);
  problems = check (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, "audit", "2"));
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/assay/store/errors/locked", test_errors_locked);
  g_test_add_func ("/assay/store/errors/newer", test_errors_newer);
  g_test_add_func ("/assay/store/errors/not-sqlite", test_errors_not_sqlite);
  g_test_add_func ("/assay/store/errors/foreign-database", test_errors_foreign_database);
  g_test_add_func ("/assay/store/errors/corrupt", test_errors_corrupt);
  g_test_add_func ("/assay/store/errors/unwritable", test_errors_unwritable);
  g_test_add_func ("/assay/store/errors/disk-full", test_errors_disk_full);
  g_test_add_func ("/assay/store/errors/blob-write-fails", test_errors_blob_write_fails);
  g_test_add_func ("/assay/store/errors/blob-dedup", test_errors_blob_dedup);
  g_test_add_func ("/assay/store/errors/blob-path", test_errors_blob_path);
  g_test_add_func ("/assay/store/errors/sweep", test_errors_sweep);
  g_test_add_func ("/assay/store/errors/check-clean", test_errors_check_clean);
  g_test_add_func ("/assay/store/errors/check-blobs", test_errors_check_blobs);
  g_test_add_func ("/assay/store/errors/check-audit", test_errors_check_audit);

  return store_test_run ();
}
