/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "assay-image-view.h"

/* A photo of the classroom or of student work: fitted to the pane, or
 * zoomed (Ctrl+scroll, pinch, +/−) and panned by dragging. Decoding runs on
 * a worker after the header's size is checked, so a picture that claims
 * billions of pixels is refused before anything is allocated, and the
 * camera's EXIF orientation is applied. */

#define MIN_ZOOM 0.02
#define MAX_ZOOM 16.0

struct _AssayImageView
{
  GtkWidget     parent_instance;

  GCancellable *cancellable;
  GdkTexture   *texture;
  char         *error;

  gboolean      fit;
  double        zoom;
  double        offset_x;      /* image point at the centre of the view */
  double        offset_y;
  double        drag_start_x;
  double        drag_start_y;
  double        pinch_start_zoom;
  double        pointer_x;     /* where Ctrl+scroll zooms around */
  double        pointer_y;

  GtkWidget    *status;        /* AdwStatusPage for loading and errors */
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_TEXTURE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AssayImageView, assay_image_view, GTK_TYPE_WIDGET)

typedef struct
{
  char *path;
  char *media_type;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->media_type);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbufFormat *format;
  int width = 0, height = 0;

  format = gdk_pixbuf_get_file_info (data->path, &width, &height);
  if (format == NULL)
    {
      if (g_strcmp0 (data->media_type, "image/heic") == 0 || g_strcmp0 (data->media_type, "image/heif") == 0)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("HEIC photos cannot be shown on this computer. Install the “heif-gdk-pixbuf” package, or open the file with another application."));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 _("The file is damaged or is not an image Assay can show."));
      return;
    }

  if (width <= 0 || height <= 0 || (gint64) width * height > ASSAY_IMAGE_VIEW_MAX_PIXELS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The image claims to be %d × %d pixels, too large to open safely."),
                               width, height);
      return;
    }

  pixbuf = gdk_pixbuf_new_from_file (data->path, &error);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The image could not be read: %s"), error->message);
      return;
    }

  g_task_return_pointer (task, gdk_pixbuf_apply_embedded_orientation (pixbuf), g_object_unref);
}

static void
set_error (AssayImageView *self,
           const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    {
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "image-missing-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("This Image Cannot Be Shown"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status), message);
    }
  gtk_widget_set_visible (self->status, message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AssayImageView) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (pixbuf == NULL)
    {
      set_error (self, error->message);
      return;
    }

  gtk_widget_set_visible (self->status, FALSE);
  self->texture = gdk_texture_new_for_pixbuf (pixbuf);
  assay_image_view_zoom_to_fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

void
assay_image_view_load_file (AssayImageView *self,
                            GFile          *file,
                            const char     *media_type)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ASSAY_IS_IMAGE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);
  set_error (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->path = g_file_get_path (file);
  data->media_type = g_strdup (media_type);
  task = g_task_new (NULL, self->cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, assay_image_view_load_file);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static double
fit_zoom (AssayImageView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  if (self->texture == NULL || width <= 0 || height <= 0)
    return 1.0;
  zoom = MIN ((double) width / gdk_texture_get_width (self->texture),
              (double) height / gdk_texture_get_height (self->texture));
  /* Small pictures stay sharp at their own size. */
  return MIN (zoom, 1.0);
}

static double
effective_zoom (AssayImageView *self)
{
  return self->fit ? fit_zoom (self) : self->zoom;
}

static void
clamp_offset (AssayImageView *self)
{
  double zoom = effective_zoom (self);
  double half_w, half_h, tw, th;

  if (self->texture == NULL)
    return;
  tw = gdk_texture_get_width (self->texture);
  th = gdk_texture_get_height (self->texture);
  half_w = gtk_widget_get_width (GTK_WIDGET (self)) / (2 * zoom);
  half_h = gtk_widget_get_height (GTK_WIDGET (self)) / (2 * zoom);
  self->offset_x = half_w * 2 >= tw ? tw / 2 : CLAMP (self->offset_x, half_w, tw - half_w);
  self->offset_y = half_h * 2 >= th ? th / 2 : CLAMP (self->offset_y, half_h, th - half_h);
}

static void
zoom_around (AssayImageView *self,
             double          zoom,
             double          x,
             double          y)
{
  double old = effective_zoom (self);
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  /* The image point under (x, y) stays under it. */
  double px = self->offset_x + (x - w / 2) / old;
  double py = self->offset_y + (y - h / 2) / old;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->fit = FALSE;
  self->zoom = zoom;
  self->offset_x = px - (x - w / 2) / zoom;
  self->offset_y = py - (y - h / 2) / zoom;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
assay_image_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (widget);
  double zoom, w, h, tw, th;

  if (self->texture != NULL)
    {
      clamp_offset (self);
      zoom = effective_zoom (self);
      w = gtk_widget_get_width (widget);
      h = gtk_widget_get_height (widget);
      tw = gdk_texture_get_width (self->texture) * zoom;
      th = gdk_texture_get_height (self->texture) * zoom;
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
      gtk_snapshot_append_texture (snapshot, self->texture,
                                   &GRAPHENE_RECT_INIT (w / 2 - self->offset_x * zoom,
                                                        h / 2 - self->offset_y * zoom,
                                                        tw, th));
      gtk_snapshot_pop (snapshot);
    }

  GTK_WIDGET_CLASS (assay_image_view_parent_class)->snapshot (widget, snapshot);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              AssayImageView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double zoom = effective_zoom (self);

  if (self->texture == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (self->fit)
    return FALSE;
  self->offset_x += dx * 40 / zoom;
  self->offset_y += dy * 40 / zoom;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              AssayImageView           *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  AssayImageView *self)
{
  self->drag_start_x = self->offset_x;
  self->drag_start_y = self->offset_y;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   AssayImageView *self)
{
  double zoom = effective_zoom (self);

  self->offset_x = self->drag_start_x - dx / zoom;
  self->offset_y = self->drag_start_y - dy / zoom;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pinch_begin_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   AssayImageView   *self)
{
  self->pinch_start_zoom = effective_zoom (self);
}

static void
on_pinch_scale_cb (GtkGestureZoom *gesture,
                   double          scale,
                   AssayImageView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  zoom_around (self, self->pinch_start_zoom * scale, x, y);
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (widget);
  double zoom = effective_zoom (self);

  if (self->texture == NULL)
    return;
  if (g_str_equal (action_name, "image.zoom-in"))
    assay_image_view_set_zoom (self, zoom * 1.25);
  else if (g_str_equal (action_name, "image.zoom-out"))
    assay_image_view_set_zoom (self, zoom / 1.25);
  else if (g_str_equal (action_name, "image.zoom-original"))
    assay_image_view_set_zoom (self, 1.0);
  else
    assay_image_view_zoom_to_fit (self);
}

static void
assay_image_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (widget);

  gtk_widget_allocate (self->status, width, height, baseline, NULL);
  clamp_offset (self);
}

static void
assay_image_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (widget);

  gtk_widget_measure (self->status, orientation, for_size, minimum, natural, NULL, NULL);
  *minimum = 0;
}

static void
assay_image_view_dispose (GObject *object)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->status, gtk_widget_unparent);

  G_OBJECT_CLASS (assay_image_view_parent_class)->dispose (object);
}

static void
assay_image_view_finalize (GObject *object)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (object);

  g_free (self->error);

  G_OBJECT_CLASS (assay_image_view_parent_class)->finalize (object);
}

static void
assay_image_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AssayImageView *self = ASSAY_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, effective_zoom (self));
      break;
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_image_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ZOOM:
      assay_image_view_set_zoom (ASSAY_IMAGE_VIEW (object), g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_image_view_class_init (AssayImageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_image_view_dispose;
  object_class->finalize = assay_image_view_finalize;
  object_class->get_property = assay_image_view_get_property;
  object_class->set_property = assay_image_view_set_property;

  widget_class->snapshot = assay_image_view_snapshot;
  widget_class->size_allocate = assay_image_view_size_allocate;
  widget_class->measure = assay_image_view_measure;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "image.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "image.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "image.zoom-original", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "image.zoom-fit", NULL, zoom_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "image.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "image.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "image.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "image.zoom-original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "image.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "image.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "imageview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
assay_image_view_init (AssayImageView *self)
{
  GtkEventController *scroll, *motion;
  GtkGesture *drag, *pinch;

  self->fit = TRUE;
  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");

  self->status = adw_status_page_new ();
  gtk_widget_set_visible (self->status, FALSE);
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}

GtkWidget *
assay_image_view_new (void)
{
  return g_object_new (ASSAY_TYPE_IMAGE_VIEW, NULL);
}

GdkTexture *
assay_image_view_get_texture (AssayImageView *self)
{
  g_return_val_if_fail (ASSAY_IS_IMAGE_VIEW (self), NULL);

  return self->texture;
}

const char *
assay_image_view_get_error (AssayImageView *self)
{
  g_return_val_if_fail (ASSAY_IS_IMAGE_VIEW (self), NULL);

  return self->error;
}

double
assay_image_view_get_zoom (AssayImageView *self)
{
  g_return_val_if_fail (ASSAY_IS_IMAGE_VIEW (self), 1.0);

  return effective_zoom (self);
}

void
assay_image_view_set_zoom (AssayImageView *self,
                           double          zoom)
{
  g_return_if_fail (ASSAY_IS_IMAGE_VIEW (self));

  zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
assay_image_view_zoom_to_fit (AssayImageView *self)
{
  g_return_if_fail (ASSAY_IS_IMAGE_VIEW (self));

  self->fit = TRUE;
  if (self->texture != NULL)
    {
      self->offset_x = gdk_texture_get_width (self->texture) / 2.0;
      self->offset_y = gdk_texture_get_height (self->texture) / 2.0;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
