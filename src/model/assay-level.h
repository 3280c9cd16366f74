/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_LEVEL (assay_level_get_type ())

G_DECLARE_FINAL_TYPE (AssayLevel, assay_level, ASSAY, LEVEL, AssayRecord)

AssayLevel *assay_level_new           (const char *rubric_id,
                                       const char *name,
                                       gint64      points);

const char *assay_level_get_rubric_id (AssayLevel *self);
void        assay_level_set_rubric_id (AssayLevel *self,
                                       const char *rubric_id);
gint64      assay_level_get_position  (AssayLevel *self);
void        assay_level_set_position  (AssayLevel *self,
                                       gint64      position);
const char *assay_level_get_name      (AssayLevel *self);
void        assay_level_set_name      (AssayLevel *self,
                                       const char *name);
gint64      assay_level_get_points    (AssayLevel *self);
void        assay_level_set_points    (AssayLevel *self,
                                       gint64      points);

G_END_DECLS
