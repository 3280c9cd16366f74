/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-store.h"
#include "assay-test-fs.h"

G_BEGIN_DECLS

/* Shared set-up for the widget tests: an isolated HOME and XDG folders,
 * libadwaita initialised, and helpers to wait on the main loop. */
void        assay_test_ui_init         (int          *argc,
                                        char       ***argv);
char       *assay_test_make_workspace  (void);
AssayStore *assay_test_open_demo_store (char        **out_directory);
gboolean    assay_test_wait_until      (gboolean    (*condition) (gpointer),
                                        gpointer      data,
                                        guint         timeout_ms);
void        assay_test_iterate         (guint         ms);

G_END_DECLS
