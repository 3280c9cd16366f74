/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "assay-bundle.h"
#include "assay-bundle-manifest.h"
#include "assay-bundle-sniff.h"
#include "assay-store.h"
#include "assay-test-fs.h"
#include "bundle-corpus.h"
#include "test-bundle-reader.h"

/* The bundle reader against a corpus written at test time: each case has
 * its verdict, and a refused bundle must leave blobs/ exactly as it was. */

typedef struct
{
  char           *directory;
  char           *zip;
  AssayStore     *store;
  AssayBlobStore *blobs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;

  fixture->directory = g_dir_make_tmp ("assay-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  workspace = g_build_filename (fixture->directory, "workspace", NULL);
  fixture->zip = g_build_filename (fixture->directory, "bundle.zip", NULL);
  fixture->store = assay_store_open (workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->blobs = assay_store_get_blobs (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  assay_store_close (fixture->store);
  g_clear_object (&fixture->store);
  assay_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->zip);
}

/* "name size" of everything under blobs/, sorted */
static void
list_tree (const char *root,
           const char *relative,
           GPtrArray  *lines)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (full, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (lines, g_strdup_printf ("%s/", child));
          list_tree (root, child, lines);
        }
      else
        g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT, child, (gint64) st.st_size));
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
snapshot (AssayBlobStore *blobs)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  list_tree (assay_blob_store_get_directory (blobs), "", lines);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

AssayBundleEntry *
find_entry (AssayBundleContents *contents,
            const char          *path)
{
  for (guint i = 0; i < contents->entries->len; i++)
    {
      AssayBundleEntry *entry = g_ptr_array_index (contents->entries, i);

      if (g_str_equal (entry->path, path))
        return entry;
    }

  return NULL;
}

void
assert_entry (AssayBundleContents *contents,
              const char          *path,
              const char          *data,
              gsize                length,
              const char          *media_type)
{
  AssayBundleEntry *entry = find_entry (contents, path);
  g_autofree char *sha256 = corpus_sha256 (data, length);

  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->size, ==, length);
  g_assert_cmpstr (entry->sha256, ==, sha256);
  if (media_type != NULL)
    g_assert_cmpstr (entry->media_type, ==, media_type);
}

static void
test_case (Fixture       *fixture,
           gconstpointer  data)
{
  const BundleCase *c = data;
  g_autoptr(GBytes) existing = NULL;
  g_autoptr(AssayBundleContents) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tmp = NULL;
  AssayBundleLimits limits;

  c->build (fixture->zip);
  assay_bundle_limits_init_default (&limits);
  if (c->limits != NULL)
    c->limits (&limits);

  /* a blob the workspace already has must survive a refused import */
  existing = g_bytes_new_static (text, strlen (text));
  g_free (assay_blob_store_write_bytes (fixture->blobs, existing, NULL, &error));
  g_assert_no_error (error);
  before = snapshot (fixture->blobs);

  contents = assay_bundle_read (fixture->blobs, fixture->zip, &limits, NULL, NULL, NULL, &error);
  after = snapshot (fixture->blobs);
  tmp = g_build_filename (assay_blob_store_get_directory (fixture->blobs), "tmp", NULL);

  if (c->expected < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (contents);
      g_assert_cmpuint (strlen (contents->bundle_sha256), ==, 64);
      if (c->check != NULL)
        c->check (contents);
      /* every entry is in the store and discard takes back what was new */
      for (guint i = 0; i < contents->entries->len; i++)
        {
          AssayBundleEntry *entry = g_ptr_array_index (contents->entries, i);

          g_assert_true (assay_blob_store_verify (fixture->blobs, entry->sha256, NULL));
        }
      assay_bundle_contents_discard (contents, fixture->blobs);
      g_free (after);
      after = snapshot (fixture->blobs);
    }
  else
    {
      g_assert_null (contents);
      g_assert_error (error, ASSAY_BUNDLE_ERROR, c->expected);
      g_test_message ("%s: %s", c->name, error->message);
    }

  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_rmdir (tmp) == 0 || !g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_mkdir (tmp, 0700);
}

static void
test_bundle_hash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AssayBundleContents) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;

  build_deflated (fixture->zip);
  contents = assay_bundle_read (fixture->blobs, fixture->zip, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->zip, &bytes, &length, NULL));
  sha256 = corpus_sha256 (bytes, length);
  g_assert_cmpstr (contents->bundle_sha256, ==, sha256);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AssayBundleContents *contents;

  build_deflated (fixture->zip);
  before = snapshot (fixture->blobs);
  g_cancellable_cancel (cancellable);
  contents = assay_bundle_read (fixture->blobs, fixture->zip, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (contents);
  g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED);
  after = snapshot (fixture->blobs);
  g_assert_cmpstr (before, ==, after);
}

static void
test_sniff (void)
{
  static const guint8 heic[] = "\0\0\0\x18" "ftypheic\0\0\0\0mif1heic";
  static const guint8 mov[] = "\0\0\0\x14" "ftypqt  \0\0\0\0qt  ";
  static const guint8 webp[] = "RIFF\x10\0\0\0WEBPVP8 ";
  static const guint8 gif[] = "GIF89a\1\0\1\0";
  const struct { const char *name; const guint8 *data; gsize length; const char *type; } cases[] = {
    { "a.bin", (const guint8 *) pdf, strlen (pdf), "application/pdf" },
    { "a.bin", heic, sizeof heic - 1, "image/heic" },
    { "a.bin", mov, sizeof mov - 1, "video/quicktime" },
    { "a.bin", (const guint8 *) mp4, mp4_length, "video/mp4" },
    { "a.bin", webp, sizeof webp - 1, "image/webp" },
    { "a.bin", gif, sizeof gif - 1, "image/gif" },
    { "a.bin", (const guint8 *) webm, webm_length, "video/webm" },
    { "x.docx", (const guint8 *) "PK\3\4rest", 8,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { "notes.MD", (const guint8 *) markdown, strlen (markdown), "text/markdown" },
    { "notes.pdf", (const guint8 *) text, strlen (text), "text/plain" },
    { "x", (const guint8 *) "\0\1\2\3\xff\xfe", 6, "application/octet-stream" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *type = assay_bundle_sniff_media_type (cases[i].name, cases[i].data,
                                                             cases[i].length, TRUE);

      g_assert_cmpstr (type, ==, cases[i].type);
    }
}

static void
test_manifest_fields (void)
{
  const char *bad[] = {
    "[]",
    "{\"format\": \"assay-evidence-bundle\", \"version\": 2}",
    "{\"format\": \"assay-evidence-bundle\", \"version\": 1, \"credential\": {\"id\": \"c\", \"version\": 1},"
    " \"earner\": {\"name\": \"A\", \"email\": \"nope\"}, \"attempt\": 1, \"artifacts\": []}",
    "{\"format\": \"assay-evidence-bundle\", \"version\": 1, \"credential\": {\"id\": \"c\", \"version\": 1},"
    " \"earner\": {\"name\": \"A\", \"email\": \"a@b\"}, \"attempt\": 0, \"artifacts\": []}",
    "{\"format\": \"assay-evidence-bundle\", \"version\": 1, \"credential\": {\"id\": \"c\", \"version\": 1},"
    " \"earner\": {\"name\": \"A\", \"email\": \"a@b\"}, \"attempt\": 1, \"artifacts\": [], \"extra\": 1}",
    "{\"format\": \"assay-evidence-bundle\", \"version\": 1, \"credential\": {\"id\": \"c\", \"version\": 1},"
    " \"earner\": {\"name\": \"A\", \"email\": \"a@b\"}, \"attempt\": 1, \"artifacts\": ["
    "{\"path\": \"../x\", \"title\": \"t\", \"size\": 1, \"criteria\": [],"
    " \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"}]}",
    "{\"format\": \"assay-evidence-bundle\", \"version\": 1, \"credential\": {\"id\": \"c\", \"version\": 1},"
    " \"earner\": {\"name\": \"A\", \"email\": \"a@b\"}, \"attempt\": 1, \"artifacts\": ["
    "{\"path\": \"x\", \"title\": \"t\", \"size\": -1, \"criteria\": [],"
    " \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"}]}",
  };
  g_autoptr(JsonNode) good = NULL;
  g_autofree char *manifest = corpus_manifest ("assay-evidence-bundle", "a.pdf", pdf, NULL);
  g_autoptr(GError) error = NULL;

  good = assay_bundle_manifest_parse (manifest, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (good);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = assay_bundle_manifest_parse (bad[i], -1, &error);

      g_assert_null (node);
      g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < n_bundle_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("/assay/bundle/reader/%s", bundle_cases[i].name);

      g_test_add (path, Fixture, &bundle_cases[i], fixture_set_up, test_case, fixture_tear_down);
    }
  g_test_add ("/assay/bundle/reader/bundle-hash", Fixture, NULL,
              fixture_set_up, test_bundle_hash, fixture_tear_down);
  g_test_add ("/assay/bundle/reader/cancelled", Fixture, NULL,
              fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add_func ("/assay/bundle/sniff", test_sniff);
  g_test_add_func ("/assay/bundle/manifest-fields", test_manifest_fields);

  return g_test_run ();
}
