/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-rubric-field.h"
#include "assay-rubric-header.h"
#include "assay-rubric-util.h"
#include "assay-text-view.h"

/* The head of a rubric row (a criterion: title and description) or column
 * (a level: name and points), with a menu to move or remove it. The menu
 * asks the editor around it to act, through the rubric.* actions.
 */
struct _AssayRubricHeader
{
  GtkWidget       parent_instance;

  AssayStore     *store;
  AssayRecord    *record;
  gboolean        editable;

  GtkEntry       *title_entry;
  GtkMenuButton  *menu_button;
  GtkTextView    *description_view;
  GtkWidget      *points_box;
  GtkSpinButton  *points_spin;
  GMenuModel     *criterion_menu;
  GMenuModel     *level_menu;
};

G_DEFINE_FINAL_TYPE (AssayRubricHeader, assay_rubric_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_criterion (AssayRubricHeader *self)
{
  return ASSAY_IS_CRITERION (self->record);
}

static void
forward (AssayRubricHeader *self,
         const char        *criterion_action,
         const char        *level_action)
{
  gtk_widget_activate_action (GTK_WIDGET (self),
                              is_criterion (self) ? criterion_action : level_action,
                              "ms", assay_record_get_id (self->record));
}

static void
move_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  forward (ASSAY_RUBRIC_HEADER (widget), "rubric.move-criterion-up", "rubric.move-level-left");
}

static void
move_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  forward (ASSAY_RUBRIC_HEADER (widget), "rubric.move-criterion-down", "rubric.move-level-right");
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  forward (ASSAY_RUBRIC_HEADER (widget), "rubric.remove-criterion", "rubric.remove-level");
}

static void
assay_rubric_header_constructed (GObject *object)
{
  AssayRubricHeader *self = ASSAY_RUBRIC_HEADER (object);

  G_OBJECT_CLASS (assay_rubric_header_parent_class)->constructed (object);

  g_return_if_fail (ASSAY_IS_STORE (self->store));
  g_return_if_fail (ASSAY_IS_CRITERION (self->record) || ASSAY_IS_LEVEL (self->record));

  if (is_criterion (self))
    {
      gtk_entry_set_placeholder_text (self->title_entry, _("Criterion title"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Criterion Options"));
      gtk_menu_button_set_menu_model (self->menu_button, self->criterion_menu);
      gtk_widget_set_visible (GTK_WIDGET (self->description_view), TRUE);
      assay_text_view_fit_content (self->description_view);
      gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
      gtk_widget_add_css_class (GTK_WIDGET (self), "criterion");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Criterion title"),
                                      -1);
      assay_rubric_field_bind (GTK_WIDGET (self->title_entry), self->store, self->record, "title");
      assay_rubric_field_bind (GTK_WIDGET (self->description_view), self->store, self->record, "description");
    }
  else
    {
      gtk_entry_set_placeholder_text (self->title_entry, _("Level name"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Level Options"));
      gtk_menu_button_set_menu_model (self->menu_button, self->level_menu);
      gtk_widget_set_visible (self->points_box, TRUE);
      gtk_widget_set_size_request (GTK_WIDGET (self), 180, -1);
      gtk_widget_add_css_class (GTK_WIDGET (self), "level");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Level name"),
                                      -1);
      assay_rubric_field_bind (GTK_WIDGET (self->title_entry), self->store, self->record, "name");
      assay_rubric_field_bind (GTK_WIDGET (self->points_spin), self->store, self->record, "points");
    }
}

static void
assay_rubric_header_dispose (GObject *object)
{
  AssayRubricHeader *self = ASSAY_RUBRIC_HEADER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_RUBRIC_HEADER);
  /* The template's root has no id: unparent it by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_rubric_header_parent_class)->dispose (object);
}

static void
assay_rubric_header_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AssayRubricHeader *self = ASSAY_RUBRIC_HEADER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_rubric_header_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AssayRubricHeader *self = ASSAY_RUBRIC_HEADER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      assay_rubric_header_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_rubric_header_class_init (AssayRubricHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = assay_rubric_header_constructed;
  object_class->dispose = assay_rubric_header_dispose;
  object_class->get_property = assay_rubric_header_get_property;
  object_class->set_property = assay_rubric_header_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASSAY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ASSAY_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-rubric-header.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rubricheader");

  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, description_view);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, points_box);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, points_spin);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, criterion_menu);
  gtk_widget_class_bind_template_child (widget_class, AssayRubricHeader, level_menu);

  gtk_widget_class_install_action (widget_class, "header.move-back", NULL, move_back_action);
  gtk_widget_class_install_action (widget_class, "header.move-forward", NULL, move_forward_action);
  gtk_widget_class_install_action (widget_class, "header.remove", NULL, remove_action);
}

static void
assay_rubric_header_init (AssayRubricHeader *self)
{
  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * assay_rubric_header_new:
 * @record: an #AssayCriterion or an #AssayLevel
 */
GtkWidget *
assay_rubric_header_new (AssayStore  *store,
                         AssayRecord *record)
{
  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (ASSAY_IS_CRITERION (record) || ASSAY_IS_LEVEL (record), NULL);

  return g_object_new (ASSAY_TYPE_RUBRIC_HEADER, "store", store, "record", record, NULL);
}

AssayRecord *
assay_rubric_header_get_record (AssayRubricHeader *self)
{
  g_return_val_if_fail (ASSAY_IS_RUBRIC_HEADER (self), NULL);

  return self->record;
}

gboolean
assay_rubric_header_get_editable (AssayRubricHeader *self)
{
  g_return_val_if_fail (ASSAY_IS_RUBRIC_HEADER (self), FALSE);

  return self->editable;
}

void
assay_rubric_header_set_editable (AssayRubricHeader *self,
                                  gboolean           editable)
{
  g_return_if_fail (ASSAY_IS_RUBRIC_HEADER (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;

  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), editable);
  gtk_entry_set_has_frame (self->title_entry, editable);
  gtk_text_view_set_editable (self->description_view, editable);
  gtk_text_view_set_cursor_visible (self->description_view, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->points_spin), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), editable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * assay_rubric_header_set_position:
 * @can_remove: whether the rubric can spare this row or column
 *
 * Enables the menu items that make sense at @position among @n_siblings.
 */
void
assay_rubric_header_set_position (AssayRubricHeader *self,
                                  guint              position,
                                  guint              n_siblings,
                                  gboolean           can_remove)
{
  g_return_if_fail (ASSAY_IS_RUBRIC_HEADER (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.move-back", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.move-forward", position + 1 < n_siblings);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "header.remove", can_remove);
}

/* Puts the cursor in the title, all selected, ready to be typed over. */
void
assay_rubric_header_focus_title (AssayRubricHeader *self)
{
  g_return_if_fail (ASSAY_IS_RUBRIC_HEADER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}
