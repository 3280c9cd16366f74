/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_IMAGE_VIEW (assay_image_view_get_type ())

G_DECLARE_FINAL_TYPE (AssayImageView, assay_image_view, ASSAY, IMAGE_VIEW, GtkWidget)

/* Images larger than this many pixels are refused before decoding. */
#define ASSAY_IMAGE_VIEW_MAX_PIXELS (100 * 1000 * 1000)

GtkWidget  *assay_image_view_new        (void);
void        assay_image_view_load_file  (AssayImageView *self,
                                         GFile          *file,
                                         const char     *media_type);
GdkTexture *assay_image_view_get_texture (AssayImageView *self);
const char *assay_image_view_get_error  (AssayImageView *self);
double      assay_image_view_get_zoom   (AssayImageView *self);
void        assay_image_view_set_zoom   (AssayImageView *self,
                                         double          zoom);
void        assay_image_view_zoom_to_fit (AssayImageView *self);

G_END_DECLS
