/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-model-util.h"
#include "assay-store-credentials.h"
#include "assay-store-private.h"

/* The life of a credential: a draft with its rubric, published (frozen)
 * once complete, replaced by a new version when it must change, retired.
 */

static const struct {
  const char *name;
  gint64      points;
} default_levels[] = {
  { N_("Not Yet Evident"), 1 },
  { N_("Emerging"), 2 },
  { N_("Proficient"), 3 },
  { N_("Exemplary"), 4 },
};

/* Each operation below is one transaction of its own, or a part of the
 * caller's when one is open (the demo loader builds a whole catalog in one). */
static gboolean
start (AssayStore  *self,
       gboolean    *own,
       GError     **error)
{
  *own = !assay_store_in_transaction (self);

  return !*own || assay_store_begin (self, error);
}

static gboolean
finish (AssayStore  *self,
        gboolean     own,
        gboolean     ok,
        GError     **error)
{
  if (!own)
    return ok;

  if (!ok)
    {
      assay_store_rollback (self);
      return FALSE;
    }

  return assay_store_commit (self, error);
}

/**
 * assay_store_create_credential:
 *
 * A new draft with an empty rubric on the usual four-level continuum.
 *
 * Returns: (transfer full): the credential
 */
AssayCredential *
assay_store_create_credential (AssayStore  *self,
                               const char  *title,
                               GError     **error)
{
  g_autoptr(AssayCredential) credential = assay_credential_new (title);
  g_autoptr(AssayRubric) rubric = NULL;
  gboolean own;
  gboolean ok;

  if (!start (self, &own, error))
    return NULL;

  rubric = assay_rubric_new (assay_record_get_id (ASSAY_RECORD (credential)));
  ok = assay_store_save (self, credential, error) && assay_store_save (self, rubric, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (default_levels); i++)
    {
      g_autoptr(AssayLevel) level = assay_store_add_level (self, rubric, _(default_levels[i].name),
                                                           default_levels[i].points, error);
      ok = level != NULL;
      if (ok && default_levels[i].points == 3)
        {
          assay_rubric_set_rule_level_id (rubric, assay_record_get_id (ASSAY_RECORD (level)));
          ok = assay_store_save (self, rubric, error);
        }
    }

  if (!finish (self, own, ok, error))
    return NULL;

  return g_steal_pointer (&credential);
}

/**
 * assay_store_get_rubric:
 *
 * Returns: (transfer full): the rubric of this credential version
 */
AssayRubric *
assay_store_get_rubric (AssayStore       *self,
                        AssayCredential  *credential,
                        GError          **error)
{
  g_autoptr(GPtrArray) rows = assay_store_query (self, ASSAY_TYPE_RUBRIC, "credential_id",
                                                 assay_record_get_id (ASSAY_RECORD (credential)), NULL);

  if (rows->len == 0)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND,
                   _("“%s” has no rubric"), assay_credential_get_title (credential));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

static GPtrArray *
query_children (AssayStore  *self,
                GType        type,
                const char  *column,
                AssayRecord *parent)
{
  return assay_store_query (self, type, column, assay_record_get_id (parent), "position");
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_rubric_complete (AssayStore   *self,
                       AssayRubric  *rubric,
                       GError      **error)
{
  g_autoptr(GPtrArray) levels = query_children (self, ASSAY_TYPE_LEVEL, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) criteria = query_children (self, ASSAY_TYPE_CRITERION, "rubric_id", ASSAY_RECORD (rubric));
  gint64 top_points = 0;
  gboolean rule_level_found = FALSE;

  if (levels->len < 2)
    return invalid (error, _("The rubric needs at least two performance levels"));
  if (criteria->len == 0)
    return invalid (error, _("The rubric needs at least one criterion"));

  for (guint i = 0; i < levels->len; i++)
    {
      AssayLevel *level = g_ptr_array_index (levels, i);

      top_points = MAX (top_points, assay_level_get_points (level));
      if (g_strcmp0 (assay_record_get_id (ASSAY_RECORD (level)), assay_rubric_get_rule_level_id (rubric)) == 0)
        rule_level_found = TRUE;
    }

  for (guint c = 0; c < criteria->len; c++)
    for (guint l = 0; l < levels->len; l++)
      {
        g_autoptr(AssayRubricCell) cell = assay_store_get_cell (self, g_ptr_array_index (criteria, c),
                                                                g_ptr_array_index (levels, l), NULL);

        if (cell == NULL || assay_model_is_blank (assay_rubric_cell_get_descriptor (cell)))
          {
            g_set_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID,
                         _("Describe “%s” at the level “%s” before publishing"),
                         assay_criterion_get_title (g_ptr_array_index (criteria, c)),
                         assay_level_get_name (g_ptr_array_index (levels, l)));
            return FALSE;
          }
      }

  if (assay_rubric_get_rule (rubric) == ASSAY_DECISION_RULE_ALL_AT_LEVEL && !rule_level_found)
    return invalid (error, _("Choose the level every criterion must reach"));

  if (assay_rubric_get_rule (rubric) == ASSAY_DECISION_RULE_MINIMUM_TOTAL &&
      (assay_rubric_get_minimum_total (rubric) <= 0 ||
       assay_rubric_get_minimum_total (rubric) > top_points * (gint64) criteria->len))
    {
      g_set_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID,
                   _("The minimum total must be between 1 and %d, the most a submission can score"),
                   (int) (top_points * (gint64) criteria->len));
      return FALSE;
    }

  return TRUE;
}

/**
 * assay_store_check_publishable:
 *
 * A credential may be published once every category earners and assessors
 * rely on is filled in (CCSSO principle A) and its rubric is complete.
 */
gboolean
assay_store_check_publishable (AssayStore       *self,
                               AssayCredential  *credential,
                               GError          **error)
{
  g_autoptr(AssayRubric) rubric = NULL;
  const struct {
    const char *text;
    const char *message;
  } required[] = {
    { assay_credential_get_competency (credential), _("Name the competency before publishing") },
    { assay_credential_get_key_method (credential), _("Describe the key method before publishing") },
    { assay_credential_get_research_rationale (credential), _("Give the research rationale before publishing") },
    { assay_credential_get_submission_guidelines (credential), _("Write the submission guidelines before publishing") },
  };

  if (!assay_record_validate (ASSAY_RECORD (credential), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (assay_model_is_blank (required[i].text))
      return invalid (error, required[i].message);

  rubric = assay_store_get_rubric (self, credential, error);
  if (rubric == NULL)
    return FALSE;

  return check_rubric_complete (self, rubric, error);
}

static gboolean
set_status (AssayStore            *self,
            AssayCredential       *credential,
            AssayCredentialStatus  status,
            const char            *actor_id,
            const char            *action,
            GError               **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean own;
  gboolean ok;

  if (!start (self, &own, error))
    return FALSE;

  assay_credential_set_status (credential, status);
  if (status == ASSAY_CREDENTIAL_STATUS_PUBLISHED)
    assay_credential_set_published_at (credential, now);
  ok = assay_store_save (self, credential, error);

  /* The versions this one replaces stop being current once it is live. */
  if (ok && status == ASSAY_CREDENTIAL_STATUS_PUBLISHED)
    {
      g_autoptr(GPtrArray) versions = assay_store_query (self, ASSAY_TYPE_CREDENTIAL, "lineage_id",
                                                         assay_credential_get_lineage_id (credential), NULL);

      for (guint i = 0; ok && i < versions->len; i++)
        {
          AssayCredential *other = g_ptr_array_index (versions, i);

          if (other == credential || assay_credential_get_superseded (other) ||
              assay_credential_get_version (other) > assay_credential_get_version (credential))
            continue;
          assay_credential_set_superseded (other, TRUE);
          ok = assay_store_save (self, other, error);
        }
    }

  ok = ok && assay_store_append_audit (self, actor_id, action, ASSAY_RECORD (credential), NULL, error);

  return finish (self, own, ok, error);
}

gboolean
assay_store_publish_credential (AssayStore       *self,
                                AssayCredential  *credential,
                                const char       *actor_id,
                                GError          **error)
{
  return set_status (self, credential, ASSAY_CREDENTIAL_STATUS_PUBLISHED, actor_id, "credential-published", error);
}

gboolean
assay_store_retire_credential (AssayStore       *self,
                               AssayCredential  *credential,
                               const char       *actor_id,
                               GError          **error)
{
  return set_status (self, credential, ASSAY_CREDENTIAL_STATUS_RETIRED, actor_id, "credential-retired", error);
}

static AssayRecord *
copy_row (AssayRecord *source,
          const char  *parent_column,
          const char  *parent_id)
{
  AssayRecord *copy = assay_record_duplicate (source);

  if (parent_column != NULL)
    g_object_set (copy, parent_column, parent_id, NULL);

  return copy;
}

static gboolean
copy_rubric (AssayStore   *self,
             AssayRubric  *rubric,
             const char   *credential_id,
             GError      **error)
{
  g_autoptr(AssayRecord) new_rubric = copy_row (ASSAY_RECORD (rubric), "credential-id", credential_id);
  const char *rubric_id = assay_record_get_id (new_rubric);
  g_autoptr(GHashTable) level_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) levels = query_children (self, ASSAY_TYPE_LEVEL, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) criteria = query_children (self, ASSAY_TYPE_CRITERION, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  const char *rule_level = assay_rubric_get_rule_level_id (rubric);

  for (guint i = 0; i < levels->len; i++)
    {
      AssayRecord *level = copy_row (g_ptr_array_index (levels, i), "rubric-id", rubric_id);

      g_ptr_array_add (copies, level);
      g_hash_table_insert (level_ids, (gpointer) assay_record_get_id (g_ptr_array_index (levels, i)),
                           (gpointer) assay_record_get_id (level));
    }

  assay_rubric_set_rule_level_id (ASSAY_RUBRIC (new_rubric),
                                  rule_level ? g_hash_table_lookup (level_ids, rule_level) : NULL);
  if (!assay_store_save (self, new_rubric, error))
    return FALSE;
  for (guint i = 0; i < copies->len; i++)
    if (!assay_store_save (self, g_ptr_array_index (copies, i), error))
      return FALSE;

  for (guint i = 0; i < criteria->len; i++)
    {
      AssayRecord *criterion = g_ptr_array_index (criteria, i);
      g_autoptr(AssayRecord) new_criterion = copy_row (criterion, "rubric-id", rubric_id);
      g_autoptr(GPtrArray) cells = assay_store_query (self, ASSAY_TYPE_RUBRIC_CELL, "criterion_id",
                                                      assay_record_get_id (criterion), NULL);

      if (!assay_store_save (self, new_criterion, error))
        return FALSE;

      for (guint j = 0; j < cells->len; j++)
        {
          AssayRubricCell *cell = g_ptr_array_index (cells, j);
          g_autoptr(AssayRubricCell) new_cell =
            assay_rubric_cell_new (assay_record_get_id (new_criterion),
                                   g_hash_table_lookup (level_ids, assay_rubric_cell_get_level_id (cell)),
                                   assay_rubric_cell_get_descriptor (cell));

          if (!assay_store_save (self, new_cell, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * assay_store_new_version:
 *
 * Starts the next version of a published or retired credential as a
 * draft with a copy of its profile, resources and rubric. The published
 * version stays current until the new one is published.
 *
 * Returns: (transfer full): the new draft
 */
AssayCredential *
assay_store_new_version (AssayStore       *self,
                         AssayCredential  *credential,
                         GError          **error)
{
  g_autoptr(AssayCredential) draft = NULL;
  g_autoptr(AssayRubric) rubric = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 next_version = 1;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (credential), NULL);

  versions = assay_store_query (self, ASSAY_TYPE_CREDENTIAL, "lineage_id",
                                assay_credential_get_lineage_id (credential), "version");
  for (guint i = 0; i < versions->len; i++)
    {
      AssayCredential *other = g_ptr_array_index (versions, i);

      if (assay_credential_get_status (other) == ASSAY_CREDENTIAL_STATUS_DRAFT)
        {
          g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT,
                       _("Version %d of “%s” is already being drafted"),
                       (int) assay_credential_get_version (other), assay_credential_get_title (other));
          return NULL;
        }
      next_version = MAX (next_version, assay_credential_get_version (other) + 1);
    }

  rubric = assay_store_get_rubric (self, credential, error);
  if (rubric == NULL || !start (self, &own, error))
    return NULL;

  draft = ASSAY_CREDENTIAL (copy_row (ASSAY_RECORD (credential), NULL, NULL));
  assay_credential_set_version (draft, next_version);
  assay_credential_set_status (draft, ASSAY_CREDENTIAL_STATUS_DRAFT);
  assay_credential_set_superseded (draft, FALSE);
  assay_credential_set_published_at (draft, NULL);
  assay_credential_set_created_at (draft, now);
  ok = assay_store_save (self, draft, error);

  resources = query_children (self, ASSAY_TYPE_RESOURCE, "credential_id", ASSAY_RECORD (credential));
  for (guint i = 0; ok && i < resources->len; i++)
    {
      g_autoptr(AssayRecord) copy = copy_row (g_ptr_array_index (resources, i), "credential-id",
                                              assay_record_get_id (ASSAY_RECORD (draft)));
      ok = assay_store_save (self, copy, error);
    }

  ok = ok && copy_rubric (self, rubric, assay_record_get_id (ASSAY_RECORD (draft)), error);
  ok = ok && assay_store_append_audit (self, NULL, "credential-version-created", ASSAY_RECORD (draft), NULL, error);

  if (!finish (self, own, ok, error))
    return NULL;

  return g_steal_pointer (&draft);
}

/**
 * assay_store_add_criterion:
 *
 * Appends a criterion with an empty descriptor for each level.
 */
AssayCriterion *
assay_store_add_criterion (AssayStore   *self,
                           AssayRubric  *rubric,
                           const char   *title,
                           GError      **error)
{
  g_autoptr(GPtrArray) levels = query_children (self, ASSAY_TYPE_LEVEL, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) criteria = query_children (self, ASSAY_TYPE_CRITERION, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(AssayCriterion) criterion = assay_criterion_new (assay_record_get_id (ASSAY_RECORD (rubric)), title);
  gboolean own;
  gboolean ok;

  assay_criterion_set_position (criterion, criteria->len);

  if (!start (self, &own, error))
    return NULL;

  ok = assay_store_save (self, criterion, error);
  for (guint i = 0; ok && i < levels->len; i++)
    {
      g_autoptr(AssayRubricCell) cell =
        assay_rubric_cell_new (assay_record_get_id (ASSAY_RECORD (criterion)),
                               assay_record_get_id (g_ptr_array_index (levels, i)), NULL);
      ok = assay_store_save (self, cell, error);
    }

  if (!finish (self, own, ok, error))
    return NULL;

  return g_steal_pointer (&criterion);
}

/**
 * assay_store_add_level:
 *
 * Appends a level at the top of the continuum with an empty descriptor for
 * each criterion.
 */
AssayLevel *
assay_store_add_level (AssayStore   *self,
                       AssayRubric  *rubric,
                       const char   *name,
                       gint64        points,
                       GError      **error)
{
  g_autoptr(GPtrArray) levels = query_children (self, ASSAY_TYPE_LEVEL, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) criteria = query_children (self, ASSAY_TYPE_CRITERION, "rubric_id", ASSAY_RECORD (rubric));
  g_autoptr(AssayLevel) level = assay_level_new (assay_record_get_id (ASSAY_RECORD (rubric)), name, points);
  gboolean own;
  gboolean ok;

  assay_level_set_position (level, levels->len);

  if (!start (self, &own, error))
    return NULL;

  ok = assay_store_save (self, level, error);
  for (guint i = 0; ok && i < criteria->len; i++)
    {
      g_autoptr(AssayRubricCell) cell =
        assay_rubric_cell_new (assay_record_get_id (g_ptr_array_index (criteria, i)),
                               assay_record_get_id (ASSAY_RECORD (level)), NULL);
      ok = assay_store_save (self, cell, error);
    }

  if (!finish (self, own, ok, error))
    return NULL;

  return g_steal_pointer (&level);
}

/**
 * assay_store_get_cell:
 *
 * Returns: (transfer full) (nullable): the descriptor cell where a
 *   criterion's row meets a level's column
 */
AssayRubricCell *
assay_store_get_cell (AssayStore      *self,
                      AssayCriterion  *criterion,
                      AssayLevel      *level,
                      GError         **error)
{
  g_autoptr(GPtrArray) cells = assay_store_query (self, ASSAY_TYPE_RUBRIC_CELL, "criterion_id",
                                                  assay_record_get_id (ASSAY_RECORD (criterion)), NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      AssayRubricCell *cell = g_ptr_array_index (cells, i);

      if (g_strcmp0 (assay_rubric_cell_get_level_id (cell), assay_record_get_id (ASSAY_RECORD (level))) == 0)
        return g_object_ref (cell);
    }

  g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND,
               _("The rubric has no descriptor for “%s” at “%s”"),
               assay_criterion_get_title (criterion), assay_level_get_name (level));
  return NULL;
}

/**
 * assay_store_move:
 * @siblings: a live list ordered by position, e.g. a rubric's criteria
 *
 * Moves the row at @from to @to and renumbers the rest, in one transaction.
 */
gboolean
assay_store_move (AssayStore  *self,
                  GListModel  *siblings,
                  guint        from,
                  guint        to,
                  GError     **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (siblings);
  gpointer moved;
  gboolean own;
  gboolean ok = TRUE;

  g_return_val_if_fail (from < n && to < n, FALSE);

  if (from == to)
    return TRUE;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_list_model_get_item (siblings, i));
  moved = g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, moved);

  if (!start (self, &own, error))
    return FALSE;

  for (guint i = 0; ok && i < order->len; i++)
    {
      g_object_set (g_ptr_array_index (order, i), "position", (gint64) i, NULL);
      ok = assay_store_save (self, g_ptr_array_index (order, i), error);
    }

  return finish (self, own, ok, error);
}
