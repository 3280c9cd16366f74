/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-core-resources.h"
#include "assay-demo-private.h"
#include "assay-record-codec.h"
#include "assay-store-credentials.h"

/* Fills an empty workspace from data/demo/demo-workspace.json, all of it in
 * one transaction: a mistake anywhere in the data leaves nothing written.
 * The file names people by e-mail address and credentials by a key of its
 * own; the rows get fresh UUIDs.
 */

void
_assay_demo_loader_clear (AssayDemoLoader *loader)
{
  g_clear_pointer (&loader->people, g_hash_table_unref);
  g_clear_pointer (&loader->lineages, g_hash_table_unref);
  g_clear_pointer (&loader->credentials, g_hash_table_unref);
  g_clear_pointer (&loader->submissions, g_hash_table_unref);
  g_clear_pointer (&loader->actor_id, g_free);
}

static char *
attempt_key (const char *email,
             const char *credential_key,
             gint64      attempt)
{
  g_autofree char *folded = g_utf8_casefold (email, -1);

  return g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, folded, credential_key, attempt);
}

static gboolean
load_decision (AssayDemoLoader  *loader,
               AssaySubmission  *submission,
               JsonObject       *item,
               GError          **error)
{
  g_autoptr(AssayDecision) decision = NULL;
  g_autoptr(GDateTime) decided_at = NULL;
  JsonObject *spec;
  const char *rationale, *decided_by;
  int outcome;

  if (!_assay_demo_get_object (item, "decision", &spec, error))
    return FALSE;
  if (spec == NULL)
    return TRUE;

  if (!_assay_demo_get_enum (spec, "outcome", ASSAY_TYPE_DECISION_OUTCOME, ASSAY_DECISION_OUTCOME_AWARD, &outcome, error) ||
      !_assay_demo_get_string (spec, "rationale", FALSE, &rationale, error) ||
      (decided_by = _assay_demo_person_id (loader, spec, "decided_by", error)) == NULL ||
      !_assay_demo_get_datetime (spec, "decided_at", &decided_at, error))
    return FALSE;

  decision = assay_decision_new (assay_record_get_id (ASSAY_RECORD (submission)), outcome);
  assay_decision_set_rationale (decision, rationale ? rationale : "");
  assay_decision_set_decided_by (decision, decided_by);
  assay_decision_set_decided_at (decision, decided_at);

  return assay_store_save (loader->store, decision, error);
}

/* A resubmission, linked to its previous attempt once all are written */
typedef struct
{
  AssaySubmission *submission;
  char            *previous_key;
} Resubmission;

static void
resubmission_clear (gpointer data)
{
  Resubmission *resubmission = data;

  g_clear_object (&resubmission->submission);
  g_clear_pointer (&resubmission->previous_key, g_free);
}

static gboolean
load_submission (AssayDemoLoader  *loader,
                 JsonObject       *item,
                 GArray           *later,
                 GError          **error)
{
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GDateTime) received_at = NULL;
  AssayCredential *credential;
  const char *earner_id, *email, *key;
  gint64 attempt;
  int status;

  if ((earner_id = _assay_demo_person_id (loader, item, "earner", error)) == NULL ||
      !_assay_demo_get_string (item, "earner", TRUE, &email, error) ||
      !_assay_demo_get_string (item, "credential", TRUE, &key, error) ||
      !_assay_demo_get_int (item, "attempt", 1, &attempt, error) ||
      !_assay_demo_get_datetime (item, "received_at", &received_at, error) ||
      !_assay_demo_get_enum (item, "status", ASSAY_TYPE_SUBMISSION_STATUS, ASSAY_SUBMISSION_STATUS_RECEIVED, &status, error))
    return FALSE;
  if ((credential = g_hash_table_lookup (loader->credentials, key)) == NULL)
    return _assay_demo_unknown_reference (error, key);
  if (attempt < 1)
    return _assay_demo_damaged (error, "attempt");

  submission = assay_submission_new (earner_id, assay_record_get_id (ASSAY_RECORD (credential)));
  assay_submission_set_attempt (submission, attempt);
  assay_submission_set_received_at (submission, received_at);
  assay_submission_set_status (submission, status);
  if (!assay_store_save (loader->store, submission, error) ||
      !load_decision (loader, submission, item, error))
    return FALSE;

  g_hash_table_insert (loader->submissions, attempt_key (email, key, attempt),
                       g_strdup (assay_record_get_id (ASSAY_RECORD (submission))));
  if (attempt > 1)
    {
      Resubmission resubmission = { g_object_ref (submission), attempt_key (email, key, attempt - 1) };

      g_array_append_val (later, resubmission);
    }
  return TRUE;
}

/* A resubmission points at the attempt before it, wherever the file lists it. */
static gboolean
link_attempts (AssayDemoLoader  *loader,
               GArray           *later,
               GError          **error)
{
  for (guint i = 0; i < later->len; i++)
    {
      Resubmission *resubmission = &g_array_index (later, Resubmission, i);
      const char *previous = g_hash_table_lookup (loader->submissions, resubmission->previous_key);

      if (previous == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The demonstration data lists attempt %d of a submission without the one before it"),
                       (int) assay_submission_get_attempt (resubmission->submission));
          return FALSE;
        }
      assay_submission_set_previous_id (resubmission->submission, previous);
      if (!assay_store_save (loader->store, resubmission->submission, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_submissions (AssayDemoLoader  *loader,
                  JsonObject       *root,
                  GError          **error)
{
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (Resubmission));
  JsonArray *array;

  g_array_set_clear_func (later, resubmission_clear);
  if (!_assay_demo_get_array (root, "submissions", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      JsonObject *item;

      if (!_assay_demo_element_object (array, i, "submissions", &item, error) ||
          !load_submission (loader, item, later, error))
        return FALSE;
    }

  return link_attempts (loader, later, error);
}

gboolean
_assay_demo_begin (AssayStore  *store,
                   gboolean    *own,
                   GError     **error)
{
  *own = !assay_store_in_transaction (store);

  return !*own || assay_store_begin (store, error);
}

gboolean
_assay_demo_finish (AssayStore  *store,
                    gboolean     own,
                    gboolean     ok,
                    GError     **error)
{
  if (!own)
    return ok;

  if (!ok)
    {
      assay_store_rollback (store);
      return FALSE;
    }

  return assay_store_commit (store, error);
}

/* assay_store_publish_credential() runs a transaction of its own; this
 * does the same inside the demo's one transaction. */
gboolean
_assay_demo_set_status (AssayStore             *store,
                        AssayCredential        *credential,
                        AssayCredentialStatus   status,
                        const char             *actor_id,
                        GError                **error)
{
  const char *action = status == ASSAY_CREDENTIAL_STATUS_RETIRED ? "credential-retired" : "credential-published";

  assay_credential_set_status (credential, status);
  if (status == ASSAY_CREDENTIAL_STATUS_PUBLISHED)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      assay_credential_set_published_at (credential, now);
    }

  return assay_store_save (store, credential, error) &&
         assay_store_append_audit (store, actor_id, action, ASSAY_RECORD (credential), NULL, error);
}

static gboolean
check_header (JsonNode  *root,
              GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *format = NULL;
  gint64 version = 0;

  if (object == NULL)
    return _assay_demo_damaged (error, "format");
  if (!_assay_demo_get_string (object, "format", TRUE, &format, error) ||
      !_assay_demo_get_int (object, "version", 0, &version, error))
    return FALSE;

  if (!g_str_equal (format, "assay-demo") || version != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The demonstration data is in a format this version of Assay does not know (%s %d)"),
                   format, (int) version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_empty (AssayStore  *store,
             GError     **error)
{
  if (assay_store_count (store, ASSAY_TYPE_CREDENTIAL) == 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("The workspace already holds credentials; the demonstration data fills only an empty workspace"));
  return FALSE;
}

/**
 * assay_demo_populate_from_bytes:
 * @json: a document in the `assay-demo` format, version 1
 *
 * Writes the demonstration workspace in @json into @store, which must hold
 * no credentials yet. Runs in a transaction of its own, or inside the
 * caller's, whose rollback then undoes it on failure.
 */
gboolean
assay_demo_populate_from_bytes (AssayStore  *store,
                                GBytes      *json,
                                GError     **error)
{
  g_auto(AssayDemoLoader) loader = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonObject *root;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (ASSAY_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json), &parse_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The demonstration data is damaged: %s"), parse_error->message);
      return FALSE;
    }
  if (!check_header (json_parser_get_root (parser), error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));

  loader.store = store;
  loader.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  loader.lineages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  loader.credentials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  loader.submissions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!_assay_demo_begin (store, &own, error))
    return FALSE;

  ok = check_empty (store, error) &&
       _assay_demo_assign_lineages (&loader, root, error) &&
       _assay_demo_load_issuer (&loader, root, error) &&
       _assay_demo_load_people (&loader, root, error) &&
       _assay_demo_load_credentials (&loader, root, error) &&
       _assay_demo_load_stacks (&loader, root, error) &&
       _assay_demo_load_enrollments (&loader, root, error) &&
       load_submissions (&loader, root, error) &&
       _assay_demo_load_evidence (&loader, root, error) &&
       _assay_demo_load_packets (&loader, error);

  return _assay_demo_finish (store, own, ok, error);
}

/**
 * assay_demo_populate:
 *
 * Fills an empty workspace with the demonstration catalog, people,
 * enrollments and submissions, all or nothing.
 */
gboolean
assay_demo_populate (AssayStore  *store,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ASSAY_IS_STORE (store), FALSE);

  /* Through the resource itself: in a static library nothing else would
   * pull the resource's registration in. */
  bytes = g_resource_lookup_data (assay_core_get_resource (), ASSAY_DEMO_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  return assay_demo_populate_from_bytes (store, bytes, error);
}
