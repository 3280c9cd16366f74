/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_STACK_WINDOW (assay_stack_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayStackWindow, assay_stack_window, ASSAY, STACK_WINDOW, AdwWindow)

GtkWidget  *assay_stack_window_new       (AssayStore       *store,
                                          AssayStack       *stack);
AssayStore *assay_stack_window_get_store (AssayStackWindow *self);
AssayStack *assay_stack_window_get_stack (AssayStackWindow *self);

G_END_DECLS
