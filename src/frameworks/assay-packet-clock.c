/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-frameworks"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "assay-packet-clock.h"

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * assay_packet_clock_due_on:
 *
 * Returns: (nullable): the day @review_days calendar days after
 * @submitted_on, or NULL if that is not a real day
 */
char *
assay_packet_clock_due_on (const char *submitted_on,
                           int         review_days)
{
  GDate date;

  if (!parse_day (submitted_on, &date) || review_days < 0)
    return NULL;
  g_date_add_days (&date, review_days);
  return format_day (&date);
}

/**
 * assay_packet_clock_days_left:
 * @days_left: (out): calendar days from @today to @due_on, negative when
 *   overdue
 */
gboolean
assay_packet_clock_days_left (const char *due_on,
                              const char *today,
                              int        *days_left)
{
  GDate due, now;

  if (!parse_day (due_on, &due) || !parse_day (today, &now))
    return FALSE;
  *days_left = g_date_days_between (&now, &due);
  return TRUE;
}

char *
assay_packet_clock_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
