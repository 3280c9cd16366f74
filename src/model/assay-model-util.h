/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean assay_model_check_text  (const char  *text,
                                  const char  *message,
                                  GError     **error);
gboolean assay_model_check_hash  (const char  *hash,
                                  const char  *message,
                                  GError     **error);
gboolean assay_model_check_email (const char  *email,
                                  GError     **error);
gboolean assay_model_check_url   (const char  *url,
                                  GError     **error);
gboolean assay_model_check_date  (const char  *date,
                                  const char  *message,
                                  GError     **error);
gboolean assay_model_is_blank    (const char  *text);

G_END_DECLS
