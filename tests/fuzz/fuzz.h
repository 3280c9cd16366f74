/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The entry point every target defines: libFuzzer's, or fuzz-replay.c's
 * main() in the ordinary build. */
int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* Shared by the targets (fuzz-common.c) */
void fuzz_init              (void);
void fuzz_require           (gboolean       holds,
                             const char    *format,
                             ...) G_GNUC_PRINTF (2, 3);
void fuzz_check_refusal     (const GError  *error,
                             int            expected_code);

G_END_DECLS
