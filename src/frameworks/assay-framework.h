/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ASSAY_TYPE_FRAMEWORK (assay_framework_get_type ())

G_DECLARE_FINAL_TYPE (AssayFramework, assay_framework, ASSAY, FRAMEWORK, GObject)

#define ASSAY_FRAMEWORK_ERROR (assay_framework_error_quark ())

typedef enum
{
  ASSAY_FRAMEWORK_ERROR_INVALID,
  ASSAY_FRAMEWORK_ERROR_NOT_FOUND,
} AssayFrameworkError;

typedef enum
{
  ASSAY_FRAMEWORK_APPROVAL,  /* a state's approval rubric: every indicator must be Yes */
  ASSAY_FRAMEWORK_QUALITY,   /* criteria a provider holds itself to */
} AssayFrameworkKind;

/* A heading: a standard, a component, or a subcomponent under one. */
typedef struct
{
  char *id;
  char *title;
  char *description;       /* nullable */
  char *guiding_question;  /* nullable */
  int   depth;             /* 0 for a top-level section */
  int   top;               /* index of its top-level section */
} AssayFrameworkSection;

/* One thing to rate Yes or No. */
typedef struct
{
  char *id;
  char *name;              /* nullable: "Consistent" for a CCSSO principle */
  char *text;              /* word for word from the source */
  char *kind;              /* "indicator", "criterion", "desired" or "principle" */
  guint section;           /* index of the heading it stands under */
} AssayFrameworkIndicator;

GQuark              assay_framework_error_quark      (void);

AssayFramework     *assay_framework_new_from_bytes   (GBytes         *json,
                                                      const char     *origin,
                                                      GError        **error);
const char         *assay_framework_get_id           (AssayFramework *self);
const char         *assay_framework_get_title        (AssayFramework *self);
const char         *assay_framework_get_short_title  (AssayFramework *self);
const char         *assay_framework_get_publisher    (AssayFramework *self);
const char         *assay_framework_get_description  (AssayFramework *self);
AssayFrameworkKind  assay_framework_get_kind         (AssayFramework *self);
int                 assay_framework_get_review_days  (AssayFramework *self);
gboolean            assay_framework_get_all_must_pass (AssayFramework *self);
guint               assay_framework_get_n_sections   (AssayFramework *self);
const AssayFrameworkSection *
                    assay_framework_get_section      (AssayFramework *self,
                                                      guint           index);
guint               assay_framework_get_n_indicators (AssayFramework *self);
const AssayFrameworkIndicator *
                    assay_framework_get_indicator    (AssayFramework *self,
                                                      guint           index);
const AssayFrameworkIndicator *
                    assay_framework_find_indicator   (AssayFramework *self,
                                                      const char     *id);

/* The frameworks Assay ships, then any in $XDG_DATA_HOME/assay/frameworks
 * (a state's own file: data, not code). A file that does not load is
 * reported and skipped; an id given twice keeps the first. */
GPtrArray          *assay_frameworks_get_all         (GPtrArray     **problems);
AssayFramework     *assay_frameworks_lookup          (const char     *id,
                                                      GError        **error);

G_END_DECLS
