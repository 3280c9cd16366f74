/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-artifact.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayArtifact
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayArtifact, assay_artifact, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SUBMISSION_ID,
  PROP_POSITION,
  PROP_PATH,
  PROP_TITLE,
  PROP_MEDIA_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_DESCRIPTION,
  PROP_CRITERIA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayArtifact, assay_artifact, submission_id, PROP_SUBMISSION_ID)
ASSAY_RECORD_INT (AssayArtifact, assay_artifact, position, PROP_POSITION)
ASSAY_RECORD_STRING (AssayArtifact, assay_artifact, path, PROP_PATH)
ASSAY_RECORD_STRING (AssayArtifact, assay_artifact, title, PROP_TITLE)
ASSAY_RECORD_STRING (AssayArtifact, assay_artifact, media_type, PROP_MEDIA_TYPE)
ASSAY_RECORD_INT (AssayArtifact, assay_artifact, size, PROP_SIZE)
ASSAY_RECORD_STRING (AssayArtifact, assay_artifact, sha256, PROP_SHA256)
ASSAY_RECORD_STRING (AssayArtifact, assay_artifact, description, PROP_DESCRIPTION)
ASSAY_RECORD_STRV (AssayArtifact, assay_artifact, criteria, PROP_CRITERIA)

/* A path inside the submission bundle: relative, with no step upwards */
static gboolean
path_is_inside (const char *path)
{
  g_auto(GStrv) steps = NULL;

  if (path == NULL || g_path_is_absolute (path) || *path == '\\')
    return FALSE;

  steps = g_strsplit_set (path, "/\\", -1);
  for (guint i = 0; steps[i] != NULL; i++)
    if (g_str_equal (steps[i], ".."))
      return FALSE;

  return TRUE;
}

static gboolean
assay_artifact_validate (AssayRecord  *record,
                         GError      **error)
{
  AssayArtifact *self = ASSAY_ARTIFACT (record);

  if (!assay_model_check_text (assay_artifact_get_submission_id (self), _("A file belongs to a submission"), error))
    return FALSE;
  if (!assay_model_check_text (assay_artifact_get_path (self), _("A file needs a path"), error))
    return FALSE;
  if (!path_is_inside (assay_artifact_get_path (self)))
    return assay_model_invalid (_("A file’s path must stay inside its submission"), error);
  if (assay_artifact_get_title (self) == NULL)
    return assay_model_invalid (_("A file needs a title"), error);
  if (!assay_model_check_text (assay_artifact_get_media_type (self), _("A file needs a media type"), error))
    return FALSE;
  if (!assay_model_check_text (assay_artifact_get_sha256 (self), _("A file needs its SHA-256 fingerprint"), error))
    return FALSE;
  if (!assay_model_check_hash (assay_artifact_get_sha256 (self), _("The file’s fingerprint is not a SHA-256 hash"), error))
    return FALSE;

  return TRUE;
}

static void
assay_artifact_class_init (AssayArtifactClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_artifact_validate;

  properties[PROP_SUBMISSION_ID] = g_param_spec_string ("submission-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT32, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_MEDIA_TYPE] = g_param_spec_string ("media-type", NULL, NULL, "application/octet-stream", ASSAY_COLUMN_FLAGS);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CRITERIA] = g_param_spec_boxed ("criteria", NULL, NULL, G_TYPE_STRV, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "artifact", N_("file"),
                                         N_PROPS, properties);
}

static void
assay_artifact_init (AssayArtifact *self)
{
}

AssayArtifact *
assay_artifact_new (const char *submission_id,
                    const char *path,
                    const char *title,
                    const char *sha256)
{
  return g_object_new (ASSAY_TYPE_ARTIFACT,
                       "submission-id", submission_id,
                       "path", path,
                       "title", title,
                       "sha256", sha256,
                       NULL);
}

/**
 * assay_artifact_covers_criterion:
 *
 * Returns: whether the earner offered this file as evidence for @criterion_id
 */
gboolean
assay_artifact_covers_criterion (AssayArtifact *self,
                                 const char    *criterion_id)
{
  g_return_val_if_fail (ASSAY_IS_ARTIFACT (self), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  return g_strv_contains (assay_artifact_get_criteria (self), criterion_id);
}
