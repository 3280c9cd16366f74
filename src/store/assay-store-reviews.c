/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-decision-rule.h"
#include "assay-store-credentials.h"
#include "assay-store-reviews.h"

/* Reviews and decisions, with the rules of assessment kept here, in the
 * store, so that no window or script can break them: an assessor reviews
 * only with the assessor role, never their own submission nor one they
 * declared a conflict with; a submitted review no longer changes; a
 * decision needs the credential's number of submitted reviews, and reviews
 * that disagree go to moderation. Each step is an audit event. */

static gboolean
start (AssayStore  *self,
       gboolean    *own,
       GError     **error)
{
  *own = !assay_store_in_transaction (self);
  return !*own || assay_store_begin (self, error);
}

static gboolean
finish (AssayStore  *self,
        gboolean     own,
        gboolean     ok,
        GError     **error)
{
  if (!own)
    return ok;
  if (!ok)
    {
      assay_store_rollback (self);
      return FALSE;
    }
  return assay_store_commit (self, error);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT, message);
  return FALSE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

/**
 * assay_store_check_assessor:
 *
 * Whether @assessor may review @submission, and why not: the assessor role,
 * not the earner, and no declared conflict with the earner, their school or
 * their district.
 */
gboolean
assay_store_check_assessor (AssayStore       *self,
                            AssaySubmission  *submission,
                            AssayPerson      *assessor,
                            GError          **error)
{
  g_autoptr(AssayPerson) earner = assay_store_lookup (self, ASSAY_TYPE_PERSON,
                                                      assay_submission_get_earner_id (submission), NULL);
  g_autoptr(GPtrArray) conflicts = assay_store_query (self, ASSAY_TYPE_CONFLICT, "person_id",
                                                      assay_record_get_id (ASSAY_RECORD (assessor)), NULL);

  if (!(assay_person_get_roles (assessor) & ASSAY_PERSON_ROLE_ASSESSOR))
    return refuse (error, _("This person does not have the assessor role"));
  if (g_strcmp0 (assay_record_get_id (ASSAY_RECORD (assessor)), assay_submission_get_earner_id (submission)) == 0)
    return refuse (error, _("An assessor cannot review their own submission"));

  for (guint i = 0; earner != NULL && i < conflicts->len; i++)
    {
      AssayConflict *conflict = g_ptr_array_index (conflicts, i);
      const char *target = assay_conflict_get_target (conflict);

      switch (assay_conflict_get_kind (conflict))
        {
        case ASSAY_CONFLICT_KIND_EARNER:
          if (same_text (target, assay_person_get_email (earner)) || same_text (target, assay_record_get_id (ASSAY_RECORD (earner)))
              || same_text (target, assay_person_get_name (earner)))
            return refuse (error, _("This assessor declared a conflict of interest with the earner"));
          break;
        case ASSAY_CONFLICT_KIND_SCHOOL:
          if (same_text (target, assay_person_get_school (earner)))
            return refuse (error, _("This assessor declared a conflict of interest with the earner’s school"));
          break;
        case ASSAY_CONFLICT_KIND_DISTRICT:
          if (same_text (target, assay_person_get_district (earner)))
            return refuse (error, _("This assessor declared a conflict of interest with the earner’s district"));
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/**
 * assay_store_review_open:
 *
 * The assessor's review of @submission: their draft, made when there is
 * none, after the rules of assessment are checked.
 *
 * Returns: (transfer full) (nullable): the review
 */
AssayReview *
assay_store_review_open (AssayStore       *self,
                         AssaySubmission  *submission,
                         AssayPerson      *assessor,
                         GError          **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(AssayReview) review = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean own;

  if (!assay_store_check_assessor (self, submission, assessor, error))
    return NULL;

  reviews = assay_store_query (self, ASSAY_TYPE_REVIEW, "submission_id", assay_record_get_id (ASSAY_RECORD (submission)), NULL);
  for (guint i = 0; i < reviews->len; i++)
    if (g_strcmp0 (assay_review_get_assessor_id (g_ptr_array_index (reviews, i)),
                   assay_record_get_id (ASSAY_RECORD (assessor))) == 0)
      return g_object_ref (g_ptr_array_index (reviews, i));

  now = g_date_time_new_now_utc ();
  review = assay_review_new (assay_record_get_id (ASSAY_RECORD (submission)), assay_record_get_id (ASSAY_RECORD (assessor)));
  assay_review_set_started_at (review, now);
  if (!start (self, &own, error))
    return NULL;
  if (!finish (self, own,
               assay_store_save (self, review, error)
               && assay_store_append_audit (self, assay_record_get_id (ASSAY_RECORD (assessor)), "review-started",
                                            ASSAY_RECORD (review), NULL, error),
               error))
    return NULL;
  return g_steal_pointer (&review);
}

static gboolean
check_draft (AssayReview  *review,
             GError      **error)
{
  if (assay_review_get_state (review) != ASSAY_REVIEW_STATE_DRAFT)
    {
      g_set_error_literal (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_FROZEN,
                           _("This review was submitted and can no longer change; staff can reopen it"));
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_review_score:
 * @level: (nullable): the level, or NULL to clear the score
 * @comment: (nullable): feedback on this criterion
 */
gboolean
assay_store_review_score (AssayStore      *self,
                          AssayReview     *review,
                          AssayCriterion  *criterion,
                          AssayLevel      *level,
                          const char      *comment,
                          GError         **error)
{
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(AssayScore) score = NULL;

  if (!check_draft (review, error))
    return FALSE;
  if (level != NULL && g_strcmp0 (assay_level_get_rubric_id (level), assay_criterion_get_rubric_id (criterion)) != 0)
    return refuse (error, _("The level is not one of this criterion’s rubric"));

  scores = assay_store_query (self, ASSAY_TYPE_SCORE, "review_id", assay_record_get_id (ASSAY_RECORD (review)), NULL);
  for (guint i = 0; i < scores->len && score == NULL; i++)
    if (g_strcmp0 (assay_score_get_criterion_id (g_ptr_array_index (scores, i)),
                   assay_record_get_id (ASSAY_RECORD (criterion))) == 0)
      score = g_object_ref (g_ptr_array_index (scores, i));
  if (score == NULL)
    score = assay_score_new (assay_record_get_id (ASSAY_RECORD (review)), assay_record_get_id (ASSAY_RECORD (criterion)));
  assay_score_set_level_id (score, level ? assay_record_get_id (ASSAY_RECORD (level)) : NULL);
  assay_score_set_comment (score, comment);
  if (!assay_store_save (self, score, error))
    {
      assay_store_revert (self, score);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  AssayRubric *rubric;
  GPtrArray   *criteria;   /* AssayCriterion, in order */
  GPtrArray   *levels;     /* AssayLevel, in order */
  int          rule_position;
} RubricShape;

static void
rubric_shape_clear (RubricShape *shape)
{
  g_clear_object (&shape->rubric);
  g_clear_pointer (&shape->criteria, g_ptr_array_unref);
  g_clear_pointer (&shape->levels, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RubricShape, rubric_shape_clear)

static gboolean
read_shape (AssayStore   *self,
            const char   *credential_id,
            RubricShape  *shape,
            GError      **error)
{
  g_autoptr(AssayCredential) credential = assay_store_lookup (self, ASSAY_TYPE_CREDENTIAL, credential_id, error);
  const char *rubric_id;

  memset (shape, 0, sizeof *shape);
  if (credential == NULL || (shape->rubric = assay_store_get_rubric (self, credential, error)) == NULL)
    return FALSE;
  rubric_id = assay_record_get_id (ASSAY_RECORD (shape->rubric));
  shape->criteria = assay_store_query (self, ASSAY_TYPE_CRITERION, "rubric_id", rubric_id, "position");
  shape->levels = assay_store_query (self, ASSAY_TYPE_LEVEL, "rubric_id", rubric_id, "position");
  for (guint i = 0; i < shape->levels->len; i++)
    if (g_strcmp0 (assay_record_get_id (g_ptr_array_index (shape->levels, i)), assay_rubric_get_rule_level_id (shape->rubric)) == 0)
      shape->rule_position = (int) i;
  return TRUE;
}

/* The review's scores in criterion order, as positions and points. */
static AssayCriterionScore *
read_scores (AssayStore  *self,
             AssayReview *review,
             RubricShape *shape)
{
  g_autoptr(GPtrArray) scores = assay_store_query (self, ASSAY_TYPE_SCORE, "review_id",
                                                   assay_record_get_id (ASSAY_RECORD (review)), NULL);
  AssayCriterionScore *out = g_new (AssayCriterionScore, MAX (shape->criteria->len, 1));

  for (guint c = 0; c < shape->criteria->len; c++)
    {
      const char *criterion_id = assay_record_get_id (g_ptr_array_index (shape->criteria, c));

      out[c].position = -1;
      out[c].points = 0;
      for (guint s = 0; s < scores->len; s++)
        {
          AssayScore *score = g_ptr_array_index (scores, s);

          if (g_strcmp0 (assay_score_get_criterion_id (score), criterion_id) != 0)
            continue;
          for (guint l = 0; l < shape->levels->len; l++)
            if (g_strcmp0 (assay_record_get_id (g_ptr_array_index (shape->levels, l)), assay_score_get_level_id (score)) == 0)
              {
                out[c].position = (int) l;
                out[c].points = (int) assay_level_get_points (g_ptr_array_index (shape->levels, l));
              }
        }
    }
  return out;
}

/**
 * assay_store_review_submit:
 * @feedback: (nullable): the overall feedback to the earner
 *
 * Locks the review, with the recommendation the rubric's rule gives its
 * scores. Every criterion must be scored.
 */
gboolean
assay_store_review_submit (AssayStore   *self,
                           AssayReview  *review,
                           const char   *feedback,
                           GError      **error)
{
  g_autoptr(AssaySubmission) submission = NULL;
  g_autofree AssayCriterionScore *scores = NULL;
  g_auto(RubricShape) shape = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  AssayRecommendation recommendation;
  gboolean own, ok;

  if (!check_draft (review, error))
    return FALSE;
  submission = assay_store_lookup (self, ASSAY_TYPE_SUBMISSION, assay_review_get_submission_id (review), error);
  if (submission == NULL || !read_shape (self, assay_submission_get_credential_id (submission), &shape, error))
    return FALSE;
  scores = read_scores (self, review, &shape);
  recommendation = assay_decision_rule_evaluate (assay_rubric_get_rule (shape.rubric), shape.rule_position,
                                                 (int) assay_rubric_get_minimum_total (shape.rubric),
                                                 scores, shape.criteria->len);
  if (recommendation == ASSAY_RECOMMENDATION_NONE)
    return refuse (error, _("Every criterion needs a level before the review can be submitted"));

  if (!start (self, &own, error))
    return FALSE;
  assay_review_set_feedback (review, feedback);
  assay_review_set_recommendation (review, recommendation);
  assay_review_set_state (review, ASSAY_REVIEW_STATE_SUBMITTED);
  assay_review_set_submitted_at (review, now);
  ok = assay_store_save (self, review, error)
       && assay_store_append_audit (self, assay_review_get_assessor_id (review), "review-submitted",
                                    ASSAY_RECORD (review), NULL, error);
  if (assay_submission_get_status (submission) == ASSAY_SUBMISSION_STATUS_RECEIVED)
    {
      assay_submission_set_status (submission, ASSAY_SUBMISSION_STATUS_IN_REVIEW);
      ok = ok && assay_store_save (self, submission, error);
    }
  if (!finish (self, own, ok, error))
    {
      assay_store_revert (self, review);
      assay_store_revert (self, submission);
      return FALSE;
    }
  return TRUE;
}

/**
 * assay_store_decide:
 * @actor_id: (nullable): who asks
 * @verdict: (out): award, not yet, or none when moderation is needed
 *
 * Applies the credential's rule to the submitted reviews. When they agree
 * (same recommendation, no criterion more than one level apart) the
 * decision is recorded and the submission marked awarded or not yet;
 * otherwise nothing is recorded and the verdict is NONE: moderation.
 */
gboolean
assay_store_decide (AssayStore           *self,
                    AssaySubmission      *submission,
                    const char           *actor_id,
                    AssayRecommendation  *verdict,
                    GError              **error)
{
  g_autoptr(GPtrArray) reviews = assay_store_query (self, ASSAY_TYPE_REVIEW, "submission_id",
                                                    assay_record_get_id (ASSAY_RECORD (submission)), "submitted_at");
  g_autoptr(AssayCredential) credential = assay_store_lookup (self, ASSAY_TYPE_CREDENTIAL,
                                                              assay_submission_get_credential_id (submission), error);
  g_autoptr(GPtrArray) submitted = g_ptr_array_new ();
  g_autoptr(GPtrArray) existing = assay_store_query (self, ASSAY_TYPE_DECISION, "submission_id",
                                                     assay_record_get_id (ASSAY_RECORD (submission)), NULL);
  g_auto(RubricShape) shape = { 0 };
  g_autoptr(AssayDecision) decision = NULL;
  g_autoptr(GString) rationale = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  AssayCriterionScore **scores;
  gboolean agree = TRUE, own, ok;
  gint64 required;

  *verdict = ASSAY_RECOMMENDATION_NONE;
  if (credential == NULL)
    return FALSE;
  if (existing->len > 0)
    return refuse (error, _("This submission was decided already"));
  for (guint i = 0; i < reviews->len; i++)
    if (assay_review_get_state (g_ptr_array_index (reviews, i)) == ASSAY_REVIEW_STATE_SUBMITTED)
      g_ptr_array_add (submitted, g_ptr_array_index (reviews, i));
  required = assay_credential_get_required_reviews (credential);
  if ((gint64) submitted->len < required)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CONSTRAINT,
                   _("The credential needs %d submitted reviews; this submission has %u"), (int) required, submitted->len);
      return FALSE;
    }
  if (!read_shape (self, assay_record_get_id (ASSAY_RECORD (credential)), &shape, error))
    return FALSE;

  scores = g_new0 (AssayCriterionScore *, submitted->len);
  for (guint i = 0; i < submitted->len; i++)
    scores[i] = read_scores (self, g_ptr_array_index (submitted, i), &shape);
  for (guint i = 1; i < submitted->len && agree; i++)
    {
      AssayReview *a = g_ptr_array_index (submitted, 0), *b = g_ptr_array_index (submitted, i);

      agree = assay_review_get_recommendation (a) == assay_review_get_recommendation (b)
              && !assay_decision_rule_disagree (scores[0], scores[i], shape.criteria->len);
    }
  for (guint i = 0; i < submitted->len; i++)
    g_free (scores[i]);
  g_free (scores);

  if (!agree)
    return TRUE;

  *verdict = assay_review_get_recommendation (g_ptr_array_index (submitted, 0));
  g_string_printf (rationale, g_dngettext (GETTEXT_PACKAGE,
                                           "%u independent review agrees under the rubric’s rule.",
                                           "%u independent reviews agree under the rubric’s rule.", submitted->len),
                   submitted->len);
  decision = assay_decision_new (assay_record_get_id (ASSAY_RECORD (submission)),
                                 *verdict == ASSAY_RECOMMENDATION_AWARD ? ASSAY_DECISION_OUTCOME_AWARD
                                                                        : ASSAY_DECISION_OUTCOME_NOT_YET);
  assay_decision_set_rationale (decision, rationale->str);
  assay_decision_set_decided_by (decision, actor_id);
  assay_decision_set_decided_at (decision, now);
  assay_submission_set_status (submission, *verdict == ASSAY_RECOMMENDATION_AWARD ? ASSAY_SUBMISSION_STATUS_AWARDED
                                                                                  : ASSAY_SUBMISSION_STATUS_NOT_YET);
  if (!start (self, &own, error))
    return FALSE;
  ok = assay_store_save (self, decision, error)
       && assay_store_save (self, submission, error)
       && assay_store_append_audit (self, actor_id, "decision-recorded", ASSAY_RECORD (decision), NULL, error);
  if (!finish (self, own, ok, error))
    {
      assay_store_revert (self, submission);
      *verdict = ASSAY_RECOMMENDATION_NONE;
      return FALSE;
    }
  return TRUE;
}
