/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-bundle.h"
#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

/* What goes into one evidence bundle. It is made on the thread that owns
 * the store (it looks the credential, the earner and the rubric up there);
 * writing it reads only the plan and the files, so it may run on any
 * thread. A plan cannot change once it is being written.
 */
typedef struct _AssayBundlePlan AssayBundlePlan;

AssayBundlePlan *assay_bundle_plan_new            (AssayStore           *store,
                                                   const char           *credential_id,
                                                   const char           *earner_name,
                                                   const char           *earner_email,
                                                   const char           *licence_number,
                                                   GError              **error);
AssayBundlePlan *assay_bundle_plan_ref            (AssayBundlePlan      *plan);
void             assay_bundle_plan_unref          (AssayBundlePlan      *plan);
guint            assay_bundle_plan_get_attempt    (AssayBundlePlan      *plan);
void             assay_bundle_plan_add_file       (AssayBundlePlan      *plan,
                                                   const char           *path,
                                                   const char           *title,
                                                   const char           *description,
                                                   const char * const   *criteria);
void             assay_bundle_plan_add_reflection (AssayBundlePlan      *plan,
                                                   const char           *prompt,
                                                   const char           *criterion_id,
                                                   const char           *text);
gboolean         assay_bundle_plan_write          (AssayBundlePlan      *plan,
                                                   const char           *out_zip,
                                                   AssayBundleProgress   progress,
                                                   gpointer              user_data,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void             assay_bundle_plan_write_async    (AssayBundlePlan      *plan,
                                                   const char           *out_zip,
                                                   AssayBundleProgress   progress,
                                                   gpointer              progress_data,
                                                   GDestroyNotify        progress_destroy,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         assay_bundle_plan_write_finish   (GAsyncResult         *result,
                                                   GError              **error);

guint            assay_bundle_next_attempt        (AssayStore           *store,
                                                   AssayCredential      *credential,
                                                   const char           *earner_email);
gboolean         assay_bundle_check_file_name     (const char           *path,
                                                   char                **name,
                                                   GError              **error);

gboolean         assay_bundle_pack                (AssayStore           *store,
                                                   const char           *credential_id,
                                                   const char           *earner_email,
                                                   GPtrArray            *files,
                                                   GHashTable           *reflections,
                                                   const char           *out_zip,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AssayBundlePlan, assay_bundle_plan_unref)

G_END_DECLS
