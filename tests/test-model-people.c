/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-model.h"
#include "test-model-util.h"

static void
test_person (void)
{
  g_autoptr(AssayPerson) person = assay_person_new ("Ada Byron", "ada@example.org");
  guint *roles = watch (person, "roles");
  guint flags = 0;

  g_assert_cmpstr (assay_person_get_name (person), ==, "Ada Byron");
  g_assert_cmpstr (assay_person_get_email (person), ==, "ada@example.org");
  g_assert_cmpuint (assay_person_get_roles (person), ==, ASSAY_PERSON_ROLE_EARNER);
  g_assert_true (assay_person_has_role (person, ASSAY_PERSON_ROLE_EARNER));
  g_assert_false (assay_person_has_role (person, ASSAY_PERSON_ROLE_ASSESSOR));
  g_assert_null (assay_person_get_school (person));
  g_assert_null (assay_person_get_district (person));
  g_assert_null (assay_person_get_licence_number (person));
  g_assert_nonnull (assay_person_get_created_at (person));
  assert_valid (person);

  assay_person_set_roles (person, ASSAY_PERSON_ROLE_EARNER | ASSAY_PERSON_ROLE_ASSESSOR);
  assay_person_set_roles (person, ASSAY_PERSON_ROLE_EARNER | ASSAY_PERSON_ROLE_ASSESSOR);
  g_assert_cmpuint (*roles, ==, 1);
  g_assert_true (assay_person_has_role (person, ASSAY_PERSON_ROLE_ASSESSOR));
  g_assert_true (assay_person_has_role (person, ASSAY_PERSON_ROLE_EARNER | ASSAY_PERSON_ROLE_ASSESSOR));
  g_assert_false (assay_person_has_role (person, ASSAY_PERSON_ROLE_ASSESSOR | ASSAY_PERSON_ROLE_STAFF));

  g_object_get (person, "roles", &flags, NULL);
  g_assert_cmpuint (flags, ==, ASSAY_PERSON_ROLE_EARNER | ASSAY_PERSON_ROLE_ASSESSOR);
  g_object_set (person, "roles", ASSAY_PERSON_ROLE_STAFF, NULL);
  g_assert_cmpuint (*roles, ==, 2);
  g_assert_cmpuint (assay_person_get_roles (person), ==, ASSAY_PERSON_ROLE_STAFF);

  /* No roles at all is a valid state (CHECK roles BETWEEN 0 AND 7) */
  assay_person_set_roles (person, ASSAY_PERSON_ROLE_NONE);
  g_assert_cmpuint (assay_person_get_roles (person), ==, 0);
  assert_valid (person);

  assay_person_set_school (person, "Lincoln Elementary");
  assay_person_set_district (person, "Springfield USD");
  assay_person_set_licence_number (person, "TX-1234");
  g_assert_cmpstr (assay_person_get_school (person), ==, "Lincoln Elementary");
  g_assert_cmpstr (assay_person_get_district (person), ==, "Springfield USD");
  g_assert_cmpstr (assay_person_get_licence_number (person), ==, "TX-1234");

  assay_person_set_email (person, "ada.example.org");
  assert_invalid (person);
  assay_person_set_email (person, "ada@");
  assert_invalid (person);
  assay_person_set_email (person, "ada@@example.org");
  assert_invalid (person);
  assay_person_set_email (person, NULL);
  assert_invalid (person);
  assay_person_set_email (person, "ada@example.org");
  assert_valid (person);

  assay_person_set_name (person, "  ");
  assert_invalid (person);
}

static void
test_qualification (void)
{
  g_autoptr(AssayQualification) qualification = assay_qualification_new ("person-1");
  guint *trained = watch (qualification, "trained-on");

  g_assert_cmpstr (assay_qualification_get_person_id (qualification), ==, "person-1");
  g_assert_null (assay_qualification_get_competency_area (qualification));
  g_assert_null (assay_qualification_get_credential_lineage_id (qualification));
  g_assert_null (assay_qualification_get_trained_on (qualification));
  g_assert_null (assay_qualification_get_note (qualification));
  assert_valid (qualification);

  assay_qualification_set_trained_on (qualification, "2024-02-29");
  assay_qualification_set_trained_on (qualification, "2024-02-29");
  g_assert_cmpuint (*trained, ==, 1);
  g_assert_cmpstr (assay_qualification_get_trained_on (qualification), ==, "2024-02-29");
  assert_valid (qualification);

  assay_qualification_set_competency_area (qualification, "Data literacy");
  assay_qualification_set_credential_lineage_id (qualification, "lineage-1");
  assay_qualification_set_note (qualification, "Calibrated in spring.");
  g_assert_cmpstr (assay_qualification_get_competency_area (qualification), ==, "Data literacy");
  g_assert_cmpstr (assay_qualification_get_credential_lineage_id (qualification), ==, "lineage-1");
  g_assert_cmpstr (assay_qualification_get_note (qualification), ==, "Calibrated in spring.");

  assay_qualification_set_trained_on (qualification, "2026-02-30");
  assert_invalid (qualification);
  assay_qualification_set_trained_on (qualification, "2025-1-5");
  assert_invalid (qualification);
  assay_qualification_set_trained_on (qualification, "yesterday");
  assert_invalid (qualification);
  assay_qualification_set_trained_on (qualification, NULL);
  assert_valid (qualification);

  assay_qualification_set_person_id (qualification, "");
  assert_invalid (qualification);
}

static void
test_conflict (void)
{
  g_autoptr(AssayConflict) conflict = assay_conflict_new ("person-1", ASSAY_CONFLICT_KIND_SCHOOL, "Lincoln Elementary");
  guint *kind = watch (conflict, "kind");

  g_assert_cmpstr (assay_conflict_get_person_id (conflict), ==, "person-1");
  g_assert_cmpint (assay_conflict_get_kind (conflict), ==, ASSAY_CONFLICT_KIND_SCHOOL);
  g_assert_cmpstr (assay_conflict_get_target (conflict), ==, "Lincoln Elementary");
  g_assert_null (assay_conflict_get_note (conflict));
  g_assert_nonnull (assay_conflict_get_declared_at (conflict));
  assert_valid (conflict);

  assay_conflict_set_kind (conflict, ASSAY_CONFLICT_KIND_DISTRICT);
  assay_conflict_set_kind (conflict, ASSAY_CONFLICT_KIND_DISTRICT);
  g_assert_cmpuint (*kind, ==, 1);
  g_assert_cmpint (assay_conflict_get_kind (conflict), ==, ASSAY_CONFLICT_KIND_DISTRICT);

  assay_conflict_set_note (conflict, "Former colleague");
  g_assert_cmpstr (assay_conflict_get_note (conflict), ==, "Former colleague");

  assay_conflict_set_target (conflict, "");
  assert_invalid (conflict);
  assay_conflict_set_target (conflict, "Springfield USD");
  assay_conflict_set_declared_at (conflict, NULL);
  assert_invalid (conflict);
}

static void
test_enrollment (void)
{
  g_autoptr(AssayEnrollment) enrollment = assay_enrollment_new ("person-1", "lineage-1");
  guint *status = watch (enrollment, "status");
  guint *deadline = watch (enrollment, "deadline");

  g_assert_cmpstr (assay_enrollment_get_earner_id (enrollment), ==, "person-1");
  g_assert_cmpstr (assay_enrollment_get_credential_lineage_id (enrollment), ==, "lineage-1");
  g_assert_null (assay_enrollment_get_goal (enrollment));
  g_assert_cmpint (assay_enrollment_get_preapproval (enrollment), ==, ASSAY_PREAPPROVAL_NOT_REQUESTED);
  g_assert_null (assay_enrollment_get_preapproved_on (enrollment));
  g_assert_null (assay_enrollment_get_deadline (enrollment));
  g_assert_cmpint (assay_enrollment_get_status (enrollment), ==, ASSAY_ENROLLMENT_STATUS_PLANNED);
  assert_valid (enrollment);

  assay_enrollment_set_status (enrollment, ASSAY_ENROLLMENT_STATUS_IN_PROGRESS);
  assay_enrollment_set_status (enrollment, ASSAY_ENROLLMENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (*status, ==, 1);
  g_assert_cmpint (assay_enrollment_get_status (enrollment), ==, ASSAY_ENROLLMENT_STATUS_IN_PROGRESS);

  assay_enrollment_set_preapproval (enrollment, ASSAY_PREAPPROVAL_APPROVED);
  assay_enrollment_set_preapproved_on (enrollment, "2025-09-01");
  assay_enrollment_set_deadline (enrollment, "2026-06-30");
  assay_enrollment_set_deadline (enrollment, "2026-06-30");
  g_assert_cmpuint (*deadline, ==, 1);
  assay_enrollment_set_goal (enrollment, "Lead the data team");
  g_assert_cmpint (assay_enrollment_get_preapproval (enrollment), ==, ASSAY_PREAPPROVAL_APPROVED);
  g_assert_cmpstr (assay_enrollment_get_preapproved_on (enrollment), ==, "2025-09-01");
  g_assert_cmpstr (assay_enrollment_get_deadline (enrollment), ==, "2026-06-30");
  g_assert_cmpstr (assay_enrollment_get_goal (enrollment), ==, "Lead the data team");
  assert_valid (enrollment);

  assay_enrollment_set_deadline (enrollment, "2026-02-30");
  assert_invalid (enrollment);
  assay_enrollment_set_deadline (enrollment, NULL);
  assay_enrollment_set_preapproved_on (enrollment, "2025-13-01");
  assert_invalid (enrollment);
  assay_enrollment_set_preapproved_on (enrollment, NULL);
  assert_valid (enrollment);

  assay_enrollment_set_earner_id (enrollment, NULL);
  assert_invalid (enrollment);
  assay_enrollment_set_earner_id (enrollment, "person-1");
  assay_enrollment_set_credential_lineage_id (enrollment, " ");
  assert_invalid (enrollment);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/model/people/person", test_person);
  g_test_add_func ("/assay/model/people/qualification", test_qualification);
  g_test_add_func ("/assay/model/people/conflict", test_conflict);
  g_test_add_func ("/assay/model/people/enrollment", test_enrollment);

  return g_test_run ();
}
