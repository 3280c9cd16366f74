/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include "assay-record-codec.h"

AssayColumnStorage
assay_column_storage (GParamSpec *pspec)
{
  GType type = G_TYPE_FUNDAMENTAL (pspec->value_type);

  if (type == G_TYPE_INT || type == G_TYPE_INT64 || type == G_TYPE_UINT ||
      type == G_TYPE_UINT64 || type == G_TYPE_BOOLEAN || type == G_TYPE_FLAGS)
    return ASSAY_COLUMN_INTEGER;
  if (type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT)
    return ASSAY_COLUMN_REAL;

  return ASSAY_COLUMN_TEXT;
}

char *
assay_datetime_to_text (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  if (datetime == NULL)
    return NULL;

  utc = g_date_time_to_utc (datetime);
  if (g_date_time_get_microsecond (utc) == 0)
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
assay_datetime_from_text (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, utc);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

/**
 * assay_column_to_text:
 *
 * Returns: (nullable): the text form of a value for TEXT columns, %NULL for SQL NULL
 */
char *
assay_column_to_text (GParamSpec   *pspec,
                      const GValue *value)
{
  GType type = pspec->value_type;

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      return ev ? g_strdup (ev->value_nick) : NULL;
    }
  if (type == G_TYPE_DATE_TIME)
    return assay_datetime_to_text (g_value_get_boxed (value));
  if (type == G_TYPE_STRV)
    return strv_to_json (g_value_get_boxed (value));
  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "1" : "0");

  {
    g_auto(GValue) string = G_VALUE_INIT;

    g_value_init (&string, G_TYPE_STRING);
    if (g_value_transform (value, &string))
      return g_value_dup_string (&string);
  }

  return NULL;
}

/**
 * assay_column_from_text:
 * @value: an initialised value of the pspec's type
 *
 * Returns: %FALSE if @text is not a valid value of that column
 */
gboolean
assay_column_from_text (GParamSpec *pspec,
                        const char *text,
                        GValue     *value)
{
  GType type = pspec->value_type;

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = text ? g_enum_get_value_by_nick (klass, text) : NULL;

      if (ev == NULL)
        return FALSE;
      g_value_set_enum (value, ev->value);
      return TRUE;
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *datetime = assay_datetime_from_text (text);

      if (text != NULL && *text != '\0' && datetime == NULL)
        return FALSE;
      g_value_take_boxed (value, datetime);
      return TRUE;
    }
  if (type == G_TYPE_STRV)
    {
      GStrv strv = strv_from_json (text ? text : "[]");

      if (strv == NULL)
        return FALSE;
      g_value_take_boxed (value, strv);
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        return FALSE;
      g_value_set_string (value, text);
      return TRUE;
    }

  return FALSE;
}

JsonNode *
assay_record_to_json (AssayRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GParamSpec **columns;
  guint n_columns;

  g_return_val_if_fail (ASSAY_IS_RECORD (record), NULL);

  columns = assay_record_class_list_columns (ASSAY_RECORD_GET_CLASS (record), &n_columns);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, assay_record_get_id (record));

  for (guint i = 0; i < n_columns; i++)
    {
      GParamSpec *pspec = columns[i];
      const GValue *value = assay_record_peek_value (record, pspec);
      g_autofree char *member = g_strdelimit (g_strdup (pspec->name), "-", '_');
      GType fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);

      json_builder_set_member_name (builder, member);

      if (pspec->value_type == G_TYPE_STRV)
        {
          const char * const *strv = g_value_get_boxed (value);

          json_builder_begin_array (builder);
          for (guint j = 0; strv && strv[j]; j++)
            json_builder_add_string_value (builder, strv[j]);
          json_builder_end_array (builder);
        }
      else if (fundamental == G_TYPE_BOOLEAN)
        json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      else if (fundamental == G_TYPE_FLAGS)
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (pspec->value_type);
          guint flags = g_value_get_flags (value);

          json_builder_begin_array (builder);
          for (guint j = 0; j < klass->n_values; j++)
            if (klass->values[j].value != 0 && (flags & klass->values[j].value) == klass->values[j].value)
              json_builder_add_string_value (builder, klass->values[j].value_nick);
          json_builder_end_array (builder);
        }
      else if (assay_column_storage (pspec) == ASSAY_COLUMN_INTEGER)
        json_builder_add_int_value (builder, assay_record_get_int (record, pspec));
      else if (assay_column_storage (pspec) == ASSAY_COLUMN_REAL)
        json_builder_add_double_value (builder, g_value_get_double (value));
      else
        {
          g_autofree char *text = assay_column_to_text (pspec, value);

          if (text == NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, text);
        }
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
