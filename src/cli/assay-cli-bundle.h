/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-cli-private.h"

G_BEGIN_DECLS

/* assay-cli-import.c */
gboolean _assay_cli_import (AssayCli  *cli,
                            int        argc,
                            char     **argv,
                            GError   **error);

/* assay-cli-pack.c */
gboolean _assay_cli_pack   (AssayCli  *cli,
                            int        argc,
                            char     **argv,
                            GError   **error);
gboolean _assay_cli_packet (AssayCli  *cli,
                            int        argc,
                            char     **argv,
                            GError   **error);
gboolean _assay_cli_review (AssayCli  *cli,
                            int        argc,
                            char     **argv,
                            GError   **error);
gboolean _assay_cli_decide (AssayCli  *cli,
                            int        argc,
                            char     **argv,
                            GError   **error);

G_END_DECLS
