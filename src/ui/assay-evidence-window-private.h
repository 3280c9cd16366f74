/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-evidence-window.h"
#include "assay-model.h"

G_BEGIN_DECLS

struct _AssayEvidenceWindow
{
  AdwApplicationWindow parent_instance;

  AssayStore        *store;
  AssaySubmission   *submission;
  AssayArtifact     *artifact;      /* NULL while reflections show */
  GListModel        *artifacts;
  GListModel        *reflections;
  GListModel        *notes;         /* of the shown artifact */
  GtkFilterListModel *page_notes;   /* the ones a PDF draws */

  GtkWidget         *pdf_view;      /* created when first needed */
  GtkWidget         *video_view;
  GtkWidget         *image_view;
  GtkWidget         *text_view;

  gboolean           sidebar_was_shown;

  AdwToastOverlay   *toast_overlay;
  GtkWidget         *header_bar;
  AdwWindowTitle    *window_title;
  AdwFlap           *flap;
  GtkListBox        *reflections_list;
  GtkListBoxRow     *reflections_row;
  GtkLabel          *reflections_summary;
  GtkListBox        *artifact_list;
  GtkStack          *viewer_stack;
  AdwStatusPage     *file_page;
  GtkBox            *reflections_box;
  GtkRevealer       *notes_revealer;
  GtkLabel          *notes_title;
  GtkStack          *notes_stack;
  AdwStatusPage     *notes_empty;
  GtkListBox        *notes_list;
};

GFile *_assay_evidence_window_artifact_file (AssayEvidenceWindow *self,
                                             AssayArtifact       *artifact);
void   _assay_evidence_window_bind_notes    (AssayEvidenceWindow *self);
void   _assay_evidence_window_add_note      (AssayEvidenceWindow *self,
                                             AssayNote           *note);
void   _assay_evidence_window_notes_init    (AssayEvidenceWindow *self);
void   _assay_evidence_window_notes_class_init (GtkWidgetClass  *widget_class);
void   _assay_evidence_window_open_with     (AssayEvidenceWindow *self);

G_END_DECLS
