/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "assay-model-util.h"
#include "assay-record.h"

gboolean
assay_model_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Required text: present, not only white space, and valid UTF-8 */
gboolean
assay_model_check_text (const char  *text,
                        const char  *message,
                        GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || assay_model_is_blank (text))
    {
      g_set_error_literal (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

/* Optional blob reference: absent, or 64 lower-case hex digits */
gboolean
assay_model_check_hash (const char  *hash,
                        const char  *message,
                        GError     **error)
{
  if (hash == NULL)
    return TRUE;

  if (strlen (hash) == 64 && strspn (hash, "0123456789abcdef") == 64)
    return TRUE;

  g_set_error_literal (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID, message);
  return FALSE;
}

gboolean
assay_model_check_email (const char  *email,
                         GError     **error)
{
  const char *at;

  if (email != NULL && g_utf8_validate (email, -1, NULL) &&
      (at = strchr (email, '@')) != NULL && at != email && at[1] != '\0' &&
      strchr (at + 1, '@') == NULL && strpbrk (email, " \t\r\n<>,;") == NULL)
    return TRUE;

  g_set_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID,
               _("“%s” is not an email address"), email ? email : "");
  return FALSE;
}

/* Optional link: absent, or an absolute http(s) URL */
gboolean
assay_model_check_url (const char  *url,
                       GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0')
    return TRUE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL &&
      (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "http") == 0) &&
      g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    return TRUE;

  g_set_error (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID,
               _("“%s” is not a web address (it should start with https://)"), url);
  return FALSE;
}

/* Optional calendar date: absent, or a real YYYY-MM-DD day */
gboolean
assay_model_check_date (const char  *date,
                        const char  *message,
                        GError     **error)
{
  int y, m, d;
  char tail;

  if (date == NULL || *date == '\0')
    return TRUE;

  if (strlen (date) == 10 && sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      g_date_valid_dmy (d, m, y))
    return TRUE;

  g_set_error_literal (error, ASSAY_MODEL_ERROR, ASSAY_MODEL_ERROR_INVALID, message);
  return FALSE;
}
