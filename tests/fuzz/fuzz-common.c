/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-fuzz"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "assay-bundle.h"
#include "fuzz.h"

/* What both targets check on every input. A broken promise aborts: under
 * libFuzzer that saves the input as a reproducer, under the replay driver
 * it fails the test.
 */

void
fuzz_init (void)
{
  /* hostile input is an expected case, never a reason for a warning */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

void
fuzz_require (gboolean    holds,
              const char *format,
              ...)
{
  va_list args;

  if (holds)
    return;

  va_start (args, format);
  fputs ("fuzz: broken invariant: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

/**
 * fuzz_check_refusal:
 * @expected_code: the one #AssayBundleError allowed, or -1 for any
 *
 * A refusal reaches the user as it is: it must carry an error of the
 * bundle domain with a readable UTF-8 message.
 */
void
fuzz_check_refusal (const GError *error,
                    int           expected_code)
{
  fuzz_require (error != NULL, "a refusal without an error");
  fuzz_require (error->domain == ASSAY_BUNDLE_ERROR, "a refusal in the domain %s, not the bundle's",
                g_quark_to_string (error->domain));
  fuzz_require (error->code >= ASSAY_BUNDLE_ERROR_NOT_A_ZIP && error->code <= ASSAY_BUNDLE_ERROR_IO,
                "a refusal with the unknown code %d", error->code);
  fuzz_require (expected_code < 0 || error->code == expected_code,
                "a refusal with the code %d instead of %d", error->code, expected_code);
  fuzz_require (error->message != NULL && *error->message != '\0', "a refusal without a message");
  fuzz_require (g_utf8_validate (error->message, -1, NULL),
                "a refusal whose message is not UTF-8: %s", error->message);
}
