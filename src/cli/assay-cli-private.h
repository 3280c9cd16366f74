/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "assay-cli.h"
#include "assay-model.h"
#include "assay-store.h"

G_BEGIN_DECLS

/* The exit statuses of CLI.md; scripts depend on them. */
typedef enum
{
  ASSAY_CLI_EXIT_OK        = 0,
  ASSAY_CLI_EXIT_FAILED    = 1, /* refused or failed; `check` found problems */
  ASSAY_CLI_EXIT_USAGE     = 2,
  ASSAY_CLI_EXIT_WORKSPACE = 3, /* busy, damaged, newer, unreadable, missing */
} AssayCliExit;

#define ASSAY_CLI_ERROR (assay_cli_error_quark ())

typedef enum
{
  ASSAY_CLI_ERROR_USAGE,
  ASSAY_CLI_ERROR_FAILED,
  ASSAY_CLI_ERROR_PROBLEMS, /* stdout holds the report; still exit 1 */
} AssayCliError;

typedef enum
{
  ASSAY_CLI_OPEN_WRITE, /* create when missing, take the writer's lock */
  ASSAY_CLI_OPEN_READ,  /* read-only when it exists, so a running Assay may keep it */
  ASSAY_CLI_OPEN_CHECK, /* read-only, and it must exist */
} AssayCliOpen;

typedef struct
{
  char    *workspace;
  /* stdout, written only if the command succeeds */
  GString *out;
} AssayCli;

typedef struct
{
  const char  *name;   /* without the leading "--" */
  gboolean    *flag;   /* set for an option without a value */
  const char **value;  /* set for an option with a value */
} AssayCliOption;

GQuark      assay_cli_error_quark       (void);

/* assay-cli.c */
gboolean    _assay_cli_parse            (const char      *command,
                                         int              argc,
                                         char           **argv,
                                         AssayCliOption  *options,
                                         guint            n_options,
                                         guint            min_args,
                                         guint            max_args,
                                         GPtrArray       *args,
                                         GError         **error);
AssayStore *_assay_cli_open             (AssayCli        *cli,
                                         AssayCliOpen     mode,
                                         GError         **error);

/* assay-cli-commands.c */
gboolean    _assay_cli_init             (AssayCli        *cli,
                                         int              argc,
                                         char           **argv,
                                         GError         **error);
gboolean    _assay_cli_demo             (AssayCli        *cli,
                                         int              argc,
                                         char           **argv,
                                         GError         **error);
gboolean    _assay_cli_check            (AssayCli        *cli,
                                         int              argc,
                                         char           **argv,
                                         GError         **error);

/* assay-cli-list.c */
gboolean    _assay_cli_list             (AssayCli        *cli,
                                         int              argc,
                                         char           **argv,
                                         GError         **error);
gboolean    _assay_cli_show             (AssayCli        *cli,
                                         int              argc,
                                         char           **argv,
                                         GError         **error);

/* assay-cli-show.c */
JsonObject *_assay_cli_describe         (AssayStore      *store,
                                         AssayRecord     *record,
                                         GHashTable      *cache);
void        _assay_cli_add_details      (AssayStore      *store,
                                         AssayRecord     *record,
                                         JsonObject      *object);

/* assay-cli-output.c */
void        _assay_cli_print_json       (GString         *out,
                                         JsonNode        *node);
void        _assay_cli_print_json_item  (GString         *out,
                                         JsonObject      *object,
                                         guint            index);
void        _assay_cli_print_json_end   (GString         *out,
                                         guint            n_items);
void        _assay_cli_print_fields     (GString         *out,
                                         JsonObject      *object,
                                         guint            indent);
void        _assay_cli_print_table      (GString         *out,
                                         const char     **headers,
                                         guint            n_columns,
                                         GPtrArray       *rows);
char       *_assay_cli_node_text        (JsonNode        *node);

G_END_DECLS
