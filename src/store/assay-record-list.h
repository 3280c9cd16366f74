/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_RECORD_LIST (assay_record_list_get_type ())

G_DECLARE_FINAL_TYPE (AssayRecordList, assay_record_list, ASSAY, RECORD_LIST, GObject)

G_END_DECLS
