/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <graphene.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_PDF_DOCUMENT (assay_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (AssayPdfDocument, assay_pdf_document, ASSAY, PDF_DOCUMENT, GObject)

#define ASSAY_PDF_ERROR (assay_pdf_error_quark ())

typedef enum
{
  ASSAY_PDF_ERROR_DAMAGED,
  ASSAY_PDF_ERROR_ENCRYPTED,
  ASSAY_PDF_ERROR_BAD_PASSWORD,
  ASSAY_PDF_ERROR_EMPTY,
} AssayPdfError;

/* A link on a page: a target page inside the document, or an address. */
typedef struct
{
  graphene_rect_t area;   /* points, origin at the page's top left */
  int             target_page;  /* -1 if none */
  double          target_top;   /* points from the top of the target, or -1 */
  char           *uri;          /* NULL for internal links */
} AssayPdfLink;

/* What the view needs of a page without asking Poppler again: its text,
 * where each character sits, and its links. Built on the rendering thread
 * the first time the page is drawn; immutable once published. */
typedef struct
{
  char            *text;
  guint            n_chars;
  graphene_rect_t *char_rects;  /* one per character of text, points */
  GArray          *links;       /* AssayPdfLink */
} AssayPdfPageInfo;

/* One match of a search: a page and a rectangle on it, in points. */
typedef struct
{
  int             page;
  graphene_rect_t area;
} AssayPdfHit;

GQuark            assay_pdf_error_quark              (void);

void              assay_pdf_document_load_async      (GFile               *file,
                                                      const char          *password,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
AssayPdfDocument *assay_pdf_document_load_finish     (GAsyncResult        *result,
                                                      GError             **error);
AssayPdfDocument *assay_pdf_document_load            (GFile               *file,
                                                      const char          *password,
                                                      GError             **error);

int               assay_pdf_document_get_n_pages     (AssayPdfDocument    *self);
void              assay_pdf_document_get_page_size   (AssayPdfDocument    *self,
                                                      int                  page,
                                                      double              *width,
                                                      double              *height);
const char       *assay_pdf_document_get_page_label  (AssayPdfDocument    *self,
                                                      int                  page);

/* Any thread; serialised inside. */
GBytes           *assay_pdf_document_render          (AssayPdfDocument    *self,
                                                      int                  page,
                                                      double               scale,
                                                      int                 *width,
                                                      int                 *height,
                                                      gsize               *stride);
const AssayPdfPageInfo *assay_pdf_document_ensure_page_info (AssayPdfDocument *self,
                                                             int               page);
void              assay_pdf_document_forget_page_info (AssayPdfDocument *self,
                                                       int               first,
                                                       int               last);
/* Main thread: NULL until the page has been rendered once. */
const AssayPdfPageInfo *assay_pdf_document_peek_page_info   (AssayPdfDocument *self,
                                                             int               page);

void              assay_pdf_document_search_async    (AssayPdfDocument    *self,
                                                      const char          *text,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GArray           *assay_pdf_document_search_finish   (AssayPdfDocument    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
GArray           *assay_pdf_document_search          (AssayPdfDocument    *self,
                                                      const char          *text,
                                                      GCancellable        *cancellable);

G_END_DECLS
