/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_RUBRIC_HEADER (assay_rubric_header_get_type ())

G_DECLARE_FINAL_TYPE (AssayRubricHeader, assay_rubric_header, ASSAY, RUBRIC_HEADER, GtkWidget)

GtkWidget   *assay_rubric_header_new          (AssayStore        *store,
                                               AssayRecord       *record);
AssayRecord *assay_rubric_header_get_record   (AssayRubricHeader *self);
gboolean     assay_rubric_header_get_editable (AssayRubricHeader *self);
void         assay_rubric_header_set_editable (AssayRubricHeader *self,
                                               gboolean           editable);
void         assay_rubric_header_set_position (AssayRubricHeader *self,
                                               guint              position,
                                               guint              n_siblings,
                                               gboolean           can_remove);
void         assay_rubric_header_focus_title  (AssayRubricHeader *self);

G_END_DECLS
