/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-import-row.h"
#include "assay-imports-button.h"

/* The header bar's imports button: a pie of the running import's progress,
 * and a popover listing every import of the workspace. Hidden while the
 * workspace has none. */

struct _AssayImportsButton
{
  GtkWidget         parent_instance;

  AssayImportQueue *queue;
  AssayImportJob   *running;

  GtkMenuButton    *menu_button;
  GtkDrawingArea   *pie;
  GtkPopover       *popover;
  GtkScrolledWindow *scroller;
  GtkListBox       *list_box;
  GtkButton        *clear_button;
};

#define MAX_UNSCROLLED_ROWS 4

G_DEFINE_FINAL_TYPE (AssayImportsButton, assay_imports_button, GTK_TYPE_WIDGET)

static double
overall_fraction (AssayImportsButton *self)
{
  return self->running != NULL ? assay_import_job_get_fraction (self->running) : 1.0;
}

static void
draw_pie (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  AssayImportsButton *self = user_data;
  double fraction = overall_fraction (self);
  double radius = MIN (width, height) / 2.0 - 1.0;
  GdkRGBA color;

  /* The label colour, so that the pie follows the light and dark styles. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);

  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_set_line_width (cr, 1.5);
  cairo_arc (cr, 0, 0, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { color.red, color.green, color.blue, color.alpha * 0.3 });
  cairo_fill (cr);

  if (fraction > 0.0)
    {
      cairo_move_to (cr, 0, 0);
      cairo_arc (cr, 0, 0, radius, -G_PI / 2, -G_PI / 2 + fraction * 2 * G_PI);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill (cr);
    }
}

static void
on_running_status_cb (AssayImportsButton *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->pie));
}

static void
update (AssayImportsButton *self)
{
  GListModel *jobs = assay_import_queue_get_jobs (self->queue);
  guint n = g_list_model_get_n_items (jobs);
  AssayImportJob *running = NULL;
  guint unfinished = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (jobs, i);

      if (assay_import_job_get_state (job) == ASSAY_IMPORT_STATE_RUNNING)
        running = job;
      if (!assay_import_job_is_finished (job))
        unfinished++;
    }

  if (running != self->running)
    {
      if (self->running != NULL)
        g_signal_handlers_disconnect_by_func (self->running, on_running_status_cb, self);
      g_set_object (&self->running, running);
      if (running != NULL)
        g_signal_connect_object (running, "notify::fraction", G_CALLBACK (on_running_status_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  /* A few rows size the popover themselves; a long batch scrolls in a
   * fixed height (a scroller's natural height does not follow rows that
   * grow once the popover is shown). */
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  n > MAX_UNSCROLLED_ROWS ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_scrolled_window_set_min_content_height (self->scroller, n > MAX_UNSCROLLED_ROWS ? 420 : -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), unfinished < n);
  if (unfinished > 0)
    {
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u import in progress",
                                                               "%u imports in progress", unfinished),
                                                  unfinished);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Imports"));
  gtk_widget_queue_draw (GTK_WIDGET (self->pie));

  /* A shown popover keeps the size it opened with; rows grow as imports
   * move on (a progress bar, a reason for a failure). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

static void
on_job_status_cb (AssayImportsButton *self)
{
  /* The status line may wrap onto another line: see update(). Only a
   * popover on screen has a surface to present again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

static void
on_job_state_cb (AssayImportsButton *self)
{
  update (self);
}

static void
on_jobs_items_changed_cb (GListModel         *jobs,
                          guint               position,
                          guint               removed,
                          guint               added,
                          AssayImportsButton *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(AssayImportJob) job = g_list_model_get_item (jobs, i);

      g_signal_connect_object (job, "notify::state", G_CALLBACK (on_job_state_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (job, "notify::status", G_CALLBACK (on_job_status_cb), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return assay_import_row_new (item);
}

static void
on_clear_clicked_cb (AssayImportsButton *self)
{
  assay_import_queue_clear_finished (self->queue);
  if (g_list_model_get_n_items (assay_import_queue_get_jobs (self->queue)) == 0)
    gtk_popover_popdown (self->popover);
}

void
assay_imports_button_popup (AssayImportsButton *self)
{
  g_return_if_fail (ASSAY_IS_IMPORTS_BUTTON (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self)) && gtk_widget_get_mapped (GTK_WIDGET (self->menu_button)))
    gtk_menu_button_popup (self->menu_button);
}

void
assay_imports_button_set_queue (AssayImportsButton *self,
                                AssayImportQueue   *queue)
{
  GListModel *jobs;

  g_return_if_fail (ASSAY_IS_IMPORTS_BUTTON (self));
  g_return_if_fail (self->queue == NULL);

  self->queue = g_object_ref (queue);
  jobs = assay_import_queue_get_jobs (queue);
  gtk_list_box_bind_model (self->list_box, jobs, create_row_cb, self, NULL);
  g_signal_connect_object (jobs, "items-changed", G_CALLBACK (on_jobs_items_changed_cb), self, 0);
  on_jobs_items_changed_cb (jobs, 0, 0, g_list_model_get_n_items (jobs), self);
}

static void
assay_imports_button_dispose (GObject *object)
{
  AssayImportsButton *self = ASSAY_IMPORTS_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_IMPORTS_BUTTON);
  g_clear_object (&self->running);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (assay_imports_button_parent_class)->dispose (object);
}

static void
assay_imports_button_class_init (AssayImportsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_imports_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-imports-button.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayImportsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AssayImportsButton, pie);
  gtk_widget_class_bind_template_child (widget_class, AssayImportsButton, popover);
  gtk_widget_class_bind_template_child (widget_class, AssayImportsButton, scroller);
  gtk_widget_class_bind_template_child (widget_class, AssayImportsButton, list_box);
  gtk_widget_class_bind_template_child (widget_class, AssayImportsButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
assay_imports_button_init (AssayImportsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->pie, draw_pie, self, NULL);
}
