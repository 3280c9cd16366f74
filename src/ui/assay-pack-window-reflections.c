/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-pack-window-private.h"
#include "assay-text-view.h"

/* The Reflections page: rubrics carry no prompts of their own, so the
 * educator writes one reflection per criterion, plus a general one, under
 * the credential's submission guidelines (which say what the reflection
 * should cover and how long it should be). The texts are kept by criterion
 * id, so that choosing another credential and coming back loses nothing.
 */

#define GENERAL_KEY ""

guint
_assay_pack_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      GtkLabel      *label)
{
  g_autofree char *text = buffer_text (buffer);
  guint words = _assay_pack_count_words (text);
  g_autofree char *shown = g_strdup_printf (ngettext ("%u word", "%u words", words), words);

  gtk_label_set_label (label, shown);
}

static GtkTextBuffer *
buffer_for (AssayPackWindow *self,
            const char      *key)
{
  GtkTextBuffer *buffer = g_hash_table_lookup (self->reflections, key);

  if (buffer == NULL)
    {
      buffer = gtk_text_buffer_new (NULL);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (_assay_pack_window_changed), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->reflections, g_strdup (key), buffer);
    }

  return buffer;
}

static GtkWidget *
create_group (AssayPackWindow *self,
              const char      *key,
              const char      *title,
              const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = buffer_for (self, key);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), count);

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (view), buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "profile-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  assay_text_view_fit_content (GTK_TEXT_VIEW (view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), view);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), count, 0);
  on_buffer_changed_cb (buffer, GTK_LABEL (count));

  return group;
}

static void
add_group (AssayPackWindow *self,
           GtkWidget       *group)
{
  adw_preferences_page_add (self->reflections_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->reflection_groups, group);
}

/* Made again when another credential is chosen. */
void
_assay_pack_window_reflections_rebuild (AssayPackWindow *self)
{
  const char *guidelines = self->credential ? assay_credential_get_submission_guidelines (self->credential) : NULL;
  guint n = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;

  for (guint i = 0; i < self->reflection_groups->len; i++)
    adw_preferences_page_remove (self->reflections_page, g_ptr_array_index (self->reflection_groups, i));
  g_ptr_array_set_size (self->reflection_groups, 0);

  gtk_label_set_label (self->guidelines_label, guidelines ? guidelines : "");
  gtk_widget_set_visible (GTK_WIDGET (self->guidelines_group), guidelines != NULL && *guidelines != '\0');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (self->criteria, i);

      add_group (self, create_group (self, assay_record_get_id (ASSAY_RECORD (criterion)),
                                     assay_criterion_get_title (criterion),
                                     assay_criterion_get_description (criterion)));
    }
  add_group (self, create_group (self, GENERAL_KEY, _("General Reflection"),
                                 _("Anything else the assessors should know about your evidence")));
}

static gboolean
has_words (const char *text)
{
  return _assay_pack_count_words (text) > 0;
}

/* The reflections written for the current rubric, as typed. */
void
_assay_pack_window_reflections_plan (AssayPackWindow *self,
                                     AssayBundlePlan *plan)
{
  guint n = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;
  g_autofree char *general = buffer_text (buffer_for (self, GENERAL_KEY));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (self->criteria, i);
      const char *id = assay_record_get_id (ASSAY_RECORD (criterion));
      g_autofree char *text = buffer_text (buffer_for (self, id));
      g_autofree char *prompt = NULL;

      if (!has_words (text))
        continue;
      prompt = g_strdup_printf (_("Reflection on “%s”"), assay_criterion_get_title (criterion));
      assay_bundle_plan_add_reflection (plan, prompt, id, text);
    }
  if (has_words (general))
    assay_bundle_plan_add_reflection (plan, _("General reflection"), NULL, general);
}

void
_assay_pack_window_reflections_count (AssayPackWindow *self,
                                      guint           *written,
                                      guint           *words)
{
  guint n = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;

  *written = *words = 0;
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(AssayCriterion) criterion = i < n ? g_list_model_get_item (self->criteria, i) : NULL;
      const char *key = criterion ? assay_record_get_id (ASSAY_RECORD (criterion)) : GENERAL_KEY;
      GtkTextBuffer *buffer = g_hash_table_lookup (self->reflections, key);
      g_autofree char *text = buffer ? buffer_text (buffer) : NULL;
      guint count = _assay_pack_count_words (text);

      *written += count > 0;
      *words += count;
    }
}
