/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-person.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayPerson
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayPerson, assay_person, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLES,
  PROP_SCHOOL,
  PROP_DISTRICT,
  PROP_LICENCE_NUMBER,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayPerson, assay_person, name, PROP_NAME)
ASSAY_RECORD_STRING (AssayPerson, assay_person, email, PROP_EMAIL)
ASSAY_RECORD_DEFINE_ACCESSORS (AssayPerson, assay_person, roles, AssayPersonRole, int, PROP_ROLES)
ASSAY_RECORD_STRING (AssayPerson, assay_person, school, PROP_SCHOOL)
ASSAY_RECORD_STRING (AssayPerson, assay_person, district, PROP_DISTRICT)
ASSAY_RECORD_STRING (AssayPerson, assay_person, licence_number, PROP_LICENCE_NUMBER)
ASSAY_RECORD_DATETIME (AssayPerson, assay_person, created_at, PROP_CREATED_AT)

static gboolean
assay_person_validate (AssayRecord  *record,
                       GError      **error)
{
  AssayPerson *self = ASSAY_PERSON (record);

  if (!assay_model_check_text (assay_person_get_name (self), _("A person needs a name"), error))
    return FALSE;
  if (!assay_model_check_email (assay_person_get_email (self), error))
    return FALSE;
  if (assay_person_get_created_at (self) == NULL)
    return assay_model_invalid (_("A person needs a creation time"), error);

  return TRUE;
}

static void
assay_person_class_init (AssayPersonClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_person_validate;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_ROLES] = g_param_spec_flags ("roles", NULL, NULL, ASSAY_TYPE_PERSON_ROLE,
                                               ASSAY_PERSON_ROLE_EARNER, ASSAY_COLUMN_FLAGS);
  properties[PROP_SCHOOL] = g_param_spec_string ("school", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_LICENCE_NUMBER] = g_param_spec_string ("licence-number", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "person", N_("person"),
                                         N_PROPS, properties);
}

static void
assay_person_init (AssayPerson *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_person_set_created_at (self, now);
}

AssayPerson *
assay_person_new (const char *name,
                  const char *email)
{
  return g_object_new (ASSAY_TYPE_PERSON, "name", name, "email", email, NULL);
}

/**
 * assay_person_has_role:
 * @role: one role, or several that must all be held
 *
 * Returns: whether @self holds every role in @role
 */
gboolean
assay_person_has_role (AssayPerson     *self,
                       AssayPersonRole  role)
{
  g_return_val_if_fail (ASSAY_IS_PERSON (self), FALSE);
  g_return_val_if_fail (role != ASSAY_PERSON_ROLE_NONE, FALSE);

  return (assay_person_get_roles (self) & role) == role;
}
