/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_PERSON (assay_person_get_type ())

G_DECLARE_FINAL_TYPE (AssayPerson, assay_person, ASSAY, PERSON, AssayRecord)

AssayPerson     *assay_person_new                (const char *name,
                                                  const char *email);

const char      *assay_person_get_name           (AssayPerson *self);
void             assay_person_set_name           (AssayPerson *self,
                                                  const char  *name);
const char      *assay_person_get_email          (AssayPerson *self);
void             assay_person_set_email          (AssayPerson *self,
                                                  const char  *email);
AssayPersonRole  assay_person_get_roles          (AssayPerson *self);
void             assay_person_set_roles          (AssayPerson     *self,
                                                  AssayPersonRole  roles);
const char      *assay_person_get_school         (AssayPerson *self);
void             assay_person_set_school         (AssayPerson *self,
                                                  const char  *school);
const char      *assay_person_get_district       (AssayPerson *self);
void             assay_person_set_district       (AssayPerson *self,
                                                  const char  *district);
const char      *assay_person_get_licence_number (AssayPerson *self);
void             assay_person_set_licence_number (AssayPerson *self,
                                                  const char  *licence_number);
GDateTime       *assay_person_get_created_at     (AssayPerson *self);
void             assay_person_set_created_at     (AssayPerson *self,
                                                  GDateTime   *created_at);

gboolean         assay_person_has_role           (AssayPerson     *self,
                                                  AssayPersonRole  role);

G_END_DECLS
