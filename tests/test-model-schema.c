/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "assay-model.h"

/* Guards the mapping the store relies on: every table of the schema has a
 * record type, and every writable property of that type is, in order, one
 * column of the table (id aside, which the base class holds).
 */

typedef GType (*TypeFunc) (void);

static const TypeFunc model_types[] = {
  assay_credential_get_type,
  assay_resource_get_type,
  assay_rubric_get_type,
  assay_criterion_get_type,
  assay_level_get_type,
  assay_rubric_cell_get_type,
  assay_stack_get_type,
  assay_stack_member_get_type,
  assay_person_get_type,
  assay_qualification_get_type,
  assay_conflict_get_type,
  assay_enrollment_get_type,
  assay_submission_get_type,
  assay_artifact_get_type,
  assay_reflection_get_type,
  assay_review_get_type,
  assay_score_get_type,
  assay_note_get_type,
  assay_decision_get_type,
  assay_issuer_get_type,
  assay_award_get_type,
  assay_packet_get_type,
  assay_packet_item_get_type,
  assay_audit_event_get_type,
};

typedef struct
{
  char *name;
  char *sql_type;
  char *default_value;  /* unquoted; NULL if none */
} Column;

typedef struct
{
  char      *name;
  GPtrArray *columns;  /* of Column, in order */
} Table;

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column->sql_type);
  g_free (column->default_value);
  g_free (column);
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

/* Column lines are the indented lines of a CREATE TABLE that are neither a
 * table constraint nor the continuation of a column's CHECK.
 */
static GHashTable *
parse_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "store", "schema", "001-initial.sql", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) create = g_regex_new ("^CREATE TABLE (\\w+) \\($", 0, 0, NULL);
  g_autoptr(GRegex) column = g_regex_new ("^\\s+(\\w+)\\s+(\\w+)(.*)$", 0, 0, NULL);
  g_autoptr(GRegex) fallback = g_regex_new ("DEFAULT\\s+('([^']*)'|(-?[0-9.]+))", 0, 0, NULL);
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_free);
  Table *table = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autoptr(GMatchInfo) match = NULL;

      if (table == NULL)
        {
          if (g_regex_match (create, line, 0, &match))
            {
              table = g_new0 (Table, 1);
              table->name = g_match_info_fetch (match, 1);
              table->columns = g_ptr_array_new_with_free_func (column_free);
              g_assert_false (g_hash_table_contains (tables, table->name));
              g_hash_table_insert (tables, table->name, table);
            }
          continue;
        }

      if (g_str_has_prefix (line, ")"))
        {
          table = NULL;
          continue;
        }

      if (g_regex_match (column, line, 0, &match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autofree char *rest = g_match_info_fetch (match, 3);
          g_autoptr(GMatchInfo) default_match = NULL;
          Column *col;

          if (g_str_equal (name, "UNIQUE") || g_str_equal (name, "CHECK"))
            continue;

          col = g_new0 (Column, 1);
          col->name = g_steal_pointer (&name);
          col->sql_type = g_match_info_fetch (match, 2);
          if (g_regex_match (fallback, rest, 0, &default_match))
            {
              g_autofree char *quoted = g_match_info_fetch (default_match, 2);
              g_autofree char *number = g_match_info_fetch (default_match, 3);

              col->default_value = g_strdup (number && *number ? number : quoted);
            }
          g_ptr_array_add (table->columns, col);
        }
    }

  g_assert_null (table);
  return tables;
}

static void
test_schema_columns (void)
{
  g_autoptr(GHashTable) tables = parse_schema ();
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (tables), ==, G_N_ELEMENTS (model_types));

  for (guint t = 0; t < G_N_ELEMENTS (model_types); t++)
    {
      GType type = model_types[t] ();
      g_autoptr(AssayRecord) record = g_object_new (type, NULL);
      AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (record);
      GParamSpec **pspecs;
      guint n_pspecs;
      guint n_columns = 0;
      Table *table;

      g_test_message ("%s -> %s", g_type_name (type), klass->table);
      g_assert_true (G_TYPE_IS_FINAL (type));
      g_assert_nonnull (klass->kind_name);
      table = g_hash_table_lookup (tables, klass->table);
      g_assert_nonnull (table);
      g_assert_false (g_hash_table_contains (mapped, klass->table));
      g_hash_table_add (mapped, (gpointer) klass->table);

      g_assert_cmpuint (table->columns->len, >, 1);
      g_assert_cmpstr (((Column *) table->columns->pdata[0])->name, ==, "id");

      pspecs = assay_record_class_list_columns (klass, &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamSpec *pspec = pspecs[i];
          g_autofree char *name = NULL;
          GType fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);
          Column *column;
          g_auto(GValue) fallback = G_VALUE_INIT;

          if (!(pspec->flags & G_PARAM_WRITABLE))
            continue;

          n_columns++;
          g_assert_cmpuint (n_columns, <, table->columns->len);
          column = table->columns->pdata[n_columns];
          name = g_strdelimit (g_strdup (pspec->name), "-", '_');
          g_assert_cmpstr (name, ==, column->name);
          g_assert_true ((pspec->flags & ASSAY_COLUMN_FLAGS) == ASSAY_COLUMN_FLAGS);

          /* The storage class and the default agree with the SQL */
          g_value_init (&fallback, pspec->value_type);
          g_param_value_set_default (pspec, &fallback);
          if (fundamental == G_TYPE_INT64 || fundamental == G_TYPE_BOOLEAN || fundamental == G_TYPE_FLAGS)
            {
              g_auto(GValue) wide = G_VALUE_INIT;

              g_assert_cmpstr (column->sql_type, ==, "INTEGER");
              g_value_init (&wide, G_TYPE_INT64);
              g_assert_true (g_value_transform (&fallback, &wide));
              if (column->default_value != NULL)
                g_assert_cmpint (g_value_get_int64 (&wide), ==, g_ascii_strtoll (column->default_value, NULL, 10));
            }
          else if (fundamental == G_TYPE_DOUBLE)
            {
              g_assert_cmpstr (column->sql_type, ==, "REAL");
              if (column->default_value != NULL)
                g_assert_cmpfloat (g_value_get_double (&fallback), ==, g_ascii_strtod (column->default_value, NULL));
            }
          else if (fundamental == G_TYPE_ENUM)
            {
              g_assert_cmpstr (column->sql_type, ==, "TEXT");
              if (column->default_value != NULL)
                g_assert_cmpstr (assay_enum_to_nick (pspec->value_type, g_value_get_enum (&fallback)), ==, column->default_value);
            }
          else if (fundamental == G_TYPE_STRING)
            {
              g_assert_cmpstr (column->sql_type, ==, "TEXT");
              if (column->default_value != NULL)
                g_assert_cmpstr (g_value_get_string (&fallback), ==, column->default_value);
            }
          else if (pspec->value_type == G_TYPE_STRV)
            {
              g_assert_cmpstr (column->sql_type, ==, "TEXT");
              g_assert_cmpstr (column->default_value, ==, "[]");
            }
          else if (pspec->value_type == G_TYPE_DATE_TIME)
            {
              g_assert_cmpstr (column->sql_type, ==, "TEXT");
              g_assert_true (g_str_has_suffix (column->name, "_at") || g_str_equal (column->name, "at"));
            }
          else
            g_assert_not_reached ();
        }

      g_assert_cmpuint (n_columns + 1, ==, table->columns->len);
    }

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (mapped, key))
      g_error ("Table %s has no record type", (const char *) key);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *notified)
{
  g_ptr_array_add (notified, pspec);
}

/* A valid value of @pspec that differs from its default */
static void
other_value (GParamSpec *pspec,
             GValue     *value)
{
  GType fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);

  g_value_init (value, pspec->value_type);
  g_param_value_set_default (pspec, value);

  if (fundamental == G_TYPE_STRING)
    g_value_set_string (value, "changed");
  else if (fundamental == G_TYPE_INT64)
    {
      GParamSpecInt64 *spec = G_PARAM_SPEC_INT64 (pspec);

      g_value_set_int64 (value, spec->default_value < spec->maximum ? spec->default_value + 1 : spec->default_value - 1);
    }
  else if (fundamental == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *spec = G_PARAM_SPEC_DOUBLE (pspec);

      g_value_set_double (value, spec->default_value < spec->maximum ? spec->default_value + 1.5 : spec->default_value - 1.5);
    }
  else if (fundamental == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !g_value_get_boolean (value));
  else if (fundamental == G_TYPE_ENUM)
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int current = g_value_get_enum (value);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != current)
          {
            g_value_set_enum (value, klass->values[i].value);
            break;
          }
      g_assert_cmpint (g_value_get_enum (value), !=, current);
    }
  else if (fundamental == G_TYPE_FLAGS)
    g_value_set_flags (value, g_value_get_flags (value) ^ G_PARAM_SPEC_FLAGS (pspec)->flags_class->mask);
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const strv[] = { "one", "two", NULL };

      g_value_set_boxed (value, strv);
    }
  else if (pspec->value_type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, g_date_time_new_utc (2001, 2, 3, 4, 5, 6.5));
  else
    g_assert_not_reached ();
}

static gboolean
same_value (GParamSpec   *pspec,
            const GValue *a,
            const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (pspec->value_type == G_TYPE_DATE_TIME)
    return g_date_time_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
test_schema_notify (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (model_types); t++)
    {
      GType type = model_types[t] ();
      g_autoptr(AssayRecord) record = g_object_new (type, NULL);
      g_autoptr(AssayRecord) copy = NULL;
      g_autoptr(GPtrArray) notified = g_ptr_array_new ();
      GParamSpec **pspecs;
      guint n_pspecs;

      g_test_message ("%s", g_type_name (type));
      g_signal_connect (record, "notify", G_CALLBACK (count_notify_cb), notified);
      pspecs = assay_record_class_list_columns (ASSAY_RECORD_GET_CLASS (record), &n_pspecs);

      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamSpec *pspec = pspecs[i];
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) twin = G_VALUE_INIT;
          g_auto(GValue) stored = G_VALUE_INIT;

          if (!(pspec->flags & G_PARAM_WRITABLE))
            continue;

          g_ptr_array_set_size (notified, 0);
          other_value (pspec, &value);
          /* An equal value, but a distinct instance for boxed types */
          other_value (pspec, &twin);

          g_object_set_property (G_OBJECT (record), pspec->name, &value);
          g_assert_cmpuint (notified->len, ==, 1);
          g_assert_true (notified->pdata[0] == pspec);
          g_object_set_property (G_OBJECT (record), pspec->name, &twin);
          g_assert_cmpuint (notified->len, ==, 1);

          g_value_init (&stored, pspec->value_type);
          g_object_get_property (G_OBJECT (record), pspec->name, &stored);
          g_assert_true (same_value (pspec, &value, &stored));
        }

      /* Every column travels with a duplicate, under a new id */
      copy = assay_record_duplicate (record);
      g_assert_cmpstr (assay_record_get_id (copy), !=, assay_record_get_id (record));
      for (guint i = 0; i < n_pspecs; i++)
        if (pspecs[i]->flags & G_PARAM_WRITABLE)
          g_assert_true (same_value (pspecs[i],
                                     assay_record_peek_value (record, pspecs[i]),
                                     assay_record_peek_value (copy, pspecs[i])));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/schema/columns", test_schema_columns);
  g_test_add_func ("/assay/model/schema/notify", test_schema_notify);

  return g_test_run ();
}
