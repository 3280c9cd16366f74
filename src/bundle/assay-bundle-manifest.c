/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-bundle-manifest.h"

/* A hand-written validator for data/bundle/manifest.schema.json: every
 * field the schema requires, its type and format, and no unknown field.
 * Keep the two in step.
 */

static gboolean
fail (GError     **error,
      const char  *field,
      const char  *problem)
{
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
               _("The bundle’s manifest is invalid: %s %s"), field, problem);
  return FALSE;
}

static gboolean
only_fields (JsonObject  *object,
             const char  *where,
             const char  *const *allowed,
             GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *field = g_strdup_printf ("%s.%s", where, (const char *) l->data);
        return fail (error, field, _("is not a known field"));
      }

  return TRUE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_get_member (object, name);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
check_string (JsonObject  *object,
              const char  *where,
              const char  *name,
              gboolean     required,
              GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *field = g_strdup_printf ("%s.%s", where, name);

  if (node == NULL)
    return required ? fail (error, field, _("is missing")) : TRUE;
  if (!is_string (node))
    return fail (error, field, _("must be a string"));
  if (required && *json_node_get_string (node) == '\0')
    return fail (error, field, _("must not be empty"));

  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  return strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

static gboolean
is_relative_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (*path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;

  return TRUE;
}

static gboolean
check_string_array (JsonObject  *object,
                    const char  *where,
                    const char  *name,
                    GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *field = g_strdup_printf ("%s.%s", where, name);
  JsonArray *array;

  if (node == NULL)
    return fail (error, field, _("is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, field, _("must be a list"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!is_string (item) || *json_node_get_string (item) == '\0')
        return fail (error, field, _("must list non-empty strings"));
    }

  return TRUE;
}

static gboolean
check_artifact (JsonNode    *node,
                guint        index,
                GHashTable  *paths,
                GError     **error)
{
  static const char *const allowed[] = {
    "path", "title", "media_type", "size", "sha256", "criteria", "description", NULL
  };
  g_autofree char *where = g_strdup_printf ("artifacts[%u]", index);
  g_autofree char *nfc = NULL;
  JsonObject *object;
  const char *path;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, _("must be an object"));
  object = json_node_get_object (node);

  if (!only_fields (object, where, allowed, error) ||
      !check_string (object, where, "path", TRUE, error) ||
      !check_string (object, where, "title", TRUE, error) ||
      !check_string (object, where, "media_type", FALSE, error) ||
      !check_string (object, where, "sha256", TRUE, error) ||
      !check_string (object, where, "description", FALSE, error) ||
      !check_string_array (object, where, "criteria", error))
    return FALSE;

  path = json_object_get_string_member (object, "path");
  if (!is_relative_path (path) || g_str_equal (path, ASSAY_BUNDLE_MANIFEST_NAME))
    return fail (error, where, _("has a path that is not a relative file name"));
  /* in NFC, as the reader names entries: "cafe\u0301" is "caf\u00e9" */
  nfc = g_utf8_normalize (path, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return fail (error, where, _("has a path that is not a relative file name"));
  if (!g_hash_table_add (paths, g_steal_pointer (&nfc)))
    return fail (error, where, _("names a file listed twice"));
  if (!is_sha256 (json_object_get_string_member (object, "sha256")))
    return fail (error, where, _("has a sha256 that is not 64 lowercase hexadecimal digits"));
  if (!is_integer (member (object, "size")) || json_object_get_int_member (object, "size") < 0)
    return fail (error, where, _("has a size that is not a non-negative integer"));

  return TRUE;
}

static gboolean
check_reflection (JsonNode    *node,
                  guint        index,
                  GError     **error)
{
  static const char *const allowed[] = { "prompt", "criterion", "text", NULL };
  g_autofree char *where = g_strdup_printf ("reflections[%u]", index);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, _("must be an object"));
  object = json_node_get_object (node);

  return only_fields (object, where, allowed, error) &&
         check_string (object, where, "prompt", TRUE, error) &&
         check_string (object, where, "criterion", FALSE, error) &&
         check_string (object, where, "text", TRUE, error);
}

static gboolean
check_object (JsonObject          *parent,
              const char          *name,
              const char *const   *allowed,
              JsonObject         **out,
              GError             **error)
{
  JsonNode *node = member (parent, name);

  if (node == NULL)
    return fail (error, name, _("is missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, name, _("must be an object"));

  *out = json_node_get_object (node);
  return only_fields (*out, name, allowed, error);
}

static gboolean
check_list (JsonObject  *root,
            const char  *name,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = member (root, name);

  if (node == NULL)
    return fail (error, name, _("is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, name, _("must be a list"));

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
check_manifest (JsonNode  *root_node,
                GError   **error)
{
  static const char *const allowed[] = {
    "format", "version", "credential", "earner", "attempt", "artifacts", "reflections", NULL
  };
  static const char *const credential_fields[] = { "id", "version", NULL };
  static const char *const earner_fields[] = { "name", "email", "licence_number", NULL };
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root, *credential, *earner;
  JsonArray *artifacts, *reflections;
  const char *email;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (error, "manifest", _("must be an object"));
  root = json_node_get_object (root_node);

  if (!only_fields (root, "manifest", allowed, error) ||
      !check_string (root, "manifest", "format", TRUE, error))
    return FALSE;
  if (!g_str_equal (json_object_get_string_member (root, "format"), ASSAY_BUNDLE_MANIFEST_FORMAT))
    return fail (error, "format", _("is not “assay-evidence-bundle”"));
  if (!is_integer (member (root, "version")) ||
      json_object_get_int_member (root, "version") != ASSAY_BUNDLE_MANIFEST_VERSION)
    return fail (error, "version", _("is not 1"));

  if (!check_object (root, "credential", credential_fields, &credential, error) ||
      !check_string (credential, "credential", "id", TRUE, error))
    return FALSE;
  if (!is_integer (member (credential, "version")) || json_object_get_int_member (credential, "version") < 1)
    return fail (error, "credential.version", _("must be an integer of at least 1"));

  if (!check_object (root, "earner", earner_fields, &earner, error) ||
      !check_string (earner, "earner", "name", TRUE, error) ||
      !check_string (earner, "earner", "email", TRUE, error) ||
      !check_string (earner, "earner", "licence_number", FALSE, error))
    return FALSE;
  email = json_object_get_string_member (earner, "email");
  if (strchr (email, '@') == NULL || *email == '@' || g_str_has_suffix (email, "@"))
    return fail (error, "earner.email", _("is not an e-mail address"));

  if (!is_integer (member (root, "attempt")) || json_object_get_int_member (root, "attempt") < 1)
    return fail (error, "attempt", _("must be an integer of at least 1"));

  if (!check_list (root, "artifacts", &artifacts, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (artifacts); i++)
    if (!check_artifact (json_array_get_element (artifacts, i), i, paths, error))
      return FALSE;

  if (member (root, "reflections") == NULL)
    return TRUE;
  if (!check_list (root, "reflections", &reflections, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (reflections); i++)
    if (!check_reflection (json_array_get_element (reflections, i), i, error))
      return FALSE;

  return TRUE;
}

/* Strict JSON, checked before json-glib sees it. json-glib 1.6 parses
 * recursively with no depth limit: 100,000 '[' (100 KB, well under the
 * 1 MiB cap) overflow the stack of the importing thread and end the
 * process. It also accepts more than JSON ('single quotes', comments, hex
 * numbers, raw newlines in strings), so its nesting can only be measured
 * exactly on input that is strict JSON: this walks RFC 8259's grammar
 * without recursion, and counts the nesting on the way.
 */

#define MAX_NESTING 32

typedef enum
{
  JSON_OK,
  JSON_INVALID,
  JSON_TOO_DEEP,
} JsonCheck;

typedef enum
{
  WANT_VALUE,
  WANT_VALUE_OR_CLOSE,    /* just after '[' */
  WANT_KEY,
  WANT_KEY_OR_CLOSE,      /* just after '{' */
  WANT_COLON,
  WANT_COMMA_OR_CLOSE,
  WANT_END,
} JsonState;

/* \uXXXX at @p (just after the backslash), or -1 */
static gint32
read_escape (const char *p,
             const char *end)
{
  gint32 value = 0;

  if (end - p < 5 || *p != 'u')
    return -1;
  for (guint i = 1; i <= 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* Strings must also be text: no \u0000 (C strings would end there) and no
 * lone surrogate (json-glib turns one into bytes that are not UTF-8, which
 * would reach error messages and the store). */
static gboolean
skip_string (const char **at,
             const char  *end)
{
  const char *p = *at + 1;

  while (p < end && *p != '"')
    {
      gint32 unit, low;

      if ((guchar) *p < 0x20)
        return FALSE;
      if (*p != '\\')
        {
          p++;
          continue;
        }
      if (++p == end)
        return FALSE;
      if (*p != 'u')
        {
          if (strchr ("\"\\/bfnrt", *p) == NULL || *p == '\0')
            return FALSE;
          p++;
          continue;
        }

      unit = read_escape (p, end);
      if (unit <= 0 || (unit >= 0xdc00 && unit <= 0xdfff))
        return FALSE;
      p += 5;
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          if (end - p < 6 || p[0] != '\\')
            return FALSE;
          low = read_escape (p + 1, end);
          if (low < 0xdc00 || low > 0xdfff)
            return FALSE;
          p += 6;
        }
    }
  if (p == end)
    return FALSE;

  *at = p + 1;
  return TRUE;
}

static gboolean
skip_digits (const char **at,
             const char  *end)
{
  const char *start = *at;

  while (*at < end && g_ascii_isdigit (**at))
    (*at)++;

  return *at > start;
}

static gboolean
skip_number (const char **at,
             const char  *end)
{
  const char *p = *at;

  if (*p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (!skip_digits (&p, end))
    return FALSE;
  if (p < end && *p == '.' && (++p, !skip_digits (&p, end)))
    return FALSE;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (!skip_digits (&p, end))
        return FALSE;
    }

  *at = p;
  return TRUE;
}

static gboolean
skip_word (const char **at,
           const char  *end)
{
  static const char *const words[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize length = strlen (words[i]);

      if ((gsize) (end - *at) >= length && memcmp (*at, words[i], length) == 0)
        {
          *at += length;
          return TRUE;
        }
    }

  return FALSE;
}

/* On JSON_INVALID, @error_at is where the input stops being JSON */
static JsonCheck
check_strict_json (const char  *data,
                   gsize        length,
                   const char **error_at)
{
  const char *p = data, *end = data + length;
  char open[MAX_NESTING];
  guint depth = 0;
  JsonState state = WANT_VALUE;

  /* the byte order mark Notepad writes, which json-glib skips too */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (;;)
    {
      char c;

      while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
      *error_at = p;
      if (p == end)
        return state == WANT_END ? JSON_OK : JSON_INVALID;
      c = *p;

      switch (state)
        {
        case WANT_VALUE:
        case WANT_VALUE_OR_CLOSE:
        case WANT_KEY:
        case WANT_KEY_OR_CLOSE:
          if ((state == WANT_VALUE_OR_CLOSE && c == ']') || (state == WANT_KEY_OR_CLOSE && c == '}'))
            {
              depth--;
              p++;
              break;
            }
          if (state == WANT_KEY || state == WANT_KEY_OR_CLOSE)
            {
              if (c != '"' || !skip_string (&p, end))
                return JSON_INVALID;
              state = WANT_COLON;
              continue;
            }
          if (c == '[' || c == '{')
            {
              if (depth == MAX_NESTING)
                return JSON_TOO_DEEP;
              open[depth++] = c;
              state = c == '[' ? WANT_VALUE_OR_CLOSE : WANT_KEY_OR_CLOSE;
              p++;
              continue;
            }
          if (!(c == '"' ? skip_string (&p, end) :
                (c == '-' || g_ascii_isdigit (c)) ? skip_number (&p, end) :
                skip_word (&p, end)))
            return JSON_INVALID;
          break;

        case WANT_COLON:
          if (c != ':')
            return JSON_INVALID;
          state = WANT_VALUE;
          p++;
          continue;

        case WANT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              state = open[depth - 1] == '[' ? WANT_VALUE : WANT_KEY;
              p++;
              continue;
            }
          if (c != (open[depth - 1] == '[' ? ']' : '}'))
            return JSON_INVALID;
          depth--;
          p++;
          break;

        case WANT_END:
        default:
          return JSON_INVALID;
        }

      /* a value, or a container, is complete */
      state = depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
    }
}

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';

  return line;
}

/* in characters, as an editor counts them */
static guint
column_of (const char *data,
           const char *at)
{
  const char *start = at;

  while (start > data && start[-1] != '\n')
    start--;

  return g_utf8_strlen (start, at - start) + 1;
}

/**
 * assay_bundle_manifest_parse:
 *
 * Parses and validates manifest.json. Entries are checked later, by
 * assay_bundle_manifest_check_entries().
 *
 * Returns: (transfer full): the manifest, or %NULL with %ASSAY_BUNDLE_ERROR_MANIFEST
 */
JsonNode *
assay_bundle_manifest_parse (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *error_at = NULL;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);
  if (length > ASSAY_BUNDLE_MANIFEST_MAX_BYTES)
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                   _("The bundle’s manifest is larger than 1 MiB"));
      return NULL;
    }
  /* an empty manifest.json comes as (NULL, 0), which json-glib refuses
   * with a critical */
  if (length == 0)
    {
      fail (error, "manifest", _("is empty"));
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                   _("The bundle’s manifest is not valid JSON: %s"), _("it is not UTF-8"));
      return NULL;
    }
  switch (check_strict_json (data, length, &error_at))
    {
    case JSON_OK:
      break;
    case JSON_TOO_DEEP:
      fail (error, "manifest", _("is nested too deeply"));
      return NULL;
    case JSON_INVALID:
    default:
      /* never json-glib for the message: it may accept the input, nested
       * as deeply as it likes */
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                   _("The bundle’s manifest is not valid JSON: see line %u, column %u"),
                   line_of (data, error_at), column_of (data, error_at));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                   _("The bundle’s manifest is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      fail (error, "manifest", _("is empty"));
      return NULL;
    }
  if (!check_manifest (root, error))
    return NULL;

  return json_node_ref (root);
}

/**
 * assay_bundle_manifest_check_entries:
 * @entries: (element-type AssayBundleEntry): what the zip held
 *
 * Every artifact the manifest lists must be an entry of the same size and
 * SHA-256. Entries the manifest does not list are accepted: they stay
 * entries of the bundle, without a title or criteria.
 */
gboolean
assay_bundle_manifest_check_entries (JsonNode   *manifest,
                                     GPtrArray  *entries,
                                     GError    **error)
{
  g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *artifacts = json_object_get_array_member (json_node_get_object (manifest), "artifacts");

  for (guint i = 0; i < entries->len; i++)
    {
      AssayBundleEntry *entry = g_ptr_array_index (entries, i);

      if (entry->sha256 != NULL)
        g_hash_table_insert (by_path, entry->path, entry);
    }

  for (guint i = 0; i < json_array_get_length (artifacts); i++)
    {
      JsonObject *artifact = json_array_get_object_element (artifacts, i);
      const char *path = json_object_get_string_member (artifact, "path");
      g_autofree char *nfc = g_utf8_normalize (path, -1, G_NORMALIZE_NFC);
      AssayBundleEntry *entry = g_hash_table_lookup (by_path, nfc ? nfc : path);

      if (entry == NULL)
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                       _("The manifest lists “%s”, which is not in the bundle"), path);
          return FALSE;
        }
      if (entry->size != (guint64) json_object_get_int_member (artifact, "size"))
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                       _("“%s” does not have the size the manifest gives"), path);
          return FALSE;
        }
      if (!g_str_equal (entry->sha256, json_object_get_string_member (artifact, "sha256")))
        {
          g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_MANIFEST,
                       _("“%s” does not have the SHA-256 the manifest gives: it was changed or damaged"),
                       path);
          return FALSE;
        }
    }

  return TRUE;
}
