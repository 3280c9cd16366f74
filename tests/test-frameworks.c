/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "assay-framework.h"
#include "assay-test-fs.h"

/* The frameworks Assay ships, checked word for word against the documents
 * they come from (tests/data/seeds); a state's own file in the user's
 * data folder; and hostile framework files, each refused with a message
 * naming the file. */

/* The document's words with all whitespace as single spaces; and a second
 * form where a word broken at a line's end ("micro-\ncredential") is whole. */
static char *
normalize (const char *text,
           gboolean    join_breaks)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        {
          gboolean broken = join_breaks && out->str[out->len - 1] == '-' && out->len > 1
                            && g_ascii_isalpha (out->str[out->len - 2]);

          if (!broken)
            g_string_append_c (out, ' ');
        }
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *plain;
  char *joined;
} Seed;

static void
seed_load (Seed       *seed,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seeds", name, NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  seed->plain = normalize (contents, FALSE);
  seed->joined = normalize (contents, TRUE);
}

static void
seed_clear (Seed *seed)
{
  g_free (seed->plain);
  g_free (seed->joined);
}

static void
assert_in_seed (Seed       *seed,
                const char *text)
{
  g_autofree char *plain = normalize (text, FALSE);

  if (strstr (seed->plain, plain) == NULL && strstr (seed->joined, plain) == NULL)
    g_error ("not word for word in the source: “%s”", text);
}

static AssayFramework *
shipped (const char *id)
{
  g_autoptr(GError) error = NULL;
  AssayFramework *framework = assay_frameworks_lookup (id, &error);

  g_assert_no_error (error);
  return framework;
}

static void
test_all_load (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) all = assay_frameworks_get_all (&problems);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (all->len, >=, 3);
  g_assert_cmpstr (assay_framework_get_id (g_ptr_array_index (all, 0)), ==, "isbe-2023");
}

static void
test_isbe_matches_seed (void)
{
  g_autoptr(AssayFramework) isbe = shipped ("isbe-2023");
  static const char * const ids[] = {
    "1.1a", "1.1b", "1.1c", "1.2", "1.3", "1.4a", "1.4b", "1.5", "2.1", "2.2",
    "3.1", "3.2a", "3.2b", "3.2c", "3.2d", "3.3a", "3.3b", "3.4",
  };
  Seed seed;

  seed_load (&seed, "isbe-framework.txt");
  g_assert_cmpint (assay_framework_get_kind (isbe), ==, ASSAY_FRAMEWORK_APPROVAL);
  g_assert_cmpint (assay_framework_get_review_days (isbe), ==, 45);
  g_assert_true (assay_framework_get_all_must_pass (isbe));
  g_assert_cmpuint (assay_framework_get_n_indicators (isbe), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const AssayFrameworkIndicator *indicator = assay_framework_get_indicator (isbe, i);

      g_assert_cmpstr (indicator->id, ==, ids[i]);
      assert_in_seed (&seed, indicator->text);
    }
  /* Three standards, each as the seed titles and describes it. */
  g_assert_cmpuint (assay_framework_get_n_sections (isbe), ==, 3);
  for (guint s = 0; s < 3; s++)
    {
      const AssayFrameworkSection *section = assay_framework_get_section (isbe, s);

      assert_in_seed (&seed, section->title);
      assert_in_seed (&seed, section->description);
    }
  g_assert_cmpstr (assay_framework_find_indicator (isbe, "3.3b")->text, ==,
                   "Evaluator rubric(s) is made available to participants prior to enrollment.");
  seed_clear (&seed);
}

static void
test_ccsso_matches_seed (void)
{
  g_autoptr(AssayFramework) ccsso = shipped ("ccsso-2020");
  Seed seed;

  seed_load (&seed, "ccsso-principles.txt");
  g_assert_cmpuint (assay_framework_get_n_indicators (ccsso), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      const AssayFrameworkIndicator *principle = assay_framework_get_indicator (ccsso, i);
      g_autofree char *letter = g_strdup_printf ("%c", 'A' + i);
      g_autofree char *heading = g_strdup_printf ("%s. **%s:** %s", letter, principle->name, principle->text);

      g_assert_cmpstr (principle->id, ==, letter);
      assert_in_seed (&seed, heading);
    }
  seed_clear (&seed);
}

static void
test_cross_state_matches_seed (void)
{
  g_autoptr(AssayFramework) cross = shipped ("cross-state-2019");
  static const char * const components[] = { "Developers", "Deliverers", "Evaluators", "Issuers", "Recognizers" };
  guint n_top = 0, n_desired = 0;
  Seed seed;

  seed_load (&seed, "cross-state-criteria.txt");
  for (guint s = 0; s < assay_framework_get_n_sections (cross); s++)
    {
      const AssayFrameworkSection *section = assay_framework_get_section (cross, s);

      if (section->depth == 0)
        g_assert_cmpstr (section->title, ==, components[n_top++]);
      else
        {
          g_assert_nonnull (section->guiding_question);
          assert_in_seed (&seed, section->guiding_question);
        }
    }
  g_assert_cmpuint (n_top, ==, G_N_ELEMENTS (components));

  for (guint i = 0; i < assay_framework_get_n_indicators (cross); i++)
    {
      const AssayFrameworkIndicator *criterion = assay_framework_get_indicator (cross, i);

      assert_in_seed (&seed, criterion->text);
      n_desired += g_str_equal (criterion->kind, "desired");
    }
  g_assert_cmpuint (assay_framework_get_n_indicators (cross), >=, 90);
  g_assert_cmpuint (n_desired, >=, 15);
  seed_clear (&seed);
}

static void
assert_refused (const char *json,
                const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayFramework) framework = assay_framework_new_from_bytes (bytes, "state.json", &error);

  g_assert_null (framework);
  g_assert_error (error, ASSAY_FRAMEWORK_ERROR, ASSAY_FRAMEWORK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "state.json"));
  if (expected != NULL && strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

#define HEAD "{\"format\": \"assay-framework\", \"format_version\": 1, \"id\": \"xx\", \"title\": \"T\", \"kind\": \"approval\", "

static void
test_hostile_files (void)
{
  GString *many = g_string_new (HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"indicators\": [");
  GString *deep = g_string_new (HEAD "\"sections\": ");

  assert_refused ("", NULL);
  assert_refused ("not json at all", NULL);
  assert_refused ("[1, 2]", "one JSON object");
  assert_refused ("{\"format\": \"something-else\", \"format_version\": 1}", "format version 1");
  assert_refused ("{\"format\": \"assay-framework\", \"format_version\": 2}", "format version 1");
  assert_refused (HEAD "\"sections\": []}", "sections");
  assert_refused (HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"S\"}]}", "indicators or subsections");
  assert_refused (HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"indicators\": "
                  "[{\"id\": \"1\", \"text\": \"a\"}, {\"id\": \"1\", \"text\": \"b\"}]}]}", "used twice");
  assert_refused (HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"indicators\": "
                  "[{\"id\": \"1\", \"text\": 42}]}]}", "must be text");
  assert_refused (HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"indicators\": "
                  "[{\"id\": \"../x\", \"text\": \"a\"}]}]}", "id");
  assert_refused (HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"indicators\": "
                  "[{\"id\": \"1\", \"text\": \"\"}]}]}", "empty");
  assert_refused ("{\"format\": \"assay-framework\", \"format_version\": 1, \"id\": \"xx\", \"title\": \"T\", "
                  "\"kind\": \"approval\", \"review_days\": -3, \"sections\": []}", "review_days");

  for (int i = 0; i < 2500; i++)
    g_string_append_printf (many, "%s{\"id\": \"i%d\", \"text\": \"t\"}", i ? ", " : "", i);
  g_string_append (many, "]}]}");
  assert_refused (many->str, "too many");
  g_string_free (many, TRUE);

  for (int i = 0; i < 3; i++)
    g_string_append (deep, "[{\"id\": \"s\", \"title\": \"S\", \"subsections\": ");
  g_string_append (deep, "[{\"id\": \"z\", \"title\": \"Z\", \"indicators\": [{\"id\": \"1\", \"text\": \"t\"}]}]");
  for (int i = 0; i < 3; i++)
    g_string_append (deep, "}]");
  g_string_append (deep, "}");
  assert_refused (deep->str, "no deeper");
  g_string_free (deep, TRUE);

  {
    static const char invalid_utf8[] = HEAD "\"sections\": [{\"id\": \"s\", \"title\": \"\xff\xfe\", \"indicators\": []}]}";

    assert_refused (invalid_utf8, "UTF-8");
  }
}

static void
test_state_file_in_user_folder (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "assay", "frameworks", NULL);
  g_autofree char *good = g_build_filename (directory, "ohio-2025.json", NULL);
  g_autofree char *bad = g_build_filename (directory, "broken.json", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(AssayFramework) ohio = NULL;
  const char *json = "{\"format\": \"assay-framework\", \"format_version\": 1, \"id\": \"ohio-2025\", "
                     "\"title\": \"Ohio micro-credential review\", \"kind\": \"approval\", \"review_days\": 30, "
                     "\"sections\": [{\"id\": \"1\", \"title\": \"Design\", \"indicators\": "
                     "[{\"id\": \"1.1\", \"text\": \"Aligned to the Ohio Standards for the Teaching Profession.\"}]}]}";

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (good, json, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{ nope", -1, NULL));

  all = assay_frameworks_get_all (&problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "broken.json"));
  ohio = assay_frameworks_lookup ("ohio-2025", NULL);
  g_assert_nonnull (ohio);
  g_assert_cmpint (assay_framework_get_review_days (ohio), ==, 30);
  g_assert_cmpuint (assay_framework_get_n_indicators (ohio), ==, 1);

  g_unlink (good);
  g_unlink (bad);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("assay-frameworks-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  /* The user's own framework files are read from here, not from ~. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/frameworks/all-load", test_all_load);
  g_test_add_func ("/frameworks/isbe-matches-seed", test_isbe_matches_seed);
  g_test_add_func ("/frameworks/ccsso-matches-seed", test_ccsso_matches_seed);
  g_test_add_func ("/frameworks/cross-state-matches-seed", test_cross_state_matches_seed);
  g_test_add_func ("/frameworks/hostile-files", test_hostile_files);
  g_test_add_func ("/frameworks/state-file-in-user-folder", test_state_file_in_user_folder);

  status = g_test_run ();
  assay_test_remove_tree (home);
  return status;
}
