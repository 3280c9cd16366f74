/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle-corpus.h"
#include "test-bundle-reader.h"

/* The corpus: how each bundle is made, and what the reader must say. */

const char pdf[] = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0";
const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";
const char mp4[] = "\0\0\0\x18" "ftypisom\0\0\x02\0isommp42";
const char webm[] = "\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm";
const char text[] = "Lesson reflection: the class discussed fractions.\n";
const char markdown[] = "# Plan\n\n- warm-up\n- fractions\n";
const gsize png_length = sizeof png - 1;
const gsize jpeg_length = sizeof jpeg - 1;
const gsize mp4_length = sizeof mp4 - 1;
const gsize webm_length = sizeof webm - 1;

static void
add_media (CorpusZip *zip)
{
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle",
                                               "plans/lesson.pdf", pdf,
                                               "notes.md", markdown, NULL);

  corpus_zip_add (zip, "manifest.json", manifest, -1);
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "photo.png", png, png_length);
  corpus_zip_add (zip, "photo.jpg", jpeg, jpeg_length);
  corpus_zip_add (zip, "clip.mp4", mp4, mp4_length);
  corpus_zip_add (zip, "clip.webm", webm, webm_length);
  corpus_zip_add (zip, "reflection.txt", text, -1);
  corpus_zip_add (zip, "notes.md", markdown, -1);
}

static void
check_media (AssayBundleContents *contents)
{
  g_assert_nonnull (contents->manifest);
  g_assert_null (find_entry (contents, "manifest.json"));
  g_assert_cmpuint (contents->entries->len, ==, 7);
  assert_entry (contents, "plans/lesson.pdf", pdf, strlen (pdf), "application/pdf");
  assert_entry (contents, "photo.png", png, png_length, "image/png");
  assert_entry (contents, "photo.jpg", jpeg, jpeg_length, "image/jpeg");
  assert_entry (contents, "clip.mp4", mp4, mp4_length, "video/mp4");
  assert_entry (contents, "clip.webm", webm, webm_length, "video/webm");
  assert_entry (contents, "reflection.txt", text, strlen (text), "text/plain");
  assert_entry (contents, "notes.md", markdown, strlen (markdown), "text/markdown");
}

void
build_deflated (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=deflate");

  add_media (zip);
  corpus_zip_close (zip);
}

static void
build_stored (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  add_media (zip);
  corpus_zip_close (zip);
}

static void
build_zip64 (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:zip64");

  add_media (zip);
  corpus_zip_close (zip);
}

static void
build_streamed (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add_streamed (zip, "reflection.txt", text, strlen (text));
  corpus_zip_add_streamed (zip, "plans/lesson.pdf", pdf, strlen (pdf));
  corpus_zip_close (zip);
}

static void
check_streamed (AssayBundleContents *contents)
{
  g_assert_null (contents->manifest);
  g_assert_cmpuint (contents->entries->len, ==, 2);
  assert_entry (contents, "reflection.txt", text, strlen (text), "text/plain");
  assert_entry (contents, "plans/lesson.pdf", pdf, strlen (pdf), "application/pdf");
}

static void
build_nfc (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "cafe\xcc\x81.txt", text, -1);   /* e + combining acute */
  corpus_zip_close (zip);
}

static void
check_nfc (AssayBundleContents *contents)
{
  assert_entry (contents, "caf\xc3\xa9.txt", text, strlen (text), "text/plain");
}

static void
build_cp437 (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "cafQ.txt", text, -1);
  corpus_zip_close (zip);
  corpus_replace_bytes (path, "cafQ.txt", "caf\x82.txt", 8);    /* CP437 é, no UTF-8 flag */
}

static void
build_utf8_flag (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "cafXX.txt", text, -1);
  corpus_zip_close (zip);
  corpus_replace_bytes (path, "cafXX.txt", "caf\xc3\xa9.txt", 9);
  corpus_set_flag_bits (path, 0, 0x0800);     /* the name is UTF-8 */
}

static void
build_backslash (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans\\lesson.pdf", pdf, -1);
  corpus_zip_close (zip);
}

static void
check_backslash (AssayBundleContents *contents)
{
  assert_entry (contents, "plans/lesson.pdf", pdf, strlen (pdf), "application/pdf");
}

static void
build_junk (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add_dir (zip, "__MACOSX/");
  corpus_zip_add (zip, "__MACOSX/._lesson.pdf", "\0\5\26\7junk", 8);
  corpus_zip_add (zip, ".DS_Store", "Bud1", 4);
  corpus_zip_add (zip, "plans/.DS_Store", "Bud1", 4);
  corpus_zip_add_dir (zip, "plans/");
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_close (zip);
}

static void
check_one_pdf (AssayBundleContents *contents)
{
  g_assert_cmpuint (contents->entries->len, ==, 1);
  assert_entry (contents, "plans/lesson.pdf", pdf, strlen (pdf), "application/pdf");
}

static void
build_inner_zip (const char *path)
{
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

static void
check_inner_zip (AssayBundleContents *contents)
{
  g_assert_cmpuint (contents->entries->len, ==, 1);
  g_assert_cmpstr (((AssayBundleEntry *) contents->entries->pdata[0])->media_type, ==, "application/zip");
}

static void
build_extra_and_twins (const char *path)
{
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle", "a.txt", text, NULL);
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "manifest.json", manifest, -1);
  corpus_zip_add (zip, "a.txt", text, -1);
  corpus_zip_add (zip, "copy-of-a.txt", text, -1);       /* not in the manifest */
  corpus_zip_add (zip, "empty.txt", "", 0);
  corpus_zip_add (zip, "sub/manifest.json", "{}", 2);   /* only a file */
  corpus_zip_close (zip);
}

static void
check_extra_and_twins (AssayBundleContents *contents)
{
  AssayBundleEntry *a = find_entry (contents, "a.txt");
  AssayBundleEntry *copy = find_entry (contents, "copy-of-a.txt");

  g_assert_cmpuint (contents->entries->len, ==, 4);
  g_assert_cmpstr (a->sha256, ==, copy->sha256);
  /* the workspace already had this text: neither entry created it */
  g_assert_false (a->created);
  g_assert_false (copy->created);
  assert_entry (contents, "empty.txt", "", 0, NULL);
  assert_entry (contents, "sub/manifest.json", "{}", 2, NULL);
}

static void
build_big_stored (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add_zeros (zip, "video.mp4", 8 * 1024 * 1024);
  corpus_zip_close (zip);
}

/* Refused */

static void
build_with_good_first (const char *path,
                       const char *bad_name)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "photo.png", png, png_length);
  corpus_zip_add (zip, bad_name, text, -1);
  corpus_zip_close (zip);
}

#define BAD_NAME(func, name) \
  static void func (const char *path) { build_with_good_first (path, name); }

BAD_NAME (build_dotdot, "../evil.txt")
BAD_NAME (build_dotdot_inner, "plans/../../evil.txt")
BAD_NAME (build_backslash_dotdot, "..\\evil.txt")
BAD_NAME (build_absolute, "/etc/evil.txt")
BAD_NAME (build_drive, "C:/evil.txt")
BAD_NAME (build_drive_backslash, "C:\\evil.txt")
BAD_NAME (build_control, "bad\x01name.txt")
BAD_NAME (build_delete_char, "bad\x7fname.txt")
BAD_NAME (build_empty_part, "plans//evil.txt")
BAD_NAME (build_duplicate, "plans/lesson.pdf")
BAD_NAME (build_backslash_duplicate, "plans\\lesson.pdf")

static void
build_long_part (const char *path)
{
  g_autofree char *name = g_strnfill (256, 'a');

  build_with_good_first (path, name);
}

static void
build_long_path (const char *path)
{
  build_with_good_first (path, "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.txt");
}

static void
limit_path (AssayBundleLimits *limits)
{
  limits->max_path_bytes = 32;
}

static void
build_nfc_duplicate_pair (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "caf\xc3\xa9.txt", text, -1);
  corpus_zip_add (zip, "cafe\xcc\x81.txt", pdf, -1);
  corpus_zip_close (zip);
}

static void
build_symlink (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add_symlink (zip, "passwd", "/etc/passwd");
  corpus_zip_close (zip);
}

static void
build_fifo (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "pipe", "", 0);
  corpus_zip_close (zip);
  corpus_set_unix_mode (path, 1, S_IFIFO | 0644);
}

static void
check_fifo (AssayBundleContents *contents)
{
  g_assert_cmpuint (contents->entries->len, ==, 2);
  assert_entry (contents, "pipe", "", 0, NULL);
}

static void
build_encrypted (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "secret.txt", text, -1);
  corpus_zip_close (zip);
  corpus_set_flag_bits (path, 1, 0x0001);
}

static void
build_bad_crc (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "reflection.txt", text, -1);
  corpus_zip_close (zip);
  corpus_replace_bytes (path, "class discussed", "class DISCUSSED", 15);
}

static void
build_bad_crc_deflated (const char *path)
{
  g_autofree guint8 *data = g_malloc (64 * 1024);
  g_autofree char *bytes = NULL;
  gsize length, offset;
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=deflate");

  for (guint i = 0; i < 64 * 1024; i++)
    data[i] = g_test_rand_int_range (0, 256);
  corpus_zip_add (zip, "photo.raw", data, 64 * 1024);
  corpus_zip_close (zip);

  /* flip one byte in the middle of the stored-as-deflate random data */
  offset = corpus_data_offset (path, 0) + 30000;
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  bytes[offset] ^= 0x01;
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
}

static void
build_lying_size (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "reflection.txt", text, -1);
  corpus_zip_close (zip);
  corpus_set_sizes (path, 1, 5);
}

static void
build_truncated (const char *path)
{
  g_autofree guint8 *data = g_malloc (256 * 1024);
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  for (guint i = 0; i < 256 * 1024; i++)
    data[i] = i * 7;
  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "video.mp4", data, 256 * 1024);
  corpus_zip_close (zip);
  corpus_truncate (path, 128 * 1024);
}

static void
build_bomb (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=deflate");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add_zeros (zip, "zeros.bin", 200 * 1024 * 1024);
  corpus_zip_close (zip);
}

static void
build_zeros (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, "zip:compression=store");

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add_zeros (zip, "a.bin", 3 * 1024 * 1024);
  corpus_zip_add_zeros (zip, "b.bin", 3 * 1024 * 1024 + 1);
  corpus_zip_close (zip);
}

static void
limit_entry (AssayBundleLimits *limits)
{
  limits->max_entry_bytes = 2 * 1024 * 1024;
}

static void
limit_total (AssayBundleLimits *limits)
{
  limits->max_total_bytes = 5 * 1024 * 1024;
}

static void
build_many (const char *path)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%02u.txt", i);
      g_autofree char *content = g_strdup_printf ("file %u\n", i);

      corpus_zip_add (zip, name, content, -1);
    }
  corpus_zip_close (zip);
}

static void
limit_entries (AssayBundleLimits *limits)
{
  limits->max_entries = 10;
}

static void
build_manifest_case (const char *path,
                     const char *manifest)
{
  CorpusZip *zip = corpus_zip_new (path, NULL);

  corpus_zip_add (zip, "plans/lesson.pdf", pdf, -1);
  corpus_zip_add (zip, "manifest.json", manifest, -1);
  corpus_zip_add (zip, "notes.md", markdown, -1);
  corpus_zip_close (zip);
}

static void
build_manifest_wrong_hash (const char *path)
{
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle", "plans/lesson.pdf", pdf,
                                               "notes.md", "# Plan\n\n- warm-up\n- fractionz\n", NULL);

  build_manifest_case (path, manifest);
}

static void
build_manifest_wrong_size (const char *path)
{
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle", "notes.md", markdown, NULL);
  g_autofree char *size = g_strdup_printf ("\"size\": %zu", strlen (markdown));
  g_autofree char *wrong = g_strdup_printf ("\"size\": %zu", strlen (markdown) + 1);
  g_auto(GStrv) parts = g_strsplit (manifest, size, -1);
  g_autofree char *patched = g_strjoinv (wrong, parts);

  build_manifest_case (path, patched);
}

static void
build_manifest_missing_file (const char *path)
{
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle", "plans/lesson.pdf", pdf,
                                               "video.mp4", mp4, NULL);

  build_manifest_case (path, manifest);
}

static void
build_manifest_malformed (const char *path)
{
  build_manifest_case (path, "{\"format\": \"assay-evidence-bundle\", \"version\": 1,");
}

static void
build_manifest_wrong_format (const char *path)
{
  g_autofree char *manifest = corpus_manifest ("zip-of-stuff", "notes.md", markdown, NULL);

  build_manifest_case (path, manifest);
}

static void
build_manifest_upper_hash (const char *path)
{
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle", "notes.md", markdown, NULL);
  g_autofree char *sha256 = corpus_sha256 (markdown, strlen (markdown));
  g_autofree char *upper = g_ascii_strup (sha256, -1);
  g_auto(GStrv) parts = g_strsplit (manifest, sha256, -1);
  g_autofree char *patched = g_strjoinv (upper, parts);

  build_manifest_case (path, patched);
}

static void
build_pdf (const char *path)
{
  g_assert_true (g_file_set_contents (path, pdf, -1, NULL));
}

static void
build_random (const char *path)
{
  guint8 data[4096];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_test_rand_int_range (0, 256);
  data[0] = 'P';
  data[1] = 'K';
  g_assert_true (g_file_set_contents (path, (const char *) data, sizeof data, NULL));
}

static void
build_empty (const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

const BundleCase bundle_cases[] = {
  /* accepted */
  { "deflated", build_deflated, -1, NULL, check_media },
  { "stored", build_stored, -1, NULL, check_media },
  { "zip64", build_zip64, -1, NULL, check_media },
  { "data-descriptors", build_streamed, -1, NULL, check_streamed },
  { "nfc-name", build_nfc, -1, NULL, check_nfc },
  { "cp437-name", build_cp437, -1, NULL, check_nfc },
  { "utf8-flagged-name", build_utf8_flag, -1, NULL, check_nfc },
  { "backslash-separators", build_backslash, -1, NULL, check_backslash },
  { "macos-junk", build_junk, -1, NULL, check_one_pdf },
  { "zip-in-zip", build_inner_zip, -1, NULL, check_inner_zip },
  { "extra-files-and-twins", build_extra_and_twins, -1, NULL, check_extra_and_twins },
  { "stored-past-ratio-floor", build_big_stored, -1, NULL, NULL },
  /* unsafe names */
  { "dotdot", build_dotdot, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "dotdot-inside", build_dotdot_inner, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "backslash-dotdot", build_backslash_dotdot, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "absolute", build_absolute, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "drive", build_drive, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "drive-backslash", build_drive_backslash, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "control-character", build_control, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "delete-character", build_delete_char, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "empty-component", build_empty_part, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "long-component", build_long_part, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, NULL, NULL },
  { "long-path", build_long_path, ASSAY_BUNDLE_ERROR_UNSAFE_PATH, limit_path, NULL },
  /* duplicates, links, encryption, damage */
  { "duplicate", build_duplicate, ASSAY_BUNDLE_ERROR_DUPLICATE, NULL, NULL },
  { "duplicate-after-backslash", build_backslash_duplicate, ASSAY_BUNDLE_ERROR_DUPLICATE, NULL, NULL },
  { "duplicate-nfc-pair", build_nfc_duplicate_pair, ASSAY_BUNDLE_ERROR_DUPLICATE, NULL, NULL },
  { "symlink", build_symlink, ASSAY_BUNDLE_ERROR_NOT_A_FILE, NULL, NULL },
  /* libarchive's zip reader turns any type but directory and link into a
   * regular file: a "fifo" is only an empty file, never a pipe */
  { "fifo-mode", build_fifo, -1, NULL, check_fifo },
  { "encrypted", build_encrypted, ASSAY_BUNDLE_ERROR_ENCRYPTED, NULL, NULL },
  { "bad-crc-stored", build_bad_crc, ASSAY_BUNDLE_ERROR_CORRUPT, NULL, NULL },
  { "bad-crc-deflated", build_bad_crc_deflated, ASSAY_BUNDLE_ERROR_CORRUPT, NULL, NULL },
  { "lying-size", build_lying_size, ASSAY_BUNDLE_ERROR_CORRUPT, NULL, NULL },
  { "truncated", build_truncated, ASSAY_BUNDLE_ERROR_CORRUPT, NULL, NULL },
  /* limits */
  { "deflate-bomb", build_bomb, ASSAY_BUNDLE_ERROR_TOO_LARGE, NULL, NULL },
  { "entry-too-large", build_zeros, ASSAY_BUNDLE_ERROR_TOO_LARGE, limit_entry, NULL },
  { "total-too-large", build_zeros, ASSAY_BUNDLE_ERROR_TOO_LARGE, limit_total, NULL },
  { "too-many-entries", build_many, ASSAY_BUNDLE_ERROR_TOO_LARGE, limit_entries, NULL },
  /* manifests */
  { "manifest-wrong-hash", build_manifest_wrong_hash, ASSAY_BUNDLE_ERROR_MANIFEST, NULL, NULL },
  { "manifest-wrong-size", build_manifest_wrong_size, ASSAY_BUNDLE_ERROR_MANIFEST, NULL, NULL },
  { "manifest-missing-file", build_manifest_missing_file, ASSAY_BUNDLE_ERROR_MANIFEST, NULL, NULL },
  { "manifest-malformed", build_manifest_malformed, ASSAY_BUNDLE_ERROR_MANIFEST, NULL, NULL },
  { "manifest-wrong-format", build_manifest_wrong_format, ASSAY_BUNDLE_ERROR_MANIFEST, NULL, NULL },
  { "manifest-uppercase-hash", build_manifest_upper_hash, ASSAY_BUNDLE_ERROR_MANIFEST, NULL, NULL },
  /* not zips */
  { "pdf", build_pdf, ASSAY_BUNDLE_ERROR_NOT_A_ZIP, NULL, NULL },
  { "random-bytes", build_random, ASSAY_BUNDLE_ERROR_NOT_A_ZIP, NULL, NULL },
  { "empty-file", build_empty, ASSAY_BUNDLE_ERROR_NOT_A_ZIP, NULL, NULL },
};

const guint n_bundle_cases = G_N_ELEMENTS (bundle_cases);
