/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-catalog-cells.h"
#include "assay-model.h"

/* The catalog's rows and their header. A search keystroke can rebind the
 * couple of hundred rows GtkListView keeps, so a row is one list item (not
 * one per column, as in GtkColumnView), binding only sets text, and the
 * text sits in GtkInscriptions, which do not lay out text to measure
 * themselves. Rows follow edits because the store announces every saved
 * change, and every change of a row's counts, as items-changed.
 */

static const struct {
  const char *title;
  int         width;   /* -1: takes the remaining space */
  float       xalign;
} columns[ASSAY_CATALOG_N_COLUMNS] = {
  [ASSAY_CATALOG_COLUMN_TITLE] = { N_("Title"), -1, 0.0f },
  [ASSAY_CATALOG_COLUMN_AREA] = { N_("Competency Area"), 170, 0.0f },
  [ASSAY_CATALOG_COLUMN_VERSION] = { N_("Version"), 84, 0.5f },
  [ASSAY_CATALOG_COLUMN_STATUS] = { N_("Status"), 96, 0.0f },
  [ASSAY_CATALOG_COLUMN_APPROVAL] = { N_("State Approval"), 150, 0.0f },
  [ASSAY_CATALOG_COLUMN_PD_HOURS] = { N_("PD Hours"), 100, 1.0f },
  [ASSAY_CATALOG_COLUMN_SUBMISSIONS] = { N_("Submissions"), 240, 0.0f },
};

#define COLUMN_SPACING 12

char *
assay_catalog_describe_submissions (gpointer item)
{
  AssayCredential *credential = item;
  static const AssaySubmissionStatus shown[] = {
    ASSAY_SUBMISSION_STATUS_RECEIVED, ASSAY_SUBMISSION_STATUS_IN_REVIEW,
    ASSAY_SUBMISSION_STATUS_AWARDED, ASSAY_SUBMISSION_STATUS_NOT_YET,
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      guint count = assay_credential_get_submission_count (credential, shown[i]);
      g_autofree char *status = NULL;

      if (count == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      status = g_utf8_strdown (assay_submission_status_to_label (shown[i]), -1);
      /* Translators: a count and a submission status, e.g. "3 in review" */
      g_string_append_printf (text, C_("submission count", "%u %s"), count, status);
    }

  if (text->len == 0)
    g_string_append (text, "—");

  return g_string_free (text, FALSE);
}

/**
 * assay_catalog_describe_approval:
 *
 * Returns: where the credential's ISBE approval packet stands, in words
 */
char *
assay_catalog_describe_approval (gpointer item)
{
  const char *approval = assay_credential_get_approval (item);

  if (approval == NULL)
    return g_strdup ("—");
  if (g_str_has_prefix (approval, "submitted "))
    /* Translators: the approval packet is with the state, answer due on a day */
    return g_strdup_printf (_("Sent, due %s"), approval + strlen ("submitted "));
  if (g_str_equal (approval, "approved"))
    return g_strdup (_("Approved"));
  if (g_str_equal (approval, "returned"))
    return g_strdup (_("Returned"));
  return g_strdup (_("Packet draft"));
}

/* Approved first, then with the state, returned, in draft, none. */
static int
approval_rank (AssayCredential *credential)
{
  const char *approval = assay_credential_get_approval (credential);

  if (approval == NULL)
    return 4;
  if (g_str_equal (approval, "approved"))
    return 0;
  if (g_str_has_prefix (approval, "submitted"))
    return 1;
  if (g_str_equal (approval, "returned"))
    return 2;
  return 3;
}

static guint
total_submissions (AssayCredential *credential)
{
  guint total = 0;

  for (guint s = 0; s < ASSAY_N_SUBMISSION_STATUSES; s++)
    total += assay_credential_get_submission_count (credential, s);

  return total;
}

#define COMPARE(x, y) (((x) > (y)) - ((x) < (y)))

int
assay_catalog_compare (gpointer           a,
                       gpointer           b,
                       AssayCatalogColumn column)
{
  AssayCredential *ca = a, *cb = b;

  switch (column)
    {
    case ASSAY_CATALOG_COLUMN_AREA:
      return g_utf8_collate (assay_credential_get_competency_area (ca) ?: "",
                             assay_credential_get_competency_area (cb) ?: "");
    case ASSAY_CATALOG_COLUMN_VERSION:
      return COMPARE (assay_credential_get_version (ca), assay_credential_get_version (cb));
    case ASSAY_CATALOG_COLUMN_STATUS:
      return COMPARE (assay_credential_get_status (ca), assay_credential_get_status (cb));
    case ASSAY_CATALOG_COLUMN_APPROVAL:
      return COMPARE (approval_rank (ca), approval_rank (cb));
    case ASSAY_CATALOG_COLUMN_PD_HOURS:
      return COMPARE (assay_credential_get_pd_hours (ca), assay_credential_get_pd_hours (cb));
    case ASSAY_CATALOG_COLUMN_SUBMISSIONS:
      return COMPARE (total_submissions (ca), total_submissions (cb));
    case ASSAY_CATALOG_COLUMN_TITLE:
    case ASSAY_CATALOG_N_COLUMNS:
    default:
      return g_utf8_collate (assay_credential_get_title (ca) ?: "", assay_credential_get_title (cb) ?: "");
    }
}

static GtkWidget *
new_text (AssayCatalogColumn column)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), columns[column].xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 1);
  if (columns[column].xalign > 0.5f)
    gtk_widget_add_css_class (text, "numeric");

  return text;
}

static void
place (GtkWidget          *widget,
       AssayCatalogColumn  column)
{
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  /* set explicitly either way, so that an expanding child cannot widen a
   * fixed column */
  gtk_widget_set_hexpand (widget, columns[column].width < 0);
  if (columns[column].width >= 0)
    gtk_widget_set_size_request (widget, columns[column].width, -1);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, COLUMN_SPACING);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = new_text (ASSAY_CATALOG_COLUMN_TITLE);
  GtkWidget *subtitle = new_text (ASSAY_CATALOG_COLUMN_TITLE);

  gtk_widget_add_css_class (row, "catalog-row");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (title_box), subtitle);
  place (title_box, ASSAY_CATALOG_COLUMN_TITLE);
  gtk_box_append (GTK_BOX (row), title_box);

  for (guint column = ASSAY_CATALOG_COLUMN_AREA; column < ASSAY_CATALOG_N_COLUMNS; column++)
    {
      GtkWidget *text = new_text (column);

      place (text, column);
      gtk_box_append (GTK_BOX (row), text);
    }

  gtk_list_item_set_child (item, row);
}

static void
set_text (GtkWidget  **cell,
          const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (*cell), text);
  *cell = gtk_widget_get_next_sibling (*cell);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  AssayCredential *credential = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *title_box = gtk_widget_get_first_child (row);
  GtkWidget *cell = gtk_widget_get_first_child (title_box);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, assay_credential_get_version (credential));
  g_autofree char *hours = assay_credential_get_pd_hours (credential) > 0
                             ? g_strdup_printf ("%g", assay_credential_get_pd_hours (credential))
                             : g_strdup ("—");
  g_autofree char *submissions = assay_catalog_describe_submissions (credential);
  g_autofree char *approval = assay_catalog_describe_approval (credential);

  set_text (&cell, assay_credential_get_title (credential));
  set_text (&cell, assay_credential_get_competency (credential));

  cell = gtk_widget_get_next_sibling (title_box);
  set_text (&cell, assay_credential_get_competency_area (credential));
  set_text (&cell, version);
  set_text (&cell, assay_credential_status_to_label (assay_credential_get_status (credential)));
  set_text (&cell, approval);
  set_text (&cell, hours);
  set_text (&cell, submissions);
}

GtkListItemFactory *
assay_catalog_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);

  return factory;
}

/**
 * assay_catalog_header_new:
 * @action_name: an action taking the column number ("u") to sort by
 *
 * Returns: (transfer floating): a row of sort buttons aligned with the rows
 */
GtkWidget *
assay_catalog_header_new (const char *action_name)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, COLUMN_SPACING);

  gtk_widget_add_css_class (header, "catalog-header");

  for (guint column = 0; column < ASSAY_CATALOG_N_COLUMNS; column++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_inscription_new (_(columns[column].title));
      GtkWidget *arrow = gtk_image_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Sort by %s"), _(columns[column].title));

      /* Inscriptions ask for no width of their own, so every header cell is
       * exactly as wide as the row cells below it. */
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), columns[column].xalign);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (content), label);
      gtk_box_append (GTK_BOX (content), arrow);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", column);
      place (button, column);
      gtk_box_append (GTK_BOX (header), button);
    }

  return header;
}

void
assay_catalog_header_show_sort (GtkWidget          *header,
                                AssayCatalogColumn  sorted,
                                gboolean            descending)
{
  guint column = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (header); button;
       button = gtk_widget_get_next_sibling (button), column++)
    {
      GtkWidget *content = gtk_button_get_child (GTK_BUTTON (button));
      GtkWidget *arrow = gtk_widget_get_last_child (content);

      gtk_image_set_from_icon_name (GTK_IMAGE (arrow),
                                    column != sorted ? NULL
                                    : descending ? "pan-down-symbolic" : "pan-up-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                   column == sorted ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
    }
}
