/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include "assay-demo-private.h"
#include "assay-store-packets.h"

/* Approval packets for the demonstration: one credential approved by the
 * state, one returned with feedback and revised in a second round, so that
 * the catalog's approval column, the review clock and the rounds have
 * something to show. */

static const struct {
  const char *indicator;
  const char *narrative;
} answers[] = {
  { "1.1a", "Each activity names the Illinois Professional Teaching Standards and the Illinois Learning Standards it serves; the syllabus maps them week by week." },
  { "1.1b", "All evidence comes from the educator's own classroom: a lesson plan, a recorded lesson and student work from the same unit." },
  { "1.1c", "Two asynchronous modules (readings, an exemplar video, a discussion board) with posting expectations are listed in the syllabus." },
  { "1.2", "A named facilitator answers questions within two school days; office hours are posted, and the course page lists how to reach them." },
  { "1.3", "The rubric is published with the credential, with four levels per criterion and the submission deadline six to eight weeks after enrollment." },
  { "1.4a", "The written reflection asks the educator to analyse a past lesson in light of the evidence." },
  { "1.4b", "The same reflection sets a measurable goal for the next semester, with a timeline and a first step." },
  { "1.5", "Ten hours over six to eight weeks, scheduled around the school calendar; PD credit is awarded when the badge is issued." },
  { "2.1", "Aligned to the Illinois Professional Teaching Standards 2 (Content Knowledge) and 7 (Assessment)." },
  { "2.2", "Supports the Illinois Learning Standards of the educator's content area, named in the lesson plan." },
  { "3.1", "Evidence is job-embedded: a lesson plan, a recorded lesson, student work and a reflection." },
  { "3.2a", "Six trained assessors can review forty submissions in each two-week cycle." },
  { "3.2b", "Each submission is scored independently by two assessors; disagreements go to the lead assessor." },
  { "3.2c", "Assessors hold the credential's competency area and complete calibration on scored exemplars each year." },
  { "3.3a", "Every criterion describes four levels of performance in observable terms." },
  { "3.3b", "The rubric is on the public course page before enrollment opens." },
  { "3.4", "After each cycle staff review agreement between assessors and earners' feedback, and revise the course." },
};

static gboolean
fill (AssayStore      *store,
      AssayPacket     *packet,
      AssayFramework  *framework,
      guint            n,
      GError         **error)
{
  g_autoptr(GPtrArray) items = assay_store_packet_items (store, packet, framework);

  for (guint i = 0; i < items->len; i++)
    {
      AssayPacketItem *item = g_ptr_array_index (items, i);

      for (guint a = 0; a < MIN (n, G_N_ELEMENTS (answers)); a++)
        if (g_str_equal (assay_packet_item_get_indicator (item), answers[a].indicator)
            && !assay_store_packet_rate (store, item, ASSAY_RATING_YES, answers[a].narrative, error))
          return FALSE;
    }
  return TRUE;
}

gboolean
_assay_demo_load_packets (AssayDemoLoader  *loader,
                          GError          **error)
{
  g_autoptr(AssayFramework) framework = assay_frameworks_lookup ("isbe-2023", error);
  g_autoptr(GList) keys = NULL;
  guint made = 0;

  if (framework == NULL)
    return FALSE;

  keys = g_list_sort (g_hash_table_get_keys (loader->credentials), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL && made < 2; l = l->next)
    {
      AssayCredential *credential = g_hash_table_lookup (loader->credentials, l->data);
      g_autoptr(AssayPacket) packet = NULL;

      if (assay_credential_get_status (credential) != ASSAY_CREDENTIAL_STATUS_PUBLISHED)
        continue;
      if ((packet = assay_store_packet_ensure (loader->store, credential, framework, error)) == NULL
          || !fill (loader->store, packet, framework, made == 0 ? G_N_ELEMENTS (answers) : 11, error)
          || !assay_store_packet_submit (loader->store, packet, made == 0 ? "2026-01-12" : "2026-02-02", 45, error))
        return FALSE;

      if (made == 0)
        {
          if (!assay_store_packet_record_outcome (loader->store, packet, ASSAY_PACKET_OUTCOME_APPROVED,
                                                  "{\"general\": \"Approved. The course may be offered.\"}", error))
            return FALSE;
        }
      else
        {
          g_autoptr(AssayPacket) next = NULL;

          if (!assay_store_packet_record_outcome (loader->store, packet, ASSAY_PACKET_OUTCOME_RETURNED,
                                                  "{\"general\": \"Please describe evaluator capacity and the review plan.\", "
                                                  "\"indicators\": {\"3.2a\": \"How many evaluators, for how many submissions?\", "
                                                  "\"3.2d\": \"Describe the review of all educators after each cycle.\"}}", error)
              || (next = assay_store_packet_start_round (loader->store, packet, error)) == NULL
              || !fill (loader->store, next, framework, 13, error))
            return FALSE;
        }
      made++;
    }
  return TRUE;
}
