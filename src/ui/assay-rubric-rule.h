/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_RUBRIC_RULE (assay_rubric_rule_get_type ())

G_DECLARE_FINAL_TYPE (AssayRubricRule, assay_rubric_rule, ASSAY, RUBRIC_RULE, AdwPreferencesGroup)

GtkWidget *assay_rubric_rule_new          (void);
void       assay_rubric_rule_set_rubric   (AssayRubricRule *self,
                                           AssayStore      *store,
                                           AssayRubric     *rubric,
                                           GListModel      *criteria,
                                           GListModel      *levels);
gboolean   assay_rubric_rule_get_editable (AssayRubricRule *self);
void       assay_rubric_rule_set_editable (AssayRubricRule *self,
                                           gboolean         editable);

G_END_DECLS
