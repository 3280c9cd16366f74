/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-cli-private.h"
#include "assay-demo.h"

/* The commands that make or verify a whole workspace. */

#define MAX_SCALE 10000000

gboolean
_assay_cli_init (AssayCli  *cli,
                 int        argc,
                 char     **argv,
                 GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;

  if (!_assay_cli_parse ("init", argc, argv, NULL, 0, 0, 0, args, error))
    return FALSE;

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_WRITE, error);
  if (store == NULL)
    return FALSE;

  g_string_append_printf (cli->out, "%s\n", assay_store_get_directory (store));
  return TRUE;
}

static void
append_summary (GString    *out,
                AssayStore *store,
                guint       scale)
{
  guint credentials = assay_store_count (store, ASSAY_TYPE_CREDENTIAL);
  guint stacks = assay_store_count (store, ASSAY_TYPE_STACK);
  guint people = assay_store_count (store, ASSAY_TYPE_PERSON);
  guint submissions = assay_store_count (store, ASSAY_TYPE_SUBMISSION);

  g_string_append_printf (out, ngettext ("%u credential", "%u credentials", credentials), credentials);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u stack", "%u stacks", stacks), stacks);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u person", "%u people", people), people);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u submission", "%u submissions", submissions), submissions);
  if (scale > 0)
    g_string_append_printf (out, _(" (of which %u synthetic earners with a submission each, over %u scale-test credentials)"),
                            scale, MAX (scale / 100, 1));
  g_string_append_c (out, '\n');
}

gboolean
_assay_cli_demo (AssayCli  *cli,
                 int        argc,
                 char     **argv,
                 GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  const char *scale_text = NULL;
  AssayCliOption options[] = { { "scale", NULL, &scale_text } };
  guint64 scale = 0;
  gboolean ok;

  if (!_assay_cli_parse ("demo", argc, argv, options, G_N_ELEMENTS (options), 0, 0, args, error))
    return FALSE;

  if (scale_text != NULL && !g_ascii_string_to_unsigned (scale_text, 10, 0, MAX_SCALE, &scale, NULL))
    {
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                   _("--scale needs a whole number from 0 to %u, not “%s”"), MAX_SCALE, scale_text);
      return FALSE;
    }

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_WRITE, error);
  if (store == NULL || !assay_store_begin (store, error))
    return FALSE;

  /* One transaction for all of it: a failure leaves the workspace as it was. */
  ok = assay_demo_populate (store, error) &&
       (scale == 0 || assay_demo_add_scale (store, scale, error));
  if (!ok)
    {
      assay_store_rollback (store);
      return FALSE;
    }
  if (!assay_store_commit (store, error))
    return FALSE;

  append_summary (cli->out, store, scale);
  return TRUE;
}

gboolean
_assay_cli_check (AssayCli  *cli,
                  int        argc,
                  char     **argv,
                  GError   **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(AssayStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!_assay_cli_parse ("check", argc, argv, NULL, 0, 0, 0, args, error))
    return FALSE;

  store = _assay_cli_open (cli, ASSAY_CLI_OPEN_CHECK, error);
  if (store == NULL)
    return FALSE;

  problems = assay_store_check (store, error);
  if (problems == NULL)
    return FALSE;

  if (problems->len == 0)
    {
      g_string_append (cli->out, "ok\n");
      return TRUE;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (problems, i));

      g_strdelimit (line, "\r\n", ' ');
      g_string_append_printf (cli->out, "%s\n", line);
    }

  g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_PROBLEMS,
               ngettext ("the workspace has %u problem", "the workspace has %u problems", problems->len),
               problems->len);
  return FALSE;
}
