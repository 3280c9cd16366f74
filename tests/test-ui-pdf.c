/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "assay-model.h"
#include "assay-pdf-view.h"
#include "assay-test-ui.h"

/* The PDF view on the demo workspace's documents: going to a page by
 * action and by number, search with every match highlighted, an outlined
 * region reported in the page's own points at any zoom, selected text
 * copied, an internal link followed; and hostile files — truncated,
 * malformed, encrypted — each shown as a message, the encrypted one opened
 * with its password. */

typedef struct
{
  char       *directory;
  AssayStore *store;
  GtkWindow  *window;
  AssayPdfView *view;
} Fixture;

static GFile *
demo_pdf (Fixture    *f,
          const char *name)
{
  g_autoptr(GPtrArray) artifacts = assay_store_query (f->store, ASSAY_TYPE_ARTIFACT, NULL, NULL, NULL);

  for (guint i = 0; i < artifacts->len; i++)
    {
      AssayArtifact *artifact = g_ptr_array_index (artifacts, i);

      if (g_str_has_suffix (assay_artifact_get_path (artifact), name))
        {
          g_autofree char *path = assay_blob_store_get_path (assay_store_get_blobs (f->store),
                                                             assay_artifact_get_sha256 (artifact));

          return g_file_new_for_path (path);
        }
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = assay_test_open_demo_store (&f->directory);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  f->view = assay_pdf_view_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  assay_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  assay_test_iterate (20);
  assay_store_close (f->store);
  g_clear_object (&f->store);
  assay_test_remove_tree (f->directory);
  g_free (f->directory);
}

static gboolean
loaded (gpointer data)
{
  return !assay_pdf_view_get_loading (data);
}

static void
load (Fixture *f,
      GFile   *file)
{
  assay_pdf_view_load_file (f->view, file);
  g_assert_true (assay_test_wait_until (loaded, f->view, 10000));
  assay_test_iterate (50);
}

typedef struct
{
  AssayPdfView *view;
  int           page;
} PageWait;

static gboolean
page_drawn (gpointer data)
{
  PageWait *wait = data;
  AssayPdfCanvas *canvas = assay_pdf_view_get_canvas (wait->view);
  AssayRenderScheduler *scheduler = assay_pdf_view_get_scheduler (wait->view);

  return scheduler != NULL
         && assay_render_scheduler_lookup (scheduler, wait->page,
                                           assay_pdf_canvas_pixels_per_point (canvas)
                                           * gtk_widget_get_scale_factor (GTK_WIDGET (canvas))) != NULL;
}

static void
test_go_to_page (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = demo_pdf (f, "student-work-samples.pdf");
  PageWait wait = { f->view, 20 };

  load (f, file);
  g_assert_null (assay_pdf_view_get_error (f->view));
  g_assert_cmpint (assay_pdf_view_get_n_pages (f->view), ==, 41);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 0);
  /* Fit to width by default. */
  g_assert_cmpint (assay_pdf_view_get_zoom_mode (f->view), ==, ASSAY_PDF_ZOOM_FIT_WIDTH);
  g_assert_cmpfloat_with_epsilon (assay_pdf_view_get_zoom (f->view),
                                  assay_pdf_canvas_fit_width_zoom (assay_pdf_view_get_canvas (f->view)), 1e-6);

  assay_pdf_view_set_page (f->view, 20);
  assay_test_iterate (50);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 20);
  g_assert_true (assay_test_wait_until (page_drawn, &wait, 10000));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.next-page", NULL);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 21);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.previous-page", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.previous-page", NULL);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 19);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.last-page", NULL);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 40);

  /* Typing a page number. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.go-to-page", NULL);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

    while (focus != NULL && !GTK_IS_ENTRY (focus))
      focus = gtk_widget_get_parent (focus);
    g_assert_nonnull (focus);
    gtk_editable_set_text (GTK_EDITABLE (focus), "7");
    g_signal_emit_by_name (focus, "activate");
    g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 6);
    gtk_editable_set_text (GTK_EDITABLE (focus), "99");
    g_signal_emit_by_name (focus, "activate");
    g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 6);
  }

  /* Zooming in leaves fit-to-width and keeps the page. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.zoom-in", NULL);
  g_assert_cmpint (assay_pdf_view_get_zoom_mode (f->view), ==, ASSAY_PDF_ZOOM_FREE);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 6);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.zoom-mode", "s", "fit-page");
  g_assert_cmpfloat_with_epsilon (assay_pdf_view_get_zoom (f->view),
                                  assay_pdf_canvas_fit_page_zoom (assay_pdf_view_get_canvas (f->view)), 1e-6);
}

static gboolean
search_done (gpointer data)
{
  return !assay_pdf_view_get_searching (data);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = demo_pdf (f, "student-work-samples.pdf");
  GArray *matches;

  load (f, file);
  /* "S08" is on page 16 once and page 17 twice (pdftotext agrees). */
  assay_pdf_view_search (f->view, "s08");
  g_assert_true (assay_test_wait_until (search_done, f->view, 10000));
  matches = assay_pdf_view_get_matches (f->view);
  g_assert_nonnull (matches);
  g_assert_cmpuint (matches->len, ==, 3);
  g_assert_cmpint (g_array_index (matches, AssayPdfHit, 0).page, ==, 15);
  g_assert_cmpint (g_array_index (matches, AssayPdfHit, 1).page, ==, 16);
  g_assert_cmpint (g_array_index (matches, AssayPdfHit, 2).page, ==, 16);
  for (guint i = 0; i < matches->len; i++)
    {
      AssayPdfHit *hit = &g_array_index (matches, AssayPdfHit, i);

      /* On the page, in points from its top left. */
      g_assert_cmpfloat (hit->area.origin.y, >=, 0);
      g_assert_cmpfloat (hit->area.origin.y + hit->area.size.height, <=, 792);
      g_assert_cmpfloat (hit->area.size.width, >, 5);
    }

  /* The first match is current and in view. */
  assay_test_iterate (50);
  g_assert_cmpint (assay_pdf_view_get_current_match (f->view), ==, 0);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 15);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.next-match", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.next-match", NULL);
  assay_test_iterate (50);
  g_assert_cmpint (assay_pdf_view_get_current_match (f->view), ==, 2);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, 16);
  /* …and round again. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.next-match", NULL);
  g_assert_cmpint (assay_pdf_view_get_current_match (f->view), ==, 0);

  /* From the page being read on. */
  assay_pdf_view_set_page (f->view, 16);
  assay_pdf_view_search (f->view, "S08");
  g_assert_true (assay_test_wait_until (search_done, f->view, 10000));
  g_assert_cmpint (assay_pdf_view_get_current_match (f->view), ==, 1);

  assay_pdf_view_search (f->view, "no such words anywhere");
  g_assert_true (assay_test_wait_until (search_done, f->view, 10000));
  g_assert_cmpuint (assay_pdf_view_get_matches (f->view)->len, ==, 0);
}

typedef struct
{
  int    page;
  double x, y, width, height;
  gboolean seen;
} Region;

static void
on_region_cb (AssayPdfView *view,
              int           page,
              double        x,
              double        y,
              double        width,
              double        height,
              Region       *region)
{
  region->page = page;
  region->x = x;
  region->y = y;
  region->width = width;
  region->height = height;
  region->seen = TRUE;
}

static GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* A drag from page point (x0, y0) to (x1, y1), as the pointer would make it. */
static void
drag (AssayPdfCanvas *canvas,
      int             page,
      double          x0,
      double          y0,
      double          x1,
      double          y1)
{
  GtkGesture *gesture = find_gesture (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
  double wx0, wy0, wx1, wy1;

  g_assert_nonnull (gesture);
  g_assert_true (assay_pdf_canvas_page_to_widget (canvas, page, x0, y0, &wx0, &wy0));
  g_assert_true (assay_pdf_canvas_page_to_widget (canvas, page, x1, y1, &wx1, &wy1));
  g_signal_emit_by_name (gesture, "drag-begin", wx0, wy0);
  g_signal_emit_by_name (gesture, "drag-update", (wx1 - wx0) / 2, (wy1 - wy0) / 2);
  g_signal_emit_by_name (gesture, "drag-update", wx1 - wx0, wy1 - wy0);
  g_signal_emit_by_name (gesture, "drag-end", wx1 - wx0, wy1 - wy0);
}

static void
test_note_region_in_points (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = demo_pdf (f, "lesson-plan.pdf");
  AssayPdfCanvas *canvas;
  Region region = { 0 };
  static const double zooms[] = { 0.5, 1.0, 1.7 };

  load (f, file);
  canvas = assay_pdf_view_get_canvas (f->view);
  g_signal_connect (f->view, "region-selected", G_CALLBACK (on_region_cb), &region);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double wx, wy, x, y;

      assay_pdf_view_set_zoom (f->view, zooms[z]);
      assay_pdf_view_set_page (f->view, 1);
      assay_test_iterate (30);

      /* Widget and page coordinates are each other's inverse. */
      g_assert_true (assay_pdf_canvas_page_to_widget (canvas, 1, 100, 150, &wx, &wy));
      g_assert_cmpint (assay_pdf_canvas_widget_to_page (canvas, wx, wy, &x, &y), ==, 1);
      g_assert_cmpfloat_with_epsilon (x, 100, 1e-6);
      g_assert_cmpfloat_with_epsilon (y, 150, 1e-6);

      /* Without note mode a drag selects text, and reports no region. */
      region.seen = FALSE;
      drag (canvas, 1, 100, 150, 300, 260);
      g_assert_false (region.seen);

      g_object_set (f->view, "note-mode", TRUE, NULL);
      drag (canvas, 1, 100, 150, 300, 260);
      g_assert_true (region.seen);
      g_assert_cmpint (region.page, ==, 1);
      g_assert_cmpfloat (fabs (region.x - 100), <, 1);
      g_assert_cmpfloat (fabs (region.y - 150), <, 1);
      g_assert_cmpfloat (fabs (region.width - 200), <, 1);
      g_assert_cmpfloat (fabs (region.height - 110), <, 1);

      /* Dragged up and left: the same region. */
      region.seen = FALSE;
      drag (canvas, 1, 300, 260, 100, 150);
      g_assert_true (region.seen);
      g_assert_cmpfloat (fabs (region.x - 100), <, 1);
      g_assert_cmpfloat (fabs (region.height - 110), <, 1);
      g_object_set (f->view, "note-mode", FALSE, NULL);
    }
}

static void
on_text_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_select_and_copy (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = demo_pdf (f, "lesson-plan.pdf");
  AssayPdfCanvas *canvas;
  const AssayPdfPageInfo *info;
  g_autofree char *selected = NULL;
  g_autofree char *pasted = NULL;

  load (f, file);
  canvas = assay_pdf_view_get_canvas (f->view);
  info = assay_pdf_document_ensure_page_info (assay_pdf_view_get_document (f->view), 0);
  g_assert_nonnull (strstr (info->text, "Which reactant runs out first?"));

  /* The title line, across the page. */
  {
    guint start = g_utf8_pointer_to_offset (info->text, strstr (info->text, "Which"));
    const graphene_rect_t *first = &info->char_rects[start];
    const graphene_rect_t *last = &info->char_rects[start + strlen ("Which reactant runs out first?") - 1];

    assay_pdf_canvas_select_region (canvas, 0,
                                    &GRAPHENE_RECT_INIT (first->origin.x + 0.5, first->origin.y + first->size.height / 2,
                                                         last->origin.x + last->size.width - first->origin.x - 0.6, 0));
  }
  selected = assay_pdf_canvas_get_selected_text (canvas);
  g_assert_cmpstr (selected, ==, "Which reactant runs out first?");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->view)), NULL, on_text_read_cb, &pasted);
  g_assert_true (assay_test_wait_until (is_set, &pasted, 5000));
  g_assert_cmpstr (pasted, ==, selected);
}

static void
test_internal_link (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = demo_pdf (f, "lesson-plan.pdf");
  AssayPdfCanvas *canvas;
  const AssayPdfPageInfo *info;
  const AssayPdfLink *internal = NULL;
  GtkGesture *click;
  double wx, wy;

  load (f, file);
  canvas = assay_pdf_view_get_canvas (f->view);
  info = assay_pdf_document_ensure_page_info (assay_pdf_view_get_document (f->view), 0);
  for (guint i = 0; i < info->links->len; i++)
    if (g_array_index (info->links, AssayPdfLink, i).target_page > 0)
      internal = &g_array_index (info->links, AssayPdfLink, i);
  g_assert_nonnull (internal);
  /* The link's area, in points from the top like the text, covers its words. */
  {
    const char *jump = strstr (info->text, "Jump to Checkpoint");
    graphene_rect_t *box;
    graphene_point_t centre;

    g_assert_nonnull (jump);
    box = &info->char_rects[g_utf8_pointer_to_offset (info->text, jump)];
    graphene_rect_get_center (box, &centre);
    g_assert_true (graphene_rect_contains_point (&internal->area, &centre));
  }

  assay_pdf_view_set_zoom (f->view, 1.0);
  assay_pdf_view_set_page (f->view, 0);
  assay_test_iterate (30);
  g_assert_true (assay_pdf_canvas_page_to_widget (canvas, 0,
                                                  internal->area.origin.x + internal->area.size.width / 2,
                                                  internal->area.origin.y + internal->area.size.height / 2,
                                                  &wx, &wy));
  click = find_gesture (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK);
  g_signal_emit_by_name (click, "released", 1, wx, wy);
  assay_test_iterate (30);
  g_assert_cmpint (assay_pdf_view_get_page (f->view), ==, internal->target_page);
}

/* -- hostile files -- */

static GFile *
write_temp (const char *name,
            const void *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return g_file_new_for_path (path);
}

static void
rc4 (const guint8 *key,
     gsize         key_length,
     const guint8 *in,
     guint8       *out,
     gsize         length)
{
  guint8 s[256];
  guint i, j = 0;

  for (i = 0; i < 256; i++)
    s[i] = i;
  for (i = 0; i < 256; i++)
    {
      guint8 t;

      j = (j + s[i] + key[i % key_length]) & 0xff;
      t = s[i], s[i] = s[j], s[j] = t;
    }
  i = j = 0;
  for (gsize n = 0; n < length; n++)
    {
      guint8 t;

      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      t = s[i], s[i] = s[j], s[j] = t;
      out[n] = in[n] ^ s[(s[i] + s[j]) & 0xff];
    }
}

static void
md5 (const guint8 *data,
     gsize         length,
     guint8        digest[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize size = 16;

  g_checksum_update (checksum, data, length);
  g_checksum_get_digest (checksum, digest, &size);
}

static char *
hex (const guint8 *data,
     gsize         length)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (s, "%02x", data[i]);
  return g_string_free (s, FALSE);
}

/* A one-page PDF locked with the standard security handler, revision 2
 * (40-bit RC4), user password "secret". The page has no content stream,
 * so nothing else needs encrypting. */
static GBytes *
encrypted_pdf (void)
{
  static const guint8 pad[32] = {
    0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
    0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
  };
  static const guint8 id[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
  const char *password = "secret";
  guint8 padded[32], digest[16], owner[32], key_input[32 + 32 + 4 + 16], key[16], user[32];
  gint32 permissions = -4;
  g_autofree char *o_hex = NULL, *u_hex = NULL, *id_hex = NULL;
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];

  memcpy (padded, password, strlen (password));
  memcpy (padded + strlen (password), pad, 32 - strlen (password));

  /* O: the padded owner password (the same) hashed keys RC4 over the user's. */
  md5 (padded, 32, digest);
  rc4 (digest, 5, padded, owner, 32);
  /* The file key: MD5 of padded password, O, P and the first ID. */
  memcpy (key_input, padded, 32);
  memcpy (key_input + 32, owner, 32);
  for (int i = 0; i < 4; i++)
    key_input[64 + i] = (permissions >> (8 * i)) & 0xff;
  memcpy (key_input + 68, id, 16);
  md5 (key_input, sizeof key_input, key);
  /* U: the padding encrypted with the file key. */
  rc4 (key, 5, pad, user, 32);

  o_hex = hex (owner, 32);
  u_hex = hex (user, 32);
  id_hex = hex (id, 16);

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>\nendobj\n",
                          o_hex, u_hex, permissions);
  {
    gsize xref = pdf->len;

    g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
    for (int i = 1; i <= 4; i++)
      g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
    g_string_append_printf (pdf, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n"
                            "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", id_hex, id_hex, xref);
  }
  return g_string_free_to_bytes (pdf);
}

static void
test_hostile_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) good = demo_pdf (f, "student-work-samples.pdf");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GFile) truncated = NULL;
  g_autoptr(GFile) garbage = NULL;
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GFile) locked = NULL;
  g_autoptr(GBytes) encrypted = encrypted_pdf ();
  GString *noise = g_string_new ("%PDF-1.7\n");

  g_assert_true (g_file_load_contents (good, NULL, &contents, &length, NULL, NULL));

  /* Cut off in the middle: no cross-reference table, pages missing. */
  truncated = write_temp ("assay-truncated.pdf", contents, length / 3);
  load (f, truncated);
  /* Poppler may rebuild what it can; either a message or pages, never a crash. */
  if (assay_pdf_view_get_error (f->view) == NULL)
    g_assert_cmpint (assay_pdf_view_get_n_pages (f->view), >=, 1);

  for (int i = 0; i < 20000; i++)
    g_string_append_c (noise, (char) g_random_int_range (0, 256));
  garbage = write_temp ("assay-garbage.pdf", noise->str, noise->len);
  g_string_free (noise, TRUE);
  load (f, garbage);
  g_assert_nonnull (assay_pdf_view_get_error (f->view));
  g_assert_nonnull (strstr (assay_pdf_view_get_error (f->view), "damaged"));

  empty = write_temp ("assay-empty.pdf", "", 0);
  load (f, empty);
  g_assert_nonnull (assay_pdf_view_get_error (f->view));

  locked = write_temp ("assay-locked.pdf", g_bytes_get_data (encrypted, NULL), g_bytes_get_size (encrypted));
  load (f, locked);
  g_assert_nonnull (strstr (assay_pdf_view_get_error (f->view), "password"));
  assay_pdf_view_unlock (f->view, "wrong");
  g_assert_true (assay_test_wait_until (loaded, f->view, 10000));
  g_assert_nonnull (strstr (assay_pdf_view_get_error (f->view), "not right"));
  assay_pdf_view_unlock (f->view, "secret");
  g_assert_true (assay_test_wait_until (loaded, f->view, 10000));
  g_assert_null (assay_pdf_view_get_error (f->view));
  g_assert_cmpint (assay_pdf_view_get_n_pages (f->view), ==, 1);

  g_file_delete (truncated, NULL, NULL);
  g_file_delete (garbage, NULL, NULL);
  g_file_delete (empty, NULL, NULL);
  g_file_delete (locked, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add ("/pdf/go-to-page", Fixture, NULL, fixture_set_up, test_go_to_page, fixture_tear_down);
  g_test_add ("/pdf/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/pdf/note-region-in-points", Fixture, NULL, fixture_set_up, test_note_region_in_points, fixture_tear_down);
  g_test_add ("/pdf/select-and-copy", Fixture, NULL, fixture_set_up, test_select_and_copy, fixture_tear_down);
  g_test_add ("/pdf/internal-link", Fixture, NULL, fixture_set_up, test_internal_link, fixture_tear_down);
  g_test_add ("/pdf/hostile-files", Fixture, NULL, fixture_set_up, test_hostile_files, fixture_tear_down);

  return g_test_run ();
}
