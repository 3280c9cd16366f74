/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-store.h"

G_BEGIN_DECLS

/* Small helpers the rubric and stack editors share. */

void      assay_rubric_report_error           (GtkWidget     *widget,
                                               const GError  *error);
gboolean  assay_rubric_remove_from_siblings   (AssayStore    *store,
                                               GListModel    *siblings,
                                               gpointer       record,
                                               GError       **error);
gboolean  assay_rubric_find_in_model          (GListModel    *model,
                                               gpointer       item,
                                               guint         *position);
gpointer  assay_rubric_find_by_id             (GListModel    *model,
                                               const char    *id);
void      assay_rubric_set_accessible_label   (GtkWidget     *widget,
                                               const char    *label);

G_END_DECLS
