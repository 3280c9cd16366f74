/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-store-credentials.h"
#include "assay-store-packets.h"

/* What Assay already knows about an indicator from the credential itself:
 * its rubric, hours, resources, publication and assessor panel. The
 * answers are computed each time from the rows, so they follow every edit. */

void
assay_derived_answer_free (AssayDerivedAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->explanation);
  g_free (answer);
}

static AssayDerivedAnswer *
answer (AssayDerivedState  state,
        const char        *link,
        char              *explanation)
{
  AssayDerivedAnswer *result = g_new0 (AssayDerivedAnswer, 1);

  result->state = state;
  result->link = link;
  result->explanation = explanation;
  return result;
}

typedef struct
{
  guint n_criteria;
  guint n_levels;
  guint n_cells;
  guint n_described;
  gboolean reflection;
  gboolean past;
  gboolean future;
} RubricFacts;

static gboolean
mentions (const char *text,
          const char *word)
{
  g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, word) != NULL;
}

static void
read_rubric (AssayStore      *store,
             AssayCredential *credential,
             RubricFacts     *facts)
{
  g_autoptr(AssayRubric) rubric = assay_store_get_rubric (store, credential, NULL);
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  const char *rubric_id;

  memset (facts, 0, sizeof *facts);
  if (rubric == NULL)
    return;
  rubric_id = assay_record_get_id (ASSAY_RECORD (rubric));
  criteria = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id", rubric_id, "position");
  levels = assay_store_query (store, ASSAY_TYPE_LEVEL, "rubric_id", rubric_id, "position");
  facts->n_criteria = criteria->len;
  facts->n_levels = levels->len;
  for (guint i = 0; i < criteria->len; i++)
    {
      AssayCriterion *criterion = g_ptr_array_index (criteria, i);
      g_autoptr(GPtrArray) cells = assay_store_query (store, ASSAY_TYPE_RUBRIC_CELL, "criterion_id",
                                                      assay_record_get_id (ASSAY_RECORD (criterion)), NULL);
      const char *title = assay_criterion_get_title (criterion);
      const char *description = assay_criterion_get_description (criterion);

      if (mentions (title, "reflect") || mentions (description, "reflect"))
        {
          facts->reflection = TRUE;
          facts->past |= mentions (title, "past") || mentions (description, "past");
          facts->future |= mentions (title, "future") || mentions (description, "future")
                           || mentions (description, "next");
        }
      for (guint c = 0; c < cells->len; c++)
        {
          const char *descriptor = assay_rubric_cell_get_descriptor (g_ptr_array_index (cells, c));

          facts->n_cells++;
          facts->n_described += descriptor != NULL && *descriptor != '\0';
        }
    }
}

static guint
qualified_assessors (AssayStore      *store,
                     AssayCredential *credential)
{
  g_autoptr(GPtrArray) qualifications = assay_store_query (store, ASSAY_TYPE_QUALIFICATION, NULL, NULL, NULL);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < qualifications->len; i++)
    {
      AssayQualification *qualification = g_ptr_array_index (qualifications, i);
      const char *lineage = assay_qualification_get_credential_lineage_id (qualification);
      const char *area = assay_qualification_get_competency_area (qualification);
      g_autoptr(AssayPerson) person = assay_store_lookup (store, ASSAY_TYPE_PERSON,
                                                          assay_qualification_get_person_id (qualification), NULL);

      if (person == NULL || !(assay_person_get_roles (person) & ASSAY_PERSON_ROLE_ASSESSOR))
        continue;
      if (g_strcmp0 (lineage, assay_credential_get_lineage_id (credential)) == 0
          || (area != NULL && g_strcmp0 (area, assay_credential_get_competency_area (credential)) == 0))
        g_hash_table_add (people, g_strdup (assay_qualification_get_person_id (qualification)));
    }
  return g_hash_table_size (people);
}

static GDateTime *
first_submission (AssayStore      *store,
                  AssayCredential *credential)
{
  g_autoptr(GPtrArray) submissions = assay_store_query (store, ASSAY_TYPE_SUBMISSION, "credential_id",
                                                        assay_record_get_id (ASSAY_RECORD (credential)), "received_at");

  return submissions->len > 0 ? g_date_time_ref (assay_submission_get_received_at (g_ptr_array_index (submissions, 0)))
                              : NULL;
}

static char *
standards_resources (AssayStore      *store,
                     AssayCredential *credential)
{
  g_autoptr(GPtrArray) resources = assay_store_query (store, ASSAY_TYPE_RESOURCE, "credential_id",
                                                      assay_record_get_id (ASSAY_RECORD (credential)), "position");
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < resources->len; i++)
    {
      AssayResource *resource = g_ptr_array_index (resources, i);

      if (mentions (assay_resource_get_title (resource), "standard")
          || mentions (assay_resource_get_notes (resource), "standard"))
        g_ptr_array_add (titles, (gpointer) assay_resource_get_title (resource));
    }
  if (titles->len == 0)
    return NULL;
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("; ", (char **) titles->pdata);
}

/* The ISBE rubric's indicators, and the CCSSO principles, Assay can speak to. */
static AssayDerivedAnswer *
derive (AssayStore      *store,
        AssayCredential *credential,
        const char      *key)
{
  RubricFacts facts;
  double hours = assay_credential_get_sync_hours (credential) + assay_credential_get_async_hours (credential);

  if (g_str_equal (key, "1.3") || g_str_equal (key, "3.3a") || g_str_equal (key, "H") || g_str_equal (key, "L"))
    {
      read_rubric (store, credential, &facts);
      if (facts.n_criteria == 0 || facts.n_levels < 2)
        return answer (ASSAY_DERIVED_NOT_MET, "rubric",
                       g_strdup (_("The credential’s rubric has no criteria, or fewer than two performance levels.")));
      if (facts.n_described < facts.n_criteria * facts.n_levels)
        return answer (ASSAY_DERIVED_NOT_MET, "rubric",
                       g_strdup_printf (_("The rubric has %u criteria on %u levels, but %u of its %u cells have no descriptor."),
                                        facts.n_criteria, facts.n_levels,
                                        facts.n_criteria * facts.n_levels - facts.n_described,
                                        facts.n_criteria * facts.n_levels));
      if (g_str_equal (key, "1.3") && hours <= 0)
        return answer (ASSAY_DERIVED_NOT_MET, "credential",
                       g_strdup_printf (_("The rubric has %u criteria on %u levels, each described, but no estimated hours give a timeline."),
                                        facts.n_criteria, facts.n_levels));
      return answer (ASSAY_DERIVED_MET, "rubric",
                     g_strdup_printf (_("The credential’s rubric has %u criteria on %u levels, every cell described."),
                                      facts.n_criteria, facts.n_levels));
    }

  if (g_str_equal (key, "1.5"))
    {
      if (hours <= 0)
        return answer (ASSAY_DERIVED_NOT_MET, "credential",
                       g_strdup (_("No estimated hours are set for the credential.")));
      return answer (ASSAY_DERIVED_MET, "credential",
                     g_strdup_printf (_("Estimated %.0f hours (%.0f synchronous, %.0f asynchronous), worth %.0f PD hours."),
                                      hours, assay_credential_get_sync_hours (credential),
                                      assay_credential_get_async_hours (credential),
                                      assay_credential_get_pd_hours (credential)));
    }

  if (g_str_equal (key, "1.4a") || g_str_equal (key, "1.4b") || g_str_equal (key, "G"))
    {
      gboolean future = g_str_equal (key, "1.4b");

      read_rubric (store, credential, &facts);
      if (!facts.reflection)
        return answer (ASSAY_DERIVED_NOT_MET, "rubric", g_strdup (_("No rubric criterion asks for a reflection.")));
      if (g_str_equal (key, "G") || (future ? facts.future : facts.past))
        return answer (ASSAY_DERIVED_MET, "rubric",
                       g_strdup (future ? _("A rubric criterion asks for reflection on future practice.")
                                        : _("A rubric criterion asks for reflection on practice.")));
      return answer (ASSAY_DERIVED_UNKNOWN, "rubric",
                     g_strdup (future ? _("A rubric criterion asks for a reflection, but does not say it looks to future practice.")
                                      : _("A rubric criterion asks for a reflection, but does not say it looks at past practice.")));
    }

  if (g_str_equal (key, "3.2b"))
    {
      gint64 required = assay_credential_get_required_reviews (credential);

      return answer (required >= 2 ? ASSAY_DERIVED_MET : ASSAY_DERIVED_NOT_MET, "credential",
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Each submission needs %d independent review.",
                                                   "Each submission needs %d independent reviews.", (gulong) required),
                                      (int) required));
    }

  if (g_str_equal (key, "3.2c") || g_str_equal (key, "N"))
    {
      guint qualified = qualified_assessors (store, credential);
      gint64 required = assay_credential_get_required_reviews (credential);

      return answer (qualified >= (guint) MAX (required, 2) ? ASSAY_DERIVED_MET : ASSAY_DERIVED_NOT_MET, "assessors",
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assessor is qualified for this credential or its competency area.",
                                                   "%u assessors are qualified for this credential or its competency area.", qualified),
                                      qualified));
    }

  if (g_str_equal (key, "3.3b"))
    {
      GDateTime *published = assay_credential_get_published_at (credential);
      g_autoptr(GDateTime) first = first_submission (store, credential);

      if (assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_DRAFT || published == NULL)
        return answer (ASSAY_DERIVED_NOT_MET, "credential",
                       g_strdup (_("The credential is a draft: its rubric is published to earners when the credential is.")));
      if (first != NULL && g_date_time_compare (first, published) < 0)
        return answer (ASSAY_DERIVED_NOT_MET, "credential",
                       g_strdup (_("A submission was received before the credential and its rubric were published.")));
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (published);
        g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

        return answer (ASSAY_DERIVED_MET, "credential",
                       g_strdup_printf (_("The rubric was published with the credential on %s, before any submission."), day));
      }
    }

  if (g_str_equal (key, "2.1") || g_str_equal (key, "2.2"))
    {
      g_autofree char *standards = standards_resources (store, credential);

      if (standards == NULL)
        return answer (ASSAY_DERIVED_UNKNOWN, "resources",
                       g_strdup (_("No resource of the credential names the standards it aligns to.")));
      return answer (ASSAY_DERIVED_MET, "resources",
                     g_strdup_printf (_("Standards named in the credential’s resources: %s."), standards));
    }

  return NULL;
}

/**
 * assay_store_packet_derive:
 *
 * Returns: (transfer full) (nullable): what the credential's own data says
 *   about @indicator_id, or NULL where Assay cannot tell
 */
AssayDerivedAnswer *
assay_store_packet_derive (AssayStore      *self,
                           AssayCredential *credential,
                           const char      *framework_id,
                           const char      *indicator_id)
{
  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (credential), NULL);

  if (g_strcmp0 (framework_id, "isbe-2023") == 0)
    return derive (self, credential, indicator_id);
  if (g_strcmp0 (framework_id, "ccsso-2020") == 0
      && (g_str_equal (indicator_id, "H") || g_str_equal (indicator_id, "L")
          || g_str_equal (indicator_id, "G") || g_str_equal (indicator_id, "N")))
    return derive (self, credential, indicator_id);
  return NULL;
}

/**
 * assay_store_packet_readiness:
 *
 * Returns: (transfer full) (element-type utf8): what is missing before the
 *   packet can go to the state, one line per problem, empty when ready
 */
GPtrArray *
assay_store_packet_readiness (AssayStore      *self,
                              AssayPacket     *packet,
                              AssayFramework  *framework,
                              AssayCredential *credential)
{
  g_autoptr(GPtrArray) items = assay_store_packet_items (self, packet, framework);
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < assay_framework_get_n_indicators (framework); i++)
    {
      const AssayFrameworkIndicator *indicator = assay_framework_get_indicator (framework, i);
      AssayPacketItem *item = NULL;
      g_autoptr(AssayDerivedAnswer) derived = NULL;
      const char *narrative;

      for (guint k = 0; k < items->len && item == NULL; k++)
        if (g_strcmp0 (assay_packet_item_get_indicator (g_ptr_array_index (items, k)), indicator->id) == 0)
          item = g_ptr_array_index (items, k);

      if (item == NULL || assay_packet_item_get_rating (item) == ASSAY_RATING_UNRATED)
        {
          g_ptr_array_add (missing, g_strdup_printf (_("%s: not rated yet"), indicator->id));
          continue;
        }
      if (assay_packet_item_get_rating (item) == ASSAY_RATING_NO && assay_framework_get_all_must_pass (framework))
        g_ptr_array_add (missing, g_strdup_printf (_("%s: rated No; every indicator must be Yes for approval"), indicator->id));
      narrative = assay_packet_item_get_narrative (item);
      if (narrative == NULL || *narrative == '\0')
        g_ptr_array_add (missing, g_strdup_printf (_("%s: no narrative"), indicator->id));
      derived = assay_store_packet_derive (self, credential, assay_framework_get_id (framework), indicator->id);
      if (derived != NULL && derived->state == ASSAY_DERIVED_NOT_MET
          && assay_packet_item_get_rating (item) == ASSAY_RATING_YES)
        g_ptr_array_add (missing, g_strdup_printf (_("%s: rated Yes, but %s"), indicator->id, derived->explanation));
    }
  return missing;
}
