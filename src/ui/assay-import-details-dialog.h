/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "assay-import-job.h"

G_BEGIN_DECLS

void assay_import_details_dialog_present (AssayImportJob *job,
                                          GtkWindow      *parent);

G_END_DECLS
