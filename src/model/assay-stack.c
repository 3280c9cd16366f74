/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-stack.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayStack
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayStack, assay_stack, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ORDERED,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayStack, assay_stack, title, PROP_TITLE)
ASSAY_RECORD_STRING (AssayStack, assay_stack, description, PROP_DESCRIPTION)
ASSAY_RECORD_BOOLEAN (AssayStack, assay_stack, ordered, PROP_ORDERED)
ASSAY_RECORD_DATETIME (AssayStack, assay_stack, created_at, PROP_CREATED_AT)

static gboolean
assay_stack_validate (AssayRecord  *record,
                      GError      **error)
{
  AssayStack *self = ASSAY_STACK (record);

  if (!assay_model_check_text (assay_stack_get_title (self), _("A stack needs a title"), error))
    return FALSE;
  if (assay_stack_get_created_at (self) == NULL)
    return assay_model_invalid (_("A stack needs a creation time"), error);

  return TRUE;
}

static void
assay_stack_class_init (AssayStackClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_stack_validate;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ORDERED] = g_param_spec_boolean ("ordered", NULL, NULL, FALSE, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "stack", N_("stack"),
                                         N_PROPS, properties);
}

static void
assay_stack_init (AssayStack *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_stack_set_created_at (self, now);
}

AssayStack *
assay_stack_new (const char *title)
{
  return g_object_new (ASSAY_TYPE_STACK, "title", title, NULL);
}
