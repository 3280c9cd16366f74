/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-demo-private.h"
#include "assay-record-codec.h"

/* Reading the file: a missing or null member is fine, a member of the
 * wrong type is an error. */

gboolean
_assay_demo_damaged (GError     **error,
                     const char  *member)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The demonstration data is damaged: “%s” is missing or has the wrong type"), member);
  return FALSE;
}

static JsonNode *
member_node (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

gboolean
_assay_demo_get_string (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        const char **out,
                        GError     **error)
{
  JsonNode *node = member_node (object, member);

  *out = NULL;
  if (node == NULL)
    return required ? _assay_demo_damaged (error, member) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _assay_demo_damaged (error, member);

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_assay_demo_get_number (JsonObject  *object,
                        const char  *member,
                        double       fallback,
                        double      *out,
                        GError     **error)
{
  JsonNode *node = member_node (object, member);
  GType type;

  *out = fallback;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return _assay_demo_damaged (error, member);

  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
_assay_demo_get_int (JsonObject  *object,
                     const char  *member,
                     gint64       fallback,
                     gint64      *out,
                     GError     **error)
{
  double value;

  if (!_assay_demo_get_number (object, member, (double) fallback, &value, error))
    return FALSE;
  if (value != (double) (gint64) value)
    return _assay_demo_damaged (error, member);

  *out = (gint64) value;
  return TRUE;
}

gboolean
_assay_demo_get_boolean (JsonObject  *object,
                         const char  *member,
                         gboolean    *out,
                         GError     **error)
{
  JsonNode *node = member_node (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _assay_demo_damaged (error, member);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_assay_demo_get_array (JsonObject  *object,
                       const char  *member,
                       JsonArray  **out,
                       GError     **error)
{
  JsonNode *node = member_node (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _assay_demo_damaged (error, member);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_assay_demo_get_object (JsonObject  *object,
                        const char  *member,
                        JsonObject **out,
                        GError     **error)
{
  JsonNode *node = member_node (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _assay_demo_damaged (error, member);

  *out = json_node_get_object (node);
  return TRUE;
}

guint
_assay_demo_array_length (JsonArray *array)
{
  return array ? json_array_get_length (array) : 0;
}

gboolean
_assay_demo_element_object (JsonArray   *array,
                            guint        index,
                            const char  *member,
                            JsonObject **out,
                            GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _assay_demo_damaged (error, member);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_assay_demo_element_string (JsonArray   *array,
                            guint        index,
                            const char  *member,
                            const char **out,
                            GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _assay_demo_damaged (error, member);

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_assay_demo_get_enum (JsonObject  *object,
                      const char  *member,
                      GType        enum_type,
                      int          fallback,
                      int         *out,
                      GError     **error)
{
  const char *nick;

  *out = fallback;
  if (!_assay_demo_get_string (object, member, FALSE, &nick, error))
    return FALSE;
  if (nick != NULL && !assay_enum_from_nick (enum_type, nick, out))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The demonstration data is damaged: “%s” cannot be “%s”"), member, nick);
      return FALSE;
    }

  return TRUE;
}

gboolean
_assay_demo_get_datetime (JsonObject  *object,
                          const char  *member,
                          GDateTime  **out,
                          GError     **error)
{
  const char *text;

  *out = NULL;
  if (!_assay_demo_get_string (object, member, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    {
      *out = g_date_time_new_now_utc ();
      return TRUE;
    }

  *out = assay_datetime_from_text (text);
  return *out != NULL || _assay_demo_damaged (error, member);
}

gboolean
_assay_demo_unknown_reference (GError     **error,
                               const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The demonstration data refers to “%s”, which it does not define"), name ? name : "");
  return FALSE;
}
