/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "assay-markdown.h"
#include "assay-text-evidence-view.h"

/* A plain-text or Markdown artifact, read on a worker and shown at a
 * comfortable line length. Text in a legacy encoding is converted rather
 * than refused; a binary file that calls itself text is refused. */

struct _AssayTextEvidenceView
{
  GtkWidget     parent_instance;

  GCancellable *cancellable;
  char         *error;

  GtkWidget    *stack;
  GtkWidget    *text_view;
  GtkWidget    *truncated_banner;
  GtkWidget    *status;
};

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AssayTextEvidenceView, assay_text_evidence_view, GTK_TYPE_WIDGET)

typedef struct
{
  char    *text;
  gboolean truncated;
} TextResult;

static void
text_result_free (TextResult *result)
{
  g_free (result->text);
  g_free (result);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = g_malloc (ASSAY_TEXT_EVIDENCE_MAX_BYTES + 1);
  gsize length = 0;
  TextResult *result;
  const char *end;

  if ((stream = g_file_read (file, cancellable, &error)) == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), bytes, ASSAY_TEXT_EVIDENCE_MAX_BYTES + 1,
                                   &length, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (TextResult, 1);
  result->truncated = length > ASSAY_TEXT_EVIDENCE_MAX_BYTES;
  length = MIN (length, ASSAY_TEXT_EVIDENCE_MAX_BYTES);

  if (memchr (bytes, '\0', length) != NULL)
    {
      text_result_free (result);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The file says it is text but holds binary data."));
      return;
    }

  if (g_utf8_validate_len (bytes, length, &end) || (result->truncated && length - (end - bytes) < 4))
    result->text = g_strndup (bytes, end - bytes);
  else
    result->text = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

  if (result->text == NULL)
    result->text = g_utf8_make_valid (bytes, length);

  g_task_return_pointer (task, result, (GDestroyNotify) text_result_free);
}

static void
set_error (AssayTextEvidenceView *self,
           const char            *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status), message);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->status);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AssayTextEvidenceView) self = user_data;
  g_autoptr(GError) error = NULL;
  TextResult *text;
  GtkTextBuffer *buffer;

  text = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (text == NULL)
    {
      set_error (self, error->message);
      return;
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  if (g_object_get_data (G_OBJECT (result), "markdown") != NULL)
    assay_markdown_render (buffer, text->text);
  else
    gtk_text_buffer_set_text (buffer, text->text, -1);
  gtk_widget_set_visible (self->truncated_banner, text->truncated);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "text");
  text_result_free (text);
}

void
assay_text_evidence_view_load_file (AssayTextEvidenceView *self,
                                    GFile                 *file,
                                    gboolean               markdown)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ASSAY_IS_TEXT_EVIDENCE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_error (self, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "", 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "text");

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, assay_text_evidence_view_load_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (markdown)
    g_object_set_data (G_OBJECT (task), "markdown", GINT_TO_POINTER (1));
  g_task_run_in_thread (task, read_thread);
}

GtkTextBuffer *
assay_text_evidence_view_get_buffer (AssayTextEvidenceView *self)
{
  g_return_val_if_fail (ASSAY_IS_TEXT_EVIDENCE_VIEW (self), NULL);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

const char *
assay_text_evidence_view_get_error (AssayTextEvidenceView *self)
{
  g_return_val_if_fail (ASSAY_IS_TEXT_EVIDENCE_VIEW (self), NULL);

  return self->error;
}

static void
assay_text_evidence_view_dispose (GObject *object)
{
  AssayTextEvidenceView *self = ASSAY_TEXT_EVIDENCE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (assay_text_evidence_view_parent_class)->dispose (object);
}

static void
assay_text_evidence_view_finalize (GObject *object)
{
  g_free (ASSAY_TEXT_EVIDENCE_VIEW (object)->error);

  G_OBJECT_CLASS (assay_text_evidence_view_parent_class)->finalize (object);
}

static void
assay_text_evidence_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, ASSAY_TEXT_EVIDENCE_VIEW (object)->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_text_evidence_view_class_init (AssayTextEvidenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_text_evidence_view_dispose;
  object_class->finalize = assay_text_evidence_view_finalize;
  object_class->get_property = assay_text_evidence_view_get_property;

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
assay_text_evidence_view_init (AssayTextEvidenceView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->truncated_banner = gtk_label_new (_("This file is long: only its first 4 MB are shown. Open it with another application to read the rest."));
  gtk_label_set_wrap (GTK_LABEL (self->truncated_banner), TRUE);
  gtk_widget_add_css_class (self->truncated_banner, "frozen-banner");
  gtk_widget_set_margin_top (self->truncated_banner, 6);
  gtk_widget_set_visible (self->truncated_banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->truncated_banner);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 24);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 24);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self->text_view), 2);
  gtk_widget_add_css_class (self->text_view, "evidence-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text of the evidence file"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->text_view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_stack_add_named (GTK_STACK (self->stack), box, "text");

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "text-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("This File Cannot Be Shown"));
  gtk_stack_add_named (GTK_STACK (self->stack), self->status, "error");
}

GtkWidget *
assay_text_evidence_view_new (void)
{
  return g_object_new (ASSAY_TYPE_TEXT_EVIDENCE_VIEW, NULL);
}
