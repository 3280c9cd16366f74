/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "assay-blob-store.h"

G_BEGIN_DECLS

/* The evidence bundle: a zip with manifest.json at its root (see
 * help/C/bundle-format.page and data/bundle/manifest.schema.json). */

#define ASSAY_BUNDLE_ERROR (assay_bundle_error_quark ())

typedef enum
{
  ASSAY_BUNDLE_ERROR_NOT_A_ZIP,     /* not a zip at all */
  ASSAY_BUNDLE_ERROR_CORRUPT,       /* truncated, CRC or size mismatch */
  ASSAY_BUNDLE_ERROR_UNSAFE_PATH,   /* .., absolute, drive, backslash tricks, control characters, too long */
  ASSAY_BUNDLE_ERROR_NOT_A_FILE,    /* link, device, fifo */
  ASSAY_BUNDLE_ERROR_DUPLICATE,     /* two entries with the same (NFC) name */
  ASSAY_BUNDLE_ERROR_ENCRYPTED,
  ASSAY_BUNDLE_ERROR_TOO_LARGE,     /* a limit: total size, entry count, ratio */
  ASSAY_BUNDLE_ERROR_MANIFEST,      /* manifest invalid, or names missing files, or hashes/sizes differ */
  ASSAY_BUNDLE_ERROR_UNKNOWN,       /* unknown credential or earner */
  ASSAY_BUNDLE_ERROR_ALREADY_IMPORTED,
  ASSAY_BUNDLE_ERROR_CANCELLED,
  ASSAY_BUNDLE_ERROR_IO,
  ASSAY_BUNDLE_ERROR_EMPTY,         /* no evidence file and no reflection */
} AssayBundleError;

/* Limits no real bundle reaches; documented in help/C/bundle-format.page. */
typedef struct
{
  guint64 max_total_bytes;     /* sum of uncompressed sizes; default 64 GiB */
  guint64 max_entry_bytes;     /* one entry; default 32 GiB */
  guint   max_entries;         /* default 10,000 */
  guint   max_ratio;           /* uncompressed:compressed, checked past 1 MiB; default 200 */
  guint   max_path_bytes;      /* whole path; default 1,024; a component at most 255 */
} AssayBundleLimits;

void     assay_bundle_limits_init_default (AssayBundleLimits *limits);

/* One file of a bundle, already in the blob store. */
typedef struct
{
  char    *path;         /* NFC UTF-8, '/'-separated, relative */
  char    *sha256;
  guint64  size;
  char    *media_type;   /* sniffed from the content */
  gboolean created;      /* TRUE if this read added the blob (to remove on failure) */
} AssayBundleEntry;

typedef struct
{
  char      *bundle_sha256;   /* of the zip file itself */
  GPtrArray *entries;         /* AssayBundleEntry*, in zip order, junk (__MACOSX/, .DS_Store) skipped */
  JsonNode  *manifest;        /* parsed and validated manifest.json, or NULL for a plain zip */
} AssayBundleContents;

/* Progress: bytes read of the zip so far, its size, files done. Called on
 * the reading thread. */
typedef void (*AssayBundleProgress) (guint64  bytes_done,
                                     guint64  bytes_total,
                                     guint    files_done,
                                     gpointer user_data);

GQuark               assay_bundle_error_quark      (void);

AssayBundleContents *assay_bundle_read             (AssayBlobStore            *blobs,
                                                    const char                *zip_path,
                                                    const AssayBundleLimits   *limits,
                                                    AssayBundleProgress        progress,
                                                    gpointer                   user_data,
                                                    GCancellable              *cancellable,
                                                    GError                   **error);
/* Removes the blobs this read created (after a failed or refused import). */
void                 assay_bundle_contents_discard (AssayBundleContents       *contents,
                                                    AssayBlobStore            *blobs);
void                 assay_bundle_contents_free    (AssayBundleContents       *contents);
gboolean             assay_bundle_probe_manifest   (const char                *zip_path,
                                                    gboolean                  *has_manifest,
                                                    GError                   **error);
void                 assay_bundle_entry_free       (AssayBundleEntry          *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AssayBundleContents, assay_bundle_contents_free)

G_END_DECLS
