/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The demonstration evidence, written at build time by assay-demo-media:
 * documents, videos and photos that the demo workspace attaches to its
 * submissions, so that every viewer is shown on real media. */

/* assay-demo-media-pdf.c: a small flowing-text layout on cairo's PDF
 * surface, with real text (searchable), bookmarks and links. */
typedef struct _DemoDoc DemoDoc;

DemoDoc  *demo_doc_new         (const char  *path,
                                const char  *title,
                                const char  *author,
                                const char  *running_head);
gboolean  demo_doc_finish      (DemoDoc     *doc,
                                GError     **error);
void      demo_doc_heading     (DemoDoc     *doc,
                                int          level,
                                const char  *dest,
                                const char  *text);
void      demo_doc_paragraph   (DemoDoc     *doc,
                                const char  *markup);
void      demo_doc_bullets     (DemoDoc     *doc,
                                const char * const *items);
void      demo_doc_link        (DemoDoc     *doc,
                                const char  *target,
                                const char  *markup);
void      demo_doc_table       (DemoDoc     *doc,
                                guint        n_columns,
                                const double *widths,
                                const char * const *cells);
void      demo_doc_handwriting (DemoDoc     *doc,
                                const char  *text);
void      demo_doc_page_break  (DemoDoc     *doc);
void      demo_doc_space       (DemoDoc     *doc,
                                double       points);

/* assay-demo-media-docs.c */
gboolean  demo_write_documents (const char  *directory,
                                GError     **error);

/* assay-demo-media-video.c */
gboolean  demo_write_videos    (const char  *directory,
                                GError     **error);

/* assay-demo-media-image.c */
gboolean  demo_write_images    (const char  *directory,
                                GError     **error);
void      demo_draw_whiteboard (cairo_t     *cr,
                                double       x,
                                double       y,
                                double       width,
                                double       height,
                                double       angle,
                                const char  *text);

G_END_DECLS
