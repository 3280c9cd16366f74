/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_SUBMISSIONS_VIEW (assay_submissions_view_get_type ())

G_DECLARE_FINAL_TYPE (AssaySubmissionsView, assay_submissions_view, ASSAY, SUBMISSIONS_VIEW, GtkWidget)

void        assay_submissions_view_set_store (AssaySubmissionsView *self,
                                              AssayStore           *store);
GListModel *assay_submissions_view_get_model (AssaySubmissionsView *self);

G_END_DECLS
