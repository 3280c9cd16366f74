/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_STACKS_VIEW (assay_stacks_view_get_type ())

G_DECLARE_FINAL_TYPE (AssayStacksView, assay_stacks_view, ASSAY, STACKS_VIEW, GtkWidget)

GtkWidget  *assay_stacks_view_new       (AssayStore      *store);
AssayStore *assay_stacks_view_get_store (AssayStacksView *self);
void        assay_stacks_view_set_store (AssayStacksView *self,
                                         AssayStore      *store);
GtkWindow  *assay_stacks_view_open_stack (AssayStacksView *self,
                                          AssayStack      *stack);

G_END_DECLS
