/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-import-details-dialog.h"
#include "assay-import-row.h"

/* One import in the imports popover: its name, a progress bar while it
 * runs, and a line that tells bytes, files and time left, or the outcome. */

struct _AssayImportRow
{
  GtkListBoxRow   parent_instance;

  AssayImportJob *job;

  GtkImage       *icon;
  GtkLabel       *title_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
  GtkButton      *details_button;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (AssayImportRow, assay_import_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_progress (AssayImportRow *self)
{
  g_autofree char *status = assay_import_job_dup_status (self->job);

  gtk_progress_bar_set_fraction (self->progress_bar, assay_import_job_get_fraction (self->job));
  gtk_label_set_label (self->status_label, status);
}

static void
update_state (AssayImportRow *self)
{
  AssayImportState state = assay_import_job_get_state (self->job);
  const char *icon = "package-x-generic-symbolic";
  const char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == ASSAY_IMPORT_STATE_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), state == ASSAY_IMPORT_STATE_NEEDS_DETAILS);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !assay_import_job_is_finished (self->job));

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  switch (state)
    {
    case ASSAY_IMPORT_STATE_DONE:
      icon = "emblem-ok-symbolic";
      description = _("Imported");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      break;
    case ASSAY_IMPORT_STATE_FAILED:
      icon = "dialog-error-symbolic";
      description = _("Not imported");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      break;
    case ASSAY_IMPORT_STATE_NEEDS_DETAILS:
      icon = "dialog-question-symbolic";
      description = _("Waiting for details");
      break;
    case ASSAY_IMPORT_STATE_CANCELLED:
      description = _("Cancelled");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      break;
    case ASSAY_IMPORT_STATE_WAITING:
    case ASSAY_IMPORT_STATE_RUNNING:
    default:
      description = _("Importing");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      break;
    }
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  update_progress (self);
}

static void
on_cancel_clicked_cb (AssayImportRow *self)
{
  assay_import_job_cancel (self->job);
}

static void
on_details_clicked_cb (AssayImportRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  assay_import_details_dialog_present (self->job, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
assay_import_row_dispose (GObject *object)
{
  AssayImportRow *self = ASSAY_IMPORT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_IMPORT_ROW);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (assay_import_row_parent_class)->dispose (object);
}

static void
assay_import_row_class_init (AssayImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_import_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-import-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayImportRow, icon);
  gtk_widget_class_bind_template_child (widget_class, AssayImportRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AssayImportRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AssayImportRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AssayImportRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, AssayImportRow, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_details_clicked_cb);
}

static void
assay_import_row_init (AssayImportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
assay_import_row_new (AssayImportJob *job)
{
  AssayImportRow *self = g_object_new (ASSAY_TYPE_IMPORT_ROW, NULL);

  self->job = g_object_ref (job);
  gtk_label_set_label (self->title_label, assay_import_job_get_title (job));
  /* On the row, not on the ellipsized label: GTK 4.8 asks a label for its
   * tooltip before it has a layout and fails a critical on it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), assay_import_job_get_title (job));
  g_signal_connect_object (job, "notify::state", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::status", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  update_state (self);

  return GTK_WIDGET (self);
}

AssayImportJob *
assay_import_row_get_job (AssayImportRow *self)
{
  g_return_val_if_fail (ASSAY_IS_IMPORT_ROW (self), NULL);

  return self->job;
}
