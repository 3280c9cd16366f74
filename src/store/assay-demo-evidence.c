/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-demo-private.h"
#include "assay-store-credentials.h"

/* The evidence of the demonstration submissions: each submission's
 * "evidence" member names media files (PDFs, videos, photos, Markdown) that
 * the build draws and encodes (data/demo/assay-demo-media.c), and the
 * written reflections. The files are copied into the blob store and
 * recorded as artifact rows the way the bundle importer records a bundle's
 * files; the rows join the demo's one transaction.
 *
 * Where the files are:
 * 1. $ASSAY_DEMO_MEDIA_DIR, when set (tests, `meson devenv`, packagers);
 * 2. PKGDATADIR/demo, where `meson install` puts them;
 * 3. the build folder (ASSAY_DEMO_MEDIA_BUILDDIR), for `_build/src/assay
 *    --demo`, `assay-cli demo` and the tests run before installing. It is
 *    a compile-time path, so it only helps on the machine that built Assay.
 *
 * Missing files fail the demo with a clear error rather than giving a demo
 * without evidence: the viewers would have nothing to show, and the cause
 * (an incomplete installation) is better named at once.
 */

typedef struct
{
  char   *sha256;
  gint64  size;
} Blob;

typedef struct
{
  AssayDemoLoader *loader;
  char            *directory;
  GHashTable      *blobs;      /* media file name → Blob */
  GPtrArray       *created;    /* hashes of blobs new to the workspace */
} Evidence;

static void
blob_free (gpointer data)
{
  Blob *blob = data;

  g_free (blob->sha256);
  g_free (blob);
}

static void
evidence_clear (Evidence *evidence)
{
  g_clear_pointer (&evidence->directory, g_free);
  g_clear_pointer (&evidence->blobs, g_hash_table_unref);
  g_clear_pointer (&evidence->created, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Evidence, evidence_clear)

static char *
find_media_directory (GError **error)
{
  const char *variable = g_getenv ("ASSAY_DEMO_MEDIA_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", NULL);

  if (variable != NULL && *variable != '\0')
    {
      if (g_file_test (variable, G_FILE_TEST_IS_DIR))
        return g_strdup (variable);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The demonstration evidence folder %s (from ASSAY_DEMO_MEDIA_DIR) does not exist"), variable);
      return NULL;
    }

  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  if (g_file_test (ASSAY_DEMO_MEDIA_BUILDDIR, G_FILE_TEST_IS_DIR))
    return g_strdup (ASSAY_DEMO_MEDIA_BUILDDIR);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The demonstration evidence files are missing from %s; reinstall Assay or set ASSAY_DEMO_MEDIA_DIR"),
               installed);
  return NULL;
}

static const char *
media_type_for (const char *name)
{
  static const struct { const char *suffix, *type; } types[] = {
    { ".pdf", "application/pdf" },
    { ".mp4", "video/mp4" },
    { ".webm", "video/webm" },
    { ".jpg", "image/jpeg" },
    { ".jpeg", "image/jpeg" },
    { ".png", "image/png" },
    { ".md", "text/markdown" },
    { ".txt", "text/plain" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (name, types[i].suffix))
      return types[i].type;

  return NULL;
}

/* Each file is copied once, however many submissions use it. */
static const Blob *
add_media (Evidence    *evidence,
           const char  *name,
           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *sha256 = NULL;
  Blob *blob;
  gboolean created = FALSE;

  blob = g_hash_table_lookup (evidence->blobs, name);
  if (blob != NULL)
    return blob;

  /* The file only names a file of the media folder, never a path. */
  if (*name == '\0' || *name == '.' || strchr (name, '/') != NULL || media_type_for (name) == NULL)
    {
      _assay_demo_damaged (error, "media");
      return NULL;
    }

  if (evidence->directory == NULL &&
      (evidence->directory = find_media_directory (error)) == NULL)
    return NULL;

  file = g_file_new_build_filename (evidence->directory, name, NULL);
  input = g_file_read (file, NULL, error);
  if (input != NULL)
    info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, error);
  if (info == NULL)
    {
      g_prefix_error (error, _("A demonstration evidence file cannot be read: "));
      return NULL;
    }

  sha256 = assay_blob_store_write (assay_store_get_blobs (evidence->loader->store),
                                   G_INPUT_STREAM (input), &created, NULL, error);
  if (sha256 == NULL)
    return NULL;
  if (created)
    g_ptr_array_add (evidence->created, g_strdup (sha256));

  blob = g_new0 (Blob, 1);
  blob->sha256 = g_steal_pointer (&sha256);
  blob->size = g_file_info_get_size (info);
  g_hash_table_insert (evidence->blobs, g_strdup (name), blob);

  return blob;
}

/* The rubric's criteria of @credential by title. */
static GHashTable *
criteria_by_title (AssayStore      *store,
                   AssayCredential *credential,
                   GError         **error)
{
  g_autoptr(GHashTable) criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AssayRubric) rubric = assay_store_get_rubric (store, credential, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (rubric == NULL)
    return NULL;

  rows = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id",
                            assay_record_get_id (ASSAY_RECORD (rubric)), NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      AssayCriterion *criterion = g_ptr_array_index (rows, i);

      g_hash_table_insert (criteria, g_strdup (assay_criterion_get_title (criterion)),
                           g_strdup (assay_record_get_id (ASSAY_RECORD (criterion))));
    }

  return g_steal_pointer (&criteria);
}

static gboolean
criterion_id (GHashTable  *criteria,
              const char  *title,
              const char **out,
              GError     **error)
{
  *out = title != NULL ? g_hash_table_lookup (criteria, title) : NULL;

  return title == NULL || *out != NULL || _assay_demo_unknown_reference (error, title);
}

static gboolean
load_artifact (Evidence    *evidence,
               const char  *submission_id,
               GHashTable  *criteria,
               JsonObject  *item,
               guint        position,
               GError     **error)
{
  g_autoptr(AssayArtifact) artifact = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *media, *path, *title, *description;
  JsonArray *list;
  const Blob *blob;

  if (!_assay_demo_get_string (item, "media", TRUE, &media, error) ||
      !_assay_demo_get_string (item, "path", FALSE, &path, error) ||
      !_assay_demo_get_string (item, "title", TRUE, &title, error) ||
      !_assay_demo_get_string (item, "description", FALSE, &description, error) ||
      !_assay_demo_get_array (item, "criteria", &list, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (list); i++)
    {
      const char *name, *id;

      if (!_assay_demo_element_string (list, i, "criteria", &name, error) ||
          !criterion_id (criteria, name, &id, error))
        return FALSE;
      g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);

  if ((blob = add_media (evidence, media, error)) == NULL)
    return FALSE;

  artifact = assay_artifact_new (submission_id, path != NULL ? path : media, title, blob->sha256);
  assay_artifact_set_position (artifact, position);
  assay_artifact_set_size (artifact, blob->size);
  assay_artifact_set_media_type (artifact, media_type_for (media));
  assay_artifact_set_description (artifact, description);
  assay_artifact_set_criteria (artifact, (const char * const *) ids->pdata);

  return assay_store_save (evidence->loader->store, artifact, error);
}

static gboolean
load_reflection (Evidence    *evidence,
                 const char  *submission_id,
                 GHashTable  *criteria,
                 JsonObject  *item,
                 guint        position,
                 GError     **error)
{
  g_autoptr(AssayReflection) reflection = assay_reflection_new (submission_id);
  const char *title, *id, *prompt, *text;

  if (!_assay_demo_get_string (item, "criterion", FALSE, &title, error) ||
      !_assay_demo_get_string (item, "prompt", FALSE, &prompt, error) ||
      !_assay_demo_get_string (item, "text", TRUE, &text, error) ||
      !criterion_id (criteria, title, &id, error))
    return FALSE;

  assay_reflection_set_position (reflection, position);
  assay_reflection_set_criterion_id (reflection, id);
  assay_reflection_set_prompt (reflection, prompt);
  assay_reflection_set_body (reflection, text);

  return assay_store_save (evidence->loader->store, reflection, error);
}

/* The submission the loader wrote for this item of the file. */
static AssaySubmission *
find_submission (AssayDemoLoader  *loader,
                 JsonObject       *item,
                 AssayCredential **credential,
                 GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *earner_id, *key;
  gint64 attempt;

  if ((earner_id = _assay_demo_person_id (loader, item, "earner", error)) == NULL ||
      !_assay_demo_get_string (item, "credential", TRUE, &key, error) ||
      !_assay_demo_get_int (item, "attempt", 1, &attempt, error))
    return NULL;
  if ((*credential = g_hash_table_lookup (loader->credentials, key)) == NULL)
    {
      _assay_demo_unknown_reference (error, key);
      return NULL;
    }

  rows = assay_store_query (loader->store, ASSAY_TYPE_SUBMISSION, "earner_id", earner_id, NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      AssaySubmission *submission = g_ptr_array_index (rows, i);

      if (assay_submission_get_attempt (submission) == attempt &&
          g_str_equal (assay_submission_get_credential_id (submission),
                       assay_record_get_id (ASSAY_RECORD (*credential))))
        return g_object_ref (submission);
    }

  _assay_demo_damaged (error, "evidence");
  return NULL;
}

static gboolean
load_submission_evidence (Evidence    *evidence,
                          JsonObject  *item,
                          GError     **error)
{
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GHashTable) criteria = NULL;
  AssayCredential *credential = NULL;
  JsonObject *spec;
  JsonArray *artifacts, *reflections;
  const char *id;

  if (!_assay_demo_get_object (item, "evidence", &spec, error))
    return FALSE;
  if (spec == NULL)
    return TRUE;

  if (!_assay_demo_get_array (spec, "artifacts", &artifacts, error) ||
      !_assay_demo_get_array (spec, "reflections", &reflections, error) ||
      (submission = find_submission (evidence->loader, item, &credential, error)) == NULL ||
      (criteria = criteria_by_title (evidence->loader->store, credential, error)) == NULL)
    return FALSE;
  id = assay_record_get_id (ASSAY_RECORD (submission));

  for (guint i = 0; i < _assay_demo_array_length (artifacts); i++)
    {
      JsonObject *object;

      if (!_assay_demo_element_object (artifacts, i, "artifacts", &object, error) ||
          !load_artifact (evidence, id, criteria, object, i, error))
        return FALSE;
    }

  for (guint i = 0; i < _assay_demo_array_length (reflections); i++)
    {
      JsonObject *object;

      if (!_assay_demo_element_object (reflections, i, "reflections", &object, error) ||
          !load_reflection (evidence, id, criteria, object, i, error))
        return FALSE;
    }

  return TRUE;
}

/* Blobs this load created have no committed row yet; removing them keeps
 * a failed demo from leaving files behind (the sweep at open would too). */
static void
discard_created (Evidence *evidence)
{
  AssayBlobStore *blobs = assay_store_get_blobs (evidence->loader->store);

  for (guint i = 0; i < evidence->created->len; i++)
    assay_blob_store_remove (blobs, g_ptr_array_index (evidence->created, i), NULL);
}

/**
 * _assay_demo_load_evidence:
 *
 * Attaches the artifacts and reflections that the submissions in @root
 * list, once the submissions are written. The media folder is looked for
 * only when some submission names a file.
 */
gboolean
_assay_demo_load_evidence (AssayDemoLoader  *loader,
                           JsonObject       *root,
                           GError          **error)
{
  g_auto(Evidence) evidence = { loader, NULL, NULL, NULL };
  JsonArray *submissions;

  if (!_assay_demo_get_array (root, "submissions", &submissions, error))
    return FALSE;

  evidence.blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, blob_free);
  evidence.created = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < _assay_demo_array_length (submissions); i++)
    {
      JsonObject *item;

      if (!_assay_demo_element_object (submissions, i, "submissions", &item, error) ||
          !load_submission_evidence (&evidence, item, error))
        {
          discard_created (&evidence);
          return FALSE;
        }
    }

  return TRUE;
}
