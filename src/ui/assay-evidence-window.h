/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-artifact.h"
#include "assay-note.h"
#include "assay-store.h"
#include "assay-submission.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_EVIDENCE_WINDOW (assay_evidence_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayEvidenceWindow, assay_evidence_window, ASSAY, EVIDENCE_WINDOW, AdwApplicationWindow)

GtkWindow      *assay_evidence_window_present         (AssayStore          *store,
                                                       AssaySubmission     *submission,
                                                       GtkWindow           *parent);
GtkWindow      *assay_evidence_window_new             (AssayStore          *store,
                                                       AssaySubmission     *submission,
                                                       AssayArtifact       *artifact,
                                                       GtkApplication      *application);
AssaySubmission *assay_evidence_window_get_submission (AssayEvidenceWindow *self);
AssayArtifact  *assay_evidence_window_get_artifact    (AssayEvidenceWindow *self);
void            assay_evidence_window_show_artifact   (AssayEvidenceWindow *self,
                                                       AssayArtifact       *artifact);
void            assay_evidence_window_show_reflections (AssayEvidenceWindow *self);
GtkWidget      *assay_evidence_window_get_viewer      (AssayEvidenceWindow *self);
GListModel     *assay_evidence_window_get_notes       (AssayEvidenceWindow *self);
void            assay_evidence_window_activate_note   (AssayEvidenceWindow *self,
                                                       AssayNote           *note);

G_END_DECLS
