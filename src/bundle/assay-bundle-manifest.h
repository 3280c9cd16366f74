/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "assay-bundle.h"

G_BEGIN_DECLS

#define ASSAY_BUNDLE_MANIFEST_NAME      "manifest.json"
#define ASSAY_BUNDLE_MANIFEST_FORMAT    "assay-evidence-bundle"
#define ASSAY_BUNDLE_MANIFEST_VERSION   1
#define ASSAY_BUNDLE_MANIFEST_MAX_BYTES (1024 * 1024)

JsonNode *assay_bundle_manifest_parse          (const char  *data,
                                                gssize       length,
                                                GError     **error);
gboolean  assay_bundle_manifest_check_entries  (JsonNode    *manifest,
                                                GPtrArray   *entries,
                                                GError     **error);

G_END_DECLS
