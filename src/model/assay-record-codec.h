/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "assay-record.h"

G_BEGIN_DECLS

/* How a column value is written down outside the process: in SQLite, in
 * `assay-cli --json` and in files exchanged between desktops. Enumerations
 * by nick, times as ISO 8601 UTC, string lists as JSON arrays.
 */
typedef enum
{
  ASSAY_COLUMN_TEXT,
  ASSAY_COLUMN_INTEGER,
  ASSAY_COLUMN_REAL,
} AssayColumnStorage;

AssayColumnStorage assay_column_storage      (GParamSpec    *pspec);
char              *assay_column_to_text      (GParamSpec    *pspec,
                                              const GValue  *value);
gboolean           assay_column_from_text    (GParamSpec    *pspec,
                                              const char    *text,
                                              GValue        *value);
char              *assay_datetime_to_text    (GDateTime     *datetime);
GDateTime         *assay_datetime_from_text  (const char    *text);
JsonNode          *assay_record_to_json      (AssayRecord   *record);

G_END_DECLS
