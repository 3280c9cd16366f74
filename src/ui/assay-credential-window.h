/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assay-credential.h"
#include "assay-store.h"

G_BEGIN_DECLS

#define ASSAY_TYPE_CREDENTIAL_WINDOW (assay_credential_window_get_type ())

G_DECLARE_FINAL_TYPE (AssayCredentialWindow, assay_credential_window, ASSAY, CREDENTIAL_WINDOW, AdwWindow)

GtkWindow       *assay_credential_window_present        (AssayStore            *store,
                                                         AssayCredential       *credential,
                                                         GtkWindow             *parent);
AssayCredential *assay_credential_window_get_credential (AssayCredentialWindow *self);
gboolean         assay_credential_window_save_now       (AssayCredentialWindow *self);

G_END_DECLS
