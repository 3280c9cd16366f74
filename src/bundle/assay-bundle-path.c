/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-bundle-private.h"

/* Names of zip entries: only metadata, but shown to people and matched
 * against the manifest, so made canonical (NFC UTF-8, '/'-separated) and
 * refused when they could mean a place outside the bundle.
 */

/* CP437, the zip specification's default, for bytes 0x80–0xFF */
static const gunichar cp437_high[128] = {
  0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,
  0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
  0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
  0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
  0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,
  0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
  0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
  0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
  0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
  0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
  0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
  0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
  0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
  0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
  0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

static char *
from_cp437 (const char *raw)
{
  GString *out = g_string_sized_new (strlen (raw) * 2);

  for (const guchar *p = (const guchar *) raw; *p != '\0'; p++)
    {
      if (*p < 0x80)
        g_string_append_c (out, *p);
      else
        g_string_append_unichar (out, cp437_high[*p - 0x80]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
unsafe (GError     **error,
        const char  *name,
        const char  *why)
{
  g_autofree char *shown = g_utf8_make_valid (name, -1);

  g_strdelimit (shown, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10"
                       "\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f", '?');
  g_set_error (error, ASSAY_BUNDLE_ERROR, ASSAY_BUNDLE_ERROR_UNSAFE_PATH,
               _("The bundle holds an unsafe name, “%s”: %s"), shown, why);
  return FALSE;
}

/**
 * _assay_bundle_path_from_zip:
 * @utf8_name: (nullable): archive_entry_pathname_utf8()
 * @raw_name: (nullable): archive_entry_pathname()
 *
 * Returns: (transfer full): the NFC, '/'-separated relative name, without a
 *   trailing '/' for directories; or %NULL and %ASSAY_BUNDLE_ERROR_UNSAFE_PATH
 */
char *
_assay_bundle_path_from_zip (const char  *utf8_name,
                             const char  *raw_name,
                             gboolean     is_directory,
                             guint        max_path_bytes,
                             GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *nfc = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length;

  if (utf8_name != NULL && g_utf8_validate (utf8_name, -1, NULL))
    name = g_strdup (utf8_name);
  else if (raw_name != NULL && g_utf8_validate (raw_name, -1, NULL))
    name = g_strdup (raw_name);
  else if (raw_name != NULL)
    name = from_cp437 (raw_name);
  else
    {
      unsafe (error, "", _("it cannot be read"));
      return NULL;
    }

  g_strdelimit (name, "\\", '/');
  length = strlen (name);
  if (is_directory && length > 1 && name[length - 1] == '/')
    name[--length] = '\0';

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7f)
      {
        unsafe (error, name, _("it contains control characters"));
        return NULL;
      }

  if (length == 0)
    {
      unsafe (error, name, _("it is empty"));
      return NULL;
    }
  if (name[0] == '/')
    {
      unsafe (error, name, _("it is an absolute path"));
      return NULL;
    }
  if (g_ascii_isalpha (name[0]) && name[1] == ':')
    {
      unsafe (error, name, _("it names a drive"));
      return NULL;
    }

  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  if (nfc == NULL || strlen (nfc) > max_path_bytes)
    {
      unsafe (error, name, _("it is too long"));
      return NULL;
    }

  parts = g_strsplit (nfc, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        {
          unsafe (error, name, _("it has an empty folder name"));
          return NULL;
        }
      if (g_str_equal (parts[i], "..") || g_str_equal (parts[i], "."))
        {
          unsafe (error, name, _("it leads out of its folder"));
          return NULL;
        }
      if (strlen (parts[i]) > 255)
        {
          unsafe (error, name, _("one of its parts is longer than 255 bytes"));
          return NULL;
        }
    }

  return g_steal_pointer (&nfc);
}

/* What macOS and Finder add to zips: skipped, never stored. */
gboolean
_assay_bundle_path_is_junk (const char *path)
{
  const char *base = strrchr (path, '/');

  return g_str_equal (path, "__MACOSX") ||
         g_str_has_prefix (path, "__MACOSX/") ||
         g_str_equal (base ? base + 1 : path, ".DS_Store");
}

char *
_assay_bundle_sha256_hex (const guint8 *digest)
{
  static const char hex[] = "0123456789abcdef";
  char *text = g_malloc (65);

  for (guint i = 0; i < 32; i++)
    {
      text[2 * i] = hex[digest[i] >> 4];
      text[2 * i + 1] = hex[digest[i] & 0xf];
    }
  text[64] = '\0';

  return text;
}
