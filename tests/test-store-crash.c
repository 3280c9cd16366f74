/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay-model.h"
#include "assay-store.h"
#include "test-store-util.h"

/* RELIABILITY.md's crash test, kept cheap: a writer process is killed at a
 * random moment; the workspace must open intact, with every transaction
 * either whole or absent. Each transaction writes an evidence blob, three
 * credentials (one naming the blob), a stack and its three members. */

#define N_KILLS 10
#define MEMBERS_PER_STACK 3

static gboolean
write_transaction (AssayStore *store,
                   guint       n,
                   GError    **error)
{
  g_autoptr(AssayStack) stack = NULL;
  g_autofree char *title = g_strdup_printf ("Stack %u", n);
  g_autofree char *content = g_strdup_printf ("evidence %u of process %d", n, (int) getpid ());
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autofree char *hash = NULL;

  /* The file first, the rows that name it after (RELIABILITY.md) */
  hash = assay_blob_store_write_bytes (assay_store_get_blobs (store), bytes, NULL, error);
  if (hash == NULL || !assay_store_begin (store, error))
    return FALSE;

  stack = assay_stack_new (title);
  if (!assay_store_save (store, stack, error))
    goto failed;

  for (guint i = 0; i < MEMBERS_PER_STACK; i++)
    {
      g_autofree char *name = g_strdup_printf ("Credential %u.%u", n, i);
      g_autoptr(AssayCredential) credential = assay_credential_new (name);
      g_autoptr(AssayStackMember) member = NULL;

      if (i == 0)
        assay_credential_set_image_hash (credential, hash);
      if (!assay_store_save (store, credential, error))
        goto failed;

      member = assay_stack_member_new (assay_record_get_id (ASSAY_RECORD (stack)),
                                       assay_credential_get_lineage_id (credential));
      assay_stack_member_set_position (member, i);
      if (!assay_store_save (store, member, error))
        goto failed;
    }

  return assay_store_commit (store, error);

failed:
  assay_store_rollback (store);
  return FALSE;
}

G_GNUC_NORETURN static void
run_writer (const char *workspace,
            guint32     seed,
            int         ready_fd)
{
  GError *error = NULL;
  AssayStore *store;

  /* A forked child inherits GLib's random state, and with it the UUIDs
   * its siblings already used. */
  g_random_set_seed (seed);
  signal (SIGPIPE, SIG_IGN);

  store = assay_store_open (workspace, ASSAY_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      _exit (2);
    }

  for (guint n = 0; ; n++)
    {
      if (!write_transaction (store, n, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          _exit (3);
        }
      /* Nobody may be listening: then the write fails, harmlessly */
      if (n == 0 && write (ready_fd, "!", 1) != 1)
        g_debug ("Nobody waits for the first commit");
    }
}

static guint
assert_whole_transactions (const char *workspace)
{
  g_autoptr(AssayStore) store = store_test_open (workspace);
  g_autoptr(GPtrArray) stacks = assay_store_query (store, ASSAY_TYPE_STACK, NULL, NULL, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_build_filename (workspace, "blobs", "tmp", NULL);

  problems = assay_store_check (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  for (guint i = 0; i < stacks->len; i++)
    {
      g_autoptr(GPtrArray) members = assay_store_query (store, ASSAY_TYPE_STACK_MEMBER, "stack_id",
                                                        assay_record_get_id (g_ptr_array_index (stacks, i)),
                                                        "position");

      g_assert_cmpuint (members->len, ==, MEMBERS_PER_STACK);
    }
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_STACK_MEMBER), ==, MEMBERS_PER_STACK * stacks->len);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_CREDENTIAL), ==, MEMBERS_PER_STACK * stacks->len);

  /* One blob per transaction: the orphans of interrupted ones are gone */
  {
    g_autoptr(GPtrArray) blobs = assay_blob_store_list (assay_store_get_blobs (store));

    g_assert_cmpuint (blobs->len, ==, stacks->len);
  }
  g_assert_cmpuint (store_test_count_files (tmp), ==, 0);

  return stacks->len;
}

static void
test_crash_kill_writer (void)
{
  g_autoptr(StoreTestDir) dir = store_test_dir_new ();
  guint committed = 0;

  for (guint kill_n = 0; kill_n < N_KILLS; kill_n++)
    {
      int delay_ms = g_test_rand_int_range (50, 201);
      guint32 seed = g_test_rand_int ();
      int status = 0;
      int ready[2];
      char byte;
      guint now_committed;
      pid_t pid;

      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (ready[0]);
          run_writer (dir->workspace, seed, ready[1]);
        }
      close (ready[1]);

      /* Every other time, count the delay from the writer's first commit
       * rather than from its start, so that kills land among transactions
       * however slow the start is (under valgrind, say). The others may
       * land while it opens, migrates or sweeps the workspace. */
      if (kill_n % 2 == 1)
        g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);

      /* Real time is the point here: the kill must land anywhere */
      g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status))
        g_error ("The writer stopped by itself with status %d", WEXITSTATUS (status));
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      now_committed = assert_whole_transactions (dir->workspace);
      g_test_message ("kill %u after %d ms: %u transactions in the workspace", kill_n, delay_ms, now_committed);
      g_assert_cmpuint (now_committed, >=, committed);
      committed = now_committed;
    }

  g_assert_cmpuint (committed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/assay/store/crash/kill-writer", test_crash_kill_writer);

  return store_test_run ();
}
