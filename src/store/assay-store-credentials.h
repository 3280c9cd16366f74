/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

AssayCredential *assay_store_create_credential   (AssayStore       *self,
                                                  const char       *title,
                                                  GError          **error);
AssayRubric     *assay_store_get_rubric          (AssayStore       *self,
                                                  AssayCredential  *credential,
                                                  GError          **error);
gboolean         assay_store_check_publishable   (AssayStore       *self,
                                                  AssayCredential  *credential,
                                                  GError          **error);
gboolean         assay_store_publish_credential  (AssayStore       *self,
                                                  AssayCredential  *credential,
                                                  const char       *actor_id,
                                                  GError          **error);
gboolean         assay_store_retire_credential   (AssayStore       *self,
                                                  AssayCredential  *credential,
                                                  const char       *actor_id,
                                                  GError          **error);
AssayCredential *assay_store_new_version         (AssayStore       *self,
                                                  AssayCredential  *credential,
                                                  GError          **error);
AssayCriterion  *assay_store_add_criterion       (AssayStore       *self,
                                                  AssayRubric      *rubric,
                                                  const char       *title,
                                                  GError          **error);
AssayLevel      *assay_store_add_level           (AssayStore       *self,
                                                  AssayRubric      *rubric,
                                                  const char       *name,
                                                  gint64            points,
                                                  GError          **error);
AssayRubricCell *assay_store_get_cell            (AssayStore       *self,
                                                  AssayCriterion   *criterion,
                                                  AssayLevel       *level,
                                                  GError          **error);
gboolean         assay_store_move                (AssayStore       *self,
                                                  GListModel       *siblings,
                                                  guint             from,
                                                  guint             to,
                                                  GError          **error);

G_END_DECLS
