/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_ARTIFACT (assay_artifact_get_type ())

G_DECLARE_FINAL_TYPE (AssayArtifact, assay_artifact, ASSAY, ARTIFACT, AssayRecord)

AssayArtifact      *assay_artifact_new               (const char *submission_id,
                                                      const char *path,
                                                      const char *title,
                                                      const char *sha256);

const char         *assay_artifact_get_submission_id (AssayArtifact *self);
void                assay_artifact_set_submission_id (AssayArtifact *self,
                                                      const char    *submission_id);
gint64              assay_artifact_get_position      (AssayArtifact *self);
void                assay_artifact_set_position      (AssayArtifact *self,
                                                      gint64         position);
const char         *assay_artifact_get_path          (AssayArtifact *self);
void                assay_artifact_set_path          (AssayArtifact *self,
                                                      const char    *path);
const char         *assay_artifact_get_title         (AssayArtifact *self);
void                assay_artifact_set_title         (AssayArtifact *self,
                                                      const char    *title);
const char         *assay_artifact_get_media_type    (AssayArtifact *self);
void                assay_artifact_set_media_type    (AssayArtifact *self,
                                                      const char    *media_type);
gint64              assay_artifact_get_size          (AssayArtifact *self);
void                assay_artifact_set_size          (AssayArtifact *self,
                                                      gint64         size);
const char         *assay_artifact_get_sha256        (AssayArtifact *self);
void                assay_artifact_set_sha256        (AssayArtifact *self,
                                                      const char    *sha256);
const char         *assay_artifact_get_description   (AssayArtifact *self);
void                assay_artifact_set_description   (AssayArtifact *self,
                                                      const char    *description);
const char * const *assay_artifact_get_criteria      (AssayArtifact *self);
void                assay_artifact_set_criteria      (AssayArtifact      *self,
                                                      const char * const *criteria);

gboolean            assay_artifact_covers_criterion  (AssayArtifact *self,
                                                      const char    *criterion_id);

G_END_DECLS
