/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "assay-cli-bundle.h"
#include "assay-cli-private.h"

/* `assay-cli [--workspace DIR] COMMAND [ARGS…]`: the contract is
 * /work/shared/CLI.md. Every command writes its stdout into a buffer that
 * reaches the terminal only if it succeeds; a failure is one line on stderr
 * and an exit status that says what kind of failure it was.
 */

typedef gboolean (*CommandFunc) (AssayCli  *cli,
                                 int        argc,
                                 char     **argv,
                                 GError   **error);

G_DEFINE_QUARK (assay-cli-error-quark, assay_cli_error)

static const struct {
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "init", _assay_cli_init },
  { "demo", _assay_cli_demo },
  { "check", _assay_cli_check },
  { "list", _assay_cli_list },
  { "show", _assay_cli_show },
  { "import", _assay_cli_import },
  { "pack", _assay_cli_pack },
  { "packet", _assay_cli_packet },
  { "review", _assay_cli_review },
  { "decide", _assay_cli_decide },
};

static void
print_help (void)
{
  g_autofree char *workspace = assay_store_default_directory ();

  g_print (_("Usage: assay-cli [--workspace DIR] COMMAND [ARGS…]\n"
             "\n"
             "Works on an Assay workspace without a display: for scripts, tests and benchmarks.\n"
             "\n"
             "Commands:\n"
             "  init                    Create an empty workspace; print its path\n"
             "  demo [--scale N]        Fill an empty workspace with the demonstration data;\n"
             "                          --scale N also adds N synthetic earners with one submission\n"
             "                          each and N/100 published credentials; print a summary\n"
             "  check                   Verify the workspace: database integrity, references,\n"
             "                          evidence files and their SHA-256, orphan files, the audit\n"
             "                          chain; print “ok” or one line per problem\n"
             "  list KIND [--json]      List credentials, stacks, people, submissions, reviews,\n"
             "                          awards or frameworks as a table, or as a JSON array\n"
             "  show KIND ID [--json]   Show one credential, stack, person, submission, review or\n"
             "                          award in full (a credential with its resources, rubric and\n"
             "                          stacks), as text or as a JSON object\n"
             "  import BUNDLE.zip [--credential ID] [--earner EMAIL] [--json]\n"
             "                          Import an evidence bundle as a new submission; the options\n"
             "                          are needed only for a zip without manifest.json; print the\n"
             "                          submission id, or {\"submission\", \"artifacts\", \"bytes\"}\n"
             "  pack --credential ID --earner EMAIL --out BUNDLE.zip\n"
             "       [--reflection CRITERION=TEXTFILE]… FILE…\n"
             "                          Build an evidence bundle as an educator would; print its path\n"
             "  review SUBMISSION --assessor EMAIL (--level CRITERION=LEVEL)…\n"
             "       [--comment CRITERION=TEXT]… [--feedback TEXT] [--submit]\n"
             "                          Record an assessor's scores (criteria and levels by id, name\n"
             "                          or number); --submit locks the review; print the review id\n"
             "  decide SUBMISSION       Apply the credential's decision rule to the submitted reviews;\n"
             "                          print award, not-yet or needs-moderation\n"
             "  packet CREDENTIAL --framework ID --out FILE.pdf [--zip FILE.zip]\n"
             "                          Typeset the credential's approval packet against a framework\n"
             "                          (see “list frameworks”), with --zip also a zip of the PDF and\n"
             "                          every attached document; print the paths\n"
             "  help                    Show this help\n"
             "\n"
             "Options:\n"
             "  --workspace DIR         The workspace folder (default: $ASSAY_WORKSPACE, else\n"
             "                          $XDG_DATA_HOME/assay; now %s)\n"
             "  --help                  Show this help\n"
             "  --version               Show the version\n"
             "\n"
             "list and show read the workspace without locking it, so they work while Assay has it\n"
             "open; init, demo and import need it to themselves. check never creates a workspace; the\n"
             "other commands create one when it is missing.\n"
             "\n"
             "Exit status: 0 done; 1 refused or failed (check: problems found); 2 usage error;\n"
             "3 workspace problem (in use by another Assay, damaged, made by a newer Assay,\n"
             "missing or unreadable).\n"),
           workspace);
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  /* Chatter stays out of the one-line contract unless asked for. */
  if ((level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE)) != 0 &&
      g_getenv ("G_MESSAGES_DEBUG") == NULL)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE, message);
  return FALSE;
}

static AssayCliOption *
find_option (AssayCliOption *options,
             guint           n_options,
             const char     *name,
             gsize           length)
{
  for (guint i = 0; i < n_options; i++)
    if (strlen (options[i].name) == length && strncmp (options[i].name, name, length) == 0)
      return &options[i];

  return NULL;
}

/**
 * _assay_cli_parse:
 * @argv: the command's arguments, argv[0] being its name
 * @args: (element-type utf8): receives the positional arguments
 *
 * Takes `--name`, `--name=VALUE` and `--name VALUE` anywhere among the
 * positional arguments; everything after `--` is positional.
 */
gboolean
_assay_cli_parse (const char      *command,
                  int              argc,
                  char           **argv,
                  AssayCliOption  *options,
                  guint            n_options,
                  guint            min_args,
                  guint            max_args,
                  GPtrArray       *args,
                  GError         **error)
{
  gboolean positional_only = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *equals;
      AssayCliOption *option;

      if (positional_only || arg[0] != '-' || g_str_equal (arg, "-"))
        {
          g_ptr_array_add (args, (gpointer) arg);
          continue;
        }
      if (g_str_equal (arg, "--"))
        {
          positional_only = TRUE;
          continue;
        }

      equals = strchr (arg, '=');
      option = g_str_has_prefix (arg, "--")
        ? find_option (options, n_options, arg + 2, equals ? (gsize) (equals - arg - 2) : strlen (arg + 2))
        : NULL;
      if (option == NULL)
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                       _("“%s” has no option “%s”; see “assay-cli --help”"), command, arg);
          return FALSE;
        }

      if (option->flag != NULL)
        {
          if (equals != NULL)
            {
              g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                           _("the option --%s takes no value"), option->name);
              return FALSE;
            }
          *option->flag = TRUE;
        }
      else if (equals != NULL)
        *option->value = equals + 1;
      else if (i + 1 < argc)
        *option->value = argv[++i];
      else
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                       _("the option --%s needs a value"), option->name);
          return FALSE;
        }
    }

  if (args->len < min_args)
    {
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                   _("“%s” needs more arguments; see “assay-cli --help”"), command);
      return FALSE;
    }
  if (args->len > max_args)
    {
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                   _("“%s” does not take the argument “%s”; see “assay-cli --help”"),
                   command, (const char *) g_ptr_array_index (args, max_args));
      return FALSE;
    }

  return TRUE;
}

/**
 * _assay_cli_open:
 *
 * Opens the workspace as @mode says. A workspace that exists is read
 * without the writer's lock (unless it first needs upgrading), so that
 * `list` and `show` work while the application has it open.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AssayStore *
_assay_cli_open (AssayCli      *cli,
                 AssayCliOpen   mode,
                 GError       **error)
{
  g_autofree char *database = g_build_filename (cli->workspace, "assay.db", NULL);
  g_autoptr(GError) local_error = NULL;
  AssayStore *store;

  if (mode == ASSAY_CLI_OPEN_WRITE)
    return assay_store_open (cli->workspace, ASSAY_STORE_OPEN_DEFAULT, error);
  if (mode == ASSAY_CLI_OPEN_CHECK)
    return assay_store_open (cli->workspace, ASSAY_STORE_OPEN_READ_ONLY, error);

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    return assay_store_open (cli->workspace, ASSAY_STORE_OPEN_DEFAULT, error);

  store = assay_store_open (cli->workspace, ASSAY_STORE_OPEN_READ_ONLY, &local_error);
  if (store == NULL && g_error_matches (local_error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_READ_ONLY))
    return assay_store_open (cli->workspace, ASSAY_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return store;
}

static int
exit_status (const GError *error)
{
  if (error->domain == ASSAY_CLI_ERROR)
    return error->code == ASSAY_CLI_ERROR_USAGE ? ASSAY_CLI_EXIT_USAGE : ASSAY_CLI_EXIT_FAILED;

  if (error->domain == ASSAY_STORE_ERROR)
    {
      switch ((AssayStoreError) error->code)
        {
        case ASSAY_STORE_ERROR_BUSY:
        case ASSAY_STORE_ERROR_CORRUPT:
        case ASSAY_STORE_ERROR_NEWER:
        case ASSAY_STORE_ERROR_IO:
        case ASSAY_STORE_ERROR_NOT_FOUND:
        case ASSAY_STORE_ERROR_READ_ONLY:
          return ASSAY_CLI_EXIT_WORKSPACE;
        case ASSAY_STORE_ERROR_CONSTRAINT:
        case ASSAY_STORE_ERROR_FROZEN:
        default:
          return ASSAY_CLI_EXIT_FAILED;
        }
    }

  return ASSAY_CLI_EXIT_FAILED;
}

static int
fail (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  /* One line, whatever the message */
  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "assay-cli: %s\n", line);
  fflush (stderr);

  return exit_status (error);
}

static gboolean
write_stdout (GString  *out,
              GError  **error)
{
  if (out->len == 0)
    return TRUE;

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_FAILED,
                   _("the output cannot be written: %s"), g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
wants_help (int    argc,
            char **argv)
{
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      return TRUE;

  return FALSE;
}

static gboolean
run (AssayCli  *cli,
     int        argc,
     char     **argv,
     GError   **error)
{
  const char *workspace = NULL;
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--version"))
        {
          g_string_append_printf (cli->out, "assay-cli %s\n", PACKAGE_VERSION);
          return TRUE;
        }
      else if (g_str_equal (argv[i], "--workspace") && i + 1 < argc)
        workspace = argv[++i];
      else if (g_str_has_prefix (argv[i], "--workspace="))
        workspace = argv[i] + strlen ("--workspace=");
      else if (g_str_equal (argv[i], "--workspace"))
        return usage_error (error, _("the option --workspace needs a folder"));
      else
        {
          g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
                       _("unknown option “%s”; see “assay-cli --help”"), argv[i]);
          return FALSE;
        }
    }

  if (workspace != NULL && *workspace == '\0')
    return usage_error (error, _("the option --workspace needs a folder"));
  if (i == argc)
    return usage_error (error, _("no command given; see “assay-cli --help”"));

  if (g_str_equal (argv[i], "help"))
    {
      print_help ();
      return TRUE;
    }

  cli->workspace = workspace ? g_strdup (workspace) : assay_store_default_directory ();

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].func (cli, argc - i, argv + i, error);

  g_set_error (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_USAGE,
               _("unknown command “%s”; see “assay-cli --help”"), argv[i]);
  return FALSE;
}

/**
 * assay_cli_run:
 *
 * Everything `main()` of assay-cli does.
 *
 * Returns: the exit status
 */
int
assay_cli_run (int    argc,
               char **argv)
{
  AssayCli cli = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("assay-cli");
  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  if (wants_help (argc, argv))
    {
      print_help ();
      return ASSAY_CLI_EXIT_OK;
    }

  cli.out = g_string_new (NULL);
  ok = run (&cli, argc, argv, &error);

  /* `check` reports its problems on stdout and still fails. */
  if ((ok || g_error_matches (error, ASSAY_CLI_ERROR, ASSAY_CLI_ERROR_PROBLEMS)) &&
      !write_stdout (cli.out, ok ? &error : NULL))
    ok = FALSE;

  g_string_free (cli.out, TRUE);
  g_free (cli.workspace);

  return ok ? ASSAY_CLI_EXIT_OK : fail (error);
}
