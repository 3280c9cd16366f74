/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

/* The demonstration workspace: `assay --demo`, `assay-cli demo`, the
 * first-run screen and the tests fill a fresh workspace from the same data.
 */
#define ASSAY_DEMO_RESOURCE "/app/assay/Assay/demo/demo-workspace.json"

gboolean assay_demo_populate            (AssayStore       *store,
                                         GError          **error);
gboolean assay_demo_populate_from_bytes (AssayStore       *store,
                                         GBytes           *json,
                                         GError          **error);
gboolean assay_demo_add_scale           (AssayStore       *store,
                                         guint             n,
                                         GError          **error);

G_END_DECLS
