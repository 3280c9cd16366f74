/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The state's review clock: an answer is due a number of calendar days
 * after the packet was received. Dates are "YYYY-MM-DD". */
char    *assay_packet_clock_due_on    (const char *submitted_on,
                                       int         review_days);
gboolean assay_packet_clock_days_left (const char *due_on,
                                       const char *today,
                                       int        *days_left);
char    *assay_packet_clock_today     (void);

G_END_DECLS
