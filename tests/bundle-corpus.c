/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-test"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle-corpus.h"

struct _CorpusZip
{
  struct archive *archive;
};

CorpusZip *
corpus_zip_new (const char *path,
                const char *options)
{
  CorpusZip *zip = g_new0 (CorpusZip, 1);

  zip->archive = archive_write_new ();
  g_assert_cmpint (archive_write_set_format_zip (zip->archive), ==, ARCHIVE_OK);
  if (options != NULL)
    g_assert_cmpint (archive_write_set_options (zip->archive, options), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip->archive, path), ==, ARCHIVE_OK);

  return zip;
}

static void
add_entry (CorpusZip  *zip,
           const char *name,
           mode_t      type,
           const void *data,
           gsize       length,
           gboolean    set_size,
           const char *symlink)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, type);
  archive_entry_set_perm (entry, type == AE_IFDIR ? 0755 : 0644);
  archive_entry_set_mtime (entry, 1700000000, 0);
  if (symlink != NULL)
    archive_entry_set_symlink (entry, symlink);
  if (set_size)
    archive_entry_set_size (entry, length);
  else
    archive_entry_unset_size (entry);

  g_assert_cmpint (archive_write_header (zip->archive, entry), ==, ARCHIVE_OK);
  if (length > 0)
    g_assert_cmpint (archive_write_data (zip->archive, data, length), ==, (la_ssize_t) length);
  archive_entry_free (entry);
}

void
corpus_zip_add (CorpusZip  *zip,
                const char *name,
                const void *data,
                gssize      length)
{
  if (length < 0)
    length = strlen (data);
  add_entry (zip, name, AE_IFREG, data, length, TRUE, NULL);
}

/* Without a size: the writer puts it in a data descriptor after the data */
void
corpus_zip_add_streamed (CorpusZip  *zip,
                         const char *name,
                         const void *data,
                         gsize       length)
{
  add_entry (zip, name, AE_IFREG, data, length, FALSE, NULL);
}

void
corpus_zip_add_zeros (CorpusZip  *zip,
                      const char *name,
                      guint64     size)
{
  struct archive_entry *entry = archive_entry_new ();
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  g_assert_cmpint (archive_write_header (zip->archive, entry), ==, ARCHIVE_OK);
  for (guint64 done = 0; done < size; done += 1024 * 1024)
    archive_write_data (zip->archive, zeros, MIN (size - done, 1024 * 1024));
  archive_entry_free (entry);
}

void
corpus_zip_add_dir (CorpusZip  *zip,
                    const char *name)
{
  add_entry (zip, name, AE_IFDIR, NULL, 0, TRUE, NULL);
}

void
corpus_zip_add_symlink (CorpusZip  *zip,
                        const char *name,
                        const char *target)
{
  add_entry (zip, name, AE_IFLNK, NULL, 0, TRUE, target);
}

void
corpus_zip_close (CorpusZip *zip)
{
  g_assert_cmpint (archive_write_close (zip->archive), ==, ARCHIVE_OK);
  archive_write_free (zip->archive);
  g_free (zip);
}

/* Byte patching */

static GByteArray *
load (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_byte_array_new_take ((guint8 *) data, length);
}

static void
save (const char *path,
      GByteArray *bytes)
{
  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
  g_byte_array_unref (bytes);
}

static guint32
get32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
get16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static void
put32 (guint8  *p,
       guint32  value)
{
  p[0] = value;
  p[1] = value >> 8;
  p[2] = value >> 16;
  p[3] = value >> 24;
}

/* The central directory header of entry @index */
static guint8 *
central (GByteArray *bytes,
         guint       index)
{
  guint8 *eocd = NULL;
  guint8 *p;

  for (gssize i = bytes->len - 22; i >= 0 && eocd == NULL; i--)
    if (get32 (bytes->data + i) == 0x06054b50)
      eocd = bytes->data + i;
  g_assert_nonnull (eocd);

  p = bytes->data + get32 (eocd + 16);
  for (guint i = 0; i < index; i++)
    {
      g_assert_cmphex (get32 (p), ==, 0x02014b50);
      p += 46 + get16 (p + 28) + get16 (p + 30) + get16 (p + 32);
    }
  g_assert_cmphex (get32 (p), ==, 0x02014b50);

  return p;
}

static guint8 *
local (GByteArray *bytes,
       guint       index)
{
  guint8 *p = bytes->data + get32 (central (bytes, index) + 42);

  g_assert_cmphex (get32 (p), ==, 0x04034b50);
  return p;
}

void
corpus_replace_bytes (const char *path,
                      const char *from,
                      const char *to,
                      gsize       length)
{
  GByteArray *bytes = load (path);
  guint replaced = 0;

  for (gsize i = 0; i + length <= bytes->len; i++)
    if (memcmp (bytes->data + i, from, length) == 0)
      {
        memcpy (bytes->data + i, to, length);
        replaced++;
      }
  g_assert_cmpuint (replaced, >, 0);
  save (path, bytes);
}

void
corpus_set_flag_bits (const char *path,
                      guint       index,
                      guint16     bits)
{
  GByteArray *bytes = load (path);
  guint8 *c = central (bytes, index);
  guint8 *l = local (bytes, index);

  c[8] |= bits & 0xff;
  c[9] |= bits >> 8;
  l[6] |= bits & 0xff;
  l[7] |= bits >> 8;
  save (path, bytes);
}

void
corpus_set_unix_mode (const char *path,
                      guint       index,
                      guint32     mode)
{
  GByteArray *bytes = load (path);
  guint8 *c = central (bytes, index);

  c[5] = 3; /* made by Unix */
  put32 (c + 38, mode << 16);
  save (path, bytes);
}

void
corpus_set_sizes (const char *path,
                  guint       index,
                  guint32     uncompressed)
{
  GByteArray *bytes = load (path);
  guint8 *c = central (bytes, index);
  guint8 *l = local (bytes, index);

  put32 (c + 24, uncompressed);
  put32 (l + 22, uncompressed);
  save (path, bytes);
}

gsize
corpus_data_offset (const char *path,
                    guint       index)
{
  GByteArray *bytes = load (path);
  guint8 *l = local (bytes, index);
  gsize offset = (l - bytes->data) + 30 + get16 (l + 26) + get16 (l + 28);

  g_byte_array_unref (bytes);
  return offset;
}

void
corpus_truncate (const char *path,
                 gsize       length)
{
  GByteArray *bytes = load (path);

  g_assert_cmpuint (length, <, bytes->len);
  g_byte_array_set_size (bytes, length);
  save (path, bytes);
}

char *
corpus_sha256 (const void *data,
               gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

/**
 * corpus_manifest:
 * @format: the format name to write
 * @...: (path, content) pairs, %NULL-terminated; the content's size and
 *   hash go in the manifest
 */
char *
corpus_manifest (const char *format,
                 const char *first_path,
                 ...)
{
  GString *out = g_string_new (NULL);
  const char *path = first_path;
  gboolean first = TRUE;
  va_list args;

  g_string_append_printf (out,
                          "{\"format\": \"%s\", \"version\": 1,\n"
                          " \"credential\": {\"id\": \"cred-1\", \"version\": 1},\n"
                          " \"earner\": {\"name\": \"Ada\", \"email\": \"ada@example.org\"},\n"
                          " \"attempt\": 1,\n \"artifacts\": [", format);
  va_start (args, first_path);
  while (path != NULL)
    {
      const char *content = va_arg (args, const char *);
      g_autofree char *sha256 = corpus_sha256 (content, strlen (content));

      g_string_append_printf (out,
                              "%s\n  {\"path\": \"%s\", \"title\": \"T\", \"size\": %zu,"
                              " \"sha256\": \"%s\", \"criteria\": [\"c1\"]}",
                              first ? "" : ",", path, strlen (content), sha256);
      first = FALSE;
      path = va_arg (args, const char *);
    }
  va_end (args);
  g_string_append (out, "],\n \"reflections\": [{\"prompt\": \"Why?\", \"text\": \"Because.\"}]}\n");

  return g_string_free (out, FALSE);
}
