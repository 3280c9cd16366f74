/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-issuer.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayIssuer
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayIssuer, assay_issuer, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_URL,
  PROP_EMAIL,
  PROP_IMAGE_HASH,
  PROP_DOMAIN,
  PROP_DID,
  PROP_KEY_ID,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, name, PROP_NAME)
ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, url, PROP_URL)
ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, email, PROP_EMAIL)
ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, image_hash, PROP_IMAGE_HASH)
ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, domain, PROP_DOMAIN)
ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, did, PROP_DID)
ASSAY_RECORD_STRING (AssayIssuer, assay_issuer, key_id, PROP_KEY_ID)
ASSAY_RECORD_DATETIME (AssayIssuer, assay_issuer, created_at, PROP_CREATED_AT)

static gboolean
assay_issuer_validate (AssayRecord  *record,
                       GError      **error)
{
  AssayIssuer *self = ASSAY_ISSUER (record);

  if (!assay_model_check_text (assay_issuer_get_name (self), _("An issuer needs a name"), error))
    return FALSE;
  if (!assay_model_check_url (assay_issuer_get_url (self), error))
    return FALSE;
  if (!assay_model_is_blank (assay_issuer_get_email (self)) &&
      !assay_model_check_email (assay_issuer_get_email (self), error))
    return FALSE;
  if (!assay_model_check_hash (assay_issuer_get_image_hash (self), _("The issuer image reference is not a SHA-256 hash"), error))
    return FALSE;
  if (assay_issuer_get_created_at (self) == NULL)
    return assay_model_invalid (_("An issuer needs a creation time"), error);

  return TRUE;
}

static void
assay_issuer_class_init (AssayIssuerClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_issuer_validate;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_IMAGE_HASH] = g_param_spec_string ("image-hash", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DOMAIN] = g_param_spec_string ("domain", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DID] = g_param_spec_string ("did", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_KEY_ID] = g_param_spec_string ("key-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "issuer", N_("issuer"),
                                         N_PROPS, properties);
}

static void
assay_issuer_init (AssayIssuer *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_issuer_set_created_at (self, now);
}

AssayIssuer *
assay_issuer_new (const char *name)
{
  return g_object_new (ASSAY_TYPE_ISSUER, "name", name, NULL);
}
