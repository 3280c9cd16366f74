/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-packet-clock.h"
#include "assay-store-packets.h"

/* The approval packet of a credential against a framework: one row per
 * round (a resubmission after feedback is a new round; earlier rounds stay
 * as they were), one item per indicator with its rating, narrative and
 * attached documents (blobs, like evidence). */

#define MAX_DOCUMENT_BYTES (512 * 1024 * 1024)

void
assay_packet_document_free (AssayPacketDocument *document)
{
  g_free (document->sha256);
  g_free (document->name);
  g_free (document);
}

/**
 * assay_packet_item_dup_documents:
 *
 * Returns: (transfer full) (element-type AssayPacketDocument): the item's documents
 */
GPtrArray *
assay_packet_item_dup_documents (AssayPacketItem *item)
{
  const char * const *entries = assay_packet_item_get_documents (item);
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) assay_packet_document_free);

  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      AssayPacketDocument *document;

      if (strlen (entries[i]) < 66 || entries[i][64] != ' ')
        continue;
      document = g_new0 (AssayPacketDocument, 1);
      document->sha256 = g_strndup (entries[i], 64);
      document->name = g_strdup (entries[i] + 65);
      g_ptr_array_add (documents, document);
    }
  return documents;
}

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
 * assay_store_packet_rounds:
 *
 * Returns: (transfer full) (element-type AssayPacket): every round, first first
 */
GPtrArray *
assay_store_packet_rounds (AssayStore *self,
                           const char *credential_id,
                           const char *framework_id)
{
  g_autoptr(GPtrArray) all = assay_store_query (self, ASSAY_TYPE_PACKET, "credential_id", credential_id, "round");
  GPtrArray *rounds = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      AssayPacket *packet = g_ptr_array_index (all, i);

      if (g_strcmp0 (assay_packet_get_framework_id (packet), framework_id) == 0)
        g_ptr_array_add (rounds, g_object_ref (packet));
    }
  return rounds;
}

/**
 * assay_store_packet_current:
 *
 * Returns: (transfer full) (nullable): the latest round
 */
AssayPacket *
assay_store_packet_current (AssayStore *self,
                            const char *credential_id,
                            const char *framework_id)
{
  g_autoptr(GPtrArray) rounds = assay_store_packet_rounds (self, credential_id, framework_id);

  return rounds->len > 0 ? g_object_ref (g_ptr_array_index (rounds, rounds->len - 1)) : NULL;
}

static gboolean
add_missing_items (AssayStore      *self,
                   AssayPacket     *packet,
                   AssayFramework  *framework,
                   GError         **error)
{
  g_autoptr(GPtrArray) items = assay_store_query (self, ASSAY_TYPE_PACKET_ITEM, "packet_id",
                                                  assay_record_get_id (ASSAY_RECORD (packet)), NULL);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (present, (gpointer) assay_packet_item_get_indicator (g_ptr_array_index (items, i)));

  for (guint i = 0; i < assay_framework_get_n_indicators (framework); i++)
    {
      const AssayFrameworkIndicator *indicator = assay_framework_get_indicator (framework, i);
      g_autoptr(AssayPacketItem) item = NULL;

      if (g_hash_table_contains (present, indicator->id))
        continue;
      item = assay_packet_item_new (assay_record_get_id (ASSAY_RECORD (packet)), indicator->id);
      if (!assay_store_save (self, item, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_packet_ensure:
 *
 * The latest round of @credential's packet for @framework, made with an
 * unrated item per indicator when there is none yet. Indicators a newer
 * framework file adds get items too.
 *
 * Returns: (transfer full): the packet
 */
AssayPacket *
assay_store_packet_ensure (AssayStore      *self,
                           AssayCredential *credential,
                           AssayFramework  *framework,
                           GError         **error)
{
  g_autoptr(AssayPacket) packet = NULL;
  gboolean own;

  g_return_val_if_fail (ASSAY_IS_STORE (self), NULL);
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL (credential), NULL);

  packet = assay_store_packet_current (self, assay_record_get_id (ASSAY_RECORD (credential)),
                                       assay_framework_get_id (framework));
  if (!start (self, &own, error))
    return NULL;
  if (packet == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      packet = assay_packet_new (assay_record_get_id (ASSAY_RECORD (credential)), assay_framework_get_id (framework));
      assay_packet_set_created_at (packet, now);
      if (!assay_store_save (self, packet, error))
        {
          finish (self, own, FALSE, NULL);
          return NULL;
        }
    }
  if (!finish (self, own, add_missing_items (self, packet, framework, error), error))
    return NULL;
  return g_steal_pointer (&packet);
}

/**
 * assay_store_packet_items:
 * @framework: (nullable): to order the items as the framework lists them
 *
 * Returns: (transfer full) (element-type AssayPacketItem): the items
 */
GPtrArray *
assay_store_packet_items (AssayStore     *self,
                          AssayPacket    *packet,
                          AssayFramework *framework)
{
  GPtrArray *items = assay_store_query (self, ASSAY_TYPE_PACKET_ITEM, "packet_id",
                                        assay_record_get_id (ASSAY_RECORD (packet)), "indicator");
  g_autoptr(GPtrArray) ordered = NULL;

  if (framework == NULL)
    return items;

  ordered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < assay_framework_get_n_indicators (framework); i++)
    {
      const char *id = assay_framework_get_indicator (framework, i)->id;

      for (guint k = 0; k < items->len; k++)
        if (g_strcmp0 (assay_packet_item_get_indicator (g_ptr_array_index (items, k)), id) == 0)
          g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (items, k)));
    }
  g_ptr_array_unref (items);
  return g_steal_pointer (&ordered);
}

static gboolean
check_editable (AssayStore   *self,
                const char   *packet_id,
                GError      **error)
{
  g_autoptr(AssayPacket) packet = assay_store_lookup (self, ASSAY_TYPE_PACKET, packet_id, NULL);

  if (packet != NULL && assay_packet_get_outcome (packet) != ASSAY_PACKET_OUTCOME_DRAFT)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN,
                   _("Round %d of this packet was sent to the state and can no longer change; start a new round to revise it"),
                   (int) assay_packet_get_round (packet));
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_packet_rate:
 * @narrative: (nullable): the text that justifies the rating
 */
gboolean
assay_store_packet_rate (AssayStore       *self,
                         AssayPacketItem  *item,
                         AssayRating       rating,
                         const char       *narrative,
                         GError          **error)
{
  if (!check_editable (self, assay_packet_item_get_packet_id (item), error))
    return FALSE;
  assay_packet_item_set_rating (item, rating);
  assay_packet_item_set_narrative (item, narrative);
  if (!assay_store_save (self, item, error))
    {
      assay_store_revert (self, item);
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_packet_attach:
 *
 * Keeps a copy of @file in the workspace and lists it under @item. A file
 * that cannot be read, or a failed save, leaves nothing behind.
 */
gboolean
assay_store_packet_attach (AssayStore       *self,
                           AssayPacketItem  *item,
                           GFile            *file,
                           GError          **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *entry = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) documents = NULL;
  const char * const *old = assay_packet_item_get_documents (item);
  gboolean created = FALSE;

  if (!check_editable (self, assay_packet_item_get_packet_id (item), error))
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || g_file_info_get_size (info) > MAX_DOCUMENT_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a file that can be attached (a regular file of at most 512 MB)"),
                   g_file_info_get_display_name (info));
      return FALSE;
    }
  /* The name is shown and used in the zip: no path, no control characters. */
  name = g_strdelimit (g_strdup (g_file_info_get_display_name (info)), "/\\\n\r\t", '_');

  if ((input = g_file_read (file, NULL, error)) == NULL)
    return FALSE;
  sha256 = assay_blob_store_write (assay_store_get_blobs (self), G_INPUT_STREAM (input), &created, NULL, error);
  if (sha256 == NULL)
    return FALSE;

  entry = g_strdup_printf ("%s %s", sha256, name);
  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    if (g_strcmp0 (old[i], entry) != 0)
      g_strv_builder_add (builder, old[i]);
  g_strv_builder_add (builder, entry);
  documents = g_strv_builder_end (builder);
  assay_packet_item_set_documents (item, (const char * const *) documents);
  if (!assay_store_save (self, item, error))
    {
      assay_store_revert (self, item);
      if (created)
        assay_blob_store_remove (assay_store_get_blobs (self), sha256, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_packet_submit:
 * @submitted_on: "YYYY-MM-DD", the day the state received it
 *
 * Records the packet as sent: it is due back @review_days calendar days
 * later, and no longer changes.
 */
gboolean
assay_store_packet_submit (AssayStore   *self,
                           AssayPacket  *packet,
                           const char   *submitted_on,
                           int           review_days,
                           GError      **error)
{
  g_autofree char *due = assay_packet_clock_due_on (submitted_on, review_days);

  if (due == NULL)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT,
                   _("“%s” is not a real day (YYYY-MM-DD)"), submitted_on ? submitted_on : "");
      return FALSE;
    }
  assay_packet_set_submitted_on (packet, submitted_on);
  assay_packet_set_due_on (packet, due);
  assay_packet_set_outcome (packet, ASSAY_PACKET_OUTCOME_SUBMITTED);
  if (!assay_store_save (self, packet, error))
    {
      assay_store_revert (self, packet);
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_packet_record_outcome:
 * @feedback: (nullable): the state's feedback, as a JSON object
 *   {"general": text, "indicators": {id: text}} or plain text
 */
gboolean
assay_store_packet_record_outcome (AssayStore          *self,
                                   AssayPacket         *packet,
                                   AssayPacketOutcome   outcome,
                                   const char          *feedback,
                                   GError             **error)
{
  if (assay_packet_get_outcome (packet) != ASSAY_PACKET_OUTCOME_SUBMITTED
      || (outcome != ASSAY_PACKET_OUTCOME_APPROVED && outcome != ASSAY_PACKET_OUTCOME_RETURNED))
    {
      g_set_error_literal (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT,
                           _("Only a packet sent to the state can be approved or returned"));
      return FALSE;
    }
  assay_packet_set_outcome (packet, outcome);
  assay_packet_set_feedback (packet, feedback);
  if (!assay_store_save (self, packet, error))
    {
      assay_store_revert (self, packet);
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_packet_start_round:
 *
 * After the state returned @packet with feedback: a new round, a draft
 * again, starting from this round's ratings, narratives and documents.
 * The returned round stays as it was, to be read.
 *
 * Returns: (transfer full): the new round
 */
AssayPacket *
assay_store_packet_start_round (AssayStore   *self,
                                AssayPacket  *packet,
                                GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(AssayPacket) next = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean own, ok = TRUE;

  if (assay_packet_get_outcome (packet) != ASSAY_PACKET_OUTCOME_RETURNED)
    {
      g_set_error_literal (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT,
                           _("A new round starts only after the state returned the packet with feedback"));
      return NULL;
    }
  if (!start (self, &own, error))
    return NULL;

  next = assay_packet_new (assay_packet_get_credential_id (packet), assay_packet_get_framework_id (packet));
  assay_packet_set_round (next, assay_packet_get_round (packet) + 1);
  assay_packet_set_created_at (next, now);
  ok = assay_store_save (self, next, error);

  items = assay_store_query (self, ASSAY_TYPE_PACKET_ITEM, "packet_id", assay_record_get_id (ASSAY_RECORD (packet)), NULL);
  for (guint i = 0; ok && i < items->len; i++)
    {
      AssayPacketItem *old = g_ptr_array_index (items, i);
      g_autoptr(AssayPacketItem) copy = assay_packet_item_new (assay_record_get_id (ASSAY_RECORD (next)),
                                                               assay_packet_item_get_indicator (old));

      assay_packet_item_set_rating (copy, assay_packet_item_get_rating (old));
      assay_packet_item_set_narrative (copy, assay_packet_item_get_narrative (old));
      assay_packet_item_set_documents (copy, assay_packet_item_get_documents (old));
      ok = assay_store_save (self, copy, error);
    }

  if (!finish (self, own, ok, error))
    return NULL;
  return g_steal_pointer (&next);
}
