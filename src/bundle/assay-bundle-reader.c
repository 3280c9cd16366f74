/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assay-bundle-manifest.h"
#include "assay-bundle-private.h"
#include "assay-bundle-sniff.h"

/* Reads an evidence bundle with libarchive's zip reader alone (no other
 * format, no filter, never archive_write_disk). The zip file is read through
 * our own callbacks, which hash it as libarchive consumes it; each regular
 * entry is streamed once into the blob store through a GInputStream that
 * counts what it produces, so the limits hold on real bytes, not on what
 * the zip declares. Any failure removes every blob the read created.
 *
 * Decisions:
 * - manifest.json (at the root only) is kept parsed in contents->manifest
 *   and is not a blob; a manifest.json in a folder is an ordinary file.
 * - Files the manifest does not list are accepted and stay entries.
 * - Directories are names only (they count for duplicates), never entries.
 * - The compression ratio is the bytes an entry produced over the bytes
 *   libarchive took from the file since its header, plus one read-ahead
 *   chunk; it is checked per entry and for the whole bundle past 1 MiB.
 *   libarchive 3.6.2 does not expose the zip's compressed sizes.
 * - libarchive's zip reader already turns every type but directory and
 *   symlink into a regular file (a "fifo" is read as an empty file).
 * - The zip is read seekable (central directory first); the hash of the
 *   whole file is computed apart, on a second thread (see zip_hash_thread).
 */

#define READ_CHUNK _ASSAY_BUNDLE_READ_CHUNK

typedef AssayBundleReader Reader;

/* The SHA-256 of the whole zip (which recognises a re-import) is computed
 * by a second thread that reads the file on its own, in order, while this
 * one extracts: hashing every byte twice on one core was the import's
 * largest cost. The second read comes from the page cache the first one
 * filled, or fills it for the first. */

#define HASH_CHUNK (1024 * 1024)

typedef struct
{
  int      fd;
  guint64  size;
  gint    *stop;
} ZipHashJob;

/* Returns the hex digest, or NULL if the file could not be read whole or
 * the read was stopped. */
static gpointer
zip_hash_thread (gpointer data)
{
  g_autofree ZipHashJob *job = data;
  g_autofree guint8 *buffer = g_malloc (HASH_CHUNK);
  guint8 digest[SHA256_DIGEST_SIZE];
  struct sha256_ctx ctx;
  guint64 done = 0;

  /* Lowest priority: the extracting thread and the blob store's hasher
   * are what the import waits for; this hash only has to be done by the
   * end, and fills the time they leave idle. On Linux the nice value is
   * per thread, and 0 names the calling one. */
  setpriority (PRIO_PROCESS, 0, 19);

  sha256_init (&ctx);
  posix_fadvise (job->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  while (done < job->size)
    {
      ssize_t got;

      if (g_atomic_int_get (job->stop))
        return NULL;
      got = pread (job->fd, buffer, MIN (HASH_CHUNK, job->size - done), done);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          errno = got < 0 ? errno : EIO;
          return NULL;
        }
      sha256_update (&ctx, got, buffer);
      done += got;
    }

  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  return _assay_bundle_sha256_hex (digest);
}

static void
start_zip_hash (Reader *reader)
{
  ZipHashJob *job = g_new0 (ZipHashJob, 1);

  job->fd = reader->fd;
  job->size = reader->file_size;
  job->stop = &reader->hash_stop;
  reader->hash_thread = g_thread_new ("assay-zip-hash", zip_hash_thread, job);
}

/* Waits for the whole-file hash; stops it first unless @keep. */
static char *
join_zip_hash (Reader   *reader,
               gboolean  keep)
{
  GThread *thread = g_steal_pointer (&reader->hash_thread);

  if (thread == NULL)
    return NULL;
  if (!keep)
    g_atomic_int_set (&reader->hash_stop, 1);

  return g_thread_join (thread);
}

/* libarchive's client callbacks */

static la_ssize_t
on_read (struct archive  *archive,
         void            *data,
         const void     **buffer)
{
  Reader *reader = data;
  ssize_t got;

  do
    got = pread (reader->fd, reader->buffer, READ_CHUNK, reader->position);
  while (got < 0 && errno == EINTR);

  if (got < 0)
    {
      archive_set_error (archive, errno, "%s", g_strerror (errno));
      return -1;
    }

  reader->position += got;
  reader->delivered += got;
  *buffer = reader->buffer;

  if (reader->progress != NULL)
    reader->progress (MIN (reader->delivered, reader->file_size), reader->file_size,
                      reader->files_done, reader->user_data);

  return got;
}

static la_int64_t
on_seek (struct archive *archive,
         void           *data,
         la_int64_t      offset,
         int             whence)
{
  Reader *reader = data;
  gint64 target;

  switch (whence)
    {
    case SEEK_SET: target = offset; break;
    case SEEK_CUR: target = (gint64) reader->position + offset; break;
    case SEEK_END: target = (gint64) reader->file_size + offset; break;
    default: return ARCHIVE_FATAL;
    }
  if (target < 0)
    return ARCHIVE_FATAL;

  reader->position = target;
  return target;
}

static la_int64_t
on_skip (struct archive *archive,
         void           *data,
         la_int64_t      request)
{
  Reader *reader = data;
  la_int64_t step = MIN ((guint64) request, reader->file_size - MIN (reader->position, reader->file_size));

  reader->position += step;
  return step;
}

static gboolean
finish_zip_hash (Reader  *reader,
                 char   **sha256,
                 GError **error)
{
  *sha256 = join_zip_hash (reader, TRUE);
  if (*sha256 == NULL)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
                   _("The bundle cannot be read: %s"), g_strerror (EIO));
      return FALSE;
    }

  return TRUE;
}

static void
begin_entry (Reader               *reader,
             struct archive_entry *entry,
             const char           *name)
{
  reader->entry_name = name;
  reader->entry_produced = 0;
  reader->entry_delivered_at_start = reader->delivered;
  reader->entry_declared = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : -1;
  reader->head_length = 0;
}

static JsonNode *
read_manifest (Reader                *reader,
               struct archive_entry  *entry,
               GError               **error)
{
  g_autoptr(GInputStream) stream = _assay_bundle_entry_stream_new (reader);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[16 * 1024];
  gssize got;

  while ((got = g_input_stream_read (stream, buffer, sizeof buffer, reader->cancellable, error)) > 0)
    {
      if (data->len + got > ASSAY_BUNDLE_MANIFEST_MAX_BYTES)
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                       _("The bundle’s manifest is larger than 1 MiB"));
          return NULL;
        }
      g_byte_array_append (data, buffer, got);
    }
  if (got < 0)
    return NULL;

  return assay_bundle_manifest_parse ((const char *) data->data, data->len, error);
}

static AssayBundleEntry *
read_file_entry (Reader          *reader,
                 AssayBlobStore  *blobs,
                 const char      *name,
                 GError         **error)
{
  g_autoptr(GInputStream) stream = _assay_bundle_entry_stream_new (reader);
  AssayBundleEntry *result;
  gboolean created = FALSE;
  char *sha256;

  sha256 = assay_blob_store_write (blobs, stream, &created, reader->cancellable, error);
  if (sha256 == NULL)
    return NULL;

  result = g_new0 (AssayBundleEntry, 1);
  result->path = g_strdup (name);
  result->sha256 = sha256;
  result->size = reader->entry_produced;
  result->created = created;
  result->media_type = assay_bundle_sniff_media_type (name, reader->head, reader->head_length,
                                                      reader->entry_produced == reader->head_length);
  return result;
}

static gboolean
check_entry_kind (struct archive_entry  *entry,
                  const char            *name,
                  GError               **error)
{
  mode_t type = archive_entry_filetype (entry);

  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_ENCRYPTED,
                   _("“%s” in the bundle is encrypted: send the bundle without a password"), name);
      return FALSE;
    }
  if (archive_entry_hardlink (entry) != NULL || (type != AE_IFREG && type != AE_IFDIR))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_NOT_A_FILE,
                   _("“%s” in the bundle is a link or a device, not a file"), name);
      return FALSE;
    }

  return TRUE;
}

/* One header of the zip: refuses, skips, records a name, or stores a blob. */
static gboolean
read_entry (Reader               *reader,
            AssayBlobStore       *blobs,
            struct archive_entry *entry,
            GHashTable           *names,
            AssayBundleContents  *contents,
            GError              **error)
{
  gboolean is_directory = archive_entry_filetype (entry) == AE_IFDIR;
  g_autofree char *name = NULL;
  AssayBundleEntry *result;

  name = _assay_bundle_path_from_zip (archive_entry_pathname_utf8 (entry),
                                      archive_entry_pathname (entry),
                                      is_directory, reader->limits->max_path_bytes, error);
  if (name == NULL)
    return FALSE;
  if (!check_entry_kind (entry, name, error))
    return FALSE;
  if (_assay_bundle_path_is_junk (name))
    return TRUE;
  if (!g_hash_table_add (names, g_strdup (name)))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_DUPLICATE,
                   _("The bundle holds “%s” twice"), name);
      return FALSE;
    }
  if (is_directory)
    return TRUE;

  begin_entry (reader, entry, name);
  if (reader->entry_declared > 0 && (guint64) reader->entry_declared > reader->limits->max_entry_bytes)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is too large to import: “%s” passes the size limit"), name);
      return FALSE;
    }
  if (g_str_equal (name, ASSAY_BUNDLE_MANIFEST_NAME))
    {
      contents->manifest = read_manifest (reader, entry, error);
      return contents->manifest != NULL;
    }

  result = read_file_entry (reader, blobs, name, error);
  if (result == NULL)
    return FALSE;

  g_ptr_array_add (contents->entries, result);
  reader->files_done++;
  return TRUE;
}

static gboolean
read_entries (Reader               *reader,
              AssayBlobStore       *blobs,
              AssayBundleContents  *contents,
              GError              **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint count = 0;

  for (;;)
    {
      struct archive_entry *entry = NULL;
      int r = archive_read_next_header (reader->archive, &entry);

      if (g_cancellable_is_cancelled (reader->cancellable))
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED,
                       _("The import was cancelled"));
          return FALSE;
        }
      if (r == ARCHIVE_EOF)
        return TRUE;
      if (r != ARCHIVE_OK)
        {
          const char *detail = archive_error_string (reader->archive);

          if (count == 0)
            g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_NOT_A_ZIP,
                         _("The file is not a zip bundle, or it is damaged (%s)"),
                         detail ? detail : _("no detail"));
          else
            g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CORRUPT,
                         _("The bundle is damaged after its %u-th entry (%s)"),
                         count, detail ? detail : _("no detail"));
          return FALSE;
        }
      if (++count > reader->limits->max_entries)
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle holds more than %u files"), reader->limits->max_entries);
          return FALSE;
        }
      if (!read_entry (reader, blobs, entry, names, contents, error))
        return FALSE;
    }
}

static gboolean
open_zip (Reader      *reader,
          const char  *zip_path,
          GError     **error)
{
  struct stat st;

  reader->fd = open (zip_path, O_RDONLY | O_CLOEXEC);
  if (reader->fd < 0 || fstat (reader->fd, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
                   _("The bundle cannot be opened: %s"), g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_NOT_A_ZIP,
                   _("The bundle is not a file"));
      return FALSE;
    }

  reader->file_size = st.st_size;
  reader->buffer = g_malloc (READ_CHUNK);
  posix_fadvise (reader->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  start_zip_hash (reader);

  reader->archive = archive_read_new ();
  archive_read_support_format_zip (reader->archive);
  archive_read_set_read_callback (reader->archive, on_read);
  archive_read_set_seek_callback (reader->archive, on_seek);
  archive_read_set_skip_callback (reader->archive, on_skip);
  archive_read_set_callback_data (reader->archive, reader);

  if (archive_read_open1 (reader->archive) != ARCHIVE_OK)
    {
      const char *detail = archive_error_string (reader->archive);

      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_NOT_A_ZIP,
                   _("The file is not a zip bundle (%s)"), detail ? detail : _("no detail"));
      return FALSE;
    }

  return TRUE;
}

static void
reader_clear (Reader *reader)
{
  g_free (join_zip_hash (reader, FALSE));
  if (reader->archive != NULL)
    archive_read_free (reader->archive);
  if (reader->fd >= 0)
    close (reader->fd);
  g_free (reader->buffer);
}

GQuark
assay_bundle_error_quark (void)
{
  return g_quark_from_static_string ("assay-bundle-error-quark");
}

void
assay_bundle_limits_init_default (AssayBundleLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_total_bytes = G_GUINT64_CONSTANT (64) << 30;
  limits->max_entry_bytes = G_GUINT64_CONSTANT (32) << 30;
  limits->max_entries = 10000;
  limits->max_ratio = 200;
  limits->max_path_bytes = 1024;
}

/**
 * assay_bundle_read:
 * @limits: (nullable): the caps, or %NULL for the defaults
 *
 * Reads the zip at @zip_path into @blobs, once, verifying every entry and
 * the manifest. On failure nothing it created stays in @blobs.
 *
 * Returns: (transfer full): the contents, or %NULL with an %ASSAY_BUNDLE_ERROR
 */
AssayBundleContents *
assay_bundle_read (AssayBlobStore           *blobs,
                   const char               *zip_path,
                   const AssayBundleLimits  *limits,
                   AssayBundleProgress       progress,
                   gpointer                  user_data,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_autoptr(AssayBundleContents) contents = NULL;
  AssayBundleLimits defaults;
  Reader reader = { .fd = -1 };
  locale_t utf8_locale, saved_locale = (locale_t) 0;
  gboolean ok;

  g_return_val_if_fail (ASSAY_IS_BLOB_STORE (blobs), NULL);
  g_return_val_if_fail (zip_path != NULL, NULL);

  if (limits == NULL)
    {
      assay_bundle_limits_init_default (&defaults);
      limits = &defaults;
    }

  contents = g_new0 (AssayBundleContents, 1);
  contents->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) assay_bundle_entry_free);

  /* libarchive converts names flagged UTF-8 to the thread's locale and
   * fails in the C locale: read in C.UTF-8, whatever the process uses */
  utf8_locale = newlocale (LC_CTYPE_MASK, "C.UTF-8", (locale_t) 0);
  if (utf8_locale != (locale_t) 0)
    saved_locale = uselocale (utf8_locale);

  reader.limits = limits;
  reader.progress = progress;
  reader.user_data = user_data;
  reader.cancellable = cancellable;

  ok = open_zip (&reader, zip_path, error) &&
       read_entries (&reader, blobs, contents, error) &&
       finish_zip_hash (&reader, &contents->bundle_sha256, error) &&
       (contents->manifest == NULL ||
        assay_bundle_manifest_check_entries (contents->manifest, contents->entries, error));

  if (ok && progress != NULL)
    progress (reader.file_size, reader.file_size, reader.files_done, user_data);
  reader_clear (&reader);

  if (utf8_locale != (locale_t) 0)
    {
      uselocale (saved_locale);
      freelocale (utf8_locale);
    }

  if (!ok)
    {
      assay_bundle_contents_discard (contents, blobs);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

void
assay_bundle_contents_discard (AssayBundleContents *contents,
                               AssayBlobStore      *blobs)
{
  g_return_if_fail (contents != NULL);

  for (guint i = 0; i < contents->entries->len; i++)
    {
      AssayBundleEntry *entry = g_ptr_array_index (contents->entries, i);
      g_autofree char *path = NULL;
      g_autofree char *shard = NULL;

      if (!entry->created)
        continue;

      path = assay_blob_store_get_path (blobs, entry->sha256);
      assay_blob_store_remove (blobs, entry->sha256, NULL);
      entry->created = FALSE;

      /* the shard folder too, when this read made it and left it empty */
      shard = path ? g_path_get_dirname (path) : NULL;
      if (shard != NULL)
        rmdir (shard);
    }
}

void
assay_bundle_contents_free (AssayBundleContents *contents)
{
  if (contents == NULL)
    return;

  g_free (contents->bundle_sha256);
  g_clear_pointer (&contents->entries, g_ptr_array_unref);
  g_clear_pointer (&contents->manifest, json_node_unref);
  g_free (contents);
}

void
assay_bundle_entry_free (AssayBundleEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->path);
  g_free (entry->sha256);
  g_free (entry->media_type);
  g_free (entry);
}
