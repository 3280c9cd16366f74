/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes a test's scratch folder, read-only files included. */
void assay_test_remove_tree (const char *path);

G_END_DECLS
