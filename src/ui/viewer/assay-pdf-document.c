/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "assay-pdf-document.h"

/* poppler-glib 22.12 declares no g_autoptr() support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* A PDF for the viewer. Poppler documents are not safe to use from two
 * threads at once, so every Poppler call goes through one lock, and the
 * main thread makes none after loading: page sizes are read at load, and
 * each page's text, character boxes and links are read on the rendering
 * thread the first time the page is drawn, then published for the view. */

/* Whatever a page claims, a rendered page stays within these. */
#define MAX_SIDE_PIXELS 8192
#define MAX_PIXELS (48 * 1024 * 1024)

struct _AssayPdfDocument
{
  GObject          parent_instance;

  GMutex           lock;
  PopplerDocument *document;      /* under lock */
  int              n_pages;
  double          *widths;        /* points */
  double          *heights;
  char           **labels;
  gpointer        *infos;         /* AssayPdfPageInfo *, set once, atomically */
};

G_DEFINE_FINAL_TYPE (AssayPdfDocument, assay_pdf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (assay-pdf-error-quark, assay_pdf_error)

static void
page_info_free (AssayPdfPageInfo *info)
{
  if (info == NULL)
    return;
  for (guint i = 0; info->links != NULL && i < info->links->len; i++)
    g_free (g_array_index (info->links, AssayPdfLink, i).uri);
  g_clear_pointer (&info->links, g_array_unref);
  g_free (info->text);
  g_free (info->char_rects);
  g_free (info);
}

static void
assay_pdf_document_finalize (GObject *object)
{
  AssayPdfDocument *self = ASSAY_PDF_DOCUMENT (object);

  for (int i = 0; i < self->n_pages; i++)
    page_info_free (self->infos[i]);
  g_free (self->infos);
  g_strfreev (self->labels);
  g_free (self->widths);
  g_free (self->heights);
  g_clear_object (&self->document);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (assay_pdf_document_parent_class)->finalize (object);
}

static void
assay_pdf_document_class_init (AssayPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = assay_pdf_document_finalize;
}

static void
assay_pdf_document_init (AssayPdfDocument *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
sane_size (double size)
{
  return isfinite (size) && size >= 1 && size <= 200000;
}

/**
 * assay_pdf_document_load:
 * @password: (nullable): for an encrypted document
 *
 * Opens @file, or says plainly why not: damaged, encrypted (needs a
 * password), wrong password, or no pages.
 */
AssayPdfDocument *
assay_pdf_document_load (GFile       *file,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(AssayPdfDocument) self = NULL;
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = poppler_document_new_from_gfile (file, password, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (password != NULL)
            g_set_error_literal (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_BAD_PASSWORD,
                                 _("The password is not right for this document."));
          else
            g_set_error_literal (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_ENCRYPTED,
                                 _("This document is protected by a password."));
        }
      else
        g_set_error (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_DAMAGED,
                     _("The document is damaged or is not a PDF (%s)."),
                     local_error ? local_error->message : _("unknown error"));
      return NULL;
    }

  self = g_object_new (ASSAY_TYPE_PDF_DOCUMENT, NULL);
  self->document = document;
  self->n_pages = poppler_document_get_n_pages (document);
  if (self->n_pages <= 0)
    {
      g_set_error_literal (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_EMPTY, _("The document has no pages."));
      return NULL;
    }

  self->widths = g_new (double, self->n_pages);
  self->heights = g_new (double, self->n_pages);
  self->labels = g_new0 (char *, self->n_pages + 1);
  self->infos = g_new0 (gpointer, self->n_pages);
  for (int i = 0; i < self->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      double width = 0, height = 0;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          self->labels[i] = poppler_page_get_label (page);
        }
      /* A page with no usable size is shown at Letter size, blank. */
      self->widths[i] = sane_size (width) ? width : 612;
      self->heights[i] = sane_size (height) ? height : 792;
      if (self->labels[i] == NULL)
        self->labels[i] = g_strdup_printf ("%d", i + 1);
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile *file;
  char  *password;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_free (data->password);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  AssayPdfDocument *document = assay_pdf_document_load (data->file, data->password, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
assay_pdf_document_load_async (GFile               *file,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (file);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, assay_pdf_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

AssayPdfDocument *
assay_pdf_document_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

int
assay_pdf_document_get_n_pages (AssayPdfDocument *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

void
assay_pdf_document_get_page_size (AssayPdfDocument *self,
                                  int               page,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (ASSAY_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  if (width != NULL)
    *width = self->widths[page];
  if (height != NULL)
    *height = self->heights[page];
}

const char *
assay_pdf_document_get_page_label (AssayPdfDocument *self,
                                   int               page)
{
  g_return_val_if_fail (ASSAY_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);

  return self->labels[page];
}

/**
 * assay_pdf_document_render:
 * @scale: device pixels per point
 *
 * Draws @page on white, in cairo's ARGB32 layout (GDK_MEMORY_DEFAULT).
 * A page that would be larger than the viewer allows is drawn smaller.
 *
 * Returns: (transfer full) (nullable): the pixels
 */
GBytes *
assay_pdf_document_render (AssayPdfDocument *self,
                           int               page_index,
                           double            scale,
                           int              *width,
                           int              *height,
                           gsize            *stride)
{
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *pixels;
  double pw, ph;
  int w, h, s;

  g_return_val_if_fail (ASSAY_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (page_index >= 0 && page_index < self->n_pages, NULL);

  pw = self->widths[page_index];
  ph = self->heights[page_index];
  scale = MIN (scale, MAX_SIDE_PIXELS / MAX (pw, ph));
  if (pw * ph * scale * scale > MAX_PIXELS)
    scale = sqrt (MAX_PIXELS / (pw * ph));
  w = MAX (1, (int) ceil (pw * scale));
  h = MAX (1, (int) ceil (ph * scale));
  s = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, w);
  pixels = g_try_malloc ((gsize) s * h);
  if (pixels == NULL)
    return NULL;

  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, w, h, s);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) w / pw, (double) h / ph);

  g_mutex_lock (&self->lock);
  page = poppler_document_get_page (self->document, page_index);
  if (page != NULL)
    poppler_page_render (page, cr);
  g_mutex_unlock (&self->lock);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);

  *width = w;
  *height = h;
  *stride = s;
  return g_bytes_new_take (pixels, (gsize) s * h);
}

static AssayPdfPageInfo *
read_page_info (AssayPdfDocument *self,
                PopplerPage      *page,
                double            page_height)
{
  AssayPdfPageInfo *info = g_new0 (AssayPdfPageInfo, 1);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *mapping;

  info->text = poppler_page_get_text (page);
  if (info->text == NULL || !g_utf8_validate (info->text, -1, NULL))
    {
      g_free (info->text);
      info->text = g_strdup ("");
    }
  info->n_chars = g_utf8_strlen (info->text, -1);
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  /* One box per character; a document that disagrees loses the extra. */
  info->n_chars = MIN (info->n_chars, n_rects);
  info->char_rects = g_new0 (graphene_rect_t, MAX (info->n_chars, 1));
  for (guint i = 0; i < info->n_chars; i++)
    graphene_rect_init (&info->char_rects[i], rects[i].x1, rects[i].y1,
                        rects[i].x2 - rects[i].x1, rects[i].y2 - rects[i].y1);
  g_free (rects);

  info->links = g_array_new (FALSE, TRUE, sizeof (AssayPdfLink));
  mapping = poppler_page_get_link_mapping (page);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerLinkMapping *map = l->data;
      PopplerAction *action = map->action;
      AssayPdfLink link = { .target_page = -1, .target_top = -1 };
      PopplerDest *dest = NULL;
      gboolean own_dest = FALSE;

      /* Link areas are in PDF space, upwards from the bottom. */
      graphene_rect_init (&link.area, map->area.x1, page_height - map->area.y2,
                          map->area.x2 - map->area.x1, map->area.y2 - map->area.y1);

      if (action == NULL)
        continue;
      if (action->type == POPPLER_ACTION_URI && action->uri.uri != NULL)
        link.uri = g_strdup (action->uri.uri);
      else if (action->type == POPPLER_ACTION_GOTO_DEST && action->goto_dest.dest != NULL)
        {
          dest = action->goto_dest.dest;
          if (dest->type == POPPLER_DEST_NAMED && dest->named_dest != NULL)
            {
              dest = poppler_document_find_dest (self->document, dest->named_dest);
              own_dest = TRUE;
            }
          if (dest != NULL && dest->page_num >= 1 && dest->page_num <= self->n_pages)
            {
              link.target_page = dest->page_num - 1;
              if (dest->change_top)
                link.target_top = self->heights[link.target_page] - dest->top;
            }
          if (own_dest && dest != NULL)
            poppler_dest_free (dest);
        }
      if (link.uri != NULL || link.target_page >= 0)
        g_array_append_val (info->links, link);
    }
  poppler_page_free_link_mapping (mapping);

  return info;
}

/**
 * assay_pdf_document_ensure_page_info:
 *
 * Reads @page's text and links once. Any thread.
 */
const AssayPdfPageInfo *
assay_pdf_document_ensure_page_info (AssayPdfDocument *self,
                                     int               page_index)
{
  AssayPdfPageInfo *info;

  g_return_val_if_fail (ASSAY_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (page_index >= 0 && page_index < self->n_pages, NULL);

  if ((info = g_atomic_pointer_get (&self->infos[page_index])) != NULL)
    return info;

  g_mutex_lock (&self->lock);
  if ((info = g_atomic_pointer_get (&self->infos[page_index])) == NULL)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->document, page_index);

      if (page != NULL)
        {
          info = read_page_info (self, page, self->heights[page_index]);
          g_atomic_pointer_set (&self->infos[page_index], info);
        }
    }
  g_mutex_unlock (&self->lock);
  return info;
}

/**
 * assay_pdf_document_forget_page_info:
 *
 * Frees the text and links of pages outside @first…@last, read again when
 * next drawn: a long document's text boxes would otherwise all stay in
 * memory. Main thread only: it is the only one that reads them.
 */
void
assay_pdf_document_forget_page_info (AssayPdfDocument *self,
                                     int               first,
                                     int               last)
{
  g_return_if_fail (ASSAY_IS_PDF_DOCUMENT (self));

  for (int i = 0; i < self->n_pages; i++)
    {
      AssayPdfPageInfo *info;

      if (i >= first && i <= last)
        continue;
      info = g_atomic_pointer_exchange (&self->infos[i], NULL);
      page_info_free (info);
    }
}

const AssayPdfPageInfo *
assay_pdf_document_peek_page_info (AssayPdfDocument *self,
                                   int               page_index)
{
  g_return_val_if_fail (ASSAY_IS_PDF_DOCUMENT (self), NULL);

  if (page_index < 0 || page_index >= self->n_pages)
    return NULL;
  return g_atomic_pointer_get (&self->infos[page_index]);
}

/**
 * assay_pdf_document_search:
 *
 * Every match of @text, case-insensitive, page by page. Any thread.
 *
 * Returns: (transfer full): an array of AssayPdfHit
 */
GArray *
assay_pdf_document_search (AssayPdfDocument *self,
                           const char       *text,
                           GCancellable     *cancellable)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (AssayPdfHit));

  g_return_val_if_fail (ASSAY_IS_PDF_DOCUMENT (self), hits);

  if (text == NULL || *text == '\0')
    return hits;

  for (int i = 0; i < self->n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      GList *matches = NULL;

      g_mutex_lock (&self->lock);
      page = poppler_document_get_page (self->document, i);
      if (page != NULL)
        matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
      g_mutex_unlock (&self->lock);

      for (GList *l = matches; l != NULL; l = l->next)
        {
          PopplerRectangle *r = l->data;
          AssayPdfHit hit = { .page = i };

          /* Upwards from the bottom, like links. */
          graphene_rect_init (&hit.area, r->x1, self->heights[i] - r->y2, r->x2 - r->x1, r->y2 - r->y1);
          g_array_append_val (hits, hit);
        }
      g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
    }
  return hits;
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GArray *hits = assay_pdf_document_search (source, task_data, cancellable);

  if (g_task_return_error_if_cancelled (task))
    g_array_unref (hits);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_array_unref);
}

void
assay_pdf_document_search_async (AssayPdfDocument    *self,
                                 const char          *text,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, assay_pdf_document_search_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, search_thread);
}

GArray *
assay_pdf_document_search_finish (AssayPdfDocument  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
