/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-frameworks"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "assay-framework.h"

/* A framework a provider documents a credential against: the state's
 * approval rubric, or a set of quality criteria. Each is a JSON file
 * (format "assay-framework", described in help/C/framework-format.page):
 * sections, optionally holding subsections, holding the indicators to rate,
 * each with its text word for word from the source document. Files are
 * checked strictly, since a state's file may come from anywhere. */

#define MAX_FILE_BYTES (4 * 1024 * 1024)
#define MAX_TEXT 8192
#define MAX_ITEMS 2000

struct _AssayFramework
{
  GObject             parent_instance;

  char               *id;
  char               *title;
  char               *short_title;
  char               *publisher;
  char               *description;
  AssayFrameworkKind  kind;
  int                 review_days;
  gboolean            all_must_pass;
  GArray             *sections;     /* AssayFrameworkSection */
  GArray             *indicators;   /* AssayFrameworkIndicator */
  GHashTable         *by_id;        /* indicator id → index + 1 */
};

G_DEFINE_FINAL_TYPE (AssayFramework, assay_framework, G_TYPE_OBJECT)

G_DEFINE_QUARK (assay-framework-error-quark, assay_framework_error)

static void
clear_section (gpointer data)
{
  AssayFrameworkSection *section = data;

  g_free (section->id);
  g_free (section->title);
  g_free (section->description);
  g_free (section->guiding_question);
}

static void
clear_indicator (gpointer data)
{
  AssayFrameworkIndicator *indicator = data;

  g_free (indicator->id);
  g_free (indicator->name);
  g_free (indicator->text);
  g_free (indicator->kind);
}

static void
assay_framework_finalize (GObject *object)
{
  AssayFramework *self = ASSAY_FRAMEWORK (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->short_title);
  g_free (self->publisher);
  g_free (self->description);
  g_array_unref (self->sections);
  g_array_unref (self->indicators);
  g_hash_table_unref (self->by_id);

  G_OBJECT_CLASS (assay_framework_parent_class)->finalize (object);
}

static void
assay_framework_class_init (AssayFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = assay_framework_finalize;
}

static void
assay_framework_init (AssayFramework *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (AssayFrameworkSection));
  g_array_set_clear_func (self->sections, clear_section);
  self->indicators = g_array_new (FALSE, TRUE, sizeof (AssayFrameworkIndicator));
  g_array_set_clear_func (self->indicators, clear_indicator);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
invalid (GError     **error,
         const char  *origin,
         const char  *what)
{
  g_set_error (error, ASSAY_FRAMEWORK_ERROR, ASSAY_FRAMEWORK_ERROR_INVALID,
               _("The framework file %s is not valid: %s"), origin, what);
  return FALSE;
}

/* A string member: present (unless @optional), text, not too long. */
static gboolean
get_text (JsonObject  *object,
          const char  *member,
          gboolean     optional,
          char       **out,
          const char  *origin,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;
  g_autofree char *what = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (optional)
        return TRUE;
      what = g_strdup_printf (_("“%s” is missing"), member);
      return invalid (error, origin, what);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      what = g_strdup_printf (_("“%s” must be text"), member);
      return invalid (error, origin, what);
    }
  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL) || strlen (value) > MAX_TEXT || (!optional && *value == '\0'))
    {
      what = g_strdup_printf (_("“%s” is empty or too long"), member);
      return invalid (error, origin, what);
    }
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
read_indicators (AssayFramework *self,
                 JsonArray      *array,
                 guint           section,
                 const char     *origin,
                 GError        **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      AssayFrameworkIndicator indicator = { NULL };
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, origin, _("an indicator must be an object"));
      object = json_node_get_object (node);
      g_array_append_val (self->indicators, indicator);
      {
        AssayFrameworkIndicator *added = &g_array_index (self->indicators, AssayFrameworkIndicator,
                                                         self->indicators->len - 1);

        added->section = section;
        if (!get_text (object, "id", FALSE, &added->id, origin, error)
            || !get_text (object, "text", FALSE, &added->text, origin, error)
            || !get_text (object, "name", TRUE, &added->name, origin, error)
            || !get_text (object, "kind", TRUE, &added->kind, origin, error))
          return FALSE;
        if (added->kind == NULL)
          added->kind = g_strdup (self->kind == ASSAY_FRAMEWORK_APPROVAL ? "indicator" : "criterion");
        if (!valid_id (added->id))
          return invalid (error, origin, _("an indicator id may hold only letters, digits, “.”, “-” and “_”"));
        if (g_hash_table_contains (self->by_id, added->id))
          {
            g_autofree char *what = g_strdup_printf (_("the indicator id “%s” is used twice"), added->id);

            return invalid (error, origin, what);
          }
        g_hash_table_insert (self->by_id, added->id, GUINT_TO_POINTER (self->indicators->len));
        if (self->indicators->len > MAX_ITEMS)
          return invalid (error, origin, _("too many indicators"));
      }
    }
  return TRUE;
}

static gboolean
read_sections (AssayFramework *self,
               JsonArray      *array,
               int             depth,
               int             top,
               const char     *origin,
               GError        **error)
{
  if (depth > 1)
    return invalid (error, origin, _("sections may hold subsections, but no deeper"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      AssayFrameworkSection section = { NULL };
      JsonObject *object;
      JsonNode *children, *indicators;
      guint index;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, origin, _("a section must be an object"));
      object = json_node_get_object (node);

      g_array_append_val (self->sections, section);
      index = self->sections->len - 1;
      {
        AssayFrameworkSection *added = &g_array_index (self->sections, AssayFrameworkSection, index);

        added->depth = depth;
        added->top = depth == 0 ? (int) index : top;
        if (!get_text (object, "id", FALSE, &added->id, origin, error)
            || !get_text (object, "title", FALSE, &added->title, origin, error)
            || !get_text (object, "description", TRUE, &added->description, origin, error)
            || !get_text (object, "guiding_question", TRUE, &added->guiding_question, origin, error))
          return FALSE;
      }
      if (self->sections->len > MAX_ITEMS)
        return invalid (error, origin, _("too many sections"));

      indicators = json_object_get_member (object, "indicators");
      children = json_object_get_member (object, "subsections");
      if (indicators != NULL && !JSON_NODE_HOLDS_ARRAY (indicators))
        return invalid (error, origin, _("“indicators” must be a list"));
      if (children != NULL && !JSON_NODE_HOLDS_ARRAY (children))
        return invalid (error, origin, _("“subsections” must be a list"));
      if (indicators == NULL && children == NULL)
        return invalid (error, origin, _("a section needs indicators or subsections"));
      if (indicators != NULL && !read_indicators (self, json_node_get_array (indicators), index, origin, error))
        return FALSE;
      if (children != NULL
          && !read_sections (self, json_node_get_array (children), depth + 1,
                             depth == 0 ? (int) index : top, origin, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * assay_framework_new_from_bytes:
 * @origin: the file's name, for messages
 *
 * Reads a framework file, refusing anything that is not exactly the
 * format: a clear message names the file and the problem.
 */
AssayFramework *
assay_framework_new_from_bytes (GBytes      *json,
                                const char  *origin,
                                GError     **error)
{
  g_autoptr(AssayFramework) self = g_object_new (ASSAY_TYPE_FRAMEWORK, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *format = NULL;
  JsonObject *root;
  JsonNode *node;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (size == 0 || size > MAX_FILE_BYTES)
    {
      invalid (error, origin, _("it is empty or larger than 4 MB"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      invalid (error, origin, _("it is not UTF-8 text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      invalid (error, origin, parse_error->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, origin, _("it must hold one JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!get_text (root, "format", FALSE, &format, origin, error))
    return NULL;
  if (!g_str_equal (format, "assay-framework")
      || !json_object_has_member (root, "format_version")
      || json_object_get_int_member_with_default (root, "format_version", 0) != 1)
    {
      invalid (error, origin, _("it is not an Assay framework file of format version 1"));
      return NULL;
    }
  if (!get_text (root, "id", FALSE, &self->id, origin, error)
      || !get_text (root, "title", FALSE, &self->title, origin, error)
      || !get_text (root, "short_title", TRUE, &self->short_title, origin, error)
      || !get_text (root, "publisher", TRUE, &self->publisher, origin, error)
      || !get_text (root, "description", TRUE, &self->description, origin, error)
      || !get_text (root, "kind", FALSE, &kind, origin, error))
    return NULL;
  if (!valid_id (self->id))
    {
      invalid (error, origin, _("its id may hold only letters, digits, “.”, “-” and “_”"));
      return NULL;
    }
  if (g_str_equal (kind, "approval"))
    self->kind = ASSAY_FRAMEWORK_APPROVAL;
  else if (g_str_equal (kind, "quality"))
    self->kind = ASSAY_FRAMEWORK_QUALITY;
  else
    {
      invalid (error, origin, _("“kind” must be “approval” or “quality”"));
      return NULL;
    }
  self->review_days = (int) json_object_get_int_member_with_default (root, "review_days", 0);
  if (self->review_days < 0 || self->review_days > 366)
    {
      invalid (error, origin, _("“review_days” must be between 0 and 366"));
      return NULL;
    }
  self->all_must_pass = json_object_get_boolean_member_with_default (root, "all_must_pass", FALSE);

  node = json_object_get_member (root, "sections");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      invalid (error, origin, _("“sections” must be a list of at least one section"));
      return NULL;
    }
  if (!read_sections (self, json_node_get_array (node), 0, 0, origin, error))
    return NULL;
  if (self->indicators->len == 0)
    {
      invalid (error, origin, _("it has no indicators"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
assay_framework_get_id (AssayFramework *self)
{
  return self->id;
}

const char *
assay_framework_get_title (AssayFramework *self)
{
  return self->title;
}

/* A name that fits a menu: the title when the file gives none. */
const char *
assay_framework_get_short_title (AssayFramework *self)
{
  return self->short_title ? self->short_title : self->title;
}

const char *
assay_framework_get_publisher (AssayFramework *self)
{
  return self->publisher;
}

const char *
assay_framework_get_description (AssayFramework *self)
{
  return self->description;
}

AssayFrameworkKind
assay_framework_get_kind (AssayFramework *self)
{
  return self->kind;
}

int
assay_framework_get_review_days (AssayFramework *self)
{
  return self->review_days;
}

gboolean
assay_framework_get_all_must_pass (AssayFramework *self)
{
  return self->all_must_pass;
}

guint
assay_framework_get_n_sections (AssayFramework *self)
{
  return self->sections->len;
}

const AssayFrameworkSection *
assay_framework_get_section (AssayFramework *self,
                             guint           index)
{
  g_return_val_if_fail (index < self->sections->len, NULL);

  return &g_array_index (self->sections, AssayFrameworkSection, index);
}

guint
assay_framework_get_n_indicators (AssayFramework *self)
{
  return self->indicators->len;
}

const AssayFrameworkIndicator *
assay_framework_get_indicator (AssayFramework *self,
                               guint           index)
{
  g_return_val_if_fail (index < self->indicators->len, NULL);

  return &g_array_index (self->indicators, AssayFrameworkIndicator, index);
}

const AssayFrameworkIndicator *
assay_framework_find_indicator (AssayFramework *self,
                                const char     *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));

  return index > 0 ? assay_framework_get_indicator (self, index - 1) : NULL;
}

static void
add_framework (GPtrArray      *all,
               AssayFramework *framework)
{
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (assay_framework_get_id (g_ptr_array_index (all, i)), framework->id))
      return;
  g_ptr_array_add (all, g_object_ref (framework));
}

/**
 * assay_frameworks_get_all:
 * @problems: (out) (optional) (transfer full): messages for files skipped
 *
 * Returns: (transfer full) (element-type AssayFramework): every framework
 */
GPtrArray *
assay_frameworks_get_all (GPtrArray **problems)
{
  static const char * const shipped[] = { "isbe-2023", "cross-state-2019", "ccsso-2020" };
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "assay", "frameworks", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *path = g_strdup_printf ("/app/assay/Assay/frameworks/%s.json", shipped[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(AssayFramework) framework = NULL;
      g_autoptr(GError) error = NULL;

      if (bytes != NULL && (framework = assay_framework_new_from_bytes (bytes, shipped[i], &error)) != NULL)
        add_framework (all, framework);
      else if (problems != NULL)
        g_ptr_array_add (*problems, g_strdup (error ? error->message : path));
    }

  if ((dir = g_dir_open (directory, 0, NULL)) != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (directory, names->pdata[i], NULL);
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
          g_autoptr(GBytes) bytes = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
          g_autoptr(AssayFramework) framework = NULL;
          g_autoptr(GError) error = NULL;

          if (bytes != NULL && (framework = assay_framework_new_from_bytes (bytes, names->pdata[i], &error)) != NULL)
            add_framework (all, framework);
          else if (problems != NULL)
            g_ptr_array_add (*problems, g_strdup (error ? error->message : path));
        }
    }
  return all;
}

/**
 * assay_frameworks_lookup:
 *
 * Returns: (transfer full) (nullable): the framework with @id
 */
AssayFramework *
assay_frameworks_lookup (const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) all = assay_frameworks_get_all (NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (assay_framework_get_id (g_ptr_array_index (all, i)), id) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  g_set_error (error, ASSAY_FRAMEWORK_ERROR, ASSAY_FRAMEWORK_ERROR_NOT_FOUND,
               _("There is no framework “%s”. Run “assay-cli list frameworks” to see them."), id ? id : "");
  return NULL;
}
