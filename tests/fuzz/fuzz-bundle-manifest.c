/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-fuzz"

#include "config.h"

#include <string.h>

#include "assay-bundle-manifest.h"
#include "fuzz.h"

/* The manifest parser and validator on arbitrary bytes. A refused manifest
 * must say so with ASSAY_BUNDLE_ERROR_MANIFEST. An accepted one must be
 * what the reader can rely on, and assay_bundle_manifest_check_entries()
 * must accept the entries it describes and nothing that differs from them
 * by one byte of hash or one byte of size.
 */

static AssayBundleEntry *
entry_for_artifact (JsonObject *artifact)
{
  AssayBundleEntry *entry = g_new0 (AssayBundleEntry, 1);
  const char *path = json_object_get_string_member (artifact, "path");

  /* the reader stores every name in NFC */
  entry->path = g_utf8_normalize (path, -1, G_NORMALIZE_NFC);
  fuzz_require (entry->path != NULL, "an accepted artifact path that is not UTF-8");
  entry->sha256 = g_strdup (json_object_get_string_member (artifact, "sha256"));
  entry->size = json_object_get_int_member (artifact, "size");
  entry->media_type = g_strdup ("application/octet-stream");

  return entry;
}

static void
expect_mismatch (JsonNode   *manifest,
                 GPtrArray  *entries,
                 const char *what)
{
  g_autoptr(GError) error = NULL;

  fuzz_require (!assay_bundle_manifest_check_entries (manifest, entries, &error),
                "entries with %s pass the manifest", what);
  fuzz_check_refusal (error, ASSAY_BUNDLE_ERROR_MANIFEST);
}

static void
check_accepted (JsonNode *manifest)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) assay_bundle_entry_free);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *artifacts;
  AssayBundleEntry *last;

  fuzz_require (JSON_NODE_HOLDS_OBJECT (manifest), "an accepted manifest that is not an object");
  root = json_node_get_object (manifest);
  fuzz_require (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL),
                           ASSAY_BUNDLE_MANIFEST_FORMAT) == 0,
                "an accepted manifest of another format");
  fuzz_require (json_object_get_int_member_with_default (root, "version", 0) == ASSAY_BUNDLE_MANIFEST_VERSION,
                "an accepted manifest of another version");

  artifacts = json_object_get_array_member (root, "artifacts");
  for (guint i = 0; i < json_array_get_length (artifacts); i++)
    {
      AssayBundleEntry *entry = entry_for_artifact (json_array_get_object_element (artifacts, i));

      /* names that are one file in the bundle cannot be two artifacts */
      fuzz_require (g_hash_table_add (paths, entry->path),
                    "an accepted manifest lists “%s” twice", entry->path);
      fuzz_require (strlen (entry->sha256) == 64, "an accepted sha256 of another length");
      g_ptr_array_add (entries, entry);
    }

  fuzz_require (assay_bundle_manifest_check_entries (manifest, entries, &error),
                "the entries an accepted manifest describes do not pass it: %s",
                error ? error->message : "no error");
  if (entries->len == 0)
    return;

  /* one byte off, in the last artifact: refused */
  last = g_ptr_array_index (entries, entries->len - 1);
  last->size++;
  expect_mismatch (manifest, entries, "a size one byte larger");
  last->size--;

  last->sha256[63] = last->sha256[63] == '0' ? '1' : '0';
  expect_mismatch (manifest, entries, "another hash");

  g_ptr_array_remove_index (entries, entries->len - 1);
  expect_mismatch (manifest, entries, "a listed file missing");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) manifest = NULL;
  g_autoptr(GError) error = NULL;
  static gboolean initialized;

  if (!initialized)
    {
      fuzz_init ();
      initialized = TRUE;
    }

  manifest = assay_bundle_manifest_parse ((const char *) data, size, &error);
  if (manifest == NULL)
    {
      g_debug ("Refused: %s", error ? error->message : "no error");
      fuzz_check_refusal (error, ASSAY_BUNDLE_ERROR_MANIFEST);
      return 0;
    }
  fuzz_require (error == NULL, "an accepted manifest with an error set");
  fuzz_require (size <= ASSAY_BUNDLE_MANIFEST_MAX_BYTES, "an accepted manifest over the size limit");

  g_debug ("Accepted");
  check_accepted (manifest);
  return 0;
}
