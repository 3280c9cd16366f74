/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* main() for the fuzz targets when they are built without libFuzzer (gcc,
 * the ordinary build): runs the target once on every file named, and on
 * every file inside every folder named, so the seed corpus and the saved
 * reproducers are replayed as an ordinary test, under valgrind too.
 *
 *   fuzz-bundle-reader [-v] FILE-OR-FOLDER…
 */

static gboolean verbose;

static void
replay_file (const char *path,
             guint      *count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *exact = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (EXIT_FAILURE);
    }

  /* a copy without GLib's trailing NUL, so that reading one byte past
   * the input is caught by valgrind and ASan */
  exact = g_memdup2 (contents, length);
  if (verbose)
    g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput (exact, length);
  (*count)++;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
replay_path (const char *path,
             guint      *count)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path, count);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (EXIT_FAILURE);
    }

  /* in name order, so a failure is reproduced the same way every time */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i), count);
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;
  int first = 1;

  if (argc > 1 && g_str_equal (argv[1], "-v"))
    {
      verbose = TRUE;
      first = 2;
    }
  if (first >= argc)
    {
      g_printerr ("Usage: %s [-v] FILE-OR-FOLDER…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = first; i < argc; i++)
    replay_path (argv[i], &count);

  /* an empty corpus would make this test pass without testing anything */
  if (count == 0)
    {
      g_printerr ("Nothing to replay in the paths given\n");
      return EXIT_FAILURE;
    }

  g_print ("Replayed %u inputs\n", count);
  return EXIT_SUCCESS;
}
