/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The approval packet (issue 7): exporting a packet with 40 attached
 * documents — the typeset PDF and the zip with every document — against a
 * budget of 3 s, printed with its ratio. The documents are 40 files of
 * 256 KB to 2 MB of incompressible bytes (scanned syllabi, slide decks),
 * about 45 MB in all, every indicator of the ISBE rubric rated with a
 * narrative.
 *
 * Usage: bench-packet [RUNS]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "assay-packet-export.h"
#include "assay-store-credentials.h"
#include "assay-store-packets.h"
#include "../assay-test-fs.h"

#define BUDGET_S 3.0
#define N_DOCUMENTS 40

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  int runs = argc > 1 ? CLAMP (atoi (argv[1]), 1, 20) : 5;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("assay-bench-packet-XXXXXX", &error);
  g_autofree char *workspace = g_build_filename (directory, "workspace", NULL);
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayFramework) framework = NULL;
  g_autoptr(AssayPacket) packet = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize total = 0;
  double median, worst;

  g_setenv ("XDG_DATA_HOME", directory, TRUE);
  store = assay_store_open (workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  credential = assay_store_create_credential (store, "Checking for Understanding During Instruction", &error);
  framework = assay_frameworks_lookup ("isbe-2023", &error);
  g_assert_no_error (error);
  packet = assay_store_packet_ensure (store, credential, framework, &error);
  g_assert_no_error (error);
  items = assay_store_packet_items (store, packet, framework);

  for (guint i = 0; i < items->len; i++)
    assay_store_packet_rate (store, g_ptr_array_index (items, i), ASSAY_RATING_YES,
                             "The course documentation shows this in the syllabus, the rubric and the timeline; "
                             "the assessor training plan describes how each submission cycle is reviewed.", &error);

  for (int d = 0; d < N_DOCUMENTS; d++)
    {
      gsize size = (gsize) g_rand_int_range (rand, 256, 2048) * 1024;
      guint32 *bytes = g_malloc (size);
      g_autofree char *name = g_strdup_printf ("document-%02d.pdf", d);
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      for (gsize k = 0; k < size / 4; k++)
        bytes[k] = g_rand_int (rand);
      g_assert_true (g_file_set_contents (path, (const char *) bytes, size, NULL));
      g_free (bytes);
      total += size;
      g_assert_true (assay_store_packet_attach (store, g_ptr_array_index (items, d % items->len), file, &error));
      g_unlink (path);
    }

  for (int r = 0; r < runs; r++)
    {
      g_autofree char *pdf_path = g_build_filename (directory, "packet.pdf", NULL);
      g_autofree char *zip_path = g_build_filename (directory, "packet.zip", NULL);
      g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
      g_autoptr(GFile) zip = g_file_new_for_path (zip_path);
      gint64 start = g_get_monotonic_time ();
      double seconds;

      if (!assay_packet_export (store, packet, framework, pdf, zip, NULL, &error))
        {
          g_printerr ("bench-packet: %s\n", error->message);
          return 1;
        }
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_array_append_val (times, seconds);
      g_unlink (pdf_path);
      g_unlink (zip_path);
    }

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  worst = g_array_index (times, double, times->len - 1);
  printf ("approval packet export, %d documents (%.1f MB), PDF and zip (%d runs)\n",
          N_DOCUMENTS, total / 1048576.0, runs);
  printf ("  median  %6.0f ms   budget %4.0f ms   ratio %.2f\n", median * 1000, BUDGET_S * 1000, median / BUDGET_S);
  printf ("  worst   %6.0f ms   budget %4.0f ms   ratio %.2f\n", worst * 1000, BUDGET_S * 1000, worst / BUDGET_S);

  assay_store_close (store);
  assay_test_remove_tree (directory);
  return worst <= BUDGET_S ? 0 : 1;
}
