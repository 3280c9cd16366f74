/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "assay-bundle-import.h"
#include "assay-bundle-pack.h"
#include "assay-demo.h"
#include "assay-model.h"
#include "assay-store-credentials.h"
#include "assay-test-fs.h"

/* assay_bundle_import() on contents made by hand (the reader is tested in
 * test-bundle-reader.c), plus a pack → read → import round trip. */

typedef struct
{
  char       *root;
  AssayStore *store;
  char       *credential_id;   /* published, with a rubric */
  char       *criterion_id;    /* of its rubric */
  char       *draft_id;
  guint       serial;
} Fixture;

typedef struct
{
  guint submissions, artifacts, reflections, people, blobs;
} Counts;

static void
count_rows (Fixture *f,
            Counts  *counts)
{
  g_autoptr(GPtrArray) blobs = assay_blob_store_list (assay_store_get_blobs (f->store));

  counts->submissions = assay_store_count (f->store, ASSAY_TYPE_SUBMISSION);
  counts->artifacts = assay_store_count (f->store, ASSAY_TYPE_ARTIFACT);
  counts->reflections = assay_store_count (f->store, ASSAY_TYPE_REFLECTION);
  counts->people = assay_store_count (f->store, ASSAY_TYPE_PERSON);
  counts->blobs = blobs->len;
}

/* Rows and blobs, compared field by field through their bytes. */
#define assert_counts_equal(a, b) g_assert_cmpmem ((a), sizeof (Counts), (b), sizeof (Counts))

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) credentials = NULL;
  g_autofree char *workspace = NULL;

  f->root = g_dir_make_tmp ("assay-import-XXXXXX", &error);
  g_assert_no_error (error);
  workspace = g_build_filename (f->root, "workspace", NULL);
  f->store = assay_store_open (workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (assay_store_begin (f->store, &error));
  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_true (assay_store_commit (f->store, &error));
  g_assert_no_error (error);

  credentials = assay_store_query (f->store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  for (guint i = 0; i < credentials->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);
      AssayCredentialStatus status = assay_credential_get_status (credential);

      if (status == ASSAY_CREDENTIAL_STATUS_DRAFT && f->draft_id == NULL)
        f->draft_id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
      if (status == ASSAY_CREDENTIAL_STATUS_PUBLISHED && f->credential_id == NULL)
        {
          g_autoptr(AssayRubric) rubric = assay_store_get_rubric (f->store, credential, NULL);
          g_autoptr(GPtrArray) criteria = NULL;

          if (rubric == NULL)
            continue;
          criteria = assay_store_query (f->store, ASSAY_TYPE_CRITERION, "rubric_id",
                                        assay_record_get_id (ASSAY_RECORD (rubric)), "position");
          if (criteria->len == 0)
            continue;
          f->credential_id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
          f->criterion_id = g_strdup (assay_record_get_id (g_ptr_array_index (criteria, 0)));
        }
    }
  g_assert_nonnull (f->credential_id);
  g_assert_nonnull (f->draft_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  assay_test_remove_tree (f->root);
  g_free (f->root);
  g_free (f->credential_id);
  g_free (f->criterion_id);
  g_free (f->draft_id);
}

static void
add_entry (Fixture             *f,
           AssayBundleContents *contents,
           const char          *path,
           const char          *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  AssayBundleEntry *entry = g_new0 (AssayBundleEntry, 1);

  entry->path = g_strdup (path);
  entry->size = strlen (text);
  entry->media_type = g_strdup ("text/plain");
  entry->sha256 = assay_blob_store_write_bytes (assay_store_get_blobs (f->store), bytes,
                                                &entry->created, &error);
  g_assert_no_error (error);
  g_ptr_array_add (contents->entries, entry);
}

/* Contents of two files with a unique bundle hash; a manifest unless
 * @credential_id is NULL; @criterion goes into the manifest as given. */
static AssayBundleContents *
make_contents (Fixture    *f,
               const char *credential_id,
               const char *email,
               const char *criterion)
{
  AssayBundleContents *contents = g_new0 (AssayBundleContents, 1);
  g_autofree char *unique = g_strdup_printf ("bundle %u %p %" G_GINT64_FORMAT, ++f->serial, f,
                                             g_get_real_time ());
  g_autofree char *note = g_strdup_printf ("notes of %s", unique);
  g_autoptr(GError) error = NULL;

  contents->bundle_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, unique, -1);
  contents->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) assay_bundle_entry_free);
  add_entry (f, contents, "plan.txt", note);
  add_entry (f, contents, "video/clip.txt", unique);

  if (credential_id != NULL)
    {
      AssayBundleEntry *plan = g_ptr_array_index (contents->entries, 0);
      g_autofree char *json =
        g_strdup_printf ("{\"format\":\"assay-evidence-bundle\",\"version\":1,"
                         "\"credential\":{\"id\":\"%s\",\"version\":1},"
                         "\"earner\":{\"name\":\"Pat Example\",\"email\":\"%s\",\"licence_number\":\"IL-1\"},"
                         "\"attempt\":1,"
                         "\"artifacts\":[{\"path\":\"plan.txt\",\"title\":\"Lesson plan\",\"media_type\":\"text/plain\","
                         "\"size\":%" G_GUINT64_FORMAT ",\"sha256\":\"%s\",\"criteria\":[\"%s\"]}],"
                         "\"reflections\":[{\"prompt\":\"Why?\",\"criterion\":\"%s\",\"text\":\"Because.\"},"
                         "{\"prompt\":\"Anything else?\",\"text\":\"No.\"}]}",
                         credential_id, email, plan->size, plan->sha256, criterion, criterion);

      contents->manifest = json_from_string (json, &error);
      g_assert_no_error (error);
    }

  return contents;
}

static AssaySubmission *
import_ok (Fixture             *f,
           AssayBundleContents *contents,
           const char          *credential_id,
           const char          *email)
{
  g_autoptr(GError) error = NULL;
  AssaySubmission *submission = assay_bundle_import (f->store, contents, credential_id, email, &error);

  g_assert_no_error (error);
  g_assert_nonnull (submission);
  return submission;
}

static void
test_import_first (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AssayBundleContents) contents = make_contents (f, f->credential_id, "pat@example.net", f->criterion_id);
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GPtrArray) artifacts = NULL;
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GPtrArray) people = NULL;
  Counts before, after;
  AssayArtifact *plan;

  count_rows (f, &before);
  submission = import_ok (f, contents, NULL, NULL);
  count_rows (f, &after);

  g_assert_cmpuint (after.submissions, ==, before.submissions + 1);
  g_assert_cmpuint (after.artifacts, ==, before.artifacts + 2);
  g_assert_cmpuint (after.reflections, ==, before.reflections + 2);
  g_assert_cmpuint (after.people, ==, before.people + 1);
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 1);
  g_assert_null (assay_submission_get_previous_id (submission));
  g_assert_cmpint (assay_submission_get_status (submission), ==, ASSAY_SUBMISSION_STATUS_RECEIVED);
  g_assert_cmpstr (assay_submission_get_bundle_sha256 (submission), ==, contents->bundle_sha256);
  g_assert_cmpstr (assay_submission_get_credential_id (submission), ==, f->credential_id);

  artifacts = assay_store_query (f->store, ASSAY_TYPE_ARTIFACT, "submission_id",
                                 assay_record_get_id (ASSAY_RECORD (submission)), "position");
  g_assert_cmpuint (artifacts->len, ==, 2);
  plan = g_ptr_array_index (artifacts, 0);
  g_assert_cmpstr (assay_artifact_get_title (plan), ==, "Lesson plan");
  g_assert_true (assay_artifact_covers_criterion (plan, f->criterion_id));
  g_assert_cmpstr (assay_artifact_get_title (g_ptr_array_index (artifacts, 1)), ==, "clip.txt");

  reflections = assay_store_query (f->store, ASSAY_TYPE_REFLECTION, "submission_id",
                                   assay_record_get_id (ASSAY_RECORD (submission)), "position");
  g_assert_cmpuint (reflections->len, ==, 2);
  g_assert_cmpstr (assay_reflection_get_criterion_id (g_ptr_array_index (reflections, 0)), ==, f->criterion_id);
  g_assert_null (assay_reflection_get_criterion_id (g_ptr_array_index (reflections, 1)));

  people = assay_store_query (f->store, ASSAY_TYPE_PERSON, "email", "PAT@example.net", NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (assay_person_get_licence_number (g_ptr_array_index (people, 0)), ==, "IL-1");
  g_assert_true (assay_person_has_role (g_ptr_array_index (people, 0), ASSAY_PERSON_ROLE_EARNER));
}

static void
test_import_second_attempt (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AssayBundleContents) first = make_contents (f, f->credential_id, "pat@example.net", f->criterion_id);
  g_autoptr(AssayBundleContents) second = make_contents (f, f->credential_id, "Pat@Example.NET", f->criterion_id);
  g_autoptr(AssaySubmission) one = import_ok (f, first, NULL, NULL);
  guint people = assay_store_count (f->store, ASSAY_TYPE_PERSON);
  g_autoptr(AssaySubmission) two = import_ok (f, second, NULL, NULL);

  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_PERSON), ==, people);
  g_assert_cmpint (assay_submission_get_attempt (two), ==, 2);
  g_assert_cmpstr (assay_submission_get_previous_id (two), ==, assay_record_get_id (ASSAY_RECORD (one)));
  g_assert_cmpstr (assay_submission_get_earner_id (two), ==, assay_submission_get_earner_id (one));
}

static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AssayBundleContents) contents = make_contents (f, f->credential_id, "pat@example.net", f->criterion_id);
  g_autoptr(AssaySubmission) submission = import_ok (f, contents, NULL, NULL);
  g_autoptr(AssayBundleContents) again = g_new0 (AssayBundleContents, 1);
  g_autoptr(AssaySubmission) none = NULL;
  g_autoptr(GError) error = NULL;
  Counts before, after;

  /* What the reader gives for the same zip: the same hash, nothing created. */
  again->bundle_sha256 = g_strdup (contents->bundle_sha256);
  again->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) assay_bundle_entry_free);
  add_entry (f, again, "plan.txt", "anything already stored");
  again->manifest = json_node_copy (contents->manifest);

  count_rows (f, &before);
  none = assay_bundle_import (f->store, again, NULL, NULL, &error);
  g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_ALREADY_IMPORTED);
  g_assert_nonnull (strstr (error->message, assay_record_get_id (ASSAY_RECORD (submission))));
  g_assert_null (none);
  count_rows (f, &after);
  /* The blob added for "again" is gone; the submission's stay. */
  g_assert_cmpuint (after.blobs, ==, before.blobs - 1);
  after.blobs = before.blobs;
  assert_counts_equal (&before, &after);
  for (guint i = 0; i < contents->entries->len; i++)
    g_assert_true (assay_blob_store_contains (assay_store_get_blobs (f->store),
                                              ((AssayBundleEntry *) g_ptr_array_index (contents->entries, i))->sha256));
}

typedef enum
{
  REFUSE_UNKNOWN_CREDENTIAL,
  REFUSE_DRAFT,
  REFUSE_BAD_CRITERION,
  REFUSE_PLAIN_WITHOUT_CREDENTIAL,
  REFUSE_PLAIN_WITHOUT_EARNER,
} Refusal;

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  Refusal refusal = GPOINTER_TO_INT (data);
  g_autoptr(AssayBundleContents) kept = make_contents (f, f->credential_id, "kept@example.net", f->criterion_id);
  g_autoptr(AssaySubmission) existing = import_ok (f, kept, NULL, NULL);
  g_autoptr(AssayBundleContents) contents = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GError) error = NULL;
  AssayBundleEntry *shared, *kept_entry;
  Counts before, after;
  int code = ASSAY_BUNDLE_ERROR_UNKNOWN;

  count_rows (f, &before);
  switch (refusal)
    {
    case REFUSE_UNKNOWN_CREDENTIAL:
      contents = make_contents (f, "00000000-0000-4000-8000-000000000000", "new@example.net", f->criterion_id);
      break;
    case REFUSE_DRAFT:
      contents = make_contents (f, f->draft_id, "new@example.net", f->criterion_id);
      break;
    case REFUSE_BAD_CRITERION:
      contents = make_contents (f, f->credential_id, "new@example.net", "not-a-criterion");
      code = ASSAY_BUNDLE_ERROR_MANIFEST;
      break;
    case REFUSE_PLAIN_WITHOUT_CREDENTIAL:
    case REFUSE_PLAIN_WITHOUT_EARNER:
    default:
      contents = make_contents (f, NULL, NULL, NULL);
      break;
    }
  /* An entry whose blob an existing artifact already uses. */
  kept_entry = g_ptr_array_index (kept->entries, 0);
  shared = g_new0 (AssayBundleEntry, 1);
  *shared = (AssayBundleEntry) { g_strdup ("shared.txt"), g_strdup (kept_entry->sha256), kept_entry->size,
                                 g_strdup ("text/plain"), FALSE };
  g_ptr_array_add (contents->entries, shared);

  submission = assay_bundle_import (f->store, contents,
                                    refusal == REFUSE_PLAIN_WITHOUT_EARNER ? f->credential_id : NULL,
                                    refusal == REFUSE_PLAIN_WITHOUT_CREDENTIAL ? "new@example.net" : NULL,
                                    &error);
  g_assert_error (error, ASSAY_BUNDLE_ERROR, code);
  g_assert_null (submission);

  count_rows (f, &after);
  /* The workspace is as it was: the blobs this contents created are gone. */
  assert_counts_equal (&before, &after);
  for (guint i = 0; i < kept->entries->len; i++)
    g_assert_true (assay_blob_store_contains (assay_store_get_blobs (f->store),
                                              ((AssayBundleEntry *) g_ptr_array_index (kept->entries, i))->sha256));
  g_assert_false (assay_store_in_transaction (f->store));
}

static void
test_import_plain (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AssayBundleContents) contents = make_contents (f, NULL, NULL, NULL);
  g_autoptr(AssayBundleContents) more = make_contents (f, NULL, NULL, NULL);
  g_autoptr(AssaySubmission) submission = import_ok (f, contents, f->credential_id, "plain.person@example.net");
  g_autoptr(AssayPerson) earner = assay_store_lookup (f->store, ASSAY_TYPE_PERSON,
                                                      assay_submission_get_earner_id (submission), NULL);
  g_autoptr(GPtrArray) people = assay_store_query (f->store, ASSAY_TYPE_PERSON, NULL, NULL, NULL);
  g_autoptr(AssaySubmission) second = NULL;
  g_autoptr(AssayPerson) reloaded = NULL;
  g_autofree char *email = NULL;
  AssayPerson *other = NULL;
  AssayPersonRole roles;

  g_assert_cmpstr (assay_person_get_name (earner), ==, "plain.person");
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 1);

  /* Someone already in the workspace, not yet an earner, becomes one. */
  for (guint i = 0; i < people->len && other == NULL; i++)
    if (!assay_person_has_role (g_ptr_array_index (people, i), ASSAY_PERSON_ROLE_EARNER))
      other = g_ptr_array_index (people, i);
  g_assert_nonnull (other);
  roles = assay_person_get_roles (other);
  email = g_ascii_strup (assay_person_get_email (other), -1);
  second = import_ok (f, more, f->credential_id, email);
  reloaded = assay_store_lookup (f->store, ASSAY_TYPE_PERSON, assay_submission_get_earner_id (second), NULL);
  g_assert_cmpstr (assay_record_get_id (ASSAY_RECORD (reloaded)), ==, assay_record_get_id (ASSAY_RECORD (other)));
  g_assert_cmpint (assay_person_get_roles (reloaded), ==, roles | ASSAY_PERSON_ROLE_EARNER);
}

/* A zip with nothing in it, or only Finder's junk, is not a submission. */
static void
test_import_empty (Fixture       *f,
                   gconstpointer  data)
{
  AssayBundleContents *contents = g_new0 (AssayBundleContents, 1);
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GError) error = NULL;
  Counts before, after;

  contents->bundle_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "empty", -1);
  contents->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) assay_bundle_entry_free);
  count_rows (f, &before);
  submission = assay_bundle_import (f->store, contents, f->credential_id, "nobody@example.net", &error);
  g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_EMPTY);
  g_assert_null (submission);
  count_rows (f, &after);
  assert_counts_equal (&before, &after);
  assay_bundle_contents_free (contents);
}

/* "Name <address>" names an earner new to the workspace; a known address
 * keeps the name the workspace has. */
static void
test_import_plain_named (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AssayBundleContents) contents = make_contents (f, NULL, NULL, NULL);
  g_autoptr(AssayBundleContents) again = make_contents (f, NULL, NULL, NULL);
  g_autoptr(AssayBundleContents) bad = make_contents (f, NULL, NULL, NULL);
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(AssaySubmission) second = NULL;
  g_autoptr(AssaySubmission) refused = NULL;
  g_autoptr(AssayPerson) earner = NULL;
  g_autoptr(AssayPerson) same = NULL;
  g_autoptr(GError) error = NULL;

  submission = import_ok (f, contents, f->credential_id, "  Ana María Díaz   <ana.diaz@example.net> ");
  earner = assay_store_lookup (f->store, ASSAY_TYPE_PERSON, assay_submission_get_earner_id (submission), NULL);
  g_assert_cmpstr (assay_person_get_name (earner), ==, "Ana María Díaz");
  g_assert_cmpstr (assay_person_get_email (earner), ==, "ana.diaz@example.net");

  second = import_ok (f, again, f->credential_id, "Someone Else <ANA.DIAZ@example.net>");
  same = assay_store_lookup (f->store, ASSAY_TYPE_PERSON, assay_submission_get_earner_id (second), NULL);
  g_assert_true (same == earner);
  g_assert_cmpstr (assay_person_get_name (same), ==, "Ana María Díaz");

  refused = assay_bundle_import (f->store, bad, f->credential_id, "Nobody <>", &error);
  g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNKNOWN);
  g_assert_null (refused);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->root, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_pack_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) reflections = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *zip = g_build_filename (f->root, "bundle.zip", NULL);
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(AssaySubmission) again = NULL;
  g_autoptr(GPtrArray) artifacts = NULL;
  g_autoptr(GError) error = NULL;
  Counts before, after;

  g_ptr_array_add (files, write_file (f, "plan.txt", "A lesson plan\n"));
  g_ptr_array_add (files, write_file (f, "work.pdf", "%PDF-1.4\n% student work\n"));
  g_hash_table_insert (reflections, f->criterion_id, (gpointer) "What I learned.");

  g_assert_true (assay_bundle_pack (f->store, f->credential_id, "packer@example.net", files,
                                    reflections, zip, &error));
  g_assert_no_error (error);

  submission = assay_bundle_import_file (f->store, zip, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (submission);

  artifacts = assay_store_query (f->store, ASSAY_TYPE_ARTIFACT, "submission_id",
                                 assay_record_get_id (ASSAY_RECORD (submission)), "position");
  g_assert_cmpuint (artifacts->len, ==, files->len);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *sha256 = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, i), &text, &length, NULL));
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
      g_assert_cmpstr (assay_artifact_get_sha256 (g_ptr_array_index (artifacts, i)), ==, sha256);
      g_assert_cmpint (assay_artifact_get_size (g_ptr_array_index (artifacts, i)), ==, length);
    }
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_REFLECTION), >, 0);

  /* the imported workspace is sound: every blob named, none orphaned */
  {
    g_autoptr(GPtrArray) problems = assay_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  count_rows (f, &before);
  again = assay_bundle_import_file (f->store, zip, NULL, NULL, NULL, &error);
  g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_ALREADY_IMPORTED);
  g_assert_null (again);
  count_rows (f, &after);
  assert_counts_equal (&before, &after);
}

static void
test_pack_no_partial_output (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *zip = g_build_filename (f->root, "never.zip", NULL);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (files, write_file (f, "plan.txt", "A lesson plan\n"));
  g_ptr_array_add (files, g_build_filename (f->root, "missing.mp4", NULL));
  g_assert_false (assay_bundle_pack (f->store, f->credential_id, "packer@example.net", files,
                                     NULL, zip, &error));
  g_assert_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_IO);
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AssaySubmission **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = assay_bundle_import_file_finish (ASSAY_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
count_progress (guint64  bytes_done,
                guint64  bytes_total,
                guint    files_done,
                gpointer user_data)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  (*(guint *) user_data)++;
}

static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *zip = g_build_filename (f->root, "async.zip", NULL);
  g_autoptr(GError) error = NULL;
  AssaySubmission *submission = NULL;
  guint calls = 0;

  g_ptr_array_add (files, write_file (f, "plan.txt", "An asynchronous plan\n"));
  g_assert_true (assay_bundle_pack (f->store, f->credential_id, "async@example.net", files,
                                    NULL, zip, &error));
  g_assert_no_error (error);

  assay_bundle_import_file_async (f->store, zip, NULL, NULL, count_progress, &calls, NULL,
                                  NULL, import_done, &submission);
  while (submission == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (assay_submission_get_attempt (submission), ==, 1);
  g_object_unref (submission);
}

/* Runs assay-cli on the fixture's workspace; @out (nullable) gets stdout. */
static int
run_cli (Fixture     *f,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("ASSAY_CLI")));
  g_ptr_array_add (argv, g_strdup_printf ("--workspace=%s/workspace", f->root));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out ? out : &ignored, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 0)
    g_assert_cmpstr (err, ==, "");
  else
    {
      /* Exactly one line, for a person. */
      g_assert_true (g_str_has_prefix (err, "assay-cli: "));
      g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);
    }

  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *plan = write_file (f, "plan.txt", "A plan for the command line\n");
  g_autofree char *text = write_file (f, "reflection.txt", "Reflected.\n");
  g_autofree char *zip = g_build_filename (f->root, "cli.zip", NULL);
  g_autofree char *reflection = g_strdup_printf ("%s=%s", f->criterion_id, text);
  g_autofree char *workspace = g_build_filename (f->root, "workspace", NULL);
  g_autofree char *out = NULL;
  g_autoptr(AssayStore) holder = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("ASSAY_CLI") == NULL)
    {
      g_test_skip ("Set ASSAY_CLI to the assay-cli to test");
      return;
    }
  /* The command line needs the workspace to itself. */
  g_clear_object (&f->store);

  g_assert_cmpint (run_cli (f, &out, "pack", "--credential", f->credential_id, "--earner", "cli@example.net",
                            "--reflection", reflection, "--out", zip, plan, NULL), ==, 0);
  g_assert_cmpstr (g_strchomp (out), ==, zip);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (f, &out, "import", zip, "--json", NULL), ==, 0);
  json = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "artifacts"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (json_node_get_object (json), "submission")));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (f, &out, "import", zip, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, NULL, "import", plan, NULL), ==, 1);
  g_assert_cmpint (run_cli (f, NULL, "import", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, "pack", "--credential", f->credential_id, plan, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, "pack", "--credential", f->credential_id, "--earner", "cli@example.net",
                            "--reflection", "no-equals", "--out", zip, plan, NULL), ==, 2);

  holder = assay_store_open (workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (f, NULL, "import", zip, NULL), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/bundle-import/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("first", test_import_first, NULL);
  ADD ("second-attempt", test_import_second_attempt, NULL);
  ADD ("twice", test_import_twice, NULL);
  ADD ("plain", test_import_plain, NULL);
  ADD ("plain-named", test_import_plain_named, NULL);
  ADD ("refused/empty", test_import_empty, NULL);
  ADD ("refused/unknown-credential", test_import_refused, GINT_TO_POINTER (REFUSE_UNKNOWN_CREDENTIAL));
  ADD ("refused/draft", test_import_refused, GINT_TO_POINTER (REFUSE_DRAFT));
  ADD ("refused/bad-criterion", test_import_refused, GINT_TO_POINTER (REFUSE_BAD_CRITERION));
  ADD ("refused/plain-without-credential", test_import_refused, GINT_TO_POINTER (REFUSE_PLAIN_WITHOUT_CREDENTIAL));
  ADD ("refused/plain-without-earner", test_import_refused, GINT_TO_POINTER (REFUSE_PLAIN_WITHOUT_EARNER));
  ADD ("pack/round-trip", test_pack_round_trip, NULL);
  ADD ("pack/no-partial-output", test_pack_no_partial_output, NULL);
  ADD ("async", test_import_async, NULL);
  ADD ("cli", test_cli, NULL);

#undef ADD

  return g_test_run ();
}
