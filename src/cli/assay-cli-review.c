/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-cli-bundle.h"
#include "assay-cli-private.h"
#include "assay-store-credentials.h"
#include "assay-store-reviews.h"

/* `review SUBMISSION --assessor EMAIL (--level CRITERION=LEVEL)…
 *  [--comment CRITERION=TEXT]… [--feedback TEXT] [--submit]` and
 * `decide SUBMISSION`. A criterion is named by its id, its title or its
 * number (1 for the first); a level by its id, its name or its number. */

/* Takes out the repeatable NAME=VALUE options, leaving the rest. */
static gboolean
take_pairs (const char  *option,
            int          argc,
            char       **argv,
            GPtrArray   *rest,
            GPtrArray   *pairs,
            GError     **error)
{
  g_autofree char *with_equals = g_strconcat (option, "=", NULL);
  gboolean positional_only = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;

      if (positional_only || i == 0 || !g_str_has_prefix (argv[i], option))
        {
          positional_only = positional_only || g_str_equal (argv[i], "--");
          g_ptr_array_add (rest, argv[i]);
          continue;
        }
      if (g_str_has_prefix (argv[i], with_equals))
        value = argv[i] + strlen (with_equals);
      else if (g_str_equal (argv[i], option) && i + 1 < argc)
        value = argv[++i];
      else if (g_str_equal (argv[i], option))
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE, _("the option %s needs a value"), option);
          return FALSE;
        }
      else
        {
          g_ptr_array_add (rest, argv[i]);
          continue;
        }
      if (strchr (value, '=') == NULL || value[0] == '=')
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE, _("%s needs CRITERION=VALUE, not “%s”"), option, value);
          return FALSE;
        }
      g_ptr_array_add (pairs, (gpointer) value);
    }
  return TRUE;
}

static gboolean
names (const char *name,
       const char *id,
       const char *title,
       guint       number)
{
  g_autofree char *a = g_utf8_casefold (name, -1);
  g_autofree char *b = title ? g_utf8_casefold (title, -1) : NULL;
  char *end = NULL;
  guint64 n = g_ascii_strtoull (name, &end, 10);

  return g_strcmp0 (name, id) == 0 || g_strcmp0 (a, b) == 0 || (end != name && *end == '\0' && n == number);
}

static gpointer
find_named (GPtrArray  *items,
            const char *name,
            gboolean    levels)
{
  for (guint i = 0; i < items->len; i++)
    {
      AssayRecord *item = g_ptr_array_index (items, i);
      const char *title = levels ? assay_level_get_name (ASSAY_LEVEL (item)) : assay_criterion_get_title (ASSAY_CRITERION (item));

      if (names (name, assay_record_get_id (item), title, i + 1))
        return item;
    }
  return NULL;
}

static AssaySubmission *
lookup_submission (AssayStore  *store,
                   const char  *id,
                   GError     **error)
{
  AssaySubmission *submission = assay_store_lookup (store, ASSAY_TYPE_SUBMISSION, id, NULL);

  if (submission == NULL)
    g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED, _("there is no submission “%s”"), id);
  return submission;
}

gboolean
_assay_cli_review (AssayCli  *cli,
                   int        argc,
                   char     **argv,
                   GError   **error)
{
  g_autoptr(GPtrArray) after_levels = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayRubric) rubric = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) rubric_levels = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(AssayReview) review = NULL;
  const char *assessor_email = NULL;
  const char *feedback = NULL;
  gboolean submit = FALSE;
  AssayCliOption options[] = {
    { "assessor", NULL, &assessor_email },
    { "feedback", NULL, &feedback },
    { "submit", &submit, NULL },
  };
  gboolean ok = TRUE;

  if (!take_pairs ("--level", argc, argv, after_levels, levels, error)
      || !take_pairs ("--comment", after_levels->len, (char **) after_levels->pdata, rest, comments, error)
      || !_assay_cli_parse ("review", rest->len, (char **) rest->pdata, options, G_N_ELEMENTS (options), 1, 1, args, error))
    return FALSE;
  if (assessor_email == NULL)
    {
      g_set_error_literal (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                           _("“review” needs a submission and --assessor; see “assay-cli --help”"));
      return FALSE;
    }

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_WRITE, error);
  if (store == NULL || (submission = lookup_submission (store, g_ptr_array_index (args, 0), error)) == NULL)
    return FALSE;
  people = assay_store_query (store, ASSAY_TYPE_PERSON, "email", assessor_email, NULL);
  if (people->len == 0)
    {
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED, _("there is nobody with the e-mail address “%s”"), assessor_email);
      return FALSE;
    }
  credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, assay_submission_get_credential_id (submission), error);
  if (credential == NULL || (rubric = assay_store_get_rubric (store, credential, error)) == NULL)
    return FALSE;
  criteria = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id", assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  rubric_levels = assay_store_query (store, ASSAY_TYPE_LEVEL, "rubric_id", assay_record_get_id (ASSAY_RECORD (rubric)), "position");

  /* Names first, so that a mistake changes nothing. */
  for (guint i = 0; i < levels->len + comments->len; i++)
    {
      const char *pair = i < levels->len ? g_ptr_array_index (levels, i) : g_ptr_array_index (comments, i - levels->len);
      g_autofree char *name = g_strndup (pair, strchr (pair, '=') - pair);

      if (find_named (criteria, name, FALSE) == NULL)
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED, _("the rubric has no criterion “%s”"), name);
          return FALSE;
        }
      if (i < levels->len && find_named (rubric_levels, strchr (pair, '=') + 1, TRUE) == NULL)
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED, _("the rubric has no level “%s”"), strchr (pair, '=') + 1);
          return FALSE;
        }
    }

  if (!assay_store_begin (store, error))
    return FALSE;
  review = assay_store_review_open (store, submission, g_ptr_array_index (people, 0), error);
  ok = review != NULL;
  for (guint i = 0; ok && i < levels->len; i++)
    {
      const char *pair = g_ptr_array_index (levels, i);
      g_autofree char *name = g_strndup (pair, strchr (pair, '=') - pair);
      AssayCriterion *criterion = find_named (criteria, name, FALSE);
      const char *comment = NULL;

      for (guint c = 0; c < comments->len; c++)
        {
          const char *other = g_ptr_array_index (comments, c);
          g_autofree char *other_name = g_strndup (other, strchr (other, '=') - other);

          if (find_named (criteria, other_name, FALSE) == criterion)
            comment = strchr (other, '=') + 1;
        }
      ok = assay_store_review_score (store, review, criterion, find_named (rubric_levels, strchr (pair, '=') + 1, TRUE),
                                     comment, error);
    }
  if (ok && submit)
    ok = assay_store_review_submit (store, review, feedback, error);
  else if (ok && feedback != NULL)
    {
      assay_review_set_feedback (review, feedback);
      ok = assay_store_save (store, review, error);
    }
  if (!ok)
    {
      assay_store_rollback (store);
      return FALSE;
    }
  if (!assay_store_commit (store, error))
    return FALSE;

  g_string_append_printf (cli->out, "%s\n", assay_record_get_id (ASSAY_RECORD (review)));
  return TRUE;
}

gboolean
_assay_cli_decide (AssayCli  *cli,
                   int        argc,
                   char     **argv,
                   GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  AssayRecommendation verdict;

  if (!_assay_cli_parse ("decide", argc, argv, NULL, 0, 1, 1, args, error))
    return FALSE;
  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_WRITE, error);
  if (store == NULL || (submission = lookup_submission (store, g_ptr_array_index (args, 0), error)) == NULL
      || !assay_store_decide (store, submission, NULL, &verdict, error))
    return FALSE;

  g_string_append (cli->out, verdict == ASSAY_RECOMMENDATION_AWARD ? "award\n"
                             : verdict == ASSAY_RECOMMENDATION_NOT_YET ? "not-yet\n" : "needs-moderation\n");
  return TRUE;
}
