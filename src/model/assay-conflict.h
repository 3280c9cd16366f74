/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_CONFLICT (assay_conflict_get_type ())

G_DECLARE_FINAL_TYPE (AssayConflict, assay_conflict, ASSAY, CONFLICT, AssayRecord)

AssayConflict     *assay_conflict_new             (const char        *person_id,
                                                   AssayConflictKind  kind,
                                                   const char        *target);

const char        *assay_conflict_get_person_id   (AssayConflict *self);
void               assay_conflict_set_person_id   (AssayConflict *self,
                                                   const char    *person_id);
AssayConflictKind  assay_conflict_get_kind        (AssayConflict *self);
void               assay_conflict_set_kind        (AssayConflict     *self,
                                                   AssayConflictKind  kind);
const char        *assay_conflict_get_target      (AssayConflict *self);
void               assay_conflict_set_target      (AssayConflict *self,
                                                   const char    *target);
const char        *assay_conflict_get_note        (AssayConflict *self);
void               assay_conflict_set_note        (AssayConflict *self,
                                                   const char    *note);
GDateTime         *assay_conflict_get_declared_at (AssayConflict *self);
void               assay_conflict_set_declared_at (AssayConflict *self,
                                                   GDateTime     *declared_at);

G_END_DECLS
