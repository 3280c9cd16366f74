/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <math.h>

#include "assay-note.h"
#include "assay-pdf-canvas.h"

/* The pages of a PDF, one under the other, in a scrolled window. Only the
 * pages in view are drawn and asked for, at the screen's scale; their
 * neighbours are asked for next, so that scrolling finds them ready. A page
 * not drawn yet shows the nearest drawing the cache has, else white.
 * Dragging selects text, or in note mode outlines a region for a note. */

#define SPACING 12.0
#define MARGIN 12.0
#define MIN_ZOOM 0.1
#define MAX_ZOOM 8.0
#define POINTS_TO_PIXELS (96.0 / 72.0)
#define NEIGHBOURS 2
#define DRAG_THRESHOLD 4.0
#define KEEP_INFO 24

struct _AssayPdfCanvas
{
  GtkWidget             parent_instance;

  GtkAdjustment        *hadjustment;
  GtkAdjustment        *vadjustment;
  guint                 hscroll_policy : 1;
  guint                 vscroll_policy : 1;

  AssayPdfDocument     *document;
  AssayRenderScheduler *scheduler;
  double                zoom;
  AssayPdfFit           fit;
  double               *page_top;     /* pixels, layout space */
  double                content_width;
  double                content_height;
  int                   page;
  int                   info_first;

  GArray               *hits;         /* AssayPdfHit */
  int                   current_hit;
  GListModel           *notes;
  gboolean              note_mode;

  /* A drag: a selection of text, or a region for a note. */
  gboolean              dragging;
  double                drag_x, drag_y;       /* widget coordinates at start */
  double                drag_dx, drag_dy;
  int                   selection_start_page, selection_end_page;
  guint                 selection_start_char, selection_end_char;
  gboolean              has_selection;
  int                   region_page;
  graphene_rect_t       region;       /* points */
  gboolean              has_region;

  int                   flash_page;
  graphene_rect_t       flash;
  guint                 flash_source;

  double                pinch_zoom;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_PAGE,
  PROP_NOTE_MODE,
  N_PROPS,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  REGION_SELECTED,
  NOTE_ACTIVATED,
  URI_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (AssayPdfCanvas, assay_pdf_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static int
n_pages (AssayPdfCanvas *self)
{
  return self->document ? assay_pdf_document_get_n_pages (self->document) : 0;
}

double
assay_pdf_canvas_pixels_per_point (AssayPdfCanvas *self)
{
  return self->zoom * POINTS_TO_PIXELS;
}

static void
page_size_px (AssayPdfCanvas *self,
              int             page,
              double         *width,
              double         *height)
{
  double w, h, ppp = assay_pdf_canvas_pixels_per_point (self);

  assay_pdf_document_get_page_size (self->document, page, &w, &h);
  *width = w * ppp;
  *height = h * ppp;
}

static double
page_left (AssayPdfCanvas *self,
           int             page)
{
  double w, h, width = MAX (self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));

  page_size_px (self, page, &w, &h);
  return floor ((width - w) / 2);
}

static void
layout (AssayPdfCanvas *self)
{
  int n = n_pages (self);
  double y = MARGIN, widest = 0;

  g_free (self->page_top);
  self->page_top = g_new (double, n + 1);
  for (int i = 0; i < n; i++)
    {
      double w, h;

      page_size_px (self, i, &w, &h);
      self->page_top[i] = y;
      y += ceil (h) + SPACING;
      widest = MAX (widest, w);
    }
  self->page_top[n] = y;
  self->content_height = y - SPACING + MARGIN;
  self->content_width = ceil (widest) + 2 * MARGIN;
}

/* The first page whose bottom is below @y (layout space). */
static int
page_at_y (AssayPdfCanvas *self,
           double          y)
{
  int low = 0, high = n_pages (self) - 1;

  if (high < 0)
    return -1;
  while (low < high)
    {
      int mid = (low + high) / 2;

      if (self->page_top[mid + 1] - SPACING < y)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
visible_range (AssayPdfCanvas *self,
               int            *first,
               int            *last)
{
  double top = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  *first = page_at_y (self, top);
  *last = page_at_y (self, bottom);
}

static double
render_scale (AssayPdfCanvas *self)
{
  return assay_pdf_canvas_pixels_per_point (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
schedule_renders (AssayPdfCanvas *self)
{
  int first, last, n = n_pages (self);
  double scale;

  if (self->scheduler == NULL || n == 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;

  visible_range (self, &first, &last);
  scale = render_scale (self);
  for (int i = first; i <= last; i++)
    assay_render_scheduler_request (self->scheduler, i, scale, ASSAY_RENDER_PRIORITY_VISIBLE);
  for (int d = 1; d <= NEIGHBOURS; d++)
    {
      if (last + d < n)
        assay_render_scheduler_request (self->scheduler, last + d, scale, ASSAY_RENDER_PRIORITY_NEAR);
      if (first - d >= 0)
        assay_render_scheduler_request (self->scheduler, first - d, scale, ASSAY_RENDER_PRIORITY_NEAR);
    }
  assay_render_scheduler_cancel_outside (self->scheduler, first, last, ASSAY_RENDER_PRIORITY_VISIBLE);
  assay_render_scheduler_cancel_outside (self->scheduler, first - NEIGHBOURS, last + NEIGHBOURS,
                                         ASSAY_RENDER_PRIORITY_NEAR);

  /* Text boxes of pages long scrolled past go; a selection keeps its own. */
  if (first - self->info_first > KEEP_INFO / 2 || self->info_first - first > KEEP_INFO / 2)
    {
      int keep_first = first - KEEP_INFO, keep_last = last + KEEP_INFO;

      if (self->has_selection)
        {
          keep_first = MIN (keep_first, self->selection_start_page);
          keep_last = MAX (keep_last, self->selection_end_page);
        }
      assay_pdf_document_forget_page_info (self->document, keep_first, keep_last);
      self->info_first = first;
    }
}

static void
update_page (AssayPdfCanvas *self)
{
  double top, middle;
  int page;

  if (n_pages (self) == 0 || self->vadjustment == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  /* The page that fills the upper part of the view is the current one. */
  middle = top + gtk_widget_get_height (GTK_WIDGET (self)) / 3.0;
  page = page_at_y (self, middle);
  if (top <= 0)
    page = 0;
  else if (top + gtk_adjustment_get_page_size (self->vadjustment) >= gtk_adjustment_get_upper (self->vadjustment) - 1)
    page = page_at_y (self, top + gtk_adjustment_get_page_size (self->vadjustment) - MARGIN - 1);
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static void
on_adjustment_value_changed_cb (AssayPdfCanvas *self)
{
  schedule_renders (self);
  update_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
configure_adjustments (AssayPdfCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, self->content_width - width)),
                              0, MAX (self->content_width, width), width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, self->content_height - height)),
                              0, MAX (self->content_height, height), 40, height * 0.9, height);
}

static void
set_adjustment (AssayPdfCanvas  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  configure_adjustments (self);
}

static void apply_fit (AssayPdfCanvas *self);

static void
assay_pdf_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AssayPdfCanvas *self = ASSAY_PDF_CANVAS (widget);

  apply_fit (self);
  configure_adjustments (self);
  schedule_renders (self);
  update_page (self);
}

static void
append_rect (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             const GdkRGBA         *fill,
             const GdkRGBA         *border)
{
  if (fill != NULL)
    gtk_snapshot_append_color (snapshot, fill, rect);
  if (border != NULL)
    {
      GskRoundedRect outline;
      const GdkRGBA colors[4] = { *border, *border, *border, *border };
      const float widths[4] = { 1, 1, 1, 1 };

      gsk_rounded_rect_init_from_rect (&outline, rect, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* @rect (points on @page) in layout space. */
static graphene_rect_t
to_layout (AssayPdfCanvas        *self,
           int                    page,
           const graphene_rect_t *rect)
{
  double ppp = assay_pdf_canvas_pixels_per_point (self);
  graphene_rect_t r;

  graphene_rect_init (&r,
                      page_left (self, page) + rect->origin.x * ppp,
                      self->page_top[page] + rect->origin.y * ppp,
                      rect->size.width * ppp, rect->size.height * ppp);
  return r;
}

static void
draw_selection (AssayPdfCanvas *self,
                GtkSnapshot    *snapshot,
                int             page,
                const GdkRGBA  *color)
{
  const AssayPdfPageInfo *info = assay_pdf_document_peek_page_info (self->document, page);
  guint from, to;

  if (!self->has_selection || info == NULL || page < self->selection_start_page || page > self->selection_end_page)
    return;
  from = page == self->selection_start_page ? self->selection_start_char : 0;
  to = page == self->selection_end_page ? self->selection_end_char : info->n_chars;
  for (guint i = from; i < MIN (to, info->n_chars); i++)
    {
      graphene_rect_t r = to_layout (self, page, &info->char_rects[i]);

      gtk_snapshot_append_color (snapshot, color, &r);
    }
}

static void
assay_pdf_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AssayPdfCanvas *self = ASSAY_PDF_CANVAS (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA page_border = { 0, 0, 0, 0.25 };
  static const GdkRGBA hit = { 1, 0.85, 0, 0.35 };
  static const GdkRGBA current_hit = { 1, 0.5, 0, 0.5 };
  static const GdkRGBA note_fill = { 0.95, 0.75, 0.1, 0.18 };
  static const GdkRGBA note_border = { 0.85, 0.55, 0, 0.9 };
  static const GdkRGBA region_fill = { 0.2, 0.5, 0.9, 0.15 };
  static const GdkRGBA region_border = { 0.2, 0.5, 0.9, 1 };
  static const GdkRGBA selection = { 0.2, 0.5, 0.9, 0.3 };
  double scale = render_scale (self);
  GtkNative *native = gtk_widget_get_native (widget);
  /* GTK 4.8's cairo renderer converts every pixel of a texture on every
   * frame; it paints a cairo surface straight away. GL keeps textures. */
  gboolean cairo_renderer = native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
  int first, last;

  if (n_pages (self) == 0)
    return;

  visible_range (self, &first, &last);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-(float) gtk_adjustment_get_value (self->hadjustment),
                                                           -(float) gtk_adjustment_get_value (self->vadjustment)));

  for (int i = first; i <= last && i >= 0; i++)
    {
      double w, h;
      graphene_rect_t bounds;

      page_size_px (self, i, &w, &h);
      graphene_rect_init (&bounds, page_left (self, i), self->page_top[i], w, h);
      if (cairo_renderer)
        {
          cairo_surface_t *surface = assay_render_scheduler_lookup_surface (self->scheduler, i, scale, NULL);

          if (surface != NULL)
            {
              cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

              cairo_translate (cr, bounds.origin.x, bounds.origin.y);
              cairo_scale (cr, w / cairo_image_surface_get_width (surface), h / cairo_image_surface_get_height (surface));
              cairo_set_source_surface (cr, surface, 0, 0);
              cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
              cairo_paint (cr);
              cairo_destroy (cr);
            }
          else
            gtk_snapshot_append_color (snapshot, &white, &bounds);
        }
      else
        {
          GdkTexture *texture = assay_render_scheduler_lookup (self->scheduler, i, scale);

          if (texture == NULL)
            texture = assay_render_scheduler_lookup_best (self->scheduler, i, scale);
          if (texture != NULL)
            gtk_snapshot_append_texture (snapshot, texture, &bounds);
          else
            gtk_snapshot_append_color (snapshot, &white, &bounds);
        }
      append_rect (snapshot, &GRAPHENE_RECT_INIT (bounds.origin.x - 1, bounds.origin.y - 1,
                                                  bounds.size.width + 2, bounds.size.height + 2),
                   NULL, &page_border);

      draw_selection (self, snapshot, i, &selection);
    }

  for (guint k = 0; self->hits != NULL && k < self->hits->len; k++)
    {
      AssayPdfHit *h = &g_array_index (self->hits, AssayPdfHit, k);
      graphene_rect_t r;

      if (h->page < first || h->page > last)
        continue;
      r = to_layout (self, h->page, &h->area);
      gtk_snapshot_append_color (snapshot, (int) k == self->current_hit ? &current_hit : &hit, &r);
    }

  for (guint k = 0; self->notes != NULL && k < g_list_model_get_n_items (self->notes); k++)
    {
      g_autoptr(AssayNote) note = g_list_model_get_item (self->notes, k);
      int page = (int) assay_note_get_page (note);
      graphene_rect_t r;

      if (page < first || page > last)
        continue;
      r = to_layout (self, page, &GRAPHENE_RECT_INIT (assay_note_get_x (note), assay_note_get_y (note),
                                                      MAX (assay_note_get_width (note), 12 / assay_pdf_canvas_pixels_per_point (self)),
                                                      MAX (assay_note_get_height (note), 12 / assay_pdf_canvas_pixels_per_point (self))));
      append_rect (snapshot, &r, &note_fill, &note_border);
    }

  if (self->has_region && self->region_page >= first && self->region_page <= last)
    {
      graphene_rect_t r = to_layout (self, self->region_page, &self->region);

      append_rect (snapshot, &r, &region_fill, &region_border);
    }

  if (self->flash_source != 0 && self->flash_page >= first && self->flash_page <= last)
    {
      graphene_rect_t r = to_layout (self, self->flash_page, &self->flash);

      append_rect (snapshot, &GRAPHENE_RECT_INIT (r.origin.x - 3, r.origin.y - 3, r.size.width + 6, r.size.height + 6),
                   NULL, &note_border);
      append_rect (snapshot, &GRAPHENE_RECT_INIT (r.origin.x - 4, r.origin.y - 4, r.size.width + 8, r.size.height + 8),
                   NULL, &note_border);
    }

  gtk_snapshot_restore (snapshot);
}

/**
 * assay_pdf_canvas_widget_to_page:
 *
 * Returns: the page under (@widget_x, @widget_y), or -1 between pages,
 * with the point in the page's points
 */
int
assay_pdf_canvas_widget_to_page (AssayPdfCanvas *self,
                                 double          widget_x,
                                 double          widget_y,
                                 double         *x,
                                 double         *y)
{
  double lx = widget_x + gtk_adjustment_get_value (self->hadjustment);
  double ly = widget_y + gtk_adjustment_get_value (self->vadjustment);
  double ppp = assay_pdf_canvas_pixels_per_point (self);
  double w, h;
  int page = page_at_y (self, ly);

  if (page < 0)
    return -1;
  page_size_px (self, page, &w, &h);
  *x = (lx - page_left (self, page)) / ppp;
  *y = (ly - self->page_top[page]) / ppp;
  if (ly < self->page_top[page] || ly > self->page_top[page] + h)
    return -1;
  return page;
}

gboolean
assay_pdf_canvas_page_to_widget (AssayPdfCanvas *self,
                                 int             page,
                                 double          x,
                                 double          y,
                                 double         *widget_x,
                                 double         *widget_y)
{
  double ppp = assay_pdf_canvas_pixels_per_point (self);

  if (page < 0 || page >= n_pages (self))
    return FALSE;
  *widget_x = page_left (self, page) + x * ppp - gtk_adjustment_get_value (self->hadjustment);
  *widget_y = self->page_top[page] + y * ppp - gtk_adjustment_get_value (self->vadjustment);
  return TRUE;
}

/* The character of @page nearest to (@x, @y) in points. */
static guint
nearest_char (const AssayPdfPageInfo *info,
              double                  x,
              double                  y)
{
  double best = G_MAXDOUBLE;
  guint index = 0;

  for (guint i = 0; i < info->n_chars; i++)
    {
      const graphene_rect_t *r = &info->char_rects[i];
      double dx = x < r->origin.x ? r->origin.x - x : x > r->origin.x + r->size.width ? x - r->origin.x - r->size.width : 0;
      double dy = y < r->origin.y ? r->origin.y - y : y > r->origin.y + r->size.height ? y - r->origin.y - r->size.height : 0;
      /* Lines matter more than columns. */
      double d = dx + 4 * dy;

      if (d < best)
        {
          best = d;
          index = i;
          if (d == 0)
            break;
        }
    }
  /* A point past the middle of a character starts after it. */
  if (info->n_chars > 0 && x > info->char_rects[index].origin.x + info->char_rects[index].size.width / 2)
    index++;
  return index;
}

static int
clamp_page_point (AssayPdfCanvas *self,
                  double          widget_x,
                  double          widget_y,
                  double         *x,
                  double         *y)
{
  double lx = widget_x + gtk_adjustment_get_value (self->hadjustment);
  double ly = widget_y + gtk_adjustment_get_value (self->vadjustment);
  double ppp = assay_pdf_canvas_pixels_per_point (self);
  int page = page_at_y (self, ly);
  double pw, ph;

  if (page < 0)
    return -1;
  assay_pdf_document_get_page_size (self->document, page, &pw, &ph);
  *x = CLAMP ((lx - page_left (self, page)) / ppp, 0, pw);
  *y = CLAMP ((ly - self->page_top[page]) / ppp, 0, ph);
  return page;
}

static void
update_selection (AssayPdfCanvas *self,
                  double          end_x,
                  double          end_y)
{
  double ax, ay, bx, by;
  int a = clamp_page_point (self, self->drag_x, self->drag_y, &ax, &ay);
  int b = clamp_page_point (self, end_x, end_y, &bx, &by);
  const AssayPdfPageInfo *ia, *ib;
  guint ca, cb;

  if (a < 0 || b < 0)
    return;
  ia = assay_pdf_document_ensure_page_info (self->document, a);
  ib = assay_pdf_document_ensure_page_info (self->document, b);
  if (ia == NULL || ib == NULL)
    return;
  ca = nearest_char (ia, ax, ay);
  cb = nearest_char (ib, bx, by);

  if (a > b || (a == b && ca > cb))
    {
      int tp = a;
      guint tc = ca;

      a = b, ca = cb;
      b = tp, cb = tc;
    }
  self->selection_start_page = a;
  self->selection_start_char = ca;
  self->selection_end_page = b;
  self->selection_end_char = cb;
  self->has_selection = a != b || ca != cb;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * assay_pdf_canvas_get_selected_text:
 *
 * Returns: (transfer full) (nullable): the selected text, pages joined by
 * line breaks
 */
char *
assay_pdf_canvas_get_selected_text (AssayPdfCanvas *self)
{
  GString *text;

  g_return_val_if_fail (ASSAY_IS_PDF_CANVAS (self), NULL);

  if (!self->has_selection)
    return NULL;
  text = g_string_new (NULL);
  for (int page = self->selection_start_page; page <= self->selection_end_page; page++)
    {
      const AssayPdfPageInfo *info = assay_pdf_document_ensure_page_info (self->document, page);
      guint from, to;

      if (info == NULL)
        continue;
      from = page == self->selection_start_page ? self->selection_start_char : 0;
      to = MIN (page == self->selection_end_page ? self->selection_end_char : info->n_chars, info->n_chars);
      if (from < to)
        {
          g_autofree char *part = g_utf8_substring (info->text, from, to);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, part);
        }
    }
  return g_string_free (text, text->len == 0);
}

/**
 * assay_pdf_canvas_select_region:
 *
 * Selects the text inside @rect (points on @page), as a drag would.
 */
void
assay_pdf_canvas_select_region (AssayPdfCanvas        *self,
                                int                    page,
                                const graphene_rect_t *rect)
{
  double x0, y0, x1, y1;

  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  if (!assay_pdf_canvas_page_to_widget (self, page, rect->origin.x, rect->origin.y, &x0, &y0)
      || !assay_pdf_canvas_page_to_widget (self, page, rect->origin.x + rect->size.width,
                                           rect->origin.y + rect->size.height, &x1, &y1))
    return;
  self->drag_x = x0;
  self->drag_y = y0;
  update_selection (self, x1, y1);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  AssayPdfCanvas *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->dragging = FALSE;
  if (!self->note_mode && self->has_selection)
    {
      self->has_selection = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
update_region (AssayPdfCanvas *self)
{
  double ax, ay, bx, by;
  int a = clamp_page_point (self, self->drag_x, self->drag_y, &ax, &ay);
  int b;

  if (a < 0)
    return;
  /* A region stays on the page it started on. */
  b = clamp_page_point (self, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy, &bx, &by);
  if (b != a)
    {
      double pw, ph;

      assay_pdf_document_get_page_size (self->document, a, &pw, &ph);
      by = b > a ? ph : 0;
    }
  self->region_page = a;
  graphene_rect_init (&self->region, MIN (ax, bx), MIN (ay, by), fabs (bx - ax), fabs (by - ay));
  self->has_region = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   AssayPdfCanvas *self)
{
  self->drag_dx = dx;
  self->drag_dy = dy;
  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->dragging = TRUE;

  if (self->note_mode)
    update_region (self);
  else
    update_selection (self, self->drag_x + dx, self->drag_y + dy);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AssayPdfCanvas *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;

  if (self->note_mode && self->has_region && self->region.size.width > 1 && self->region.size.height > 1)
    {
      graphene_rect_t region = self->region;
      int page = self->region_page;

      self->has_region = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[REGION_SELECTED], 0, page, (double) region.origin.x, (double) region.origin.y,
                     (double) region.size.width, (double) region.size.height);
    }
  else if (self->note_mode)
    {
      self->has_region = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static AssayNote *
note_at (AssayPdfCanvas *self,
         int             page,
         double          x,
         double          y)
{
  double slack = 12 / assay_pdf_canvas_pixels_per_point (self);

  for (guint k = 0; self->notes != NULL && k < g_list_model_get_n_items (self->notes); k++)
    {
      g_autoptr(AssayNote) note = g_list_model_get_item (self->notes, k);

      if (assay_note_get_page (note) == page
          && x >= assay_note_get_x (note) && x <= assay_note_get_x (note) + MAX (assay_note_get_width (note), slack)
          && y >= assay_note_get_y (note) && y <= assay_note_get_y (note) + MAX (assay_note_get_height (note), slack))
        return g_steal_pointer (&note);
    }
  return NULL;
}

static const AssayPdfLink *
link_at (AssayPdfCanvas *self,
         int             page,
         double          x,
         double          y)
{
  const AssayPdfPageInfo *info = assay_pdf_document_peek_page_info (self->document, page);

  for (guint i = 0; info != NULL && i < info->links->len; i++)
    {
      const AssayPdfLink *link = &g_array_index (info->links, AssayPdfLink, i);

      if (graphene_rect_contains_point (&link->area, &GRAPHENE_POINT_INIT (x, y)))
        return link;
    }
  return NULL;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           wx,
                      double           wy,
                      AssayPdfCanvas  *self)
{
  g_autoptr(AssayNote) note = NULL;
  const AssayPdfLink *link;
  double x, y;
  int page;

  if (self->dragging || hypot (self->drag_dx, self->drag_dy) >= DRAG_THRESHOLD || self->note_mode)
    return;
  if ((page = assay_pdf_canvas_widget_to_page (self, wx, wy, &x, &y)) < 0)
    return;

  if ((note = note_at (self, page, x, y)) != NULL)
    {
      g_signal_emit (self, signals[NOTE_ACTIVATED], 0, note);
      return;
    }
  if ((link = link_at (self, page, x, y)) != NULL)
    {
      if (link->uri != NULL)
        g_signal_emit (self, signals[URI_ACTIVATED], 0, link->uri);
      else
        assay_pdf_canvas_scroll_to_page (self, link->target_page, link->target_top);
    }
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    wx,
              double                    wy,
              AssayPdfCanvas           *self)
{
  const char *cursor = "default";
  double x, y;
  int page;

  if (self->document == NULL)
    return;
  page = assay_pdf_canvas_widget_to_page (self, wx, wy, &x, &y);
  if (self->note_mode)
    cursor = "crosshair";
  else if (page >= 0)
    {
      g_autoptr(AssayNote) note = note_at (self, page, x, y);

      cursor = note != NULL || link_at (self, page, x, y) != NULL ? "pointer" : "text";
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
zoom_around (AssayPdfCanvas *self,
             double          zoom,
             double          wx,
             double          wy)
{
  double x = 0, y = 0, nx, ny;
  int page = clamp_page_point (self, wx, wy, &x, &y);

  /* Zooming by hand ends fitting. */
  self->fit = ASSAY_PDF_FIT_NONE;
  assay_pdf_canvas_set_zoom (self, zoom);
  /* The point under the pointer stays under it. */
  if (page >= 0 && assay_pdf_canvas_page_to_widget (self, page, x, y, &nx, &ny))
    {
      gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + nx - wx);
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + ny - wy);
    }
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              AssayPdfCanvas           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double wx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, wy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (!(state & GDK_CONTROL_MASK) || self->document == NULL)
    return FALSE;
  if (event != NULL)
    {
      double sx, sy;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double ox, oy;
      graphene_point_t p;

      if (gdk_event_get_position (event, &sx, &sy))
        {
          gtk_native_get_surface_transform (native, &ox, &oy);
          if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                        &GRAPHENE_POINT_INIT (sx - ox, sy - oy), &p))
            wx = p.x, wy = p.y;
        }
    }
  zoom_around (self, self->zoom * pow (1.1, -dy), wx, wy);
  return TRUE;
}

static void
on_pinch_begin_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   AssayPdfCanvas   *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_pinch_scale_cb (GtkGestureZoom *gesture,
                   double          scale,
                   AssayPdfCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  zoom_around (self, self->pinch_zoom * scale, x, y);
}

static void
on_rendered_cb (AssayPdfCanvas *self,
                int             page,
                double          scale)
{
  int first, last;

  visible_range (self, &first, &last);
  if (page >= first && page <= last)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
assay_pdf_canvas_dispose (GObject *object)
{
  AssayPdfCanvas *self = ASSAY_PDF_CANVAS (object);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_clear_object (&self->notes);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->document);
  g_clear_pointer (&self->hits, g_array_unref);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (assay_pdf_canvas_parent_class)->dispose (object);
}

static void
assay_pdf_canvas_finalize (GObject *object)
{
  g_free (ASSAY_PDF_CANVAS (object)->page_top);

  G_OBJECT_CLASS (assay_pdf_canvas_parent_class)->finalize (object);
}

static void
assay_pdf_canvas_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AssayPdfCanvas *self = ASSAY_PDF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_NOTE_MODE:
      g_value_set_boolean (value, self->note_mode);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_pdf_canvas_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AssayPdfCanvas *self = ASSAY_PDF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      assay_pdf_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_NOTE_MODE:
      assay_pdf_canvas_set_note_mode (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_pdf_canvas_class_init (AssayPdfCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_pdf_canvas_dispose;
  object_class->finalize = assay_pdf_canvas_finalize;
  object_class->get_property = assay_pdf_canvas_get_property;
  object_class->set_property = assay_pdf_canvas_set_property;

  widget_class->snapshot = assay_pdf_canvas_snapshot;
  widget_class->size_allocate = assay_pdf_canvas_size_allocate;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_MODE] =
    g_param_spec_boolean ("note-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[REGION_SELECTED] =
    g_signal_new ("region-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ASSAY_TYPE_NOTE);
  signals[URI_ACTIVATED] =
    g_signal_new ("uri-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "pdfcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
assay_pdf_canvas_init (AssayPdfCanvas *self)
{
  GtkGesture *drag, *click, *pinch;
  GtkEventController *scroll, *motion;

  self->zoom = 1.0;
  self->current_hit = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
assay_pdf_canvas_new (void)
{
  return g_object_new (ASSAY_TYPE_PDF_CANVAS, NULL);
}

void
assay_pdf_canvas_set_document (AssayPdfCanvas       *self,
                               AssayPdfDocument     *document,
                               AssayRenderScheduler *scheduler)
{
  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  g_set_object (&self->document, document);
  if (scheduler != NULL)
    g_signal_connect_object (scheduler, "rendered", G_CALLBACK (on_rendered_cb), self, G_CONNECT_SWAPPED);

  self->has_selection = FALSE;
  self->has_region = FALSE;
  g_clear_pointer (&self->hits, g_array_unref);
  self->page = 0;
  layout (self);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  configure_adjustments (self);
  schedule_renders (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

AssayPdfDocument *
assay_pdf_canvas_get_document (AssayPdfCanvas *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_CANVAS (self), NULL);

  return self->document;
}

double
assay_pdf_canvas_get_zoom (AssayPdfCanvas *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_CANVAS (self), 1.0);

  return self->zoom;
}

/**
 * assay_pdf_canvas_set_zoom:
 *
 * Sets the zoom, 1.0 being the page at 96 dots per inch, keeping the
 * page in view where it was.
 */
void
assay_pdf_canvas_set_zoom (AssayPdfCanvas *self,
                           double          zoom)
{
  double fraction = 0;
  int page = self->page;

  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  if (n_pages (self) > 0)
    {
      double top = gtk_adjustment_get_value (self->vadjustment);
      double h = self->page_top[page + 1] - self->page_top[page];

      fraction = h > 0 ? (top - self->page_top[page]) / h : 0;
    }

  self->zoom = zoom;
  if (n_pages (self) > 0)
    {
      layout (self);
      configure_adjustments (self);
      gtk_adjustment_set_value (self->vadjustment,
                                self->page_top[page] + fraction * (self->page_top[page + 1] - self->page_top[page]));
      schedule_renders (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static double
widest_page_points (AssayPdfCanvas *self,
                    double         *tallest)
{
  double widest = 0;

  *tallest = 0;
  for (int i = 0; i < n_pages (self); i++)
    {
      double w, h;

      assay_pdf_document_get_page_size (self->document, i, &w, &h);
      widest = MAX (widest, w);
      *tallest = MAX (*tallest, h);
    }
  return MAX (widest, 1);
}

double
assay_pdf_canvas_fit_width_zoom (AssayPdfCanvas *self)
{
  double tallest, widest = widest_page_points (self, &tallest);
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;

  if (width <= 0)
    return self->zoom;
  return CLAMP (width / (widest * POINTS_TO_PIXELS), MIN_ZOOM, MAX_ZOOM);
}

double
assay_pdf_canvas_fit_page_zoom (AssayPdfCanvas *self)
{
  double tallest, widest = widest_page_points (self, &tallest);
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;

  if (width <= 0 || height <= 0)
    return self->zoom;
  return CLAMP (MIN (width / (widest * POINTS_TO_PIXELS), height / (MAX (tallest, 1) * POINTS_TO_PIXELS)),
                MIN_ZOOM, MAX_ZOOM);
}

static void
apply_fit (AssayPdfCanvas *self)
{
  if (self->fit == ASSAY_PDF_FIT_WIDTH)
    assay_pdf_canvas_set_zoom (self, assay_pdf_canvas_fit_width_zoom (self));
  else if (self->fit == ASSAY_PDF_FIT_PAGE)
    assay_pdf_canvas_set_zoom (self, assay_pdf_canvas_fit_page_zoom (self));
}

/**
 * assay_pdf_canvas_set_fit:
 *
 * Keeps the zoom fitting the pages to the width or whole in view as the
 * canvas changes size, or leaves it alone.
 */
void
assay_pdf_canvas_set_fit (AssayPdfCanvas *self,
                          AssayPdfFit     fit)
{
  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  self->fit = fit;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    apply_fit (self);
}

AssayPdfFit
assay_pdf_canvas_get_fit (AssayPdfCanvas *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_CANVAS (self), ASSAY_PDF_FIT_NONE);

  return self->fit;
}

int
assay_pdf_canvas_get_page (AssayPdfCanvas *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_CANVAS (self), 0);

  return self->page;
}

/**
 * assay_pdf_canvas_scroll_to_page:
 * @top_in_points: where on the page to show at the top, or -1 for its top
 */
void
assay_pdf_canvas_scroll_to_page (AssayPdfCanvas *self,
                                 int             page,
                                 double          top_in_points)
{
  double y;

  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  if (n_pages (self) == 0)
    return;
  page = CLAMP (page, 0, n_pages (self) - 1);
  y = self->page_top[page] - MARGIN;
  if (top_in_points > 0)
    y = self->page_top[page] + top_in_points * assay_pdf_canvas_pixels_per_point (self) - MARGIN;
  configure_adjustments (self);
  gtk_adjustment_set_value (self->vadjustment, y);
  /* Going to the last page may not scroll it to the top: it is still the
   * page asked for. */
  if (self->page != page && gtk_adjustment_get_value (self->vadjustment) < y)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static gboolean
end_flash_cb (gpointer data)
{
  AssayPdfCanvas *self = data;

  self->flash_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/**
 * assay_pdf_canvas_show_region:
 *
 * Scrolls so that @rect (points on @page) is in view, a third of the way
 * down, and outlines it for a moment if @flash.
 */
void
assay_pdf_canvas_show_region (AssayPdfCanvas        *self,
                              int                    page,
                              const graphene_rect_t *rect,
                              gboolean               flash)
{
  double ppp, height, width, y, x;

  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  if (page < 0 || page >= n_pages (self))
    return;
  ppp = assay_pdf_canvas_pixels_per_point (self);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  width = gtk_widget_get_width (GTK_WIDGET (self));
  configure_adjustments (self);
  y = self->page_top[page] + rect->origin.y * ppp - height / 3;
  gtk_adjustment_set_value (self->vadjustment, y);
  x = page_left (self, page) + (rect->origin.x + rect->size.width / 2) * ppp - width / 2;
  gtk_adjustment_set_value (self->hadjustment, x);

  if (flash)
    {
      self->flash_page = page;
      self->flash = *rect;
      g_clear_handle_id (&self->flash_source, g_source_remove);
      self->flash_source = g_timeout_add (1500, end_flash_cb, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * assay_pdf_canvas_set_hits:
 * @hits: (nullable): AssayPdfHit, kept
 * @current: the one to show as current, or -1
 */
void
assay_pdf_canvas_set_hits (AssayPdfCanvas *self,
                           GArray         *hits,
                           int             current)
{
  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  if (hits != self->hits)
    {
      g_clear_pointer (&self->hits, g_array_unref);
      self->hits = hits ? g_array_ref (hits) : NULL;
    }
  self->current_hit = current;
  if (hits != NULL && current >= 0 && current < (int) hits->len)
    {
      AssayPdfHit *hit = &g_array_index (hits, AssayPdfHit, current);
      double wx, wy;

      /* Scroll only if the hit is not already well in view. */
      if (!assay_pdf_canvas_page_to_widget (self, hit->page, hit->area.origin.x, hit->area.origin.y, &wx, &wy)
          || wy < 0 || wy > gtk_widget_get_height (GTK_WIDGET (self)) - 40
          || wx < 0 || wx > gtk_widget_get_width (GTK_WIDGET (self)) - 20)
        assay_pdf_canvas_show_region (self, hit->page, &hit->area, FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
assay_pdf_canvas_set_notes (AssayPdfCanvas *self,
                            GListModel     *notes)
{
  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_data (self->notes, self);
  g_set_object (&self->notes, notes);
  if (notes != NULL)
    g_signal_connect_object (notes, "items-changed", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
assay_pdf_canvas_get_note_mode (AssayPdfCanvas *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_CANVAS (self), FALSE);

  return self->note_mode;
}

void
assay_pdf_canvas_set_note_mode (AssayPdfCanvas *self,
                                gboolean        note_mode)
{
  g_return_if_fail (ASSAY_IS_PDF_CANVAS (self));

  note_mode = !!note_mode;
  if (note_mode == self->note_mode)
    return;
  self->note_mode = note_mode;
  self->has_region = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), note_mode ? "crosshair" : "default");
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_MODE]);
}
