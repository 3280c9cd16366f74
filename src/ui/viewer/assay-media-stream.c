/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/pbutils/missing-plugins.h>
#include <gst/video/video.h>

#include "assay-media-stream.h"

/* A GtkMediaStream over a GStreamer playbin whose video ends in an appsink.
 * GTK's own GStreamer backend has no playback rate, no frame step and no way
 * to say which codec is missing; assessors need all three. Frames arrive on
 * GStreamer's streaming thread, wait in a one-frame slot, and become a
 * texture on the main thread, where GTK may use them. */

#define MIN_RATE 0.25
#define MAX_RATE 4.0

struct _AssayMediaStream
{
  GtkMediaStream  parent_instance;

  GFile          *file;
  GstElement     *playbin;
  guint           bus_watch;
  guint           position_timer;
  double          rate;

  GMutex          lock;
  GstSample      *pending;       /* under lock: the newest frame not shown yet */
  guint           frame_source;  /* under lock */

  GdkTexture     *texture;
  double          pixel_aspect;
  gint64          frame_duration;
  gint64          frame_position;
  GPtrArray      *missing;
  gboolean        prepared;
  gboolean        seeking;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_RATE,
  PROP_HAS_FRAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void assay_media_stream_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AssayMediaStream, assay_media_stream, GTK_TYPE_MEDIA_STREAM,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, assay_media_stream_paintable_init))

/* A mapped frame kept alive for as long as the texture made from it. */
typedef struct
{
  GstVideoFrame frame;
  GstBuffer    *buffer;
} MappedFrame;

static void
mapped_frame_free (gpointer data)
{
  MappedFrame *mapped = data;

  gst_video_frame_unmap (&mapped->frame);
  gst_buffer_unref (mapped->buffer);
  g_free (mapped);
}

static GdkTexture *
texture_from_sample (AssayMediaStream *self,
                     GstSample        *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstCaps *caps = gst_sample_get_caps (sample);
  g_autoptr(GBytes) bytes = NULL;
  GstVideoInfo info;
  MappedFrame *mapped;
  gsize stride;
  int width, height;

  if (buffer == NULL || caps == NULL || !gst_video_info_from_caps (&info, caps))
    return NULL;

  mapped = g_new0 (MappedFrame, 1);
  mapped->buffer = gst_buffer_ref (buffer);
  if (!gst_video_frame_map (&mapped->frame, &info, buffer, GST_MAP_READ))
    {
      gst_buffer_unref (mapped->buffer);
      g_free (mapped);
      return NULL;
    }

  width = GST_VIDEO_INFO_WIDTH (&info);
  height = GST_VIDEO_INFO_HEIGHT (&info);
  stride = GST_VIDEO_FRAME_PLANE_STRIDE (&mapped->frame, 0);
  bytes = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (&mapped->frame, 0),
                                      stride * height, mapped_frame_free, mapped);

  self->pixel_aspect = GST_VIDEO_INFO_PAR_D (&info) > 0 && GST_VIDEO_INFO_PAR_N (&info) > 0
                       ? (double) GST_VIDEO_INFO_PAR_N (&info) / GST_VIDEO_INFO_PAR_D (&info)
                       : 1.0;
  if (GST_VIDEO_INFO_FPS_N (&info) > 0 && GST_VIDEO_INFO_FPS_D (&info) > 0)
    self->frame_duration = gst_util_uint64_scale (G_USEC_PER_SEC, GST_VIDEO_INFO_FPS_D (&info),
                                                  GST_VIDEO_INFO_FPS_N (&info));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8, bytes, stride);
}

static gint64
sample_position (GstSample *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  const GstSegment *segment = gst_sample_get_segment (sample);
  guint64 stream_time = 0;

  if (buffer == NULL || !GST_BUFFER_PTS_IS_VALID (buffer) || segment == NULL)
    return -1;
  /* After an accurate seek the frame on screen may start just before the
   * segment; the plain conversion would call it "no time". */
  if (gst_segment_to_stream_time_full (segment, GST_FORMAT_TIME, GST_BUFFER_PTS (buffer), &stream_time) <= 0)
    return 0;
  return (gint64) (stream_time / GST_USECOND);
}

static gboolean
show_pending_frame_cb (gpointer data)
{
  AssayMediaStream *self = data;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean had_frame = self->texture != NULL;
  gboolean resized;
  gint64 position;

  g_mutex_lock (&self->lock);
  sample = g_steal_pointer (&self->pending);
  self->frame_source = 0;
  g_mutex_unlock (&self->lock);

  if (sample == NULL || (texture = texture_from_sample (self, sample)) == NULL)
    return G_SOURCE_REMOVE;

  resized = self->texture == NULL
            || gdk_texture_get_width (self->texture) != gdk_texture_get_width (texture)
            || gdk_texture_get_height (self->texture) != gdk_texture_get_height (texture);
  g_set_object (&self->texture, texture);

  position = sample_position (sample);
  if (position >= 0)
    {
      self->frame_position = position;
      if (gtk_media_stream_is_prepared (GTK_MEDIA_STREAM (self)) && !self->seeking)
        gtk_media_stream_update (GTK_MEDIA_STREAM (self), position);
    }

  if (resized)
    gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  if (!had_frame)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FRAME]);

  return G_SOURCE_REMOVE;
}

/* Streaming thread: keep only the newest frame; the main loop shows it. */
static void
hand_over_sample (AssayMediaStream *self,
                  GstSample        *sample)
{
  g_mutex_lock (&self->lock);
  if (self->pending != NULL)
    gst_sample_unref (self->pending);
  self->pending = sample;
  if (self->frame_source == 0)
    self->frame_source = g_idle_add_full (G_PRIORITY_DEFAULT, show_pending_frame_cb,
                                          g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);
}

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    user_data)
{
  GstSample *sample = gst_app_sink_pull_sample (sink);

  if (sample != NULL)
    hand_over_sample (user_data, sample);
  return GST_FLOW_OK;
}

static GstFlowReturn
on_new_preroll (GstAppSink *sink,
                gpointer    user_data)
{
  GstSample *sample = gst_app_sink_pull_preroll (sink);

  if (sample != NULL)
    hand_over_sample (user_data, sample);
  return GST_FLOW_OK;
}

static void
report_missing_codecs (AssayMediaStream *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < self->missing->len; i++)
    if (!g_ptr_array_find_with_equal_func (names, self->missing->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (names, self->missing->pdata[i]);
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **) names->pdata);
  gtk_media_stream_error (GTK_MEDIA_STREAM (self), GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                          _("This file needs a codec that is not installed on this computer: %s"), list);
}

static void
report_prepared (AssayMediaStream *self)
{
  gint64 duration = 0;
  gint n_video = 0, n_audio = 0;
  gboolean seekable = FALSE;
  g_autoptr(GstQuery) query = gst_query_new_seeking (GST_FORMAT_TIME);

  if (gst_element_query (self->playbin, query))
    gst_query_parse_seeking (query, NULL, &seekable, NULL, NULL);
  if (!gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) || duration < 0)
    duration = 0;
  g_object_get (self->playbin, "n-video", &n_video, "n-audio", &n_audio, NULL);

  /* Playing the sound of a lesson without its picture would mislead. */
  if (n_video == 0 && self->missing->len > 0)
    {
      gst_element_set_state (self->playbin, GST_STATE_NULL);
      report_missing_codecs (self);
      return;
    }

  self->prepared = TRUE;
  gtk_media_stream_stream_prepared (GTK_MEDIA_STREAM (self), n_audio > 0, n_video > 0,
                                    seekable, duration / GST_USECOND);
  if (self->frame_position > 0)
    gtk_media_stream_update (GTK_MEDIA_STREAM (self), self->frame_position);
}

static void
report_error (AssayMediaStream *self,
              GstMessage       *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &error, &debug);
  g_debug ("%s: %s (%s)", g_file_peek_path (self->file), error->message, debug ? debug : "");
  gst_element_set_state (self->playbin, GST_STATE_NULL);

  if (self->missing->len > 0)
    report_missing_codecs (self);
  else if (error->domain == GST_STREAM_ERROR
           && (error->code == GST_STREAM_ERROR_TYPE_NOT_FOUND
               || error->code == GST_STREAM_ERROR_WRONG_TYPE
               || error->code == GST_STREAM_ERROR_DEMUX
               || error->code == GST_STREAM_ERROR_DECODE))
    gtk_media_stream_error (GTK_MEDIA_STREAM (self), error->domain, error->code,
                            _("The file is damaged or is not a video Assay can read (%s)"), error->message);
  else
    gtk_media_stream_error (GTK_MEDIA_STREAM (self), error->domain, error->code,
                            _("The video cannot be played: %s"), error->message);
}

static gboolean
on_bus_message_cb (GstBus     *bus,
                   GstMessage *message,
                   gpointer    user_data)
{
  AssayMediaStream *self = user_data;
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self);

  GstMessageType type = GST_MESSAGE_TYPE (message);

  if (type == GST_MESSAGE_ASYNC_DONE && gtk_media_stream_get_error (stream) == NULL)
    {
      if (!self->prepared)
        report_prepared (self);
      else if (self->seeking)
        {
          self->seeking = FALSE;
          gtk_media_stream_seek_success (stream);
          gtk_media_stream_update (stream, self->frame_position);
        }
    }
  else if (type == GST_MESSAGE_EOS && gtk_media_stream_is_prepared (stream))
    gtk_media_stream_stream_ended (stream);
  else if (type == GST_MESSAGE_ERROR && gtk_media_stream_get_error (stream) == NULL)
    report_error (self, message);
  else if (type == GST_MESSAGE_ELEMENT && gst_is_missing_plugin_message (message))
    g_ptr_array_add (self->missing, gst_missing_plugin_message_get_description (message));

  return G_SOURCE_CONTINUE;
}

static gboolean
update_position_cb (gpointer user_data)
{
  AssayMediaStream *self = user_data;
  gint64 position;

  /* Frames carry their own time; this keeps audio-only files moving. */
  if (!self->seeking && self->texture == NULL
      && gst_element_query_position (self->playbin, GST_FORMAT_TIME, &position) && position >= 0)
    gtk_media_stream_update (GTK_MEDIA_STREAM (self), position / GST_USECOND);

  return G_SOURCE_CONTINUE;
}

static gboolean
seek_to (AssayMediaStream *self,
         gint64            timestamp)
{
  return gst_element_seek (self->playbin, self->rate, GST_FORMAT_TIME,
                           GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                           GST_SEEK_TYPE_SET, MAX (timestamp, 0) * GST_USECOND,
                           GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE);
}

static gboolean
assay_media_stream_play (GtkMediaStream *stream)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (stream);

  if (gtk_media_stream_get_ended (stream))
    seek_to (self, 0);
  if (gst_element_set_state (self->playbin, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    return FALSE;
  if (self->position_timer == 0)
    self->position_timer = g_timeout_add (100, update_position_cb, self);
  return TRUE;
}

static void
assay_media_stream_pause (GtkMediaStream *stream)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (stream);

  gst_element_set_state (self->playbin, GST_STATE_PAUSED);
  g_clear_handle_id (&self->position_timer, g_source_remove);
}

static void
assay_media_stream_seek (GtkMediaStream *stream,
                         gint64          timestamp)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (stream);

  if (!seek_to (self, timestamp))
    {
      gtk_media_stream_seek_failed (stream);
      return;
    }
  self->seeking = TRUE;
  /* Seen at once, so the seek bar does not jump back while the decoder
   * finds the frame; the frame then brings its exact time. */
  gtk_media_stream_update (stream, timestamp);
}

static void
assay_media_stream_update_audio (GtkMediaStream *stream,
                                 gboolean        muted,
                                 double          volume)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (stream);

  g_object_set (self->playbin, "mute", muted, "volume", CLAMP (volume, 0.0, 1.0), NULL);
}

static void
assay_media_stream_snapshot (GdkPaintable *paintable,
                             GdkSnapshot  *snapshot,
                             double        width,
                             double        height)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (paintable);

  if (self->texture != NULL)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static GdkPaintable *
assay_media_stream_get_current_image (GdkPaintable *paintable)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (paintable);

  if (self->texture != NULL)
    return GDK_PAINTABLE (g_object_ref (self->texture));
  return gdk_paintable_new_empty (0, 0);
}

static int
assay_media_stream_get_intrinsic_width (GdkPaintable *paintable)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (paintable);

  if (self->texture == NULL)
    return 0;
  return (int) (gdk_texture_get_width (self->texture) * self->pixel_aspect + 0.5);
}

static int
assay_media_stream_get_intrinsic_height (GdkPaintable *paintable)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (paintable);

  return self->texture ? gdk_texture_get_height (self->texture) : 0;
}

static double
assay_media_stream_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (paintable);

  if (self->texture == NULL || gdk_texture_get_height (self->texture) == 0)
    return 0.0;
  return gdk_texture_get_width (self->texture) * self->pixel_aspect / gdk_texture_get_height (self->texture);
}

static void
assay_media_stream_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = assay_media_stream_snapshot;
  iface->get_current_image = assay_media_stream_get_current_image;
  iface->get_intrinsic_width = assay_media_stream_get_intrinsic_width;
  iface->get_intrinsic_height = assay_media_stream_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = assay_media_stream_get_intrinsic_aspect_ratio;
}

static GstElement *
make_video_sink (AssayMediaStream *self)
{
  GstAppSinkCallbacks callbacks = { NULL, on_new_preroll, on_new_sample };
  g_autoptr(GstCaps) caps = gst_caps_from_string ("video/x-raw,format=BGRA");
  GstElement *sink = gst_element_factory_make ("appsink", NULL);

  if (sink == NULL)
    return NULL;
  gst_app_sink_set_caps (GST_APP_SINK (sink), caps);
  gst_app_sink_set_max_buffers (GST_APP_SINK (sink), 2);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);
  g_object_set (sink, "enable-last-sample", FALSE, "qos", TRUE, NULL);
  return sink;
}

static void
assay_media_stream_constructed (GObject *object)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (object);
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *uri = NULL;
  GstElement *video_sink, *tempo;

  G_OBJECT_CLASS (assay_media_stream_parent_class)->constructed (object);

  self->playbin = gst_element_factory_make ("playbin", NULL);
  video_sink = make_video_sink (self);
  if (self->playbin == NULL || video_sink == NULL || self->file == NULL)
    {
      if (video_sink != NULL)
        gst_object_unref (gst_object_ref_sink (video_sink));
      gtk_media_stream_error (GTK_MEDIA_STREAM (self), GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                              _("GStreamer’s playback elements are not installed on this computer"));
      return;
    }

  gst_object_ref_sink (self->playbin);
  uri = g_file_get_uri (self->file);
  g_object_set (self->playbin, "uri", uri, "video-sink", video_sink, NULL);
  /* Keeps voices at their pitch at 0.5× and 2×. */
  if ((tempo = gst_element_factory_make ("scaletempo", NULL)) != NULL)
    g_object_set (self->playbin, "audio-filter", tempo, NULL);

  bus = gst_element_get_bus (self->playbin);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message_cb, self);

  /* Paused is enough to decode and show the first frame. */
  gst_element_set_state (self->playbin, GST_STATE_PAUSED);
}

static void
assay_media_stream_dispose (GObject *object)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (object);

  if (self->playbin != NULL)
    {
      /* Joins the streaming threads: no frame arrives after this. */
      gst_element_set_state (self->playbin, GST_STATE_NULL);
      g_clear_pointer (&self->playbin, gst_object_unref);
    }
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  g_clear_handle_id (&self->position_timer, g_source_remove);

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->pending, gst_sample_unref);
  g_mutex_unlock (&self->lock);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (assay_media_stream_parent_class)->dispose (object);
}

static void
assay_media_stream_finalize (GObject *object)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (object);

  g_clear_object (&self->file);
  g_ptr_array_unref (self->missing);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (assay_media_stream_parent_class)->finalize (object);
}

static void
assay_media_stream_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_HAS_FRAME:
      g_value_set_boolean (value, self->texture != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_media_stream_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AssayMediaStream *self = ASSAY_MEDIA_STREAM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_RATE:
      assay_media_stream_set_rate (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_media_stream_class_init (AssayMediaStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkMediaStreamClass *stream_class = GTK_MEDIA_STREAM_CLASS (klass);

  gst_init (NULL, NULL);

  object_class->constructed = assay_media_stream_constructed;
  object_class->dispose = assay_media_stream_dispose;
  object_class->finalize = assay_media_stream_finalize;
  object_class->get_property = assay_media_stream_get_property;
  object_class->set_property = assay_media_stream_set_property;

  stream_class->play = assay_media_stream_play;
  stream_class->pause = assay_media_stream_pause;
  stream_class->seek = assay_media_stream_seek;
  stream_class->update_audio = assay_media_stream_update_audio;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, MIN_RATE, MAX_RATE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_FRAME] =
    g_param_spec_boolean ("has-frame", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
assay_media_stream_init (AssayMediaStream *self)
{
  g_mutex_init (&self->lock);
  self->rate = 1.0;
  self->pixel_aspect = 1.0;
  self->frame_duration = G_USEC_PER_SEC / 30;
  self->missing = g_ptr_array_new_with_free_func (g_free);
}

AssayMediaStream *
assay_media_stream_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (ASSAY_TYPE_MEDIA_STREAM, "file", file, NULL);
}

GFile *
assay_media_stream_get_file (AssayMediaStream *self)
{
  g_return_val_if_fail (ASSAY_IS_MEDIA_STREAM (self), NULL);

  return self->file;
}

double
assay_media_stream_get_rate (AssayMediaStream *self)
{
  g_return_val_if_fail (ASSAY_IS_MEDIA_STREAM (self), 1.0);

  return self->rate;
}

/**
 * assay_media_stream_set_rate:
 *
 * Plays at @rate times the normal speed, from where the stream is now.
 */
void
assay_media_stream_set_rate (AssayMediaStream *self,
                             double            rate)
{
  g_return_if_fail (ASSAY_IS_MEDIA_STREAM (self));

  rate = CLAMP (rate, MIN_RATE, MAX_RATE);
  if (rate == self->rate)
    return;

  self->rate = rate;
  /* A rate only takes effect through a seek; seeking to where we are
   * changes nothing else. */
  if (self->prepared && gtk_media_stream_get_error (GTK_MEDIA_STREAM (self)) == NULL)
    gtk_media_stream_seek (GTK_MEDIA_STREAM (self), gtk_media_stream_get_timestamp (GTK_MEDIA_STREAM (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

gint64
assay_media_stream_get_frame_duration (AssayMediaStream *self)
{
  g_return_val_if_fail (ASSAY_IS_MEDIA_STREAM (self), 0);

  return self->frame_duration;
}

/**
 * assay_media_stream_step:
 * @frames: how many frames to go forward, or back when negative
 *
 * Pauses and shows the frame @frames away from the one on screen.
 */
void
assay_media_stream_step (AssayMediaStream *self,
                         int               frames)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self);
  gint64 target, duration;

  g_return_if_fail (ASSAY_IS_MEDIA_STREAM (self));

  if (!gtk_media_stream_is_prepared (stream) || !gtk_media_stream_is_seekable (stream))
    return;

  gtk_media_stream_pause (stream);
  /* Just past the start of the wanted frame: an accurate seek shows the
   * frame covering the target, clipped to start there, so rounding the
   * duration to microseconds never lands on the end of its neighbour. */
  target = self->frame_position + frames * self->frame_duration + 1;
  duration = gtk_media_stream_get_duration (stream);
  if (duration > 0)
    target = MIN (target, duration - 1);
  gtk_media_stream_seek (stream, MAX (target, 0));
}

gboolean
assay_media_stream_get_has_frame (AssayMediaStream *self)
{
  g_return_val_if_fail (ASSAY_IS_MEDIA_STREAM (self), FALSE);

  return self->texture != NULL;
}
