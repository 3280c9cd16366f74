/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-app"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-preferences-window.h"

struct _AssayPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSpinButton        *autosave_spin;
  AdwActionRow         *workspace_row;
};

G_DEFINE_FINAL_TYPE (AssayPreferencesWindow, assay_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Order of the rows in the style combo; the values the setting stores. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_string (color_schemes[MIN (position, G_N_ELEMENTS (color_schemes) - 1)]);
}

static void
assay_preferences_window_dispose (GObject *object)
{
  AssayPreferencesWindow *self = ASSAY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (assay_preferences_window_parent_class)->dispose (object);
}

static void
assay_preferences_window_class_init (AssayPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AssayPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, AssayPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, AssayPreferencesWindow, workspace_row);
}

static void
assay_preferences_window_init (AssayPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
assay_preferences_window_new (GSettings *settings,
                              GtkWindow *transient_for)
{
  AssayPreferencesWindow *self = g_object_new (ASSAY_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", transient_for,
                                               NULL);
  g_autofree char *last = g_settings_get_string (settings, "last-workspace");

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_position, position_to_scheme, NULL, NULL);
  g_settings_bind (settings, "autosave-delay-ms", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->workspace_row, *last ? last : _("The default workspace"));

  return GTK_WINDOW (self);
}
