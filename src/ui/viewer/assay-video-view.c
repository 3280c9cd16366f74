/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-video-view.h"

/* A video with what an assessor needs beyond GtkVideo's own controls:
 * playback speed, frame steps, five-second jumps, fullscreen, and marking a
 * moment or a range to write a note about. */

#define SEEK_STEP_US (5 * G_USEC_PER_SEC)

static const double rates[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

struct _AssayVideoView
{
  GtkWidget         parent_instance;

  AssayMediaStream *stream;
  gint64            mark_start;   /* µs, or -1 */

  GtkStack         *stack;
  GtkVideo         *video;
  GtkButton        *play_button;
  GtkLabel         *time_label;
  GtkDropDown      *speed_dropdown;
  GtkToggleButton  *mark_button;
  AdwStatusPage    *error_page;
};

enum {
  NOTE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AssayVideoView, assay_video_view, GTK_TYPE_WIDGET)

/**
 * assay_video_view_format_time:
 *
 * Returns: "1:02:03", "02:03", or with tenths "02:03.4", as assessors quote
 * moments in their notes.
 */
char *
assay_video_view_format_time (gint64   position_us,
                              gboolean with_tenths)
{
  gint64 tenths = MAX (position_us, 0) / (G_USEC_PER_SEC / 10);
  gint64 seconds = tenths / 10;
  int h = (int) (seconds / 3600), m = (int) (seconds / 60 % 60), s = (int) (seconds % 60);

  if (with_tenths && h > 0)
    return g_strdup_printf ("%d:%02d:%02d.%d", h, m, s, (int) (tenths % 10));
  if (with_tenths)
    return g_strdup_printf ("%02d:%02d.%d", m, s, (int) (tenths % 10));
  if (h > 0)
    return g_strdup_printf ("%d:%02d:%02d", h, m, s);
  return g_strdup_printf ("%02d:%02d", m, s);
}

static void
update_controls (AssayVideoView *self)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self->stream);
  gboolean ready = stream != NULL && gtk_media_stream_is_prepared (stream) && gtk_media_stream_get_error (stream) == NULL;
  gboolean seekable = ready && gtk_media_stream_is_seekable (stream);
  gboolean playing = ready && gtk_media_stream_get_playing (stream);
  g_autofree char *now = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.play-pause", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.step-back", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.step-forward", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.seek-back", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.seek-forward", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.slower", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.faster", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.mark-start", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.add-note", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->speed_dropdown), seekable);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause (Space)") : _("Play (Space)"));

  if (!ready)
    {
      gtk_label_set_text (self->time_label, "");
      return;
    }
  now = assay_video_view_format_time (gtk_media_stream_get_timestamp (stream), TRUE);
  total = assay_video_view_format_time (gtk_media_stream_get_duration (stream), FALSE);
  /* TRANSLATORS: current time of total time in a video, e.g. "00:05.2 / 00:20" */
  text = g_strdup_printf (_("%s / %s"), now, total);
  gtk_label_set_text (self->time_label, text);
}

static void
show_error (AssayVideoView *self)
{
  const GError *error = gtk_media_stream_get_error (GTK_MEDIA_STREAM (self->stream));

  if (error == NULL)
    return;
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_stream_notify_cb (AssayVideoView *self,
                     GParamSpec     *pspec,
                     GObject        *stream)
{
  if (g_strcmp0 (pspec->name, "error") == 0)
    show_error (self);
  update_controls (self);
}

static void
on_speed_selected_cb (AssayVideoView *self)
{
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  if (self->stream != NULL && selected < G_N_ELEMENTS (rates))
    assay_media_stream_set_rate (self->stream, rates[selected]);
}

static void
change_speed (AssayVideoView *self,
              int             direction)
{
  int selected = (int) gtk_drop_down_get_selected (self->speed_dropdown) + direction;

  gtk_drop_down_set_selected (self->speed_dropdown, CLAMP (selected, 0, (int) G_N_ELEMENTS (rates) - 1));
}

static void
seek_by (AssayVideoView *self,
         gint64          delta)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self->stream);
  gint64 target = gtk_media_stream_get_timestamp (stream) + delta;
  gint64 duration = gtk_media_stream_get_duration (stream);

  if (duration > 0)
    target = MIN (target, duration);
  gtk_media_stream_seek (stream, MAX (target, 0));
}

static void
video_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AssayVideoView *self = ASSAY_VIDEO_VIEW (widget);
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self->stream);
  const char *name = action_name + strlen ("video.");

  if (stream == NULL)
    return;

  if (g_str_equal (name, "play-pause"))
    gtk_media_stream_set_playing (stream, !gtk_media_stream_get_playing (stream));
  else if (g_str_equal (name, "step-back"))
    assay_media_stream_step (self->stream, -1);
  else if (g_str_equal (name, "step-forward"))
    assay_media_stream_step (self->stream, 1);
  else if (g_str_equal (name, "seek-back"))
    seek_by (self, -SEEK_STEP_US);
  else if (g_str_equal (name, "seek-forward"))
    seek_by (self, SEEK_STEP_US);
  else if (g_str_equal (name, "slower"))
    change_speed (self, -1);
  else if (g_str_equal (name, "faster"))
    change_speed (self, 1);
  else if (g_str_equal (name, "mute"))
    gtk_media_stream_set_muted (stream, !gtk_media_stream_get_muted (stream));
}

static void
fullscreen_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!GTK_IS_WINDOW (root))
    return;
  if (gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_unfullscreen (GTK_WINDOW (root));
  else
    gtk_window_fullscreen (GTK_WINDOW (root));
}

static void
update_mark (AssayVideoView *self)
{
  g_autofree char *time = NULL;
  g_autofree char *label = NULL;

  if (self->mark_start < 0)
    {
      gtk_button_set_label (GTK_BUTTON (self->mark_button), _("Mark _Start"));
      gtk_toggle_button_set_active (self->mark_button, FALSE);
      return;
    }
  time = assay_video_view_format_time (self->mark_start, TRUE);
  /* TRANSLATORS: the start of a time range being marked in a video */
  label = g_strdup_printf (_("From %s"), time);
  gtk_button_set_label (GTK_BUTTON (self->mark_button), label);
  gtk_toggle_button_set_active (self->mark_button, TRUE);
}

static void
mark_start_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AssayVideoView *self = ASSAY_VIDEO_VIEW (widget);

  if (self->mark_start >= 0)
    self->mark_start = -1;
  else
    self->mark_start = gtk_media_stream_get_timestamp (GTK_MEDIA_STREAM (self->stream));
  update_mark (self);
}

static void
add_note_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AssayVideoView *self = ASSAY_VIDEO_VIEW (widget);
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self->stream);
  gint64 now = gtk_media_stream_get_timestamp (stream) / 1000;
  gint64 start = now, end = -1;

  gtk_media_stream_pause (stream);
  if (self->mark_start >= 0)
    {
      start = MIN (self->mark_start / 1000, now);
      end = MAX (self->mark_start / 1000, now);
      if (end == start)
        end = -1;
      self->mark_start = -1;
      update_mark (self);
    }
  g_signal_emit (self, signals[NOTE_REQUESTED], 0, start, end);
}

/**
 * assay_video_view_load_file:
 *
 * Shows the first frame of @file, paused, or says why it cannot be played.
 */
void
assay_video_view_load_file (AssayVideoView *self,
                            GFile          *file)
{
  g_return_if_fail (ASSAY_IS_VIDEO_VIEW (self));

  assay_video_view_stop (self);
  gtk_stack_set_visible_child_name (self->stack, "video");
  self->mark_start = -1;
  update_mark (self);
  gtk_drop_down_set_selected (self->speed_dropdown, 2);

  if (file == NULL)
    return;

  self->stream = assay_media_stream_new (file);
  g_signal_connect_object (self->stream, "notify", G_CALLBACK (on_stream_notify_cb), self, G_CONNECT_SWAPPED);
  gtk_video_set_media_stream (self->video, GTK_MEDIA_STREAM (self->stream));
  show_error (self);
  update_controls (self);
}

/**
 * assay_video_view_stop:
 *
 * Lets go of the video, so that it stops playing and its file is closed.
 */
void
assay_video_view_stop (AssayVideoView *self)
{
  g_return_if_fail (ASSAY_IS_VIDEO_VIEW (self));

  if (self->stream == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->stream, self);
  gtk_video_set_media_stream (self->video, NULL);
  g_clear_object (&self->stream);
  update_controls (self);
}

AssayMediaStream *
assay_video_view_get_stream (AssayVideoView *self)
{
  g_return_val_if_fail (ASSAY_IS_VIDEO_VIEW (self), NULL);

  return self->stream;
}

void
assay_video_view_seek_ms (AssayVideoView *self,
                          gint64          position_ms)
{
  g_return_if_fail (ASSAY_IS_VIDEO_VIEW (self));

  if (self->stream != NULL && gtk_media_stream_is_seekable (GTK_MEDIA_STREAM (self->stream)))
    gtk_media_stream_seek (GTK_MEDIA_STREAM (self->stream), position_ms * 1000);
}

static void
assay_video_view_dispose (GObject *object)
{
  AssayVideoView *self = ASSAY_VIDEO_VIEW (object);

  if (self->stream != NULL)
    assay_video_view_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_VIDEO_VIEW);

  G_OBJECT_CLASS (assay_video_view_parent_class)->dispose (object);
}

static void
add_key (GtkWidgetClass *widget_class,
         guint           keyval,
         const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, NULL);
}

static void
assay_video_view_class_init (AssayVideoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_video_view_dispose;

  /**
   * AssayVideoView::note-requested:
   * @start_ms: the moment, or the start of the range
   * @end_ms: the end of the range, or -1 for a moment
   */
  signals[NOTE_REQUESTED] =
    g_signal_new ("note-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/viewer/assay-video-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, stack);
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, video);
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, play_button);
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, time_label);
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, mark_button);
  gtk_widget_class_bind_template_child (widget_class, AssayVideoView, error_page);

  gtk_widget_class_install_action (widget_class, "video.play-pause", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.step-back", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.step-forward", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.seek-back", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.seek-forward", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.slower", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.faster", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.mute", NULL, video_action_cb);
  gtk_widget_class_install_action (widget_class, "video.fullscreen", NULL, fullscreen_cb);
  gtk_widget_class_install_action (widget_class, "video.mark-start", NULL, mark_start_cb);
  gtk_widget_class_install_action (widget_class, "video.add-note", NULL, add_note_cb);

  /* The keys of common video players. */
  add_key (widget_class, GDK_KEY_space, "video.play-pause");
  add_key (widget_class, GDK_KEY_k, "video.play-pause");
  add_key (widget_class, GDK_KEY_Left, "video.seek-back");
  add_key (widget_class, GDK_KEY_j, "video.seek-back");
  add_key (widget_class, GDK_KEY_Right, "video.seek-forward");
  add_key (widget_class, GDK_KEY_l, "video.seek-forward");
  add_key (widget_class, GDK_KEY_comma, "video.step-back");
  add_key (widget_class, GDK_KEY_period, "video.step-forward");
  add_key (widget_class, GDK_KEY_bracketleft, "video.slower");
  add_key (widget_class, GDK_KEY_bracketright, "video.faster");
  add_key (widget_class, GDK_KEY_m, "video.mute");
  add_key (widget_class, GDK_KEY_f, "video.fullscreen");
  add_key (widget_class, GDK_KEY_i, "video.mark-start");
  add_key (widget_class, GDK_KEY_n, "video.add-note");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "videoview");
}

static void
assay_video_view_init (AssayVideoView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mark_start = -1;
  g_signal_connect_object (self->speed_dropdown, "notify::selected",
                           G_CALLBACK (on_speed_selected_cb), self, G_CONNECT_SWAPPED);
  update_controls (self);
}

GtkWidget *
assay_video_view_new (void)
{
  return g_object_new (ASSAY_TYPE_VIDEO_VIEW, NULL);
}
