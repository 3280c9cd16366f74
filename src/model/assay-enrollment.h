/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_ENROLLMENT (assay_enrollment_get_type ())

G_DECLARE_FINAL_TYPE (AssayEnrollment, assay_enrollment, ASSAY, ENROLLMENT, AssayRecord)

AssayEnrollment       *assay_enrollment_new                       (const char *earner_id,
                                                                   const char *credential_lineage_id);

const char            *assay_enrollment_get_earner_id             (AssayEnrollment *self);
void                   assay_enrollment_set_earner_id             (AssayEnrollment *self,
                                                                   const char      *earner_id);
const char            *assay_enrollment_get_credential_lineage_id (AssayEnrollment *self);
void                   assay_enrollment_set_credential_lineage_id (AssayEnrollment *self,
                                                                   const char      *credential_lineage_id);
const char            *assay_enrollment_get_goal                  (AssayEnrollment *self);
void                   assay_enrollment_set_goal                  (AssayEnrollment *self,
                                                                   const char      *goal);
AssayPreapproval       assay_enrollment_get_preapproval           (AssayEnrollment *self);
void                   assay_enrollment_set_preapproval           (AssayEnrollment  *self,
                                                                   AssayPreapproval  preapproval);
const char            *assay_enrollment_get_preapproved_on        (AssayEnrollment *self);
void                   assay_enrollment_set_preapproved_on        (AssayEnrollment *self,
                                                                   const char      *preapproved_on);
const char            *assay_enrollment_get_deadline              (AssayEnrollment *self);
void                   assay_enrollment_set_deadline              (AssayEnrollment *self,
                                                                   const char      *deadline);
AssayEnrollmentStatus  assay_enrollment_get_status                (AssayEnrollment *self);
void                   assay_enrollment_set_status                (AssayEnrollment       *self,
                                                                   AssayEnrollmentStatus  status);

G_END_DECLS
