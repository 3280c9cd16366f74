/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-resource.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

struct _AssayResource
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayResource, assay_resource, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CREDENTIAL_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_URL,
  PROP_USE,
  PROP_COST,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayResource, assay_resource, credential_id, PROP_CREDENTIAL_ID)
ASSAY_RECORD_INT (AssayResource, assay_resource, position, PROP_POSITION)
ASSAY_RECORD_STRING (AssayResource, assay_resource, title, PROP_TITLE)
ASSAY_RECORD_STRING (AssayResource, assay_resource, url, PROP_URL)
ASSAY_RECORD_ENUM (AssayResource, assay_resource, use, AssayResourceUse, PROP_USE)
ASSAY_RECORD_ENUM (AssayResource, assay_resource, cost, AssayResourceCost, PROP_COST)
ASSAY_RECORD_STRING (AssayResource, assay_resource, notes, PROP_NOTES)

static gboolean
assay_resource_validate (AssayRecord  *record,
                         GError      **error)
{
  AssayResource *self = ASSAY_RESOURCE (record);

  if (!assay_model_check_text (assay_resource_get_credential_id (self), _("A resource belongs to a credential"), error))
    return FALSE;
  if (!assay_model_check_text (assay_resource_get_title (self), _("A resource needs a title"), error))
    return FALSE;
  if (!assay_model_check_url (assay_resource_get_url (self), error))
    return FALSE;

  return TRUE;
}

static void
assay_resource_class_init (AssayResourceClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_resource_validate;

  properties[PROP_CREDENTIAL_ID] = g_param_spec_string ("credential-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_USE] = g_param_spec_enum ("use", NULL, NULL, ASSAY_TYPE_RESOURCE_USE,
                                            ASSAY_RESOURCE_USE_SUGGESTED, ASSAY_COLUMN_FLAGS);
  properties[PROP_COST] = g_param_spec_enum ("cost", NULL, NULL, ASSAY_TYPE_RESOURCE_COST,
                                             ASSAY_RESOURCE_COST_FREE, ASSAY_COLUMN_FLAGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "resource", N_("resource"),
                                         N_PROPS, properties);
}

static void
assay_resource_init (AssayResource *self)
{
}

AssayResource *
assay_resource_new (const char *credential_id,
                    const char *title)
{
  return g_object_new (ASSAY_TYPE_RESOURCE, "credential-id", credential_id, "title", title, NULL);
}
