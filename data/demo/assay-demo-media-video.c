/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gst/gst.h>
#include <math.h>
#include <string.h>

#include "assay-demo-media.h"

/* Two short recordings, drawn frame by frame with cairo inside GStreamer
 * and encoded as the two kinds of video educators send: MP4 (H.264 + AAC)
 * and WebM (VP8 + Vorbis). Each frame carries a running clock and frame
 * number in large print, and the frame number again as a row of sixteen
 * black or white 16×16 squares at the bottom left, most significant bit
 * first, so that tests (and people) can check where a seek landed. The
 * audio ticks every second, louder every fifth second. */

#define WIDTH    640
#define HEIGHT   360
#define FPS      25
#define SECONDS  20
#define CODE_BITS 16
#define CODE_SIZE 16

typedef enum
{
  SCENE_CLASSROOM,
  SCENE_MEETING,
} Scene;

static void
show_text (cairo_t    *cr,
           const char *font,
           double      x,
           double      y,
           const char *markup)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static void
draw_person (cairo_t *cr,
             double   x,
             double   y,
             double   size,
             double   hue)
{
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, 0.35 + 0.4 * hue, 0.45, 0.75 - 0.4 * hue);
  cairo_arc (cr, x, y + size * 1.6, size * 1.1, M_PI, 2 * M_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.55 + 0.3 * hue, 0.42 + 0.1 * hue, 0.33);
  cairo_arc (cr, x, y, size * 0.55, 0, 2 * M_PI);
  cairo_fill (cr);
}

/* Checking for understanding: the hinge question on the board, 28 students
 * who hold up whiteboards (tally A 9, B 14, C 3, D 2) and, after a re-teach,
 * again (mostly B). */
static void
draw_classroom (cairo_t *cr,
                double   t)
{
  static const char answers[] = "BABBCABDBABBAB" "BACBBABDABCBAB";
  static const char recheck[] = "BBBBBBBBBABBBB" "BBBBCBBBBBDBBB";
  double teacher_x = 330 + 150 * sin (t * 0.5);
  gboolean boards_up = (t >= 3 && t < 9) || t >= 14;

  cairo_set_source_rgb (cr, 0.93, 0.9, 0.84);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.62, 0.55, 0.45);
  cairo_rectangle (cr, 0, 200, WIDTH, HEIGHT - 200);
  cairo_fill (cr);

  /* the class whiteboard with the question */
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_rectangle (cr, 150, 22, 340, 120);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.1, 0.25, 0.6);
  show_text (cr, "DejaVu Sans Bold 13", 162, 30, "2 H₂ + O₂ → 2 H₂O");
  show_text (cr, "DejaVu Sans 11", 162, 56, "4 mol H₂ and 3 mol O₂.\nWhich runs out first?");
  show_text (cr, "DejaVu Sans 10", 162, 100, t < 14 ? "A  O₂   B  H₂   C  H₂ (coeff.)   D  neither"
                                                     : "Re-check: 2 Al + 3 Cl₂, 6 mol each");

  draw_person (cr, teacher_x, 150, 16, 0.9);

  for (int i = 0; i < 28; i++)
    {
      int row = i / 7, column = i % 7;
      double scale = 0.8 + 0.12 * row;
      double x = 70 + column * 84 + (row % 2) * 20;
      double y = 190 + row * 38;
      /* boards go up one after another, not all in one frame */
      gboolean up = boards_up && fmod (t, 11) * 10 > (i % 7);

      draw_person (cr, x, y, 9 * scale, (i * 37 % 10) / 10.0);
      if (up)
        {
          char text[2] = { t >= 14 ? recheck[i] : answers[i], '\0' };

          demo_draw_whiteboard (cr, x - 18 * scale, y - 44 * scale, 36 * scale, 26 * scale,
                                0.05 * sin (i + t), text);
        }
    }
}

/* Building a team: five members around a table, the speaker ringed, the
 * working agreements on a chart stand. */
static void
draw_meeting (cairo_t *cr,
              double   t)
{
  int speaker = ((int) (t / 4)) % 5;

  cairo_set_source_rgb (cr, 0.86, 0.9, 0.92);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 420, 30, 200, 230);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  show_text (cr, "DejaVu Sans Bold 11", 432, 40, "Working agreements");
  show_text (cr, "DejaVu Sans 9", 432, 64,
             "• Start and end on time\n• Bring student work\n• Anyone may call “pause”\n"
             "• Disagree in the room\n• Rotate the roles\n\nDecision rule:\nconsensus, then vote");

  cairo_set_source_rgb (cr, 0.55, 0.38, 0.22);
  cairo_new_path (cr);
  cairo_save (cr);
  cairo_translate (cr, 215, 190);
  cairo_scale (cr, 150, 70);
  cairo_arc (cr, 0, 0, 1, 0, 2 * M_PI);
  cairo_restore (cr);
  cairo_fill (cr);

  for (int i = 0; i < 5; i++)
    {
      double angle = M_PI * (0.15 + 0.3 * i) - 0.02 * sin (t + i);
      double x = 215 + 185 * cos (angle - M_PI);
      double y = 175 + 95 * sin (angle - M_PI) + 10;

      if (i == speaker)
        {
          cairo_new_path (cr);
          cairo_set_source_rgba (cr, 0.95, 0.75, 0.1, 0.5 + 0.4 * sin (t * 6));
          cairo_arc (cr, x, y, 24, 0, 2 * M_PI);
          cairo_fill (cr);
        }
      draw_person (cr, x, y, 12, i / 5.0);
    }
  /* papers on the table */
  for (int i = 0; i < 4; i++)
    demo_draw_whiteboard (cr, 130 + i * 45, 180, 34, 24, 0.1 * (i - 2), "");
}

static void
draw_stamp (cairo_t *cr,
            guint64  timestamp)
{
  guint64 frame = gst_util_uint64_scale_round (timestamp, FPS, GST_SECOND);
  guint64 ms = timestamp / GST_MSECOND;
  g_autofree char *clock = g_strdup_printf ("%02u:%02u.%03u", (guint) (ms / 60000), (guint) (ms / 1000 % 60),
                                            (guint) (ms % 1000));
  g_autofree char *number = g_strdup_printf ("frame %" G_GUINT64_FORMAT, frame);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  cairo_rectangle (cr, 8, 8, 150, 54);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  show_text (cr, "DejaVu Sans Mono Bold 17", 16, 12, clock);
  show_text (cr, "DejaVu Sans Mono 12", 16, 38, number);

  /* the machine-readable frame number on a grey band */
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_rectangle (cr, 0, HEIGHT - 2 * CODE_SIZE, (CODE_BITS + 2) * CODE_SIZE, 2 * CODE_SIZE);
  cairo_fill (cr);
  for (int bit = 0; bit < CODE_BITS; bit++)
    {
      double value = (frame >> (CODE_BITS - 1 - bit)) & 1 ? 1.0 : 0.0;

      cairo_set_source_rgb (cr, value, value, value);
      cairo_rectangle (cr, (bit + 1) * CODE_SIZE, HEIGHT - 1.5 * CODE_SIZE, CODE_SIZE, CODE_SIZE);
      cairo_fill (cr);
    }
}

static void
on_overlay_draw_cb (GstElement *overlay,
                    cairo_t    *cr,
                    guint64     timestamp,
                    guint64     duration,
                    gpointer    user_data)
{
  double t = (double) timestamp / GST_SECOND;

  if (GPOINTER_TO_INT (user_data) == SCENE_CLASSROOM)
    draw_classroom (cr, t);
  else
    draw_meeting (cr, t);
  draw_stamp (cr, timestamp);
}

/* Reproducible builds: GStreamer 1.22 stamps MP4 files with the time of
 * the build (mp4mux has no property for it) and WebM files with random
 * segment and track UIDs. Both are overwritten here with fixed values. */
#define FIXED_TIME_1904 (G_GUINT64_CONSTANT (1770717900) + G_GUINT64_CONSTANT (2082844800))

static void
fix_boxes (guint8 *data,
           gsize   length,
           int     depth)
{
  gsize offset = 0;

  while (offset + 8 <= length)
    {
      guint8 *box = data + offset;
      guint32 size;

      memcpy (&size, box, 4);
      size = GUINT32_FROM_BE (size);

      if (size < 8 || size > length - offset)
        return;

      if (depth < 3 && (memcmp (box + 4, "moov", 4) == 0 || memcmp (box + 4, "trak", 4) == 0 ||
                        memcmp (box + 4, "mdia", 4) == 0))
        fix_boxes (box + 8, size - 8, depth + 1);
      else if (memcmp (box + 4, "mvhd", 4) == 0 || memcmp (box + 4, "tkhd", 4) == 0 ||
               memcmp (box + 4, "mdhd", 4) == 0)
        {
          /* version 0: two 32-bit times after the version and flags; version 1: two 64-bit */
          guint32 time32 = GUINT32_TO_BE ((guint32) FIXED_TIME_1904);
          guint64 time64 = GUINT64_TO_BE (FIXED_TIME_1904);

          if (box[8] == 0 && size >= 20)
            for (int i = 0; i < 2; i++)
              memcpy (box + 12 + 4 * i, &time32, 4);
          else if (box[8] == 1 && size >= 28)
            for (int i = 0; i < 2; i++)
              memcpy (box + 12 + 8 * i, &time64, 8);
        }
      offset += size;
    }
}

static gboolean
fix_mp4_times (const char  *path,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  fix_boxes ((guint8 *) data, length, 0);

  return g_file_set_contents (path, data, length, error);
}

/* The SegmentUID (element 0x73A4, 16 bytes) and each TrackUID (0x73C5,
 * 8 bytes, non-zero and unique) sit in the headers near the start. */
static gboolean
fix_webm_uids (const char  *path,
               GError     **error)
{
  static const guint8 segment_uid[] = { 0x73, 0xa4, 0x90 };
  static const guint8 track_uid[] = { 0x73, 0xc5, 0x88 };
  g_autofree char *data = NULL;
  gsize length;
  guint8 track = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  for (gsize i = 0; i + 3 + 16 <= MIN (length, 4096); i++)
    {
      if (memcmp (data + i, segment_uid, 3) == 0)
        memcpy (data + i + 3, "assay-demo-webm!", 16);
      else if (memcmp (data + i, track_uid, 3) == 0)
        {
          memset (data + i + 3, 0, 8);
          data[i + 3 + 7] = ++track;
        }
    }

  return g_file_set_contents (path, data, length, error);
}

/* Starts encoding; the caller waits with finish_pipeline (). */
static GstElement *
start_pipeline (const char  *description,
                Scene        scene,
                const char  *title,
                GError     **error)
{
  g_autoptr(GstElement) pipeline = gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, error);
  g_autoptr(GstElement) overlay = NULL;
  g_autoptr(GstElement) mux = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 2, 10, 10, 5, 0);

  if (pipeline == NULL)
    return NULL;
  overlay = gst_bin_get_by_name (GST_BIN (pipeline), "scene");
  mux = gst_bin_get_by_name (GST_BIN (pipeline), "mux");
  g_signal_connect (overlay, "draw", G_CALLBACK (on_overlay_draw_cb), GINT_TO_POINTER (scene));
  gst_tag_setter_add_tags (GST_TAG_SETTER (mux), GST_TAG_MERGE_REPLACE, GST_TAG_TITLE, title, NULL);
  /* A fixed date instead of the time of the build */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (mux), "creation-time") != NULL)
    g_object_set (mux, "creation-time", date, NULL);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  return g_steal_pointer (&pipeline);
}

static gboolean
finish_pipeline (GstElement  *pipeline,
                 GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE,
                                                              GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gboolean ok = GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS;

  if (!ok)
    gst_message_parse_error (message, error, NULL);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return ok;
}

gboolean
demo_write_videos (const char  *directory,
                   GError     **error)
{
  g_autofree char *mp4 = g_build_filename (directory, "classroom-checkpoint.mp4", NULL);
  g_autofree char *webm = g_build_filename (directory, "team-meeting.webm", NULL);
  /* 10 ms audio buffers: 2000 of them make exactly the video's 20 s */
  g_autofree char *sources = g_strdup_printf (
    "videotestsrc pattern=black num-buffers=%d "
    "! video/x-raw,format=BGRx,width=%d,height=%d,framerate=%d/1,pixel-aspect-ratio=1/1 "
    "! cairooverlay name=scene ! videoconvert ! video/x-raw,format=I420 ! queue ! %%s "
    "audiotestsrc wave=ticks volume=0.3 marker-tick-period=5 marker-tick-volume=1.0 "
    "samplesperbuffer=480 num-buffers=%d ! audio/x-raw,rate=48000,channels=1 "
    "! audioconvert ! queue ! %%s",
    FPS * SECONDS, WIDTH, HEIGHT, FPS, SECONDS * 100);
  g_autofree char *mp4_pipeline = NULL;
  g_autofree char *webm_pipeline = NULL;
  g_autoptr(GstElement) classroom = NULL;
  g_autoptr(GstElement) meeting = NULL;
  gboolean ok;
  g_autofree char *mp4_video = g_strdup_printf ("x264enc speed-preset=veryfast bitrate=600 key-int-max=%d threads=1 "
                                                "! video/x-h264,profile=main ! mux.", 2 * FPS);
  g_autofree char *mp4_audio = g_strdup_printf ("avenc_aac bitrate=64000 ! aacparse ! mux. "
                                                "mp4mux name=mux faststart=true ! filesink location=\"%s\"", mp4);
  /* "good" quality at its fastest: the real-time deadline adapts to the
   * machine's speed, which would make every build's file different */
  g_autofree char *webm_video = g_strdup_printf ("vp8enc deadline=1000000 cpu-used=16 target-bitrate=600000 "
                                                 "keyframe-max-dist=%d threads=1 ! mux.", 2 * FPS);
  g_autofree char *webm_audio = g_strdup_printf ("vorbisenc quality=0.2 ! mux. "
                                                 "webmmux name=mux ! filesink location=\"%s\"", webm);

  /* The pattern is built above, never from outside input. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  mp4_pipeline = g_strdup_printf (sources, mp4_video, mp4_audio);
  webm_pipeline = g_strdup_printf (sources, webm_video, webm_audio);
#pragma GCC diagnostic pop

  /* Both encode at once, one on each core of a small build machine */
  classroom = start_pipeline (mp4_pipeline, SCENE_CLASSROOM, "Checkpoint 2: the hinge question", error);
  if (classroom == NULL)
    return FALSE;
  meeting = start_pipeline (webm_pipeline, SCENE_MEETING, "Algebra 1 team meeting, 9 September 2026", error);
  ok = meeting != NULL;
  ok = finish_pipeline (classroom, ok ? error : NULL) && ok;
  ok = (meeting == NULL || finish_pipeline (meeting, ok ? error : NULL)) && ok;

  return ok && fix_mp4_times (mp4, error) && fix_webm_uids (webm, error);
}
