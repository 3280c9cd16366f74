/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "assay-demo.h"
#include "assay-test-fs.h"
#include "assay-test-ui.h"

static char *test_root;

static void
remove_test_root (void)
{
  if (test_root != NULL)
    assay_test_remove_tree (test_root);
}

void
assay_test_ui_init (int    *argc,
                    char ***argv)
{
  const char *subdirs[] = { "home", "data", "config", "cache", "runtime" };
  const char *vars[] = { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR" };

  test_root = g_dir_make_tmp ("assay-ui-test-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (test_root, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (vars[i], path, TRUE);
    }
  g_unsetenv ("ASSAY_WORKSPACE");
  atexit (remove_test_root);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

char *
assay_test_make_workspace (void)
{
  g_autofree char *name = g_strdup_printf ("workspace-%u", g_random_int ());

  return g_build_filename (test_root, name, NULL);
}

AssayStore *
assay_test_open_demo_store (char **out_directory)
{
  g_autofree char *directory = assay_test_make_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = assay_store_open (directory, ASSAY_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (assay_demo_populate (store, &error));
  g_assert_no_error (error);

  if (out_directory != NULL)
    *out_directory = g_steal_pointer (&directory);
  return g_steal_pointer (&store);
}

typedef struct
{
  gboolean timed_out;
} WaitState;

static gboolean
on_timeout_cb (gpointer data)
{
  ((WaitState *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, or @timeout_ms pass. */
gboolean
assay_test_wait_until (gboolean (*condition) (gpointer),
                       gpointer   data,
                       guint      timeout_ms)
{
  WaitState state = { FALSE };
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &state);

  while (!condition (data) && !state.timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!state.timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets the main loop run for @ms: layout, frames and idle work happen. */
void
assay_test_iterate (guint ms)
{
  assay_test_wait_until (never, NULL, ms);
}
