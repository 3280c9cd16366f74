/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_ISSUER (assay_issuer_get_type ())

G_DECLARE_FINAL_TYPE (AssayIssuer, assay_issuer, ASSAY, ISSUER, AssayRecord)

AssayIssuer *assay_issuer_new            (const char *name);

const char  *assay_issuer_get_name       (AssayIssuer *self);
void         assay_issuer_set_name       (AssayIssuer *self,
                                          const char  *name);
const char  *assay_issuer_get_url        (AssayIssuer *self);
void         assay_issuer_set_url        (AssayIssuer *self,
                                          const char  *url);
const char  *assay_issuer_get_email      (AssayIssuer *self);
void         assay_issuer_set_email      (AssayIssuer *self,
                                          const char  *email);
const char  *assay_issuer_get_image_hash (AssayIssuer *self);
void         assay_issuer_set_image_hash (AssayIssuer *self,
                                          const char  *image_hash);
const char  *assay_issuer_get_domain     (AssayIssuer *self);
void         assay_issuer_set_domain     (AssayIssuer *self,
                                          const char  *domain);
const char  *assay_issuer_get_did        (AssayIssuer *self);
void         assay_issuer_set_did        (AssayIssuer *self,
                                          const char  *did);
const char  *assay_issuer_get_key_id     (AssayIssuer *self);
void         assay_issuer_set_key_id     (AssayIssuer *self,
                                          const char  *key_id);
GDateTime   *assay_issuer_get_created_at (AssayIssuer *self);
void         assay_issuer_set_created_at (AssayIssuer *self,
                                          GDateTime   *created_at);

G_END_DECLS
