/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-evidence-window-private.h"
#include "assay-image-view.h"
#include "assay-import-drop.h"
#include "assay-markdown.h"
#include "assay-pdf-view.h"
#include "assay-text-evidence-view.h"
#include "assay-video-view.h"

/* One submission's evidence: its files in a sidebar, the earner's
 * reflections, the selected file in the main pane, and the notes the
 * assessor anchors to a page region or a moment. Several of these windows
 * may show the same submission side by side (the lesson plan beside the
 * video); each shows one file, and all share the store's live lists. */

G_DEFINE_FINAL_TYPE (AssayEvidenceWindow, assay_evidence_window, ADW_TYPE_APPLICATION_WINDOW)

typedef enum
{
  VIEWER_PDF,
  VIEWER_VIDEO,
  VIEWER_IMAGE,
  VIEWER_TEXT,
  VIEWER_MARKDOWN,
  VIEWER_FILE,
} ViewerKind;

static ViewerKind
viewer_kind_for (AssayArtifact *artifact)
{
  const char *type = assay_artifact_get_media_type (artifact);
  const char *path = assay_artifact_get_path (artifact);

  if (type == NULL)
    type = "";
  if (g_str_equal (type, "application/pdf"))
    return VIEWER_PDF;
  if (g_str_has_prefix (type, "video/") || g_str_has_prefix (type, "audio/"))
    return VIEWER_VIDEO;
  if (g_str_has_prefix (type, "image/"))
    return VIEWER_IMAGE;
  if (g_str_equal (type, "text/markdown")
      || (g_str_equal (type, "text/plain") && path != NULL
          && (g_str_has_suffix (path, ".md") || g_str_has_suffix (path, ".markdown"))))
    return VIEWER_MARKDOWN;
  if (g_str_equal (type, "text/plain") || g_str_equal (type, "text/csv"))
    return VIEWER_TEXT;
  return VIEWER_FILE;
}

static const char *
icon_for (AssayArtifact *artifact)
{
  switch (viewer_kind_for (artifact))
    {
    case VIEWER_PDF:
      return "x-office-document-symbolic";
    case VIEWER_VIDEO:
      return g_str_has_prefix (assay_artifact_get_media_type (artifact), "audio/")
             ? "audio-x-generic-symbolic" : "video-x-generic-symbolic";
    case VIEWER_IMAGE:
      return "image-x-generic-symbolic";
    case VIEWER_TEXT:
    case VIEWER_MARKDOWN:
      return "text-x-generic-symbolic";
    case VIEWER_FILE:
    default:
      return "folder-documents-symbolic";
    }
}

static char *
kind_label (AssayArtifact *artifact)
{
  switch (viewer_kind_for (artifact))
    {
    case VIEWER_PDF:
      return g_strdup (_("PDF"));
    case VIEWER_VIDEO:
      return g_strdup (g_str_has_prefix (assay_artifact_get_media_type (artifact), "audio/")
                       ? _("Audio") : _("Video"));
    case VIEWER_IMAGE:
      return g_strdup (_("Image"));
    case VIEWER_MARKDOWN:
      return g_strdup (_("Markdown"));
    case VIEWER_TEXT:
      return g_strdup (_("Text"));
    case VIEWER_FILE:
    default:
      return g_content_type_get_description (assay_artifact_get_media_type (artifact));
    }
}

static char *
criteria_label (AssayEvidenceWindow *self,
                AssayArtifact       *artifact)
{
  const char * const *ids = assay_artifact_get_criteria (artifact);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(AssayCriterion) criterion = assay_store_lookup (self->store, ASSAY_TYPE_CRITERION, ids[i], NULL);

      if (criterion != NULL)
        g_ptr_array_add (titles, g_strdup (assay_criterion_get_title (criterion)));
    }
  if (titles->len == 0)
    return NULL;
  g_ptr_array_add (titles, NULL);
  return g_strjoinv (", ", (char **) titles->pdata);
}

static GtkWidget *
create_artifact_row (gpointer item,
                     gpointer user_data)
{
  AssayEvidenceWindow *self = user_data;
  AssayArtifact *artifact = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for (artifact));
  GtkWidget *title = gtk_label_new (assay_artifact_get_title (artifact));
  g_autofree char *kind = kind_label (artifact);
  g_autofree char *size = g_format_size (assay_artifact_get_size (artifact));
  /* TRANSLATORS: kind and size of an evidence file, e.g. "PDF · 2.1 MB" */
  g_autofree char *facts_text = g_strdup_printf (_("%s · %s"), kind, size);
  g_autofree char *criteria = criteria_label (self, artifact);
  GtkWidget *facts = gtk_label_new (facts_text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (labels), title);

  gtk_label_set_xalign (GTK_LABEL (facts), 0);
  gtk_widget_add_css_class (facts, "caption");
  gtk_widget_add_css_class (facts, "dim-label");
  gtk_box_append (GTK_BOX (labels), facts);

  if (criteria != NULL)
    {
      g_autofree char *supports = g_strdup_printf (_("Supports: %s"), criteria);
      GtkWidget *label = gtk_label_new (supports);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "evidence-criteria");
      gtk_box_append (GTK_BOX (labels), label);
    }

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (assay_artifact_get_description (artifact) != NULL && *assay_artifact_get_description (artifact) != '\0')
    gtk_widget_set_tooltip_text (row, assay_artifact_get_description (artifact));
  g_object_set_data_full (G_OBJECT (row), "artifact", g_object_ref (artifact), g_object_unref);
  return row;
}

GFile *
_assay_evidence_window_artifact_file (AssayEvidenceWindow *self,
                                      AssayArtifact       *artifact)
{
  AssayBlobStore *blobs = assay_store_get_blobs (self->store);
  const char *sha256 = assay_artifact_get_sha256 (artifact);
  g_autofree char *path = NULL;

  if (sha256 == NULL || !assay_blob_store_contains (blobs, sha256))
    return NULL;
  path = assay_blob_store_get_path (blobs, sha256);
  return g_file_new_for_path (path);
}

static void
update_title (AssayEvidenceWindow *self)
{
  g_autoptr(AssayCredential) credential =
    assay_store_lookup (self->store, ASSAY_TYPE_CREDENTIAL, assay_submission_get_credential_id (self->submission), NULL);
  g_autoptr(AssayPerson) earner =
    assay_store_lookup (self->store, ASSAY_TYPE_PERSON, assay_submission_get_earner_id (self->submission), NULL);
  g_autofree char *subtitle = NULL;
  const char *shown = self->artifact ? assay_artifact_get_title (self->artifact) : _("Reflections");

  /* TRANSLATORS: credential, earner and attempt of a submission */
  subtitle = g_strdup_printf (_("%s · %s · attempt %d"),
                              credential ? assay_credential_get_title (credential) : _("Unknown credential"),
                              earner ? assay_person_get_name (earner) : _("Unknown earner"),
                              (int) assay_submission_get_attempt (self->submission));
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

static void
stop_media (AssayEvidenceWindow *self)
{
  if (self->video_view != NULL)
    assay_video_view_stop (ASSAY_VIDEO_VIEW (self->video_view));
}

static GtkWidget *
ensure_viewer (AssayEvidenceWindow *self,
               ViewerKind           kind)
{
  GtkWidget **slot;
  const char *name;

  switch (kind)
    {
    case VIEWER_PDF:
      slot = &self->pdf_view, name = "pdf";
      break;
    case VIEWER_VIDEO:
      slot = &self->video_view, name = "video";
      break;
    case VIEWER_IMAGE:
      slot = &self->image_view, name = "image";
      break;
    case VIEWER_TEXT:
    case VIEWER_MARKDOWN:
      slot = &self->text_view, name = "text";
      break;
    case VIEWER_FILE:
    default:
      return GTK_WIDGET (self->file_page);
    }

  if (*slot == NULL)
    {
      switch (kind)
        {
        case VIEWER_PDF:
          *slot = GTK_WIDGET (assay_pdf_view_new ());
          break;
        case VIEWER_VIDEO:
          *slot = assay_video_view_new ();
          break;
        case VIEWER_IMAGE:
          *slot = assay_image_view_new ();
          break;
        case VIEWER_TEXT:
        case VIEWER_MARKDOWN:
        case VIEWER_FILE:
        default:
          *slot = assay_text_evidence_view_new ();
          break;
        }
      gtk_stack_add_named (self->viewer_stack, *slot, name);
      _assay_evidence_window_bind_notes (self);
    }
  return *slot;
}

static void
show_file (AssayEvidenceWindow *self,
           AssayArtifact       *artifact)
{
  g_autoptr(GFile) file = _assay_evidence_window_artifact_file (self, artifact);
  ViewerKind kind = viewer_kind_for (artifact);
  GtkWidget *viewer;

  stop_media (self);

  if (file == NULL)
    {
      gtk_stack_set_visible_child_name (self->viewer_stack, "missing");
      return;
    }

  viewer = ensure_viewer (self, kind);
  switch (kind)
    {
    case VIEWER_PDF:
      assay_pdf_view_load_file (ASSAY_PDF_VIEW (viewer), file);
      break;
    case VIEWER_VIDEO:
      assay_video_view_load_file (ASSAY_VIDEO_VIEW (viewer), file);
      break;
    case VIEWER_IMAGE:
      assay_image_view_load_file (ASSAY_IMAGE_VIEW (viewer), file, assay_artifact_get_media_type (artifact));
      break;
    case VIEWER_TEXT:
    case VIEWER_MARKDOWN:
      assay_text_evidence_view_load_file (ASSAY_TEXT_EVIDENCE_VIEW (viewer), file, kind == VIEWER_MARKDOWN);
      break;
    case VIEWER_FILE:
    default:
      {
        g_autofree char *kind_text = kind_label (artifact);
        g_autofree char *size = g_format_size (assay_artifact_get_size (artifact));
        g_autofree char *description = g_strdup_printf (_("%s · %s · %s"), kind_text, size,
                                                        assay_artifact_get_path (artifact));

        adw_status_page_set_title (self->file_page, assay_artifact_get_title (artifact));
        adw_status_page_set_description (self->file_page, description);
      }
      break;
    }
  gtk_stack_set_visible_child (self->viewer_stack, viewer);
}

static GtkListBoxRow *
row_for_artifact (AssayEvidenceWindow *self,
                  AssayArtifact       *artifact)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->artifact_list, i);

      if (row == NULL)
        return NULL;
      if (g_object_get_data (G_OBJECT (row), "artifact") == (gpointer) artifact)
        return row;
    }
}

static void
update_actions (AssayEvidenceWindow *self)
{
  guint n = g_list_model_get_n_items (self->artifacts);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.next-artifact", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.previous-artifact", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.open-with", self->artifact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add-note", self->artifact != NULL);
}

/**
 * assay_evidence_window_show_artifact:
 *
 * Shows @artifact in the main pane, with its notes.
 */
void
assay_evidence_window_show_artifact (AssayEvidenceWindow *self,
                                     AssayArtifact       *artifact)
{
  GtkListBoxRow *row;

  g_return_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self));
  g_return_if_fail (ASSAY_IS_ARTIFACT (artifact));

  if (self->artifact == artifact && gtk_list_box_get_selected_row (self->artifact_list) != NULL)
    return;

  g_set_object (&self->artifact, artifact);
  gtk_list_box_unselect_all (self->reflections_list);
  if ((row = row_for_artifact (self, artifact)) != NULL && gtk_list_box_get_selected_row (self->artifact_list) != row)
    gtk_list_box_select_row (self->artifact_list, row);

  show_file (self, artifact);
  g_clear_object (&self->notes);
  self->notes = assay_store_list (self->store, ASSAY_TYPE_NOTE, "artifact_id",
                                  assay_record_get_id (ASSAY_RECORD (artifact)), "created_at");
  _assay_evidence_window_bind_notes (self);
  update_title (self);
  update_actions (self);
}

static GtkWidget *
reflection_card (AssayEvidenceWindow *self,
                 AssayReflection     *reflection)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading, *body;
  const char *criterion_id = assay_reflection_get_criterion_id (reflection);
  const char *prompt = assay_reflection_get_prompt (reflection);
  const char *text = assay_reflection_get_body (reflection);
  g_autoptr(AssayCriterion) criterion = NULL;
  g_autofree char *words = NULL;
  g_auto(GStrv) tokens = NULL;
  guint n_words = 0;

  if (criterion_id != NULL)
    criterion = assay_store_lookup (self->store, ASSAY_TYPE_CRITERION, criterion_id, NULL);

  heading = gtk_label_new (criterion ? assay_criterion_get_title (criterion) : _("General Reflection"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (card), heading);

  if (prompt != NULL && *prompt != '\0')
    {
      GtkWidget *label = gtk_label_new (prompt);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (card), label);
    }

  body = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (body), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (body), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (body), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (body, "reflection-body");
  assay_markdown_render (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  criterion ? assay_criterion_get_title (criterion) : _("General Reflection"), -1);
  gtk_box_append (GTK_BOX (card), body);

  tokens = g_regex_split_simple ("\\s+", text ? g_strstrip (g_strdup (text)) : "", 0, 0);
  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      n_words++;
  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", n_words), n_words);
  {
    GtkWidget *label = gtk_label_new (words);

    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_widget_add_css_class (label, "caption");
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (card), label);
  }

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "reflection-card");
  return card;
}

static void
rebuild_reflections (AssayEvidenceWindow *self)
{
  guint n = g_list_model_get_n_items (self->reflections);
  GtkWidget *child;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reflections_box))) != NULL)
    gtk_box_remove (self->reflections_box, child);

  if (n == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "format-justify-left-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Reflections"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), _("The earner wrote no reflection for this submission."));
      gtk_box_append (self->reflections_box, status);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayReflection) reflection = g_list_model_get_item (self->reflections, i);

      gtk_box_append (self->reflections_box, reflection_card (self, reflection));
    }

  summary = n == 0 ? g_strdup (_("None written"))
                   : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reflection", "%u reflections", n), n);
  gtk_label_set_text (self->reflections_summary, summary);
}

void
assay_evidence_window_show_reflections (AssayEvidenceWindow *self)
{
  g_return_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self));

  stop_media (self);
  g_clear_object (&self->artifact);
  g_clear_object (&self->notes);
  _assay_evidence_window_bind_notes (self);
  gtk_list_box_unselect_all (self->artifact_list);
  if (gtk_list_box_get_selected_row (self->reflections_list) != self->reflections_row)
    gtk_list_box_select_row (self->reflections_list, self->reflections_row);
  gtk_stack_set_visible_child_name (self->viewer_stack, "reflections");
  update_title (self);
  update_actions (self);
}

static void
on_artifact_selected_cb (AssayEvidenceWindow *self,
                         GtkListBoxRow       *row,
                         GtkListBox          *list)
{
  AssayArtifact *artifact;

  if (row == NULL)
    return;
  artifact = g_object_get_data (G_OBJECT (row), "artifact");
  if (artifact != self->artifact)
    assay_evidence_window_show_artifact (self, artifact);
}

static void
on_artifact_activated_cb (AssayEvidenceWindow *self,
                          GtkListBoxRow       *row,
                          GtkListBox          *list)
{
  GtkWidget *viewer = gtk_stack_get_visible_child (self->viewer_stack);

  /* Enter on a file goes to the file, ready for its own keys. */
  if (viewer != NULL && !gtk_widget_child_focus (viewer, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (viewer);
}

static void
on_reflections_selected_cb (AssayEvidenceWindow *self,
                            GtkListBoxRow       *row,
                            GtkListBox          *list)
{
  if (row != NULL && self->artifact != NULL)
    assay_evidence_window_show_reflections (self);
}

static void
on_artifacts_changed_cb (AssayEvidenceWindow *self,
                         guint                position,
                         guint                removed,
                         guint                added,
                         GListModel          *model)
{
  /* The shown file was deleted (its submission withdrawn): show another. */
  if (self->artifact != NULL && row_for_artifact (self, self->artifact) == NULL)
    {
      g_autoptr(AssayArtifact) first = g_list_model_get_item (model, 0);

      if (first != NULL)
        assay_evidence_window_show_artifact (self, first);
      else
        assay_evidence_window_show_reflections (self);
    }
  update_actions (self);
}

static void
step_artifact (AssayEvidenceWindow *self,
               int                  direction)
{
  guint n = g_list_model_get_n_items (self->artifacts);
  int index = -1;
  g_autoptr(AssayArtifact) next = NULL;

  if (n == 0)
    return;
  for (guint i = 0; self->artifact != NULL && i < n; i++)
    {
      g_autoptr(AssayArtifact) item = g_list_model_get_item (self->artifacts, i);

      if (item == self->artifact)
        index = (int) i;
    }
  if (index < 0)
    index = direction > 0 ? 0 : (int) n - 1;
  else
    index = CLAMP (index + direction, 0, (int) n - 1);
  next = g_list_model_get_item (self->artifacts, index);
  assay_evidence_window_show_artifact (self, next);
}

static void
next_artifact_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_artifact (ASSAY_EVIDENCE_WINDOW (widget), 1);
}

static void
previous_artifact_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_artifact (ASSAY_EVIDENCE_WINDOW (widget), -1);
}

static void
toggle_sidebar_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AssayEvidenceWindow *self = ASSAY_EVIDENCE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
toggle_notes_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AssayEvidenceWindow *self = ASSAY_EVIDENCE_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->notes_revealer, !gtk_revealer_get_reveal_child (self->notes_revealer));
}

static void
new_window_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AssayEvidenceWindow *self = ASSAY_EVIDENCE_WINDOW (widget);
  GtkWindow *window = assay_evidence_window_new (self->store, self->submission, self->artifact,
                                                 gtk_window_get_application (GTK_WINDOW (self)));

  gtk_window_present (window);
}

static void
open_with_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _assay_evidence_window_open_with (ASSAY_EVIDENCE_WINDOW (widget));
}

static void
on_fullscreened_cb (AssayEvidenceWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  /* Fullscreen is for watching: the video alone. */
  if (fullscreen)
    {
      self->sidebar_was_shown = adw_flap_get_reveal_flap (self->flap);
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  else
    adw_flap_set_reveal_flap (self->flap, self->sidebar_was_shown);
  gtk_widget_set_visible (self->header_bar, !fullscreen);
}

static void
assay_evidence_window_dispose (GObject *object)
{
  AssayEvidenceWindow *self = ASSAY_EVIDENCE_WINDOW (object);

  if (self->video_view != NULL)
    assay_video_view_stop (ASSAY_VIDEO_VIEW (self->video_view));
  if (self->artifacts != NULL)
    g_signal_handlers_disconnect_by_data (self->artifacts, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_EVIDENCE_WINDOW);

  g_clear_object (&self->notes);
  g_clear_object (&self->page_notes);
  g_clear_object (&self->artifacts);
  g_clear_object (&self->reflections);
  g_clear_object (&self->artifact);
  g_clear_object (&self->submission);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_evidence_window_parent_class)->dispose (object);
}

static void
assay_evidence_window_class_init (AssayEvidenceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_evidence_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-evidence-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, reflections_list);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, reflections_row);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, reflections_summary);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, artifact_list);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, viewer_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, file_page);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, reflections_box);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, notes_title);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, notes_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, notes_empty);
  gtk_widget_class_bind_template_child (widget_class, AssayEvidenceWindow, notes_list);

  gtk_widget_class_install_action (widget_class, "evidence.next-artifact", NULL, next_artifact_cb);
  gtk_widget_class_install_action (widget_class, "evidence.previous-artifact", NULL, previous_artifact_cb);
  gtk_widget_class_install_action (widget_class, "evidence.toggle-sidebar", NULL, toggle_sidebar_cb);
  gtk_widget_class_install_action (widget_class, "evidence.toggle-notes", NULL, toggle_notes_cb);
  gtk_widget_class_install_action (widget_class, "evidence.new-window", NULL, new_window_cb);
  gtk_widget_class_install_action (widget_class, "evidence.open-with", NULL, open_with_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "evidence.next-artifact", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "evidence.previous-artifact", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "evidence.next-artifact", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "evidence.previous-artifact", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "evidence.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK, "evidence.toggle-notes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "evidence.new-window", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "evidence.open-with", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  _assay_evidence_window_notes_class_init (widget_class);
}

static void
assay_evidence_window_init (AssayEvidenceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->artifact_list, "row-selected", G_CALLBACK (on_artifact_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->artifact_list, "row-activated", G_CALLBACK (on_artifact_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reflections_list, "row-selected", G_CALLBACK (on_reflections_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_cb), NULL, 0);
  _assay_evidence_window_notes_init (self);
}

/**
 * assay_evidence_window_new:
 * @artifact: (nullable): the file to show first, else the first one
 *
 * Returns: (transfer none): a new window on @submission's evidence
 */
GtkWindow *
assay_evidence_window_new (AssayStore      *store,
                           AssaySubmission *submission,
                           AssayArtifact   *artifact,
                           GtkApplication  *application)
{
  AssayEvidenceWindow *self;
  const char *id;

  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (ASSAY_IS_SUBMISSION (submission), NULL);

  self = g_object_new (ASSAY_TYPE_EVIDENCE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->submission = g_object_ref (submission);
  id = assay_record_get_id (ASSAY_RECORD (submission));

  self->artifacts = assay_store_list (store, ASSAY_TYPE_ARTIFACT, "submission_id", id, "position");
  gtk_list_box_bind_model (self->artifact_list, self->artifacts, create_artifact_row, self, NULL);
  g_signal_connect_object (self->artifacts, "items-changed", G_CALLBACK (on_artifacts_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* A bundle dropped here is imported like anywhere else. */
  assay_import_drop_attach (GTK_WINDOW (self), store);

  self->reflections = assay_store_list (store, ASSAY_TYPE_REFLECTION, "submission_id", id, "position");
  g_signal_connect_object (self->reflections, "items-changed", G_CALLBACK (rebuild_reflections),
                           self, G_CONNECT_SWAPPED);
  rebuild_reflections (self);

  if (artifact == NULL)
    {
      g_autoptr(AssayArtifact) first = g_list_model_get_item (self->artifacts, 0);

      if (first != NULL)
        assay_evidence_window_show_artifact (self, first);
      else
        assay_evidence_window_show_reflections (self);
    }
  else
    assay_evidence_window_show_artifact (self, artifact);

  return GTK_WINDOW (self);
}

static GtkWindow *
find_window (AssaySubmission *submission)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_EVIDENCE_WINDOW (window)
          && ASSAY_EVIDENCE_WINDOW (window)->submission == submission)
        return window;
    }
  return NULL;
}

/**
 * assay_evidence_window_present:
 *
 * Shows @submission's evidence, raising a window already showing it.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
assay_evidence_window_present (AssayStore      *store,
                               AssaySubmission *submission,
                               GtkWindow       *parent)
{
  GtkWindow *window = find_window (submission);

  if (window == NULL)
    window = assay_evidence_window_new (store, submission, NULL,
                                        parent ? gtk_window_get_application (parent) : NULL);
  gtk_window_present (window);
  return window;
}

AssaySubmission *
assay_evidence_window_get_submission (AssayEvidenceWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self), NULL);

  return self->submission;
}

AssayArtifact *
assay_evidence_window_get_artifact (AssayEvidenceWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self), NULL);

  return self->artifact;
}

/**
 * assay_evidence_window_get_viewer:
 *
 * Returns: (transfer none): the widget in the main pane
 */
GtkWidget *
assay_evidence_window_get_viewer (AssayEvidenceWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->viewer_stack);
}

/**
 * assay_evidence_window_get_notes:
 *
 * Returns: (transfer none) (nullable): the live notes of the shown file
 */
GListModel *
assay_evidence_window_get_notes (AssayEvidenceWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self), NULL);

  return self->notes;
}
