/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-demo-private.h"
#include "assay-store-private.h"

/* Synthetic load for scale tests and benchmarks: N earners with one
 * submission each, spread over N/100 small published credentials.
 *
 * Credentials go through the ordinary store API. Earners and submissions,
 * the bulk of it, are validated like any row but written straight into
 * the transaction, one short-lived object at a time: no identity map, no
 * change notification (live lists opened before do not see them), and the
 * submission counts are reloaded once at the end.
 */

static const char * const first_names[] = {
  "Amara", "Ben", "Chloé", "Dmitri", "Esi", "Farid", "Grace", "Hiroshi", "Imani", "Jonas",
  "Keiko", "Luis", "Maya", "Nikolai", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tamar",
};

static const char * const last_names[] = {
  "Abbott", "Banerjee", "Castillo", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ito", "Jensen",
  "Kowalski", "Lindgren", "Mensah", "Novak", "Okoro", "Petrov", "Quispe", "Rossi", "Sato", "Tran",
};

static const char * const areas[] = {
  N_("Assessment"), N_("Teacher Leadership"), N_("Family and Community Engagement"),
  N_("Literacy"), N_("Mathematics"), N_("Classroom Environment"),
};

static const struct {
  const char *name;
  gint64      points;
} scale_levels[] = {
  { N_("Not Yet Evident"), 1 },
  { N_("Emerging"), 2 },
  { N_("Proficient"), 3 },
  { N_("Exemplary"), 4 },
};

static const char * const scale_criteria[] = {
  N_("Planning"), N_("Implementation"), N_("Reflection on impact"),
};

/* In the long run three in ten submissions are received, two in review,
 * three awarded, one not yet and one withdrawn. */
static const AssaySubmissionStatus status_mix[] = {
  ASSAY_SUBMISSION_STATUS_RECEIVED, ASSAY_SUBMISSION_STATUS_AWARDED, ASSAY_SUBMISSION_STATUS_IN_REVIEW,
  ASSAY_SUBMISSION_STATUS_RECEIVED, ASSAY_SUBMISSION_STATUS_AWARDED, ASSAY_SUBMISSION_STATUS_NOT_YET,
  ASSAY_SUBMISSION_STATUS_IN_REVIEW, ASSAY_SUBMISSION_STATUS_AWARDED, ASSAY_SUBMISSION_STATUS_RECEIVED,
  ASSAY_SUBMISSION_STATUS_WITHDRAWN,
};

static gboolean
add_rubric (AssayStore       *store,
            AssayCredential  *credential,
            GError          **error)
{
  g_autoptr(AssayRubric) rubric = assay_rubric_new (assay_record_get_id (ASSAY_RECORD (credential)));
  const char *rubric_id = assay_record_get_id (ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_object_unref);

  if (!assay_store_save (store, rubric, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scale_levels); i++)
    {
      AssayLevel *level = assay_level_new (rubric_id, _(scale_levels[i].name), scale_levels[i].points);

      g_ptr_array_add (levels, level);
      assay_level_set_position (level, i);
      if (!assay_store_save (store, level, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scale_criteria); i++)
    {
      g_autoptr(AssayCriterion) criterion = assay_criterion_new (rubric_id, _(scale_criteria[i]));

      assay_criterion_set_position (criterion, i);
      if (!assay_store_save (store, criterion, error))
        return FALSE;

      for (guint j = 0; j < levels->len; j++)
        {
          AssayLevel *level = g_ptr_array_index (levels, j);
          g_autofree char *text = g_strdup_printf (_("%s: the evidence is at the level “%s”."),
                                                   _(scale_criteria[i]), assay_level_get_name (level));
          g_autoptr(AssayRubricCell) cell = assay_rubric_cell_new (assay_record_get_id (ASSAY_RECORD (criterion)),
                                                                   assay_record_get_id (ASSAY_RECORD (level)),
                                                                   text);

          if (!assay_store_save (store, cell, error))
            return FALSE;
        }
    }

  assay_rubric_set_rule (rubric, ASSAY_DECISION_RULE_ALL_AT_LEVEL);
  assay_rubric_set_rule_level_id (rubric, assay_record_get_id (g_ptr_array_index (levels, 2)));
  return assay_store_save (store, rubric, error);
}

static AssayCredential *
add_credential (AssayStore  *store,
                guint        index,
                GError     **error)
{
  g_autofree char *title = g_strdup_printf (_("Scale Test Credential %u"), index + 1);
  g_autoptr(AssayCredential) credential = assay_credential_new (title);

  assay_credential_set_competency_area (credential, _(areas[index % G_N_ELEMENTS (areas)]));
  assay_credential_set_competency (credential, _("Uses classroom evidence to plan the next lesson."));
  assay_credential_set_key_method (credential, _("Collect evidence, analyse it, act on it, reflect."));
  assay_credential_set_research_rationale (credential, _("Synthetic credential for scale tests."));
  assay_credential_set_submission_guidelines (credential, _("One lesson plan, student work and a reflection."));
  assay_credential_set_sync_hours (credential, 2);
  assay_credential_set_async_hours (credential, 8);
  assay_credential_set_pd_hours (credential, 10);

  if (!assay_store_save (store, credential, error) ||
      !add_rubric (store, credential, error) ||
      !_assay_demo_set_status (store, credential, ASSAY_CREDENTIAL_STATUS_PUBLISHED, NULL, error))
    return NULL;

  return g_steal_pointer (&credential);
}

/* Random UUID keys touch pages all over the indexes: with SQLite's
 * default 2 MB cache a long transaction keeps spilling them to the WAL.
 * Returns the size it replaced. */
static gint64
set_cache_size (AssayStore *store,
                gint64      size)
{
  sqlite3_stmt *stmt = _assay_store_prepare (store, "PRAGMA cache_size", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);
  gint64 previous = -2000;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (!_assay_store_exec (store, sql, NULL))
    g_debug ("Could not change the cache size");

  return previous;
}

/* Validated like assay_store_save(), written without its bookkeeping. */
static gboolean
insert_row (AssayStore   *store,
            AssayRecord  *record,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!assay_record_validate (record, error))
    return FALSE;

  stmt = _assay_store_prepare (store, _assay_store_upsert_sql (ASSAY_RECORD_GET_CLASS (record)), error);
  if (stmt == NULL)
    return FALSE;

  if (!_assay_store_bind_record (stmt, record))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return _assay_store_set_error (store, SQLITE_NOMEM, error);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _assay_store_set_error (store, rc, error);

  return TRUE;
}

static gboolean
add_submission (AssayStore  *store,
                const char  *batch,
                guint        index,
                GPtrArray   *credentials,
                GDateTime   *now,
                GError     **error)
{
  const char *first = first_names[index % G_N_ELEMENTS (first_names)];
  const char *last = last_names[(index / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names)];
  g_autofree char *name = g_strdup_printf ("%s %s %u", first, last, index + 1);
  g_autofree char *email = g_strdup_printf ("earner-%s-%u@scale.example", batch, index + 1);
  g_autoptr(AssayPerson) earner = assay_person_new (name, email);
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(GDateTime) received_at = NULL;
  AssayCredential *credential = g_ptr_array_index (credentials, index % credentials->len);

  if (!insert_row (store, ASSAY_RECORD (earner), error))
    return FALSE;

  /* Spread over the last three years, newest first. */
  received_at = g_date_time_add_seconds (now, -(gdouble) ((index * G_GUINT64_CONSTANT (7919)) % (3 * 365 * 24 * 3600)));
  submission = assay_submission_new (assay_record_get_id (ASSAY_RECORD (earner)),
                                     assay_record_get_id (ASSAY_RECORD (credential)));
  assay_submission_set_received_at (submission, received_at);
  /* Mixed so that every credential gets every status */
  assay_submission_set_status (submission, status_mix[((index * 2654435761u) >> 16) % G_N_ELEMENTS (status_mix)]);

  return insert_row (store, ASSAY_RECORD (submission), error);
}

/**
 * assay_demo_add_scale:
 * @n: how many earners and submissions to add
 *
 * Adds @n synthetic earners with one submission each, spread with varied
 * statuses and dates over @n/100 (at least one) new published credentials,
 * all in one transaction (or inside the caller's).
 */
gboolean
assay_demo_add_scale (AssayStore  *store,
                      guint        n,
                      GError     **error)
{
  g_autoptr(GPtrArray) credentials = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *uuid = assay_record_new_uuid ();
  g_autofree char *batch = g_strndup (uuid, 8);
  guint n_credentials = MAX (n / 100, 1);
  gint64 cache_size;
  gboolean own;
  gboolean ok = TRUE;

  g_return_val_if_fail (ASSAY_IS_STORE (store), FALSE);

  if (n == 0)
    return TRUE;

  if (!_assay_demo_begin (store, &own, error))
    return FALSE;

  for (guint i = 0; ok && i < n_credentials; i++)
    {
      AssayCredential *credential = add_credential (store, i, error);

      ok = credential != NULL;
      if (ok)
        g_ptr_array_add (credentials, credential);
    }

  cache_size = set_cache_size (store, -128 * 1024);
  for (guint i = 0; ok && i < n; i++)
    ok = add_submission (store, batch, i, credentials, now, error);

  ok = _assay_demo_finish (store, own, ok, error);
  set_cache_size (store, cache_size);

  /* The counts cache missed every submission written above. */
  _assay_store_load_counts (store);
  for (guint i = 0; i < credentials->len; i++)
    _assay_store_apply_counts (store, g_ptr_array_index (credentials, i));

  return ok;
}
