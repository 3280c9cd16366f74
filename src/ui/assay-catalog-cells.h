/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  ASSAY_CATALOG_CELL_TITLE,
  ASSAY_CATALOG_CELL_AREA,
  ASSAY_CATALOG_CELL_VERSION,
  ASSAY_CATALOG_CELL_STATUS,
  ASSAY_CATALOG_CELL_PD_HOURS,
  ASSAY_CATALOG_CELL_SUBMISSIONS,
} AssayCatalogCell;

GtkListItemFactory *assay_catalog_cell_factory_new (AssayCatalogCell cell);
char               *assay_catalog_describe_submissions (gpointer credential);

G_END_DECLS
