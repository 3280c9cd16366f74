/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_RUBRIC_CELL (assay_rubric_cell_get_type ())

G_DECLARE_FINAL_TYPE (AssayRubricCell, assay_rubric_cell, ASSAY, RUBRIC_CELL, AssayRecord)

AssayRubricCell *assay_rubric_cell_new              (const char *criterion_id,
                                                     const char *level_id,
                                                     const char *descriptor);

const char      *assay_rubric_cell_get_criterion_id (AssayRubricCell *self);
void             assay_rubric_cell_set_criterion_id (AssayRubricCell *self,
                                                     const char      *criterion_id);
const char      *assay_rubric_cell_get_level_id     (AssayRubricCell *self);
void             assay_rubric_cell_set_level_id     (AssayRubricCell *self,
                                                     const char      *level_id);
const char      *assay_rubric_cell_get_descriptor   (AssayRubricCell *self);
void             assay_rubric_cell_set_descriptor   (AssayRubricCell *self,
                                                     const char      *descriptor);

G_END_DECLS
