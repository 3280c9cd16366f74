/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "assay-bundle-import.h"
#include "assay-cli-bundle.h"

/* `import BUNDLE.zip [--credential ID] [--earner EMAIL] [--json]` */

static void
print_progress (guint64  bytes_done,
                guint64  bytes_total,
                guint    files_done,
                gpointer user_data)
{
  g_autofree char *done = g_format_size (bytes_done);
  g_autofree char *total = g_format_size (bytes_total);

  g_printerr ("\r");
  g_printerr (_("Importing: %s of %s, %u files"), done, total, files_done);
  g_printerr ("\033[K");
}

gboolean
_assay_cli_import (AssayCli  *cli,
                   int        argc,
                   char     **argv,
                   GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(AssayBundleContents) contents = NULL;
  g_autoptr(AssaySubmission) submission = NULL;
  const char *credential_id = NULL;
  const char *earner_email = NULL;
  gboolean json = FALSE;
  AssayCliOption options[] = {
    { "credential", NULL, &credential_id },
    { "earner", NULL, &earner_email },
    { "json", &json, NULL },
  };
  gboolean tty = isatty (STDERR_FILENO);
  AssayBundleLimits limits;
  guint64 bytes = 0;

  if (!_assay_cli_parse ("import", argc, argv, options, G_N_ELEMENTS (options), 1, 1, args, error))
    return FALSE;

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_WRITE, error);
  if (store == NULL)
    return FALSE;

  assay_bundle_limits_init_default (&limits);
  contents = assay_bundle_read (assay_store_get_blobs (store), g_ptr_array_index (args, 0), &limits,
                                tty ? print_progress : NULL, NULL, NULL, error);
  if (tty)
    g_printerr ("\r\033[K");
  if (contents == NULL)
    return FALSE;

  submission = assay_bundle_import (store, contents, credential_id, earner_email, error);
  if (submission == NULL)
    return FALSE;

  for (guint i = 0; i < contents->entries->len; i++)
    bytes += ((AssayBundleEntry *) g_ptr_array_index (contents->entries, i))->size;

  if (json)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_string_member (object, "submission", assay_record_get_id (ASSAY_RECORD (submission)));
      json_object_set_int_member (object, "artifacts", contents->entries->len);
      json_object_set_int_member (object, "bytes", (gint64) bytes);
      json_node_set_object (node, object);
      _assay_cli_print_json (cli->out, node);
    }
  else
    g_string_append_printf (cli->out, "%s\n", assay_record_get_id (ASSAY_RECORD (submission)));

  return TRUE;
}
