/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include "assay-text-view.h"

static gboolean
queue_resize_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       data)
{
  gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

static void
on_adjustment_notify_upper_cb (GtkAdjustment *adjustment,
                               GParamSpec    *pspec,
                               GtkWidget     *view)
{
  int height = (int) gtk_adjustment_get_upper (adjustment);

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (adjustment), "assay-text-height")) == height)
    return;

  g_object_set_data (G_OBJECT (adjustment), "assay-text-height", GINT_TO_POINTER (height));
  gtk_widget_add_tick_callback (view, queue_resize_cb, NULL, NULL);
}

/**
 * assay_text_view_fit_content:
 *
 * Makes a text view outside a scrolled window grow and shrink with its
 * text. GTK 4.8 works the height out only once the view has its width
 * and then does not ask for the new size: the view's own adjustment
 * tells us when the height changed, and we ask on the next frame.
 */
void
assay_text_view_fit_content (GtkTextView *view)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (view), adjustment);
  g_signal_connect_object (adjustment, "notify::upper", G_CALLBACK (on_adjustment_notify_upper_cb), view, 0);
}
