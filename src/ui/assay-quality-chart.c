/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-quality-chart.h"

/* The quality self-review at a glance: a bar per component of the
 * framework, split into criteria met, not met and not yet rated. The same
 * figures are the chart's accessible description. */

#define ROW_HEIGHT 30.0
#define LABEL_WIDTH 170.0
#define BAR_HEIGHT 14.0

typedef struct
{
  char *label;
  guint yes;
  guint no;
  guint unrated;
} Row;

struct _AssayQualityChart
{
  GtkWidget  parent_instance;
  GArray    *rows;
};

G_DEFINE_FINAL_TYPE (AssayQualityChart, assay_quality_chart, GTK_TYPE_WIDGET)

static void
clear_row (gpointer data)
{
  g_free (((Row *) data)->label);
}

static void
update_description (AssayQualityChart *self)
{
  g_autofree char *description = assay_quality_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
assay_quality_chart_clear (AssayQualityChart *self)
{
  g_array_set_size (self->rows, 0);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
assay_quality_chart_add_row (AssayQualityChart *self,
                             const char        *label,
                             guint              yes,
                             guint              no,
                             guint              unrated)
{
  Row row = { g_strdup (label), yes, no, unrated };

  g_array_append_val (self->rows, row);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * assay_quality_chart_describe:
 *
 * Returns: the chart in words, a sentence per bar
 */
char *
assay_quality_chart_describe (AssayQualityChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      /* TRANSLATORS: one bar of the quality chart, e.g. "Developers: 12 met, 3 not met, 8 not rated." */
      g_string_append_printf (text, _("%s: %u met, %u not met, %u not rated. "), row->label, row->yes, row->no, row->unrated);
    }
  return g_string_free (text, FALSE);
}

static void
assay_quality_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  AssayQualityChart *self = ASSAY_QUALITY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) LABEL_WIDTH + 120;
  else
    *minimum = *natural = (int) (self->rows->len * ROW_HEIGHT + 24);
}

static void
assay_quality_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AssayQualityChart *self = ASSAY_QUALITY_CHART (widget);
  static const GdkRGBA met = { 0.18, 0.76, 0.49, 1 };
  static const GdkRGBA not_met = { 0.88, 0.11, 0.14, 1 };
  GdkRGBA fg, unrated;
  double width = gtk_widget_get_width (widget);
  double bar_width = MAX (width - LABEL_WIDTH - 70, 40);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  unrated = fg;
  unrated.alpha = 0.18;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      guint total = row->yes + row->no + row->unrated;
      double y = i * ROW_HEIGHT + 4, x = LABEL_WIDTH;
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, row->label);
      g_autofree char *count = g_strdup_printf ("%u/%u", row->yes, total);
      g_autoptr(PangoLayout) figure = gtk_widget_create_pango_layout (widget, count);

      pango_layout_set_width (label, (int) ((LABEL_WIDTH - 12) * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (float) y));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      if (total > 0)
        {
          double w_yes = bar_width * row->yes / total, w_no = bar_width * row->no / total;

          gtk_snapshot_append_color (snapshot, &met, &GRAPHENE_RECT_INIT ((float) x, (float) y + 2, (float) w_yes, BAR_HEIGHT));
          gtk_snapshot_append_color (snapshot, &not_met,
                                     &GRAPHENE_RECT_INIT ((float) (x + w_yes), (float) y + 2, (float) w_no, BAR_HEIGHT));
          gtk_snapshot_append_color (snapshot, &unrated,
                                     &GRAPHENE_RECT_INIT ((float) (x + w_yes + w_no), (float) y + 2,
                                                          (float) (bar_width - w_yes - w_no), BAR_HEIGHT));
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x + bar_width + 10), (float) y));
      gtk_snapshot_append_layout (snapshot, figure, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
assay_quality_chart_finalize (GObject *object)
{
  g_array_unref (ASSAY_QUALITY_CHART (object)->rows);

  G_OBJECT_CLASS (assay_quality_chart_parent_class)->finalize (object);
}

static void
assay_quality_chart_class_init (AssayQualityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = assay_quality_chart_finalize;
  widget_class->measure = assay_quality_chart_measure;
  widget_class->snapshot = assay_quality_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "qualitychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
assay_quality_chart_init (AssayQualityChart *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Criteria met, by component"), -1);
}
