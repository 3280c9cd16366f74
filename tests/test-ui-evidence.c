/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "assay-evidence-window-private.h"
#include "assay-image-view.h"
#include "assay-model.h"
#include "assay-pdf-view.h"
#include "assay-submissions-view.h"
#include "assay-test-ui.h"
#include "assay-text-evidence-view.h"
#include "assay-video-view.h"

/* The evidence window on the demo workspace's real media: a video found,
 * sought to 00:05 and stepped a frame; a note on a moment and a range that
 * appears at once in a second window and survives reopening the workspace;
 * photos with EXIF orientation; Markdown; and hostile files — an image that
 * claims a billion pixels, a "video" of random bytes, a missing blob — each
 * giving a message in the pane. */

typedef struct
{
  char       *directory;
  AssayStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = assay_test_open_demo_store (&f->directory);
}

static void
close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  assay_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_windows ();
  if (f->store != NULL)
    assay_store_close (f->store);
  g_clear_object (&f->store);
  assay_test_remove_tree (f->directory);
  g_free (f->directory);
}

/* The first artifact whose media type starts with @prefix. */
static AssayArtifact *
find_artifact (AssayStore *store,
               const char *prefix)
{
  g_autoptr(GPtrArray) artifacts = assay_store_query (store, ASSAY_TYPE_ARTIFACT, NULL, NULL, "position");

  for (guint i = 0; i < artifacts->len; i++)
    {
      AssayArtifact *artifact = g_ptr_array_index (artifacts, i);

      if (g_str_has_prefix (assay_artifact_get_media_type (artifact), prefix))
        return g_object_ref (artifact);
    }
  return NULL;
}

static AssayEvidenceWindow *
open_on (AssayStore    *store,
         AssayArtifact *artifact)
{
  g_autoptr(AssaySubmission) submission =
    assay_store_lookup (store, ASSAY_TYPE_SUBMISSION, assay_artifact_get_submission_id (artifact), NULL);
  GtkWindow *window;

  g_assert_nonnull (submission);
  window = assay_evidence_window_new (store, submission, artifact, NULL);
  gtk_window_set_default_size (window, 1100, 700);
  gtk_window_present (window);
  assay_test_iterate (50);
  return ASSAY_EVIDENCE_WINDOW (window);
}

static gboolean
stream_has_frame (gpointer data)
{
  AssayMediaStream *stream = assay_video_view_get_stream (data);

  return stream != NULL && gtk_media_stream_is_prepared (GTK_MEDIA_STREAM (stream))
         && assay_media_stream_get_has_frame (stream);
}

static gboolean
stream_settled (gpointer data)
{
  AssayMediaStream *stream = assay_video_view_get_stream (data);

  return !gtk_media_stream_is_seeking (GTK_MEDIA_STREAM (stream));
}

static gboolean
stream_failed (gpointer data)
{
  AssayMediaStream *stream = assay_video_view_get_stream (data);

  return stream != NULL && gtk_media_stream_get_error (GTK_MEDIA_STREAM (stream)) != NULL;
}

static void
test_lists_artifacts_and_reflections (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, "video/mp4");
  AssayEvidenceWindow *window = open_on (f->store, video);
  g_autoptr(GPtrArray) artifacts =
    assay_store_query (f->store, ASSAY_TYPE_ARTIFACT, "submission_id", assay_artifact_get_submission_id (video), NULL);
  guint rows = 0;

  while (gtk_list_box_get_row_at_index (window->artifact_list, rows) != NULL)
    rows++;
  g_assert_cmpuint (rows, ==, artifacts->len);
  g_assert_true (assay_evidence_window_get_artifact (window) == video);
  g_assert_true (assay_evidence_window_get_viewer (window) == window->video_view);

  assay_evidence_window_show_reflections (window);
  g_assert_null (assay_evidence_window_get_artifact (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->viewer_stack), ==, "reflections");
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (window->reflections_box)));

  /* Alt+Down from the reflections goes to the first file, then on. */
  gtk_widget_activate_action (GTK_WIDGET (window), "evidence.next-artifact", NULL);
  g_assert_nonnull (assay_evidence_window_get_artifact (window));
  if (artifacts->len > 1)
    {
      AssayArtifact *first = assay_evidence_window_get_artifact (window);

      gtk_widget_activate_action (GTK_WIDGET (window), "evidence.next-artifact", NULL);
      g_assert_true (assay_evidence_window_get_artifact (window) != first);
      gtk_widget_activate_action (GTK_WIDGET (window), "evidence.previous-artifact", NULL);
      g_assert_true (assay_evidence_window_get_artifact (window) == first);
    }
}

static void
test_video_seek_and_step (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, (const char *) data);
  AssayEvidenceWindow *window = open_on (f->store, video);
  AssayVideoView *view = ASSAY_VIDEO_VIEW (window->video_view);
  GtkMediaStream *stream;
  gint64 frame, at;

  g_assert_true (assay_test_wait_until (stream_has_frame, view, 10000));
  stream = GTK_MEDIA_STREAM (assay_video_view_get_stream (view));
  g_assert_cmpint (gtk_media_stream_get_duration (stream), >, 19 * G_USEC_PER_SEC);
  g_assert_true (gtk_media_stream_is_seekable (stream));

  assay_video_view_seek_ms (view, 5000);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  assay_test_iterate (100);
  frame = assay_media_stream_get_frame_duration (ASSAY_MEDIA_STREAM (stream));
  at = gtk_media_stream_get_timestamp (stream);
  g_assert_cmpint (ABS (at - 5 * G_USEC_PER_SEC), <=, frame);

  /* The period key steps one frame forward, the comma one back. */
  gtk_widget_activate_action (GTK_WIDGET (view), "video.step-forward", NULL);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  assay_test_iterate (100);
  g_assert_cmpint (ABS (gtk_media_stream_get_timestamp (stream) - (at + frame)), <=, frame / 4);
  gtk_widget_activate_action (GTK_WIDGET (view), "video.step-back", NULL);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  assay_test_iterate (100);
  g_assert_cmpint (ABS (gtk_media_stream_get_timestamp (stream) - at), <=, frame / 4);

  /* Right jumps five seconds. */
  gtk_widget_activate_action (GTK_WIDGET (view), "video.seek-forward", NULL);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  assay_test_iterate (100);
  g_assert_cmpint (ABS (gtk_media_stream_get_timestamp (stream) - (at + 5 * G_USEC_PER_SEC)), <=, frame);

  /* Twice the speed, from where it was. */
  gtk_widget_activate_action (GTK_WIDGET (view), "video.faster", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "video.faster", NULL);
  g_assert_cmpfloat (assay_media_stream_get_rate (ASSAY_MEDIA_STREAM (stream)), ==, 1.5);
  gtk_widget_activate_action (GTK_WIDGET (view), "video.faster", NULL);
  g_assert_cmpfloat (assay_media_stream_get_rate (ASSAY_MEDIA_STREAM (stream)), ==, 2.0);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  g_assert_cmpint (ABS (gtk_media_stream_get_timestamp (stream) - (at + 5 * G_USEC_PER_SEC)), <=, 2 * frame);
}

static GtkWindow *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "editor-data") != NULL)
        return window;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
write_in_editor (const char *text)
{
  GtkWindow *editor = find_editor ();
  GtkTextView *text_view;

  g_assert_nonnull (editor);
  text_view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), text, -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "note.save", NULL);
  assay_test_iterate (50);
  g_assert_null (find_editor ());
}

static guint
n_notes (AssayEvidenceWindow *window)
{
  GListModel *notes = assay_evidence_window_get_notes (window);

  return notes ? g_list_model_get_n_items (notes) : 0;
}

static void
test_video_notes_survive_reopening (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, "video/mp4");
  g_autofree char *artifact_id = g_strdup (assay_record_get_id (ASSAY_RECORD (video)));
  AssayEvidenceWindow *window = open_on (f->store, video);
  AssayEvidenceWindow *second = open_on (f->store, video);
  AssayVideoView *view = ASSAY_VIDEO_VIEW (window->video_view);
  g_autoptr(GPtrArray) notes = NULL;
  gboolean saw_moment = FALSE, saw_range = FALSE;

  g_assert_true (assay_test_wait_until (stream_has_frame, view, 10000));
  g_assert_cmpuint (n_notes (second), ==, 0);

  /* A moment: seek to 00:05, press N, write. */
  assay_video_view_seek_ms (view, 5000);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  gtk_widget_activate_action (GTK_WIDGET (view), "video.add-note", NULL);
  write_in_editor ("Wait time after the question is long enough here.");
  g_assert_cmpuint (n_notes (window), ==, 1);
  /* …shown at once in the other window on the same file. */
  g_assert_cmpuint (n_notes (second), ==, 1);

  /* A range: I at 00:02, N at 00:04. */
  assay_video_view_seek_ms (view, 2000);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  gtk_widget_activate_action (GTK_WIDGET (view), "video.mark-start", NULL);
  assay_video_view_seek_ms (view, 4000);
  g_assert_true (assay_test_wait_until (stream_settled, view, 10000));
  gtk_widget_activate_action (GTK_WIDGET (view), "video.add-note", NULL);
  write_in_editor ("Students explain their strategy to a partner.");
  g_assert_cmpuint (n_notes (second), ==, 2);

  /* An empty note cannot be saved. */
  gtk_widget_activate_action (GTK_WIDGET (view), "video.add-note", NULL);
  gtk_widget_activate_action (GTK_WIDGET (find_editor ()), "note.save", NULL);
  g_assert_nonnull (find_editor ());
  gtk_window_destroy (find_editor ());
  g_assert_cmpuint (n_notes (window), ==, 2);

  close_windows ();
  g_clear_object (&video);
  assay_store_close (f->store);
  g_clear_object (&f->store);

  f->store = assay_store_open (f->directory, ASSAY_STORE_OPEN_EXISTING, NULL);
  g_assert_nonnull (f->store);
  notes = assay_store_query (f->store, ASSAY_TYPE_NOTE, "artifact_id", artifact_id, "created_at");
  g_assert_cmpuint (notes->len, ==, 2);
  for (guint i = 0; i < notes->len; i++)
    {
      AssayNote *note = g_ptr_array_index (notes, i);
      gint64 start = assay_note_get_start_ms (note), end = assay_note_get_end_ms (note);

      if (end < 0 && ABS (start - 5000) <= 50)
        saw_moment = g_str_has_prefix (assay_note_get_body (note), "Wait time");
      if (end >= 0 && ABS (start - 2000) <= 50 && ABS (end - 4000) <= 50)
        saw_range = g_str_has_prefix (assay_note_get_body (note), "Students explain");
    }
  g_assert_true (saw_moment);
  g_assert_true (saw_range);

  /* Reopened, the window lists them; clicking one goes to its moment. */
  {
    g_autoptr(AssayArtifact) again = assay_store_lookup (f->store, ASSAY_TYPE_ARTIFACT, artifact_id, NULL);
    AssayEvidenceWindow *reopened = open_on (f->store, again);
    AssayVideoView *reopened_view = ASSAY_VIDEO_VIEW (reopened->video_view);
    GtkListBoxRow *row;

    g_assert_cmpuint (n_notes (reopened), ==, 2);
    g_assert_true (assay_test_wait_until (stream_has_frame, reopened_view, 10000));
    row = gtk_list_box_get_row_at_index (reopened->notes_list, 0);
    g_assert_nonnull (row);
    g_signal_emit_by_name (reopened->notes_list, "row-activated", row);
    g_assert_true (assay_test_wait_until (stream_settled, reopened_view, 10000));
    assay_test_iterate (100);
    g_assert_cmpint (gtk_media_stream_get_timestamp (GTK_MEDIA_STREAM (assay_video_view_get_stream (reopened_view))) / 1000,
                     >=, 1900);
  }
}

static gboolean
pdf_loaded (gpointer data)
{
  return !assay_pdf_view_get_loading (data) && assay_pdf_view_get_n_pages (data) > 0;
}

static void
test_pdf_region_note_survives_reopening (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(AssayArtifact) pdf = find_artifact (f->store, "application/pdf");
  g_autofree char *artifact_id = g_strdup (assay_record_get_id (ASSAY_RECORD (pdf)));
  AssayEvidenceWindow *window = open_on (f->store, pdf);
  AssayEvidenceWindow *second = open_on (f->store, pdf);
  AssayPdfView *view = ASSAY_PDF_VIEW (assay_evidence_window_get_viewer (window));
  int last_page;

  g_assert_true (ASSAY_IS_PDF_VIEW (view));
  g_assert_true (assay_test_wait_until (pdf_loaded, view, 10000));
  last_page = assay_pdf_view_get_n_pages (view) - 1;

  /* Ctrl+M turns on note mode; the outlined region becomes a note. */
  gtk_widget_activate_action (GTK_WIDGET (window), "evidence.add-note", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (window->notes_revealer));
  {
    gboolean note_mode;

    g_object_get (view, "note-mode", &note_mode, NULL);
    g_assert_true (note_mode);
  }
  g_signal_emit_by_name (assay_pdf_view_get_canvas (view), "region-selected", last_page, 72.0, 100.0, 200.0, 50.0);
  write_in_editor ("The hinge question has a distractor for each misconception.");
  g_assert_cmpuint (n_notes (window), ==, 1);
  g_assert_cmpuint (n_notes (second), ==, 1);

  close_windows ();
  g_clear_object (&pdf);
  assay_store_close (f->store);
  g_clear_object (&f->store);
  f->store = assay_store_open (f->directory, ASSAY_STORE_OPEN_EXISTING, NULL);
  g_assert_nonnull (f->store);

  {
    g_autoptr(AssayArtifact) again = assay_store_lookup (f->store, ASSAY_TYPE_ARTIFACT, artifact_id, NULL);
    AssayEvidenceWindow *reopened = open_on (f->store, again);
    AssayPdfView *reopened_view = ASSAY_PDF_VIEW (assay_evidence_window_get_viewer (reopened));
    g_autoptr(AssayNote) note = NULL;
    GtkListBoxRow *row;

    g_assert_true (assay_test_wait_until (pdf_loaded, reopened_view, 10000));
    g_assert_cmpuint (n_notes (reopened), ==, 1);
    note = g_list_model_get_item (assay_evidence_window_get_notes (reopened), 0);
    g_assert_cmpint (assay_note_get_page (note), ==, last_page);
    g_assert_cmpfloat (assay_note_get_x (note), ==, 72.0);
    g_assert_cmpfloat (assay_note_get_y (note), ==, 100.0);
    g_assert_cmpfloat (assay_note_get_width (note), ==, 200.0);
    g_assert_cmpfloat (assay_note_get_height (note), ==, 50.0);
    g_assert_cmpint (assay_pdf_view_get_page (reopened_view), ==, 0);

    /* Clicking the note goes to its page. */
    row = gtk_list_box_get_row_at_index (reopened->notes_list, 0);
    g_signal_emit_by_name (reopened->notes_list, "row-activated", row);
    assay_test_iterate (50);
    g_assert_cmpint (assay_pdf_view_get_page (reopened_view), ==, last_page);
  }
}

static gboolean
image_loaded (gpointer data)
{
  return assay_image_view_get_texture (data) != NULL || assay_image_view_get_error (data) != NULL;
}

static void
test_photos_respect_orientation (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) artifacts = assay_store_query (f->store, ASSAY_TYPE_ARTIFACT, NULL, NULL, "position");
  AssayArtifact *upright = NULL, *rotated = NULL;
  AssayEvidenceWindow *window;
  AssayImageView *view;
  GdkTexture *texture;
  int width, height;

  for (guint i = 0; i < artifacts->len; i++)
    {
      AssayArtifact *artifact = g_ptr_array_index (artifacts, i);
      const char *path = assay_artifact_get_path (artifact);

      if (g_str_has_suffix (path, "whiteboards.jpg"))
        upright = artifact;
      else if (g_str_has_suffix (path, "whiteboards-rotated.jpg"))
        rotated = artifact;
    }
  g_assert_nonnull (upright);
  g_assert_nonnull (rotated);

  window = open_on (f->store, upright);
  view = ASSAY_IMAGE_VIEW (assay_evidence_window_get_viewer (window));
  g_assert_true (ASSAY_IS_IMAGE_VIEW (view));
  g_assert_true (assay_test_wait_until (image_loaded, view, 5000));
  g_assert_null (assay_image_view_get_error (view));
  texture = assay_image_view_get_texture (view);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);

  assay_evidence_window_show_artifact (window, rotated);
  g_assert_true (assay_test_wait_until (image_loaded, view, 5000));
  texture = assay_image_view_get_texture (view);
  /* The rotated file stores the picture on its side with Orientation 6. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

  assay_image_view_set_zoom (view, 2.0);
  g_assert_cmpfloat_with_epsilon (assay_image_view_get_zoom (view), 2.0, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (view), "image.zoom-fit", NULL);
  g_assert_cmpfloat (assay_image_view_get_zoom (view), <=, 1.0);

  /* A note on a photo is about the whole file. */
  g_assert_cmpuint (n_notes (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "evidence.add-note", NULL);
  write_in_editor ("All six groups chose an answer.");
  g_assert_cmpuint (n_notes (window), ==, 1);
  {
    g_autoptr(AssayNote) note = g_list_model_get_item (assay_evidence_window_get_notes (window), 0);

    g_assert_true (assay_note_is_page_anchored (note));
    g_assert_cmpfloat (assay_note_get_width (note), ==, 0);
  }
}

static void
test_submissions_page_opens_evidence (Fixture       *f,
                                      gconstpointer  data)
{
  AssaySubmissionsView *submissions = g_object_new (ASSAY_TYPE_SUBMISSIONS_VIEW, NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(AssaySubmission) first = NULL;
  GtkListView *list_view;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AssayEvidenceWindow *opened = NULL;
  guint before;

  assay_submissions_view_set_store (submissions, f->store);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (submissions));
  gtk_window_present (GTK_WINDOW (window));
  assay_test_iterate (50);
  first = g_list_model_get_item (assay_submissions_view_get_model (submissions), 0);
  list_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (submissions), GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (list_view);

  before = g_list_model_get_n_items (toplevels);
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  /* Opening it again raises the same window. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_EVIDENCE_WINDOW (candidate))
        opened = ASSAY_EVIDENCE_WINDOW (candidate);
    }
  g_assert_nonnull (opened);
  g_assert_true (assay_evidence_window_get_submission (opened) == first);
}

/* An artifact of @submission holding @bytes, as a bundle import would. */
static AssayArtifact *
add_artifact (AssayStore *store,
              const char *submission_id,
              const char *path,
              const char *media_type,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = assay_blob_store_write_bytes (assay_store_get_blobs (store), bytes, NULL, &error);
  AssayArtifact *artifact;

  g_assert_no_error (error);
  artifact = assay_artifact_new (submission_id, path, path, sha256);
  assay_artifact_set_media_type (artifact, media_type);
  assay_artifact_set_size (artifact, g_bytes_get_size (bytes));
  assay_artifact_set_position (artifact, 100);
  g_assert_true (assay_store_save (store, artifact, &error));
  g_assert_no_error (error);
  return artifact;
}

static guint32
png_crc (const guint8 *bytes,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= bytes[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              guint32       length)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint32 be_length = GUINT32_TO_BE (length);
  guint32 be_crc;

  g_byte_array_append (body, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (body, data, length);
  be_crc = GUINT32_TO_BE (png_crc (body->data, body->len));
  g_byte_array_append (png, (const guint8 *) &be_length, 4);
  g_byte_array_append (png, body->data, body->len);
  g_byte_array_append (png, (const guint8 *) &be_crc, 4);
}

/* A well-formed PNG that claims @width × @height pixels but holds one byte
 * of image data: decoding it would allocate the claimed size. */
static GBytes *
png_claiming (guint32 width,
              guint32 height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* zlib: one stored block holding a single zero byte, and its Adler-32 */
  static const guint8 idat[] = { 0x78, 0x01, 0x01, 0x01, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x01, 0x00, 0x01 };
  GByteArray *png = g_byte_array_new ();
  guint8 ihdr[13] = { 0 };
  guint32 be_width = GUINT32_TO_BE (width), be_height = GUINT32_TO_BE (height);

  memcpy (ihdr, &be_width, 4);
  memcpy (ihdr + 4, &be_height, 4);
  ihdr[8] = 8;  /* bit depth */
  ihdr[9] = 2;  /* truecolour */
  g_byte_array_append (png, signature, sizeof signature);
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_chunk (png, "IDAT", idat, sizeof idat);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

static void
test_hostile_files_give_messages (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, "video/mp4");
  const char *submission_id = assay_artifact_get_submission_id (video);
  g_autoptr(GBytes) bomb = png_claiming (100000, 100000);
  g_autoptr(GBytes) noise = NULL;
  g_autoptr(GBytes) binary = g_bytes_new_static ("text\0with\0nul", 13);
  g_autoptr(AssayArtifact) bomb_artifact = NULL;
  g_autoptr(AssayArtifact) noise_artifact = NULL;
  g_autoptr(AssayArtifact) binary_artifact = NULL;
  g_autoptr(AssayArtifact) truncated_artifact = NULL;
  g_autoptr(GBytes) truncated = NULL;
  g_autofree char *mp4 = NULL;
  gsize mp4_length;
  AssayEvidenceWindow *window;
  GtkWidget *viewer;
  guint8 *random = g_malloc (256 * 1024);

  for (gsize i = 0; i < 256 * 1024; i++)
    random[i] = g_random_int () & 0xff;
  noise = g_bytes_new_take (random, 256 * 1024);

  bomb_artifact = add_artifact (f->store, submission_id, "bomb.png", "image/png", bomb);
  noise_artifact = add_artifact (f->store, submission_id, "noise.mp4", "video/mp4", noise);
  binary_artifact = add_artifact (f->store, submission_id, "binary.txt", "text/plain", binary);

  /* The demo MP4 cut off after its first 40 KB. */
  {
    g_autofree char *blob = assay_blob_store_get_path (assay_store_get_blobs (f->store), assay_artifact_get_sha256 (video));

    g_assert_true (g_file_get_contents (blob, &mp4, &mp4_length, NULL));
    truncated = g_bytes_new (mp4, MIN (mp4_length, 40 * 1024));
    truncated_artifact = add_artifact (f->store, submission_id, "cut.mp4", "video/mp4", truncated);
  }

  window = open_on (f->store, bomb_artifact);
  viewer = assay_evidence_window_get_viewer (window);
  g_assert_true (assay_test_wait_until (image_loaded, viewer, 5000));
  g_assert_null (assay_image_view_get_texture (ASSAY_IMAGE_VIEW (viewer)));
  g_assert_nonnull (strstr (assay_image_view_get_error (ASSAY_IMAGE_VIEW (viewer)), "100000 × 100000"));

  assay_evidence_window_show_artifact (window, noise_artifact);
  viewer = assay_evidence_window_get_viewer (window);
  g_assert_true (ASSAY_IS_VIDEO_VIEW (viewer));
  g_assert_true (assay_test_wait_until (stream_failed, viewer, 10000));

  assay_evidence_window_show_artifact (window, truncated_artifact);
  viewer = assay_evidence_window_get_viewer (window);
  /* A cut-off file either fails or plays what it has; never a crash. */
  assay_test_iterate (1500);

  assay_evidence_window_show_artifact (window, binary_artifact);
  viewer = assay_evidence_window_get_viewer (window);
  g_assert_true (ASSAY_IS_TEXT_EVIDENCE_VIEW (viewer));
  assay_test_iterate (300);
  g_assert_nonnull (assay_text_evidence_view_get_error (ASSAY_TEXT_EVIDENCE_VIEW (viewer)));

  /* A blob gone from the folder. */
  {
    g_autofree char *blob = assay_blob_store_get_path (assay_store_get_blobs (f->store),
                                                       assay_artifact_get_sha256 (bomb_artifact));

    g_assert_cmpint (g_remove (blob), ==, 0);
    assay_evidence_window_show_artifact (window, noise_artifact);
    assay_evidence_window_show_artifact (window, bomb_artifact);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->viewer_stack), ==, "missing");
  }
}

static gboolean
text_loaded (gpointer data)
{
  return gtk_text_buffer_get_char_count (assay_text_evidence_view_get_buffer (data)) > 0
         || assay_text_evidence_view_get_error (data) != NULL;
}

static void
test_markdown_is_formatted (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, "video/mp4");
  const char *markdown = "# Heading\n\nSome **bold** and *italic* and `code`.\n\n- one\n- two\n\n[link](https://example.org)\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (markdown, strlen (markdown));
  g_autoptr(AssayArtifact) artifact = add_artifact (f->store, assay_artifact_get_submission_id (video),
                                                    "notes.md", "text/markdown", bytes);
  AssayEvidenceWindow *window = open_on (f->store, artifact);
  GtkWidget *viewer = assay_evidence_window_get_viewer (window);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_assert_true (ASSAY_IS_TEXT_EVIDENCE_VIEW (viewer));
  g_assert_true (assay_test_wait_until (text_loaded, viewer, 5000));
  buffer = assay_text_evidence_view_get_buffer (ASSAY_TEXT_EVIDENCE_VIEW (viewer));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "Heading\n"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "# "));
  g_assert_nonnull (strstr (text, "•  one"));
  g_assert_nonnull (strstr (text, "link (https://example.org)"));
  g_assert_nonnull (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "h1"));
}

/* Encodes @description's output into a file and returns its bytes. */
static GBytes *
encode (const char *description_format)  /* OUTPUT stands for the file */
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("assay-ui-video-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "clip", NULL);
  g_autoptr(GString) description_text = g_string_new (description_format);
  const char *description;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_string_replace (description_text, "OUTPUT", path, 0);
  description = description_text->str;
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  g_rmdir (directory);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

#define CLIP_VIDEO "videotestsrc num-buffers=60 ! video/x-raw,width=320,height=240,framerate=30/1 ! "
#define CLIP_AUDIO "audiotestsrc num-buffers=90 ! audioconvert ! "

static void
check_plays (Fixture    *f,
             const char *name,
             const char *media_type,
             const char *description)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, "video/mp4");
  g_autoptr(GBytes) bytes = encode (description);
  g_autoptr(AssayArtifact) clip = add_artifact (f->store, assay_artifact_get_submission_id (video),
                                                name, media_type, bytes);
  AssayEvidenceWindow *window = open_on (f->store, clip);
  AssayVideoView *view = ASSAY_VIDEO_VIEW (assay_evidence_window_get_viewer (window));
  GtkMediaStream *stream;

  g_assert_true (ASSAY_IS_VIDEO_VIEW (view));
  g_assert_true (assay_test_wait_until (stream_has_frame, view, 10000));
  stream = GTK_MEDIA_STREAM (assay_video_view_get_stream (view));
  g_assert_null (gtk_media_stream_get_error (stream));
  g_assert_true (gtk_media_stream_has_audio (stream));
  g_assert_cmpint (gtk_media_stream_get_duration (stream), >=, 1900 * 1000);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (stream)), ==, 320);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_phone_and_laptop_formats_play (Fixture       *f,
                                    gconstpointer  data)
{
  /* An iPhone-style MOV: H.264 and AAC in QuickTime. */
  check_plays (f, "phone.mov", "video/quicktime",
               CLIP_VIDEO "x264enc speed-preset=ultrafast ! h264parse ! qtmux name=mux ! filesink location=\"OUTPUT\" "
               CLIP_AUDIO "avenc_aac ! aacparse ! mux.");
  /* A laptop's WebM: VP9 and Opus. */
  check_plays (f, "laptop.webm", "video/webm",
               CLIP_VIDEO "vp9enc deadline=1 ! webmmux name=mux ! filesink location=\"OUTPUT\" "
               CLIP_AUDIO "opusenc ! mux.");
}

/* Runs last: it takes the H.264 decoders out of this process's registry. */
static void
test_missing_codec_is_named (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AssayArtifact) video = find_artifact (f->store, "video/mp4");
  GstRegistry *registry = gst_registry_get ();
  g_autoptr(GstCaps) h264 = gst_caps_from_string ("video/x-h264");
  GList *factories = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_NONE);
  AssayEvidenceWindow *window;
  AssayVideoView *view;
  const GError *error;

  for (GList *l = factories; l != NULL; l = l->next)
    if (strstr (gst_element_factory_get_metadata (l->data, GST_ELEMENT_METADATA_KLASS), "Bin") == NULL
        && gst_element_factory_can_sink_any_caps (l->data, h264))
      gst_registry_remove_feature (registry, l->data);
  gst_plugin_feature_list_free (factories);

  window = open_on (f->store, video);
  view = ASSAY_VIDEO_VIEW (assay_evidence_window_get_viewer (window));
  g_assert_true (assay_test_wait_until (stream_failed, view, 10000));
  error = gtk_media_stream_get_error (GTK_MEDIA_STREAM (assay_video_view_get_stream (view)));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "H.264"));
  g_assert_nonnull (strstr (error->message, "not installed"));
}

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);
  gst_init (NULL, NULL);

  g_test_add ("/evidence/artifacts-and-reflections", Fixture, NULL,
              fixture_set_up, test_lists_artifacts_and_reflections, fixture_tear_down);
  g_test_add ("/evidence/video/mp4-seek-and-step", Fixture, "video/mp4",
              fixture_set_up, test_video_seek_and_step, fixture_tear_down);
  g_test_add ("/evidence/video/webm-seek-and-step", Fixture, "video/webm",
              fixture_set_up, test_video_seek_and_step, fixture_tear_down);
  g_test_add ("/evidence/video/notes-survive-reopening", Fixture, NULL,
              fixture_set_up, test_video_notes_survive_reopening, fixture_tear_down);
  g_test_add ("/evidence/pdf/region-note-survives-reopening", Fixture, NULL,
              fixture_set_up, test_pdf_region_note_survives_reopening, fixture_tear_down);
  g_test_add ("/evidence/image/orientation", Fixture, NULL,
              fixture_set_up, test_photos_respect_orientation, fixture_tear_down);
  g_test_add ("/evidence/text/markdown", Fixture, NULL,
              fixture_set_up, test_markdown_is_formatted, fixture_tear_down);
  g_test_add ("/evidence/submissions-page-opens-evidence", Fixture, NULL,
              fixture_set_up, test_submissions_page_opens_evidence, fixture_tear_down);
  g_test_add ("/evidence/hostile-files", Fixture, NULL,
              fixture_set_up, test_hostile_files_give_messages, fixture_tear_down);
  g_test_add ("/evidence/video/phone-and-laptop-formats", Fixture, NULL,
              fixture_set_up, test_phone_and_laptop_formats_play, fixture_tear_down);
  g_test_add ("/evidence/z-last/missing-codec-named", Fixture, NULL,
              fixture_set_up, test_missing_codec_is_named, fixture_tear_down);

  return g_test_run ();
}
