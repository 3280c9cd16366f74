/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_QUALITY_CHART (assay_quality_chart_get_type ())

G_DECLARE_FINAL_TYPE (AssayQualityChart, assay_quality_chart, ASSAY, QUALITY_CHART, GtkWidget)

void assay_quality_chart_clear   (AssayQualityChart *self);
void assay_quality_chart_add_row (AssayQualityChart *self,
                                  const char        *label,
                                  guint              yes,
                                  guint              no,
                                  guint              unrated);
char *assay_quality_chart_describe (AssayQualityChart *self);

G_END_DECLS
