/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-rubric-editor.h"
#include "assay-rubric-rule.h"

G_BEGIN_DECLS

struct _AssayRubricEditor
{
  GtkWidget        parent_instance;

  AssayStore      *store;
  AssayCredential *credential;
  AssayRubric     *rubric;
  GListModel      *criteria;
  GListModel      *levels;
  GHashTable      *headers;  /* AssayRecord → AssayRubricHeader in the grid */
  GHashTable      *cells;    /* "criterion-id level-id" → descriptor GtkTextView */
  gboolean         editable;
  guint            sync_id;
  guint            in_sync : 1;
  guint            sync_again : 1;

  GtkWidget       *frozen_box;
  GtkLabel        *frozen_label;
  GtkGrid         *grid;
  GtkWidget       *empty_page;
  GtkWidget       *add_criterion_button;
  GtkWidget       *add_level_button;
  AssayRubricRule *rule_group;
};

void         _assay_rubric_editor_class_add_actions (GtkWidgetClass    *widget_class);
void         _assay_rubric_editor_update_actions    (AssayRubricEditor *self);
void         _assay_rubric_editor_sync              (AssayRubricEditor *self);
AssayRecord *_assay_rubric_editor_focused_record    (AssayRubricEditor *self,
                                                     GType              type);
GtkWidget   *_assay_rubric_editor_get_header        (AssayRubricEditor *self,
                                                     gpointer           record);
GtkWidget   *_assay_rubric_editor_get_cell_view     (AssayRubricEditor *self,
                                                     AssayCriterion    *criterion,
                                                     AssayLevel        *level);

G_END_DECLS
