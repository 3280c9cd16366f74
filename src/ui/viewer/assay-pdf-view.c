/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "assay-note.h"
#include "assay-pdf-view.h"

/* A PDF artifact: the pages (AssayPdfCanvas) with a toolbar for pages and
 * zoom, a search bar, page thumbnails, and messages in place of the pages
 * for a locked or damaged document. Loading, rendering and searching all
 * run off the main thread. */

#define THUMBNAIL_WIDTH 110.0

G_DEFINE_ENUM_TYPE (AssayPdfZoomMode, assay_pdf_zoom_mode,
                    G_DEFINE_ENUM_VALUE (ASSAY_PDF_ZOOM_FIT_WIDTH, "fit-width"),
                    G_DEFINE_ENUM_VALUE (ASSAY_PDF_ZOOM_FIT_PAGE, "fit-page"),
                    G_DEFINE_ENUM_VALUE (ASSAY_PDF_ZOOM_FREE, "free"))

struct _AssayPdfView
{
  GtkWidget             parent_instance;

  GFile                *file;
  GCancellable         *load_cancellable;
  GCancellable         *search_cancellable;
  AssayPdfDocument     *document;
  AssayRenderScheduler *scheduler;
  AssayPdfZoomMode      zoom_mode;
  char                 *error;
  gboolean              loading;
  gboolean              searching;
  GArray               *matches;
  int                   current_match;
  GHashTable           *thumbnail_pictures;   /* page → GtkPicture bound now */
  gboolean              syncing_thumbnails;
  guint                 toolbar_source;

  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkPasswordEntry     *password_entry;
  GtkToggleButton      *thumbnails_button;
  GtkEntry             *page_entry;
  GtkLabel             *n_pages_label;
  GtkMenuButton        *zoom_button;
  GtkLabel             *zoom_label;
  GtkToggleButton      *search_button;
  GtkToggleButton      *note_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *matches_label;
  GtkScrolledWindow    *thumbnails_scroller;
  GtkListView          *thumbnails;
  GtkScrolledWindow    *scroller;
  AssayPdfCanvas       *canvas;
};

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  PROP_NOTE_MODE,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REGION_SELECTED,
  NOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AssayPdfView, assay_pdf_view, GTK_TYPE_WIDGET)

static GBytes *
render_page (gpointer  data,
             int       page,
             double    scale,
             int      *width,
             int      *height,
             gsize    *stride)
{
  AssayPdfDocument *document = data;
  GBytes *pixels = assay_pdf_document_render (document, page, scale, width, height, stride);

  /* The page's text and links, for selection and clicks, while we are at it. */
  assay_pdf_document_ensure_page_info (document, page);
  return pixels;
}

static void
set_error (AssayPdfView *self,
           const char   *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_loading (AssayPdfView *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_page_entry (AssayPdfView *self)
{
  int page = assay_pdf_canvas_get_page (self->canvas);
  g_autofree char *number = NULL;

  if (self->document == NULL)
    return;
  number = g_strdup_printf ("%d", page + 1);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->page_entry)) && !gtk_widget_is_focus (GTK_WIDGET (self->page_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);


  if (!self->syncing_thumbnails)
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (self->thumbnails);

      self->syncing_thumbnails = TRUE;
      if (selection != NULL)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), page);
          /* GtkListView's own action: gtk_list_view_scroll_to() is GTK 4.12. */
          if (gtk_widget_get_visible (GTK_WIDGET (self->thumbnails_scroller)))
            gtk_widget_activate_action (GTK_WIDGET (self->thumbnails), "list.scroll-to-item", "u", (guint) page);
        }
      self->syncing_thumbnails = FALSE;
    }
}

static void
update_zoom_label (AssayPdfView *self)
{
  g_autofree char *label = g_strdup_printf ("%d%%", (int) round (assay_pdf_canvas_get_zoom (self->canvas) * 100));

  /* A label of our own: the menu button would build a new child for a new
   * label, in the middle of the allocation that changed the zoom. */
  gtk_label_set_text (self->zoom_label, label);
}

static void
apply_zoom_mode (AssayPdfView *self)
{
  static const AssayPdfFit fits[] = { ASSAY_PDF_FIT_WIDTH, ASSAY_PDF_FIT_PAGE, ASSAY_PDF_FIT_NONE };

  assay_pdf_canvas_set_fit (self->canvas, fits[self->zoom_mode]);
}

static gboolean
update_toolbar_cb (gpointer data)
{
  AssayPdfView *self = data;

  self->toolbar_source = 0;
  update_page_entry (self);
  update_zoom_label (self);
  return G_SOURCE_REMOVE;
}

/* The page and the zoom change while the canvas is being allocated (a new
 * width refits the pages); the toolbar, allocated already, is updated
 * just after, never in the middle. */
static void
queue_toolbar_update (AssayPdfView *self)
{
  if (self->toolbar_source == 0)
    self->toolbar_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_toolbar_cb, self, NULL);
}

static void
update_page_actions (AssayPdfView *self)
{
  int page = assay_pdf_canvas_get_page (self->canvas);
  int n = self->document ? assay_pdf_document_get_n_pages (self->document) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", page < n - 1);
}

static void
on_canvas_page_cb (AssayPdfView *self)
{
  update_page_actions (self);
  queue_toolbar_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
on_canvas_zoom_cb (AssayPdfView *self)
{
  if (assay_pdf_canvas_get_fit (self->canvas) == ASSAY_PDF_FIT_NONE && self->zoom_mode != ASSAY_PDF_ZOOM_FREE)
    {
      self->zoom_mode = ASSAY_PDF_ZOOM_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
    }
  queue_toolbar_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* -- thumbnails -- */

static double
thumbnail_scale (AssayPdfView *self,
                 int           page)
{
  double width, height;

  assay_pdf_document_get_page_size (self->document, page, &width, &height);
  return THUMBNAIL_WIDTH / width * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
setup_thumbnail_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AssayPdfView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, (int) THUMBNAIL_WIDTH, (int) (THUMBNAIL_WIDTH * 1.3));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "pdf-thumbnail");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_thumbnail_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AssayPdfView             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  int page = (int) gtk_list_item_get_position (item);
  GtkStringObject *object = gtk_list_item_get_item (item);
  double scale;

  if (self->document == NULL || page >= assay_pdf_document_get_n_pages (self->document))
    return;
  scale = thumbnail_scale (self, page);
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (object));
  gtk_picture_set_paintable (GTK_PICTURE (picture),
                             GDK_PAINTABLE (assay_render_scheduler_lookup (self->scheduler, page, scale)));
  assay_render_scheduler_request (self->scheduler, page, scale, ASSAY_RENDER_PRIORITY_THUMBNAIL);
  g_hash_table_insert (self->thumbnail_pictures, GINT_TO_POINTER (page), picture);
  {
    g_autofree char *name = g_strdup_printf (_("Page %s"), gtk_string_object_get_string (object));

    gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

static void
unbind_thumbnail_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AssayPdfView             *self)
{
  g_hash_table_remove (self->thumbnail_pictures, GINT_TO_POINTER (gtk_list_item_get_position (item)));
}

static void
on_rendered_cb (AssayPdfView *self,
                int           page,
                double        scale)
{
  GtkPicture *picture = g_hash_table_lookup (self->thumbnail_pictures, GINT_TO_POINTER (page));

  if (picture != NULL && fabs (scale - thumbnail_scale (self, page)) < 1e-3 * scale)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (assay_render_scheduler_lookup (self->scheduler, page, scale)));
}

static void
on_thumbnail_activated_cb (AssayPdfView *self,
                           guint         position)
{
  assay_pdf_view_set_page (self, (int) position);
}

static void
on_thumbnail_selected_cb (AssayPdfView       *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  if (self->syncing_thumbnails)
    return;
  self->syncing_thumbnails = TRUE;
  assay_pdf_view_set_page (self, (int) gtk_single_selection_get_selected (selection));
  self->syncing_thumbnails = FALSE;
}

static void
fill_thumbnails (AssayPdfView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkSingleSelection *selection;

  for (int i = 0; self->document != NULL && i < assay_pdf_document_get_n_pages (self->document); i++)
    gtk_string_list_append (labels, assay_pdf_document_get_page_label (self->document, i));
  g_hash_table_remove_all (self->thumbnail_pictures);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&labels)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (on_thumbnail_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->thumbnails, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* -- loading -- */

static void
show_document (AssayPdfView     *self,
               AssayPdfDocument *document)
{
  g_autofree char *of = NULL;

  g_set_object (&self->document, document);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);
  self->scheduler = assay_render_scheduler_new (render_page, g_object_ref (document), g_object_unref,
                                                ASSAY_PDF_VIEW_CACHE_BYTES);
  g_signal_connect_object (self->scheduler, "rendered", G_CALLBACK (on_rendered_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "document");
  assay_pdf_canvas_set_document (self->canvas, document, self->scheduler);
  apply_zoom_mode (self);
  fill_thumbnails (self);

  /* TRANSLATORS: after the page number entry, e.g. "of 41" */
  of = g_strdup_printf (_("of %d"), assay_pdf_document_get_n_pages (document));
  gtk_label_set_text (self->n_pages_label, of);
  update_page_entry (self);
  update_page_actions (self);
  update_zoom_label (self);
  set_loading (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AssayPdfView) self = user_data;
  g_autoptr(AssayPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = assay_pdf_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;

  if (document != NULL)
    {
      set_error (self, NULL);
      show_document (self, document);
      return;
    }

  set_loading (self, FALSE);
  set_error (self, error->message);
  if (g_error_matches (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_ENCRYPTED)
      || g_error_matches (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_BAD_PASSWORD))
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "password")),
                                       g_error_matches (error, ASSAY_PDF_ERROR, ASSAY_PDF_ERROR_BAD_PASSWORD)
                                       ? _("That password is not right. Try again, or ask the earner for it.")
                                       : _("Enter the password the earner gave with the submission."));
      gtk_stack_set_visible_child_name (self->stack, "password");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
start_load (AssayPdfView *self,
            const char   *password)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  assay_pdf_document_load_async (self->file, password, self->load_cancellable, load_done_cb, g_object_ref (self));
}

static void
clear_search (AssayPdfView *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = -1;
  self->searching = FALSE;
  gtk_label_set_text (self->matches_label, "");
}

/**
 * assay_pdf_view_load_file:
 *
 * Shows @file, loading it on a worker; a locked or damaged document shows
 * why in place of the pages.
 */
void
assay_pdf_view_load_file (AssayPdfView *self,
                          GFile        *file)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  clear_search (self);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  assay_pdf_canvas_set_document (self->canvas, NULL, NULL);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->document);
  gtk_list_view_set_model (self->thumbnails, NULL);
  g_hash_table_remove_all (self->thumbnail_pictures);
  assay_pdf_canvas_set_note_mode (self->canvas, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  start_load (self, NULL);
}

void
assay_pdf_view_unlock (AssayPdfView *self,
                       const char   *password)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  if (self->file != NULL)
    start_load (self, password);
}

/* -- search -- */

static void
update_matches_label (AssayPdfView *self)
{
  g_autofree char *text = NULL;

  if (self->searching)
    text = g_strdup (_("Searching…"));
  else if (self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* TRANSLATORS: the current match and how many, e.g. "3 of 27" */
    text = g_strdup_printf (_("%d of %d"), self->current_match + 1, (int) self->matches->len);
  gtk_label_set_text (self->matches_label, text);
}

static void
show_match (AssayPdfView *self,
            int           index)
{
  if (self->matches == NULL || self->matches->len == 0)
    return;
  self->current_match = (index + (int) self->matches->len) % (int) self->matches->len;
  assay_pdf_canvas_set_hits (self->canvas, self->matches, self->current_match);
  update_matches_label (self);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AssayPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *hits = assay_pdf_document_search_finish (ASSAY_PDF_DOCUMENT (source), result, &error);
  int page, first = 0;

  if (hits == NULL || g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    {
      g_clear_pointer (&hits, g_array_unref);
      return;
    }

  self->searching = FALSE;
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = hits;
  /* Start from the page being read, not from the first page. */
  page = assay_pdf_canvas_get_page (self->canvas);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, AssayPdfHit, i).page >= page)
      {
        first = (int) i;
        break;
      }
  self->current_match = hits->len > 0 ? first : -1;
  assay_pdf_canvas_set_hits (self->canvas, hits, self->current_match);
  update_matches_label (self);
}

/**
 * assay_pdf_view_search:
 *
 * Finds every match of @text (case-insensitive) and highlights them,
 * going to the first one from the current page on.
 */
void
assay_pdf_view_search (AssayPdfView *self,
                       const char   *text)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  clear_search (self);
  assay_pdf_canvas_set_hits (self->canvas, NULL, -1);
  if (self->document == NULL || text == NULL || *text == '\0')
    {
      update_matches_label (self);
      return;
    }
  self->searching = TRUE;
  update_matches_label (self);
  self->search_cancellable = g_cancellable_new ();
  assay_pdf_document_search_async (self->document, text, self->search_cancellable, search_done_cb, g_object_ref (self));
}

static void
on_search_changed_cb (AssayPdfView *self)
{
  assay_pdf_view_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_mode_cb (AssayPdfView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      clear_search (self);
      assay_pdf_canvas_set_hits (self->canvas, NULL, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static void
on_search_activate_cb (AssayPdfView *self)
{
  GdkModifierType state = 0;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSeat *seat = display ? gdk_display_get_default_seat (display) : NULL;
  GdkDevice *keyboard = seat ? gdk_seat_get_keyboard (seat) : NULL;

  if (keyboard != NULL)
    state = gdk_device_get_modifier_state (keyboard);
  show_match (self, self->current_match + ((state & GDK_SHIFT_MASK) ? -1 : 1));
}

static void
on_next_match_cb (AssayPdfView *self)
{
  show_match (self, self->current_match + 1);
}

static void
on_previous_match_cb (AssayPdfView *self)
{
  show_match (self, self->current_match - 1);
}

static void
on_password_activate_cb (AssayPdfView *self)
{
  assay_pdf_view_unlock (self, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
}

/* -- actions -- */

static void
page_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (widget);
  int page = assay_pdf_canvas_get_page (self->canvas);
  int n = self->document ? assay_pdf_document_get_n_pages (self->document) : 0;

  if (n == 0)
    return;
  if (g_str_equal (action_name, "pdf.next-page"))
    assay_pdf_view_set_page (self, page + 1);
  else if (g_str_equal (action_name, "pdf.previous-page"))
    assay_pdf_view_set_page (self, page - 1);
  else if (g_str_equal (action_name, "pdf.first-page"))
    assay_pdf_view_set_page (self, 0);
  else if (g_str_equal (action_name, "pdf.last-page"))
    assay_pdf_view_set_page (self, n - 1);
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (widget);
  static const double steps[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 3.0, 4.0, 6.0, 8.0 };
  double zoom = assay_pdf_canvas_get_zoom (self->canvas);

  if (g_str_equal (action_name, "pdf.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] > zoom + 1e-3)
          {
            assay_pdf_view_set_zoom (self, steps[i]);
            return;
          }
    }
  else if (g_str_equal (action_name, "pdf.zoom-out"))
    {
      for (guint i = G_N_ELEMENTS (steps); i > 0; i--)
        if (steps[i - 1] < zoom - 1e-3)
          {
            assay_pdf_view_set_zoom (self, steps[i - 1]);
            return;
          }
    }
  else if (g_str_equal (action_name, "pdf.zoom-to"))
    assay_pdf_view_set_zoom (self, g_variant_get_double (parameter));
  else if (g_str_equal (action_name, "pdf.zoom-mode"))
    {
      const char *mode = g_variant_get_string (parameter, NULL);

      assay_pdf_view_set_zoom_mode (self, g_str_equal (mode, "fit-page") ? ASSAY_PDF_ZOOM_FIT_PAGE
                                                                          : ASSAY_PDF_ZOOM_FIT_WIDTH);
    }
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (widget);

  if (g_str_equal (action_name, "pdf.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else if (g_str_equal (action_name, "pdf.next-match"))
    show_match (self, self->current_match + 1);
  else
    show_match (self, self->current_match - 1);
}

static void
copy_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (widget);
  g_autofree char *text = assay_pdf_canvas_get_selected_text (self->canvas);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
misc_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (widget);

  if (g_str_equal (action_name, "pdf.go-to-page"))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
    }
  else if (g_str_equal (action_name, "pdf.toggle-thumbnails"))
    gtk_toggle_button_set_active (self->thumbnails_button, !gtk_toggle_button_get_active (self->thumbnails_button));
  else if (g_str_equal (action_name, "pdf.unlock"))
    assay_pdf_view_unlock (self, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  else if (g_str_equal (action_name, "pdf.escape"))
    {
      if (assay_pdf_canvas_get_note_mode (self->canvas))
        assay_pdf_canvas_set_note_mode (self->canvas, FALSE);
      else if (gtk_search_bar_get_search_mode (self->search_bar))
        gtk_search_bar_set_search_mode (self->search_bar, FALSE);
    }
}

static void
on_page_entry_activate_cb (AssayPdfView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  char *end = NULL;
  gint64 number = g_ascii_strtoll (text, &end, 10);
  int n = self->document ? assay_pdf_document_get_n_pages (self->document) : 0;

  /* A page label ("iv", "A-3") first, then a plain number. */
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (assay_pdf_document_get_page_label (self->document, i), text) == 0)
      {
        assay_pdf_view_set_page (self, i);
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
        return;
      }
  if (end != text && number >= 1 && number <= n)
    {
      assay_pdf_view_set_page (self, (int) number - 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      update_page_entry (self);
    }
}

static void
open_uri_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AssayPdfView     *self)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_strcmp0 (response, "open") == 0)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_uri_activated_cb (AssayPdfView *self,
                     const char   *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  /* Only web and mail links; never a local file or a program. */
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0
                         && g_ascii_strcasecmp (scheme, "mailto") != 0))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Open This Link?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The document links to %s. It comes from outside your organisation: open it only if you trust it."),
                                  uri);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "open", _("_Open Link"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uri", g_strdup (uri), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_uri_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_region_selected_cb (AssayPdfView *self,
                       int           page,
                       double        x,
                       double        y,
                       double        width,
                       double        height)
{
  g_signal_emit (self, signals[REGION_SELECTED], 0, page, x, y, width, height);
}

static void
on_note_activated_cb (AssayPdfView *self,
                      AssayNote    *note)
{
  g_signal_emit (self, signals[NOTE_ACTIVATED], 0, note);
}

static void
on_note_mode_cb (AssayPdfView *self)
{
  gboolean active = assay_pdf_canvas_get_note_mode (self->canvas);

  if (gtk_toggle_button_get_active (self->note_button) != active)
    gtk_toggle_button_set_active (self->note_button, active);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_MODE]);
}

static void
on_note_button_cb (AssayPdfView *self)
{
  assay_pdf_canvas_set_note_mode (self->canvas, gtk_toggle_button_get_active (self->note_button));
}

/* -- GObject -- */

static void
assay_pdf_view_dispose (GObject *object)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (object);

  g_clear_handle_id (&self->toolbar_source, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_PDF_VIEW);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->thumbnail_pictures, g_hash_table_unref);

  G_OBJECT_CLASS (assay_pdf_view_parent_class)->dispose (object);
}

static void
assay_pdf_view_finalize (GObject *object)
{
  g_free (ASSAY_PDF_VIEW (object)->error);

  G_OBJECT_CLASS (assay_pdf_view_parent_class)->finalize (object);
}

static void
assay_pdf_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, assay_pdf_view_get_page (self));
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, assay_pdf_view_get_n_pages (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, assay_pdf_view_get_zoom (self));
      break;
    case PROP_ZOOM_MODE:
      g_value_set_enum (value, self->zoom_mode);
      break;
    case PROP_NOTE_MODE:
      g_value_set_boolean (value, assay_pdf_canvas_get_note_mode (self->canvas));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_pdf_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AssayPdfView *self = ASSAY_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      assay_pdf_view_set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      assay_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      assay_pdf_view_set_zoom_mode (self, g_value_get_enum (value));
      break;
    case PROP_NOTE_MODE:
      assay_pdf_canvas_set_note_mode (self->canvas, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_key (GtkWidgetClass  *widget_class,
          guint            keyval,
          GdkModifierType  modifiers,
          const char      *action,
          const char      *format,
          ...)
{
  if (format == NULL)
    gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
  else
    {
      va_list args;
      GVariant *parameter;

      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
      gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, "@*",
                                           g_variant_ref_sink (parameter));
    }
}

static void
assay_pdf_view_class_init (AssayPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_pdf_view_dispose;
  object_class->finalize = assay_pdf_view_finalize;
  object_class->get_property = assay_pdf_view_get_property;
  object_class->set_property = assay_pdf_view_set_property;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.1, 8.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_enum ("zoom-mode", NULL, NULL, ASSAY_TYPE_PDF_ZOOM_MODE, ASSAY_PDF_ZOOM_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_MODE] =
    g_param_spec_boolean ("note-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AssayPdfView::region-selected:
   *
   * In note mode, a region was outlined: page (0-based) and rectangle in
   * points from the page's top left.
   */
  signals[REGION_SELECTED] =
    g_signal_new ("region-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ASSAY_TYPE_NOTE);

  g_type_ensure (ASSAY_TYPE_PDF_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/viewer/assay-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, thumbnails_button);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, search_button);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, note_button);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, matches_label);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, thumbnails_scroller);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AssayPdfView, canvas);

  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-to", "d", zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-mode", "s", zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.next-match", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.previous-match", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.go-to-page", NULL, misc_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.toggle-thumbnails", NULL, misc_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.unlock", NULL, misc_action_cb);
  gtk_widget_class_install_action (widget_class, "pdf.escape", NULL, misc_action_cb);

  bind_key (widget_class, GDK_KEY_Page_Down, 0, "pdf.next-page", NULL);
  bind_key (widget_class, GDK_KEY_Page_Up, 0, "pdf.previous-page", NULL);
  bind_key (widget_class, GDK_KEY_n, 0, "pdf.next-page", NULL);
  bind_key (widget_class, GDK_KEY_p, 0, "pdf.previous-page", NULL);
  bind_key (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "pdf.first-page", NULL);
  bind_key (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "pdf.last-page", NULL);
  bind_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  bind_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  bind_key (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  bind_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  bind_key (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  bind_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-mode", "s", "fit-width");
  bind_key (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "pdf.zoom-mode", "s", "fit-page");
  bind_key (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pdf.find", NULL);
  bind_key (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pdf.next-match", NULL);
  bind_key (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pdf.previous-match", NULL);
  bind_key (widget_class, GDK_KEY_F3, 0, "pdf.next-match", NULL);
  bind_key (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "pdf.previous-match", NULL);
  bind_key (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy", NULL);
  bind_key (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "pdf.go-to-page", NULL);
  bind_key (widget_class, GDK_KEY_F4, 0, "pdf.toggle-thumbnails", NULL);
  bind_key (widget_class, GDK_KEY_Escape, 0, "pdf.escape", NULL);

  gtk_widget_class_set_css_name (widget_class, "pdfview");
}

static void
assay_pdf_view_init (AssayPdfView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom_mode = ASSAY_PDF_ZOOM_FIT_WIDTH;
  apply_zoom_mode (self);
  self->current_match = -1;
  self->thumbnail_pictures = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_thumbnail_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_thumbnail_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_thumbnail_cb), self);
  gtk_list_view_set_factory (self->thumbnails, factory);
  g_signal_connect_object (self->thumbnails, "activate", G_CALLBACK (on_thumbnail_activated_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->canvas, "notify::page", G_CALLBACK (on_canvas_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (on_canvas_zoom_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::note-mode", G_CALLBACK (on_note_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "region-selected", G_CALLBACK (on_region_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "note-activated", G_CALLBACK (on_note_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "uri-activated", G_CALLBACK (on_uri_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_button, "toggled", G_CALLBACK (on_note_button_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_entry, "activate", G_CALLBACK (on_page_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match", G_CALLBACK (on_next_match_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match", G_CALLBACK (on_previous_match_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->password_entry, "activate", G_CALLBACK (on_password_activate_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

AssayPdfView *
assay_pdf_view_new (void)
{
  return g_object_new (ASSAY_TYPE_PDF_VIEW, NULL);
}

AssayPdfDocument *
assay_pdf_view_get_document (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), NULL);

  return self->document;
}

AssayPdfCanvas *
assay_pdf_view_get_canvas (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), NULL);

  return self->canvas;
}

/**
 * assay_pdf_view_get_scheduler:
 *
 * Returns: (transfer none) (nullable): the page renderer of the document
 */
AssayRenderScheduler *
assay_pdf_view_get_scheduler (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), NULL);

  return self->scheduler;
}

const char *
assay_pdf_view_get_error (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), NULL);

  return self->error;
}

gboolean
assay_pdf_view_get_loading (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), FALSE);

  return self->loading;
}

int
assay_pdf_view_get_page (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), 0);

  return assay_pdf_canvas_get_page (self->canvas);
}

void
assay_pdf_view_set_page (AssayPdfView *self,
                         int           page)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  assay_pdf_canvas_scroll_to_page (self->canvas, page, -1);
}

int
assay_pdf_view_get_n_pages (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), 0);

  return self->document ? assay_pdf_document_get_n_pages (self->document) : 0;
}

double
assay_pdf_view_get_zoom (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), 1.0);

  return assay_pdf_canvas_get_zoom (self->canvas);
}

/**
 * assay_pdf_view_set_zoom:
 *
 * Zooms freely: 1.0 shows pages at 96 dots per inch.
 */
void
assay_pdf_view_set_zoom (AssayPdfView *self,
                         double        zoom)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  if (self->zoom_mode != ASSAY_PDF_ZOOM_FREE)
    {
      self->zoom_mode = ASSAY_PDF_ZOOM_FREE;
      apply_zoom_mode (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
    }
  assay_pdf_canvas_set_zoom (self->canvas, zoom);
}

AssayPdfZoomMode
assay_pdf_view_get_zoom_mode (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), ASSAY_PDF_ZOOM_FIT_WIDTH);

  return self->zoom_mode;
}

void
assay_pdf_view_set_zoom_mode (AssayPdfView     *self,
                              AssayPdfZoomMode  mode)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  if (self->zoom_mode == mode)
    return;
  self->zoom_mode = mode;
  apply_zoom_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

/**
 * assay_pdf_view_set_notes:
 * @notes: (nullable): AssayNote items anchored to pages of this document
 */
void
assay_pdf_view_set_notes (AssayPdfView *self,
                          GListModel   *notes)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  assay_pdf_canvas_set_notes (self->canvas, notes);
}

/**
 * assay_pdf_view_go_to_region:
 *
 * Scrolls to @rect_in_points on @page and outlines it for a moment.
 */
void
assay_pdf_view_go_to_region (AssayPdfView          *self,
                             int                    page,
                             const graphene_rect_t *rect_in_points)
{
  g_return_if_fail (ASSAY_IS_PDF_VIEW (self));

  assay_pdf_canvas_show_region (self->canvas, page, rect_in_points, TRUE);
}

gboolean
assay_pdf_view_get_searching (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), FALSE);

  return self->searching;
}

/**
 * assay_pdf_view_get_matches:
 *
 * Returns: (transfer none) (nullable): the AssayPdfHit of the last search
 */
GArray *
assay_pdf_view_get_matches (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), NULL);

  return self->matches;
}

int
assay_pdf_view_get_current_match (AssayPdfView *self)
{
  g_return_val_if_fail (ASSAY_IS_PDF_VIEW (self), -1);

  return self->current_match;
}
