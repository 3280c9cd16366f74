/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "assay-bundle-manifest.h"
#include "assay-bundle-private.h"
#include "assay-bundle.h"

/**
 * assay_bundle_probe_manifest:
 * @has_manifest: (out): whether manifest.json is at the root of the zip
 *
 * Lists the names of @zip_path without reading their data, so that a
 * window can ask which credential and earner a plain zip is for before the
 * long read starts. Nothing is checked here that the read does not check
 * again: a zip this accepts may still be refused by assay_bundle_read().
 *
 * Returns: %FALSE with @error set if @zip_path is not a readable zip
 */
gboolean
assay_bundle_probe_manifest (const char  *zip_path,
                             gboolean    *has_manifest,
                             GError     **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gboolean found = FALSE;
  int status;

  g_return_val_if_fail (zip_path != NULL, FALSE);
  g_return_val_if_fail (has_manifest != NULL, FALSE);

  /* The seekable reader takes the names from the central directory and
   * seeks past the data, so a 4 GB bundle is probed in milliseconds. */
  archive_read_support_format_zip_seekable (archive);
  status = archive_read_open_filename (archive, zip_path, 64 * 1024);
  while (status == ARCHIVE_OK && !found)
    {
      status = archive_read_next_header (archive, &entry);
      if (status == ARCHIVE_OK || status == ARCHIVE_WARN)
        {
          const char *name = archive_entry_pathname_utf8 (entry);

          if (name == NULL)
            name = archive_entry_pathname (entry);
          found = name != NULL && g_str_equal (name, ASSAY_BUNDLE_MANIFEST_NAME);
          status = ARCHIVE_OK;
        }
    }

  if (!found && status != ARCHIVE_EOF)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_NOT_A_ZIP,
                   _("This is not a readable zip file: %s"), archive_error_string (archive));
      archive_read_free (archive);
      return FALSE;
    }

  archive_read_free (archive);
  *has_manifest = found;
  return TRUE;
}
