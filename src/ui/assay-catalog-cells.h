/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The catalog's columns, in display order. */
typedef enum
{
  ASSAY_CATALOG_COLUMN_TITLE,
  ASSAY_CATALOG_COLUMN_AREA,
  ASSAY_CATALOG_COLUMN_VERSION,
  ASSAY_CATALOG_COLUMN_STATUS,
  ASSAY_CATALOG_COLUMN_APPROVAL,
  ASSAY_CATALOG_COLUMN_PD_HOURS,
  ASSAY_CATALOG_COLUMN_SUBMISSIONS,
  ASSAY_CATALOG_N_COLUMNS
} AssayCatalogColumn;

GtkListItemFactory *assay_catalog_row_factory_new      (void);
char               *assay_catalog_describe_approval    (gpointer            item);
GtkWidget          *assay_catalog_header_new           (const char         *action_name);
void                assay_catalog_header_show_sort     (GtkWidget          *header,
                                                        AssayCatalogColumn  column,
                                                        gboolean            descending);
int                 assay_catalog_compare              (gpointer            a,
                                                        gpointer            b,
                                                        AssayCatalogColumn  column);
char               *assay_catalog_describe_submissions (gpointer            credential);

G_END_DECLS
