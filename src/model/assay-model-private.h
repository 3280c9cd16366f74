/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-record.h"

G_BEGIN_DECLS

/* For the validate vfuncs: report @message as an invalid row and fail */
static inline gboolean
assay_model_invalid (const char  *message,
                     GError     **error)
{
  g_set_error_literal (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID, message);
  return FALSE;
}

G_END_DECLS
