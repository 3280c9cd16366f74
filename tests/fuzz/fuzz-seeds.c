/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle-corpus.h"

/* Writes the seed corpus of the fuzz targets at build time, with the
 * zip writer of the reader tests: OUT/reader/ holds small bundles, good
 * and hostile, and OUT/manifest/ the manifests they carry. Small on
 * purpose: libFuzzer mutates what it is given, and the targets run with
 * -max_len=64 KiB. The hand-written manifests and the saved reproducers
 * are in tests/fuzz/corpus/.
 *
 *   fuzz-seeds OUT STAMP
 */

static const char pdf[] = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0";
static const char mp4[] = "\0\0\0\x18" "ftypisom\0\0\x02\0isommp42";
static const char webm[] = "\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm";
static const char text[] = "Lesson reflection: the class discussed fractions.\n";
static const char markdown[] = "# Plan\n\n- warm-up\n- fractions\n";

static char *reader_directory;
static char *manifest_directory;

static char *
seed_path (const char *name)
{
  return g_build_filename (reader_directory, name, NULL);
}

static void
write_manifest_seed (const char *name,
                     const char *manifest)
{
  g_autofree char *path = g_build_filename (manifest_directory, name, NULL);

  g_assert_true (g_file_set_contents (path, manifest, -1, NULL));
}

static void
write_raw_seed (const char *name,
                const void *data,
                gsize       length)
{
  g_autofree char *path = seed_path (name);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

/* A bundle as an earner sends it: a manifest, media, a reflection */
static void
seed_media (const char *name,
            const char *options)
{
  g_autofree char *path = seed_path (name);
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle",
                                               "plans/lesson.pdf", pdf,
                                               "notes.md", markdown, NULL);
  CorpusZip *zip = corpus_zip_new (path, options);

  corpus_zip_add (zip, "manifest.json", manifest, -1);
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "photo.png", png, sizeof png - 1);
  corpus_zip_add (zip, "clip.mp4", mp4, sizeof mp4 - 1);
  corpus_zip_add (zip, "clip.webm", webm, sizeof webm - 1);
  corpus_zip_add (zip, "notes.md", markdown, -1);
  corpus_zip_close (zip);
}

static void
seed_streamed (const char *name,
               const char *options)
{
  g_autofree char *path = seed_path (name);
  CorpusZip *zip = corpus_zip_new (path, options);

  corpus_zip_add_streamed (zip, "reflection.txt", text, strlen (text));
  corpus_zip_add_streamed (zip, "plans/lesson.pdf", pdf, strlen (pdf));
  corpus_zip_close (zip);
}

/* One file under @entry_name, written as @written_name and then patched,
 * for names the writer will not produce */
static void
seed_named (const char *name,
            const char *written_name,
            const char *entry_name,
            guint16     flag_bits)
{
  g_autofree char *path = seed_path (name);
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, written_name, text, -1);
  corpus_zip_close (zip);
  if (entry_name != NULL)
    corpus_replace_bytes (path, written_name, entry_name, strlen (written_name));
  if (flag_bits != 0)
    corpus_set_flag_bits (path, 1, flag_bits);
}

static void
seed_plain (void)
{
  g_autofree char *path = seed_path ("ok-plain.zip");
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add_dir (zip, "__MACOSX/");
  corpus_zip_add (zip, "__MACOSX/._lesson.pdf", "\0\5\26\7junk", 8);
  corpus_zip_add (zip, "plans/.DS_Store", "Bud1", 4);
  corpus_zip_add_dir (zip, "plans/");
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "plans\\copy.pdf", pdf, -1);
  corpus_zip_add (zip, "empty.txt", "", 0);
  corpus_zip_add (zip, "sub/manifest.json", "{}", 2);
  corpus_zip_close (zip);
}

static void
seed_inner_zip (void)
{
  g_autofree char *path = seed_path ("ok-zip-in-zip.zip");
  g_autofree char *inner_path = g_strconcat (path, ".inner", NULL);
  g_autofree char *inner = NULL;
  gsize length;
  CorpusZip *zip = corpus_zip_new (inner_path, NULL);

  corpus_zip_add (zip, "../escape.txt", text, -1);
  corpus_zip_close (zip);
  g_assert_true (g_file_get_contents (inner_path, &inner, &length, NULL));
  g_unlink (inner_path);

  zip = corpus_zip_new (path, NULL);
  corpus_zip_add (zip, "more.zip", inner, length);
  corpus_zip_close (zip);
}

/* Zeros past the 1 MiB floor of the ratio check, deflated to a few KiB */
static void
seed_zeros (void)
{
  g_autofree char *path = seed_path ("ok-zeros.zip");
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=deflate");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add_zeros (zip, "video.mp4", 1536 * 1024);
  corpus_zip_close (zip);
}

static void
seed_nfc_twins (void)
{
  g_autofree char *path = seed_path ("bad-nfc-twins.zip");
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "caf\xc3\xa9.txt", text, -1);
  corpus_zip_add (zip, "cafe\xcc\x81.txt", pdf, -1);
  corpus_zip_close (zip);
}

static void
seed_symlink (void)
{
  g_autofree char *path = seed_path ("bad-symlink.zip");
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add_symlink (zip, "passwd", "/etc/passwd");
  corpus_zip_close (zip);
}

static void
seed_modes (void)
{
  g_autofree char *fifo = seed_path ("ok-fifo-mode.zip");
  g_autofree char *device = seed_path ("bad-device-mode.zip");
  const char *paths[] = { fifo, device };
  const guint32 modes[] = { S_IFIFO | 0644, S_IFCHR | 0644 };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      CorpusZip *zip = corpus_zip_new (paths[i], NULL);

      corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
      corpus_zip_add (zip, "node", "", 0);
      corpus_zip_close (zip);
      corpus_set_unix_mode (paths[i], 1, modes[i]);
    }
}

static void
seed_damaged (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autofree char *crc = seed_path ("bad-crc.zip");
  g_autofree char *crc_deflated = seed_path ("bad-crc-deflated.zip");
  g_autofree char *lying = seed_path ("bad-lying-size.zip");
  g_autofree char *truncated = seed_path ("bad-truncated.zip");
  g_autofree guint8 *noise = g_malloc (16 * 1024);
  g_autofree char *bytes = NULL;
  gsize length, offset;
  CorpusZip *zip;

  for (guint i = 0; i < 16 * 1024; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);

  zip = corpus_zip_new (crc, "zip:compression=store");
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "reflection.txt", text, -1);
  corpus_zip_close (zip);
  corpus_replace_bytes (crc, "class discussed", "class DISCUSSED", 15);

  zip = corpus_zip_new (crc_deflated, "zip:compression=deflate");
  corpus_zip_add (zip, "photo.raw", noise, 16 * 1024);
  corpus_zip_close (zip);
  offset = corpus_data_offset (crc_deflated, 0) + 8000;
  g_assert_true (g_file_get_contents (crc_deflated, &bytes, &length, NULL));
  bytes[offset] ^= 0x01;
  g_assert_true (g_file_set_contents (crc_deflated, bytes, length, NULL));

  zip = corpus_zip_new (lying, "zip:compression=store");
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "reflection.txt", text, -1);
  corpus_zip_close (zip);
  corpus_set_sizes (lying, 1, 5);

  zip = corpus_zip_new (truncated, "zip:compression=store");
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "video.mp4", noise, 16 * 1024);
  corpus_zip_close (zip);
  corpus_truncate (truncated, 8 * 1024);
}

static void
seed_encrypted (void)
{
  g_autofree char *path = seed_path ("bad-encrypted.zip");
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "secret.txt", text, -1);
  corpus_zip_close (zip);
  corpus_set_flag_bits (path, 1, 0x0001);
}

static void
seed_with_manifest (const char *name,
                    const char *manifest)
{
  g_autofree char *path = seed_path (name);
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "manifest.json", manifest, -1);
  corpus_zip_add (zip, "notes.md", markdown, -1);
  corpus_zip_close (zip);
}

static void
seed_manifests (void)
{
  g_autofree char *good = corpus_manifest ("assay-evidence-bundle", "plans/lesson.pdf", pdf,
                                           "notes.md", markdown, NULL);
  g_autofree char *wrong_hash = corpus_manifest ("assay-evidence-bundle", "notes.md", text, NULL);
  g_autofree char *missing = corpus_manifest ("assay-evidence-bundle", "plans/lesson.pdf", pdf,
                                              "video.mp4", mp4, NULL);
  g_autofree char *wrong_format = corpus_manifest ("zip-of-stuff", "notes.md", markdown, NULL);
  g_autofree char *no_artifacts = corpus_manifest ("assay-evidence-bundle", NULL, NULL);
  g_autofree char *nfd = corpus_manifest ("assay-evidence-bundle", "cafe\xcc\x81.txt", text, NULL);
  g_autofree char *deep = g_strnfill (150000, '[');

  seed_with_manifest ("ok-manifest.zip", good);
  seed_with_manifest ("ok-manifest-no-artifacts.zip", no_artifacts);
  seed_with_manifest ("bad-manifest-hash.zip", wrong_hash);
  seed_with_manifest ("bad-manifest-missing-file.zip", missing);
  seed_with_manifest ("bad-manifest-format.zip", wrong_format);
  seed_with_manifest ("bad-manifest-malformed.zip", "{\"format\": \"assay-evidence-bundle\", \"version\": 1,");

  /* json-glib recursed through these until the manifest checked nesting
   * first: the stack overflowed and the process ended */
  seed_with_manifest ("bad-manifest-deep.zip", deep);
  seed_with_manifest ("bad-manifest-empty.zip", "");
  write_manifest_seed ("generated-deep.json", deep);

  write_manifest_seed ("generated-two-artifacts.json", good);
  write_manifest_seed ("generated-no-artifacts.json", no_artifacts);
  write_manifest_seed ("generated-nfd-path.json", nfd);
  write_manifest_seed ("generated-wrong-format.json", wrong_format);
}

static void
seed_not_zips (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 noise[1024];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  noise[0] = 'P';
  noise[1] = 'K';

  write_raw_seed ("bad-pdf.zip", pdf, strlen (pdf));
  write_raw_seed ("bad-empty.zip", "", 0);
  write_raw_seed ("bad-noise.zip", noise, sizeof noise);
  write_raw_seed ("ok-only-end-record.zip", "PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);
}

static void
make_empty_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  /* what an older generator wrote must not stay in the corpus */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *oversized = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: %s OUT STAMP\n", argv[0]);
      return EXIT_FAILURE;
    }

  reader_directory = g_build_filename (argv[1], "reader", NULL);
  manifest_directory = g_build_filename (argv[1], "manifest", NULL);
  make_empty_directory (reader_directory);
  make_empty_directory (manifest_directory);

  seed_media ("ok-deflated.zip", "zip:compression=deflate");
  seed_media ("ok-stored.zip", "zip:compression=store");
  seed_media ("ok-zip64.zip", "zip:zip64");
  seed_streamed ("ok-data-descriptors.zip", "zip:compression=store");
  seed_streamed ("ok-data-descriptors-deflated.zip", "zip:compression=deflate");
  seed_named ("ok-nfd-name.zip", "cafe\xcc\x81.txt", NULL, 0);
  seed_named ("ok-cp437-name.zip", "cafQ.txt", "caf\x82.txt", 0);
  seed_named ("ok-utf8-flagged-name.zip", "cafXX.txt", "caf\xc3\xa9.txt", 0x0800);
  seed_plain ();
  seed_inner_zip ();
  seed_zeros ();
  seed_modes ();

  seed_named ("bad-dotdot.zip", "plans/../../evil.txt", NULL, 0);
  seed_named ("bad-backslash-dotdot.zip", "..\\evil.txt", NULL, 0);
  seed_named ("bad-absolute.zip", "/etc/evil.txt", NULL, 0);
  seed_named ("bad-drive.zip", "C:\\evil.txt", NULL, 0);
  seed_named ("bad-control.zip", "bad\x01name.txt", NULL, 0);
  seed_named ("bad-empty-part.zip", "plans//evil.txt", NULL, 0);
  seed_named ("bad-duplicate.zip", "plans\\lesson.pdf", NULL, 0);
  seed_nfc_twins ();
  oversized = g_strnfill (256, 'a');
  seed_named ("bad-long-part.zip", oversized, NULL, 0);
  seed_symlink ();
  seed_encrypted ();
  seed_damaged ();
  seed_manifests ();
  seed_not_zips ();

  g_assert_true (g_file_set_contents (argv[2], "", 0, NULL));
  g_free (reader_directory);
  g_free (manifest_directory);

  return EXIT_SUCCESS;
}
