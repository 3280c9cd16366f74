/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assay-bundle-manifest.h"
#include "assay-bundle-pack.h"
#include "assay-bundle-private.h"
#include "assay-bundle-sniff.h"
#include "assay-store-credentials.h"

/* The educator's side: a zip with manifest.json first, then each file at
 * the root under its own name. Media that does not compress (video, audio,
 * images, zips) is stored; the rest is deflated.
 *
 * The manifest needs every hash before the first file is written, so each
 * file is read twice: once to hash it, once to copy it, hashing again so
 * that a file changed in between is caught here rather than refused by the
 * importer. The zip is written to a hidden file beside the destination,
 * synced, and renamed into place only when complete: a failed, cancelled or
 * crashed save leaves no zip under the chosen name.
 *
 * What Assay packs, Assay imports: names go through the importer's own
 * rule, the manifest through its own validator, sizes through its limits,
 * and an entry that deflates so well that the importer would take it for
 * a bomb is written again, stored.
 */

#define BUFFER_SIZE (256 * 1024)
#define RATIO_FLOOR (1024 * 1024)
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 20)

typedef struct
{
  char  *source;
  char  *title;
  char  *description;
  GStrv  criteria;
} PackFile;

typedef struct
{
  char *prompt;
  char *criterion_id;
  char *text;
} PackReflection;

struct _AssayBundlePlan
{
  gatomicrefcount  ref_count;
  gboolean         frozen;

  char            *credential_id;
  gint64           credential_version;
  char            *credential_title;
  GHashTable      *criteria;         /* ids of the rubric's criteria */
  char            *earner_name;
  char            *earner_email;
  char            *licence_number;
  guint            attempt;
  GPtrArray       *files;            /* PackFile */
  GPtrArray       *reflections;      /* PackReflection */
};

/* What the first read of a file found */
typedef struct
{
  char     *name;        /* in the zip and the manifest */
  char     *sha256;
  char     *media_type;
  guint64   size;
  dev_t     dev;
  ino_t     ino;
  gboolean  store_only;  /* deflating it would look like a bomb */
} Described;

typedef struct
{
  AssayBundlePlan     *plan;
  const char          *out_zip;
  AssayBundleProgress  progress;
  gpointer             user_data;
  GCancellable        *cancellable;
  AssayBundleLimits    limits;

  Described           *described;   /* one per plan file */
  guint8              *buffer;
  guint64              bytes_done;  /* of both passes */
  guint64              bytes_total;
  guint                files_done;

  int                  fd;          /* the temporary zip */
  guint64              zip_bytes;   /* written to it */
} Packer;

static void
pack_file_free (PackFile *file)
{
  g_free (file->source);
  g_free (file->title);
  g_free (file->description);
  g_strfreev (file->criteria);
  g_free (file);
}

static void
pack_reflection_free (PackReflection *reflection)
{
  g_free (reflection->prompt);
  g_free (reflection->criterion_id);
  g_free (reflection->text);
  g_free (reflection);
}

static void
described_clear (Described *d)
{
  g_clear_pointer (&d->name, g_free);
  g_clear_pointer (&d->sha256, g_free);
  g_clear_pointer (&d->media_type, g_free);
}

static gboolean
io_error (GError     **error,
          const char  *path,
          int          saved_errno)
{
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
               _("“%s” cannot be read: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_error (GError     **error,
             const char  *out_zip,
             const char  *detail)
{
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
               _("The bundle “%s” cannot be written: %s"), out_zip, detail);
  return FALSE;
}

static gboolean
cancelled (Packer  *packer,
           GError **error)
{
  if (!g_cancellable_is_cancelled (packer->cancellable))
    return FALSE;

  g_set_error_literal (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_CANCELLED,
                       _("Saving the bundle was cancelled"));
  return TRUE;
}

static void
advance (Packer  *packer,
         guint64  bytes)
{
  packer->bytes_done += bytes;
  /* a file that grew since the estimate must not make it pass 100 % */
  if (packer->progress != NULL)
    packer->progress (MIN (packer->bytes_done, packer->bytes_total), packer->bytes_total,
                      packer->files_done, packer->user_data);
}

/* Opens a regular file only: a fifo would block, a folder reads as an error. */
static int
open_regular (const char   *path,
              struct stat  *st,
              GError      **error)
{
  int fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    return io_error (error, path, errno), -1;
  if (fstat (fd, st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return io_error (error, path, saved_errno), -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      close (fd);
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_NOT_A_FILE,
                   _("“%s” is not a file that can go into a bundle"), path);
      return -1;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  return fd;
}

static gssize
read_some (int     fd,
           guint8 *buffer)
{
  gssize n;

  do
    n = read (fd, buffer, BUFFER_SIZE);
  while (n < 0 && errno == EINTR);

  return n;
}

/**
 * assay_bundle_check_file_name:
 * @path: a file on disk
 * @name: (out) (optional): its name in a bundle
 *
 * Checks that the file's own name can name it in a bundle, by the rule
 * the importer applies to names in zips (NFC, no control characters, not
 * the manifest, not macOS junk, not too long).
 */
gboolean
assay_bundle_check_file_name (const char  *path,
                              char       **name,
                              GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *checked = NULL;
  AssayBundleLimits limits;

  assay_bundle_limits_init_default (&limits);
  checked = _assay_bundle_path_from_zip (display, NULL, FALSE, limits.max_path_bytes, NULL);
  if (checked == NULL || _assay_bundle_path_is_junk (checked))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNSAFE_PATH,
                   _("The name of “%s” cannot be used in a bundle; rename the file first"), display);
      return FALSE;
    }
  if (g_str_equal (checked, ASSAY_BUNDLE_MANIFEST_NAME))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_DUPLICATE,
                   _("A file named “%s” would take the place of the bundle’s own manifest; rename it first"),
                   checked);
      return FALSE;
    }

  if (name != NULL)
    *name = g_steal_pointer (&checked);
  return TRUE;
}

/* First pass over one file: its size, hash and sniffed type. */
static gboolean
describe_file (Packer     *packer,
               PackFile   *file,
               Described  *d,
               GError    **error)
{
  guint8 digest[SHA256_DIGEST_SIZE];
  struct sha256_ctx ctx;
  struct stat st;
  gboolean first = TRUE;
  gssize n;
  int fd;

  fd = open_regular (file->source, &st, error);
  if (fd < 0)
    return FALSE;
  d->dev = st.st_dev;
  d->ino = st.st_ino;

  sha256_init (&ctx);
  while ((n = read_some (fd, packer->buffer)) > 0)
    {
      if (first)
        d->media_type = assay_bundle_sniff_media_type (d->name, packer->buffer,
                                                       MIN ((gsize) n, ASSAY_BUNDLE_SNIFF_BYTES),
                                                       n < ASSAY_BUNDLE_SNIFF_BYTES);
      first = FALSE;
      sha256_update (&ctx, n, packer->buffer);
      d->size += n;
      advance (packer, n);
      if (cancelled (packer, error))
        {
          close (fd);
          return FALSE;
        }
    }
  if (n < 0)
    {
      int saved_errno = errno;

      close (fd);
      return io_error (error, file->source, saved_errno);
    }
  close (fd);

  if (first)
    d->media_type = assay_bundle_sniff_media_type (d->name, NULL, 0, TRUE);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  d->sha256 = _assay_bundle_sha256_hex (digest);

  return TRUE;
}

static gboolean
compresses (const char *media_type)
{
  return !(g_str_has_prefix (media_type, "video/") ||
           g_str_has_prefix (media_type, "audio/") ||
           (g_str_has_prefix (media_type, "image/") && !g_str_equal (media_type, "image/svg+xml")) ||
           g_str_equal (media_type, "application/zip"));
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
build_artifact (JsonBuilder *builder,
                PackFile    *file,
                Described   *d)
{
  g_autofree char *title = g_strstrip (g_strdup (file->title ? file->title : ""));

  json_builder_begin_object (builder);
  add_string_member (builder, "path", d->name);
  add_string_member (builder, "title", *title != '\0' ? title : d->name);
  add_string_member (builder, "media_type", d->media_type);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) d->size);
  add_string_member (builder, "sha256", d->sha256);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint c = 0; file->criteria != NULL && file->criteria[c] != NULL; c++)
    json_builder_add_string_value (builder, file->criteria[c]);
  json_builder_end_array (builder);
  if (file->description != NULL && *file->description != '\0')
    add_string_member (builder, "description", file->description);
  json_builder_end_object (builder);
}

static char *
build_manifest (Packer *packer)
{
  AssayBundlePlan *plan = packer->plan;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "format", ASSAY_BUNDLE_MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ASSAY_BUNDLE_MANIFEST_VERSION);

  json_builder_set_member_name (builder, "credential");
  json_builder_begin_object (builder);
  add_string_member (builder, "id", plan->credential_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, plan->credential_version);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "earner");
  json_builder_begin_object (builder);
  add_string_member (builder, "name", plan->earner_name);
  add_string_member (builder, "email", plan->earner_email);
  if (plan->licence_number != NULL)
    add_string_member (builder, "licence_number", plan->licence_number);
  json_builder_end_object (builder);

  /* Informational: the importer computes the attempt the same way. */
  json_builder_set_member_name (builder, "attempt");
  json_builder_add_int_value (builder, plan->attempt);

  json_builder_set_member_name (builder, "artifacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->files->len; i++)
    build_artifact (builder, g_ptr_array_index (plan->files, i), &packer->described[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reflections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->reflections->len; i++)
    {
      PackReflection *reflection = g_ptr_array_index (plan->reflections, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "prompt", reflection->prompt);
      if (reflection->criterion_id != NULL)
        add_string_member (builder, "criterion", reflection->criterion_id);
      add_string_member (builder, "text", reflection->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/* libarchive's output goes straight to our descriptor, counted, so that
 * each entry's compressed size is known and the file can be synced. */
static la_ssize_t
on_archive_write (struct archive *archive,
                  void           *data,
                  const void     *buffer,
                  size_t          length)
{
  Packer *packer = data;
  const guint8 *p = buffer;
  size_t left = length;

  while (left > 0)
    {
      gssize n = write (packer->fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          archive_set_error (archive, errno, "%s", g_strerror (errno));
          return -1;
        }
      p += n;
      left -= n;
    }
  packer->zip_bytes += length;

  return length;
}

static gboolean
archive_failed (Packer          *packer,
                struct archive  *archive,
                GError         **error)
{
  const char *detail = archive_error_string (archive);

  return write_error (error, packer->out_zip, detail ? detail : g_strerror (archive_errno (archive)));
}

static gboolean
write_entry_header (struct archive *archive,
                    const char     *name,
                    gint64          size,
                    gboolean        deflate)
{
  struct archive_entry *entry = archive_entry_new ();
  int status;

  /* Unlike the "compression" option, these may change between entries. */
  if (deflate)
    archive_write_zip_set_compression_deflate (archive);
  else
    archive_write_zip_set_compression_store (archive);
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  status = archive_write_header (archive, entry);
  archive_entry_free (entry);

  return status == ARCHIVE_OK;
}

static gboolean
changed_error (GError     **error,
               const char  *path)
{
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
               _("“%s” changed while the bundle was being saved; save again"), path);
  return FALSE;
}

/* Second pass over one file: into the zip, hashed again. */
static gboolean
copy_file (Packer          *packer,
           struct archive  *archive,
           PackFile        *file,
           Described       *d,
           GError         **error)
{
  guint8 digest[SHA256_DIGEST_SIZE];
  g_autofree char *sha256 = NULL;
  struct sha256_ctx ctx;
  guint64 copied = 0;
  struct stat st;
  gssize n;
  int fd;

  fd = open_regular (file->source, &st, error);
  if (fd < 0)
    return FALSE;
  if ((guint64) st.st_size != d->size)
    {
      close (fd);
      return changed_error (error, file->source);
    }
  if (!write_entry_header (archive, d->name, (gint64) d->size,
                           !d->store_only && compresses (d->media_type)))
    {
      close (fd);
      return archive_failed (packer, archive, error);
    }

  sha256_init (&ctx);
  while ((n = read_some (fd, packer->buffer)) > 0)
    {
      if (copied + n > d->size)
        break;
      sha256_update (&ctx, n, packer->buffer);
      if (archive_write_data (archive, packer->buffer, n) != n)
        {
          close (fd);
          return archive_failed (packer, archive, error);
        }
      copied += n;
      advance (packer, n);
      if (cancelled (packer, error))
        {
          close (fd);
          return FALSE;
        }
    }
  if (n < 0)
    {
      int saved_errno = errno;

      close (fd);
      return io_error (error, file->source, saved_errno);
    }
  close (fd);

  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  sha256 = _assay_bundle_sha256_hex (digest);
  if (copied != d->size || !g_str_equal (sha256, d->sha256))
    return changed_error (error, file->source);

  return TRUE;
}

/* The importer refuses an entry, or a bundle, that expands more than
 * max_ratio times past 1 MiB; half of that is our margin. */
static gboolean
too_compressed (Packer  *packer,
                guint64  size,
                guint64  compressed)
{
  return size > RATIO_FLOOR && size / MAX (compressed, 1) > packer->limits.max_ratio / 2;
}

/* Writes the zip to packer->fd. Returns FALSE with @error, or FALSE with
 * *@retry set when some entries must be written again, stored. */
static gboolean
write_zip (Packer      *packer,
           const char  *manifest,
           gboolean    *retry,
           GError     **error)
{
  AssayBundlePlan *plan = packer->plan;
  struct archive *archive = archive_write_new ();
  guint64 total = strlen (manifest);
  gboolean ok = FALSE;

  *retry = FALSE;
  packer->zip_bytes = 0;

  if (archive_write_set_format_zip (archive) != ARCHIVE_OK ||
      archive_write_set_bytes_per_block (archive, 0) != ARCHIVE_OK ||
      archive_write_open2 (archive, packer, NULL, on_archive_write, NULL, NULL) != ARCHIVE_OK ||
      !write_entry_header (archive, ASSAY_BUNDLE_MANIFEST_NAME, strlen (manifest), TRUE) ||
      archive_write_data (archive, manifest, strlen (manifest)) != (la_ssize_t) strlen (manifest))
    {
      archive_failed (packer, archive, error);
      goto out;
    }

  for (guint i = 0; i < plan->files->len; i++)
    {
      Described *d = &packer->described[i];
      guint64 before;

      if (archive_write_finish_entry (archive) != ARCHIVE_OK)
        {
          archive_failed (packer, archive, error);
          goto out;
        }
      before = packer->zip_bytes;
      if (!copy_file (packer, archive, g_ptr_array_index (plan->files, i), d, error))
        goto out;
      if (archive_write_finish_entry (archive) != ARCHIVE_OK)
        {
          archive_failed (packer, archive, error);
          goto out;
        }
      if (!d->store_only && too_compressed (packer, d->size, packer->zip_bytes - before))
        d->store_only = *retry = TRUE;
      total += d->size;
      packer->files_done++;
    }

  if (archive_write_close (archive) != ARCHIVE_OK)
    {
      archive_failed (packer, archive, error);
      goto out;
    }
  if (!*retry && too_compressed (packer, total, packer->zip_bytes))
    {
      for (guint i = 0; i < plan->files->len; i++)
        packer->described[i].store_only = TRUE;
      *retry = TRUE;
    }
  ok = !*retry;

out:
  archive_write_free (archive);
  return ok;
}

static gboolean
check_plan (Packer  *packer,
            GError **error)
{
  AssayBundlePlan *plan = packer->plan;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  if (plan->files->len >= packer->limits.max_entries)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                   _("A bundle holds at most %u files"), packer->limits.max_entries - 1);
      return FALSE;
    }

  for (guint i = 0; i < plan->files->len; i++)
    {
      PackFile *file = g_ptr_array_index (plan->files, i);
      Described *d = &packer->described[i];

      if (!assay_bundle_check_file_name (file->source, &d->name, error))
        return FALSE;
      if (!g_hash_table_add (names, d->name))
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_DUPLICATE,
                       _("Two files are both named “%s”; a bundle can hold only one"), d->name);
          return FALSE;
        }
      for (guint c = 0; file->criteria != NULL && file->criteria[c] != NULL; c++)
        if (!g_hash_table_contains (plan->criteria, file->criteria[c]))
          {
            g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                         _("“%s” is not a criterion of the rubric of “%s”"),
                         file->criteria[c], plan->credential_title);
            return FALSE;
          }
    }

  for (guint i = 0; i < plan->reflections->len; i++)
    {
      PackReflection *reflection = g_ptr_array_index (plan->reflections, i);

      if (reflection->criterion_id != NULL && !g_hash_table_contains (plan->criteria, reflection->criterion_id))
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                       _("“%s” is not a criterion of the rubric of “%s”"),
                       reflection->criterion_id, plan->credential_title);
          return FALSE;
        }
      if (reflection->text == NULL || *reflection->text == '\0' ||
          reflection->prompt == NULL || *reflection->prompt == '\0')
        {
          g_set_error_literal (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                               _("A reflection has no text or no prompt"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_described (Packer  *packer,
                 GError **error)
{
  AssayBundlePlan *plan = packer->plan;
  guint64 total = 0;
  struct stat out;
  gboolean out_exists = g_stat (packer->out_zip, &out) == 0;

  for (guint i = 0; i < plan->files->len; i++)
    {
      Described *d = &packer->described[i];

      if (out_exists && out.st_dev == d->dev && out.st_ino == d->ino)
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
                       _("The bundle cannot be saved over “%s”, one of its own files"), d->name);
          return FALSE;
        }
      total += d->size;
      if (d->size > packer->limits.max_entry_bytes || total > packer->limits.max_total_bytes)
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle would be too large to import: “%s” passes the size limit"), d->name);
          return FALSE;
        }
    }

  return TRUE;
}

/* The importer's validator, on our own output: an invalid manifest is
 * refused here, in the educator's hands, not at the assessor's. */
static char *
manifest_checked (Packer  *packer,
                  GError **error)
{
  g_autofree char *manifest = build_manifest (packer);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (strlen (manifest) > ASSAY_BUNDLE_MANIFEST_MAX_BYTES)
    {
      g_set_error_literal (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_TOO_LARGE,
                           _("The titles, descriptions and reflections are too long for one bundle (1 MiB)"));
      return NULL;
    }
  parsed = assay_bundle_manifest_parse (manifest, -1, &local_error);
  if (parsed == NULL)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                   _("The bundle cannot be described: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&manifest);
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    g_debug ("Cannot sync %s: %s", dir, g_strerror (errno));
  if (fd >= 0)
    close (fd);
}

/* Writes the zip under a hidden name beside @out_zip, then renames it. */
static gboolean
write_and_rename (Packer      *packer,
                  const char  *manifest,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (packer->out_zip);
  g_autofree char *base = g_path_get_basename (packer->out_zip);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  guint64 second_pass = packer->bytes_done;
  gboolean retry = FALSE;

  /* 0666 less the umask, as any saved file */
  packer->fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (packer->fd < 0)
    return write_error (error, packer->out_zip, g_strerror (errno));

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      packer->bytes_done = second_pass;
      packer->files_done = 0;
      if (lseek (packer->fd, 0, SEEK_SET) != 0 || ftruncate (packer->fd, 0) != 0)
        {
          write_error (error, packer->out_zip, g_strerror (errno));
          goto failed;
        }
      if (write_zip (packer, manifest, &retry, error))
        break;
      if (!retry)
        goto failed;
      g_debug ("Writing %s again with highly compressible entries stored", packer->out_zip);
    }
  if (retry)
    {
      write_error (error, packer->out_zip, _("its files compress too well to import"));
      goto failed;
    }

  if (fsync (packer->fd) != 0)
    {
      write_error (error, packer->out_zip, g_strerror (errno));
      goto failed;
    }
  if (close (packer->fd) != 0)
    {
      packer->fd = -1;
      write_error (error, packer->out_zip, g_strerror (errno));
      goto failed;
    }
  packer->fd = -1;
  if (cancelled (packer, error))
    goto failed;
  if (g_rename (tmp, packer->out_zip) != 0)
    {
      write_error (error, packer->out_zip, g_strerror (errno));
      goto failed;
    }
  sync_directory (packer->out_zip);

  return TRUE;

failed:
  if (packer->fd >= 0)
    close (packer->fd);
  packer->fd = -1;
  g_unlink (tmp);
  return FALSE;
}

/**
 * assay_bundle_plan_write:
 * @progress: (nullable): called on this thread with the bytes of both
 *   passes (hashing, then copying) and the files copied
 *
 * Writes the bundle that @plan describes to @out_zip, replacing it. May run
 * on any thread; @plan is frozen from now on.
 *
 * Returns: %TRUE when @out_zip is complete; on failure or cancellation it
 *   was not created or replaced, and no temporary file is left
 */
gboolean
assay_bundle_plan_write (AssayBundlePlan      *plan,
                         const char           *out_zip,
                         AssayBundleProgress   progress,
                         gpointer              user_data,
                         GCancellable         *cancellable,
                         GError              **error)
{
  Packer packer = { plan, out_zip, progress, user_data, cancellable };
  g_autofree char *manifest = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (out_zip != NULL && *out_zip != '\0', FALSE);

  plan->frozen = TRUE;
  assay_bundle_limits_init_default (&packer.limits);
  packer.described = g_new0 (Described, plan->files->len);
  packer.buffer = g_malloc (BUFFER_SIZE);
  packer.fd = -1;

  if (!check_plan (&packer, error))
    goto out;

  /* the total of both passes, known once the first is done; until then
   * the sizes on disk */
  for (guint i = 0; i < plan->files->len; i++)
    {
      struct stat st;

      if (g_stat (((PackFile *) g_ptr_array_index (plan->files, i))->source, &st) == 0)
        packer.bytes_total += 2 * (guint64) st.st_size;
    }
  for (guint i = 0; i < plan->files->len; i++)
    if (!describe_file (&packer, g_ptr_array_index (plan->files, i), &packer.described[i], error))
      goto out;
  packer.bytes_total = 2 * packer.bytes_done;

  if (!check_described (&packer, error))
    goto out;
  manifest = manifest_checked (&packer, error);
  if (manifest == NULL || cancelled (&packer, error))
    goto out;

  ok = write_and_rename (&packer, manifest, error);

out:
  for (guint i = 0; i < plan->files->len; i++)
    described_clear (&packer.described[i]);
  g_free (packer.described);
  g_free (packer.buffer);
  return ok;
}

/* The asynchronous write: the same, in a worker thread, with progress
 * handed to the caller's main context at most PROGRESS_INTERVAL_US apart. */

typedef struct
{
  AssayBundlePlan     *plan;
  char                *out_zip;
  AssayBundleProgress  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *context;
  gint64               last_progress_us;
} WriteJob;

typedef struct
{
  GTask   *task;
  guint64  bytes_done;
  guint64  bytes_total;
  guint    files_done;
} ProgressCall;

typedef struct
{
  GDestroyNotify destroy;
  gpointer       data;
} DestroyCall;

/* Runs @function on @context's own thread. Not g_main_context_invoke():
 * it calls at once, on the calling thread, when nobody holds the context,
 * as between two iterations of a loop that is not running. */
static void
run_on_context (GMainContext   *context,
                GSourceFunc     function,
                gpointer        data,
                GDestroyNotify  destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, function, data, destroy);
  g_source_set_static_name (source, "[assay] bundle pack");
  g_source_attach (source, context);
  g_source_unref (source);
}

static gboolean
destroy_on_main (gpointer data)
{
  DestroyCall *call = data;

  call->destroy (call->data);
  return G_SOURCE_REMOVE;
}

static void
write_job_free (WriteJob *job)
{
  /* The task may end on either thread; the progress data (a widget, say)
   * belongs to the caller's. */
  if (job->progress_destroy != NULL)
    {
      DestroyCall *call = g_new (DestroyCall, 1);

      *call = (DestroyCall) { job->progress_destroy, job->progress_data };
      run_on_context (job->context, destroy_on_main, call, g_free);
    }
  assay_bundle_plan_unref (job->plan);
  g_main_context_unref (job->context);
  g_free (job->out_zip);
  g_free (job);
}

static void
progress_call_free (ProgressCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

static gboolean
progress_on_main (gpointer data)
{
  ProgressCall *call = data;
  WriteJob *job = g_task_get_task_data (call->task);

  /* a late figure must not follow the result */
  if (!g_task_get_completed (call->task))
    job->progress (call->bytes_done, call->bytes_total, call->files_done, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_in_thread (guint64  bytes_done,
                    guint64  bytes_total,
                    guint    files_done,
                    gpointer user_data)
{
  GTask *task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  ProgressCall *call;

  /* only this thread touches last_progress_us */
  if (bytes_done < bytes_total && now - job->last_progress_us < PROGRESS_INTERVAL_US)
    return;
  job->last_progress_us = now;

  call = g_new (ProgressCall, 1);
  *call = (ProgressCall) { g_object_ref (task), bytes_done, bytes_total, files_done };
  run_on_context (job->context, progress_on_main, call, (GDestroyNotify) progress_call_free);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (assay_bundle_plan_write (job->plan, job->out_zip,
                               job->progress != NULL ? progress_in_thread : NULL, task,
                               cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * assay_bundle_plan_write_async:
 * @progress: (nullable): called on the thread-default main context of the caller
 *
 * Runs assay_bundle_plan_write() in a worker thread. @plan is frozen from
 * now on. On cancellation the result is %ASSAY_BUNDLE_ERROR_CANCELLED and
 * @out_zip is untouched.
 */
void
assay_bundle_plan_write_async (AssayBundlePlan      *plan,
                               const char           *out_zip,
                               AssayBundleProgress   progress,
                               gpointer              progress_data,
                               GDestroyNotify        progress_destroy,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (out_zip != NULL && *out_zip != '\0');

  plan->frozen = TRUE;
  job = g_new0 (WriteJob, 1);
  job->plan = assay_bundle_plan_ref (plan);
  job->out_zip = g_strdup (out_zip);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, assay_bundle_plan_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  /* the thread's own error says what was cancelled, and removes its file first */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
assay_bundle_plan_write_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == assay_bundle_plan_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static AssayPerson *
find_person (AssayStore *store,
             const char *email)
{
  g_autoptr(GPtrArray) people = assay_store_query (store, ASSAY_TYPE_PERSON, "email", email, NULL);

  return people != NULL && people->len > 0 ? g_object_ref (g_ptr_array_index (people, 0)) : NULL;
}

/**
 * assay_bundle_next_attempt:
 *
 * The attempt number that a bundle from @earner_email for @credential
 * would get if imported into @store now: one more than the earner's
 * latest submission for any version of the credential. The importer
 * computes it in the same way.
 */
guint
assay_bundle_next_attempt (AssayStore      *store,
                           AssayCredential *credential,
                           const char      *earner_email)
{
  g_autoptr(AssayPerson) earner = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  gint64 latest = 0;

  g_return_val_if_fail (ASSAY_IS_STORE (store), 1);
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (credential), 1);

  if (earner_email == NULL || *earner_email == '\0' ||
      (earner = find_person (store, earner_email)) == NULL)
    return 1;

  submissions = assay_store_query (store, ASSAY_TYPE_SUBMISSION, "earner_id",
                                   assay_record_get_id (ASSAY_RECORD (earner)), NULL);
  for (guint i = 0; submissions != NULL && i < submissions->len; i++)
    {
      AssaySubmission *submission = g_ptr_array_index (submissions, i);
      g_autoptr(AssayCredential) other = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL,
                                                             assay_submission_get_credential_id (submission), NULL);

      if (other != NULL &&
          g_str_equal (assay_credential_get_lineage_id (other), assay_credential_get_lineage_id (credential)))
        latest = MAX (latest, assay_submission_get_attempt (submission));
    }

  return (guint) latest + 1;
}

static gboolean
is_email (const char *text)
{
  const char *at = text != NULL ? strchr (text, '@') : NULL;

  return at != NULL && at != text && at[1] != '\0';
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  return copy != NULL && *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/**
 * assay_bundle_plan_new:
 * @earner_name: (nullable): else the workspace's name for @earner_email,
 *   else its local part
 * @licence_number: (nullable): else the workspace's, if any
 *
 * Starts the plan of a bundle for @credential_id, which must be published.
 *
 * Returns: (transfer full): the plan, or %NULL with @error
 */
AssayBundlePlan *
assay_bundle_plan_new (AssayStore  *store,
                       const char  *credential_id,
                       const char  *earner_name,
                       const char  *earner_email,
                       const char  *licence_number,
                       GError     **error)
{
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayPerson) person = NULL;
  g_autoptr(AssayRubric) rubric = NULL;
  g_autofree char *email = strip_or_null (earner_email);
  AssayBundlePlan *plan;

  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (credential_id != NULL, NULL);

  credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, credential_id, NULL);
  if (credential == NULL)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is not in this workspace"), credential_id);
      return NULL;
    }
  /* the importer would refuse the bundle, with these words */
  if (assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_DRAFT)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is a draft, not open for submissions"),
                   assay_credential_get_title (credential));
      return NULL;
    }
  if (assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_RETIRED)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is retired and takes no more submissions"),
                   assay_credential_get_title (credential));
      return NULL;
    }
  if (!is_email (email))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("“%s” is not an e-mail address"), earner_email ? earner_email : "");
      return NULL;
    }

  plan = g_new0 (AssayBundlePlan, 1);
  g_atomic_ref_count_init (&plan->ref_count);
  plan->credential_id = g_strdup (credential_id);
  plan->credential_version = assay_credential_get_version (credential);
  plan->credential_title = g_strdup (assay_credential_get_title (credential));
  plan->criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->files = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_file_free);
  plan->reflections = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_reflection_free);

  person = find_person (store, email);
  plan->earner_name = strip_or_null (earner_name);
  if (plan->earner_name == NULL && person != NULL)
    plan->earner_name = strip_or_null (assay_person_get_name (person));
  if (plan->earner_name == NULL)
    plan->earner_name = g_strndup (email, strchr (email, '@') - email);
  plan->licence_number = strip_or_null (licence_number);
  if (plan->licence_number == NULL && person != NULL)
    plan->licence_number = strip_or_null (assay_person_get_licence_number (person));
  plan->earner_email = g_steal_pointer (&email);
  plan->attempt = assay_bundle_next_attempt (store, credential, plan->earner_email);

  rubric = assay_store_get_rubric (store, credential, NULL);
  if (rubric != NULL)
    {
      g_autoptr(GPtrArray) criteria = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                                         assay_record_get_id (ASSAY_RECORD (rubric)), NULL);

      for (guint i = 0; i < criteria->len; i++)
        g_hash_table_add (plan->criteria, g_strdup (assay_record_get_id (g_ptr_array_index (criteria, i))));
    }

  return plan;
}

AssayBundlePlan *
assay_bundle_plan_ref (AssayBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

void
assay_bundle_plan_unref (AssayBundlePlan *plan)
{
  g_return_if_fail (plan != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;

  g_free (plan->credential_id);
  g_free (plan->credential_title);
  g_hash_table_unref (plan->criteria);
  g_free (plan->earner_name);
  g_free (plan->earner_email);
  g_free (plan->licence_number);
  g_ptr_array_unref (plan->files);
  g_ptr_array_unref (plan->reflections);
  g_free (plan);
}

/* The attempt number written into the manifest. */
guint
assay_bundle_plan_get_attempt (AssayBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->attempt;
}

/**
 * assay_bundle_plan_add_file:
 * @path: (type filename): stored at the root of the zip under its own name
 * @title: (nullable): else the file's name
 * @description: (nullable)
 * @criteria: (nullable) (array zero-terminated=1): ids of the rubric's
 *   criteria the file is evidence for
 */
void
assay_bundle_plan_add_file (AssayBundlePlan    *plan,
                            const char         *path,
                            const char         *title,
                            const char         *description,
                            const char * const *criteria)
{
  PackFile *file;
  GPtrArray *unique;

  g_return_if_fail (plan != NULL && !plan->frozen);
  g_return_if_fail (path != NULL);

  unique = g_ptr_array_new ();
  for (guint i = 0; criteria != NULL && criteria[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (unique, criteria[i], g_str_equal, NULL))
      g_ptr_array_add (unique, g_strdup (criteria[i]));
  g_ptr_array_add (unique, NULL);

  file = g_new0 (PackFile, 1);
  file->source = g_strdup (path);
  file->title = g_strdup (title);
  file->description = strip_or_null (description);
  file->criteria = (GStrv) g_ptr_array_free (unique, FALSE);
  g_ptr_array_add (plan->files, file);
}

/**
 * assay_bundle_plan_add_reflection:
 * @prompt: the question answered
 * @criterion_id: (nullable): the rubric criterion it addresses
 * @text: the answer, not empty
 */
void
assay_bundle_plan_add_reflection (AssayBundlePlan *plan,
                                  const char      *prompt,
                                  const char      *criterion_id,
                                  const char      *text)
{
  PackReflection *reflection;

  g_return_if_fail (plan != NULL && !plan->frozen);
  g_return_if_fail (prompt != NULL && text != NULL);

  reflection = g_new0 (PackReflection, 1);
  reflection->prompt = g_strdup (prompt);
  reflection->criterion_id = g_strdup (criterion_id);
  reflection->text = g_strdup (text);
  g_ptr_array_add (plan->reflections, reflection);
}

/**
 * assay_bundle_pack:
 * @files: (element-type filename): the evidence files, stored at the root of
 *   the zip under their own names, titled with them, tied to no criterion
 * @reflections: (nullable) (element-type utf8 utf8): criterion id → text
 *
 * Writes an evidence bundle that assay_bundle_import() accepts, as
 * `assay-cli pack` does. An earner not yet in the workspace is named from
 * the local part of @earner_email.
 *
 * Returns: %TRUE when @out_zip is complete; on failure it is not created
 */
gboolean
assay_bundle_pack (AssayStore  *store,
                   const char  *credential_id,
                   const char  *earner_email,
                   GPtrArray   *files,
                   GHashTable  *reflections,
                   const char  *out_zip,
                   GError     **error)
{
  g_autoptr(AssayBundlePlan) plan = NULL;

  g_return_val_if_fail (ASSAY_IS_STORE (store), FALSE);
  g_return_val_if_fail (credential_id != NULL && earner_email != NULL && out_zip != NULL, FALSE);

  plan = assay_bundle_plan_new (store, credential_id, NULL, earner_email, NULL, error);
  if (plan == NULL)
    return FALSE;

  for (guint i = 0; files != NULL && i < files->len; i++)
    assay_bundle_plan_add_file (plan, g_ptr_array_index (files, i), NULL, NULL, NULL);

  if (reflections != NULL)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (reflections), (GCompareFunc) g_strcmp0);

      for (GList *l = keys; l != NULL; l = l->next)
        assay_bundle_plan_add_reflection (plan, _("Reflection"), l->data,
                                          g_hash_table_lookup (reflections, l->data));
    }

  return assay_bundle_plan_write (plan, out_zip, NULL, NULL, NULL, error);
}
