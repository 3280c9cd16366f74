/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-test-fs.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>
#ifdef HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
#endif

#include "assay-core-resources.h"
#include "assay-demo.h"
#include "assay-store-credentials.h"

/* The demonstration evidence that the build draws and encodes
 * (data/demo/assay-demo-media.c): each file opens and decodes, the videos
 * show the frame they claim at 00:05, and the demo workspace holds them as
 * artifacts whose blobs verify. The media folder is $ASSAY_DEMO_MEDIA_DIR
 * (tests/meson.build points it at the build's data/demo). */

static const char *
media_directory (void)
{
  const char *directory = g_getenv ("ASSAY_DEMO_MEDIA_DIR");

  if (directory == NULL)
    g_error ("Set ASSAY_DEMO_MEDIA_DIR to the folder of the built demonstration media");
  return directory;
}

static char *
media_path (const char *name)
{
  return g_build_filename (media_directory (), name, NULL);
}

/* PDF */

static PopplerDocument *
open_pdf (const char *name)
{
  g_autofree char *path = media_path (name);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static guint
count_matches (PopplerDocument *document,
               const char      *text)
{
  guint n = 0;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *matches = poppler_page_find_text (page, text);

      n += g_list_length (matches);
      g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }

  return n;
}

/* The number of links of @type over all pages; for links into the
 * document, each named destination must resolve to a page. */
static guint
count_links (PopplerDocument  *document,
             PopplerActionType type)
{
  guint n = 0;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *mapping = poppler_page_get_link_mapping (page);

      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerLinkMapping *link = l->data;

          if (link->action->type != type)
            continue;
          n++;
          if (type == POPPLER_ACTION_URI)
            g_assert_true (g_str_has_prefix (link->action->uri.uri, "https://"));
          if (type == POPPLER_ACTION_GOTO_DEST && link->action->goto_dest.dest->type == POPPLER_DEST_NAMED)
            {
              PopplerDest *dest = poppler_document_find_dest (document, link->action->goto_dest.dest->named_dest);

              g_assert_nonnull (dest);
              g_assert_cmpint (dest->page_num, >=, 1);
              g_assert_cmpint (dest->page_num, <=, poppler_document_get_n_pages (document));
              poppler_dest_free (dest);
            }
        }
      poppler_page_free_link_mapping (mapping);
      g_object_unref (page);
    }

  return n;
}

static void
test_lesson_plan (void)
{
  PopplerDocument *document = open_pdf ("lesson-plan.pdf");
  g_autofree char *title = poppler_document_get_title (document);
  PopplerIndexIter *outline = poppler_index_iter_new (document);

  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 3);
  g_assert_cmpint (poppler_document_get_n_pages (document), <=, 5);
  g_assert_cmpstr (title, ==, "Lesson plan: Which reactant runs out first?");
  /* real, searchable text, a table's cells among it */
  g_assert_cmpuint (count_matches (document, "hinge question"), >=, 3);
  g_assert_cmpuint (count_matches (document, "HS-PS1-7"), >=, 2);
  g_assert_cmpuint (count_matches (document, "Re-teach group"), >=, 1);
  g_assert_cmpuint (count_matches (document, "no such phrase in the plan"), ==, 0);
  g_assert_cmpuint (count_links (document, POPPLER_ACTION_URI), >=, 1);
  g_assert_cmpuint (count_links (document, POPPLER_ACTION_GOTO_DEST), >=, 2);
  /* bookmarks for page navigation */
  g_assert_nonnull (outline);

  poppler_index_iter_free (outline);
  g_object_unref (document);
}

static void
test_long_pdf (void)
{
  PopplerDocument *document = open_pdf ("student-work-samples.pdf");
  PopplerPage *last;
  g_autofree char *text = NULL;
  int n_pages = poppler_document_get_n_pages (document);

  g_assert_cmpint (n_pages, >=, 40);
  last = poppler_document_get_page (document, n_pages - 1);
  text = poppler_page_get_text (last);
  g_assert_nonnull (strstr (text, "Student S20, revision"));
  g_assert_cmpuint (count_matches (document, "first draft"), >=, 20);

  g_object_unref (last);
  g_object_unref (document);
}

static void
test_other_pdfs (void)
{
  const char *names[] = { "team-charter.pdf", "leadership-log.pdf", "conference-plan.pdf",
                          "colleague-perspectives.pdf", "exit-tickets.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PopplerDocument *document = open_pdf (names[i]);
      PopplerPage *page = poppler_document_get_page (document, 0);
      g_autofree char *text = poppler_page_get_text (page);

      g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
      g_assert_cmpuint (strlen (text), >, 300);
      g_object_unref (page);
      g_object_unref (document);
    }
}

/* Video */

static GstMessage *
wait_for (GstElement     *pipeline,
          GstMessageType  types)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  GstMessage *message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, types | GST_MESSAGE_ERROR);

  g_assert_nonnull (message);
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &error, NULL);
      g_assert_no_error (error);
    }

  return message;
}

/* The streams as the container declares them, and the duration. */
static GPtrArray *
probe_streams (const char  *name,
               const char  *demuxer,
               gint64      *duration)
{
  g_autofree char *path = media_path (name);
  g_autofree char *description = g_strdup_printf ("filesrc name=src ! %s name=demux "
                                                  "demux.video_0 ! queue ! fakesink "
                                                  "demux.audio_0 ! queue ! fakesink", demuxer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) demux = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstIterator) pads = NULL;
  GPtrArray *codecs = g_ptr_array_new_with_free_func (g_free);
  GValue item = G_VALUE_INIT;

  g_assert_no_error (error);
  source = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  demux = gst_bin_get_by_name (GST_BIN (pipeline), "demux");
  g_object_set (source, "location", path, NULL);

  gst_element_set_state (pipeline, GST_STATE_PAUSED);
  message = wait_for (pipeline, GST_MESSAGE_ASYNC_DONE);
  g_assert_true (gst_element_query_duration (pipeline, GST_FORMAT_TIME, duration));

  pads = gst_element_iterate_src_pads (demux);
  while (gst_iterator_next (pads, &item) == GST_ITERATOR_OK)
    {
      g_autoptr(GstCaps) caps = gst_pad_get_current_caps (g_value_get_object (&item));

      g_ptr_array_add (codecs, gst_caps_to_string (caps));
      g_value_reset (&item);
    }
  g_value_unset (&item);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return codecs;
}

static gboolean
has_stream (GPtrArray  *codecs,
            const char *prefix)
{
  for (guint i = 0; i < codecs->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (codecs, i), prefix))
      return TRUE;

  return FALSE;
}

static void
on_handoff_cb (GstElement *sink,
               GstBuffer  *buffer,
               GstPad     *pad,
               gpointer    user_data)
{
  g_atomic_int_inc ((int *) user_data);
}

static GstElement *
decoding_pipeline (const char *name)
{
  g_autofree char *path = media_path (name);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *pipeline;

  description = g_strdup_printf ("filesrc location=\"%s\" ! decodebin name=d "
                                 "d. ! video/x-raw ! queue ! videoconvert ! video/x-raw,format=RGBx "
                                 "! fakesink name=video sync=false signal-handoffs=true "
                                 "d. ! audio/x-raw ! queue ! fakesink name=audio sync=false signal-handoffs=true",
                                 path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);

  return pipeline;
}

/* The number the frame carries in its row of black and white squares. */
static guint
read_frame_code (GstSample *sample)
{
  GstCaps *caps = gst_sample_get_caps (sample);
  GstStructure *structure = gst_caps_get_structure (caps, 0);
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstMapInfo map;
  int width = 0, height = 0;
  guint code = 0;

  g_assert_true (gst_structure_get_int (structure, "width", &width));
  g_assert_true (gst_structure_get_int (structure, "height", &height));
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 360);
  g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));

  for (int bit = 0; bit < 16; bit++)
    {
      /* the centre of square @bit: 16 px squares from x = 16, 24 px above the bottom */
      const guint8 *pixel = map.data + (height - 16) * (width * 4) + ((bit + 1) * 16 + 8) * 4;
      guint level = (pixel[0] + pixel[1] + pixel[2]) / 3;

      g_assert_true (level < 60 || level > 195);
      code = (code << 1) | (level > 128 ? 1 : 0);
    }

  gst_buffer_unmap (buffer, &map);
  return code;
}

static guint
frame_code_at (GstElement   *pipeline,
               GstClockTime  position)
{
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "video");
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstSample) sample = NULL;

  g_assert_true (gst_element_seek_simple (pipeline, GST_FORMAT_TIME,
                                          GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE, position));
  message = wait_for (pipeline, GST_MESSAGE_ASYNC_DONE);
  g_object_get (sink, "last-sample", &sample, NULL);
  g_assert_nonnull (sample);

  return read_frame_code (sample);
}

static void
check_video (const char *name,
             const char *demuxer,
             const char *video_codec,
             const char *audio_codec)
{
  g_autoptr(GPtrArray) codecs = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) video = NULL;
  g_autoptr(GstElement) audio = NULL;
  g_autoptr(GstMessage) message = NULL;
  gint64 duration = 0;
  int frames = 0, audio_buffers = 0;

  /* Here, not in main (): GStreamer's thousands of quarks outgrow GLib's
   * first quark block, which GLib then leaks on purpose; valgrind runs
   * skip the videos, and so never see it. */
  gst_init (NULL, NULL);
  codecs = probe_streams (name, demuxer, &duration);
  g_assert_cmpuint (codecs->len, ==, 2);
  g_assert_true (has_stream (codecs, video_codec));
  g_assert_true (has_stream (codecs, audio_codec));
  g_assert_cmpint (duration, >=, 19 * GST_SECOND);
  g_assert_cmpint (duration, <=, 21 * GST_SECOND);

  pipeline = decoding_pipeline (name);
  video = gst_bin_get_by_name (GST_BIN (pipeline), "video");
  audio = gst_bin_get_by_name (GST_BIN (pipeline), "audio");
  g_signal_connect (video, "handoff", G_CALLBACK (on_handoff_cb), &frames);
  g_signal_connect (audio, "handoff", G_CALLBACK (on_handoff_cb), &audio_buffers);

  /* seeking lands on the frame the clock promises: 25 frames a second */
  gst_element_set_state (pipeline, GST_STATE_PAUSED);
  g_clear_pointer (&message, gst_message_unref);
  message = wait_for (pipeline, GST_MESSAGE_ASYNC_DONE);
  g_assert_cmpuint (frame_code_at (pipeline, 5 * GST_SECOND), ==, 125);
  g_assert_cmpuint (frame_code_at (pipeline, 12 * GST_SECOND + 40 * GST_MSECOND), ==, 301);
  g_assert_cmpuint (frame_code_at (pipeline, 0), ==, 0);

  /* and every frame decodes */
  g_atomic_int_set (&frames, 0);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  g_clear_pointer (&message, gst_message_unref);
  message = wait_for (pipeline, GST_MESSAGE_EOS);
  g_assert_cmpint (g_atomic_int_get (&frames), ==, 500);
  g_assert_cmpint (g_atomic_int_get (&audio_buffers), >, 0);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

/* Decoding H.264 loads GStreamer's libav plugin, and with it libhwy,
 * whose use of RDTSCP valgrind 3.19 cannot run. */
static gboolean
skip_under_valgrind (void)
{
#ifdef HAVE_VALGRIND_H
  if (RUNNING_ON_VALGRIND)
    {
      g_test_skip ("the video decoders load code that valgrind cannot run");
      return TRUE;
    }
#endif
  return FALSE;
}

static void
test_mp4 (void)
{
  if (skip_under_valgrind ())
    return;
  check_video ("classroom-checkpoint.mp4", "qtdemux", "video/x-h264", "audio/mpeg, mpegversion=(int)4");
}

static void
test_webm (void)
{
  if (skip_under_valgrind ())
    return;
  check_video ("team-meeting.webm", "matroskademux", "video/x-vp8", "audio/x-vorbis");
}

/* Photos */

static double
mean_difference (GdkPixbuf *a,
                 GdkPixbuf *b)
{
  guint64 total = 0;
  int width = gdk_pixbuf_get_width (a), height = gdk_pixbuf_get_height (a);

  g_assert_cmpint (gdk_pixbuf_get_width (b), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint8 *pa = gdk_pixbuf_read_pixels (a) + y * gdk_pixbuf_get_rowstride (a);
      const guint8 *pb = gdk_pixbuf_read_pixels (b) + y * gdk_pixbuf_get_rowstride (b);

      for (int x = 0; x < width * 3; x++)
        total += ABS ((int) pa[x] - (int) pb[x]);
    }

  return (double) total / (width * height * 3);
}

static void
test_photos (void)
{
  g_autofree char *upright_path = media_path ("whiteboards.jpg");
  g_autofree char *rotated_path = media_path ("whiteboards-rotated.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) upright = gdk_pixbuf_new_from_file (upright_path, &error);
  g_autoptr(GdkPixbuf) stored = NULL;
  g_autoptr(GdkPixbuf) shown = NULL;
  g_autoptr(GdkPixbuf) wrong = NULL;
  g_autofree char *format = NULL;

  g_assert_no_error (error);
  format = gdk_pixbuf_format_get_name (gdk_pixbuf_get_file_info (upright_path, NULL, NULL));
  g_assert_cmpstr (format, ==, "jpeg");
  g_assert_cmpint (gdk_pixbuf_get_width (upright), ==, 1200);
  g_assert_cmpint (gdk_pixbuf_get_height (upright), ==, 800);
  g_assert_null (gdk_pixbuf_get_option (upright, "orientation"));

  /* stored on its side with Orientation 6; honouring the tag stands it up */
  stored = gdk_pixbuf_new_from_file (rotated_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (stored), ==, 800);
  g_assert_cmpint (gdk_pixbuf_get_height (stored), ==, 1200);
  g_assert_cmpstr (gdk_pixbuf_get_option (stored, "orientation"), ==, "6");
  shown = gdk_pixbuf_apply_embedded_orientation (stored);
  g_assert_cmpint (gdk_pixbuf_get_width (shown), ==, 1200);
  g_assert_cmpint (gdk_pixbuf_get_height (shown), ==, 800);
  wrong = gdk_pixbuf_rotate_simple (stored, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
  g_assert_cmpfloat (mean_difference (shown, upright), <, 6.0);
  g_assert_cmpfloat (mean_difference (wrong, upright), >, 20.0);
}

static void
test_reflection (void)
{
  g_autofree char *path = media_path ("reflection.md");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_nonnull (strstr (text, "\n| Answer |"));
}

/* The workspace */

typedef struct
{
  char       *root;
  char       *workspace;
  AssayStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("assay-test-demo-evidence-XXXXXX", &error);
  g_assert_no_error (error);
  f->workspace = g_build_filename (f->root, "workspace", NULL);
  f->store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  assay_test_remove_tree (f->root);
  g_free (f->workspace);
  g_free (f->root);
}

/* What the demonstration data asks for: artifacts and reflections. */
static void
count_declared (guint *artifacts,
                guint *reflections)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (assay_core_get_resource (), ASSAY_DEMO_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *submissions;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  submissions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "submissions");
  *artifacts = *reflections = 0;
  for (guint i = 0; i < json_array_get_length (submissions); i++)
    {
      JsonObject *submission = json_array_get_object_element (submissions, i);
      JsonObject *evidence;

      if (!json_object_has_member (submission, "evidence"))
        continue;
      evidence = json_object_get_object_member (submission, "evidence");
      *artifacts += json_array_get_length (json_object_get_array_member (evidence, "artifacts"));
      *reflections += json_array_get_length (json_object_get_array_member (evidence, "reflections"));
    }
}

static char *
file_sha256 (const char *path,
             gsize      *size)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, size, &error));
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, *size);
}

static void
assert_artifact (AssayStore    *store,
                 AssayArtifact *artifact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayRubric) rubric = NULL;
  g_autofree char *path = media_path (assay_artifact_get_path (artifact));
  g_autofree char *sha256 = NULL;
  const char * const *criteria = assay_artifact_get_criteria (artifact);
  gsize size;

  /* the blob is the media file, byte for byte */
  g_assert_true (assay_blob_store_verify (assay_store_get_blobs (store), assay_artifact_get_sha256 (artifact), &error));
  g_assert_no_error (error);
  sha256 = file_sha256 (path, &size);
  g_assert_cmpstr (sha256, ==, assay_artifact_get_sha256 (artifact));
  g_assert_cmpint (assay_artifact_get_size (artifact), ==, size);
  g_assert_cmpstr (assay_artifact_get_title (artifact), !=, "");
  g_assert_true (g_str_has_prefix (assay_artifact_get_media_type (artifact), "application/pdf") ||
                 g_str_has_prefix (assay_artifact_get_media_type (artifact), "video/") ||
                 g_str_has_prefix (assay_artifact_get_media_type (artifact), "image/jpeg") ||
                 g_str_has_prefix (assay_artifact_get_media_type (artifact), "text/markdown"));

  /* each named criterion is one of the submission's rubric */
  submission = assay_store_lookup (store, ASSAY_TYPE_SUBMISSION, assay_artifact_get_submission_id (artifact), &error);
  g_assert_no_error (error);
  credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, assay_submission_get_credential_id (submission), &error);
  g_assert_no_error (error);
  rubric = assay_store_get_rubric (store, credential, &error);
  g_assert_no_error (error);
  g_assert_nonnull (criteria);
  g_assert_nonnull (criteria[0]);
  for (guint i = 0; criteria[i] != NULL; i++)
    {
      g_autoptr(AssayCriterion) criterion = assay_store_lookup (store, ASSAY_TYPE_CRITERION, criteria[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (assay_criterion_get_rubric_id (criterion), ==, assay_record_get_id (ASSAY_RECORD (rubric)));
    }
}

static void
test_populate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) artifacts = NULL;
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) blobs = NULL;
  guint declared_artifacts, declared_reflections;

  count_declared (&declared_artifacts, &declared_reflections);
  g_assert_cmpuint (declared_artifacts, >=, 10);

  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);

  artifacts = assay_store_query (f->store, ASSAY_TYPE_ARTIFACT, NULL, NULL, NULL);
  g_assert_cmpuint (artifacts->len, ==, declared_artifacts);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_REFLECTION), ==, declared_reflections);
  for (guint i = 0; i < artifacts->len; i++)
    {
      assert_artifact (f->store, g_ptr_array_index (artifacts, i));
      g_hash_table_add (types, (gpointer) assay_artifact_get_media_type (g_ptr_array_index (artifacts, i)));
    }
  /* every kind of evidence a viewer shows */
  g_assert_true (g_hash_table_contains (types, "application/pdf"));
  g_assert_true (g_hash_table_contains (types, "video/mp4"));
  g_assert_true (g_hash_table_contains (types, "video/webm"));
  g_assert_true (g_hash_table_contains (types, "image/jpeg"));
  g_assert_true (g_hash_table_contains (types, "text/markdown"));

  /* a file that several submissions use is stored once */
  blobs = assay_blob_store_list (assay_store_get_blobs (f->store));
  g_assert_cmpuint (blobs->len, <, artifacts->len);
}

/* A media folder without the files fails the whole demo and leaves the
 * workspace as it was, blobs included. */
static void
test_missing_media (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *saved = g_strdup (media_directory ());
  g_autofree char *partial = g_build_filename (f->root, "partial", NULL);
  g_autofree char *missing = g_build_filename (f->root, "missing", NULL);
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (saved, 0, &error);
  const char *name;

  /* Copies of every media file but the WebM video, which a submission
   * after several others needs: their blobs are written, then must go.
   * (Copies, not links: the tree is removed with chmod, which follows links.) */
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (partial, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GFile) source = g_file_new_build_filename (saved, name, NULL);
      g_autoptr(GFile) copy = g_file_new_build_filename (partial, name, NULL);
      const char *suffix = strrchr (name, '.');

      if (g_str_equal (name, "team-meeting.webm") || suffix == NULL ||
          !g_strv_contains ((const char * const[]) { ".pdf", ".mp4", ".jpg", ".md", NULL }, suffix))
        continue;
      g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_setenv ("ASSAY_DEMO_MEDIA_DIR", partial, TRUE);
  g_assert_false (assay_demo_populate (f->store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_setenv ("ASSAY_DEMO_MEDIA_DIR", missing, TRUE);
  g_assert_false (assay_demo_populate (f->store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ASSAY_DEMO_MEDIA_DIR"));
  g_clear_error (&error);
  g_setenv ("ASSAY_DEMO_MEDIA_DIR", saved, TRUE);

  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_CREDENTIAL), ==, 0);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_SUBMISSION), ==, 0);
  g_assert_cmpuint (assay_store_count (f->store, ASSAY_TYPE_ARTIFACT), ==, 0);
  blobs = assay_blob_store_list (assay_store_get_blobs (f->store));
  g_assert_cmpuint (blobs->len, ==, 0);

  /* and the demo still loads once the files are back */
  g_assert_true (assay_demo_populate (f->store, &error));
  g_assert_no_error (error);
}

/* assay-cli demo, then check: the built program, finding the media on its
 * own (through the build folder, or the installed one) */
static int
run_cli (Fixture            *f,
         gboolean            with_media_dir,
         char              **out,
         const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ASSAY_CLI");

  if (cli == NULL)
    g_error ("Set ASSAY_CLI to the assay-cli to test");
  if (!with_media_dir)
    g_subprocess_launcher_unsetenv (launcher, "ASSAY_DEMO_MEDIA_DIR");
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--workspace");
  g_ptr_array_add (argv, f->workspace);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = NULL;

  /* the fixture's store would hold the workspace's lock */
  g_clear_object (&f->store);

  g_assert_cmpint (run_cli (f, FALSE, &out, (const char * const[]) { "demo", NULL }), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, TRUE, &out, (const char * const[]) { "check", NULL }), ==, 0);
  g_assert_cmpstr (out, ==, "ok\n");

  store = assay_store_open (f->workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assay_store_count (store, ASSAY_TYPE_ARTIFACT), >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assay/demo-evidence/lesson-plan", test_lesson_plan);
  g_test_add_func ("/assay/demo-evidence/long-pdf", test_long_pdf);
  g_test_add_func ("/assay/demo-evidence/other-pdfs", test_other_pdfs);
  g_test_add_func ("/assay/demo-evidence/mp4", test_mp4);
  g_test_add_func ("/assay/demo-evidence/webm", test_webm);
  g_test_add_func ("/assay/demo-evidence/photos", test_photos);
  g_test_add_func ("/assay/demo-evidence/reflection", test_reflection);
  g_test_add ("/assay/demo-evidence/populate", Fixture, NULL, fixture_set_up, test_populate, fixture_tear_down);
  g_test_add ("/assay/demo-evidence/missing-media", Fixture, NULL, fixture_set_up, test_missing_media,
              fixture_tear_down);
  g_test_add ("/assay/demo-evidence/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
