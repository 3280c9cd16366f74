/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every row kind of a workspace, for code that uses many of them */

#include "assay-record.h"
#include "assay-enums.h"
#include "assay-enum-types.h"
#include "assay-model-util.h"

#include "assay-artifact.h"
#include "assay-audit-event.h"
#include "assay-award.h"
#include "assay-conflict.h"
#include "assay-credential.h"
#include "assay-criterion.h"
#include "assay-decision.h"
#include "assay-enrollment.h"
#include "assay-issuer.h"
#include "assay-level.h"
#include "assay-note.h"
#include "assay-packet-item.h"
#include "assay-packet.h"
#include "assay-person.h"
#include "assay-qualification.h"
#include "assay-reflection.h"
#include "assay-resource.h"
#include "assay-review.h"
#include "assay-rubric-cell.h"
#include "assay-rubric.h"
#include "assay-score.h"
#include "assay-stack-member.h"
#include "assay-stack.h"
#include "assay-submission.h"
