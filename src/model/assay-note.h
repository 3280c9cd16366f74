/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_NOTE (assay_note_get_type ())

G_DECLARE_FINAL_TYPE (AssayNote, assay_note, ASSAY, NOTE, AssayRecord)

AssayNote  *assay_note_new              (const char *artifact_id);

const char *assay_note_get_artifact_id  (AssayNote *self);
void        assay_note_set_artifact_id  (AssayNote  *self,
                                         const char *artifact_id);
const char *assay_note_get_review_id    (AssayNote *self);
void        assay_note_set_review_id    (AssayNote  *self,
                                         const char *review_id);
const char *assay_note_get_criterion_id (AssayNote *self);
void        assay_note_set_criterion_id (AssayNote  *self,
                                         const char *criterion_id);
const char *assay_note_get_author_id    (AssayNote *self);
void        assay_note_set_author_id    (AssayNote  *self,
                                         const char *author_id);
gint64      assay_note_get_page         (AssayNote *self);
void        assay_note_set_page         (AssayNote *self,
                                         gint64     page);
double      assay_note_get_x            (AssayNote *self);
void        assay_note_set_x            (AssayNote *self,
                                         double     x);
double      assay_note_get_y            (AssayNote *self);
void        assay_note_set_y            (AssayNote *self,
                                         double     y);
double      assay_note_get_width        (AssayNote *self);
void        assay_note_set_width        (AssayNote *self,
                                         double     width);
double      assay_note_get_height       (AssayNote *self);
void        assay_note_set_height       (AssayNote *self,
                                         double     height);
gint64      assay_note_get_start_ms     (AssayNote *self);
void        assay_note_set_start_ms     (AssayNote *self,
                                         gint64     start_ms);
gint64      assay_note_get_end_ms       (AssayNote *self);
void        assay_note_set_end_ms       (AssayNote *self,
                                         gint64     end_ms);
const char *assay_note_get_body         (AssayNote *self);
void        assay_note_set_body         (AssayNote  *self,
                                         const char *body);
GDateTime  *assay_note_get_created_at   (AssayNote *self);
void        assay_note_set_created_at   (AssayNote *self,
                                         GDateTime *created_at);

gboolean    assay_note_is_page_anchored (AssayNote *self);
gboolean    assay_note_is_time_anchored (AssayNote *self);

G_END_DECLS
