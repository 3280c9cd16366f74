/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>

#include "assay-demo-media.h"

/* Text flows down US Letter pages line by line, so a paragraph may cross a
 * page. Everything is drawn as text through Pango, never as outlines: the
 * PDF viewer's search and selection need real text. */

#define PAGE_WIDTH  612.0
#define PAGE_HEIGHT 792.0
#define MARGIN      72.0
#define BOTTOM      (PAGE_HEIGHT - MARGIN)
#define TEXT_WIDTH  (PAGE_WIDTH - 2 * MARGIN)

struct _DemoDoc
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  char            *running_head;
  double           y;
  int              page;
  int              outline[3];   /* the last bookmark of each level */
};

/* Fixed dates keep the build reproducible: cairo would stamp the time. */
#define DOC_DATE "2026-02-16T09:00:00Z"

DemoDoc *
demo_doc_new (const char *path,
              const char *title,
              const char *author,
              const char *running_head)
{
  DemoDoc *doc = g_new0 (DemoDoc, 1);

  doc->surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Assay demonstration data");
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATE_DATE, DOC_DATE);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_MOD_DATE, DOC_DATE);
  doc->cr = cairo_create (doc->surface);
  doc->running_head = g_strdup (running_head);
  doc->y = MARGIN;
  doc->page = 1;
  doc->outline[0] = CAIRO_PDF_OUTLINE_ROOT;

  return doc;
}

static PangoLayout *
make_layout (DemoDoc    *doc,
             const char *font,
             double      width,
             const char *markup)
{
  PangoLayout *layout = pango_cairo_create_layout (doc->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (desc);

  return layout;
}

static void
draw_footer (DemoDoc *doc)
{
  g_autofree char *number = g_strdup_printf ("Page %d", doc->page);
  PangoLayout *head = make_layout (doc, "DejaVu Sans 8", TEXT_WIDTH, "");
  int width;

  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.4, 0.4, 0.4);
  pango_layout_set_text (head, doc->running_head, -1);
  cairo_move_to (doc->cr, MARGIN, PAGE_HEIGHT - 46);
  pango_cairo_show_layout (doc->cr, head);
  pango_layout_set_width (head, -1);
  pango_layout_set_text (head, number, -1);
  pango_layout_get_pixel_size (head, &width, NULL);
  cairo_move_to (doc->cr, PAGE_WIDTH - MARGIN - width, PAGE_HEIGHT - 46);
  pango_cairo_show_layout (doc->cr, head);
  cairo_restore (doc->cr);
  g_object_unref (head);
}

void
demo_doc_page_break (DemoDoc *doc)
{
  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN;
}

static void
reserve (DemoDoc *doc,
         double   height)
{
  if (doc->y + height > BOTTOM && doc->y > MARGIN)
    demo_doc_page_break (doc);
}

void
demo_doc_space (DemoDoc *doc,
                double   points)
{
  doc->y += points;
}

/* Draws @layout at @x line by line from the current position, breaking the
 * page between lines when needed. */
static void
flow_layout (DemoDoc     *doc,
             PangoLayout *layout,
             double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      reserve (doc, (double) logical.height / PANGO_SCALE);
      cairo_move_to (doc->cr, x + (double) logical.x / PANGO_SCALE, doc->y + baseline);
      pango_cairo_show_layout_line (doc->cr, pango_layout_iter_get_line_readonly (iter));
      doc->y += (double) logical.height / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

void
demo_doc_heading (DemoDoc    *doc,
                  int         level,
                  const char *dest,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *link = NULL;
  PangoLayout *layout;
  int height;

  level = CLAMP (level, 1, 2);
  layout = make_layout (doc, level == 1 ? "DejaVu Sans Bold 17" : "DejaVu Sans Bold 12.5",
                        TEXT_WIDTH, escaped);
  pango_layout_get_pixel_size (layout, NULL, &height);
  /* A heading never ends a page. */
  doc->y += level == 1 ? 6 : 10;
  reserve (doc, height + 60);

  if (dest != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("name='%s'", dest);

      cairo_tag_begin (doc->cr, CAIRO_TAG_DEST, attributes);
      link = g_strdup_printf ("dest='%s'", dest);
    }
  else
    {
      link = g_strdup_printf ("page=%d pos=[%g %g]", doc->page, MARGIN, doc->y);
    }

  cairo_set_source_rgb (doc->cr, 0.11, 0.21, 0.39);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  pango_cairo_show_layout (doc->cr, layout);
  if (dest != NULL)
    cairo_tag_end (doc->cr, CAIRO_TAG_DEST);
  cairo_set_source_rgb (doc->cr, 0, 0, 0);

  doc->outline[level] = cairo_pdf_surface_add_outline (doc->surface, doc->outline[level - 1], text, link,
                                                       level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
  doc->y += height + (level == 1 ? 10 : 5);
  g_object_unref (layout);
}

void
demo_doc_paragraph (DemoDoc    *doc,
                    const char *markup)
{
  PangoLayout *layout = make_layout (doc, "DejaVu Serif 10.5", TEXT_WIDTH, markup);

  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  flow_layout (doc, layout, MARGIN);
  doc->y += 8;
  g_object_unref (layout);
}

void
demo_doc_bullets (DemoDoc            *doc,
                  const char * const *items)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      PangoLayout *layout = make_layout (doc, "DejaVu Serif 10.5", TEXT_WIDTH - 18, items[i]);
      PangoLayout *bullet = make_layout (doc, "DejaVu Serif 10.5", 18, "•");

      reserve (doc, 16);
      cairo_move_to (doc->cr, MARGIN + 4, doc->y);
      pango_cairo_show_layout (doc->cr, bullet);
      flow_layout (doc, layout, MARGIN + 18);
      doc->y += 4;
      g_object_unref (layout);
      g_object_unref (bullet);
    }
  doc->y += 4;
}

/* @target is "#name" for a place in the document, else a URI. */
void
demo_doc_link (DemoDoc    *doc,
               const char *target,
               const char *markup)
{
  g_autofree char *styled = g_strdup_printf ("<span foreground='#1a5fb4' underline='single'>%s</span>", markup);
  g_autofree char *attributes = NULL;
  PangoLayout *layout = make_layout (doc, "DejaVu Serif 10.5", TEXT_WIDTH, styled);
  int height;

  if (target[0] == '#')
    attributes = g_strdup_printf ("dest='%s'", target + 1);
  else
    attributes = g_strdup_printf ("uri='%s'", target);

  pango_layout_get_pixel_size (layout, NULL, &height);
  reserve (doc, height);
  cairo_tag_begin (doc->cr, CAIRO_TAG_LINK, attributes);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_tag_end (doc->cr, CAIRO_TAG_LINK);
  doc->y += height + 8;
  g_object_unref (layout);
}

/* @cells holds n_columns cells per row, row after row, NULL-terminated;
 * the first row is the header. @widths are fractions of the text width. */
void
demo_doc_table (DemoDoc            *doc,
                guint               n_columns,
                const double       *widths,
                const char * const *cells)
{
  const double pad = 5;
  guint n_cells = g_strv_length ((char **) cells);

  for (guint row = 0; row * n_columns < n_cells; row++)
    {
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      double height = 0, x = MARGIN;

      for (guint c = 0; c < n_columns; c++)
        {
          const char *font = row == 0 ? "DejaVu Sans Bold 9" : "DejaVu Sans 9";
          PangoLayout *layout = make_layout (doc, font, widths[c] * TEXT_WIDTH - 2 * pad,
                                             cells[row * n_columns + c]);
          int h;

          pango_layout_get_pixel_size (layout, NULL, &h);
          height = MAX (height, h + 2 * pad);
          g_ptr_array_add (layouts, layout);
        }

      reserve (doc, height);
      for (guint c = 0; c < n_columns; c++)
        {
          double w = widths[c] * TEXT_WIDTH;

          cairo_rectangle (doc->cr, x, doc->y, w, height);
          if (row == 0)
            {
              cairo_set_source_rgb (doc->cr, 0.88, 0.91, 0.95);
              cairo_fill_preserve (doc->cr);
            }
          cairo_set_source_rgb (doc->cr, 0.55, 0.58, 0.62);
          cairo_set_line_width (doc->cr, 0.6);
          cairo_stroke (doc->cr);
          cairo_set_source_rgb (doc->cr, 0, 0, 0);
          cairo_move_to (doc->cr, x + pad, doc->y + pad);
          pango_cairo_show_layout (doc->cr, g_ptr_array_index (layouts, c));
          x += w;
        }
      doc->y += height;
    }

  doc->y += 12;
}

/* A student's answer, set apart on ruled paper in a pen-like colour. */
void
demo_doc_handwriting (DemoDoc    *doc,
                      const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  PangoLayout *layout = make_layout (doc, "DejaVu Sans Oblique 11.5", TEXT_WIDTH - 24, escaped);
  const double spacing = 5;
  double line;
  int height;

  pango_layout_set_spacing (layout, (int) (spacing * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, NULL, &height);
  line = (height + spacing) / pango_layout_get_line_count (layout);
  height += 20;
  reserve (doc, height);

  cairo_save (doc->cr);
  cairo_rectangle (doc->cr, MARGIN, doc->y, TEXT_WIDTH, height);
  cairo_set_source_rgb (doc->cr, 1.0, 0.99, 0.93);
  cairo_fill (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.72, 0.82, 0.93);
  cairo_set_line_width (doc->cr, 0.5);
  /* the rules just under each line of writing */
  for (double ly = doc->y + 10 + (double) pango_layout_get_baseline (layout) / PANGO_SCALE + 3;
       ly < doc->y + height; ly += line)
    {
      cairo_move_to (doc->cr, MARGIN, ly);
      cairo_line_to (doc->cr, MARGIN + TEXT_WIDTH, ly);
    }
  cairo_stroke (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.09, 0.2, 0.55);
  cairo_move_to (doc->cr, MARGIN + 12, doc->y + 10);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_restore (doc->cr);

  doc->y += height + 10;
  g_object_unref (layout);
}

gboolean
demo_doc_finish (DemoDoc  *doc,
                 GError  **error)
{
  cairo_status_t status;

  draw_footer (doc);
  cairo_destroy (doc->cr);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  cairo_surface_destroy (doc->surface);
  g_free (doc->running_head);
  g_free (doc);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write a PDF: %s",
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
