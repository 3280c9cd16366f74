/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-pdf-canvas.h"

G_BEGIN_DECLS

typedef enum
{
  ASSAY_PDF_ZOOM_FIT_WIDTH,
  ASSAY_PDF_ZOOM_FIT_PAGE,
  ASSAY_PDF_ZOOM_FREE,
} AssayPdfZoomMode;

#define ASSAY_TYPE_PDF_ZOOM_MODE (assay_pdf_zoom_mode_get_type ())
GType assay_pdf_zoom_mode_get_type (void) G_GNUC_CONST;

#define ASSAY_TYPE_PDF_VIEW (assay_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (AssayPdfView, assay_pdf_view, ASSAY, PDF_VIEW, GtkWidget)

/* What the rendered pages may hold in memory. */
#define ASSAY_PDF_VIEW_CACHE_BYTES (64 * 1024 * 1024)

AssayPdfView    *assay_pdf_view_new            (void);
void             assay_pdf_view_load_file      (AssayPdfView          *self,
                                                GFile                 *file);
AssayPdfDocument *assay_pdf_view_get_document  (AssayPdfView          *self);
AssayPdfCanvas  *assay_pdf_view_get_canvas     (AssayPdfView          *self);
AssayRenderScheduler *assay_pdf_view_get_scheduler (AssayPdfView     *self);
const char      *assay_pdf_view_get_error      (AssayPdfView          *self);
gboolean         assay_pdf_view_get_loading    (AssayPdfView          *self);
int              assay_pdf_view_get_page       (AssayPdfView          *self);
void             assay_pdf_view_set_page       (AssayPdfView          *self,
                                                int                    page);
int              assay_pdf_view_get_n_pages    (AssayPdfView          *self);
double           assay_pdf_view_get_zoom       (AssayPdfView          *self);
void             assay_pdf_view_set_zoom       (AssayPdfView          *self,
                                                double                 zoom);
AssayPdfZoomMode assay_pdf_view_get_zoom_mode  (AssayPdfView          *self);
void             assay_pdf_view_set_zoom_mode  (AssayPdfView          *self,
                                                AssayPdfZoomMode       mode);
void             assay_pdf_view_set_notes      (AssayPdfView          *self,
                                                GListModel            *notes);
void             assay_pdf_view_go_to_region   (AssayPdfView          *self,
                                                int                    page,
                                                const graphene_rect_t *rect_in_points);
void             assay_pdf_view_search         (AssayPdfView          *self,
                                                const char            *text);
gboolean         assay_pdf_view_get_searching  (AssayPdfView          *self);
GArray          *assay_pdf_view_get_matches    (AssayPdfView          *self);
int              assay_pdf_view_get_current_match (AssayPdfView       *self);
void             assay_pdf_view_unlock         (AssayPdfView          *self,
                                                const char            *password);

G_END_DECLS
