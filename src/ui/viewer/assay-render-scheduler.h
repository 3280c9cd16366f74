/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_RENDER_SCHEDULER (assay_render_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (AssayRenderScheduler, assay_render_scheduler, ASSAY, RENDER_SCHEDULER, GObject)

/* Lower comes first. */
typedef enum
{
  ASSAY_RENDER_PRIORITY_VISIBLE,
  ASSAY_RENDER_PRIORITY_NEAR,
  ASSAY_RENDER_PRIORITY_THUMBNAIL,
} AssayRenderPriority;

/* Runs on the rendering thread: draws @page at @scale pixels per unit in
 * GDK_MEMORY_DEFAULT layout, or returns NULL. */
typedef GBytes *(*AssayRenderFunc) (gpointer  user_data,
                                    int       page,
                                    double    scale,
                                    int      *width,
                                    int      *height,
                                    gsize    *stride);

AssayRenderScheduler *assay_render_scheduler_new          (AssayRenderFunc       func,
                                                           gpointer              user_data,
                                                           GDestroyNotify        destroy,
                                                           gsize                 budget_bytes);
void                  assay_render_scheduler_request      (AssayRenderScheduler *self,
                                                           int                   page,
                                                           double                scale,
                                                           AssayRenderPriority   priority);
void                  assay_render_scheduler_cancel_outside (AssayRenderScheduler *self,
                                                           int                   first,
                                                           int                   last,
                                                           AssayRenderPriority   priority);
GdkTexture           *assay_render_scheduler_lookup       (AssayRenderScheduler *self,
                                                           int                   page,
                                                           double                scale);
GdkTexture           *assay_render_scheduler_lookup_best  (AssayRenderScheduler *self,
                                                           int                   page,
                                                           double                max_scale);
cairo_surface_t      *assay_render_scheduler_lookup_surface (AssayRenderScheduler *self,
                                                           int                   page,
                                                           double                scale,
                                                           gboolean             *exact);
gsize                 assay_render_scheduler_get_cache_bytes (AssayRenderScheduler *self);
gsize                 assay_render_scheduler_get_budget   (AssayRenderScheduler *self);
guint                 assay_render_scheduler_get_n_pending (AssayRenderScheduler *self);
void                  assay_render_scheduler_clear        (AssayRenderScheduler *self);

G_END_DECLS
