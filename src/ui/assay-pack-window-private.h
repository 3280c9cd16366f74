/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assay-bundle-pack.h"
#include "assay-model.h"
#include "assay-pack-window.h"

G_BEGIN_DECLS

/* One evidence file of the bundle being assembled: what the educator says
 * about it, and what the window found out (size, type) when it came in. */
#define ASSAY_TYPE_PACK_ITEM (assay_pack_item_get_type ())

G_DECLARE_FINAL_TYPE (AssayPackItem, assay_pack_item, ASSAY, PACK_ITEM, GObject)

struct _AssayPackWindow
{
  AdwWindow             parent_instance;

  AssayStore           *store;
  GListModel           *credentials;     /* published, live */
  AssayCredential      *credential;      /* the one chosen, or NULL */
  GListModel           *criteria;        /* of its rubric, in order */
  GListStore           *items;           /* AssayPackItem */
  GHashTable           *pending;         /* paths being looked at before they become items */
  AssayPackItem        *removed_item;    /* for Undo */
  guint                 removed_position;
  GHashTable           *reflections;     /* criterion id, or "" for the general one → GtkTextBuffer */
  GCancellable         *cancellable;     /* of the save under way */
  GApplication         *held;            /* kept running until the save has cleaned up */
  gboolean              busy;
  gboolean              dirty;           /* changed since created or saved */
  gboolean              name_filled;     /* the name row holds what the e-mail looked up */

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *evidence_page;
  AdwComboRow          *credential_row;
  AdwActionRow         *attempt_row;
  GtkLabel             *attempt_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *licence_row;
  GtkStack             *evidence_stack;
  GtkListBox           *files_list;
  GtkLabel             *total_label;
  AdwActionRow         *limit_row;
  AdwActionRow         *large_row;
  AdwActionRow         *coverage_row;
  GtkLabel             *reflection_summary_label;
  AdwPreferencesPage   *reflections_page;
  AdwPreferencesGroup  *guidelines_group;
  GtkLabel             *guidelines_label;
  GPtrArray            *reflection_groups;  /* the groups made for the current rubric */
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
};

/* assay-pack-window-files.c */
GFile              *_assay_pack_item_get_file        (AssayPackItem   *item);
const char         *_assay_pack_item_get_name        (AssayPackItem   *item);
guint64             _assay_pack_item_get_size        (AssayPackItem   *item);
const char         *_assay_pack_item_get_title       (AssayPackItem   *item);
const char         *_assay_pack_item_get_description (AssayPackItem   *item);
gboolean            _assay_pack_item_has_criterion   (AssayPackItem   *item,
                                                      const char      *criterion_id);
void                _assay_pack_item_set_criterion   (AssayPackItem   *item,
                                                      const char      *criterion_id,
                                                      gboolean         supported);

void                _assay_pack_window_files_init    (AssayPackWindow *self);
void                _assay_pack_window_files_rebuild (AssayPackWindow *self);
void                _assay_pack_window_undo_remove   (AssayPackWindow *self);

/* assay-pack-window-reflections.c */
guint               _assay_pack_count_words          (const char      *text);
void                _assay_pack_window_reflections_rebuild (AssayPackWindow *self);
void                _assay_pack_window_reflections_plan    (AssayPackWindow *self,
                                                            AssayBundlePlan *plan);
void                _assay_pack_window_reflections_count   (AssayPackWindow *self,
                                                            guint           *written,
                                                            guint           *words);

/* assay-pack-window.c */
void                _assay_pack_window_changed       (AssayPackWindow *self);
void                _assay_pack_window_toast         (AssayPackWindow *self,
                                                      const char      *message);
void                _assay_pack_window_show_error    (AssayPackWindow *self,
                                                      const char      *message);
void                _assay_pack_window_set_busy      (AssayPackWindow *self,
                                                      gboolean         busy);
void                _assay_pack_window_save_finished (AssayPackWindow *self,
                                                      GFile           *file,
                                                      const GError    *error);
char               *_assay_pack_window_too_large_reason (AssayPackWindow *self);
gboolean            _assay_pack_is_email             (const char      *text);
char               *_assay_pack_entry_text           (AdwEntryRow     *row);

/* assay-pack-window-save.c */
char               *_assay_pack_window_suggest_name  (AssayPackWindow *self);
void                _assay_pack_window_save_action   (GtkWidget       *widget,
                                                      const char      *action_name,
                                                      GVariant        *parameter);
void                _assay_pack_window_cancel_action (GtkWidget       *widget,
                                                      const char      *action_name,
                                                      GVariant        *parameter);

G_END_DECLS
