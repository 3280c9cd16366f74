/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-store.h"

G_BEGIN_DECLS

/* Binds one property of a stored record to the widget that edits it.
 *
 * The widget shows the value and follows every change to it, whichever
 * window made it. Typing sets the property at once, so every view of the
 * record follows along, and saves it after a short pause (GSettings key
 * "autosave-delay-ms"), when the widget loses focus and when it is unmapped.
 * A switch saves at once. While the typed value cannot be saved (a blank
 * title) the widget says why with the "error" style and a tooltip, and the
 * save waits for focus-out; a save that fails there is undone by the store,
 * which puts the stored value back, and the reason shows in a toast (or a
 * dialog when no AdwToastOverlay is around).
 *
 * Widgets: GtkSpinButton (integer property), GtkSwitch (boolean),
 * GtkTextView and any other GtkEditable (string).
 */

void     assay_rubric_field_bind        (GtkWidget    *widget,
                                         AssayStore   *store,
                                         gpointer      record,
                                         const char   *property);
gboolean assay_rubric_field_flush       (GtkWidget    *widget);
gboolean assay_rubric_field_flush_focused (GtkWidget  *within);
void     assay_rubric_field_discard     (GtkWidget    *widget);
gboolean assay_rubric_field_is_pending  (GtkWidget    *widget);
void     assay_rubric_field_show_error  (GtkWidget    *widget,
                                         const GError *error);
void     assay_rubric_field_clear_error (GtkWidget    *widget);
guint    assay_rubric_field_get_delay   (void);

G_END_DECLS
