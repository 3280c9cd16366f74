/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_REFLECTION (assay_reflection_get_type ())

G_DECLARE_FINAL_TYPE (AssayReflection, assay_reflection, ASSAY, REFLECTION, AssayRecord)

AssayReflection *assay_reflection_new               (const char *submission_id);

const char      *assay_reflection_get_submission_id (AssayReflection *self);
void             assay_reflection_set_submission_id (AssayReflection *self,
                                                     const char      *submission_id);
gint64           assay_reflection_get_position      (AssayReflection *self);
void             assay_reflection_set_position      (AssayReflection *self,
                                                     gint64           position);
const char      *assay_reflection_get_criterion_id  (AssayReflection *self);
void             assay_reflection_set_criterion_id  (AssayReflection *self,
                                                     const char      *criterion_id);
const char      *assay_reflection_get_prompt        (AssayReflection *self);
void             assay_reflection_set_prompt        (AssayReflection *self,
                                                     const char      *prompt);
const char      *assay_reflection_get_body          (AssayReflection *self);
void             assay_reflection_set_body          (AssayReflection *self,
                                                     const char      *body);

G_END_DECLS
