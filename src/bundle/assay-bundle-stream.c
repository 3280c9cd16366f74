/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <string.h>

#include "assay-bundle-private.h"

/* The current entry of the zip as a GInputStream, for the blob store: it
 * checks every libarchive result (3.6.2 reports CRC and size mismatches only
 * as warnings), counts the bytes it really produces against the limits, and
 * keeps the first bytes for the media type sniffer.
 */

#define RATIO_FLOOR (1024 * 1024)

typedef AssayBundleReader Reader;

/* AssayArchiveStream: the current entry's data, as a GInputStream */

#define ASSAY_TYPE_ARCHIVE_STREAM (assay_archive_stream_get_type ())
G_DECLARE_FINAL_TYPE (AssayArchiveStream, assay_archive_stream, ASSAY, ARCHIVE_STREAM, GInputStream)

struct _AssayArchiveStream
{
  GInputStream  parent_instance;

  Reader       *reader;
  const guint8 *block;
  gsize         block_left;
  gboolean      done;
};

G_DEFINE_FINAL_TYPE (AssayArchiveStream, assay_archive_stream, G_TYPE_INPUT_STREAM)

static gboolean
set_corrupt (Reader  *reader,
             GError **error)
{
  g_autofree char *detail = g_strdup (archive_error_string (reader->archive));

  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CORRUPT,
               _("“%s” in the bundle is damaged or cut short (%s)"),
               reader->entry_name, detail ? g_strstrip (detail) : _("no detail"));
  return FALSE;
}

static gboolean
check_limits (Reader  *reader,
              GError **error)
{
  const AssayBundleLimits *limits = reader->limits;
  guint64 compressed = reader->delivered - reader->entry_delivered_at_start + _ASSAY_BUNDLE_READ_CHUNK;

  if (reader->entry_produced > limits->max_entry_bytes ||
      reader->total_produced > limits->max_total_bytes)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is too large to import: “%s” passes the size limit"),
                   reader->entry_name);
      return FALSE;
    }
  /* a bomb: far more out than in, in one entry or over many small ones;
   * the read-ahead of one chunk is allowed for */
  if ((reader->entry_produced > RATIO_FLOOR &&
       reader->entry_produced / compressed > limits->max_ratio) ||
      (reader->total_produced > RATIO_FLOOR &&
       reader->total_produced / (reader->delivered + _ASSAY_BUNDLE_READ_CHUNK) > limits->max_ratio))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                   _("“%s” expands more than %u times: the bundle looks like a zip bomb"),
                   reader->entry_name, limits->max_ratio);
      return FALSE;
    }

  return TRUE;
}

/* Produces the next block of the entry, or sets ->done */
static gboolean
next_block (AssayArchiveStream  *self,
            GError             **error)
{
  Reader *reader = self->reader;
  const void *block = NULL;
  size_t size = 0;
  la_int64_t offset = 0;
  int r;

  r = archive_read_data_block (reader->archive, &block, &size, &offset);
  if (r == ARCHIVE_EOF)
    {
      if (reader->entry_declared >= 0 && (guint64) reader->entry_declared != reader->entry_produced)
        return set_corrupt (reader, error);
      self->done = TRUE;
      return TRUE;
    }
  /* 3.6.2 reports CRC and size mismatches as ARCHIVE_WARN: all fatal here */
  if (r != ARCHIVE_OK)
    return set_corrupt (reader, error);
  if ((guint64) offset != reader->entry_produced)
    return set_corrupt (reader, error);

  /* size == 0 comes with block == NULL (the empty last block of a stored
   * entry), and memcpy from NULL is undefined even for 0 bytes */
  if (size > 0 && reader->head_length < sizeof reader->head)
    {
      gsize take = MIN (size, sizeof reader->head - reader->head_length);

      memcpy (reader->head + reader->head_length, block, take);
      reader->head_length += take;
    }

  reader->entry_produced += size;
  reader->total_produced += size;
  self->block = block;
  self->block_left = size;

  return check_limits (reader, error);
}

static gssize
assay_archive_stream_read (GInputStream  *stream,
                           void          *buffer,
                           gsize          count,
                           GCancellable  *cancellable,
                           GError       **error)
{
  AssayArchiveStream *self = ASSAY_ARCHIVE_STREAM (stream);
  gsize take;

  if (g_cancellable_is_cancelled (self->reader->cancellable) ||
      g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED,
                   _("The import was cancelled"));
      return -1;
    }

  while (self->block_left == 0 && !self->done)
    if (!next_block (self, error))
      return -1;
  if (self->done)
    return 0;

  take = MIN (count, self->block_left);
  memcpy (buffer, self->block, take);
  self->block += take;
  self->block_left -= take;

  return take;
}

static gboolean
assay_archive_stream_close (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
assay_archive_stream_class_init (AssayArchiveStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = assay_archive_stream_read;
  stream_class->close_fn = assay_archive_stream_close;
}

static void
assay_archive_stream_init (AssayArchiveStream *self)
{
}

GInputStream *
_assay_bundle_entry_stream_new (AssayBundleReader *reader)
{
  AssayArchiveStream *self = g_object_new (ASSAY_TYPE_ARCHIVE_STREAM, NULL);

  self->reader = reader;
  return G_INPUT_STREAM (self);
}

