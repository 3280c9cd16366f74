/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-rubric-field.h"
#include "assay-rubric-rule.h"
#include "assay-rubric-util.h"

/* The rubric's decision rule: every criterion at or above a level, or a
 * minimum total of points. The level choices are the rubric's live level
 * list, so renaming or reordering a level shows here at once.
 */
struct _AssayRubricRule
{
  AdwPreferencesGroup  parent_instance;

  AssayStore          *store;
  AssayRubric         *rubric;
  GListModel          *criteria;
  GListModel          *levels;
  gboolean             editable;
  guint                syncing : 1;

  AdwComboRow         *rule_row;
  AdwComboRow         *level_row;
  AdwActionRow        *total_row;
  GtkWidget           *total_spin;
};

G_DEFINE_FINAL_TYPE (AssayRubricRule, assay_rubric_rule, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
maximum_total (AssayRubricRule *self)
{
  guint n_levels = self->levels ? g_list_model_get_n_items (self->levels) : 0;
  guint n_criteria = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;
  gint64 top = 0;

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(AssayLevel) level = g_list_model_get_item (self->levels, i);

      top = MAX (top, assay_level_get_points (level));
    }

  return top * (gint64) n_criteria;
}

static void
sync_total (AssayRubricRule *self)
{
  g_autofree char *subtitle = NULL;
  gint64 maximum;

  if (self->rubric == NULL)
    return;

  maximum = maximum_total (self);
  if (assay_rubric_get_minimum_total (self->rubric) > maximum)
    subtitle = g_strdup_printf (_("More than the %d points a submission can score"), (int) maximum);
  else
    subtitle = g_strdup_printf (_("Out of a possible %d points"), (int) maximum);

  adw_action_row_set_subtitle (self->total_row, subtitle);
}

static void
sync_rule (AssayRubricRule *self)
{
  AssayDecisionRule rule;

  if (self->rubric == NULL)
    return;

  rule = assay_rubric_get_rule (self->rubric);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->rule_row, rule == ASSAY_DECISION_RULE_MINIMUM_TOTAL ? 1 : 0);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->level_row), rule == ASSAY_DECISION_RULE_ALL_AT_LEVEL);
  gtk_widget_set_visible (GTK_WIDGET (self->total_row), rule == ASSAY_DECISION_RULE_MINIMUM_TOTAL);
}

static void
sync_level (AssayRubricRule *self)
{
  g_autoptr(AssayLevel) level = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->rubric == NULL)
    return;

  level = assay_rubric_find_by_id (self->levels, assay_rubric_get_rule_level_id (self->rubric));
  if (level != NULL)
    assay_rubric_find_in_model (self->levels, level, &position);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->level_row, position);
  self->syncing = FALSE;
}

static void
save_rubric (AssayRubricRule *self)
{
  g_autoptr(GError) error = NULL;

  if (!assay_store_save (self->store, self->rubric, &error))
    assay_rubric_report_error (GTK_WIDGET (self), error);
}

static void
on_rule_row_selected_cb (AdwComboRow     *row,
                         GParamSpec      *pspec,
                         AssayRubricRule *self)
{
  AssayDecisionRule rule;

  if (self->syncing || self->rubric == NULL)
    return;

  rule = adw_combo_row_get_selected (row) == 1 ? ASSAY_DECISION_RULE_MINIMUM_TOTAL
                                               : ASSAY_DECISION_RULE_ALL_AT_LEVEL;
  if (rule == assay_rubric_get_rule (self->rubric))
    return;

  assay_rubric_set_rule (self->rubric, rule);
  save_rubric (self);
}

static void
on_level_row_selected_cb (AdwComboRow     *row,
                          GParamSpec      *pspec,
                          AssayRubricRule *self)
{
  AssayLevel *level;

  if (self->syncing || self->rubric == NULL)
    return;

  level = adw_combo_row_get_selected_item (row);
  if (level == NULL ||
      g_strcmp0 (assay_record_get_id (ASSAY_RECORD (level)), assay_rubric_get_rule_level_id (self->rubric)) == 0)
    return;

  assay_rubric_set_rule_level_id (self->rubric, assay_record_get_id (ASSAY_RECORD (level)));
  save_rubric (self);
}

/* The combo row's own selection follows the level list first (and may pick
 * another level on its own): hold off until the list has settled, then show
 * the rubric's choice again. */
static void
on_levels_items_changed_cb (AssayRubricRule *self)
{
  self->syncing = TRUE;
}

static void
on_levels_items_changed_after_cb (AssayRubricRule *self)
{
  self->syncing = FALSE;
  sync_level (self);
  sync_total (self);
}

static void
on_criteria_items_changed_cb (AssayRubricRule *self)
{
  sync_total (self);
}

static void
on_rubric_notify_cb (AssayRubricRule *self)
{
  sync_rule (self);
  sync_level (self);
  sync_total (self);
}

static void
disconnect (AssayRubricRule *self)
{
  if (self->rubric != NULL)
    g_signal_handlers_disconnect_by_data (self->rubric, self);
  if (self->levels != NULL)
    g_signal_handlers_disconnect_by_data (self->levels, self);
  if (self->criteria != NULL)
    g_signal_handlers_disconnect_by_data (self->criteria, self);

  if (self->total_spin != NULL)
    {
      adw_action_row_remove (self->total_row, self->total_spin);
      self->total_spin = NULL;
    }

  self->syncing = TRUE;
  adw_combo_row_set_model (self->level_row, NULL);
  self->syncing = FALSE;

  g_clear_object (&self->rubric);
  g_clear_object (&self->levels);
  g_clear_object (&self->criteria);
  g_clear_object (&self->store);
}

static void
assay_rubric_rule_dispose (GObject *object)
{
  AssayRubricRule *self = ASSAY_RUBRIC_RULE (object);

  disconnect (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_RUBRIC_RULE);

  G_OBJECT_CLASS (assay_rubric_rule_parent_class)->dispose (object);
}

static void
assay_rubric_rule_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AssayRubricRule *self = ASSAY_RUBRIC_RULE (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_rubric_rule_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AssayRubricRule *self = ASSAY_RUBRIC_RULE (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      assay_rubric_rule_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_rubric_rule_class_init (AssayRubricRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_rubric_rule_dispose;
  object_class->get_property = assay_rubric_rule_get_property;
  object_class->set_property = assay_rubric_rule_set_property;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ASSAY_TYPE_LEVEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-rubric-rule.ui");

  gtk_widget_class_bind_template_child (widget_class, AssayRubricRule, rule_row);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricRule, level_row);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricRule, total_row);

  gtk_widget_class_bind_template_callback (widget_class, on_rule_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_level_row_selected_cb);
}

static void
assay_rubric_rule_init (AssayRubricRule *self)
{
  self->editable = TRUE;
  self->syncing = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->syncing = FALSE;
}

GtkWidget *
assay_rubric_rule_new (void)
{
  return g_object_new (ASSAY_TYPE_RUBRIC_RULE, NULL);
}

/**
 * assay_rubric_rule_set_rubric:
 * @criteria: the rubric's live criterion list
 * @levels: the rubric's live level list, in position order
 *
 * Shows and edits the decision rule of @rubric, or nothing if %NULL.
 */
void
assay_rubric_rule_set_rubric (AssayRubricRule *self,
                              AssayStore      *store,
                              AssayRubric     *rubric,
                              GListModel      *criteria,
                              GListModel      *levels)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (ASSAY_IS_RUBRIC_RULE (self));
  g_return_if_fail (!rubric || (ASSAY_IS_STORE (store) && G_IS_LIST_MODEL (criteria) && G_IS_LIST_MODEL (levels)));

  disconnect (self);

  if (rubric == NULL)
    return;

  self->store = g_object_ref (store);
  self->rubric = g_object_ref (rubric);
  self->criteria = g_object_ref (criteria);
  self->levels = g_object_ref (levels);

  g_signal_connect_object (levels, "items-changed", G_CALLBACK (on_levels_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->syncing = TRUE;
  adw_combo_row_set_model (self->level_row, levels);
  self->syncing = FALSE;
  g_signal_connect_object (levels, "items-changed", G_CALLBACK (on_levels_items_changed_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (criteria, "items-changed", G_CALLBACK (on_criteria_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rubric, "notify", G_CALLBACK (on_rubric_notify_cb), self, G_CONNECT_SWAPPED);

  /* A field edits one record for its life: a new rubric gets a new spin. */
  adjustment = gtk_adjustment_new (0, 0, 10000, 1, 5, 0);
  self->total_spin = gtk_spin_button_new (adjustment, 1, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->total_spin), TRUE);
  gtk_widget_set_valign (self->total_spin, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (self->total_spin, self->editable);
  assay_rubric_set_accessible_label (self->total_spin, _("Minimum total"));
  adw_action_row_add_suffix (self->total_row, self->total_spin);
  assay_rubric_field_bind (self->total_spin, store, rubric, "minimum-total");

  sync_rule (self);
  sync_level (self);
  sync_total (self);
}

gboolean
assay_rubric_rule_get_editable (AssayRubricRule *self)
{
  g_return_val_if_fail (ASSAY_IS_RUBRIC_RULE (self), FALSE);

  return self->editable;
}

void
assay_rubric_rule_set_editable (AssayRubricRule *self,
                                gboolean         editable)
{
  g_return_if_fail (ASSAY_IS_RUBRIC_RULE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->rule_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), editable);
  if (self->total_spin != NULL)
    gtk_widget_set_sensitive (self->total_spin, editable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
