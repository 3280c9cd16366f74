/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void assay_text_view_fit_content (GtkTextView *view);

G_END_DECLS
