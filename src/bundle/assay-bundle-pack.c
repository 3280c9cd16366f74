/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <unistd.h>

#include "assay-bundle-manifest.h"
#include "assay-bundle-pack.h"
#include "assay-bundle-private.h"
#include "assay-bundle-sniff.h"
#include "assay-model.h"

/* The educator's side: a zip with manifest.json first, then each file at
 * the root under its own name. Media that does not compress (video, audio,
 * images, zips) is stored; the rest is deflated. The zip is written next to
 * the destination and renamed into place only when complete.
 */

#define BUFFER_SIZE (256 * 1024)
#define SNIFF_SIZE  4096

typedef struct
{
  char    *source;
  char    *name;
  char    *sha256;
  char    *media_type;
  guint64  size;
} PackFile;

static void
pack_file_free (PackFile *file)
{
  g_free (file->source);
  g_free (file->name);
  g_free (file->sha256);
  g_free (file->media_type);
  g_free (file);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackFile, pack_file_free)

static gboolean
io_error (GError     **error,
          const char  *path,
          int          saved_errno)
{
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
               _("“%s” cannot be read: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Hashes and sniffs one file. */
static PackFile *
describe_file (const char  *path,
               GError     **error)
{
  g_autoptr(PackFile) file = g_new0 (PackFile, 1);
  g_autofree guint8 *buffer = g_malloc (BUFFER_SIZE);
  guint8 digest[SHA256_DIGEST_SIZE];
  struct sha256_ctx ctx;
  gboolean first = TRUE;
  FILE *stream;
  size_t n;

  stream = g_fopen (path, "rb");
  if (stream == NULL)
    {
      io_error (error, path, errno);
      return NULL;
    }

  file->source = g_strdup (path);
  file->name = g_path_get_basename (path);
  sha256_init (&ctx);
  while ((n = fread (buffer, 1, BUFFER_SIZE, stream)) > 0)
    {
      if (first)
        file->media_type = assay_bundle_sniff_media_type (file->name, buffer, MIN (n, SNIFF_SIZE),
                                                          n < SNIFF_SIZE);
      first = FALSE;
      sha256_update (&ctx, n, buffer);
      file->size += n;
    }
  if (ferror (stream))
    {
      int saved_errno = errno;

      fclose (stream);
      io_error (error, path, saved_errno);
      return NULL;
    }
  fclose (stream);

  if (first)
    file->media_type = assay_bundle_sniff_media_type (file->name, NULL, 0, TRUE);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  file->sha256 = _assay_bundle_sha256_hex (digest);

  return g_steal_pointer (&file);
}

static gboolean
compresses (const char *media_type)
{
  return !(g_str_has_prefix (media_type, "video/") ||
           g_str_has_prefix (media_type, "audio/") ||
           (g_str_has_prefix (media_type, "image/") && !g_str_equal (media_type, "image/svg+xml")) ||
           g_str_equal (media_type, "application/zip"));
}

static char *
build_manifest (AssayCredential *credential,
                AssayPerson     *earner,
                GPtrArray       *files,
                GHashTable      *reflections)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ASSAY_BUNDLE_MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ASSAY_BUNDLE_MANIFEST_VERSION);

  json_builder_set_member_name (builder, "credential");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, assay_record_get_id (ASSAY_RECORD (credential)));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, assay_credential_get_version (credential));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "earner");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, assay_person_get_name (earner));
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, assay_person_get_email (earner));
  if (assay_person_get_licence_number (earner) != NULL)
    {
      json_builder_set_member_name (builder, "licence_number");
      json_builder_add_string_value (builder, assay_person_get_licence_number (earner));
    }
  json_builder_end_object (builder);

  /* Informational: the importer computes the attempt. */
  json_builder_set_member_name (builder, "attempt");
  json_builder_add_int_value (builder, 1);

  json_builder_set_member_name (builder, "artifacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      PackFile *file = g_ptr_array_index (files, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "media_type");
      json_builder_add_string_value (builder, file->media_type);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) file->size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, file->sha256);
      json_builder_set_member_name (builder, "criteria");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reflections");
  json_builder_begin_array (builder);
  if (reflections != NULL)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (reflections), (GCompareFunc) g_strcmp0);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "prompt");
          json_builder_add_string_value (builder, _("Reflection"));
          json_builder_set_member_name (builder, "criterion");
          json_builder_add_string_value (builder, l->data);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, g_hash_table_lookup (reflections, l->data));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static gboolean
archive_failed (struct archive  *archive,
                const char      *out_zip,
                GError         **error)
{
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
               _("The bundle “%s” cannot be written: %s"), out_zip,
               archive_error_string (archive) ? archive_error_string (archive) : g_strerror (archive_errno (archive)));
  return FALSE;
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
write_zip (const char  *path,
           const char  *out_zip,
           const char  *manifest,
           GPtrArray   *files,
           GError     **error)
{
  struct archive *archive = archive_write_new ();
  g_autofree guint8 *buffer = g_malloc (BUFFER_SIZE);
  gboolean ok = FALSE;

  if (archive_write_set_format_zip (archive) != ARCHIVE_OK ||
      archive_write_open_filename (archive, path) != ARCHIVE_OK ||
      !write_entry_header (archive, ASSAY_BUNDLE_MANIFEST_NAME, strlen (manifest), TRUE) ||
      archive_write_data (archive, manifest, strlen (manifest)) != (la_ssize_t) strlen (manifest))
    goto out;

  for (guint i = 0; i < files->len; i++)
    {
      PackFile *file = g_ptr_array_index (files, i);
      guint64 written = 0;
      FILE *stream;
      size_t n;

      if (!write_entry_header (archive, file->name, (gint64) file->size, compresses (file->media_type)))
        goto out;
      stream = g_fopen (file->source, "rb");
      if (stream == NULL)
        {
          archive_write_free (archive);
          return io_error (error, file->source, errno);
        }
      while ((n = fread (buffer, 1, BUFFER_SIZE, stream)) > 0 &&
             archive_write_data (archive, buffer, n) == (la_ssize_t) n)
        written += n;
      fclose (stream);
      if (written != file->size)
        {
          archive_write_free (archive);
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
                       _("“%s” changed while it was being packed"), file->source);
          return FALSE;
        }
    }

  ok = archive_write_close (archive) == ARCHIVE_OK;

out:
  if (!ok)
    archive_failed (archive, out_zip, error);
  archive_write_free (archive);
  return ok;
}

static AssayPerson *
find_person (AssayStore *store,
             const char *email)
{
  g_autoptr(GPtrArray) people = assay_store_query (store, ASSAY_TYPE_PERSON, "email", email, NULL);

  return people != NULL && people->len > 0 ? g_object_ref (g_ptr_array_index (people, 0)) : NULL;
}

/**
 * assay_bundle_pack:
 * @files: (element-type filename): the evidence files, stored at the root of
 *   the zip under their own names
 * @reflections: (nullable) (element-type utf8 utf8): criterion id → text
 *
 * Writes an evidence bundle that assay_bundle_import() accepts. An earner
 * not yet in the workspace is named from the local part of @earner_email.
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
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayPerson) earner = NULL;
  g_autoptr(GPtrArray) described = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_file_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *manifest = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (ASSAY_IS_STORE (store), FALSE);
  g_return_val_if_fail (credential_id != NULL && earner_email != NULL && out_zip != NULL, FALSE);

  credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, credential_id, NULL);
  if (credential == NULL)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is not in this workspace"), credential_id);
      return FALSE;
    }
  if (strchr (earner_email, '@') == NULL || *earner_email == '@' || g_str_has_suffix (earner_email, "@"))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("“%s” is not an e-mail address"), earner_email);
      return FALSE;
    }
  earner = find_person (store, earner_email);
  if (earner == NULL)
    {
      g_autofree char *name = g_strndup (earner_email, strchr (earner_email, '@') - earner_email);

      earner = assay_person_new (name, earner_email);
    }

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      PackFile *file = describe_file (g_ptr_array_index (files, i), error);

      if (file == NULL)
        return FALSE;
      g_ptr_array_add (described, file);
      if (g_str_equal (file->name, ASSAY_BUNDLE_MANIFEST_NAME) || !g_hash_table_add (names, file->name))
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_DUPLICATE,
                       _("Two files, or a file and the manifest, are both named “%s”"), file->name);
          return FALSE;
        }
    }

  manifest = build_manifest (credential, earner, described, reflections);

  dir = g_path_get_dirname (out_zip);
  base = g_path_get_basename (out_zip);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
                   _("The bundle “%s” cannot be written: %s"), out_zip, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!write_zip (tmp, out_zip, manifest, described, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, out_zip) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO,
                   _("The bundle “%s” cannot be written: %s"), out_zip, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
