/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-bundle-pack.h"
#include "assay-cli-bundle.h"

/* `pack --credential ID --earner EMAIL --out BUNDLE.zip
 *       [--reflection CRITERION=TEXTFILE]… FILE…` */

/* Takes every --reflection out of @argv (the common parser keeps only the
 * last value of an option) and reads its file into @reflections. */
static gboolean
take_reflections (int          argc,
                  char       **argv,
                  GPtrArray   *rest,
                  GHashTable  *reflections,
                  GError     **error)
{
  gboolean positional_only = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;
      const char *equals;
      g_autofree char *text = NULL;
      g_autoptr(GError) local_error = NULL;

      if (positional_only || i == 0 || !g_str_has_prefix (argv[i], "--reflection"))
        {
          positional_only = positional_only || g_str_equal (argv[i], "--");
          g_ptr_array_add (rest, argv[i]);
          continue;
        }
      if (g_str_has_prefix (argv[i], "--reflection="))
        value = argv[i] + strlen ("--reflection=");
      else if (g_str_equal (argv[i], "--reflection") && i + 1 < argc)
        value = argv[++i];
      else if (g_str_equal (argv[i], "--reflection"))
        {
          g_set_error_literal (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                               _("the option --reflection needs a value"));
          return FALSE;
        }
      else
        {
          g_ptr_array_add (rest, argv[i]);
          continue;
        }

      equals = strchr (value, '=');
      if (equals == NULL || equals == value || equals[1] == '\0')
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                       _("--reflection needs CRITERION=TEXTFILE, not “%s”"), value);
          return FALSE;
        }
      if (!g_file_get_contents (equals + 1, &text, NULL, &local_error))
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED,
                       _("the reflection cannot be read: %s"), local_error->message);
          return FALSE;
        }
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED,
                       _("the reflection “%s” is not UTF-8 text"), equals + 1);
          return FALSE;
        }
      g_hash_table_replace (reflections, g_strndup (value, equals - value), g_steal_pointer (&text));
    }

  return TRUE;
}

gboolean
_assay_cli_pack (AssayCli  *cli,
                 int        argc,
                 char     **argv,
                 GError   **error)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GHashTable) reflections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AssayStore) store = NULL;
  const char *credential_id = NULL;
  const char *earner_email = NULL;
  const char *out = NULL;
  AssayCliOption options[] = {
    { "credential", NULL, &credential_id },
    { "earner", NULL, &earner_email },
    { "out", NULL, &out },
  };

  if (!take_reflections (argc, argv, rest, reflections, error) ||
      !_assay_cli_parse ("pack", rest->len, (char **) rest->pdata, options, G_N_ELEMENTS (options),
                         1, G_MAXUINT, args, error))
    return FALSE;
  if (credential_id == NULL || earner_email == NULL || out == NULL || *out == '\0')
    {
      g_set_error_literal (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                           _("“pack” needs --credential, --earner and --out; see “assay-cli --help”"));
      return FALSE;
    }

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_READ, error);
  if (store == NULL ||
      !assay_bundle_pack (store, credential_id, earner_email, args, reflections, out, error))
    return FALSE;

  g_string_append_printf (cli->out, "%s\n", out);
  return TRUE;
}
