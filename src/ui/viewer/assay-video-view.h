/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-media-stream.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_VIDEO_VIEW (assay_video_view_get_type ())

G_DECLARE_FINAL_TYPE (AssayVideoView, assay_video_view, ASSAY, VIDEO_VIEW, GtkWidget)

GtkWidget        *assay_video_view_new         (void);
void              assay_video_view_load_file   (AssayVideoView *self,
                                                GFile          *file);
AssayMediaStream *assay_video_view_get_stream  (AssayVideoView *self);
void              assay_video_view_seek_ms     (AssayVideoView *self,
                                                gint64          position_ms);
void              assay_video_view_stop        (AssayVideoView *self);
char             *assay_video_view_format_time (gint64          position_us,
                                                gboolean        with_tenths);

G_END_DECLS
