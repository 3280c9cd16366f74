/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-bundle.h"
#include "assay-store.h"

G_BEGIN_DECLS

gboolean assay_bundle_pack (AssayStore  *store,
                            const char  *credential_id,
                            const char  *earner_email,
                            GPtrArray   *files,
                            GHashTable  *reflections,
                            const char  *out_zip,
                            GError     **error);

G_END_DECLS
