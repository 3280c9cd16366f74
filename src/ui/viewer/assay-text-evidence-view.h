/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_TEXT_EVIDENCE_VIEW (assay_text_evidence_view_get_type ())

G_DECLARE_FINAL_TYPE (AssayTextEvidenceView, assay_text_evidence_view, ASSAY, TEXT_EVIDENCE_VIEW, GtkWidget)

/* Longer text files show their beginning and say so. */
#define ASSAY_TEXT_EVIDENCE_MAX_BYTES (4 * 1024 * 1024)

GtkWidget  *assay_text_evidence_view_new       (void);
void        assay_text_evidence_view_load_file (AssayTextEvidenceView *self,
                                                GFile                 *file,
                                                gboolean               markdown);
GtkTextBuffer *assay_text_evidence_view_get_buffer (AssayTextEvidenceView *self);
const char *assay_text_evidence_view_get_error (AssayTextEvidenceView *self);

G_END_DECLS
