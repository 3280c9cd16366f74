/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-model"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-decision.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"
#include "assay-model-private.h"

struct _AssayDecision
{
  AssayRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AssayDecision, assay_decision, ASSAY_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SUBMISSION_ID,
  PROP_OUTCOME,
  PROP_RATIONALE,
  PROP_DECIDED_BY,
  PROP_DECIDED_AT,
  PROP_MODERATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ASSAY_RECORD_STRING (AssayDecision, assay_decision, submission_id, PROP_SUBMISSION_ID)
ASSAY_RECORD_ENUM (AssayDecision, assay_decision, outcome, AssayDecisionOutcome, PROP_OUTCOME)
ASSAY_RECORD_STRING (AssayDecision, assay_decision, rationale, PROP_RATIONALE)
ASSAY_RECORD_STRING (AssayDecision, assay_decision, decided_by, PROP_DECIDED_BY)
ASSAY_RECORD_DATETIME (AssayDecision, assay_decision, decided_at, PROP_DECIDED_AT)
ASSAY_RECORD_BOOLEAN (AssayDecision, assay_decision, moderated, PROP_MODERATED)

static gboolean
assay_decision_validate (AssayRecord  *record,
                         GError      **error)
{
  AssayDecision *self = ASSAY_DECISION (record);

  if (!assay_model_check_text (assay_decision_get_submission_id (self), _("A decision belongs to a submission"), error))
    return FALSE;
  if (assay_decision_get_rationale (self) == NULL)
    return assay_model_invalid (_("A decision needs a rationale, even an empty one"), error);
  if (assay_decision_get_decided_at (self) == NULL)
    return assay_model_invalid (_("A decision needs the time it was made"), error);

  return TRUE;
}

static void
assay_decision_class_init (AssayDecisionClass *klass)
{
  AssayRecordClass *record_class = ASSAY_RECORD_CLASS (klass);

  record_class->validate = assay_decision_validate;

  properties[PROP_SUBMISSION_ID] = g_param_spec_string ("submission-id", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, ASSAY_TYPE_DECISION_OUTCOME,
                                                ASSAY_DECISION_OUTCOME_NOT_YET, ASSAY_COLUMN_FLAGS);
  properties[PROP_RATIONALE] = g_param_spec_string ("rationale", NULL, NULL, "", ASSAY_COLUMN_FLAGS);
  properties[PROP_DECIDED_BY] = g_param_spec_string ("decided-by", NULL, NULL, NULL, ASSAY_COLUMN_FLAGS);
  properties[PROP_DECIDED_AT] = g_param_spec_boxed ("decided-at", NULL, NULL, G_TYPE_DATE_TIME, ASSAY_COLUMN_FLAGS);
  properties[PROP_MODERATED] = g_param_spec_boolean ("moderated", NULL, NULL, FALSE, ASSAY_COLUMN_FLAGS);

  assay_record_class_install_properties (record_class, "decision", N_("decision"),
                                         N_PROPS, properties);
}

static void
assay_decision_init (AssayDecision *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assay_decision_set_decided_at (self, now);
}

AssayDecision *
assay_decision_new (const char           *submission_id,
                    AssayDecisionOutcome  outcome)
{
  return g_object_new (ASSAY_TYPE_DECISION,
                       "submission-id", submission_id,
                       "outcome", outcome,
                       NULL);
}
