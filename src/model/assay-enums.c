/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-enums.h"
#include "assay-enum-types.h"

const char *
assay_enum_to_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

gboolean
assay_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
assay_credential_status_to_label (AssayCredentialStatus status)
{
  switch (status)
    {
    case ASSAY_CREDENTIAL_STATUS_DRAFT:
      return C_("credential status", "Draft");
    case ASSAY_CREDENTIAL_STATUS_PUBLISHED:
      return C_("credential status", "Published");
    case ASSAY_CREDENTIAL_STATUS_RETIRED:
      return C_("credential status", "Retired");
    default:
      return "";
    }
}

const char *
assay_submission_status_to_label (AssaySubmissionStatus status)
{
  switch (status)
    {
    case ASSAY_SUBMISSION_STATUS_RECEIVED:
      return C_("submission status", "Received");
    case ASSAY_SUBMISSION_STATUS_IN_REVIEW:
      return C_("submission status", "In review");
    case ASSAY_SUBMISSION_STATUS_AWARDED:
      return C_("submission status", "Awarded");
    case ASSAY_SUBMISSION_STATUS_NOT_YET:
      return C_("submission status", "Not yet");
    case ASSAY_SUBMISSION_STATUS_WITHDRAWN:
      return C_("submission status", "Withdrawn");
    default:
      return "";
    }
}
