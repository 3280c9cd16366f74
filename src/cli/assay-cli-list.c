/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-cli-private.h"
#include "assay-framework.h"

/* `list KIND [--json]` and `show KIND ID [--json]`. */

#define MAX_COLUMNS 6

typedef struct
{
  const char *plural;
  const char *singular;
  GType     (*get_type) (void);
  const char *sort_column;
  /* The table: JSON members and their headings */
  const char *columns[MAX_COLUMNS];
  const char *headers[MAX_COLUMNS];
} Kind;

static const Kind kinds[] = {
  { "credentials", "credential", assay_credential_get_type, "title",
    { "id", "title", "version", "status", "competency_area", "submission_count" },
    { N_("ID"), N_("TITLE"), N_("VERSION"), N_("STATUS"), N_("COMPETENCY AREA"), N_("SUBMISSIONS") } },
  { "stacks", "stack", assay_stack_get_type, "title",
    { "id", "title", "ordered", "member_count" },
    { N_("ID"), N_("TITLE"), N_("ORDERED"), N_("CREDENTIALS") } },
  { "people", "person", assay_person_get_type, "name",
    { "id", "name", "email", "roles" },
    { N_("ID"), N_("NAME"), N_("EMAIL"), N_("ROLES") } },
  { "submissions", "submission", assay_submission_get_type, "received_at",
    { "id", "credential_title", "earner_email", "attempt", "status", "received_at" },
    { N_("ID"), N_("CREDENTIAL"), N_("EARNER"), N_("ATTEMPT"), N_("STATUS"), N_("RECEIVED") } },
  { "reviews", "review", assay_review_get_type, "started_at",
    { "id", "submission_id", "assessor_email", "state", "recommendation", "submitted_at" },
    { N_("ID"), N_("SUBMISSION"), N_("ASSESSOR"), N_("STATE"), N_("RECOMMENDATION"), N_("SUBMITTED") } },
  { "awards", "award", assay_award_get_type, "issued_at",
    { "id", "submission_id", "earner_email", "status", "issued_at", "expires_at" },
    { N_("ID"), N_("SUBMISSION"), N_("EARNER"), N_("STATUS"), N_("ISSUED"), N_("EXPIRES") } },
  /* Frameworks are data files, not rows: listed by list_frameworks(). */
  { "frameworks", "framework", NULL, NULL,
    { "id", "title" },
    { N_("ID"), N_("TITLE") } },
};

static const Kind *
find_kind (const char *name,
           gboolean    for_show,
           GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (for_show && kinds[i].get_type == NULL)
        continue;
      if (g_str_equal (name, kinds[i].plural) || g_str_equal (name, kinds[i].singular))
        return &kinds[i];
    }

  g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
               for_show
                 ? _("cannot show “%s”: say credential, stack, person, submission, review or award")
                 : _("cannot list “%s”: say credentials, stacks, people, submissions, reviews, awards or frameworks"),
               name);
  return NULL;
}

static guint
n_columns (const Kind *kind)
{
  guint n = 0;

  while (n < MAX_COLUMNS && kind->columns[n] != NULL)
    n++;

  return n;
}

static char **
table_row (const Kind *kind,
           JsonObject *object)
{
  guint n = n_columns (kind);
  char **row = g_new0 (char *, n + 1);

  for (guint c = 0; c < n; c++)
    row[c] = _assay_cli_node_text (json_object_get_member (object, kind->columns[c]));

  return row;
}

static gboolean
list_frameworks (AssayCli   *cli,
                 const Kind *kind,
                 gboolean    json)
{
  g_autoptr(GPtrArray) frameworks = assay_frameworks_get_all (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[MAX_COLUMNS];

  if (json)
    g_string_append_c (cli->out, '[');
  for (guint i = 0; i < frameworks->len; i++)
    {
      AssayFramework *framework = g_ptr_array_index (frameworks, i);
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "id", assay_framework_get_id (framework));
      json_object_set_string_member (object, "title", assay_framework_get_title (framework));
      json_object_set_string_member (object, "kind", assay_framework_get_kind (framework) == ASSAY_FRAMEWORK_APPROVAL
                                                     ? "approval" : "quality");
      if (assay_framework_get_publisher (framework) != NULL)
        json_object_set_string_member (object, "publisher", assay_framework_get_publisher (framework));
      json_object_set_int_member (object, "indicators", assay_framework_get_n_indicators (framework));
      if (json)
        _assay_cli_print_json_item (cli->out, object, i);
      else
        g_ptr_array_add (rows, table_row (kind, object));
    }
  if (json)
    _assay_cli_print_json_end (cli->out, frameworks->len);
  else if (frameworks->len > 0)
    {
      for (guint c = 0; c < n_columns (kind); c++)
        headers[c] = _(kind->headers[c]);
      _assay_cli_print_table (cli->out, headers, n_columns (kind), rows);
    }
  return TRUE;
}

gboolean
_assay_cli_list (AssayCli  *cli,
                 int        argc,
                 char     **argv,
                 GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *headers[MAX_COLUMNS];
  gboolean json = FALSE;
  AssayCliOption options[] = { { "json", &json, NULL } };
  const Kind *kind;

  if (!_assay_cli_parse ("list", argc, argv, options, G_N_ELEMENTS (options), 1, 1, args, error) ||
      (kind = find_kind (g_ptr_array_index (args, 0), FALSE, error)) == NULL)
    return FALSE;

  if (kind->get_type == NULL)
    return list_frameworks (cli, kind, json);

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_READ, error);
  if (store == NULL)
    return FALSE;

  records = kind->get_type
    ? assay_store_query (store, kind->get_type (), NULL, NULL, kind->sort_column)
    : g_ptr_array_new ();
  /* The loop below takes each row over, to let go of it once printed. */
  g_ptr_array_set_free_func (records, NULL);

  if (json)
    g_string_append_c (cli->out, '[');

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(AssayRecord) record = g_steal_pointer (&g_ptr_array_index (records, i));
      g_autoptr(JsonObject) object = _assay_cli_describe (store, record, cache);

      if (json)
        _assay_cli_print_json_item (cli->out, object, i);
      else
        g_ptr_array_add (rows, table_row (kind, object));
    }

  if (json)
    _assay_cli_print_json_end (cli->out, records->len);
  else if (records->len > 0)
    {
      for (guint c = 0; c < n_columns (kind); c++)
        headers[c] = _(kind->headers[c]);
      _assay_cli_print_table (cli->out, headers, n_columns (kind), rows);
    }

  return TRUE;
}

gboolean
_assay_cli_show (AssayCli  *cli,
                 int        argc,
                 char     **argv,
                 GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssayRecord) record = NULL;
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean json = FALSE;
  AssayCliOption options[] = { { "json", &json, NULL } };
  const Kind *kind;
  const char *id;

  if (!_assay_cli_parse ("show", argc, argv, options, G_N_ELEMENTS (options), 2, 2, args, error) ||
      (kind = find_kind (g_ptr_array_index (args, 0), TRUE, error)) == NULL)
    return FALSE;
  id = g_ptr_array_index (args, 1);

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_READ, error);
  if (store == NULL)
    return FALSE;

  record = assay_store_lookup (store, kind->get_type (), id, &local_error);
  if (record == NULL)
    {
      if (!g_error_matches (local_error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* TRANSLATORS: the first placeholder is a kind of row, e.g. "credential" */
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED,
                   _("no %s with id “%s”"), kind->singular, id);
      return FALSE;
    }

  object = _assay_cli_describe (store, record, cache);
  _assay_cli_add_details (store, record, object);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

      _assay_cli_print_json (cli->out, node);
    }
  else
    _assay_cli_print_fields (cli->out, object, 0);

  return TRUE;
}
