/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-test-fs.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "assay-model.h"
#include "assay-store.h"

/* assay-cli as scripts see it: exit statuses, one line on stderr, nothing
 * on stdout when it fails. Runs the built program ($ASSAY_CLI) in a
 * temporary home per test. */

typedef struct
{
  char *root;
  char *workspace;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("assay-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->workspace = g_build_filename (f->root, "workspace", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assay_test_remove_tree (f->root);
  g_free (f->workspace);
  g_free (f->root);
}

static Result *
run_argv (Fixture            *f,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ASSAY_CLI");
  const char *dirs[] = { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  Result *result = g_new0 (Result, 1);

  if (cli == NULL)
    g_error ("Set ASSAY_CLI to the assay-cli to test");

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (f->root, dirs[i], NULL);

      g_subprocess_launcher_setenv (launcher, dirs[i], path, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "ASSAY_WORKSPACE", f->workspace, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  return result;
}

#define run(f, ...) run_argv ((f), (const char * const[]) { __VA_ARGS__, NULL })

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';

  return n;
}

/* Failed as CLI.md says: exactly one line on stderr, nothing on stdout. */
static void
assert_failed (Result     *result,
               int         status,
               const char *contains)
{
  g_test_message ("stderr: %s", result->err);
  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "assay-cli: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  if (contains != NULL)
    g_assert_nonnull (strstr (result->err, contains));
}

static void
assert_ok (Result *result)
{
  if (result->status != 0)
    g_test_message ("stderr: %s", result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static JsonArray *
list_json (Fixture    *f,
           const char *kind)
{
  g_autoptr(Result) result = run (f, "list", kind, "--json");
  g_autoptr(JsonNode) root = NULL;

  assert_ok (result);
  root = parse_json (result->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static char *
published_credential_id (Fixture *f)
{
  g_autoptr(JsonArray) credentials = list_json (f, "credentials");

  for (guint i = 0; i < json_array_get_length (credentials); i++)
    {
      JsonObject *credential = json_array_get_object_element (credentials, i);

      if (g_str_equal (json_object_get_string_member (credential, "status"), "published"))
        return g_strdup (json_object_get_string_member (credential, "id"));
    }

  g_assert_not_reached ();
}

static void
run_demo (Fixture *f)
{
  g_autoptr(Result) result = run (f, "demo");

  assert_ok (result);
  g_assert_nonnull (strstr (result->out, "credentials"));
}

static void
test_cli_init (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *expected = g_strconcat (f->workspace, "\n", NULL);
  g_autofree char *database = g_build_filename (f->workspace, "assay.db", NULL);
  g_autofree char *other = g_build_filename (f->root, "other", NULL);
  g_autofree char *other_database = g_build_filename (other, "assay.db", NULL);
  g_autoptr(Result) result = run (f, "init");
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) elsewhere = NULL;

  assert_ok (result);
  g_assert_cmpstr (result->out, ==, expected);
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));

  again = run (f, "init");
  assert_ok (again);
  g_assert_cmpstr (again->out, ==, expected);

  elsewhere = run (f, "--workspace", other, "init");
  assert_ok (elsewhere);
  g_assert_true (g_file_test (other_database, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_usage (Fixture       *f,
                gconstpointer  data)
{
  const char * const commands[] = { "init", "demo", "check", "list", "show" };
  const char * const *const mistakes[] = {
    (const char * const[]) { NULL },
    (const char * const[]) { "list", "widgets", NULL },
    (const char * const[]) { "list", "widgets", "--json", NULL },
    (const char * const[]) { "list", NULL },
    (const char * const[]) { "list", "credentials", "--frobnicate", NULL },
    (const char * const[]) { "list", "credentials", "stacks", NULL },
    (const char * const[]) { "show", "credential", NULL },
    (const char * const[]) { "show", "framework", "isbe-2023", NULL },
    (const char * const[]) { "frobnicate", NULL },
    (const char * const[]) { "--frobnicate", "init", NULL },
    (const char * const[]) { "--workspace", NULL },
    (const char * const[]) { "demo", "--scale", "lots", NULL },
    (const char * const[]) { "demo", "--scale", "-5", NULL },
    (const char * const[]) { "demo", "--scale", NULL },
    (const char * const[]) { "init", "--json=yes", NULL },
    (const char * const[]) { "check", "now", NULL },
  };
  g_autoptr(Result) help = run (f, "--help");
  g_autoptr(Result) version = run (f, "--version");

  assert_ok (help);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (help->out, commands[i]));
  assert_ok (version);
  g_assert_true (g_str_has_prefix (version->out, "assay-cli "));

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autoptr(Result) result = run_argv (f, mistakes[i]);

      assert_failed (result, 2, NULL);
    }

  /* None of that created a workspace */
  g_assert_false (g_file_test (f->workspace, G_FILE_TEST_EXISTS));
}

static void
test_cli_demo (Fixture       *f,
               gconstpointer  data)
{
  const char * const kinds[] = { "credentials", "stacks", "people", "submissions", "reviews", "awards", "frameworks" };
  g_autoptr(JsonArray) credentials = NULL;
  g_autoptr(JsonArray) people = NULL;
  g_autoptr(Result) shown = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(Result) frameworks = NULL;
  g_autoptr(Result) person = NULL;
  g_autoptr(Result) check = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  JsonObject *rubric;

  run_demo (f);

  credentials = list_json (f, "credentials");
  g_assert_cmpuint (json_array_get_length (credentials), >=, 6);
  for (guint i = 0; i < json_array_get_length (credentials); i++)
    {
      JsonObject *credential = json_array_get_object_element (credentials, i);

      g_assert_nonnull (json_object_get_string_member (credential, "id"));
      g_assert_nonnull (json_object_get_string_member (credential, "title"));
    }

  id = published_credential_id (f);
  shown = run (f, "show", "credential", id, "--json");
  assert_ok (shown);
  root = parse_json (shown->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "id"), ==, id);
  rubric = json_object_get_object_member (json_node_get_object (root), "rubric");
  g_assert_nonnull (rubric);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rubric, "levels")), >=, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rubric, "criteria")), >=, 1);
  g_assert_nonnull (json_object_get_array_member (json_node_get_object (root), "resources"));
  g_assert_nonnull (json_object_get_array_member (json_node_get_object (root), "stacks"));

  text = run (f, "show", "credentials", id);
  assert_ok (text);
  g_assert_true (g_str_has_prefix (text->out, "id: "));
  g_assert_nonnull (strstr (text->out, "\nrubric:\n"));
  g_assert_nonnull (strstr (text->out, "\n  levels:\n"));

  missing = run (f, "show", "credential", unknown);
  assert_failed (missing, 1, "no credential with id");

  /* Every kind lists, both ways */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(Result) table = run (f, "list", kinds[i]);
      g_autoptr(JsonArray) rows = list_json (f, kinds[i]);

      assert_ok (table);
    }

  /* The shipped frameworks, with their indicator counts. */
  frameworks = run (f, "list", "frameworks", "--json");
  assert_ok (frameworks);
  g_assert_nonnull (strstr (frameworks->out, "\"id\" : \"isbe-2023\""));
  g_assert_nonnull (strstr (frameworks->out, "\"indicators\" : 18"));
  g_assert_nonnull (strstr (frameworks->out, "\"id\" : \"cross-state-2019\""));
  g_assert_nonnull (strstr (frameworks->out, "\"id\" : \"ccsso-2020\""));
  g_assert_nonnull (strstr (frameworks->out, "\"indicators\" : 20"));

  people = list_json (f, "people");
  person = run (f, "show", "person",
                json_object_get_string_member (json_array_get_object_element (people, 0), "id"));
  assert_ok (person);
  g_assert_nonnull (strstr (person->out, "\nemail: "));

  /* A submission shows its evidence files and reflections; the demo gives
   * most of them some. */
  {
    g_autoptr(JsonArray) submissions = list_json (f, "submissions");
    guint with_files = 0;

    for (guint i = 0; i < json_array_get_length (submissions); i++)
      {
        const char *submission_id = json_object_get_string_member (json_array_get_object_element (submissions, i), "id");
        g_autoptr(Result) detail = run (f, "show", "submission", submission_id, "--json");
        g_autoptr(JsonNode) node = NULL;
        JsonObject *object;

        assert_ok (detail);
        node = parse_json (detail->out);
        object = json_node_get_object (node);
        g_assert_true (json_object_has_member (object, "artifacts"));
        g_assert_true (json_object_has_member (object, "reflections"));
        with_files += json_array_get_length (json_object_get_array_member (object, "artifacts")) > 0;
      }
    g_assert_cmpuint (with_files, >, 0);
  }

  check = run (f, "check");
  assert_ok (check);
  g_assert_cmpstr (check->out, ==, "ok\n");
}

static void
test_cli_demo_twice (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) after = NULL;

  run_demo (f);
  before = run (f, "list", "people", "--json");
  assert_ok (before);

  again = run (f, "demo");
  assert_failed (again, 1, "already");

  after = run (f, "list", "people", "--json");
  g_assert_cmpstr (after->out, ==, before->out);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Commands that need the workspace, readers and writers */
static const char * const *const workspace_commands[] = {
  (const char * const[]) { "check", NULL },
  (const char * const[]) { "init", NULL },
  (const char * const[]) { "demo", NULL },
  (const char * const[]) { "list", "credentials", NULL },
  (const char * const[]) { "list", "people", "--json", NULL },
};

static void
test_cli_not_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *database = g_build_filename (f->workspace, "assay.db", NULL);

  write_file (database, "This is not a database, just some text that happens to be here.\n");

  for (guint i = 0; i < G_N_ELEMENTS (workspace_commands); i++)
    {
      g_autoptr(Result) result = run_argv (f, workspace_commands[i]);

      assert_failed (result, 3, "not an Assay workspace");
    }
}

static void
test_cli_newer (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *database = g_build_filename (f->workspace, "assay.db", NULL);
  g_autoptr(Result) init = run (f, "init");
  sqlite3 *db = NULL;

  assert_ok (init);
  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (workspace_commands); i++)
    {
      g_autoptr(Result) result = run_argv (f, workspace_commands[i]);

      assert_failed (result, 3, "newer");
    }
}

/* Readers create a missing workspace; `check` does not. */
static void
test_cli_missing (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *database = g_build_filename (f->workspace, "assay.db", NULL);
  g_autoptr(Result) check = run (f, "check");
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) json = NULL;

  assert_failed (check, 3, "not an Assay workspace");
  g_assert_false (g_file_test (f->workspace, G_FILE_TEST_EXISTS));

  list = run (f, "list", "credentials");
  assert_ok (list);
  g_assert_cmpstr (list->out, ==, "");
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));
  json = run (f, "list", "stacks", "--json");
  assert_ok (json);
  g_assert_cmpstr (json->out, ==, "[]\n");
}

static void
test_cli_busy (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AssayStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) credentials = NULL;
  g_autoptr(Result) check = NULL;
  g_autoptr(Result) shown = NULL;
  g_autofree char *id = NULL;
  const char *commands[] = { "init", "demo" };

  run_demo (f);
  id = published_credential_id (f);

  writer = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Result) result = run (f, commands[i]);

      assert_failed (result, 3, "another Assay");
    }

  /* Readers still read */
  credentials = list_json (f, "credentials");
  g_assert_cmpuint (json_array_get_length (credentials), >=, 6);
  shown = run (f, "show", "credential", id);
  assert_ok (shown);
  check = run (f, "check");
  assert_ok (check);
  g_assert_cmpstr (check->out, ==, "ok\n");
}

static void
test_cli_check_blobs (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *missing = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "never stored", -1);
  g_autofree char *orphan = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "orphan", -1);
  g_autofree char *shard = g_strndup (orphan, 2);
  g_autofree char *orphan_path = g_build_filename (f->workspace, "blobs", shard, orphan, NULL);
  g_autoptr(Result) orphaned = NULL;
  g_autoptr(Result) dangling = NULL;

  run_demo (f);

  write_file (orphan_path, "orphan");
  orphaned = run (f, "check");
  g_test_message ("stdout: %s", orphaned->out);
  g_assert_cmpint (orphaned->status, ==, 1);
  g_assert_nonnull (strstr (orphaned->out, orphan));
  g_assert_true (g_str_has_prefix (orphaned->err, "assay-cli: "));
  g_assert_cmpint (g_unlink (orphan_path), ==, 0);

  /* A row that names a file the folder does not have */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AssayStore) store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GPtrArray) issuers = NULL;

    g_assert_no_error (error);
    issuers = assay_store_query (store, ASSAY_TYPE_ISSUER, NULL, NULL, NULL);
    g_assert_cmpuint (issuers->len, ==, 1);
    assay_issuer_set_image_hash (g_ptr_array_index (issuers, 0), missing);
    g_assert_true (assay_store_save (store, g_ptr_array_index (issuers, 0), &error));
    g_assert_no_error (error);
  }

  dangling = run (f, "check");
  g_test_message ("stdout: %s", dangling->out);
  g_assert_cmpint (dangling->status, ==, 1);
  g_assert_nonnull (strstr (dangling->out, missing));
  g_assert_cmpuint (count_lines (dangling->err), ==, 1);
}

static void
test_cli_scale (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Result) demo = run (f, "demo", "--scale", "300");
  g_autoptr(JsonArray) submissions = NULL;
  g_autoptr(JsonArray) credentials = NULL;
  g_autoptr(Result) check = NULL;

  assert_ok (demo);
  g_assert_nonnull (strstr (demo->out, "300"));

  submissions = list_json (f, "submissions");
  credentials = list_json (f, "credentials");
  g_assert_cmpuint (json_array_get_length (submissions), >=, 300 + 6);
  g_assert_cmpuint (json_array_get_length (credentials), >=, 3 + 6);
  for (guint i = 0; i < json_array_get_length (submissions); i++)
    {
      JsonObject *submission = json_array_get_object_element (submissions, i);

      g_assert_nonnull (json_object_get_string_member (submission, "credential_title"));
      g_assert_nonnull (json_object_get_string_member (submission, "earner_email"));
    }

  check = run (f, "check");
  assert_ok (check);
}

/* `packet`: the PDF (and zip) of a credential's approval packet, without
 * changing the workspace; clear refusals for what is missing or wrong. */
static void
test_cli_packet (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Result) demo = run (f, "demo");
  g_autoptr(JsonArray) credentials = NULL;
  g_autofree char *pdf = g_build_filename (f->root, "packet.pdf", NULL);
  g_autofree char *zip = g_build_filename (f->root, "packet.zip", NULL);
  g_autofree char *nowhere = g_build_filename (f->root, "no-such-folder", "packet.pdf", NULL);
  g_autoptr(Result) ok = NULL;
  g_autoptr(Result) no_framework = NULL;
  g_autoptr(Result) unknown_framework = NULL;
  g_autoptr(Result) unknown_credential = NULL;
  g_autoptr(Result) unwritable = NULL;
  g_autoptr(Result) check = NULL;
  const char *id;

  assert_ok (demo);
  credentials = list_json (f, "credentials");
  id = json_object_get_string_member (json_array_get_object_element (credentials, 0), "id");

  ok = run (f, "packet", id, "--framework", "isbe-2023", "--out", pdf, "--zip", zip);
  assert_ok (ok);
  g_assert_true (g_str_has_prefix (ok->out, pdf));
  g_assert_nonnull (strstr (ok->out, zip));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));

  no_framework = run (f, "packet", id, "--out", pdf);
  assert_failed (no_framework, 2, "--framework");
  unknown_framework = run (f, "packet", id, "--framework", "atlantis-1999", "--out", pdf);
  assert_failed (unknown_framework, 1, "no framework");
  unknown_credential = run (f, "packet", "00000000-0000-0000-0000-000000000000", "--framework", "isbe-2023", "--out", pdf);
  assert_failed (unknown_credential, 1, "no credential");
  unwritable = run (f, "packet", id, "--framework", "isbe-2023", "--out", nowhere);
  assert_failed (unwritable, 1, NULL);

  /* Printing changed nothing. */
  check = run (f, "check");
  assert_ok (check);
  g_assert_cmpstr (check->out, ==, "ok\n");
}

static char *
received_submission (Fixture    *f,
                     const char *earner_email,
                     guint       skip)
{
  g_autoptr(JsonArray) submissions = list_json (f, "submissions");

  for (guint i = 0; i < json_array_get_length (submissions); i++)
    {
      JsonObject *submission = json_array_get_object_element (submissions, i);

      const char *status = json_object_get_string_member (submission, "status");

      if ((g_str_equal (status, "received") || g_str_equal (status, "in-review"))
          && (earner_email == NULL || g_str_equal (json_object_get_string_member (submission, "earner_email"), earner_email))
          && skip-- == 0)
        return g_strdup (json_object_get_string_member (submission, "id"));
    }
  return NULL;
}

/* `review` and `decide`: the rules of assessment kept by the store, two
 * agreeing reviews deciding, two far apart going to moderation. */
static void
test_cli_review_decide (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Result) demo = run (f, "demo");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(Result) staff = NULL, conflicted = NULL, incomplete = NULL, unknown = NULL;
  g_autoptr(Result) one = NULL, two = NULL, decided = NULL, again = NULL, locked = NULL, early = NULL;
  g_autoptr(Result) moderation = NULL, check = NULL;
  const char *all_three[] = { "--level", "1=3", "--level", "2=3", "--level", "3=3", "--level", "4=3", "--level", "5=3" };

  assert_ok (demo);
  first = received_submission (f, "pnatarajan@vrcusd404.example", 0);
  g_assert_nonnull (first);

  staff = run (f, "review", first, "--assessor", "tomas.lindqvist@prairie-elc.example", "--level", "1=3");
  assert_failed (staff, 1, "assessor role");
  /* Denise Faulkner declared a conflict with the earner's district. */
  conflicted = run (f, "review", first, "--assessor", "dfaulkner@example.org", "--level", "1=3");
  assert_failed (conflicted, 1, "district");
  incomplete = run (f, "review", first, "--assessor", "araman@example.org", "--level", "1=3", "--submit");
  assert_failed (incomplete, 1, "Every criterion");
  unknown = run (f, "review", first, "--assessor", "araman@example.org", "--level", "Nonsense=3");
  assert_failed (unknown, 1, "no criterion");
  early = run (f, "decide", first);
  assert_failed (early, 1, "needs 2 submitted reviews");

  one = run (f, "review", first, "--assessor", "araman@example.org",
             all_three[0], all_three[1], all_three[2], all_three[3], all_three[4], all_three[5],
             all_three[6], all_three[7], all_three[8], all_three[9], "--comment", "1=Clear checkpoints", "--submit");
  assert_ok (one);
  two = run (f, "review", first, "--assessor", "kadjei@example.org",
             "--level", "1=4", "--level", "2=Accomplished", "--level", "3=3", "--level", "4=3", "--level", "5=3",
             "--feedback", "Every claim is backed by student work.", "--submit");
  assert_ok (two);
  decided = run (f, "decide", first);
  assert_ok (decided);
  g_assert_cmpstr (decided->out, ==, "award\n");
  again = run (f, "decide", first);
  assert_failed (again, 1, "decided already");
  locked = run (f, "review", first, "--assessor", "araman@example.org", "--level", "1=1");
  assert_failed (locked, 1, "can no longer change");

  /* The lowest level against the highest on every criterion, by two
   * assessors free of conflicts: moderation, nothing decided. */
  second = received_submission (f, "egarrity@vrcusd404.example", 0);
  g_assert_nonnull (second);
  {
    g_autoptr(Result) shown = run (f, "show", "submission", second, "--json");
    g_autoptr(JsonNode) root = json_from_string (shown->out, NULL);
    const char *credential = json_object_get_string_member (json_node_get_object (root), "credential_id");
    g_autoptr(Result) rubric = run (f, "show", "credential", credential, "--json");
    g_autoptr(JsonNode) rubric_root = json_from_string (rubric->out, NULL);
    JsonObject *object = json_object_get_object_member (json_node_get_object (rubric_root), "rubric");
    guint n_criteria = json_array_get_length (json_object_get_array_member (object, "criteria"));
    guint n_levels = json_array_get_length (json_object_get_array_member (object, "levels"));
    const char *assessors[] = { "lferreirahale@example.edu", "kadjei@example.org" };

    for (guint a = 0; a < 2; a++)
      {
        g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(Result) result = NULL;

        g_ptr_array_add (argv, g_strdup ("review"));
        g_ptr_array_add (argv, g_strdup (second));
        g_ptr_array_add (argv, g_strdup ("--assessor"));
        g_ptr_array_add (argv, g_strdup (assessors[a]));
        for (guint c = 1; c <= n_criteria; c++)
          {
            g_ptr_array_add (argv, g_strdup ("--level"));
            g_ptr_array_add (argv, g_strdup_printf ("%u=%u", c, a == 0 ? 1 : n_levels));
          }
        g_ptr_array_add (argv, g_strdup ("--submit"));
        g_ptr_array_add (argv, NULL);
        result = run_argv (f, (const char * const *) argv->pdata);
        assert_ok (result);
      }
  }
  moderation = run (f, "decide", second);
  assert_ok (moderation);
  g_assert_cmpstr (moderation->out, ==, "needs-moderation\n");

  /* Every step left the audit chain whole. */
  check = run (f, "check");
  assert_ok (check);
  g_assert_cmpstr (check->out, ==, "ok\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assay/cli/init", test_cli_init);
  ADD ("/assay/cli/usage", test_cli_usage);
  ADD ("/assay/cli/demo", test_cli_demo);
  ADD ("/assay/cli/demo-twice", test_cli_demo_twice);
  ADD ("/assay/cli/not-sqlite", test_cli_not_sqlite);
  ADD ("/assay/cli/newer", test_cli_newer);
  ADD ("/assay/cli/missing", test_cli_missing);
  ADD ("/assay/cli/busy", test_cli_busy);
  ADD ("/assay/cli/check-blobs", test_cli_check_blobs);
  ADD ("/assay/cli/scale", test_cli_scale);
  ADD ("/assay/cli/packet", test_cli_packet);
  ADD ("/assay/cli/review-decide", test_cli_review_decide);
#undef ADD

  return g_test_run ();
}
