/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-bundle.h"

G_BEGIN_DECLS

typedef void (*BundleBuildFunc)  (const char *path);
typedef void (*BundleCheckFunc)  (AssayBundleContents *contents);
typedef void (*BundleLimitsFunc) (AssayBundleLimits *limits);

typedef struct
{
  const char       *name;
  BundleBuildFunc   build;
  int               expected;   /* an AssayBundleError, or -1 when accepted */
  BundleLimitsFunc  limits;
  BundleCheckFunc   check;
} BundleCase;

extern const BundleCase bundle_cases[];
extern const guint n_bundle_cases;

extern const char pdf[];
extern const char png[];
extern const char jpeg[];
extern const char mp4[];
extern const char webm[];
extern const char text[];
extern const char markdown[];
extern const gsize png_length;
extern const gsize jpeg_length;
extern const gsize mp4_length;
extern const gsize webm_length;

void              build_deflated (const char          *path);
AssayBundleEntry *find_entry     (AssayBundleContents *contents,
                                  const char          *path);
void              assert_entry   (AssayBundleContents *contents,
                                  const char          *path,
                                  const char          *data,
                                  gsize                length,
                                  const char          *media_type);

G_END_DECLS
