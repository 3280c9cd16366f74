/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-enums.h"
#include "assay-record.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_RESOURCE (assay_resource_get_type ())

G_DECLARE_FINAL_TYPE (AssayResource, assay_resource, ASSAY, RESOURCE, AssayRecord)

AssayResource     *assay_resource_new               (const char *credential_id,
                                                     const char *title);

const char        *assay_resource_get_credential_id (AssayResource *self);
void               assay_resource_set_credential_id (AssayResource *self,
                                                     const char    *credential_id);
gint64             assay_resource_get_position      (AssayResource *self);
void               assay_resource_set_position      (AssayResource *self,
                                                     gint64         position);
const char        *assay_resource_get_title         (AssayResource *self);
void               assay_resource_set_title         (AssayResource *self,
                                                     const char    *title);
const char        *assay_resource_get_url           (AssayResource *self);
void               assay_resource_set_url           (AssayResource *self,
                                                     const char    *url);
AssayResourceUse   assay_resource_get_use           (AssayResource *self);
void               assay_resource_set_use           (AssayResource    *self,
                                                     AssayResourceUse  use);
AssayResourceCost  assay_resource_get_cost          (AssayResource *self);
void               assay_resource_set_cost          (AssayResource     *self,
                                                     AssayResourceCost  cost);
const char        *assay_resource_get_notes         (AssayResource *self);
void               assay_resource_set_notes         (AssayResource *self,
                                                     const char    *notes);

G_END_DECLS
