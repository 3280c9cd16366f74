/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_CRITERION (assay_criterion_get_type ())

G_DECLARE_FINAL_TYPE (AssayCriterion, assay_criterion, ASSAY, CRITERION, AssayRecord)

AssayCriterion *assay_criterion_new             (const char *rubric_id,
                                                 const char *title);

const char     *assay_criterion_get_rubric_id   (AssayCriterion *self);
void            assay_criterion_set_rubric_id   (AssayCriterion *self,
                                                 const char     *rubric_id);
gint64          assay_criterion_get_position    (AssayCriterion *self);
void            assay_criterion_set_position    (AssayCriterion *self,
                                                 gint64          position);
const char     *assay_criterion_get_title       (AssayCriterion *self);
void            assay_criterion_set_title       (AssayCriterion *self,
                                                 const char     *title);
const char     *assay_criterion_get_description (AssayCriterion *self);
void            assay_criterion_set_description (AssayCriterion *self,
                                                 const char     *description);

G_END_DECLS
