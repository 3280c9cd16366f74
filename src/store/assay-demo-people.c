/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-demo-private.h"

/* The issuer and the people of the demonstration: staff, assessors with
 * their qualifications and declared conflicts, earners. */

static AssayPerson *
find_person (AssayDemoLoader *loader,
             const char      *email)
{
  g_autofree char *key = email ? g_utf8_casefold (email, -1) : NULL;

  return key ? g_hash_table_lookup (loader->people, key) : NULL;
}

const char *
_assay_demo_person_id (AssayDemoLoader  *loader,
                       JsonObject       *object,
                       const char       *member,
                       GError          **error)
{
  const char *email;
  AssayPerson *person;

  if (!_assay_demo_get_string (object, member, TRUE, &email, error))
    return NULL;

  person = find_person (loader, email);
  if (person == NULL)
    {
      _assay_demo_unknown_reference (error, email);
      return NULL;
    }

  return assay_record_get_id (ASSAY_RECORD (person));
}

gboolean
_assay_demo_load_issuer (AssayDemoLoader  *loader,
                         JsonObject       *root,
                         GError          **error)
{
  g_autoptr(AssayIssuer) issuer = NULL;
  JsonObject *object;
  const char *name, *url, *email, *domain;

  if (!_assay_demo_get_object (root, "issuer", &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  if (!_assay_demo_get_string (object, "name", TRUE, &name, error) ||
      !_assay_demo_get_string (object, "url", FALSE, &url, error) ||
      !_assay_demo_get_string (object, "email", FALSE, &email, error) ||
      !_assay_demo_get_string (object, "domain", FALSE, &domain, error))
    return FALSE;

  issuer = assay_issuer_new (name);
  assay_issuer_set_url (issuer, url);
  assay_issuer_set_email (issuer, email);
  assay_issuer_set_domain (issuer, domain);

  return assay_store_save (loader->store, issuer, error);
}

static gboolean
get_roles (JsonObject       *object,
           AssayPersonRole  *roles,
           GError          **error)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (ASSAY_TYPE_PERSON_ROLE);
  JsonArray *array;

  *roles = ASSAY_PERSON_ROLE_EARNER;
  if (!_assay_demo_get_array (object, "roles", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  *roles = ASSAY_PERSON_ROLE_NONE;
  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      const char *nick;
      GFlagsValue *value;

      if (!_assay_demo_element_string (array, i, "roles", &nick, error))
        return FALSE;
      value = g_flags_get_value_by_nick (klass, nick);
      if (value == NULL)
        return _assay_demo_damaged (error, "roles");
      *roles |= value->value;
    }

  return TRUE;
}

static gboolean
load_qualifications (AssayDemoLoader  *loader,
                     AssayPerson      *person,
                     JsonObject       *object,
                     GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (object, "qualifications", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayQualification) qualification = NULL;
      JsonObject *item;
      const char *area, *key, *trained_on, *note, *lineage = NULL;

      if (!_assay_demo_element_object (array, i, "qualifications", &item, error) ||
          !_assay_demo_get_string (item, "competency_area", FALSE, &area, error) ||
          !_assay_demo_get_string (item, "credential", FALSE, &key, error) ||
          !_assay_demo_get_string (item, "trained_on", FALSE, &trained_on, error) ||
          !_assay_demo_get_string (item, "note", FALSE, &note, error))
        return FALSE;

      if (key != NULL && (lineage = g_hash_table_lookup (loader->lineages, key)) == NULL)
        return _assay_demo_unknown_reference (error, key);

      qualification = assay_qualification_new (assay_record_get_id (ASSAY_RECORD (person)));
      assay_qualification_set_competency_area (qualification, area);
      assay_qualification_set_credential_lineage_id (qualification, lineage);
      assay_qualification_set_trained_on (qualification, trained_on);
      assay_qualification_set_note (qualification, note);
      if (!assay_store_save (loader->store, qualification, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_conflicts (AssayDemoLoader  *loader,
                AssayPerson      *person,
                JsonObject       *object,
                GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (object, "conflicts", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayConflict) conflict = NULL;
      JsonObject *item;
      const char *target, *note;
      int kind;

      if (!_assay_demo_element_object (array, i, "conflicts", &item, error) ||
          !_assay_demo_get_enum (item, "kind", ASSAY_TYPE_CONFLICT_KIND, ASSAY_CONFLICT_KIND_EARNER, &kind, error) ||
          !_assay_demo_get_string (item, "target", TRUE, &target, error) ||
          !_assay_demo_get_string (item, "note", FALSE, &note, error))
        return FALSE;

      conflict = assay_conflict_new (assay_record_get_id (ASSAY_RECORD (person)), kind, target);
      assay_conflict_set_note (conflict, note);
      if (!assay_store_save (loader->store, conflict, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_assay_demo_load_people (AssayDemoLoader  *loader,
                         JsonObject       *root,
                         GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (root, "people", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayPerson) person = NULL;
      JsonObject *item;
      const char *name, *email, *school, *district, *licence;
      AssayPersonRole roles;

      if (!_assay_demo_element_object (array, i, "people", &item, error) ||
          !_assay_demo_get_string (item, "name", TRUE, &name, error) ||
          !_assay_demo_get_string (item, "email", TRUE, &email, error) ||
          !get_roles (item, &roles, error) ||
          !_assay_demo_get_string (item, "school", FALSE, &school, error) ||
          !_assay_demo_get_string (item, "district", FALSE, &district, error) ||
          !_assay_demo_get_string (item, "licence_number", FALSE, &licence, error))
        return FALSE;

      person = assay_person_new (name, email);
      assay_person_set_roles (person, roles);
      assay_person_set_school (person, school);
      assay_person_set_district (person, district);
      assay_person_set_licence_number (person, licence);
      if (!assay_store_save (loader->store, person, error) ||
          !load_qualifications (loader, person, item, error) ||
          !load_conflicts (loader, person, item, error))
        return FALSE;

      if (loader->actor_id == NULL && (roles & ASSAY_PERSON_ROLE_STAFF))
        loader->actor_id = g_strdup (assay_record_get_id (ASSAY_RECORD (person)));
      g_hash_table_insert (loader->people, g_utf8_casefold (email, -1), g_steal_pointer (&person));
    }

  return TRUE;
}

gboolean
_assay_demo_load_enrollments (AssayDemoLoader  *loader,
                              JsonObject       *root,
                              GError          **error)
{
  JsonArray *array;

  if (!_assay_demo_get_array (root, "enrollments", &array, error))
    return FALSE;

  for (guint i = 0; i < _assay_demo_array_length (array); i++)
    {
      g_autoptr(AssayEnrollment) enrollment = NULL;
      JsonObject *item;
      const char *earner_id, *key, *lineage, *goal, *preapproved_on, *deadline;
      int preapproval, status;

      if (!_assay_demo_element_object (array, i, "enrollments", &item, error) ||
          (earner_id = _assay_demo_person_id (loader, item, "earner", error)) == NULL ||
          !_assay_demo_get_string (item, "credential", TRUE, &key, error) ||
          !_assay_demo_get_string (item, "goal", FALSE, &goal, error) ||
          !_assay_demo_get_enum (item, "preapproval", ASSAY_TYPE_PREAPPROVAL, ASSAY_PREAPPROVAL_NOT_REQUESTED, &preapproval, error) ||
          !_assay_demo_get_string (item, "preapproved_on", FALSE, &preapproved_on, error) ||
          !_assay_demo_get_string (item, "deadline", FALSE, &deadline, error) ||
          !_assay_demo_get_enum (item, "status", ASSAY_TYPE_ENROLLMENT_STATUS, ASSAY_ENROLLMENT_STATUS_PLANNED, &status, error))
        return FALSE;
      if ((lineage = g_hash_table_lookup (loader->lineages, key)) == NULL)
        return _assay_demo_unknown_reference (error, key);

      enrollment = assay_enrollment_new (earner_id, lineage);
      assay_enrollment_set_goal (enrollment, goal);
      assay_enrollment_set_preapproval (enrollment, preapproval);
      assay_enrollment_set_preapproved_on (enrollment, preapproved_on);
      assay_enrollment_set_deadline (enrollment, deadline);
      assay_enrollment_set_status (enrollment, status);
      if (!assay_store_save (loader->store, enrollment, error))
        return FALSE;
    }

  return TRUE;
}
