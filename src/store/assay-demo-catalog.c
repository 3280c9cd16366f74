/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-demo-private.h"
#include "assay-store-credentials.h"

/* Credential keys are known before people, who may be qualified for one. */
gboolean
_assay_demo_assign_lineages (AssayDemoLoader  *loader,
                             JsonObject       *root,
                             GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (root, "credentials", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      JsonObject *item;
      const char *key;

      if (!_assay_demo_element_object (array, i, "credentials", &item, error) ||
          !_assay_demo_get_string (item, "key", TRUE, &key, error))
        return FALSE;
      if (g_hash_table_contains (loader->lineages, key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The demonstration data defines the credential “%s” twice"), key);
          return FALSE;
        }
      g_hash_table_insert (loader->lineages, g_strdup (key), assay_record_new_uuid ());
    }

  return TRUE;
}

static gboolean
load_resources (AssayDemoLoader  *loader,
                AssayCredential  *credential,
                JsonObject       *object,
                GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (object, "resources", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayResource) resource = NULL;
      JsonObject *item;
      const char *title, *url, *notes;
      int use, cost;

      if (!_assay_demo_element_object (array, i, "resources", &item, error) ||
          !_assay_demo_get_string (item, "title", TRUE, &title, error) ||
          !_assay_demo_get_string (item, "url", FALSE, &url, error) ||
          !_assay_demo_get_enum (item, "use", ASSAY_TYPE_RESOURCE_USE, ASSAY_RESOURCE_USE_SUGGESTED, &use, error) ||
          !_assay_demo_get_enum (item, "cost", ASSAY_TYPE_RESOURCE_COST, ASSAY_RESOURCE_COST_FREE, &cost, error) ||
          !_assay_demo_get_string (item, "notes", FALSE, &notes, error))
        return FALSE;

      resource = assay_resource_new (assay_record_get_id (ASSAY_RECORD (credential)), title);
      assay_resource_set_position (resource, i);
      assay_resource_set_url (resource, url);
      assay_resource_set_use (resource, use);
      assay_resource_set_cost (resource, cost);
      assay_resource_set_notes (resource, notes);
      if (!assay_store_save (loader->store, resource, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_levels (AssayDemoLoader  *loader,
             AssayRubric      *rubric,
             JsonArray        *array,
             GPtrArray        *levels,
             GError          **error)
{
  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      JsonObject *item;
      const char *name;
      gint64 points;
      AssayLevel *level;

      if (!_assay_demo_element_object (array, i, "levels", &item, error) ||
          !_assay_demo_get_string (item, "name", TRUE, &name, error) ||
          !_assay_demo_get_int (item, "points", i + 1, &points, error))
        return FALSE;

      level = assay_store_add_level (loader->store, rubric, name, points, error);
      if (level == NULL)
        return FALSE;
      g_ptr_array_add (levels, level);
    }

  return TRUE;
}

static gboolean
load_criteria (AssayDemoLoader  *loader,
               AssayRubric      *rubric,
               JsonArray        *array,
               GPtrArray        *levels,
               GError          **error)
{
  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayCriterion) criterion = NULL;
      JsonObject *item;
      JsonArray *descriptors;
      const char *title, *description;

      if (!_assay_demo_element_object (array, i, "criteria", &item, error) ||
          !_assay_demo_get_string (item, "title", TRUE, &title, error) ||
          !_assay_demo_get_string (item, "description", FALSE, &description, error) ||
          !_assay_demo_get_array (item, "descriptors", &descriptors, error))
        return FALSE;
      if (_assay_demo_array_length (descriptors) > levels->len)
        return _assay_demo_damaged (error, "descriptors");

      criterion = assay_store_add_criterion (loader->store, rubric, title, error);
      if (criterion == NULL)
        return FALSE;
      assay_criterion_set_description (criterion, description);
      if (!assay_store_save (loader->store, criterion, error))
        return FALSE;

      for (guint j = 0; j < _assay_demo_array_length (descriptors); j++)
        {
          g_autoptr(AssayRubricCell) cell = NULL;
          const char *text;

          if (!_assay_demo_element_string (descriptors, j, "descriptors", &text, error))
            return FALSE;
          cell = assay_store_get_cell (loader->store, criterion, g_ptr_array_index (levels, j), error);
          if (cell == NULL)
            return FALSE;
          assay_rubric_cell_set_descriptor (cell, text);
          if (!assay_store_save (loader->store, cell, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_rubric (AssayDemoLoader  *loader,
             AssayCredential  *credential,
             JsonObject       *object,
             GError          **error)
{
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AssayRubric) rubric = NULL;
  JsonObject *spec;
  JsonArray *level_array, *criterion_array;
  const char *rule_level;
  gint64 minimum_total;
  int rule;

  if (!_assay_demo_get_object (object, "rubric", &spec, error) ||
      !_assay_demo_get_array (spec, "levels", &level_array, error) ||
      !_assay_demo_get_array (spec, "criteria", &criterion_array, error) ||
      !_assay_demo_get_enum (spec, "rule", ASSAY_TYPE_DECISION_RULE, ASSAY_DECISION_RULE_ALL_AT_LEVEL, &rule, error) ||
      !_assay_demo_get_string (spec, "rule_level", FALSE, &rule_level, error) ||
      !_assay_demo_get_int (spec, "minimum_total", 0, &minimum_total, error))
    return FALSE;

  rubric = assay_rubric_new (assay_record_get_id (ASSAY_RECORD (credential)));
  if (!assay_store_save (loader->store, rubric, error) ||
      !load_levels (loader, rubric, level_array, levels, error) ||
      !load_criteria (loader, rubric, criterion_array, levels, error))
    return FALSE;

  assay_rubric_set_rule (rubric, rule);
  assay_rubric_set_minimum_total (rubric, MAX (minimum_total, 0));
  if (rule_level != NULL)
    {
      guint i;

      for (i = 0; i < levels->len; i++)
        if (g_strcmp0 (assay_level_get_name (g_ptr_array_index (levels, i)), rule_level) == 0)
          break;
      if (i == levels->len)
        return _assay_demo_unknown_reference (error, rule_level);
      assay_rubric_set_rule_level_id (rubric, assay_record_get_id (g_ptr_array_index (levels, i)));
    }

  return assay_store_save (loader->store, rubric, error);
}

static gboolean
load_credential (AssayDemoLoader  *loader,
                 JsonObject       *item,
                 GError          **error)
{
  g_autoptr(AssayCredential) credential = NULL;
  const char *key, *title, *description, *area, *competency, *key_method, *rationale;
  const char *benefit, *guidelines, *developer, *issuer;
  double sync_hours, async_hours, pd_hours;
  gint64 reviews;
  int status;

  if (!_assay_demo_get_string (item, "key", TRUE, &key, error) ||
      !_assay_demo_get_string (item, "title", TRUE, &title, error) ||
      !_assay_demo_get_string (item, "description", FALSE, &description, error) ||
      !_assay_demo_get_string (item, "competency_area", FALSE, &area, error) ||
      !_assay_demo_get_string (item, "competency", FALSE, &competency, error) ||
      !_assay_demo_get_string (item, "key_method", FALSE, &key_method, error) ||
      !_assay_demo_get_string (item, "research_rationale", FALSE, &rationale, error) ||
      !_assay_demo_get_string (item, "evidence_of_benefit", FALSE, &benefit, error) ||
      !_assay_demo_get_string (item, "submission_guidelines", FALSE, &guidelines, error) ||
      !_assay_demo_get_number (item, "sync_hours", 0, &sync_hours, error) ||
      !_assay_demo_get_number (item, "async_hours", 0, &async_hours, error) ||
      !_assay_demo_get_number (item, "pd_hours", 0, &pd_hours, error) ||
      !_assay_demo_get_string (item, "developer", FALSE, &developer, error) ||
      !_assay_demo_get_string (item, "issuer", FALSE, &issuer, error) ||
      !_assay_demo_get_int (item, "required_reviews", 2, &reviews, error) ||
      !_assay_demo_get_enum (item, "status", ASSAY_TYPE_CREDENTIAL_STATUS, ASSAY_CREDENTIAL_STATUS_DRAFT, &status, error))
    return FALSE;

  credential = assay_credential_new (title);
  assay_credential_set_lineage_id (credential, g_hash_table_lookup (loader->lineages, key));
  assay_credential_set_description (credential, description);
  assay_credential_set_competency_area (credential, area);
  assay_credential_set_competency (credential, competency);
  assay_credential_set_key_method (credential, key_method);
  assay_credential_set_research_rationale (credential, rationale);
  assay_credential_set_evidence_of_benefit (credential, benefit);
  assay_credential_set_submission_guidelines (credential, guidelines);
  assay_credential_set_sync_hours (credential, sync_hours);
  assay_credential_set_async_hours (credential, async_hours);
  assay_credential_set_pd_hours (credential, pd_hours);
  assay_credential_set_developer (credential, developer);
  assay_credential_set_issuer (credential, issuer);
  assay_credential_set_required_reviews (credential, reviews);

  if (!assay_store_save (loader->store, credential, error) ||
      !load_resources (loader, credential, item, error) ||
      !load_rubric (loader, credential, item, error))
    return FALSE;

  /* A retired credential was published first. */
  if (status != ASSAY_CREDENTIAL_STATUS_DRAFT &&
      !_assay_demo_set_status (loader->store, credential, ASSAY_CREDENTIAL_STATUS_PUBLISHED, loader->actor_id, error))
    return FALSE;
  if (status == ASSAY_CREDENTIAL_STATUS_RETIRED &&
      !_assay_demo_set_status (loader->store, credential, ASSAY_CREDENTIAL_STATUS_RETIRED, loader->actor_id, error))
    return FALSE;

  g_hash_table_insert (loader->credentials, g_strdup (key), g_steal_pointer (&credential));
  return TRUE;
}

gboolean
_assay_demo_load_credentials (AssayDemoLoader  *loader,
                              JsonObject       *root,
                              GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (root, "credentials", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      JsonObject *item;

      if (!_assay_demo_element_object (array, i, "credentials", &item, error) ||
          !load_credential (loader, item, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_assay_demo_load_stacks (AssayDemoLoader  *loader,
                         JsonObject       *root,
                         GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (root, "stacks", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayStack) stack = NULL;
      JsonObject *item;
      JsonArray *members;
      const char *title, *description;
      gboolean ordered;

      if (!_assay_demo_element_object (array, i, "stacks", &item, error) ||
          !_assay_demo_get_string (item, "title", TRUE, &title, error) ||
          !_assay_demo_get_string (item, "description", FALSE, &description, error) ||
          !_assay_demo_get_boolean (item, "ordered", &ordered, error) ||
          !_assay_demo_get_array (item, "members", &members, error))
        return FALSE;

      stack = assay_stack_new (title);
      assay_stack_set_description (stack, description);
      assay_stack_set_ordered (stack, ordered);
      if (!assay_store_save (loader->store, stack, error))
        return FALSE;

      for (guint j = 0; j < _assay_demo_array_length (members); j++)
        {
          g_autoptr(AssayStackMember) member = NULL;
          const char *key, *lineage;

          if (!_assay_demo_element_string (members, j, "members", &key, error))
            return FALSE;
          lineage = g_hash_table_lookup (loader->lineages, key);
          if (lineage == NULL)
            return _assay_demo_unknown_reference (error, key);

          member = assay_stack_member_new (assay_record_get_id (ASSAY_RECORD (stack)), lineage);
          assay_stack_member_set_position (member, j);
          if (!assay_store_save (loader->store, member, error))
            return FALSE;
        }
    }

  return TRUE;
}
