/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-bundle.h"
#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

/* Progress of an asynchronous import, called on the caller's main context. */
typedef AssayBundleProgress AssayBundleImportProgress;

AssaySubmission *assay_bundle_import             (AssayStore                 *store,
                                                  AssayBundleContents        *contents,
                                                  const char                 *credential_id,
                                                  const char                 *earner_email,
                                                  GError                    **error);
AssaySubmission *assay_bundle_import_file        (AssayStore                 *store,
                                                  const char                 *zip_path,
                                                  const char                 *credential_id,
                                                  const char                 *earner_email,
                                                  GCancellable               *cancellable,
                                                  GError                    **error);
void             assay_bundle_import_file_async  (AssayStore                 *store,
                                                  const char                 *zip_path,
                                                  const char                 *credential_id,
                                                  const char                 *earner_email,
                                                  AssayBundleImportProgress   progress,
                                                  gpointer                    progress_data,
                                                  GDestroyNotify              progress_destroy,
                                                  GCancellable               *cancellable,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
AssaySubmission *assay_bundle_import_file_finish (AssayStore                 *store,
                                                  GAsyncResult               *result,
                                                  GError                    **error);

G_END_DECLS
