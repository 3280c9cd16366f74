/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_CATALOG_VIEW (assay_catalog_view_get_type ())

G_DECLARE_FINAL_TYPE (AssayCatalogView, assay_catalog_view, ASSAY, CATALOG_VIEW, GtkWidget)

AssayStore *assay_catalog_view_get_store    (AssayCatalogView *self);
void        assay_catalog_view_set_store    (AssayCatalogView *self,
                                             AssayStore       *store);
void        assay_catalog_view_start_search (AssayCatalogView *self);
void        assay_catalog_view_set_search   (AssayCatalogView *self,
                                             const char       *text);
GListModel *assay_catalog_view_get_visible  (AssayCatalogView *self);

G_END_DECLS
