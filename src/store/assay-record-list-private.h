/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-record.h"
#include "assay-record-list.h"
#include "assay-store.h"

G_BEGIN_DECLS

AssayRecordList *_assay_record_list_new            (GType             item_type,
                                                    const char       *filter_column,
                                                    const char       *filter_value,
                                                    const char       *sort_column,
                                                    GPtrArray        *rows);
void             _assay_record_list_record_changed (AssayRecordList  *self,
                                                    AssayRecord      *record,
                                                    AssayStoreChange  change);

G_END_DECLS
