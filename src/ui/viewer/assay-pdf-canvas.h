/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-pdf-document.h"
#include "assay-render-scheduler.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_PDF_CANVAS (assay_pdf_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AssayPdfCanvas, assay_pdf_canvas, ASSAY, PDF_CANVAS, GtkWidget)

typedef enum
{
  ASSAY_PDF_FIT_NONE,
  ASSAY_PDF_FIT_WIDTH,
  ASSAY_PDF_FIT_PAGE,
} AssayPdfFit;

GtkWidget        *assay_pdf_canvas_new              (void);
void              assay_pdf_canvas_set_document     (AssayPdfCanvas       *self,
                                                     AssayPdfDocument     *document,
                                                     AssayRenderScheduler *scheduler);
AssayPdfDocument *assay_pdf_canvas_get_document     (AssayPdfCanvas       *self);
double            assay_pdf_canvas_get_zoom         (AssayPdfCanvas       *self);
void              assay_pdf_canvas_set_zoom         (AssayPdfCanvas       *self,
                                                     double                zoom);
void              assay_pdf_canvas_set_fit          (AssayPdfCanvas       *self,
                                                     AssayPdfFit           fit);
AssayPdfFit       assay_pdf_canvas_get_fit          (AssayPdfCanvas       *self);
double            assay_pdf_canvas_fit_width_zoom   (AssayPdfCanvas       *self);
double            assay_pdf_canvas_fit_page_zoom    (AssayPdfCanvas       *self);
int               assay_pdf_canvas_get_page         (AssayPdfCanvas       *self);
void              assay_pdf_canvas_scroll_to_page   (AssayPdfCanvas       *self,
                                                     int                   page,
                                                     double                top_in_points);
void              assay_pdf_canvas_show_region      (AssayPdfCanvas       *self,
                                                     int                   page,
                                                     const graphene_rect_t *rect,
                                                     gboolean              flash);
void              assay_pdf_canvas_set_hits         (AssayPdfCanvas       *self,
                                                     GArray               *hits,
                                                     int                   current);
void              assay_pdf_canvas_set_notes        (AssayPdfCanvas       *self,
                                                     GListModel           *notes);
gboolean          assay_pdf_canvas_get_note_mode    (AssayPdfCanvas       *self);
void              assay_pdf_canvas_set_note_mode    (AssayPdfCanvas       *self,
                                                     gboolean              note_mode);
char             *assay_pdf_canvas_get_selected_text (AssayPdfCanvas      *self);
void              assay_pdf_canvas_select_region    (AssayPdfCanvas       *self,
                                                     int                   page,
                                                     const graphene_rect_t *rect);
double            assay_pdf_canvas_pixels_per_point (AssayPdfCanvas       *self);
gboolean          assay_pdf_canvas_page_to_widget   (AssayPdfCanvas       *self,
                                                     int                   page,
                                                     double                x,
                                                     double                y,
                                                     double               *widget_x,
                                                     double               *widget_y);
int               assay_pdf_canvas_widget_to_page   (AssayPdfCanvas       *self,
                                                     double                widget_x,
                                                     double                widget_y,
                                                     double               *x,
                                                     double               *y);

G_END_DECLS
