/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-note.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayNote
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayNote, assay_note, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ARTIFACT_ID,
  PROP_REVIEW_ID,
  PROP_CRITERION_ID,
  PROP_AUTHOR_ID,
  PROP_PAGE,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_START_MS,
  PROP_END_MS,
  PROP_BODY,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayNote, assay_note, artifact_id, PROP_ARTIFACT_ID)
ASSAY_RECORD_STRING (AssayNote, assay_note, review_id, PROP_REVIEW_ID)
ASSAY_RECORD_STRING (AssayNote, assay_note, criterion_id, PROP_CRITERION_ID)
ASSAY_RECORD_STRING (AssayNote, assay_note, author_id, PROP_AUTHOR_ID)
ASSAY_RECORD_INT (AssayNote, assay_note, page, PROP_PAGE)
ASSAY_RECORD_DOUBLE (AssayNote, assay_note, x, PROP_X)
ASSAY_RECORD_DOUBLE (AssayNote, assay_note, y, PROP_Y)
ASSAY_RECORD_DOUBLE (AssayNote, assay_note, width, PROP_WIDTH)
ASSAY_RECORD_DOUBLE (AssayNote, assay_note, height, PROP_HEIGHT)
ASSAY_RECORD_INT (AssayNote, assay_note, start_ms, PROP_START_MS)
ASSAY_RECORD_INT (AssayNote, assay_note, end_ms, PROP_END_MS)
ASSAY_RECORD_STRING (AssayNote, assay_note, body, PROP_BODY)
ASSAY_RECORD_DATETIME (AssayNote, assay_note, created_at, PROP_CREATED_AT)

static gboolean
assay_note_validate (AssayRecord  *record,
                     GError      **error)
{
  AssayNote *self = ASSAY_NOTE (record);

  if (!assay_model_check_text (assay_note_get_artifact_id (self), _("A note belongs to a file"), error))
    return FALSE;
  if (!assay_note_is_page_anchored (self) && !assay_note_is_time_anchored (self))
    return assay_model_invalid (_("A note needs a place: a page or a moment in the recording"), error);
  if (assay_note_get_end_ms (self) >= 0 && assay_note_get_start_ms (self) < 0)
    return assay_model_invalid (_("A note’s time range needs a start"), error);
  if (assay_note_get_end_ms (self) >= 0 && assay_note_get_end_ms (self) < assay_note_get_start_ms (self))
    return assay_model_invalid (_("A note’s time range ends before it starts"), error);
  if (assay_note_get_body (self) == NULL)
    return assay_model_invalid (_("A note needs a body, even an empty one"), error);
  if (assay_note_get_created_at (self) == NULL)
    return assay_model_invalid (_("A note needs a creation time"), error);

  return TRUE;
}

static void
assay_note_class_init (AssayNoteClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_note_validate;

  properties[PROP_ARTIFACT_ID] = g_param_spec_string ("artifact-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_REVIEW_ID] = g_param_spec_string ("review-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_CRITERION_ID] = g_param_spec_string ("criterion-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_AUTHOR_ID] = g_param_spec_string ("author-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_PAGE] = g_param_spec_int64 ("page", NULL, NULL, -1, G_MAXINT32, -1, ASSAY_COLUMN_FLAGS);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, 0, G_MAXDOUBLE, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_HEIGHT] = g_param_spec_double ("height", NULL, NULL, 0, G_MAXDOUBLE, 0, ASSAY_COLUMN_FLAGS);
  properties[PROP_START_MS] = g_param_spec_int64 ("start-ms", NULL, NULL, -1, G_MAXINT64, -1, ASSAY_COLUMN_FLAGS);
  properties[PROP_END_MS] = g_param_spec_int64 ("end-ms", NULL, NULL, -1, G_MAXINT64, -1, ASSAY_COLUMN_FLAGS);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", ASSAY_COLUMN_FLAGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "note", N_("note"),
                                         N_PROPS, properties);
}

static void
assay_note_init (AssayNote *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_note_set_created_at (self, now);
}

AssayNote *
assay_note_new (const char *artifact_id)
{
  return g_object_new (ASSAY_TYPE_NOTE, "artifact-id", artifact_id, NULL);
}

/**
 * assay_note_is_page_anchored:
 *
 * Returns: whether the note marks a page (and a region of it) of a document
 */
gboolean
assay_note_is_page_anchored (AssayNote *self)
{
  g_return_val_if_fail (ASSAY_IS_NOTE (self), FALSE);

  return assay_note_get_page (self) >= 0;
}

/**
 * assay_note_is_time_anchored:
 *
 * Returns: whether the note marks a moment (or a span) of a recording
 */
gboolean
assay_note_is_time_anchored (AssayNote *self)
{
  g_return_val_if_fail (ASSAY_IS_NOTE (self), FALSE);

  return assay_note_get_start_ms (self) >= 0;
}
