/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_RECORD (assay_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (AssayRecord, assay_record, ASSAY, RECORD, GObject)

#define ASSAY_MODEL_ERROR (assay_model_error_quark ())

typedef enum
{
  ASSAY_MODEL_ERROR_INVALID,
} AssayModelError;

/* The common base of every row in a workspace.
 *
 * A subclass declares its columns as GObject properties and hands them to
 * assay_record_class_install_properties(); the base class then stores their
 * values, compares before notifying, and lets the store map each writable
 * property to the column of the same name. Properties that are only readable
 * are derived values (counts, summaries) that the store keeps up to date but
 * never persists.
 */
struct _AssayRecordClass
{
  GObjectClass parent_class;

  /* SQL table of this kind of row; only the store reads it */
  const char *table;
  /* Translatable singular name for messages, e.g. "credential" */
  const char *kind_name;

  gboolean (*validate) (AssayRecord  *self,
                        GError      **error);

  /*< private >*/
  GParamSpec **pspecs;
  guint        n_pspecs;
  gpointer     padding[8];
};

GQuark       assay_model_error_quark            (void);

void         assay_record_class_install_properties (AssayRecordClass  *klass,
                                                    const char        *table,
                                                    const char        *kind_name,
                                                    guint              n_pspecs,
                                                    GParamSpec       **pspecs);
GParamSpec **assay_record_class_list_columns    (AssayRecordClass  *klass,
                                                 guint             *n_columns);

const char  *assay_record_get_id                (AssayRecord       *self);
char        *assay_record_dup_display_id        (AssayRecord       *self);
gboolean     assay_record_validate              (AssayRecord       *self,
                                                 GError           **error);
gboolean     assay_record_get_persisted         (AssayRecord       *self);
void         _assay_record_set_persisted        (AssayRecord       *self,
                                                 gboolean           persisted);
AssayRecord *assay_record_duplicate             (AssayRecord       *self);
char        *assay_record_new_uuid              (void);

const char  *assay_record_get_string            (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_string            (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 const char        *value);
gint64       assay_record_get_int               (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_int               (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 gint64             value);
double       assay_record_get_double            (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_double            (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 double             value);
gboolean     assay_record_get_boolean           (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_boolean           (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 gboolean           value);
int          assay_record_get_enum              (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_enum              (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 int                value);
const char * const *assay_record_get_strv       (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_strv              (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 const char * const *value);
GDateTime   *assay_record_get_datetime          (AssayRecord       *self,
                                                 GParamSpec        *pspec);
void         assay_record_set_datetime          (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 GDateTime         *value);
void         assay_record_set_value             (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 const GValue      *value);
void         _assay_record_load_value           (AssayRecord       *self,
                                                 GParamSpec        *pspec,
                                                 GValue            *value);
const GValue *assay_record_peek_value           (AssayRecord       *self,
                                                 GParamSpec        *pspec);

/* Accessor definitions: one line per property in the subclass' .c file,
 * with the declarations written out in its header where they document the API.
 */
#define ASSAY_RECORD_DEFINE_ACCESSORS(Type, prefix, prop, ctype, kind, PROP) \
  ctype prefix##_get_##prop (Type *self)                                     \
  {                                                                          \
    return (ctype) assay_record_get_##kind (ASSAY_RECORD (self), properties[PROP]); \
  }                                                                          \
  void prefix##_set_##prop (Type *self, ctype value)                         \
  {                                                                          \
    assay_record_set_##kind (ASSAY_RECORD (self), properties[PROP], value);  \
  }

#define ASSAY_RECORD_STRING(Type, prefix, prop, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, const char *, string, PROP)
#define ASSAY_RECORD_INT(Type, prefix, prop, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, gint64, int, PROP)
#define ASSAY_RECORD_DOUBLE(Type, prefix, prop, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, double, double, PROP)
#define ASSAY_RECORD_BOOLEAN(Type, prefix, prop, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, gboolean, boolean, PROP)
#define ASSAY_RECORD_ENUM(Type, prefix, prop, EnumType, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, EnumType, enum, PROP)
#define ASSAY_RECORD_STRV(Type, prefix, prop, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, const char * const *, strv, PROP)
#define ASSAY_RECORD_DATETIME(Type, prefix, prop, PROP) \
  ASSAY_RECORD_DEFINE_ACCESSORS (Type, prefix, prop, GDateTime *, datetime, PROP)

/* Flags for column properties */
#define ASSAY_COLUMN_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define ASSAY_DERIVED_FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

G_END_DECLS
