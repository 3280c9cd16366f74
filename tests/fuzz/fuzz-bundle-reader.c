/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-fuzz"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assay-bundle.h"
#include "assay-bundle-manifest.h"
#include "assay-bundle-sniff.h"
#include "assay-test-fs.h"
#include "fuzz.h"

/* assay_bundle_read() on arbitrary bytes, into a blob store that is empty
 * before every input. What the product promises, checked on each one:
 * - a refused bundle leaves nothing behind: blobs/ holds only an empty tmp/;
 * - an accepted bundle has safe, unique NFC names, each with a blob of the
 *   size and SHA-256 it claims, the bundle's own hash is that of the file,
 *   and discarding it empties the store again;
 * - no file descriptor stays open.
 * The store lives in a folder of $TMPDIR made once per process (run-fuzz.sh
 * points TMPDIR at a fresh folder, on tmpfs when there is one: the store
 * fsyncs every blob) and removed at exit.
 */

typedef struct
{
  char              *directory;
  char              *blob_directory;
  char              *zip_path;
  AssayBlobStore    *blobs;
  AssayBundleLimits  limits;
} FuzzState;

typedef struct
{
  guint64 size;
  guint64 bytes_done;
  guint   files_done;
} Progress;

static FuzzState state;

static void
tear_down (void)
{
  g_clear_object (&state.blobs);
  if (state.directory != NULL)
    assay_test_remove_tree (state.directory);
  g_clear_pointer (&state.directory, g_free);
  g_clear_pointer (&state.blob_directory, g_free);
  g_clear_pointer (&state.zip_path, g_free);
}

static guint
count_open_files (void)
{
  DIR *dir = opendir ("/proc/self/fd");
  guint count = 0;

  if (dir == NULL)
    return 0;
  while (readdir (dir) != NULL)
    count++;
  closedir (dir);

  return count;
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sniffed = NULL;

  fuzz_init ();

  state.directory = g_dir_make_tmp ("assay-fuzz-reader-XXXXXX", &error);
  fuzz_require (state.directory != NULL, "no scratch folder: %s", error ? error->message : "");
  state.zip_path = g_build_filename (state.directory, "input.zip", NULL);
  state.blobs = assay_blob_store_new (state.directory, FALSE, &error);
  fuzz_require (state.blobs != NULL, "no blob store: %s", error ? error->message : "");
  state.blob_directory = g_strdup (assay_blob_store_get_directory (state.blobs));
  atexit (tear_down);

  /* Real limits, smaller caps: one input of 64 KiB could otherwise make
   * GiBs of blobs before the ratio check stops it, and fuzz slowly. */
  assay_bundle_limits_init_default (&state.limits);
  state.limits.max_total_bytes = 32 * 1024 * 1024;
  state.limits.max_entry_bytes = 16 * 1024 * 1024;
  state.limits.max_entries = 1000;

  /* GIO opens and maps its MIME database on the first guess: open it now,
   * so that the file count below only sees what one read leaves open */
  sniffed = assay_bundle_sniff_media_type ("x", (const guint8 *) "\x01\x02", 2, TRUE);
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  int fd = open (state.zip_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  fuzz_require (fd >= 0, "cannot write the input: %s", g_strerror (errno));
  while (size > 0)
    {
      ssize_t written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      fuzz_require (written > 0, "cannot write the input: %s", g_strerror (errno));
      data += written;
      size -= written;
    }
  close (fd);
}

/* NULL if blobs/ is as the store made it (an empty tmp/ and nothing else),
 * else the first thing left in it */
static char *
find_leftover (void)
{
  g_autoptr(GDir) dir = g_dir_open (state.blob_directory, 0, NULL);
  const char *name;

  fuzz_require (dir != NULL, "blobs/ is gone");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *tmp = NULL;
      g_autoptr(GDir) inner = NULL;
      const char *inner_name;

      if (!g_str_equal (name, "tmp"))
        return g_strdup (name);

      tmp = g_build_filename (state.blob_directory, name, NULL);
      inner = g_dir_open (tmp, 0, NULL);
      fuzz_require (inner != NULL, "blobs/tmp/ is gone");
      if ((inner_name = g_dir_read_name (inner)) != NULL)
        return g_build_filename ("tmp", inner_name, NULL);
    }

  return NULL;
}

static void
on_progress (guint64  bytes_done,
             guint64  bytes_total,
             guint    files_done,
             gpointer user_data)
{
  Progress *progress = user_data;

  fuzz_require (bytes_total == progress->size, "progress over %" G_GUINT64_FORMAT " bytes, not %"
                G_GUINT64_FORMAT, bytes_total, progress->size);
  fuzz_require (bytes_done <= bytes_total, "progress past the end");
  fuzz_require (bytes_done >= progress->bytes_done && files_done >= progress->files_done,
                "progress going back");
  progress->bytes_done = bytes_done;
  progress->files_done = files_done;
}

static gboolean
is_junk (const char *path)
{
  const char *base = strrchr (path, '/');

  return g_str_equal (path, "__MACOSX") || g_str_has_prefix (path, "__MACOSX/") ||
         g_str_equal (base ? base + 1 : path, ".DS_Store");
}

/* The names the rest of Assay shows and matches, from the promise in
 * assay-bundle.h, checked independently of the reader's own code */
static void
check_path (const char *path)
{
  g_autofree char *nfc = NULL;
  g_auto(GStrv) parts = NULL;

  fuzz_require (path != NULL && *path != '\0', "an entry without a name");
  fuzz_require (g_utf8_validate (path, -1, NULL), "an entry name that is not UTF-8");
  nfc = g_utf8_normalize (path, -1, G_NORMALIZE_NFC);
  fuzz_require (g_strcmp0 (nfc, path) == 0, "the entry name “%s” is not NFC", path);
  fuzz_require (strlen (path) <= state.limits.max_path_bytes, "the entry name “%s” is too long", path);
  fuzz_require (path[0] != '/' && strchr (path, '\\') == NULL, "the entry name “%s” is absolute", path);
  fuzz_require (!(g_ascii_isalpha (path[0]) && path[1] == ':'), "the entry name “%s” names a drive", path);
  for (const guchar *p = (const guchar *) path; *p != '\0'; p++)
    fuzz_require (*p >= 0x20 && *p != 0x7f, "the entry name “%s” has a control character", path);
  fuzz_require (!is_junk (path), "the junk entry “%s” is kept", path);
  fuzz_require (!g_str_equal (path, ASSAY_BUNDLE_MANIFEST_NAME), "the manifest is kept as an entry");

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    fuzz_require (*parts[i] != '\0' && !g_str_equal (parts[i], ".") && !g_str_equal (parts[i], "..") &&
                  strlen (parts[i]) <= 255,
                  "the entry name “%s” has an empty, dot or overlong part", path);
}

/* Hashes the blob with a small buffer of its own: under ASan every
 * 256 KiB buffer (what assay_blob_store_verify() takes) is an mmap and a
 * munmap, which would halve the executions per second. */
static char *
hash_file (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[16 * 1024];
  ssize_t got;
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

  if (fd < 0)
    return NULL;
  while ((got = read (fd, buffer, sizeof buffer)) > 0)
    g_checksum_update (checksum, buffer, got);
  close (fd);

  return got == 0 ? g_strdup (g_checksum_get_string (checksum)) : NULL;
}

static void
check_blob (AssayBundleEntry *entry)
{
  g_autofree char *blob_path = assay_blob_store_get_path (state.blobs, entry->sha256);
  g_autofree char *actual = NULL;
  GStatBuf st;

  fuzz_require (blob_path != NULL, "the entry “%s” has the hash “%s”", entry->path, entry->sha256);
  fuzz_require (g_lstat (blob_path, &st) == 0 && S_ISREG (st.st_mode),
                "the blob of “%s” is missing", entry->path);
  fuzz_require ((guint64) st.st_size == entry->size, "the blob of “%s” has %" G_GINT64_FORMAT
                " bytes, the entry %" G_GUINT64_FORMAT, entry->path, (gint64) st.st_size, entry->size);
  actual = hash_file (blob_path);
  fuzz_require (g_strcmp0 (actual, entry->sha256) == 0, "the blob of “%s” has the hash %s, not %s",
                entry->path, actual, entry->sha256);
}

static void
check_accepted (AssayBundleContents *contents,
                const uint8_t       *data,
                size_t               size)
{
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  g_autoptr(GError) error = NULL;

  fuzz_require (g_strcmp0 (contents->bundle_sha256, sha256) == 0,
                "the bundle's hash %s is not the file's %s", contents->bundle_sha256, sha256);
  fuzz_require (contents->entries->len <= state.limits.max_entries, "more entries than the limit");

  for (guint i = 0; i < contents->entries->len; i++)
    {
      AssayBundleEntry *entry = g_ptr_array_index (contents->entries, i);

      check_path (entry->path);
      fuzz_require (g_hash_table_add (paths, entry->path), "two entries named “%s”", entry->path);
      check_blob (entry);
      fuzz_require (entry->media_type != NULL && strchr (entry->media_type, '/') != NULL,
                    "the entry “%s” has the media type “%s”", entry->path, entry->media_type);
      /* the store was empty: the first entry of each content made its blob */
      fuzz_require (entry->created == g_hash_table_add (hashes, entry->sha256),
                    "the entry “%s” says created=%d wrongly", entry->path, entry->created);
    }

  fuzz_require (contents->manifest == NULL ||
                assay_bundle_manifest_check_entries (contents->manifest, contents->entries, &error),
                "an accepted bundle fails its own manifest: %s", error ? error->message : "");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AssayBundleContents) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leftover = NULL;
  Progress progress = { .size = size };
  guint open_files;

  if (state.blobs == NULL)
    set_up ();

  write_input (data, size);
  open_files = count_open_files ();

  contents = assay_bundle_read (state.blobs, state.zip_path, &state.limits,
                                on_progress, &progress, NULL, &error);
  if (contents == NULL)
    {
      g_debug ("Refused: %s", error ? error->message : "no error");
      fuzz_check_refusal (error, -1);
      leftover = find_leftover ();
      fuzz_require (leftover == NULL, "a refused bundle (%s) left blobs/%s behind", error->message, leftover);
    }
  else
    {
      g_debug ("Accepted: %u entries%s", contents->entries->len,
               contents->manifest != NULL ? " and a manifest" : "");
      fuzz_require (error == NULL, "an accepted bundle with an error set");
      check_accepted (contents, data, size);
      assay_bundle_contents_discard (contents, state.blobs);
      leftover = find_leftover ();
      fuzz_require (leftover == NULL, "a discarded bundle left blobs/%s behind", leftover);
    }

  fuzz_require (count_open_files () == open_files, "the read left a file open");

  return 0;
}
