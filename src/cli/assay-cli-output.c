/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-cli-private.h"

/* Tables for people, JSON for scripts, and "name: value" lines for one row. */

#define MAX_COLUMN_WIDTH 44

static void
append_indented (GString    *out,
                 const char *text,
                 guint       indent)
{
  for (const char *line = text; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      gsize length = end ? (gsize) (end - line) : strlen (line);

      if (length > 0)
        {
          g_string_append_printf (out, "%*s", (int) indent, "");
          g_string_append_len (out, line, length);
        }
      if (end == NULL)
        break;
      g_string_append_c (out, '\n');
      line = end + 1;
    }
}

/**
 * _assay_cli_print_json:
 *
 * Appends @node pretty-printed, then a newline.
 */
void
_assay_cli_print_json (GString  *out,
                       JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/**
 * _assay_cli_print_json_item:
 * @index: the position of @object in the array being printed
 *
 * Appends one element of a JSON array printed a piece at a time, so that a
 * list of many rows never needs all of them as JSON nodes at once. The
 * caller writes "[" before the first and calls
 * _assay_cli_print_json_end() after the last.
 */
void
_assay_cli_print_json_item (GString    *out,
                            JsonObject *object,
                            guint       index)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, TRUE);

  g_string_append (out, index == 0 ? "\n" : ",\n");
  append_indented (out, text, 2);
}

void
_assay_cli_print_json_end (GString *out,
                           guint    n_items)
{
  g_string_append (out, n_items == 0 ? "]\n" : "\n]\n");
}

/**
 * _assay_cli_node_text:
 *
 * Returns: a JSON value as a person reads it: text as is, yes/no, numbers
 *   without trailing zeros, lists joined by commas, nothing for null
 */
char *
_assay_cli_node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = _assay_cli_node_text (json_array_get_element (array, i));

          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, item);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_to_string (node, FALSE);

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", json_node_get_double (node)));
      }
    default:
      return g_strdup ("");
    }
}

static gboolean
is_object_array (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  return json_array_get_length (array) > 0 && JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0));
}

static void
print_value (GString    *out,
             const char *name,
             JsonNode   *node,
             guint       indent)
{
  g_autofree char *text = _assay_cli_node_text (node);
  const char *newline = strchr (text, '\n');

  g_string_append_printf (out, "%*s%s:", (int) indent, "", name);
  if (*text != '\0')
    g_string_append_c (out, ' ');
  g_string_append_len (out, text, newline ? newline - text : (gssize) strlen (text));
  g_string_append_c (out, '\n');

  /* Continuation lines of a long text sit under the value. */
  if (newline != NULL)
    {
      append_indented (out, newline + 1, indent + 2);
      g_string_append_c (out, '\n');
    }
}

/**
 * _assay_cli_print_fields:
 *
 * Appends @object as "name: value" lines in member order; nested objects
 * and lists of objects follow indented, each list item marked with "- ".
 */
void
_assay_cli_print_fields (GString    *out,
                         JsonObject *object,
                         guint       indent)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_string_append_printf (out, "%*s%s:\n", (int) indent, "", name);
          _assay_cli_print_fields (out, json_node_get_object (node), indent + 2);
        }
      else if (is_object_array (node))
        {
          JsonArray *array = json_node_get_array (node);

          g_string_append_printf (out, "%*s%s:\n", (int) indent, "", name);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              gsize start = out->len;

              if (!JSON_NODE_HOLDS_OBJECT (element))
                continue;
              _assay_cli_print_fields (out, json_node_get_object (element), indent + 4);
              if (out->len > start + indent + 4)
                memcpy (out->str + start + indent + 2, "- ", 2);
            }
        }
      else
        print_value (out, name, node, indent);
    }
}

static char *
fit (const char *text,
     guint       width)
{
  g_autofree char *flat = g_strdup (text);
  g_autofree char *head = NULL;

  g_strdelimit (flat, "\t\r\n", ' ');
  if (g_utf8_strlen (flat, -1) <= width)
    return g_steal_pointer (&flat);

  head = g_utf8_substring (flat, 0, width - 1);
  return g_strconcat (head, "…", NULL);
}

/**
 * _assay_cli_print_table:
 * @rows: (element-type GStrv): one array of @n_columns cells per row
 *
 * Appends an aligned table with a header line. Long cells are shortened
 * with an ellipsis; identifiers never are, being the first column.
 */
void
_assay_cli_print_table (GString     *out,
                        const char **headers,
                        guint        n_columns,
                        GPtrArray   *rows)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **header = g_new0 (char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    header[c] = g_strdup (headers[c]);
  g_ptr_array_add (lines, header);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      char **cells = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        cells[c] = c == 0 ? g_strdup (row[c]) : fit (row[c] ? row[c] : "", MAX_COLUMN_WIDTH);
      g_ptr_array_add (lines, cells);
    }

  for (guint r = 0; r < lines->len; r++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], g_utf8_strlen (((char **) g_ptr_array_index (lines, r))[c], -1));

  for (guint r = 0; r < lines->len; r++)
    {
      char **cells = g_ptr_array_index (lines, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (out, cells[c]);
          if (c + 1 < n_columns)
            g_string_append_printf (out, "%*s", (int) (widths[c] - g_utf8_strlen (cells[c], -1) + 2), "");
        }
      g_string_append_c (out, '\n');
    }
}
