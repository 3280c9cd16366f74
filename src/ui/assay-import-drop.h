/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-store.h"

G_BEGIN_DECLS

void assay_import_drop_attach (GtkWindow  *window,
                               AssayStore *store);

G_END_DECLS
