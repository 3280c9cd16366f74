/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-model.h"

/* Shared by the model tests: validation verdicts and notification counts. */

#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

#define assert_valid(record)                                                 \
  G_STMT_START {                                                             \
    g_autoptr(GError) valid_error = NULL;                                    \
    g_assert_true (assay_record_validate (ASSAY_RECORD (record), &valid_error)); \
    g_assert_no_error (valid_error);                                         \
  } G_STMT_END

#define assert_invalid(record)                                               \
  G_STMT_START {                                                             \
    g_autoptr(GError) invalid_error = NULL;                                  \
    g_assert_false (assay_record_validate (ASSAY_RECORD (record), &invalid_error)); \
    g_assert_error (invalid_error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID); \
  } G_STMT_END

static inline void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static inline guint *
watch (gpointer    object,
       const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint *count = g_new0 (guint, 1);

  g_object_set_data_full (G_OBJECT (object), signal, count, g_free);
  g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), count);
  return count;
}
