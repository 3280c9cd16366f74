/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-catalog-cells.h"
#include "assay-model.h"

/* The catalog's cells. A search keystroke can rebind a couple of hundred
 * rows at once, so binding only sets text: no expression watches, no
 * closures per cell. Rows follow edits because the store announces every
 * saved change (and every change of a row's counts) as items-changed,
 * which rebinds the row.
 */

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

      if (count == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a count and a submission status, e.g. "3 in review" */
      {
        g_autofree char *status = g_utf8_strdown (assay_submission_status_to_label (shown[i]), -1);

        g_string_append_printf (text, C_("submission count", "%u %s"), count, status);
      }
    }

  if (text->len == 0)
    g_string_append (text, "—");

  return g_string_free (text, FALSE);
}

static void
setup_label (GtkListItem *item,
             float        xalign,
             gboolean     dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (xalign > 0.5f)
    gtk_widget_add_css_class (label, "numeric");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AssayCatalogCell cell = GPOINTER_TO_INT (user_data);

  switch (cell)
    {
    case ASSAY_CATALOG_CELL_TITLE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        GtkWidget *title = gtk_label_new (NULL);
        GtkWidget *subtitle = gtk_label_new (NULL);

        gtk_widget_set_margin_top (box, 6);
        gtk_widget_set_margin_bottom (box, 6);
        for (GtkWidget *l = title; l; l = (l == title ? subtitle : NULL))
          {
            gtk_label_set_xalign (GTK_LABEL (l), 0);
            gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
            gtk_box_append (GTK_BOX (box), l);
          }
        gtk_widget_add_css_class (title, "heading");
        gtk_widget_add_css_class (subtitle, "dim-label");
        gtk_widget_add_css_class (subtitle, "caption");
        gtk_list_item_set_child (item, box);
      }
      break;
    case ASSAY_CATALOG_CELL_VERSION:
      setup_label (item, 0.5f, FALSE);
      break;
    case ASSAY_CATALOG_CELL_PD_HOURS:
      setup_label (item, 1.0f, FALSE);
      break;
    case ASSAY_CATALOG_CELL_SUBMISSIONS:
      setup_label (item, 0.0f, FALSE);
      break;
    case ASSAY_CATALOG_CELL_AREA:
    case ASSAY_CATALOG_CELL_STATUS:
    default:
      setup_label (item, 0.0f, FALSE);
      break;
    }
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  AssayCatalogCell cell = GPOINTER_TO_INT (user_data);
  AssayCredential *credential = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (cell)
    {
    case ASSAY_CATALOG_CELL_TITLE:
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)),
                          assay_credential_get_title (credential));
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)),
                          assay_credential_get_competency (credential));
      return;
    case ASSAY_CATALOG_CELL_AREA:
      gtk_label_set_text (GTK_LABEL (child), assay_credential_get_competency_area (credential));
      return;
    case ASSAY_CATALOG_CELL_VERSION:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, assay_credential_get_version (credential));
      break;
    case ASSAY_CATALOG_CELL_STATUS:
      gtk_label_set_text (GTK_LABEL (child),
                          assay_credential_status_to_label (assay_credential_get_status (credential)));
      return;
    case ASSAY_CATALOG_CELL_PD_HOURS:
      text = assay_credential_get_pd_hours (credential) > 0
               ? g_strdup_printf ("%g", assay_credential_get_pd_hours (credential))
               : g_strdup ("—");
      break;
    case ASSAY_CATALOG_CELL_SUBMISSIONS:
      text = assay_catalog_describe_submissions (credential);
      break;
    default:
      return;
    }

  gtk_label_set_text (GTK_LABEL (child), text);
}

GtkListItemFactory *
assay_catalog_cell_factory_new (AssayCatalogCell cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (cell));

  return factory;
}
