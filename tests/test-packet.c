/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "assay-packet-clock.h"
#include "assay-packet-export.h"
#include "assay-store-credentials.h"
#include "assay-store-packets.h"
#include "assay-test-fs.h"

/* The approval packet: the 45-day clock across month ends and leap years;
 * a packet's rounds (rate, attach, submit, frozen, returned, resubmitted,
 * the first round still readable); and the exported PDF and zip, read
 * back with pdftotext and libarchive. */

typedef struct
{
  char            *directory;
  AssayStore      *store;
  AssayCredential *credential;
  AssayFramework  *framework;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("assay-packet-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = assay_store_open (f->directory, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->credential = assay_store_create_credential (f->store, "Checking for Understanding", &error);
  g_assert_no_error (error);
  f->framework = assay_frameworks_lookup ("isbe-2023", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->framework);
  g_clear_object (&f->credential);
  assay_store_close (f->store);
  g_clear_object (&f->store);
  assay_test_remove_tree (f->directory);
  g_free (f->directory);
}

static void
assert_due (const char *submitted,
            int         days,
            const char *expected)
{
  g_autofree char *due = assay_packet_clock_due_on (submitted, days);

  g_assert_cmpstr (due, ==, expected);
}

static void
test_clock (void)
{
  int left = 0;

  /* 45 calendar days, across month ends and February in both kinds of year. */
  assert_due ("2026-01-20", 45, "2026-03-06");
  assert_due ("2024-02-01", 45, "2024-03-17");
  assert_due ("2023-02-01", 45, "2023-03-18");
  assert_due ("2024-01-15", 45, "2024-02-29");
  assert_due ("2025-12-20", 45, "2026-02-03");
  assert_due ("2000-02-28", 1, "2000-02-29");
  assert_due ("1900-02-28", 1, "1900-03-01");
  assert_due ("2026-11-23", 0, "2026-11-23");
  assert_due ("2023-02-29", 45, NULL);
  assert_due ("2026-13-01", 45, NULL);
  assert_due ("2026-1-5", 45, NULL);
  assert_due ("2026-01-05x", 45, NULL);
  assert_due (NULL, 45, NULL);

  g_assert_true (assay_packet_clock_days_left ("2026-03-06", "2026-02-28", &left));
  g_assert_cmpint (left, ==, 6);
  g_assert_true (assay_packet_clock_days_left ("2024-03-01", "2024-02-28", &left));
  g_assert_cmpint (left, ==, 2);
  g_assert_true (assay_packet_clock_days_left ("2026-03-06", "2026-03-10", &left));
  g_assert_cmpint (left, ==, -4);
  g_assert_false (assay_packet_clock_days_left ("soon", "2026-03-10", &left));
}

static AssayPacketItem *
item (GPtrArray  *items,
      const char *indicator)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (assay_packet_item_get_indicator (g_ptr_array_index (items, i)), indicator))
      return g_ptr_array_index (items, i);
  g_assert_not_reached ();
}

static GFile *
write_document (Fixture    *f,
                const char *name,
                const char *contents)
{
  g_autofree char *path = g_build_filename (f->directory, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_rounds (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayPacket) packet = assay_store_packet_ensure (f->store, f->credential, f->framework, &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GFile) syllabus = write_document (f, "syllabus.pdf", "%PDF-1.4 a syllabus");
  g_autoptr(GFile) folder = g_file_new_for_path (f->directory);
  g_autoptr(AssayPacket) second = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  const char *credential_id = assay_record_get_id (ASSAY_RECORD (f->credential));

  g_assert_no_error (error);
  g_assert_cmpint (assay_packet_get_round (packet), ==, 1);
  items = assay_store_packet_items (f->store, packet, f->framework);
  g_assert_cmpuint (items->len, ==, 18);
  g_assert_cmpstr (assay_packet_item_get_indicator (g_ptr_array_index (items, 0)), ==, "1.1a");
  g_assert_cmpint (assay_packet_item_get_rating (g_ptr_array_index (items, 0)), ==, ASSAY_RATING_UNRATED);

  /* Asking again gives the same packet, not a second one. */
  {
    g_autoptr(AssayPacket) same = assay_store_packet_ensure (f->store, f->credential, f->framework, &error);

    g_assert_true (same == packet);
  }

  g_assert_true (assay_store_packet_rate (f->store, item (items, "1.3"), ASSAY_RATING_YES,
                                          "The four-level rubric is published with the course.", &error));
  g_assert_true (assay_store_packet_attach (f->store, item (items, "1.3"), syllabus, &error));
  g_assert_no_error (error);
  /* A folder is not a document, and leaves nothing. */
  g_assert_false (assay_store_packet_attach (f->store, item (items, "1.3"), folder, &error));
  g_clear_error (&error);
  documents = assay_packet_item_dup_documents (item (items, "1.3"));
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (((AssayPacketDocument *) g_ptr_array_index (documents, 0))->name, ==, "syllabus.pdf");

  /* Sent: due 45 days later, frozen. */
  g_assert_false (assay_store_packet_submit (f->store, packet, "2026-02-30", 45, &error));
  g_clear_error (&error);
  g_assert_true (assay_store_packet_submit (f->store, packet, "2026-02-10", 45, &error));
  g_assert_cmpstr (assay_packet_get_due_on (packet), ==, "2026-03-27");
  g_assert_false (assay_store_packet_rate (f->store, item (items, "1.2"), ASSAY_RATING_NO, NULL, &error));
  g_assert_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_cmpint (assay_packet_item_get_rating (item (items, "1.2")), ==, ASSAY_RATING_UNRATED);

  /* A new round only after the state returns it. */
  g_assert_null (assay_store_packet_start_round (f->store, packet, &error));
  g_clear_error (&error);
  g_assert_true (assay_store_packet_record_outcome (f->store, packet, ASSAY_PACKET_OUTCOME_RETURNED,
                                                    "{\"indicators\": {\"3.2b\": \"Name the second evaluator.\"}}", &error));
  second = assay_store_packet_start_round (f->store, packet, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assay_packet_get_round (second), ==, 2);
  g_assert_cmpint (assay_packet_get_outcome (second), ==, ASSAY_PACKET_OUTCOME_DRAFT);

  again = assay_store_packet_items (f->store, second, f->framework);
  g_assert_cmpuint (again->len, ==, 18);
  g_assert_cmpint (assay_packet_item_get_rating (item (again, "1.3")), ==, ASSAY_RATING_YES);
  g_assert_cmpstr (assay_packet_item_get_narrative (item (again, "1.3")), ==,
                   "The four-level rubric is published with the course.");
  g_assert_cmpstrv (assay_packet_item_get_documents (item (again, "1.3")),
                    assay_packet_item_get_documents (item (items, "1.3")));
  g_assert_true (assay_store_packet_rate (f->store, item (again, "3.2b"), ASSAY_RATING_YES, "Two evaluators.", &error));

  /* Both rounds are there to read, the first as it was sent. */
  rounds = assay_store_packet_rounds (f->store, credential_id, "isbe-2023");
  g_assert_cmpuint (rounds->len, ==, 2);
  g_assert_cmpint (assay_packet_get_outcome (g_ptr_array_index (rounds, 0)), ==, ASSAY_PACKET_OUTCOME_RETURNED);
  g_assert_nonnull (strstr (assay_packet_get_feedback (g_ptr_array_index (rounds, 0)), "second evaluator"));
  {
    g_autoptr(AssayPacket) current = assay_store_packet_current (f->store, credential_id, "isbe-2023");

    g_assert_true (current == second);
  }

  /* Documents are workspace blobs that `check` knows about. */
  problems = assay_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;
  GString *words = g_string_new (NULL);
  gboolean space = FALSE;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return NULL;
  for (const char *p = out; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && words->len > 0)
            g_string_append_c (words, ' ');
          space = FALSE;
          g_string_append_c (words, *p);
        }
    }
  return g_string_free (words, FALSE);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL)
      || (line = strstr (out, "Pages:")) == NULL)
    return -1;
  return atoi (line + strlen ("Pages:"));
}

static GPtrArray *
zip_names (const char *path)
{
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  archive_read_support_format_zip (zip);
  g_assert_cmpint (archive_read_open_filename (zip, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (zip, &entry) == ARCHIVE_OK)
    g_ptr_array_add (names, g_strdup (archive_entry_pathname (entry)));
  archive_read_free (zip);
  return names;
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayPacket) packet = assay_store_packet_ensure (f->store, f->credential, f->framework, &error);
  g_autoptr(GPtrArray) items = assay_store_packet_items (f->store, packet, f->framework);
  g_autoptr(GFile) first = write_document (f, "plan.pdf", "one");
  g_autoptr(GFile) second_dir = NULL;
  g_autoptr(GFile) second = NULL;
  g_autofree char *pdf_path = g_build_filename (f->directory, "packet.pdf", NULL);
  g_autofree char *zip_path = g_build_filename (f->directory, "packet.zip", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) zip = g_file_new_for_path (zip_path);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *long_narrative = NULL;
  GString *story = g_string_new (NULL);

  if (!g_find_program_in_path ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* Two documents of the same name on one indicator, and a narrative long
   * enough to run over a page. */
  {
    g_autofree char *sub = g_build_filename (f->directory, "other", NULL);

    g_mkdir (sub, 0700);
    second_dir = g_file_new_for_path (sub);
    second = g_file_get_child (second_dir, "plan.pdf");
    g_assert_true (g_file_replace_contents (second, "two", 3, NULL, FALSE, 0, NULL, NULL, NULL));
  }
  for (int i = 0; i < 120; i++)
    g_string_append_printf (story, "Sentence %d of the narrative explains how evaluators are trained. ", i);
  long_narrative = g_string_free (story, FALSE);
  g_assert_true (assay_store_packet_attach (f->store, item (items, "3.2c"), first, &error));
  g_assert_true (assay_store_packet_attach (f->store, item (items, "3.2c"), second, &error));
  g_assert_true (assay_store_packet_rate (f->store, item (items, "3.2c"), ASSAY_RATING_YES, long_narrative, &error));
  g_assert_true (assay_store_packet_rate (f->store, item (items, "1.1a"), ASSAY_RATING_NO,
                                          "Quotes \"like these\", <angle> & ampersand, émigré, 学习.", &error));

  g_assert_true (assay_packet_export (f->store, packet, f->framework, pdf, zip, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf_path), >=, 6);

  /* Every indicator's text is in the PDF, with the narratives. */
  text = pdf_text (pdf_path);
  g_assert_nonnull (text);
  for (guint i = 0; i < assay_framework_get_n_indicators (f->framework); i++)
    {
      const AssayFrameworkIndicator *indicator = assay_framework_get_indicator (f->framework, i);
      g_auto(GStrv) words = g_strsplit (indicator->text, " ", -1);
      g_autofree char *opening = NULL;

      /* The first words: a table cell wraps lines where it likes. */
      if (g_strv_length (words) > 4)
        g_free (words[4]), words[4] = NULL;
      opening = g_strjoinv (" ", words);
      if (strstr (text, opening) == NULL)
        g_error ("indicator %s is not in the PDF: “%s”", indicator->id, opening);
      g_assert_nonnull (strstr (text, indicator->id));
    }
  g_assert_nonnull (strstr (text, "Sentence 119 of the narrative"));
  /* Markup characters are text, not Pango markup. (The CJK words are
   * drawn only where a CJK font is installed.) */
  g_assert_nonnull (strstr (text, "Quotes \"like these\", <angle> & ampersand, émigré,"));
  g_assert_nonnull (strstr (text, "Contents"));
  g_assert_nonnull (strstr (text, "Standard 3: Evidence Submission and Evaluation"));

  names = zip_names (zip_path);
  g_assert_true (has_name (names, "packet.pdf"));
  g_assert_true (has_name (names, "documents/3.2c/plan.pdf"));
  g_assert_true (has_name (names, "documents/3.2c/plan (2).pdf"));
  g_assert_cmpuint (names->len, ==, 3);

  /* A folder that cannot be written leaves nothing behind. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/packet.pdf");

    g_assert_false (assay_packet_export (f->store, packet, f->framework, nowhere, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test ("/nonexistent-folder/packet.pdf.partial", G_FILE_TEST_EXISTS));
  }
}

static AssayDerivedState
derived (Fixture    *f,
         const char *indicator)
{
  g_autoptr(AssayDerivedAnswer) answer = assay_store_packet_derive (f->store, f->credential, "isbe-2023", indicator);

  g_assert_nonnull (answer);
  g_assert_nonnull (answer->explanation);
  g_assert_nonnull (answer->link);
  return answer->state;
}

static void
test_derived_answers_follow_the_credential (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayRubric) rubric = assay_store_get_rubric (f->store, f->credential, &error);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(AssayCriterion) reflection = NULL;
  g_autoptr(AssayPacket) packet = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_assert_no_error (error);
  /* A new credential: no criteria, no hours, a draft. */
  g_assert_cmpint (derived (f, "1.3"), ==, ASSAY_DERIVED_NOT_MET);
  g_assert_cmpint (derived (f, "1.5"), ==, ASSAY_DERIVED_NOT_MET);
  g_assert_cmpint (derived (f, "1.4a"), ==, ASSAY_DERIVED_NOT_MET);
  g_assert_cmpint (derived (f, "3.3b"), ==, ASSAY_DERIVED_NOT_MET);
  g_assert_cmpint (derived (f, "3.2b"), ==, ASSAY_DERIVED_MET);  /* two reviews by default */
  g_assert_cmpint (derived (f, "3.2c"), ==, ASSAY_DERIVED_NOT_MET);
  g_assert_null (assay_store_packet_derive (f->store, f->credential, "isbe-2023", "1.2"));

  /* A reflection criterion on past and future practice, every cell described. */
  reflection = assay_store_add_criterion (f->store, rubric, "Reflection on past and future practice", &error);
  g_assert_no_error (error);
  g_assert_cmpint (derived (f, "1.4a"), ==, ASSAY_DERIVED_MET);
  g_assert_cmpint (derived (f, "1.4b"), ==, ASSAY_DERIVED_MET);
  g_assert_cmpint (derived (f, "1.3"), ==, ASSAY_DERIVED_NOT_MET);   /* cells empty */
  levels = assay_store_query (f->store, ASSAY_TYPE_LEVEL, "rubric_id", assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  g_assert_cmpuint (levels->len, >=, 2);
  for (guint i = 0; i < levels->len; i++)
    {
      g_autoptr(AssayRubricCell) cell = assay_store_get_cell (f->store, reflection, g_ptr_array_index (levels, i), &error);

      g_assert_no_error (error);
      assay_rubric_cell_set_descriptor (cell, "What a reflection at this level shows.");
      g_assert_true (assay_store_save (f->store, cell, &error));
    }
  g_assert_cmpint (derived (f, "3.3a"), ==, ASSAY_DERIVED_MET);
  g_assert_cmpint (derived (f, "1.3"), ==, ASSAY_DERIVED_NOT_MET);   /* no hours yet */
  assay_credential_set_sync_hours (f->credential, 2);
  assay_credential_set_async_hours (f->credential, 8);
  g_assert_true (assay_store_save (f->store, f->credential, &error));
  g_assert_cmpint (derived (f, "1.3"), ==, ASSAY_DERIVED_MET);
  g_assert_cmpint (derived (f, "1.5"), ==, ASSAY_DERIVED_MET);

  /* Readiness: everything is missing, and an indicator rated Yes against
   * what Assay knows is named. */
  packet = assay_store_packet_ensure (f->store, f->credential, f->framework, &error);
  items = assay_store_packet_items (f->store, packet, f->framework);
  g_assert_true (assay_store_packet_rate (f->store, item (items, "3.2c"), ASSAY_RATING_YES, "We have evaluators.", &error));
  missing = assay_store_packet_readiness (f->store, packet, f->framework, f->credential);
  g_assert_cmpuint (missing->len, ==, 17 + 1);
  {
    gboolean named = FALSE;

    for (guint i = 0; i < missing->len; i++)
      named |= g_str_has_prefix (g_ptr_array_index (missing, i), "3.2c: rated Yes, but");
    g_assert_true (named);
  }
  for (guint i = 0; i < items->len; i++)
    g_assert_true (assay_store_packet_rate (f->store, g_ptr_array_index (items, i), ASSAY_RATING_YES, "Shown.", &error));
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = assay_store_packet_readiness (f->store, packet, f->framework, f->credential);
  /* Still: 1.4a/b are fine, but 3.2c has no qualified assessors and the
   * credential is unpublished (3.3b). */
  g_assert_cmpuint (missing->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("assay-packet-home-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/packet/clock", test_clock);
  g_test_add ("/packet/rounds", Fixture, NULL, fixture_set_up, test_rounds, fixture_tear_down);
  g_test_add ("/packet/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/packet/derived-answers", Fixture, NULL, fixture_set_up,
              test_derived_answers_follow_the_credential, fixture_tear_down);

  status = g_test_run ();
  assay_test_remove_tree (home);
  return status;
}
