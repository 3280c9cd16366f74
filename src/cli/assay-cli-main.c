/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-cli.h"

int
main (int   argc,
      char *argv[])
{
  return assay_cli_run (argc, argv);
}
