/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-resource.h"
#include "assay-store.h"

G_BEGIN_DECLS

GtkWindow *assay_resource_dialog_present (GtkWindow     *parent,
                                          AssayStore    *store,
                                          AssayResource *resource);

G_END_DECLS
