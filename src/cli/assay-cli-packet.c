/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-cli-bundle.h"
#include "assay-cli-private.h"
#include "assay-framework.h"
#include "assay-packet-export.h"
#include "assay-store-packets.h"

/* `packet CREDENTIAL --framework ID --out FILE.pdf [--zip FILE.zip]`:
 * the approval packet as it stands, without changing the workspace. A
 * credential with no packet yet is printed with every indicator unrated. */

gboolean
_assay_cli_packet (AssayCli  *cli,
                   int        argc,
                   char     **argv,
                   GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssayFramework) framework = NULL;
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayPacket) packet = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFile) zip = NULL;
  const char *framework_id = NULL;
  const char *out = NULL;
  const char *zip_path = NULL;
  AssayCliOption options[] = {
    { "framework", NULL, &framework_id },
    { "out", NULL, &out },
    { "zip", NULL, &zip_path },
  };

  if (!_assay_cli_parse ("packet", argc, argv, options, G_N_ELEMENTS (options), 1, 1, args, error))
    return FALSE;
  if (framework_id == NULL || out == NULL || *out == '\0' || (zip_path != NULL && *zip_path == '\0'))
    {
      g_set_error_literal (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                           _("“packet” needs a credential, --framework and --out; see “assay-cli --help”"));
      return FALSE;
    }
  if ((framework = assay_frameworks_lookup (framework_id, error)) == NULL)
    return FALSE;

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_READ, error);
  if (store == NULL)
    return FALSE;
  credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL, g_ptr_array_index (args, 0), NULL);
  if (credential == NULL)
    {
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED, _("there is no credential “%s”"),
                   (const char *) g_ptr_array_index (args, 0));
      return FALSE;
    }

  packet = assay_store_packet_current (store, g_ptr_array_index (args, 0), framework_id);
  if (packet == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      packet = assay_packet_new (g_ptr_array_index (args, 0), framework_id);
      assay_packet_set_created_at (packet, now);
    }

  pdf = g_file_new_for_commandline_arg (out);
  zip = zip_path ? g_file_new_for_commandline_arg (zip_path) : NULL;
  if (!assay_packet_export (store, packet, framework, pdf, zip, NULL, error))
    return FALSE;

  g_string_append_printf (cli->out, "%s\n", out);
  if (zip_path != NULL)
    g_string_append_printf (cli->out, "%s\n", zip_path);
  return TRUE;
}
