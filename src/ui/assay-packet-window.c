/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "assay-credential-window.h"
#include "assay-packet-clock.h"
#include "assay-packet-export.h"
#include "assay-packet-window.h"
#include "assay-quality-chart.h"
#include "assay-store-packets.h"

/* The approval packet of one credential, against the state's rubric or a
 * set of quality criteria: every indicator with its exact text, a Yes/No
 * rating, a narrative saved as it is typed, the documents that show it,
 * and what Assay already knows from the credential. The sidebar says what
 * is missing; the card at the top runs the state's review clock; earlier
 * rounds stay to be read. */

#define SAVE_DELAY_MS 600

struct _AssayPacketWindow
{
  AdwWindow         parent_instance;

  AssayStore       *store;
  AssayCredential  *credential;
  GPtrArray        *frameworks;
  AssayFramework   *framework;
  GPtrArray        *rounds;
  AssayPacket      *packet;        /* the round shown */
  gboolean          editable;
  gboolean          busy;
  AdwToast         *progress_toast;
  gboolean          filling;
  GHashTable       *cards;         /* indicator id → GtkWidget (card) */
  GHashTable       *rows;          /* indicator id → GtkListBoxRow */
  guint             n_missing;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkDropDown      *framework_dropdown;
  GtkDropDown      *round_dropdown;
  GtkLabel         *readiness_label;
  GtkListBox       *readiness_list;
  GtkScrolledWindow *content_scroller;
  GtkBox           *content_box;
  GtkLabel         *clock_title;
  GtkLabel         *clock_detail;
  GtkWidget        *clock_buttons;
  GtkWidget        *chart;
  GtkBox           *indicators_box;
};

G_DEFINE_FINAL_TYPE (AssayPacketWindow, assay_packet_window, ADW_TYPE_WINDOW)

typedef struct
{
  AssayPacketWindow *window;
  AssayPacketItem   *item;
  const AssayFrameworkIndicator *indicator;
  GtkToggleButton   *yes;
  GtkToggleButton   *no;
  GtkTextBuffer     *narrative;
  GtkListBox        *documents;
  GtkWidget         *attach;
  guint              save_source;
} Card;

static void
card_free (Card *card)
{
  g_clear_handle_id (&card->save_source, g_source_remove);
  g_clear_object (&card->item);
  g_free (card);
}

static void refresh_status (AssayPacketWindow *self);

static void
toast (AssayPacketWindow *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
text_of (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static AssayRating
card_rating (Card *card)
{
  if (gtk_toggle_button_get_active (card->yes))
    return ASSAY_RATING_YES;
  if (gtk_toggle_button_get_active (card->no))
    return ASSAY_RATING_NO;
  return ASSAY_RATING_UNRATED;
}

static void
save_card (Card *card)
{
  AssayPacketWindow *self = card->window;
  g_autofree char *narrative = text_of (card->narrative);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&card->save_source, g_source_remove);
  if (!self->editable)
    return;
  if (!assay_store_packet_rate (self->store, card->item, card_rating (card), *narrative ? narrative : NULL, &error))
    toast (self, error->message);
  refresh_status (self);
}

static gboolean
save_card_cb (gpointer data)
{
  Card *card = data;

  card->save_source = 0;
  save_card (card);
  return G_SOURCE_REMOVE;
}

static void
on_narrative_changed_cb (GtkTextBuffer *buffer,
                         Card          *card)
{
  if (card->window->filling)
    return;
  g_clear_handle_id (&card->save_source, g_source_remove);
  card->save_source = g_timeout_add (SAVE_DELAY_MS, save_card_cb, card);
}

static void
on_rating_toggled_cb (GtkToggleButton *button,
                      Card            *card)
{
  if (card->window->filling || !gtk_toggle_button_get_active (button))
    return;
  save_card (card);
}

/* -- documents -- */

static void fill_documents (Card *card);

static void
on_remove_document_cb (GtkButton *button,
                       Card      *card)
{
  const char *entry = g_object_get_data (G_OBJECT (button), "entry");
  const char * const *old = assay_packet_item_get_documents (card->item);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = g_strdupv ((char **) old);

  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    if (g_strcmp0 (old[i], entry) != 0)
      g_strv_builder_add (builder, old[i]);
  kept = g_strv_builder_end (builder);
  assay_packet_item_set_documents (card->item, (const char * const *) kept);
  if (!assay_store_save (card->window->store, card->item, &error))
    {
      assay_store_revert (card->window->store, card->item);
      toast (card->window, error->message);
      return;
    }
  fill_documents (card);
  refresh_status (card->window);
  {
    AdwToast *undo = adw_toast_new (_("Document removed"));

    adw_toast_set_button_label (undo, _("_Undo"));
    g_object_set_data_full (G_OBJECT (undo), "before", g_steal_pointer (&before), (GDestroyNotify) g_strfreev);
    g_object_set_data (G_OBJECT (undo), "card", card);
    adw_toast_set_action_name (undo, "packet.undo-remove");
    g_object_set_data (G_OBJECT (card->window), "undo-toast", undo);
    adw_toast_overlay_add_toast (card->window->toast_overlay, undo);
  }
}

static void
undo_remove_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (widget);
  AdwToast *undo = g_object_get_data (G_OBJECT (self), "undo-toast");
  Card *card;
  const char * const *before;
  g_autoptr(GError) error = NULL;

  if (undo == NULL || (card = g_object_get_data (G_OBJECT (undo), "card")) == NULL)
    return;
  before = g_object_get_data (G_OBJECT (undo), "before");
  assay_packet_item_set_documents (card->item, before);
  if (!assay_store_save (self->store, card->item, &error))
    toast (self, error->message);
  g_object_set_data (G_OBJECT (self), "undo-toast", NULL);
  fill_documents (card);
  refresh_status (self);
}

static void
on_open_document_cb (GtkButton *button,
                     Card      *card)
{
  const char *sha256 = g_object_get_data (G_OBJECT (button), "sha256");
  g_autofree char *path = assay_blob_store_get_path (assay_store_get_blobs (card->window->store), sha256);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (card->window), uri, GDK_CURRENT_TIME);
}

static void
fill_documents (Card *card)
{
  g_autoptr(GPtrArray) documents = assay_packet_item_dup_documents (card->item);
  const char * const *entries = assay_packet_item_get_documents (card->item);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (card->documents))) != NULL)
    gtk_list_box_remove (card->documents, child);

  for (guint i = 0; i < documents->len; i++)
    {
      AssayPacketDocument *document = g_ptr_array_index (documents, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
      GtkWidget *name = gtk_label_new (document->name);
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (open, _("Open the Document"));
      gtk_widget_set_tooltip_text (remove, _("Remove the Document"));
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (open), "sha256", g_strdup (document->sha256), g_free);
      g_object_set_data_full (G_OBJECT (remove), "entry", g_strdup (entries[i]), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (on_open_document_cb), card);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_document_cb), card);
      gtk_widget_set_visible (remove, card->window->editable);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), open);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_list_box_append (card->documents, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (card->documents), documents->len > 0);
}

static void
on_attach_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       Card            *card)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (!assay_store_packet_attach (card->window->store, card->item, file, &error))
            {
              toast (card->window, error->message);
              g_clear_error (&error);
            }
        }
      fill_documents (card);
      refresh_status (card->window);
    }
  g_object_unref (dialog);
}

static void
on_attach_clicked_cb (GtkButton *button,
                      Card      *card)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Attach Documents"), GTK_WINDOW (card->window),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_attach_response_cb), card);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* -- the state's feedback -- */

static char *
feedback_for (AssayPacket *packet,
              const char  *indicator)
{
  const char *feedback = assay_packet_get_feedback (packet);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *indicators;

  if (feedback == NULL || (root = json_from_string (feedback, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return indicator == NULL && feedback != NULL ? g_strdup (feedback) : NULL;
  object = json_node_get_object (root);
  if (indicator == NULL)
    return g_strdup (json_object_get_string_member_with_default (object, "general", NULL));
  indicators = json_object_has_member (object, "indicators") ? json_object_get_object_member (object, "indicators") : NULL;
  return indicators ? g_strdup (json_object_get_string_member_with_default (indicators, indicator, NULL)) : NULL;
}

/* -- cards -- */

static void
on_derived_link_cb (GtkButton         *button,
                    AssayPacketWindow *self)
{
  assay_credential_window_present (self->store, self->credential, GTK_WINDOW (self));
}

static GtkWidget *
derived_row (AssayPacketWindow             *self,
             const AssayFrameworkIndicator *indicator)
{
  g_autoptr(AssayDerivedAnswer) answer = assay_store_packet_derive (self->store, self->credential,
                                                                     assay_framework_get_id (self->framework),
                                                                     indicator->id);
  GtkWidget *box, *icon, *label, *link;

  if (answer == NULL)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  icon = gtk_image_new_from_icon_name (answer->state == ASSAY_DERIVED_MET ? "emblem-ok-symbolic"
                                       : answer->state == ASSAY_DERIVED_NOT_MET ? "dialog-warning-symbolic"
                                       : "dialog-information-symbolic");
  label = gtk_label_new (NULL);
  {
    g_autofree char *text = g_strdup_printf (_("Assay knows: %s"), answer->explanation);

    gtk_label_set_text (GTK_LABEL (label), text);
  }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  link = gtk_button_new_with_mnemonic (g_str_equal (answer->link, "rubric") ? _("Open _Rubric") : _("Open _Credential"));
  gtk_widget_add_css_class (link, "flat");
  gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
  g_signal_connect (link, "clicked", G_CALLBACK (on_derived_link_cb), self);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), link);
  gtk_widget_add_css_class (box, "packet-derived");
  gtk_widget_add_css_class (box, answer->state == ASSAY_DERIVED_MET ? "met"
                                 : answer->state == ASSAY_DERIVED_NOT_MET ? "not-met" : "unknown");
  return box;
}

static void
on_feedback_changed_cb (GtkEditable *entry,
                        Card        *card)
{
  AssayPacketWindow *self = card->window;
  const char *feedback = assay_packet_get_feedback (self->packet);
  g_autoptr(JsonNode) root = feedback ? json_from_string (feedback, NULL) : NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonObject *indicators;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root)) : json_object_new ();
  if (!json_object_has_member (object, "indicators"))
    json_object_set_object_member (object, "indicators", json_object_new ());
  indicators = json_object_get_object_member (object, "indicators");
  json_object_set_string_member (indicators, card->indicator->id, gtk_editable_get_text (entry));
  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  assay_packet_set_feedback (self->packet, text);
  if (!assay_store_save (self->store, self->packet, &error))
    {
      assay_store_revert (self->store, self->packet);
      toast (self, error->message);
    }
}

/* The round before the one shown, if any. */
static AssayPacket *
previous_round (AssayPacketWindow *self)
{
  for (guint i = 1; i < self->rounds->len; i++)
    if (g_ptr_array_index (self->rounds, i) == self->packet)
      return g_ptr_array_index (self->rounds, i - 1);
  return NULL;
}

static GtkWidget *
build_card (AssayPacketWindow             *self,
            const AssayFrameworkIndicator *indicator,
            AssayPacketItem               *item)
{
  GtkWidget *card_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *id = gtk_label_new (indicator->id);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *rating = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *narrative = gtk_text_view_new ();
  GtkWidget *documents = gtk_list_box_new ();
  GtkWidget *attach = gtk_button_new_with_mnemonic (_("_Attach Documents…"));
  GtkWidget *derived = derived_row (self, indicator);
  g_autofree char *feedback = feedback_for (self->packet, indicator->id);
  AssayPacket *previous = previous_round (self);
  g_autofree char *earlier = previous ? feedback_for (previous, indicator->id) : NULL;
  g_autofree char *full = indicator->name ? g_strdup_printf ("%s: %s", indicator->name, indicator->text)
                                          : g_strdup (indicator->text);
  Card *card = g_new0 (Card, 1);

  card->window = self;
  card->item = g_object_ref (item);
  card->indicator = indicator;

  gtk_widget_add_css_class (card_box, "card");
  gtk_widget_add_css_class (card_box, "packet-indicator");
  gtk_widget_add_css_class (id, "title-4");
  gtk_widget_set_valign (id, GTK_ALIGN_START);
  gtk_widget_set_size_request (id, 56, -1);
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_label_set_text (GTK_LABEL (text), full);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (head), id);
  gtk_box_append (GTK_BOX (head), text);

  card->yes = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Yes")));
  card->no = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_No")));
  gtk_toggle_button_set_group (card->no, card->yes);
  gtk_toggle_button_set_active (card->yes, assay_packet_item_get_rating (item) == ASSAY_RATING_YES);
  gtk_toggle_button_set_active (card->no, assay_packet_item_get_rating (item) == ASSAY_RATING_NO);
  gtk_widget_add_css_class (rating, "linked");
  gtk_widget_set_valign (rating, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (rating), GTK_WIDGET (card->yes));
  gtk_box_append (GTK_BOX (rating), GTK_WIDGET (card->no));
  gtk_widget_set_sensitive (rating, self->editable);
  gtk_box_append (GTK_BOX (head), rating);
  {
    g_autofree char *name = g_strdup_printf (_("Rating of %s"), indicator->id);

    gtk_accessible_update_property (GTK_ACCESSIBLE (rating), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_box_append (GTK_BOX (card_box), head);

  if (derived != NULL)
    gtk_box_append (GTK_BOX (card_box), derived);

  card->narrative = gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative));
  gtk_text_buffer_set_text (card->narrative, assay_packet_item_get_narrative (item) ? assay_packet_item_get_narrative (item) : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (narrative), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (narrative), self->editable);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (narrative), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (narrative), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (narrative), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (narrative), 6);
  gtk_widget_add_css_class (narrative, "packet-narrative");
  {
    g_autofree char *name = g_strdup_printf (_("Narrative for %s"), indicator->id);

    gtk_accessible_update_property (GTK_ACCESSIBLE (narrative), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  {
    GtkWidget *caption = gtk_label_new (assay_framework_get_kind (self->framework) == ASSAY_FRAMEWORK_APPROVAL
                                        ? _("Narrative: how the course meets this indicator")
                                        : _("Narrative: how the credential meets this criterion"));

    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    gtk_widget_add_css_class (caption, "caption-heading");
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_box_append (GTK_BOX (card_box), caption);
  }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), narrative);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (card_box), scroller);

  card->documents = GTK_LIST_BOX (documents);
  gtk_list_box_set_selection_mode (card->documents, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (documents, "boxed-list");
  gtk_box_append (GTK_BOX (card_box), documents);
  fill_documents (card);

  card->attach = attach;
  gtk_widget_set_halign (attach, GTK_ALIGN_START);
  gtk_widget_set_visible (attach, self->editable);
  gtk_widget_set_tooltip_text (attach, _("Syllabus, rubric, timeline, assessor training plan…"));
  g_signal_connect (attach, "clicked", G_CALLBACK (on_attach_clicked_cb), card);
  gtk_box_append (GTK_BOX (card_box), attach);

  if (assay_packet_get_outcome (self->packet) == ASSAY_PACKET_OUTCOME_SUBMITTED
      && self->packet == g_ptr_array_index (self->rounds, self->rounds->len - 1))
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("The state’s feedback on this indicator, if any"));
      gtk_editable_set_text (GTK_EDITABLE (entry), feedback ? feedback : "");
      g_signal_connect (entry, "changed", G_CALLBACK (on_feedback_changed_cb), card);
      gtk_box_append (GTK_BOX (card_box), entry);
    }
  else if ((feedback != NULL && *feedback != '\0') || (earlier != NULL && *earlier != '\0'))
    {
      /* A revision shows what the state said of the round before. */
      g_autofree char *said = feedback && *feedback
        ? g_strdup_printf (_("State’s feedback: %s"), feedback)
        : g_strdup_printf (_("State’s feedback on round %d: %s"), (int) assay_packet_get_round (previous), earlier);
      GtkWidget *label = gtk_label_new (said);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "packet-feedback");
      gtk_box_append (GTK_BOX (card_box), label);
    }

  g_signal_connect (card->yes, "toggled", G_CALLBACK (on_rating_toggled_cb), card);
  g_signal_connect (card->no, "toggled", G_CALLBACK (on_rating_toggled_cb), card);
  g_signal_connect (card->narrative, "changed", G_CALLBACK (on_narrative_changed_cb), card);
  g_object_set_data_full (G_OBJECT (card_box), "card", card, (GDestroyNotify) card_free);
  return card_box;
}

/* -- status: readiness, chart, clock -- */

static void
on_readiness_activated_cb (GtkListBox        *list,
                           GtkListBoxRow     *row,
                           AssayPacketWindow *self)
{
  GtkWidget *card = g_hash_table_lookup (self->cards, g_object_get_data (G_OBJECT (row), "indicator"));
  graphene_point_t point;

  if (card == NULL || !gtk_widget_compute_point (card, GTK_WIDGET (self->content_box),
                                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroller), point.y - 12);
  gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD);
}

static void
refresh_status (AssayPacketWindow *self)
{
  g_autoptr(GPtrArray) missing = assay_store_packet_readiness (self->store, self->packet, self->framework, self->credential);
  g_autoptr(GHashTable) problem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *summary = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint section_yes[256] = { 0 }, section_no[256] = { 0 }, section_unrated[256] = { 0 };

  for (guint i = 0; i < missing->len; i++)
    {
      const char *line = g_ptr_array_index (missing, i);
      const char *colon = strchr (line, ':');

      if (colon != NULL && !g_hash_table_contains (problem, line))
        g_hash_table_insert (problem, g_strndup (line, colon - line), g_strdup (colon + 2));
    }
  self->n_missing = missing->len;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *row = value;
      GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
      Card *card = g_object_get_data (G_OBJECT (g_hash_table_lookup (self->cards, key)), "card");
      AssayRating rating = assay_packet_item_get_rating (card->item);
      const char *why = g_hash_table_lookup (problem, key);
      const AssayFrameworkSection *section = assay_framework_get_section (self->framework, card->indicator->section);
      guint top = (guint) MIN (section->top, 255);

      gtk_image_set_from_icon_name (icon, why != NULL && rating != ASSAY_RATING_UNRATED ? "dialog-warning-symbolic"
                                          : rating == ASSAY_RATING_YES ? "emblem-ok-symbolic"
                                          : rating == ASSAY_RATING_NO ? "window-close-symbolic"
                                          : "radio-symbolic");
      gtk_widget_set_tooltip_text (row, why != NULL ? why : _("Ready"));
      section_yes[top] += rating == ASSAY_RATING_YES;
      section_no[top] += rating == ASSAY_RATING_NO;
      section_unrated[top] += rating == ASSAY_RATING_UNRATED;
    }

  if (missing->len == 0)
    summary = g_strdup (assay_framework_get_kind (self->framework) == ASSAY_FRAMEWORK_APPROVAL
                        ? _("Ready to send to the state") : _("Every criterion is answered"));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing missing", "%u things missing", missing->len),
                               missing->len);
  gtk_label_set_text (self->readiness_label, summary);

  if (assay_framework_get_kind (self->framework) == ASSAY_FRAMEWORK_QUALITY)
    {
      assay_quality_chart_clear (ASSAY_QUALITY_CHART (self->chart));
      for (guint s = 0; s < assay_framework_get_n_sections (self->framework) && s < 256; s++)
        {
          const AssayFrameworkSection *section = assay_framework_get_section (self->framework, s);

          if (section->depth == 0)
            assay_quality_chart_add_row (ASSAY_QUALITY_CHART (self->chart), section->title,
                                         section_yes[s], section_no[s], section_unrated[s]);
        }
    }
  gtk_widget_set_visible (self->chart, assay_framework_get_kind (self->framework) == ASSAY_FRAMEWORK_QUALITY);
}

static void
refresh_clock (AssayPacketWindow *self)
{
  AssayPacketOutcome outcome = assay_packet_get_outcome (self->packet);
  gboolean latest = self->packet == g_ptr_array_index (self->rounds, self->rounds->len - 1);
  gboolean approval = assay_framework_get_kind (self->framework) == ASSAY_FRAMEWORK_APPROVAL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *general = feedback_for (self->packet, NULL);

  switch (outcome)
    {
    case ASSAY_PACKET_OUTCOME_SUBMITTED:
      {
        g_autofree char *today = assay_packet_clock_today ();
        int left = 0;

        title = g_strdup_printf (_("Round %d is with the state"), (int) assay_packet_get_round (self->packet));
        if (assay_packet_clock_days_left (assay_packet_get_due_on (self->packet), today, &left) && left >= 0)
          detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Received %s. The answer is due by %s: %d day left.",
                                                 "Received %s. The answer is due by %s: %d days left.", (gulong) left),
                                    assay_packet_get_submitted_on (self->packet), assay_packet_get_due_on (self->packet), left);
        else
          detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Received %s. The answer was due by %s: overdue by %d day.",
                                                 "Received %s. The answer was due by %s: overdue by %d days.", (gulong) -left),
                                    assay_packet_get_submitted_on (self->packet), assay_packet_get_due_on (self->packet), -left);
        if (left < 0)
          gtk_widget_add_css_class (GTK_WIDGET (self->clock_detail), "error");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (self->clock_detail), "error");
      }
      break;
    case ASSAY_PACKET_OUTCOME_APPROVED:
      title = g_strdup_printf (_("Approved in round %d"), (int) assay_packet_get_round (self->packet));
      detail = g_strdup_printf (_("Received %s; approved. The credential may be offered to educators."),
                                assay_packet_get_submitted_on (self->packet));
      break;
    case ASSAY_PACKET_OUTCOME_RETURNED:
      title = g_strdup_printf (_("Round %d was returned with feedback"), (int) assay_packet_get_round (self->packet));
      detail = general && *general ? g_strdup_printf (_("The state says: %s"), general)
                                   : g_strdup (_("Read the state’s feedback beside each indicator, then start a resubmission."));
      break;
    case ASSAY_PACKET_OUTCOME_DRAFT:
    default:
      title = g_strdup_printf (_("Round %d is a draft"), (int) assay_packet_get_round (self->packet));
      detail = g_strdup (approval ? _("When every indicator is Yes and explained, send the packet and record the day the state received it: its answer is due 45 calendar days later.")
                                  : _("A self-review against quality criteria: rate each criterion and explain it."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->clock_detail), "error");
      break;
    }
  if (!latest)
    {
      g_autofree char *older = g_strdup_printf (_("%s (an earlier round, kept to read)"), title);

      g_free (title);
      title = g_steal_pointer (&older);
    }
  gtk_label_set_text (self->clock_title, title);
  gtk_label_set_text (self->clock_detail, detail);

  /* A quality self-review is not sent to the state. */
  gtk_widget_set_visible (self->clock_buttons, approval);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packet.record-submission",
                                 latest && approval && outcome == ASSAY_PACKET_OUTCOME_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packet.record-outcome", latest && outcome == ASSAY_PACKET_OUTCOME_SUBMITTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packet.start-round", latest && outcome == ASSAY_PACKET_OUTCOME_RETURNED);
}

static GtkWidget *
readiness_row (const AssayFrameworkIndicator *indicator)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *id = gtk_label_new (indicator->id);
  GtkWidget *text = gtk_label_new (indicator->name ? indicator->name : indicator->text);

  gtk_widget_set_size_request (id, 64, -1);
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_widget_add_css_class (id, "numeric");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), id);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data_full (G_OBJECT (row), "indicator", g_strdup (indicator->id), g_free);
  return row;
}

static void
show_round (AssayPacketWindow *self,
            AssayPacket       *packet)
{
  g_autoptr(GPtrArray) items = assay_store_packet_items (self->store, packet, self->framework);
  GtkWidget *child;

  assay_packet_window_flush (self);
  g_set_object (&self->packet, packet);
  self->editable = packet == g_ptr_array_index (self->rounds, self->rounds->len - 1)
                   && assay_packet_get_outcome (packet) == ASSAY_PACKET_OUTCOME_DRAFT;
  self->filling = TRUE;

  g_hash_table_remove_all (self->cards);
  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicators_box))) != NULL)
    gtk_box_remove (self->indicators_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_list))) != NULL)
    gtk_list_box_remove (self->readiness_list, child);

  for (guint s = 0; s < assay_framework_get_n_sections (self->framework); s++)
    {
      const AssayFrameworkSection *section = assay_framework_get_section (self->framework, s);
      GtkWidget *heading = gtk_label_new (section->title);
      GtkWidget *header_row = gtk_list_box_row_new ();
      GtkWidget *header_label = gtk_label_new (section->title);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, section->depth == 0 ? "title-2" : "title-4");
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, section->depth + 2, -1);
      gtk_box_append (self->indicators_box, heading);
      if (section->description != NULL)
        {
          GtkWidget *description = gtk_label_new (section->description);

          gtk_label_set_xalign (GTK_LABEL (description), 0);
          gtk_label_set_wrap (GTK_LABEL (description), TRUE);
          gtk_widget_add_css_class (description, "dim-label");
          gtk_box_append (self->indicators_box, description);
        }
      if (section->guiding_question != NULL)
        {
          g_autofree char *question = g_strdup_printf (_("Guiding question: %s"), section->guiding_question);
          GtkWidget *label = gtk_label_new (question);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "packet-question");
          gtk_box_append (self->indicators_box, label);
        }

      gtk_label_set_xalign (GTK_LABEL (header_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (header_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (header_label, "heading");
      gtk_widget_set_margin_top (header_label, section->depth == 0 ? 10 : 4);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (header_row), header_label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (header_row), FALSE);
      gtk_widget_set_focusable (header_row, FALSE);
      gtk_list_box_append (self->readiness_list, header_row);

      for (guint i = 0; i < assay_framework_get_n_indicators (self->framework); i++)
        {
          const AssayFrameworkIndicator *indicator = assay_framework_get_indicator (self->framework, i);
          AssayPacketItem *item = NULL;
          GtkWidget *card, *row;

          if (indicator->section != s)
            continue;
          for (guint k = 0; k < items->len && item == NULL; k++)
            if (g_strcmp0 (assay_packet_item_get_indicator (g_ptr_array_index (items, k)), indicator->id) == 0)
              item = g_ptr_array_index (items, k);
          if (item == NULL)
            continue;
          card = build_card (self, indicator, item);
          row = readiness_row (indicator);
          gtk_box_append (self->indicators_box, card);
          gtk_list_box_append (self->readiness_list, row);
          g_hash_table_insert (self->cards, g_strdup (indicator->id), card);
          g_hash_table_insert (self->rows, g_strdup (indicator->id), row);
        }
    }

  self->filling = FALSE;
  refresh_status (self);
  refresh_clock (self);
}

static void
fill_rounds (AssayPacketWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->rounds->len; i++)
    {
      AssayPacket *round = g_ptr_array_index (self->rounds, i);
      g_autofree char *label = i + 1 == self->rounds->len
        ? g_strdup_printf (_("Round %d"), (int) assay_packet_get_round (round))
        : g_strdup_printf (_("Round %d (earlier)"), (int) assay_packet_get_round (round));

      gtk_string_list_append (labels, label);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->round_dropdown, self->rounds->len - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->round_dropdown), self->rounds->len > 1);
  self->filling = FALSE;
}

static void
load_framework (AssayPacketWindow *self,
                AssayFramework    *framework)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayPacket) current = NULL;
  g_autofree char *subtitle = NULL;

  assay_packet_window_flush (self);
  g_set_object (&self->framework, framework);
  current = assay_store_packet_ensure (self->store, self->credential, framework, &error);
  if (current == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = assay_store_packet_rounds (self->store, assay_record_get_id (ASSAY_RECORD (self->credential)),
                                            assay_framework_get_id (framework));
  fill_rounds (self);
  subtitle = g_strdup_printf ("%s · %s", assay_credential_get_title (self->credential), assay_framework_get_title (framework));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_window_title_set_title (self->window_title, assay_framework_get_kind (framework) == ASSAY_FRAMEWORK_APPROVAL
                                                  ? _("Approval Packet") : _("Quality Self-Review"));
  show_round (self, g_ptr_array_index (self->rounds, self->rounds->len - 1));
}

static void
on_framework_selected_cb (AssayPacketWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->framework_dropdown);

  if (selected < self->frameworks->len && g_ptr_array_index (self->frameworks, selected) != self->framework)
    load_framework (self, g_ptr_array_index (self->frameworks, selected));
}

static void
on_round_selected_cb (AssayPacketWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  if (!self->filling && self->rounds != NULL && selected < self->rounds->len
      && g_ptr_array_index (self->rounds, selected) != self->packet)
    show_round (self, g_ptr_array_index (self->rounds, selected));
}

/* -- actions -- */

static void
on_submission_response_cb (AdwMessageDialog  *dialog,
                           const char        *response,
                           AssayPacketWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;
  if (!assay_store_packet_submit (self->store, self->packet, gtk_editable_get_text (entry),
                                  assay_framework_get_review_days (self->framework), &error))
    {
      toast (self, error->message);
      return;
    }
  show_round (self, self->packet);
}

static void
record_submission_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (widget);
  GtkWidget *dialog, *entry;
  g_autofree char *today = assay_packet_clock_today ();
  g_autofree char *body = NULL;

  assay_packet_window_flush (self);
  body = self->n_missing > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u thing is still missing: the state approves only a packet with every indicator Yes. Once recorded, this round can no longer change.",
                                    "%u things are still missing: the state approves only a packet with every indicator Yes. Once recorded, this round can no longer change.",
                                    self->n_missing), self->n_missing)
    : g_strdup (_("Once recorded, this round can no longer change. The state’s answer is due 45 calendar days after it received the packet."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record the Day the State Received the Packet"), body);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Day received (YYYY-MM-DD)"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submission_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_outcome_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        AssayPacketWindow *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  g_autofree char *general = text_of (buffer);
  const char *feedback = assay_packet_get_feedback (self->packet);
  g_autoptr(JsonNode) root = feedback ? json_from_string (feedback, NULL) : NULL;
  g_autoptr(JsonObject) object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root))
                                                                       : json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  AssayPacketOutcome outcome;

  if (g_strcmp0 (response, "approved") == 0)
    outcome = ASSAY_PACKET_OUTCOME_APPROVED;
  else if (g_strcmp0 (response, "returned") == 0)
    outcome = ASSAY_PACKET_OUTCOME_RETURNED;
  else
    return;
  json_object_set_string_member (object, "general", g_strstrip (general));
  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  if (!assay_store_packet_record_outcome (self->store, self->packet, outcome, text, &error))
    {
      toast (self, error->message);
      return;
    }
  show_round (self, self->packet);
}

static void
record_outcome_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (widget);
  GtkWidget *dialog, *scroller, *view;
  g_autofree char *general = feedback_for (self->packet, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record the State’s Answer"),
                                   _("Write the state’s general feedback here; feedback on single indicators goes beside each of them."));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), general ? general : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("General feedback"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "returned", _("Returned With _Feedback"), "approved", _("_Approved"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approved", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "buffer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_outcome_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_round_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayPacket) next = assay_store_packet_start_round (self->store, self->packet, &error);

  if (next == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_ptr_array_add (self->rounds, g_object_ref (next));
  fill_rounds (self);
  show_round (self, next);
  toast (self, _("A new round starts from the last one: revise it where the state asked"));
}

typedef struct
{
  AssayPacketExport *data;
  GFile             *pdf;
  GFile             *zip;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  assay_packet_export_free (job->data);
  g_clear_object (&job->pdf);
  g_clear_object (&job->zip);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (assay_packet_export_write (job->data, job->pdf, job->zip, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_open_export_cb (AdwToast          *toast_,
                   AssayPacketWindow *self)
{
  GFile *pdf = g_object_get_data (G_OBJECT (toast_), "pdf");
  g_autofree char *uri = g_file_get_uri (pdf);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packet.export", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }
  {
    AdwToast *done = adw_toast_new (job->zip ? _("Packet and documents exported") : _("Packet exported"));

    adw_toast_set_button_label (done, _("_Open"));
    g_object_set_data_full (G_OBJECT (done), "pdf", g_object_ref (job->pdf), g_object_unref);
    g_signal_connect_object (done, "button-clicked", G_CALLBACK (on_open_export_cb), self, 0);
    adw_toast_overlay_add_toast (self->toast_overlay, done);
  }
}

/**
 * assay_packet_window_export_to:
 *
 * Writes the packet to @pdf (and, @with_documents, a zip beside it with
 * every document) on a worker; a toast says when it is done.
 */
void
assay_packet_window_export_to (AssayPacketWindow *self,
                               GFile             *pdf,
                               gboolean           with_documents)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (ASSAY_IS_PACKET_WINDOW (self));

  assay_packet_window_flush (self);
  job = g_new0 (ExportJob, 1);
  job->data = assay_packet_export_prepare (self->store, self->packet, self->framework, &error);
  if (job->data == NULL)
    {
      export_job_free (job);
      toast (self, error->message);
      return;
    }
  job->pdf = g_object_ref (pdf);
  if (with_documents)
    {
      g_autofree char *path = g_file_get_path (pdf);
      g_autofree char *stem = g_str_has_suffix (path, ".pdf") ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
      g_autofree char *zip = g_strconcat (stem, ".zip", NULL);

      job->zip = g_file_new_for_path (zip);
    }
  self->busy = TRUE;
  /* Until it is done: a zip of many documents takes a few seconds. */
  self->progress_toast = g_object_ref (adw_toast_new (_("Exporting the packet…")));
  adw_toast_set_timeout (self->progress_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->progress_toast));
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packet.export", FALSE);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, assay_packet_window_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (GtkNativeDialog   *dialog,
                       int                response,
                       AssayPacketWindow *self)
{
  gboolean with_documents = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "with-documents"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      assay_packet_window_export_to (self, file, with_documents);
    }
  g_object_unref (dialog);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export the Packet"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s — %s.pdf", assay_credential_get_title (self->credential),
                                           assay_framework_get_id (self->framework));

  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "with-documents",
                     GINT_TO_POINTER (parameter != NULL && g_variant_get_boolean (parameter)));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* -- GObject -- */

static gboolean
assay_packet_window_close_request (GtkWindow *window)
{
  assay_packet_window_flush (ASSAY_PACKET_WINDOW (window));
  return GTK_WINDOW_CLASS (assay_packet_window_parent_class)->close_request (window);
}

static void
assay_packet_window_dispose (GObject *object)
{
  AssayPacketWindow *self = ASSAY_PACKET_WINDOW (object);

  if (self->cards != NULL)
    assay_packet_window_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_PACKET_WINDOW);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->frameworks, g_ptr_array_unref);
  g_clear_object (&self->progress_toast);
  g_clear_object (&self->packet);
  g_clear_object (&self->framework);
  g_clear_object (&self->credential);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_packet_window_parent_class)->dispose (object);
}

static void
assay_packet_window_class_init (AssayPacketWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = assay_packet_window_dispose;
  window_class->close_request = assay_packet_window_close_request;

  g_type_ensure (ASSAY_TYPE_QUALITY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-packet-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, framework_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, readiness_list);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, clock_title);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, clock_detail);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, clock_buttons);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, AssayPacketWindow, indicators_box);

  gtk_widget_class_install_action (widget_class, "packet.record-submission", NULL, record_submission_cb);
  gtk_widget_class_install_action (widget_class, "packet.record-outcome", NULL, record_outcome_cb);
  gtk_widget_class_install_action (widget_class, "packet.start-round", NULL, start_round_cb);
  gtk_widget_class_install_action (widget_class, "packet.export", "b", export_cb);
  gtk_widget_class_install_action (widget_class, "packet.undo-remove", NULL, undo_remove_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "packet.export", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
assay_packet_window_init (AssayPacketWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self->readiness_list, "row-activated", G_CALLBACK (on_readiness_activated_cb), self);
}

static GtkWindow *
find_window (AssayCredential *credential)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_PACKET_WINDOW (window) && ASSAY_PACKET_WINDOW (window)->credential == credential)
        return window;
    }
  return NULL;
}

/**
 * assay_packet_window_present:
 *
 * Shows @credential's approval packet, raising the window already open.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
assay_packet_window_present (AssayStore      *store,
                             AssayCredential *credential,
                             GtkWindow       *parent)
{
  AssayPacketWindow *self;
  GtkWindow *existing = find_window (credential);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  if (existing != NULL)
    {
      gtk_window_present (existing);
      return existing;
    }

  self = g_object_new (ASSAY_TYPE_PACKET_WINDOW,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->credential = g_object_ref (credential);
  self->frameworks = assay_frameworks_get_all (NULL);
  for (guint i = 0; i < self->frameworks->len; i++)
    gtk_string_list_append (titles, assay_framework_get_short_title (g_ptr_array_index (self->frameworks, i)));
  gtk_drop_down_set_model (self->framework_dropdown, G_LIST_MODEL (titles));
  g_signal_connect_object (self->framework_dropdown, "notify::selected", G_CALLBACK (on_framework_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->round_dropdown, "notify::selected", G_CALLBACK (on_round_selected_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->frameworks->len > 0)
    load_framework (self, g_ptr_array_index (self->frameworks, 0));

  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

void
assay_packet_window_set_framework (AssayPacketWindow *self,
                                   const char        *framework_id)
{
  g_return_if_fail (ASSAY_IS_PACKET_WINDOW (self));

  for (guint i = 0; i < self->frameworks->len; i++)
    if (g_strcmp0 (assay_framework_get_id (g_ptr_array_index (self->frameworks, i)), framework_id) == 0)
      gtk_drop_down_set_selected (self->framework_dropdown, i);
}

AssayPacket *
assay_packet_window_get_packet (AssayPacketWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_PACKET_WINDOW (self), NULL);

  return self->packet;
}

AssayFramework *
assay_packet_window_get_framework (AssayPacketWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_PACKET_WINDOW (self), NULL);

  return self->framework;
}

/**
 * assay_packet_window_get_card:
 *
 * Returns: (transfer none) (nullable): the card of @indicator_id
 */
GtkWidget *
assay_packet_window_get_card (AssayPacketWindow *self,
                              const char        *indicator_id)
{
  g_return_val_if_fail (ASSAY_IS_PACKET_WINDOW (self), NULL);

  return g_hash_table_lookup (self->cards, indicator_id);
}

guint
assay_packet_window_get_n_missing (AssayPacketWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_PACKET_WINDOW (self), 0);

  return self->n_missing;
}

/**
 * assay_packet_window_flush:
 *
 * Saves narratives still being typed.
 */
void
assay_packet_window_flush (AssayPacketWindow *self)
{
  GHashTableIter iter;
  gpointer card_widget;

  g_return_if_fail (ASSAY_IS_PACKET_WINDOW (self));

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card_widget))
    {
      Card *card = g_object_get_data (G_OBJECT (card_widget), "card");

      if (card->save_source != 0)
        save_card (card);
    }
}

gboolean
assay_packet_window_get_busy (AssayPacketWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_PACKET_WINDOW (self), FALSE);

  return self->busy;
}
