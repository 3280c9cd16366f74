/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "assay-bundle-sniff.h"

/* Media types by content: the extension of a name in a bundle is only the
 * earner's claim. The magic numbers cover what evidence is made of; the
 * rest goes to GIO's guess, then to application/octet-stream.
 */

static gboolean
has_prefix (const guint8 *head,
            gsize         length,
            const char   *magic,
            gsize         magic_length)
{
  return length >= magic_length && memcmp (head, magic, magic_length) == 0;
}

/* ISO base media files (MP4, MOV, HEIF): a box "ftyp" at offset 4 with the
 * major brand after it. */
static const char *
sniff_ftyp (const guint8 *head,
            gsize         length)
{
  static const struct { const char *brand; const char *type; } brands[] = {
    { "heic", "image/heic" }, { "heix", "image/heic" },
    { "heim", "image/heic" }, { "heis", "image/heic" },
    { "mif1", "image/heif" }, { "msf1", "image/heif" },
    { "qt  ", "video/quicktime" },
    { "M4A ", "audio/mp4" },
  };
  char brand[5] = { 0 };

  if (length < 12 || memcmp (head + 4, "ftyp", 4) != 0)
    return NULL;

  memcpy (brand, head + 8, 4);
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (memcmp (brand, brands[i].brand, 4) == 0)
      return brands[i].type;

  /* isom, iso2, mp41, mp42, avc1, dash, 3gp…: all play as MP4 */
  return "video/mp4";
}

static gboolean
is_text (const guint8 *head,
         gsize         length,
         gboolean      complete)
{
  const char *end = NULL;

  if (length == 0 || memchr (head, '\0', length) != NULL)
    return FALSE;
  if (g_utf8_validate ((const char *) head, length, &end))
    return TRUE;

  /* a multibyte character cut at the end of the sniffed block */
  return !complete && length - ((const guint8 *) end - head) < 4 &&
         g_utf8_get_char_validated (end, length - ((const guint8 *) end - head)) == (gunichar) -2;
}

/**
 * assay_bundle_sniff_media_type:
 * @name: the entry's name (for Markdown and GIO's guess)
 * @head: the first bytes of the content
 * @complete: whether @head is the whole content
 *
 * Returns: (transfer full): a media type, never %NULL
 */
char *
assay_bundle_sniff_media_type (const char   *name,
                               const guint8 *head,
                               gsize         head_length,
                               gboolean      complete)
{
  const char *type = NULL;
  g_autofree char *guess = NULL;
  g_autofree char *mime = NULL;

  if (has_prefix (head, head_length, "%PDF-", 5))
    type = "application/pdf";
  else if (has_prefix (head, head_length, "\x89PNG\r\n\x1a\n", 8))
    type = "image/png";
  else if (has_prefix (head, head_length, "\xff\xd8\xff", 3))
    type = "image/jpeg";
  else if (has_prefix (head, head_length, "GIF87a", 6) || has_prefix (head, head_length, "GIF89a", 6))
    type = "image/gif";
  else if (head_length >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
    type = "image/webp";
  else if (has_prefix (head, head_length, "\x1a\x45\xdf\xa3", 4))
    type = (head_length >= 4 && g_strstr_len ((const char *) head, MIN (head_length, 64), "matroska") != NULL)
           ? "video/x-matroska" : "video/webm";
  else if ((type = sniff_ftyp (head, head_length)) != NULL)
    ;
  else if (has_prefix (head, head_length, "PK\x03\x04", 4) || has_prefix (head, head_length, "PK\x05\x06", 4))
    {
      if (g_str_has_suffix (name, ".docx"))
        type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      else if (g_str_has_suffix (name, ".pptx"))
        type = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
      else if (g_str_has_suffix (name, ".xlsx"))
        type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      else if (g_str_has_suffix (name, ".odt"))
        type = "application/vnd.oasis.opendocument.text";
      else
        type = "application/zip";
    }
  else if (is_text (head, head_length, complete))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
        type = "text/markdown";
      else
        type = "text/plain";
    }

  if (type != NULL)
    return g_strdup (type);

  guess = g_content_type_guess (name, head, head_length, NULL);
  if (guess != NULL && !g_content_type_is_unknown (guess))
    mime = g_content_type_get_mime_type (guess);
  if (mime != NULL)
    return g_steal_pointer (&mime);

  return g_strdup ("application/octet-stream");
}
