/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-bundle-import.h"
#include "assay-store-credentials.h"

/* Turns the contents of a bundle, already in the blob store, into a
 * submission with its artifacts and reflections, in one transaction. A
 * refused or failed import rolls back and removes the blobs that the read
 * created, never those that existing rows use.
 *
 * The manifest's attempt number is informational: the attempt is always
 * computed from the submissions already in the workspace (max + 1 over every
 * version of the credential's lineage), so two copies of Assay cannot
 * disagree on it.
 */

typedef struct
{
  AssayCredential *credential;
  GHashTable      *criteria;     /* criterion ids of its rubric */
  AssayPerson     *earner;
  gboolean         earner_new;
  gboolean         earner_changed;
} Resolved;

static void
resolved_clear (Resolved *r)
{
  g_clear_object (&r->credential);
  g_clear_pointer (&r->criteria, g_hash_table_unref);
  g_clear_object (&r->earner);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Resolved, resolved_clear)

static JsonObject *
manifest_object (AssayBundleContents *contents,
                 const char          *name)
{
  JsonObject *root;

  if (contents->manifest == NULL)
    return NULL;
  root = json_node_get_object (contents->manifest);
  if (name == NULL)
    return root;
  return json_object_has_member (root, name) ? json_object_get_object_member (root, name) : NULL;
}

static const char *
object_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gboolean
resolve_credential (AssayStore           *store,
                    AssayBundleContents  *contents,
                    const char           *credential_id,
                    Resolved             *r,
                    GError              **error)
{
  JsonObject *manifest_credential = manifest_object (contents, "credential");
  g_autoptr(AssayRubric) rubric = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  const char *id = credential_id;

  if (manifest_credential != NULL)
    id = object_string (manifest_credential, "id");
  if (id == NULL)
    {
      g_set_error_literal (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                           _("The bundle has no manifest; say which credential it is for"));
      return FALSE;
    }

  r->credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, id, NULL);
  if (r->credential == NULL)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is not in this workspace"), id);
      return FALSE;
    }
  if (manifest_credential != NULL &&
      json_object_get_int_member (manifest_credential, "version") != assay_credential_get_version (r->credential))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                   _("The manifest names version %d of “%s”, which is version %d"),
                   (int) json_object_get_int_member (manifest_credential, "version"),
                   assay_credential_get_title (r->credential),
                   (int) assay_credential_get_version (r->credential));
      return FALSE;
    }

  switch (assay_credential_get_status (r->credential))
    {
    case ASSAY_CREDENTIAL_STATUS_DRAFT:
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is a draft, not open for submissions"),
                   assay_credential_get_title (r->credential));
      return FALSE;
    case ASSAY_CREDENTIAL_STATUS_RETIRED:
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                   _("The credential “%s” is retired and takes no more submissions"),
                   assay_credential_get_title (r->credential));
      return FALSE;
    case ASSAY_CREDENTIAL_STATUS_PUBLISHED:
    default:
      break;
    }

  r->criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rubric = assay_store_get_rubric (store, r->credential, NULL);
  if (rubric == NULL)
    return TRUE;
  criteria = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                assay_record_get_id (ASSAY_RECORD (rubric)), NULL);
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    g_hash_table_add (r->criteria, g_strdup (assay_record_get_id (g_ptr_array_index (criteria, i))));

  return TRUE;
}

/* "Ana Díaz <ana@example.org>": how a mail client writes a person, and how
 * the import dialog and `assay-cli import --earner` may name a new earner. */
static gboolean
split_mailbox (const char  *mailbox,
               char       **name,
               char       **email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (mailbox));
  gsize len = strlen (trimmed);
  char *open = strrchr (trimmed, '<');
  char *display;

  if (open == NULL || len < 2 || trimmed[len - 1] != '>')
    return FALSE;

  trimmed[len - 1] = '\0';
  *open = '\0';
  display = g_strstrip (trimmed);
  *email = g_strstrip (g_strdup (open + 1));
  *name = *display != '\0' ? g_strdup (display) : NULL;
  return TRUE;
}

static gboolean
resolve_earner (AssayStore           *store,
                AssayBundleContents  *contents,
                const char           *earner_email,
                Resolved             *r,
                GError              **error)
{
  JsonObject *manifest_earner = manifest_object (contents, "earner");
  const char *email = earner_email;
  g_autofree char *given_name = NULL;
  g_autofree char *given_email = NULL;
  g_autoptr(GPtrArray) people = NULL;

  if (manifest_earner != NULL)
    email = object_string (manifest_earner, "email");
  else if (email != NULL && split_mailbox (email, &given_name, &given_email))
    email = given_email;
  if (email == NULL || strchr (email, '@') == NULL || *email == '@')
    {
      g_set_error_literal (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN,
                           _("The bundle has no manifest; say which earner (e-mail address) it is from"));
      return FALSE;
    }

  /* The email column compares without case. */
  people = assay_store_query (store, ASSAY_TYPE_PERSON, "email", email, NULL);
  if (people != NULL && people->len > 0)
    {
      r->earner = g_object_ref (g_ptr_array_index (people, 0));
      if (!assay_person_has_role (r->earner, ASSAY_PERSON_ROLE_EARNER))
        {
          assay_person_set_roles (r->earner, assay_person_get_roles (r->earner) | ASSAY_PERSON_ROLE_EARNER);
          r->earner_changed = TRUE;
        }
      return TRUE;
    }

  if (manifest_earner != NULL)
    {
      const char *licence = object_string (manifest_earner, "licence_number");

      r->earner = assay_person_new (object_string (manifest_earner, "name"), email);
      if (licence != NULL && *licence != '\0')
        assay_person_set_licence_number (r->earner, licence);
    }
  else if (given_name != NULL)
    {
      r->earner = assay_person_new (given_name, email);
    }
  else
    {
      g_autofree char *name = g_strndup (email, strchr (email, '@') - email);

      r->earner = assay_person_new (name, email);
    }
  assay_person_set_roles (r->earner, ASSAY_PERSON_ROLE_EARNER);
  r->earner_new = TRUE;

  return TRUE;
}

static AssaySubmission *
find_by_bundle (AssayStore *store,
                const char *bundle_sha256)
{
  g_autoptr(GPtrArray) rows = assay_store_query (store, ASSAY_TYPE_SUBMISSION, "bundle_sha256",
                                                 bundle_sha256, NULL);

  return rows != NULL && rows->len > 0 ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

/* The earner's latest submission for any version of the credential's lineage. */
static AssaySubmission *
find_latest (AssayStore      *store,
             AssayCredential *credential,
             AssayPerson     *earner)
{
  g_autoptr(GPtrArray) rows = NULL;
  AssaySubmission *latest = NULL;

  rows = assay_store_query (store, ASSAY_TYPE_SUBMISSION, "earner_id",
                            assay_record_get_id (ASSAY_RECORD (earner)), NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      AssaySubmission *s = g_ptr_array_index (rows, i);
      g_autoptr(AssayCredential) c = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL,
                                                         assay_submission_get_credential_id (s), NULL);

      if (c == NULL || !g_str_equal (assay_credential_get_lineage_id (c),
                                     assay_credential_get_lineage_id (credential)))
        continue;
      if (latest == NULL || assay_submission_get_attempt (s) > assay_submission_get_attempt (latest))
        latest = s;
    }

  return latest ? g_object_ref (latest) : NULL;
}

/* The manifest's artifacts by path, looked up once per entry: a bundle may
 * hold thousands of files. */
static GHashTable *
index_manifest_artifacts (AssayBundleContents *contents)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root = manifest_object (contents, NULL);
  JsonArray *artifacts;

  if (root == NULL || !json_object_has_member (root, "artifacts"))
    return index;
  artifacts = json_object_get_array_member (root, "artifacts");
  for (guint i = 0; i < json_array_get_length (artifacts); i++)
    {
      JsonObject *artifact = json_array_get_object_element (artifacts, i);
      const char *path = object_string (artifact, "path");

      if (path != NULL && !g_hash_table_contains (index, path))
        g_hash_table_insert (index, (gpointer) path, artifact);
    }

  return index;
}

/* The manifest's type when it does not contradict the content: same type,
 * same top-level type, or content that sniffing cannot name. */
static const char *
choose_media_type (const char *declared,
                   const char *sniffed)
{
  const char *slash;

  if (declared == NULL || *declared == '\0')
    return sniffed;
  if (sniffed == NULL || g_str_equal (sniffed, "application/octet-stream"))
    return declared;
  slash = strchr (sniffed, '/');
  if (slash != NULL && strncmp (declared, sniffed, slash - sniffed + 1) == 0)
    return declared;

  return sniffed;
}

static gboolean
check_criterion (Resolved    *r,
                 const char  *criterion,
                 const char  *where,
                 GError     **error)
{
  if (g_hash_table_contains (r->criteria, criterion))
    return TRUE;

  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
               _("The manifest names the criterion “%s” for %s, which is not in the rubric of “%s”"),
               criterion, where, assay_credential_get_title (r->credential));
  return FALSE;
}

static gboolean
save_artifacts (AssayStore           *store,
                AssayBundleContents  *contents,
                Resolved             *r,
                const char           *submission_id,
                guint64              *bytes,
                GError              **error)
{
  g_autoptr(GHashTable) declared_by_path = index_manifest_artifacts (contents);

  for (guint i = 0; i < contents->entries->len; i++)
    {
      AssayBundleEntry *entry = g_ptr_array_index (contents->entries, i);
      JsonObject *declared = g_hash_table_lookup (declared_by_path, entry->path);
      g_autofree char *basename = g_path_get_basename (entry->path);
      const char *title = object_string (declared, "title");
      g_autoptr(GPtrArray) criteria = g_ptr_array_new ();
      g_autoptr(AssayArtifact) artifact = NULL;

      if (declared != NULL && json_object_has_member (declared, "criteria"))
        {
          JsonArray *list = json_object_get_array_member (declared, "criteria");

          for (guint c = 0; c < json_array_get_length (list); c++)
            {
              const char *criterion = json_array_get_string_element (list, c);

              if (!check_criterion (r, criterion, entry->path, error))
                return FALSE;
              g_ptr_array_add (criteria, (gpointer) criterion);
            }
        }
      g_ptr_array_add (criteria, NULL);

      artifact = assay_artifact_new (submission_id, entry->path,
                                     title != NULL && *title != '\0' ? title : basename,
                                     entry->sha256);
      assay_artifact_set_position (artifact, i);
      assay_artifact_set_size (artifact, (gint64) entry->size);
      assay_artifact_set_media_type (artifact,
                                     choose_media_type (object_string (declared, "media_type"),
                                                        entry->media_type));
      assay_artifact_set_description (artifact, object_string (declared, "description"));
      assay_artifact_set_criteria (artifact, (const char * const *) criteria->pdata);
      if (!assay_store_save (store, artifact, error))
        return FALSE;
      *bytes += entry->size;
    }

  return TRUE;
}

static gboolean
save_reflections (AssayStore           *store,
                  AssayBundleContents  *contents,
                  Resolved             *r,
                  const char           *submission_id,
                  GError              **error)
{
  JsonObject *root = manifest_object (contents, NULL);
  JsonArray *reflections;

  if (root == NULL || !json_object_has_member (root, "reflections"))
    return TRUE;
  reflections = json_object_get_array_member (root, "reflections");
  for (guint i = 0; i < json_array_get_length (reflections); i++)
    {
      JsonObject *object = json_array_get_object_element (reflections, i);
      const char *criterion = object_string (object, "criterion");
      g_autoptr(AssayReflection) reflection = assay_reflection_new (submission_id);

      if (criterion != NULL && !check_criterion (r, criterion, _("a reflection"), error))
        return FALSE;
      assay_reflection_set_position (reflection, i);
      assay_reflection_set_criterion_id (reflection, criterion);
      assay_reflection_set_prompt (reflection, object_string (object, "prompt"));
      assay_reflection_set_body (reflection, object_string (object, "text"));
      if (!assay_store_save (store, reflection, error))
        return FALSE;
    }

  return TRUE;
}

static AssaySubmission *
import_rows (AssayStore           *store,
             AssayBundleContents  *contents,
             Resolved             *r,
             GError              **error)
{
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(AssaySubmission) latest = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *detail = NULL;
  const char *id;
  guint64 bytes = 0;

  if ((r->earner_new || r->earner_changed) && !assay_store_save (store, r->earner, error))
    return NULL;

  submission = assay_submission_new (assay_record_get_id (ASSAY_RECORD (r->earner)),
                                     assay_record_get_id (ASSAY_RECORD (r->credential)));
  id = assay_record_get_id (ASSAY_RECORD (submission));
  if (!r->earner_new)
    latest = find_latest (store, r->credential, r->earner);
  assay_submission_set_attempt (submission, latest ? assay_submission_get_attempt (latest) + 1 : 1);
  if (latest != NULL)
    assay_submission_set_previous_id (submission, assay_record_get_id (ASSAY_RECORD (latest)));
  assay_submission_set_received_at (submission, now);
  assay_submission_set_status (submission, ASSAY_SUBMISSION_STATUS_RECEIVED);
  assay_submission_set_bundle_sha256 (submission, contents->bundle_sha256);

  if (!assay_store_save (store, submission, error) ||
      !save_artifacts (store, contents, r, id, &bytes, error) ||
      !save_reflections (store, contents, r, id, error))
    return NULL;

  detail = g_strdup_printf ("{\"bundle_sha256\":\"%s\",\"artifacts\":%u,\"bytes\":%" G_GUINT64_FORMAT "}",
                            contents->bundle_sha256, contents->entries->len, bytes);
  if (!assay_store_append_audit (store, assay_record_get_id (ASSAY_RECORD (r->earner)),
                                 "submission-imported", ASSAY_RECORD (submission), detail, error))
    return NULL;

  return g_steal_pointer (&submission);
}

/* Nothing to review: a zip of junk only, or of nothing at all. */
static gboolean
is_empty (AssayBundleContents *contents)
{
  JsonObject *root = manifest_object (contents, NULL);
  JsonArray *reflections = NULL;

  if (contents->entries->len > 0)
    return FALSE;
  if (root != NULL && json_object_has_member (root, "reflections"))
    reflections = json_object_get_array_member (root, "reflections");
  return reflections == NULL || json_array_get_length (reflections) == 0;
}

/**
 * assay_bundle_import:
 * @credential_id: (nullable): required when @contents has no manifest
 * @earner_email: (nullable): required when @contents has no manifest; an
 *   address, or "Name <address>" to name an earner new to the workspace
 *
 * Records @contents as a new submission. On failure the workspace is as it
 * was: no row, and none of the blobs the read created.
 *
 * Returns: (transfer full): the new submission, or %NULL with @error set
 */
AssaySubmission *
assay_bundle_import (AssayStore           *store,
                     AssayBundleContents  *contents,
                     const char           *credential_id,
                     const char           *earner_email,
                     GError              **error)
{
  g_auto(Resolved) r = { NULL, };
  g_autoptr(AssaySubmission) existing = NULL;
  AssaySubmission *submission = NULL;

  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (contents != NULL && contents->bundle_sha256 != NULL, NULL);

  existing = find_by_bundle (store, contents->bundle_sha256);
  if (is_empty (contents))
    {
      g_set_error_literal (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_EMPTY,
                           _("The bundle holds no evidence: no files and no reflections"));
    }
  else if (existing != NULL)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_ALREADY_IMPORTED,
                   _("This bundle was already imported as submission %s"),
                   assay_record_get_id (ASSAY_RECORD (existing)));
    }
  else if (resolve_credential (store, contents, credential_id, &r, error) &&
           resolve_earner (store, contents, earner_email, &r, error) &&
           assay_store_begin (store, error))
    {
      submission = import_rows (store, contents, &r, error);
      if (submission == NULL || !assay_store_commit (store, error))
        {
          g_clear_object (&submission);
          if (assay_store_in_transaction (store))
            assay_store_rollback (store);
        }
    }

  if (submission == NULL)
    {
      /* The earner's new role was never saved (a rollback reverts a saved one). */
      if (r.earner_changed && assay_record_get_persisted (ASSAY_RECORD (r.earner)))
        assay_store_revert (store, r.earner);
      assay_bundle_contents_discard (contents, assay_store_get_blobs (store));
    }

  return submission;
}

/**
 * assay_bundle_import_file:
 *
 * Reads @zip_path into the blob store with the default limits, then imports
 * it; a refused bundle leaves no blob behind.
 *
 * Returns: (transfer full): the new submission, or %NULL with @error set
 */
AssaySubmission *
assay_bundle_import_file (AssayStore    *store,
                          const char    *zip_path,
                          const char    *credential_id,
                          const char    *earner_email,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(AssayBundleContents) contents = NULL;
  AssayBundleLimits limits;

  assay_bundle_limits_init_default (&limits);
  contents = assay_bundle_read (assay_store_get_blobs (store), zip_path, &limits,
                                NULL, NULL, cancellable, error);
  if (contents == NULL)
    return NULL;

  return assay_bundle_import (store, contents, credential_id, earner_email, error);
}
