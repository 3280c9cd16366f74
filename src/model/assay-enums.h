/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks of these values are what the workspace stores and what
 * `assay-cli --json` prints; never rename one.
 */

typedef enum
{
  ASSAY_CREDENTIAL_STATUS_DRAFT,     /*< nick=draft >*/
  ASSAY_CREDENTIAL_STATUS_PUBLISHED, /*< nick=published >*/
  ASSAY_CREDENTIAL_STATUS_RETIRED,   /*< nick=retired >*/
} AssayCredentialStatus;

typedef enum
{
  ASSAY_RESOURCE_USE_REQUIRED,  /*< nick=required >*/
  ASSAY_RESOURCE_USE_SUGGESTED, /*< nick=suggested >*/
} AssayResourceUse;

typedef enum
{
  ASSAY_RESOURCE_COST_FREE,     /*< nick=free >*/
  ASSAY_RESOURCE_COST_PURCHASE, /*< nick=purchase >*/
} AssayResourceCost;

typedef enum
{
  ASSAY_DECISION_RULE_ALL_AT_LEVEL,  /*< nick=all-at-level >*/
  ASSAY_DECISION_RULE_MINIMUM_TOTAL, /*< nick=minimum-total >*/
} AssayDecisionRule;

typedef enum /*< flags >*/
{
  ASSAY_PERSON_ROLE_NONE     = 0,      /*< skip >*/
  ASSAY_PERSON_ROLE_EARNER   = 1 << 0, /*< nick=earner >*/
  ASSAY_PERSON_ROLE_ASSESSOR = 1 << 1, /*< nick=assessor >*/
  ASSAY_PERSON_ROLE_STAFF    = 1 << 2, /*< nick=staff >*/
} AssayPersonRole;

typedef enum
{
  ASSAY_CONFLICT_KIND_EARNER,   /*< nick=earner >*/
  ASSAY_CONFLICT_KIND_SCHOOL,   /*< nick=school >*/
  ASSAY_CONFLICT_KIND_DISTRICT, /*< nick=district >*/
} AssayConflictKind;

typedef enum
{
  ASSAY_PREAPPROVAL_NOT_REQUESTED, /*< nick=not-requested >*/
  ASSAY_PREAPPROVAL_REQUESTED,     /*< nick=requested >*/
  ASSAY_PREAPPROVAL_APPROVED,      /*< nick=approved >*/
  ASSAY_PREAPPROVAL_DENIED,        /*< nick=denied >*/
} AssayPreapproval;

typedef enum
{
  ASSAY_ENROLLMENT_STATUS_PLANNED,     /*< nick=planned >*/
  ASSAY_ENROLLMENT_STATUS_IN_PROGRESS, /*< nick=in-progress >*/
  ASSAY_ENROLLMENT_STATUS_SUBMITTED,   /*< nick=submitted >*/
  ASSAY_ENROLLMENT_STATUS_EARNED,      /*< nick=earned >*/
  ASSAY_ENROLLMENT_STATUS_WITHDRAWN,   /*< nick=withdrawn >*/
} AssayEnrollmentStatus;

typedef enum
{
  ASSAY_SUBMISSION_STATUS_RECEIVED,  /*< nick=received >*/
  ASSAY_SUBMISSION_STATUS_IN_REVIEW, /*< nick=in-review >*/
  ASSAY_SUBMISSION_STATUS_AWARDED,   /*< nick=awarded >*/
  ASSAY_SUBMISSION_STATUS_NOT_YET,   /*< nick=not-yet >*/
  ASSAY_SUBMISSION_STATUS_WITHDRAWN, /*< nick=withdrawn >*/
} AssaySubmissionStatus;

#define ASSAY_N_SUBMISSION_STATUSES (ASSAY_SUBMISSION_STATUS_WITHDRAWN + 1)

typedef enum
{
  ASSAY_REVIEW_STATE_DRAFT,     /*< nick=draft >*/
  ASSAY_REVIEW_STATE_SUBMITTED, /*< nick=submitted >*/
} AssayReviewState;

typedef enum
{
  ASSAY_RECOMMENDATION_NONE,    /*< nick=none >*/
  ASSAY_RECOMMENDATION_AWARD,   /*< nick=award >*/
  ASSAY_RECOMMENDATION_NOT_YET, /*< nick=not-yet >*/
} AssayRecommendation;

typedef enum
{
  ASSAY_DECISION_OUTCOME_AWARD,   /*< nick=award >*/
  ASSAY_DECISION_OUTCOME_NOT_YET, /*< nick=not-yet >*/
} AssayDecisionOutcome;

typedef enum
{
  ASSAY_AWARD_STATUS_VALID,   /*< nick=valid >*/
  ASSAY_AWARD_STATUS_REVOKED, /*< nick=revoked >*/
} AssayAwardStatus;

typedef enum
{
  ASSAY_PACKET_OUTCOME_DRAFT,     /*< nick=draft >*/
  ASSAY_PACKET_OUTCOME_SUBMITTED, /*< nick=submitted >*/
  ASSAY_PACKET_OUTCOME_APPROVED,  /*< nick=approved >*/
  ASSAY_PACKET_OUTCOME_RETURNED,  /*< nick=returned >*/
} AssayPacketOutcome;

typedef enum
{
  ASSAY_RATING_UNRATED, /*< nick=unrated >*/
  ASSAY_RATING_YES,     /*< nick=yes >*/
  ASSAY_RATING_NO,      /*< nick=no >*/
} AssayRating;

const char *assay_enum_to_nick   (GType       enum_type,
                                  int         value);
gboolean    assay_enum_from_nick (GType       enum_type,
                                  const char *nick,
                                  int        *value);
const char *assay_credential_status_to_label (AssayCredentialStatus status);
const char *assay_submission_status_to_label (AssaySubmissionStatus status);

G_END_DECLS
