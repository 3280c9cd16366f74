/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay-bundle-import.h"
#include "assay-bundle-pack.h"
#include "assay-demo.h"
#include "assay-model.h"
#include "assay-store.h"
#include "assay-test-fs.h"

/* Issue 3: an importing process is killed (SIGKILL) at random moments, over
 * and over; after each kill the workspace passes `check` and holds no
 * partial submission: every submission has all the artifacts of its bundle. */

#define N_KILLS 50
/* one fresh bundle per kill, so that every child makes a real import */
#define N_BUNDLES N_KILLS
#define FILES_PER_BUNDLE 2

typedef struct
{
  char       *root;
  char       *workspace;
  char       *credential_id;
  char       *zips[N_BUNDLES];
  GHashTable *expected;   /* bundle_sha256 → expected artifact count */
  GHashTable *demo_ids;   /* submissions that were there before the loop */
} Fixture;

static char *
write_random_file (const char *root,
                   const char *name,
                   gsize       size)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autofree guint32 *words = g_new (guint32, size / 4);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < size / 4; i++)
    words[i] = g_random_int ();
  g_assert_true (g_file_set_contents (path, (const char *) words, (size / 4) * 4, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) g_mapped_file_get_contents (mapped),
                                      g_mapped_file_get_length (mapped));
}

static void
fixture_set_up (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autoptr(GPtrArray) submissions = NULL;

  f->root = g_dir_make_tmp ("assay-bundle-crash-XXXXXX", &error);
  g_assert_no_error (error);
  f->workspace = g_build_filename (f->root, "workspace", NULL);
  f->expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->demo_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_demo_populate (store, &error));
  g_assert_true (assay_store_commit (store, &error));
  g_assert_no_error (error);

  credentials = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  for (guint i = 0; i < credentials->len && f->credential_id == NULL; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);

      if (assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_PUBLISHED)
        f->credential_id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
    }
  g_assert_nonnull (f->credential_id);

  submissions = assay_store_query (store, ASSAY_TYPE_SUBMISSION, NULL, NULL, NULL);
  for (guint i = 0; i < submissions->len; i++)
    g_hash_table_add (f->demo_ids, g_strdup (assay_record_get_id (g_ptr_array_index (submissions, i))));

  for (guint b = 0; b < N_BUNDLES; b++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) reflections = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *email = g_strdup_printf ("packer%u@example.net", b);
      g_autofree char *name = g_strdup_printf ("bundle-%u.zip", b);

      for (guint i = 0; i < FILES_PER_BUNDLE; i++)
        {
          g_autofree char *file = g_strdup_printf ("b%u-file%u.bin", b, i);
          gsize size = (gsize) g_random_int_range (1, 4) * 1024 * 1024;

          g_ptr_array_add (files, write_random_file (f->root, file, size));
        }
      f->zips[b] = g_build_filename (f->root, name, NULL);
      g_assert_true (assay_bundle_pack (store, f->credential_id, email, files, reflections,
                                        f->zips[b], &error));
      g_assert_no_error (error);
      for (guint i = 0; i < files->len; i++)
        g_assert_cmpint (g_unlink (g_ptr_array_index (files, i)), ==, 0);
      g_hash_table_insert (f->expected, file_sha256 (f->zips[b]),
                           GUINT_TO_POINTER (FILES_PER_BUNDLE));
    }
}

static void
fixture_tear_down (Fixture *f)
{
  assay_test_remove_tree (f->root);
  for (guint b = 0; b < N_BUNDLES; b++)
    g_free (f->zips[b]);
  g_hash_table_unref (f->expected);
  g_hash_table_unref (f->demo_ids);
  g_free (f->credential_id);
  g_free (f->workspace);
  g_free (f->root);
}

G_GNUC_NORETURN static void
run_importer (Fixture    *f,
              const char *zip,
              const char *email,
              guint32     seed)
{
  GError *error = NULL;
  AssayStore *store = NULL;
  AssaySubmission *submission;

  /* A forked child inherits GLib's random state, and with it the UUIDs
   * its siblings already used. */
  g_random_set_seed (seed);
  signal (SIGPIPE, SIG_IGN);

  /* The parent may have closed the workspace a moment ago */
  for (guint attempt = 0; store == NULL; attempt++)
    {
      store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        {
          if (!g_error_matches (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_BUSY) || attempt > 200)
            {
              g_printerr ("importer: %s\n", error->message);
              _exit (2);
            }
          g_clear_error (&error);
          g_usleep (5000);
        }
    }

  submission = assay_bundle_import_file (store, zip, NULL, email, NULL, &error);
  if (submission == NULL)
    g_clear_error (&error);   /* already imported, say: harmless here */
  g_clear_object (&submission);
  g_object_unref (store);
  _exit (0);
}

static guint
assert_workspace_whole (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  guint imported = 0;

  for (guint attempt = 0; store == NULL; attempt++)
    {
      store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
      if (store == NULL && g_error_matches (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_BUSY) && attempt < 200)
        {
          g_clear_error (&error);
          g_usleep (5000);
        }
      else
        g_assert_no_error (error);
    }

  problems = assay_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  submissions = assay_store_query (store, ASSAY_TYPE_SUBMISSION, NULL, NULL, NULL);
  for (guint i = 0; i < submissions->len; i++)
    {
      AssaySubmission *submission = g_ptr_array_index (submissions, i);
      const char *id = assay_record_get_id (ASSAY_RECORD (submission));
      const char *sha = assay_submission_get_bundle_sha256 (submission);
      g_autoptr(GPtrArray) artifacts = NULL;
      gpointer expected;

      if (g_hash_table_contains (f->demo_ids, id))
        continue;
      g_assert_nonnull (sha);
      g_assert_true (g_hash_table_lookup_extended (f->expected, sha, NULL, &expected));
      artifacts = assay_store_query (store, ASSAY_TYPE_ARTIFACT, "submission_id", id, NULL);
      g_assert_cmpuint (artifacts->len, ==, GPOINTER_TO_UINT (expected));
      imported++;
    }

  return imported;
}

static void
test_crash_kill_importer (void)
{
  Fixture f = { NULL, };
  guint imported = 0;

  fixture_set_up (&f);

  for (guint kill_n = 0; kill_n < N_KILLS; kill_n++)
    {
      int delay_ms = g_test_rand_int_range (0, 41);
      guint32 seed = (guint32) g_test_rand_int () ^ (guint32) g_get_real_time ();
      const char *zip = f.zips[kill_n % N_BUNDLES];
      g_autofree char *email = g_strdup_printf ("earner%u@example.net", kill_n);
      int status = 0;
      guint now_imported;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        run_importer (&f, zip, email, seed ^ (guint32) getpid ());

      /* Real time is the point here: the kill must land anywhere */
      g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status))
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          g_test_message ("kill %u after %d ms: the import had finished", kill_n, delay_ms);
        }
      else
        {
          g_assert_true (WIFSIGNALED (status));
          g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
        }

      now_imported = assert_workspace_whole (&f);
      g_test_message ("kill %u after %d ms: %u imported submissions", kill_n, delay_ms, now_imported);
      g_assert_cmpuint (now_imported, >=, imported);
      imported = now_imported;
    }

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/bundle/crash/kill-importer", test_crash_kill_importer);

  return g_test_run ();
}
