/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-cli-private.h"
#include "assay-record-codec.h"
#include "assay-store-credentials.h"

/* What `list` and `show` print about a row: all its columns as the store
 * keeps them (assay_record_to_json()), plus what a reader would otherwise
 * have to look up by hand: titles and e-mail addresses for ids, counts,
 * and for `show` the rows that belong to it.
 */

static void
set_text (JsonObject *object,
          const char *member,
          const char *text)
{
  if (text != NULL)
    json_object_set_string_member (object, member, text);
  else
    json_object_set_null_member (object, member);
}

static JsonObject *
record_object (AssayRecord *record)
{
  g_autoptr(JsonNode) node = assay_record_to_json (record);

  return json_node_dup_object (node);
}

/* A property of the row @id of @type, looked up once per command. */
static const char *
cached_text (AssayStore *store,
             GHashTable *cache,
             GType       type,
             const char *id,
             const char *property)
{
  g_autofree char *key = NULL;
  g_autoptr(AssayRecord) record = NULL;
  gpointer text = NULL;

  if (id == NULL)
    return NULL;

  key = g_strconcat (g_type_name (type), ":", property, ":", id, NULL);
  if (g_hash_table_lookup_extended (cache, key, NULL, &text))
    return text;

  record = assay_store_lookup (store, type, id, NULL);
  if (record != NULL)
    g_object_get (record, property, &text, NULL);
  g_hash_table_insert (cache, g_steal_pointer (&key), text);

  return text;
}

static GPtrArray *
children (AssayStore  *store,
          GType        type,
          const char  *column,
          AssayRecord *parent,
          const char  *sort_column)
{
  return assay_store_query (store, type, column, assay_record_get_id (parent), sort_column);
}

static JsonArray *
rows_to_array (GPtrArray *rows)
{
  JsonArray *array = json_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (array, record_object (g_ptr_array_index (rows, i)));

  return array;
}

/* The version a lineage is known by now: the newest that is not a draft,
 * else the draft. */
static AssayCredential *
current_version (AssayStore *store,
                 const char *lineage_id)
{
  g_autoptr(GPtrArray) versions = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, "lineage_id",
                                                     lineage_id, "version");
  AssayCredential *current = NULL;

  for (guint i = 0; i < versions->len; i++)
    {
      AssayCredential *version = g_ptr_array_index (versions, i);

      if (current == NULL || assay_credential_get_status (version) != ASSAY_CREDENTIAL_STATUS_DRAFT)
        current = version;
    }

  return current ? g_object_ref (current) : NULL;
}

/**
 * _assay_cli_describe:
 * @cache: a table the joins of one command share
 *
 * Returns: (transfer full): @record's columns and the joins `list` shows
 */
JsonObject *
_assay_cli_describe (AssayStore  *store,
                     AssayRecord *record,
                     GHashTable  *cache)
{
  JsonObject *object = record_object (record);

  if (ASSAY_IS_CREDENTIAL (record))
    {
      gint64 total = 0;

      for (guint s = 0; s < ASSAY_N_SUBMISSION_STATUSES; s++)
        total += assay_credential_get_submission_count (ASSAY_CREDENTIAL (record), s);
      json_object_set_int_member (object, "submission_count", total);
    }
  else if (ASSAY_IS_STACK (record))
    {
      g_autoptr(GPtrArray) members = children (store, ASSAY_TYPE_STACK_MEMBER, "stack_id", record, NULL);

      json_object_set_int_member (object, "member_count", members->len);
    }
  else if (ASSAY_IS_SUBMISSION (record))
    {
      const char *earner_id = assay_submission_get_earner_id (ASSAY_SUBMISSION (record));

      set_text (object, "credential_title",
                cached_text (store, cache, ASSAY_TYPE_CREDENTIAL,
                             assay_submission_get_credential_id (ASSAY_SUBMISSION (record)), "title"));
      set_text (object, "earner_name", cached_text (store, cache, ASSAY_TYPE_PERSON, earner_id, "name"));
      set_text (object, "earner_email", cached_text (store, cache, ASSAY_TYPE_PERSON, earner_id, "email"));
    }
  else if (ASSAY_IS_REVIEW (record))
    set_text (object, "assessor_email",
              cached_text (store, cache, ASSAY_TYPE_PERSON,
                           assay_review_get_assessor_id (ASSAY_REVIEW (record)), "email"));
  else if (ASSAY_IS_AWARD (record))
    {
      const char *earner_id = cached_text (store, cache, ASSAY_TYPE_SUBMISSION,
                                           assay_award_get_submission_id (ASSAY_AWARD (record)), "earner-id");

      set_text (object, "earner_email", cached_text (store, cache, ASSAY_TYPE_PERSON, earner_id, "email"));
    }

  return object;
}

static JsonObject *
describe_rubric (AssayStore  *store,
                 AssayRubric *rubric)
{
  JsonObject *object = record_object (ASSAY_RECORD (rubric));
  g_autoptr(GPtrArray) levels = children (store, ASSAY_TYPE_LEVEL, "rubric_id", ASSAY_RECORD (rubric), "position");
  g_autoptr(GPtrArray) criteria = children (store, ASSAY_TYPE_CRITERION, "rubric_id", ASSAY_RECORD (rubric), "position");
  g_autoptr(GHashTable) level_names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *criteria_array = json_array_sized_new (criteria->len);

  for (guint i = 0; i < levels->len; i++)
    g_hash_table_insert (level_names, (gpointer) assay_record_get_id (g_ptr_array_index (levels, i)),
                         (gpointer) assay_level_get_name (g_ptr_array_index (levels, i)));

  set_text (object, "rule_level",
            assay_rubric_get_rule_level_id (rubric)
              ? g_hash_table_lookup (level_names, assay_rubric_get_rule_level_id (rubric))
              : NULL);
  json_object_set_array_member (object, "levels", rows_to_array (levels));

  for (guint i = 0; i < criteria->len; i++)
    {
      AssayRecord *criterion = g_ptr_array_index (criteria, i);
      JsonObject *item = record_object (criterion);
      JsonArray *descriptors = json_array_sized_new (levels->len);

      /* In level order, one per level, empty where not yet written */
      for (guint j = 0; j < levels->len; j++)
        {
          g_autoptr(AssayRubricCell) cell = assay_store_get_cell (store, ASSAY_CRITERION (criterion),
                                                                  g_ptr_array_index (levels, j), NULL);
          JsonObject *descriptor = json_object_new ();

          set_text (descriptor, "level_id", assay_record_get_id (g_ptr_array_index (levels, j)));
          set_text (descriptor, "level", assay_level_get_name (g_ptr_array_index (levels, j)));
          set_text (descriptor, "descriptor", cell ? assay_rubric_cell_get_descriptor (cell) : NULL);
          json_array_add_object_element (descriptors, descriptor);
        }
      json_object_set_array_member (item, "descriptors", descriptors);
      json_array_add_object_element (criteria_array, item);
    }
  json_object_set_array_member (object, "criteria", criteria_array);

  return object;
}

static void
add_credential_details (AssayStore      *store,
                        AssayCredential *credential,
                        JsonObject      *object)
{
  g_autoptr(GPtrArray) resources = children (store, ASSAY_TYPE_RESOURCE, "credential_id",
                                             ASSAY_RECORD (credential), "position");
  g_autoptr(AssayRubric) rubric = assay_store_get_rubric (store, credential, NULL);
  g_autoptr(GPtrArray) memberships = assay_store_query (store, ASSAY_TYPE_STACK_MEMBER, "credential_lineage_id",
                                                        assay_credential_get_lineage_id (credential), NULL);
  JsonArray *stacks = json_array_new ();

  json_object_set_array_member (object, "resources", rows_to_array (resources));
  if (rubric != NULL)
    json_object_set_object_member (object, "rubric", describe_rubric (store, rubric));
  else
    json_object_set_null_member (object, "rubric");

  for (guint i = 0; i < memberships->len; i++)
    {
      AssayStackMember *member = g_ptr_array_index (memberships, i);
      g_autoptr(AssayStack) stack = assay_store_lookup (store, ASSAY_TYPE_STACK,
                                                        assay_stack_member_get_stack_id (member), NULL);
      JsonObject *item;

      if (stack == NULL)
        continue;
      item = json_object_new ();
      set_text (item, "id", assay_record_get_id (ASSAY_RECORD (stack)));
      set_text (item, "title", assay_stack_get_title (stack));
      json_object_set_boolean_member (item, "ordered", assay_stack_get_ordered (stack));
      json_object_set_int_member (item, "position", assay_stack_member_get_position (member));
      json_array_add_object_element (stacks, item);
    }
  json_object_set_array_member (object, "stacks", stacks);
}

static void
add_stack_details (AssayStore  *store,
                   AssayRecord *stack,
                   JsonObject  *object)
{
  g_autoptr(GPtrArray) members = children (store, ASSAY_TYPE_STACK_MEMBER, "stack_id", stack, "position");
  JsonArray *array = json_array_sized_new (members->len);

  for (guint i = 0; i < members->len; i++)
    {
      AssayRecord *member = g_ptr_array_index (members, i);
      JsonObject *item = record_object (member);
      g_autoptr(AssayCredential) credential =
        current_version (store, assay_stack_member_get_credential_lineage_id (ASSAY_STACK_MEMBER (member)));

      set_text (item, "credential_id", credential ? assay_record_get_id (ASSAY_RECORD (credential)) : NULL);
      set_text (item, "credential_title", credential ? assay_credential_get_title (credential) : NULL);
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (object, "members", array);
}

static void
add_submission_details (AssayStore  *store,
                        AssayRecord *submission,
                        JsonObject  *object)
{
  g_autoptr(GPtrArray) decisions = children (store, ASSAY_TYPE_DECISION, "submission_id", submission, NULL);
  g_autoptr(GPtrArray) reviews = children (store, ASSAY_TYPE_REVIEW, "submission_id", submission, "started_at");
  g_autoptr(GPtrArray) artifacts = children (store, ASSAY_TYPE_ARTIFACT, "submission_id", submission, "path");
  g_autoptr(GPtrArray) reflections = children (store, ASSAY_TYPE_REFLECTION, "submission_id", submission, "position");

  json_object_set_array_member (object, "artifacts", rows_to_array (artifacts));
  json_object_set_array_member (object, "reflections", rows_to_array (reflections));
  if (decisions->len > 0)
    json_object_set_object_member (object, "decision", record_object (g_ptr_array_index (decisions, 0)));
  else
    json_object_set_null_member (object, "decision");
  json_object_set_array_member (object, "reviews", rows_to_array (reviews));
}

static void
add_review_details (AssayStore  *store,
                    AssayRecord *review,
                    JsonObject  *object)
{
  g_autoptr(GPtrArray) scores = children (store, ASSAY_TYPE_SCORE, "review_id", review, NULL);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *array = json_array_sized_new (scores->len);

  for (guint i = 0; i < scores->len; i++)
    {
      AssayScore *score = g_ptr_array_index (scores, i);
      JsonObject *item = record_object (ASSAY_RECORD (score));

      set_text (item, "criterion",
                cached_text (store, cache, ASSAY_TYPE_CRITERION, assay_score_get_criterion_id (score), "title"));
      set_text (item, "level",
                cached_text (store, cache, ASSAY_TYPE_LEVEL, assay_score_get_level_id (score), "name"));
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (object, "scores", array);
}

/**
 * _assay_cli_add_details:
 *
 * Adds to @object, which _assay_cli_describe() made, the rows that belong
 * to @record: a credential's resources, rubric and stacks, a stack's
 * members, a person's qualifications, conflicts and enrollments, a
 * submission's evidence files, reflections, decision and reviews, a
 * review's scores.
 */
void
_assay_cli_add_details (AssayStore  *store,
                        AssayRecord *record,
                        JsonObject  *object)
{
  if (ASSAY_IS_CREDENTIAL (record))
    add_credential_details (store, ASSAY_CREDENTIAL (record), object);
  else if (ASSAY_IS_STACK (record))
    add_stack_details (store, record, object);
  else if (ASSAY_IS_SUBMISSION (record))
    add_submission_details (store, record, object);
  else if (ASSAY_IS_REVIEW (record))
    add_review_details (store, record, object);
  else if (ASSAY_IS_PERSON (record))
    {
      g_autoptr(GPtrArray) qualifications = children (store, ASSAY_TYPE_QUALIFICATION, "person_id", record, NULL);
      g_autoptr(GPtrArray) conflicts = children (store, ASSAY_TYPE_CONFLICT, "person_id", record, NULL);
      g_autoptr(GPtrArray) enrollments = children (store, ASSAY_TYPE_ENROLLMENT, "earner_id", record, NULL);

      json_object_set_array_member (object, "qualifications", rows_to_array (qualifications));
      json_object_set_array_member (object, "conflicts", rows_to_array (conflicts));
      json_object_set_array_member (object, "enrollments", rows_to_array (enrollments));
    }

}
