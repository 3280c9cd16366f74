/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_RUBRIC_EDITOR (assay_rubric_editor_get_type ())

G_DECLARE_FINAL_TYPE (AssayRubricEditor, assay_rubric_editor, ASSAY, RUBRIC_EDITOR, GtkWidget)

GtkWidget       *assay_rubric_editor_new            (AssayStore        *store,
                                                     AssayCredential   *credential);
AssayStore      *assay_rubric_editor_get_store      (AssayRubricEditor *self);
void             assay_rubric_editor_set_store      (AssayRubricEditor *self,
                                                     AssayStore        *store);
AssayCredential *assay_rubric_editor_get_credential (AssayRubricEditor *self);
void             assay_rubric_editor_set_credential (AssayRubricEditor *self,
                                                     AssayCredential   *credential);
gboolean         assay_rubric_editor_get_editable   (AssayRubricEditor *self);

G_END_DECLS
