/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-record.h"

typedef struct
{
  char     *id;
  GValue   *values;     /* one per column, in the class' pspec order */
  gboolean  persisted;
} AssayRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AssayRecord, assay_record, G_TYPE_OBJECT)
G_DEFINE_QUARK (assay-model-error-quark, assay_model_error)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property ids of subclass columns start here so that they can never clash
 * with the base class' own ids when both are routed through our handlers.
 */
#define COLUMN_ID_BASE 1000

static GValue *
column_values (AssayRecord *self)
{
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);
  AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (self);

  /* Allocated on first use: during instance init the class pointer still
   * names the base type, so the number of columns is not known yet.
   */
  if (priv->values == NULL && klass->n_pspecs > 0)
    {
      priv->values = g_new0 (GValue, klass->n_pspecs);
      for (guint i = 0; i < klass->n_pspecs; i++)
        {
          GParamSpec *pspec = klass->pspecs[i];

          g_value_init (&priv->values[i], pspec->value_type);
          g_param_value_set_default (pspec, &priv->values[i]);
        }
    }

  return priv->values;
}

static GValue *
lookup_value (AssayRecord *self,
              GParamSpec  *pspec)
{
  AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (self);
  guint index = pspec->param_id - COLUMN_ID_BASE;

  g_return_val_if_fail (pspec->param_id >= COLUMN_ID_BASE, NULL);
  g_return_val_if_fail (index < klass->n_pspecs, NULL);
  g_return_val_if_fail (klass->pspecs[index] == pspec, NULL);

  return &column_values (self)[index];
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_IS_PARAM_SPEC_BOXED (pspec) && pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_time_equal (da, db);
    }

  if (G_IS_PARAM_SPEC_BOXED (pspec) && pspec->value_type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return (sa == NULL || sa[0] == NULL) && (sb == NULL || sb[0] == NULL);
      return g_strv_equal (sa, sb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

void
assay_record_set_value (AssayRecord  *self,
                        GParamSpec   *pspec,
                        const GValue *value)
{
  GValue *slot;
  g_auto(GValue) copy = G_VALUE_INIT;

  g_return_if_fail (ASSAY_IS_RECORD (self));

  slot = lookup_value (self, pspec);
  g_return_if_fail (slot != NULL);

  g_value_init (&copy, pspec->value_type);
  if (!g_value_transform (value, &copy))
    {
      g_critical ("Cannot store a %s in %s:%s", G_VALUE_TYPE_NAME (value),
                  G_OBJECT_TYPE_NAME (self), pspec->name);
      return;
    }
  g_param_value_validate (pspec, &copy);

  if (values_equal (pspec, slot, &copy))
    return;

  g_value_unset (slot);
  *slot = copy;
  copy = (GValue) G_VALUE_INIT;

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * _assay_record_load_value:
 * @value: (transfer full): a value of exactly the column's type
 *
 * For the store filling a row object nobody has seen yet: no comparison,
 * no notification, which a thousand rows of twenty columns would feel.
 */
void
_assay_record_load_value (AssayRecord *self,
                          GParamSpec  *pspec,
                          GValue      *value)
{
  GValue *slot = lookup_value (self, pspec);

  g_return_if_fail (slot != NULL);
  g_return_if_fail (G_VALUE_TYPE (value) == pspec->value_type);

  g_value_unset (slot);
  *slot = *value;
  *value = (GValue) G_VALUE_INIT;
}

const GValue *
assay_record_peek_value (AssayRecord *self,
                         GParamSpec  *pspec)
{
  g_return_val_if_fail (ASSAY_IS_RECORD (self), NULL);

  return lookup_value (self, pspec);
}

static void
assay_record_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AssayRecord *self = ASSAY_RECORD (object);
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);

  if (prop_id == PROP_ID && pspec == properties[PROP_ID])
    g_value_set_string (value, priv->id);
  else if (prop_id >= COLUMN_ID_BASE)
    g_value_copy (lookup_value (self, pspec), value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
assay_record_column_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AssayRecord *self = ASSAY_RECORD (object);
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);

  if (prop_id == PROP_ID && pspec == properties[PROP_ID])
    {
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      if (priv->id == NULL)
        priv->id = assay_record_new_uuid ();
    }
  else if (prop_id >= COLUMN_ID_BASE)
    assay_record_set_value (self, pspec, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static gboolean
assay_record_real_validate (AssayRecord  *self,
                            GError      **error)
{
  return TRUE;
}

static void
assay_record_finalize (GObject *object)
{
  AssayRecord *self = ASSAY_RECORD (object);
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);
  AssayRecordClass *klass = ASSAY_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_pspecs; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_free (priv->id);

  G_OBJECT_CLASS (assay_record_parent_class)->finalize (object);
}

static void
assay_record_class_init (AssayRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = assay_record_finalize;
  object_class->get_property = assay_record_column_get_property;
  object_class->set_property = assay_record_column_set_property;

  klass->validate = assay_record_real_validate;

  /**
   * AssayRecord:id:
   *
   * The stable UUID of the row, the same on every machine the row travels to.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
assay_record_init (AssayRecord *self)
{
}

/**
 * assay_record_class_install_properties:
 * @klass: the subclass being initialised
 * @table: its SQL table
 * @kind_name: a translatable name for a row of this kind, for messages
 * @n_pspecs: length of @pspecs, including the unused slot 0
 * @pspecs: the subclass' property array, `properties[PROP_0]` being %NULL
 *
 * Installs the subclass' columns as properties whose values the base class
 * keeps. The pspecs are the subclass' own array, so that its setters can
 * notify with them.
 */
void
assay_record_class_install_properties (AssayRecordClass  *klass,
                                       const char        *table,
                                       const char        *kind_name,
                                       guint              n_pspecs,
                                       GParamSpec       **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (ASSAY_IS_RECORD_CLASS (klass));
  g_return_if_fail (n_pspecs > 0 && pspecs[0] == NULL);

  object_class->get_property = assay_record_column_get_property;
  object_class->set_property = assay_record_column_set_property;

  klass->table = table;
  klass->kind_name = kind_name;
  klass->n_pspecs = n_pspecs - 1;
  klass->pspecs = g_new0 (GParamSpec *, n_pspecs);

  for (guint i = 1; i < n_pspecs; i++)
    {
      g_object_class_install_property (object_class, COLUMN_ID_BASE + i - 1, pspecs[i]);
      klass->pspecs[i - 1] = pspecs[i];
    }
}

/**
 * assay_record_class_list_columns:
 *
 * Returns: (transfer none): the properties of @klass in declaration order,
 *   persisted columns and derived values alike.
 */
GParamSpec **
assay_record_class_list_columns (AssayRecordClass *klass,
                                 guint            *n_columns)
{
  g_return_val_if_fail (ASSAY_IS_RECORD_CLASS (klass), NULL);

  *n_columns = klass->n_pspecs;
  return klass->pspecs;
}

const char *
assay_record_get_id (AssayRecord *self)
{
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);

  g_return_val_if_fail (ASSAY_IS_RECORD (self), NULL);

  if (priv->id == NULL)
    priv->id = assay_record_new_uuid ();

  return priv->id;
}

/**
 * assay_record_dup_display_id:
 *
 * Returns: the first block of the UUID, enough for a person to tell rows apart
 */
char *
assay_record_dup_display_id (AssayRecord *self)
{
  const char *id = assay_record_get_id (self);
  const char *dash = strchr (id, '-');

  return dash ? g_strndup (id, dash - id) : g_strdup (id);
}

char *
assay_record_new_uuid (void)
{
  return g_uuid_string_random ();
}

gboolean
assay_record_validate (AssayRecord  *self,
                       GError      **error)
{
  g_return_val_if_fail (ASSAY_IS_RECORD (self), FALSE);

  return ASSAY_RECORD_GET_CLASS (self)->validate (self, error);
}

gboolean
assay_record_get_persisted (AssayRecord *self)
{
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);

  g_return_val_if_fail (ASSAY_IS_RECORD (self), FALSE);

  return priv->persisted;
}

void
_assay_record_set_persisted (AssayRecord *self,
                             gboolean     persisted)
{
  AssayRecordPrivate *priv = assay_record_get_instance_private (self);

  priv->persisted = !!persisted;
}

/**
 * assay_record_duplicate:
 *
 * Returns: (transfer full): a new, unsaved row of the same kind with a fresh
 *   id and a copy of every column.
 */
AssayRecord *
assay_record_duplicate (AssayRecord *self)
{
  AssayRecordClass *klass;
  AssayRecord *copy;

  g_return_val_if_fail (ASSAY_IS_RECORD (self), NULL);

  klass = ASSAY_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  for (guint i = 0; i < klass->n_pspecs; i++)
    if (klass->pspecs[i]->flags & G_PARAM_WRITABLE)
      assay_record_set_value (copy, klass->pspecs[i], lookup_value (self, klass->pspecs[i]));

  return copy;
}

const char *
assay_record_get_string (AssayRecord *self,
                         GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (self, pspec);

  return value ? g_value_get_string (value) : NULL;
}

void
assay_record_set_string (AssayRecord *self,
                         GParamSpec  *pspec,
                         const char  *string)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_static_string (&value, string);
  assay_record_set_value (self, pspec, &value);
}

gint64
assay_record_get_int (AssayRecord *self,
                      GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (self, pspec);
  g_auto(GValue) wide = G_VALUE_INIT;

  if (value == NULL)
    return 0;

  g_value_init (&wide, G_TYPE_INT64);
  g_value_transform (value, &wide);
  return g_value_get_int64 (&wide);
}

void
assay_record_set_int (AssayRecord *self,
                      GParamSpec  *pspec,
                      gint64       number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  assay_record_set_value (self, pspec, &value);
}

double
assay_record_get_double (AssayRecord *self,
                         GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (self, pspec);

  return value ? g_value_get_double (value) : 0.0;
}

void
assay_record_set_double (AssayRecord *self,
                         GParamSpec  *pspec,
                         double       number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  assay_record_set_value (self, pspec, &value);
}

gboolean
assay_record_get_boolean (AssayRecord *self,
                          GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (self, pspec);

  return value ? g_value_get_boolean (value) : FALSE;
}

void
assay_record_set_boolean (AssayRecord *self,
                          GParamSpec  *pspec,
                          gboolean     flag)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, !!flag);
  assay_record_set_value (self, pspec, &value);
}

int
assay_record_get_enum (AssayRecord *self,
                       GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (self, pspec);

  return value ? g_value_get_enum (value) : 0;
}

void
assay_record_set_enum (AssayRecord *self,
                       GParamSpec  *pspec,
                       int          number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, number);
  assay_record_set_value (self, pspec, &value);
}

const char * const *
assay_record_get_strv (AssayRecord *self,
                       GParamSpec  *pspec)
{
  static const char * const empty[] = { NULL };
  const GValue *value = assay_record_peek_value (self, pspec);
  const char * const *strv = value ? g_value_get_boxed (value) : NULL;

  return strv ? strv : empty;
}

void
assay_record_set_strv (AssayRecord        *self,
                       GParamSpec         *pspec,
                       const char * const *strv)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_static_boxed (&value, strv);
  assay_record_set_value (self, pspec, &value);
}

GDateTime *
assay_record_get_datetime (AssayRecord *self,
                           GParamSpec  *pspec)
{
  const GValue *value = assay_record_peek_value (self, pspec);

  return value ? g_value_get_boxed (value) : NULL;
}

void
assay_record_set_datetime (AssayRecord *self,
                           GParamSpec  *pspec,
                           GDateTime   *datetime)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DATE_TIME);
  g_value_set_static_boxed (&value, datetime);
  assay_record_set_value (self, pspec, &value);
}
