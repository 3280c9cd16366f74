/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_QUALIFICATION (assay_qualification_get_type ())

G_DECLARE_FINAL_TYPE (AssayQualification, assay_qualification, ASSAY, QUALIFICATION, AssayRecord)

AssayQualification *assay_qualification_new                       (const char *person_id);

const char         *assay_qualification_get_person_id             (AssayQualification *self);
void                assay_qualification_set_person_id             (AssayQualification *self,
                                                                   const char         *person_id);
const char         *assay_qualification_get_competency_area       (AssayQualification *self);
void                assay_qualification_set_competency_area       (AssayQualification *self,
                                                                   const char         *competency_area);
const char         *assay_qualification_get_credential_lineage_id (AssayQualification *self);
void                assay_qualification_set_credential_lineage_id (AssayQualification *self,
                                                                   const char         *credential_lineage_id);
const char         *assay_qualification_get_trained_on            (AssayQualification *self);
void                assay_qualification_set_trained_on            (AssayQualification *self,
                                                                   const char         *trained_on);
const char         *assay_qualification_get_note                  (AssayQualification *self);
void                assay_qualification_set_note                  (AssayQualification *self,
                                                                   const char         *note);

G_END_DECLS
