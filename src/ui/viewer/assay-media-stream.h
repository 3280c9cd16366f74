/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_MEDIA_STREAM (assay_media_stream_get_type ())

G_DECLARE_FINAL_TYPE (AssayMediaStream, assay_media_stream, ASSAY, MEDIA_STREAM, GtkMediaStream)

AssayMediaStream *assay_media_stream_new        (GFile            *file);
GFile            *assay_media_stream_get_file   (AssayMediaStream *self);
double            assay_media_stream_get_rate   (AssayMediaStream *self);
void              assay_media_stream_set_rate   (AssayMediaStream *self,
                                                 double            rate);
gint64            assay_media_stream_get_frame_duration (AssayMediaStream *self);
void              assay_media_stream_step       (AssayMediaStream *self,
                                                 int               frames);
gboolean          assay_media_stream_get_has_frame (AssayMediaStream *self);

G_END_DECLS
