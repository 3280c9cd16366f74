/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-evidence-window-private.h"
#include "assay-pdf-view.h"
#include "assay-video-view.h"

/* The notes panel: notes anchored to a region of a PDF page, a moment or a
 * range of a video, or the whole file. The list is the store's live list of
 * the shown file's notes, so a note written in one window appears in every
 * window showing that file. */

/* "Page 3", "At 00:05.2", "00:03.4 – 00:07.0" or "Whole file" */
static gboolean
artifact_has_pages (AssayEvidenceWindow *self)
{
  return self->artifact != NULL && g_strcmp0 (assay_artifact_get_media_type (self->artifact), "application/pdf") == 0;
}

static char *
describe_anchor (AssayEvidenceWindow *self,
                 AssayNote           *note)
{
  if (assay_note_is_page_anchored (note) && !artifact_has_pages (self))
    return g_strdup (_("Whole file"));

  if (assay_note_is_page_anchored (note))
    return g_strdup_printf (_("Page %d"), (int) assay_note_get_page (note) + 1);

  if (assay_note_is_time_anchored (note))
    {
      g_autofree char *start = assay_video_view_format_time (assay_note_get_start_ms (note) * 1000, TRUE);
      g_autofree char *end = NULL;

      if (assay_note_get_end_ms (note) < 0)
        return g_strdup_printf (_("At %s"), start);
      end = assay_video_view_format_time (assay_note_get_end_ms (note) * 1000, TRUE);
      /* TRANSLATORS: a time range in a video, e.g. "00:03.4 – 00:07.0" */
      return g_strdup_printf (_("%s – %s"), start, end);
    }

  return g_strdup (_("Whole file"));
}

typedef struct
{
  AssayEvidenceWindow *window;
  AssayNote           *note;
  gboolean             is_new;
  GtkTextBuffer       *buffer;
  GSimpleAction       *save_action;
} EditorData;

static void
editor_data_free (EditorData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->note);
  g_clear_object (&data->save_action);
  g_free (data);
}

static void
on_editor_changed_cb (GtkTextBuffer *buffer,
                      EditorData    *data)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_simple_action_set_enabled (data->save_action, *g_strstrip (text) != '\0');
}

static void
on_editor_save_cb (GtkWidget *editor)
{
  EditorData *data = g_object_get_data (G_OBJECT (editor), "editor-data");
  AssayEvidenceWindow *self = data->window;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *previous = g_strdup (assay_note_get_body (data->note));
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (data->buffer, &start, &end);
  text = gtk_text_buffer_get_text (data->buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    return;
  assay_note_set_body (data->note, text);
  if (data->is_new)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      assay_note_set_created_at (data->note, now);
    }

  if (!assay_store_save (self->store, data->note, &error))
    {
      if (!data->is_new)
        assay_note_set_body (data->note, previous);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
open_editor (AssayEvidenceWindow *self,
             AssayNote           *note,
             gboolean             is_new)
{
  GtkWidget *editor = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (is_new ? _("_Add") : _("_Save"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *anchor_label, *scroller, *text_view;
  g_autofree char *anchor = describe_anchor (self, note);
  g_autofree char *anchor_text = g_strdup_printf ("%s · %s", assay_artifact_get_title (self->artifact), anchor);
  GtkShortcutController *shortcuts;
  EditorData *data = g_new0 (EditorData, 1);

  gtk_window_set_title (GTK_WINDOW (editor), is_new ? _("New Note") : _("Edit Note"));
  gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (editor), 460, 320);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "note.save");
  gtk_widget_set_tooltip_text (save, _("Save the Note (Ctrl+Enter)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  anchor_label = gtk_label_new (anchor_text);
  gtk_label_set_xalign (GTK_LABEL (anchor_label), 0);
  gtk_label_set_wrap (GTK_LABEL (anchor_label), TRUE);
  gtk_widget_add_css_class (anchor_label, "dim-label");
  gtk_box_append (GTK_BOX (content), anchor_label);

  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_widget_add_css_class (text_view, "profile-text");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (content), scroller);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (editor), box);

  data->window = g_object_ref (self);
  data->note = g_object_ref (note);
  data->is_new = is_new;
  data->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  g_object_set_data_full (G_OBJECT (editor), "editor-data", data, (GDestroyNotify) editor_data_free);

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    data->save_action = g_simple_action_new ("save", NULL);
    g_signal_connect_swapped (data->save_action, "activate", G_CALLBACK (on_editor_save_cb), editor);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (data->save_action));
    gtk_widget_insert_action_group (editor, "note", G_ACTION_GROUP (group));
  }

  gtk_text_buffer_set_text (data->buffer, assay_note_get_body (note) ? assay_note_get_body (note) : "", -1);
  g_signal_connect (data->buffer, "changed", G_CALLBACK (on_editor_changed_cb), data);
  on_editor_changed_cb (data->buffer, data);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                          gtk_named_action_new ("note.save")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (editor, GTK_EVENT_CONTROLLER (shortcuts));

  gtk_window_present (GTK_WINDOW (editor));
  gtk_widget_grab_focus (text_view);
}

/**
 * _assay_evidence_window_add_note:
 *
 * Asks for the text of @note, anchored but not saved yet, and saves it.
 */
void
_assay_evidence_window_add_note (AssayEvidenceWindow *self,
                                 AssayNote           *note)
{
  gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
  open_editor (self, note, TRUE);
}

void
assay_evidence_window_activate_note (AssayEvidenceWindow *self,
                                     AssayNote           *note)
{
  g_return_if_fail (ASSAY_IS_EVIDENCE_WINDOW (self));
  g_return_if_fail (ASSAY_IS_NOTE (note));

  if (self->artifact == NULL
      || g_strcmp0 (assay_note_get_artifact_id (note), assay_record_get_id (ASSAY_RECORD (self->artifact))) != 0)
    return;

  if (assay_note_is_page_anchored (note) && self->pdf_view != NULL)
    {
      graphene_rect_t rect;

      graphene_rect_init (&rect, assay_note_get_x (note), assay_note_get_y (note),
                          assay_note_get_width (note), assay_note_get_height (note));
      assay_pdf_view_go_to_region (ASSAY_PDF_VIEW (self->pdf_view), (int) assay_note_get_page (note), &rect);
    }
  else if (assay_note_is_time_anchored (note) && self->video_view != NULL)
    assay_video_view_seek_ms (ASSAY_VIDEO_VIEW (self->video_view), assay_note_get_start_ms (note));
}

static void
undo_delete_cb (AdwToast  *toast,
                AssayNote *note)
{
  AssayEvidenceWindow *self = g_object_get_data (G_OBJECT (toast), "window");
  g_autoptr(GError) error = NULL;

  if (!assay_store_save (self->store, note, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
delete_note (AssayEvidenceWindow *self,
             AssayNote           *note)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  g_object_ref (note);
  if (!assay_store_delete (self->store, note, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_object_unref (note);
      return;
    }

  toast = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), note,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_row_button_clicked_cb (GtkButton           *button,
                          AssayEvidenceWindow *self)
{
  AssayNote *note = g_object_get_data (G_OBJECT (button), "note");

  if (g_object_get_data (G_OBJECT (button), "delete") != NULL)
    delete_note (self, note);
  else
    open_editor (self, note, FALSE);
}

static GtkWidget *
icon_button (const char          *icon,
             const char          *tooltip,
             AssayNote           *note,
             AssayEvidenceWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "note", note);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_button_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  AssayEvidenceWindow *self = user_data;
  AssayNote *note = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *anchor = describe_anchor (self, note);
  GtkWidget *anchor_label = gtk_label_new (anchor);
  GtkWidget *body = gtk_label_new (assay_note_get_body (note));
  GtkWidget *delete;

  gtk_label_set_xalign (GTK_LABEL (anchor_label), 0);
  gtk_widget_add_css_class (anchor_label, "caption-heading");
  gtk_widget_add_css_class (anchor_label, "note-anchor");
  gtk_box_append (GTK_BOX (labels), anchor_label);

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (labels), body);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_box_append (GTK_BOX (box), icon_button ("document-edit-symbolic", _("Edit Note"), note, self));
  delete = icon_button ("user-trash-symbolic", _("Delete Note"), note, self);
  g_object_set_data (G_OBJECT (delete), "delete", GINT_TO_POINTER (1));
  gtk_box_append (GTK_BOX (box), delete);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Show where this note points"));
  g_object_set_data_full (G_OBJECT (row), "note", g_object_ref (note), g_object_unref);
  return row;
}

static void
on_note_row_activated_cb (AssayEvidenceWindow *self,
                          GtkListBoxRow       *row,
                          GtkListBox          *list)
{
  assay_evidence_window_activate_note (self, g_object_get_data (G_OBJECT (row), "note"));
}

static void
update_notes_state (AssayEvidenceWindow *self)
{
  guint n = self->notes ? g_list_model_get_n_items (self->notes) : 0;
  g_autofree char *title = n == 0 ? g_strdup (_("Notes")) : g_strdup_printf (_("Notes (%u)"), n);
  const char *hint;

  gtk_label_set_text (self->notes_title, title);
  gtk_stack_set_visible_child_name (self->notes_stack, n == 0 ? "empty" : "list");

  if (self->artifact == NULL)
    hint = _("Notes belong to evidence files. Choose a file to see its notes.");
  else if (self->pdf_view != NULL && gtk_stack_get_visible_child (self->viewer_stack) == self->pdf_view)
    hint = _("Press + and drag over the part of a page your note is about.");
  else if (self->video_view != NULL && gtk_stack_get_visible_child (self->viewer_stack) == self->video_view)
    hint = _("Press N to note the moment on screen, or I then N to note a range.");
  else
    hint = _("Press + to write a note about this file.");
  adw_status_page_set_description (self->notes_empty, hint);
}

static gboolean
is_page_note (gpointer item,
              gpointer user_data)
{
  return assay_note_is_page_anchored (item);
}

static void
on_region_selected_cb (AssayEvidenceWindow *self,
                       int                  page,
                       double               x,
                       double               y,
                       double               width,
                       double               height)
{
  g_autoptr(AssayNote) note = NULL;

  if (self->artifact == NULL)
    return;
  note = assay_note_new (assay_record_get_id (ASSAY_RECORD (self->artifact)));
  assay_note_set_page (note, page);
  assay_note_set_x (note, x);
  assay_note_set_y (note, y);
  assay_note_set_width (note, width);
  assay_note_set_height (note, height);
  g_object_set (self->pdf_view, "note-mode", FALSE, NULL);
  _assay_evidence_window_add_note (self, note);
}

static void
on_pdf_note_activated_cb (AssayEvidenceWindow *self,
                          AssayNote           *note)
{
  gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
  open_editor (self, note, FALSE);
}

static void
on_video_note_requested_cb (AssayEvidenceWindow *self,
                            gint64               start_ms,
                            gint64               end_ms)
{
  g_autoptr(AssayNote) note = NULL;

  if (self->artifact == NULL)
    return;
  note = assay_note_new (assay_record_get_id (ASSAY_RECORD (self->artifact)));
  assay_note_set_start_ms (note, start_ms);
  assay_note_set_end_ms (note, end_ms);
  _assay_evidence_window_add_note (self, note);
}

/**
 * _assay_evidence_window_bind_notes:
 *
 * Shows the shown file's notes in the panel and on the viewers, and hears
 * the viewers ask for new ones.
 */
void
_assay_evidence_window_bind_notes (AssayEvidenceWindow *self)
{
  gtk_list_box_bind_model (self->notes_list, self->notes, self->notes ? create_note_row : NULL, self, NULL);
  if (self->notes != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->notes, update_notes_state, self);
      g_signal_connect_object (self->notes, "items-changed", G_CALLBACK (update_notes_state), self, G_CONNECT_SWAPPED);
    }

  if (self->pdf_view != NULL)
    {
      if (g_object_get_data (G_OBJECT (self->pdf_view), "notes-connected") == NULL)
        {
          g_signal_connect_object (self->pdf_view, "region-selected", G_CALLBACK (on_region_selected_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->pdf_view, "note-activated", G_CALLBACK (on_pdf_note_activated_cb),
                                   self, G_CONNECT_SWAPPED);
          g_object_set_data (G_OBJECT (self->pdf_view), "notes-connected", GINT_TO_POINTER (1));
        }
      g_clear_object (&self->page_notes);
      if (self->notes != NULL)
        self->page_notes = gtk_filter_list_model_new (g_object_ref (self->notes),
                                                      GTK_FILTER (gtk_custom_filter_new (is_page_note, NULL, NULL)));
      assay_pdf_view_set_notes (ASSAY_PDF_VIEW (self->pdf_view), G_LIST_MODEL (self->page_notes));
    }

  if (self->video_view != NULL && g_object_get_data (G_OBJECT (self->video_view), "notes-connected") == NULL)
    {
      g_signal_connect_object (self->video_view, "note-requested", G_CALLBACK (on_video_note_requested_cb),
                               self, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (self->video_view), "notes-connected", GINT_TO_POINTER (1));
    }

  update_notes_state (self);
}

static void
add_note_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AssayEvidenceWindow *self = ASSAY_EVIDENCE_WINDOW (widget);
  GtkWidget *viewer = gtk_stack_get_visible_child (self->viewer_stack);
  g_autoptr(AssayNote) note = NULL;

  if (self->artifact == NULL)
    return;

  gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
  if (viewer != NULL && viewer == self->pdf_view)
    {
      gboolean note_mode;

      g_object_get (self->pdf_view, "note-mode", &note_mode, NULL);
      g_object_set (self->pdf_view, "note-mode", !note_mode, NULL);
      if (!note_mode)
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Drag over the part of the page the note is about")));
      return;
    }
  if (viewer != NULL && viewer == self->video_view)
    {
      gtk_widget_activate_action (self->video_view, "video.add-note", NULL);
      return;
    }

  /* A note on a photo or a document Assay cannot page through is about the
   * whole file: its one "page", with no region. */
  note = assay_note_new (assay_record_get_id (ASSAY_RECORD (self->artifact)));
  assay_note_set_page (note, 0);
  _assay_evidence_window_add_note (self, note);
}

void
_assay_evidence_window_notes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "evidence.add-note", NULL, add_note_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "evidence.add-note", NULL);
}

void
_assay_evidence_window_notes_init (AssayEvidenceWindow *self)
{
  g_signal_connect_object (self->notes_list, "row-activated", G_CALLBACK (on_note_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}
