/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "assay-demo.h"

G_BEGIN_DECLS

/* What the demonstration loader knows while it writes: the file names
 * people by e-mail address and credentials by keys of its own. */
typedef struct
{
  AssayStore *store;
  GHashTable *people;       /* casefolded e-mail → AssayPerson */
  GHashTable *lineages;     /* credential key → lineage id */
  GHashTable *credentials;  /* credential key → AssayCredential */
  GHashTable *submissions;  /* "e-mail\nkey\nattempt" → submission id */
  char       *actor_id;     /* the first staff member, for the audit trail */
} AssayDemoLoader;

void        _assay_demo_loader_clear      (AssayDemoLoader  *loader);
gboolean    _assay_demo_load_packets      (AssayDemoLoader  *loader,
                                           GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AssayDemoLoader, _assay_demo_loader_clear)

/* assay-demo-people.c */
gboolean    _assay_demo_load_issuer       (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);
gboolean    _assay_demo_load_people       (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);
gboolean    _assay_demo_load_enrollments  (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);
const char *_assay_demo_person_id         (AssayDemoLoader  *loader,
                                           JsonObject       *object,
                                           const char       *member,
                                           GError          **error);

/* assay-demo-catalog.c */
gboolean    _assay_demo_assign_lineages   (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);
gboolean    _assay_demo_load_credentials  (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);
gboolean    _assay_demo_load_stacks       (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);

/* assay-demo-evidence.c */
gboolean    _assay_demo_load_evidence     (AssayDemoLoader  *loader,
                                           JsonObject       *root,
                                           GError          **error);

/* assay-demo.c */
gboolean _assay_demo_begin           (AssayStore            *store,
                                      gboolean              *own,
                                      GError               **error);
gboolean _assay_demo_finish          (AssayStore            *store,
                                      gboolean               own,
                                      gboolean               ok,
                                      GError               **error);
gboolean _assay_demo_set_status      (AssayStore            *store,
                                      AssayCredential       *credential,
                                      AssayCredentialStatus  status,
                                      const char            *actor_id,
                                      GError               **error);

/* assay-demo-json.c: a missing or null member gives the fallback, a member
 * of the wrong type an error. */
gboolean _assay_demo_damaged         (GError               **error,
                                      const char            *member);
gboolean _assay_demo_get_string      (JsonObject            *object,
                                      const char            *member,
                                      gboolean               required,
                                      const char           **out,
                                      GError               **error);
gboolean _assay_demo_get_number      (JsonObject            *object,
                                      const char            *member,
                                      double                 fallback,
                                      double                *out,
                                      GError               **error);
gboolean _assay_demo_get_int         (JsonObject            *object,
                                      const char            *member,
                                      gint64                 fallback,
                                      gint64                *out,
                                      GError               **error);
gboolean _assay_demo_get_boolean     (JsonObject            *object,
                                      const char            *member,
                                      gboolean              *out,
                                      GError               **error);
gboolean _assay_demo_get_array       (JsonObject            *object,
                                      const char            *member,
                                      JsonArray            **out,
                                      GError               **error);
gboolean _assay_demo_get_object      (JsonObject            *object,
                                      const char            *member,
                                      JsonObject           **out,
                                      GError               **error);
guint    _assay_demo_array_length    (JsonArray             *array);
gboolean _assay_demo_element_object  (JsonArray             *array,
                                      guint                  index,
                                      const char            *member,
                                      JsonObject           **out,
                                      GError               **error);
gboolean _assay_demo_element_string  (JsonArray             *array,
                                      guint                  index,
                                      const char            *member,
                                      const char           **out,
                                      GError               **error);
gboolean _assay_demo_get_enum        (JsonObject            *object,
                                      const char            *member,
                                      GType                  enum_type,
                                      int                    fallback,
                                      int                   *out,
                                      GError               **error);
gboolean _assay_demo_get_datetime    (JsonObject            *object,
                                      const char            *member,
                                      GDateTime            **out,
                                      GError               **error);
gboolean _assay_demo_unknown_reference (GError             **error,
                                        const char          *name);

G_END_DECLS
