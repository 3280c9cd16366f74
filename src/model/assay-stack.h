/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_STACK (assay_stack_get_type ())

G_DECLARE_FINAL_TYPE (AssayStack, assay_stack, ASSAY, STACK, AssayRecord)

AssayStack *assay_stack_new             (const char *title);

const char *assay_stack_get_title       (AssayStack *self);
void        assay_stack_set_title       (AssayStack *self,
                                         const char *title);
const char *assay_stack_get_description (AssayStack *self);
void        assay_stack_set_description (AssayStack *self,
                                         const char *description);
gboolean    assay_stack_get_ordered     (AssayStack *self);
void        assay_stack_set_ordered     (AssayStack *self,
                                         gboolean    ordered);
GDateTime  *assay_stack_get_created_at  (AssayStack *self);
void        assay_stack_set_created_at  (AssayStack *self,
                                         GDateTime  *created_at);

G_END_DECLS
