/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "assay-evidence-window.h"
#include "assay-model.h"
#include "assay-submissions-view.h"

/* The Submissions page of the main window: every submission of the
 * workspace, newest first, from the store's live list, so a bundle imported
 * in any window shows here at once. */

struct _AssaySubmissionsView
{
  GtkWidget       parent_instance;

  AssayStore     *store;
  GtkSortListModel *sorted;

  GtkStack       *content_stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (AssaySubmissionsView, assay_submissions_view, GTK_TYPE_WIDGET)

static const char *
status_label (AssaySubmissionStatus status)
{
  switch (status)
    {
    case ASSAY_SUBMISSION_STATUS_RECEIVED:
      return _("Received");
    case ASSAY_SUBMISSION_STATUS_IN_REVIEW:
      return _("In review");
    case ASSAY_SUBMISSION_STATUS_AWARDED:
      return _("Awarded");
    case ASSAY_SUBMISSION_STATUS_NOT_YET:
      return _("Not yet");
    case ASSAY_SUBMISSION_STATUS_WITHDRAWN:
      return _("Withdrawn");
    default:
      return "";
    }
}

/* In the order of AssaySubmissionStatus. */
static const char * const status_styles[] = {
  "received", "in-review", "awarded", "not-yet", "withdrawn",
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_styles) == ASSAY_N_SUBMISSION_STATUSES);

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GDateTime *ta = assay_submission_get_received_at ((AssaySubmission *) a);
  GDateTime *tb = assay_submission_get_received_at ((AssaySubmission *) b);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return -g_date_time_compare (ta, tb);
}

typedef struct
{
  GtkWidget *names;
  GtkLabel *earner;
  GtkLabel *credential;
  GtkLabel *attempt;
  GtkLabel *received;
  GtkLabel *files;
  GtkLabel *status;
} RowWidgets;

static GtkLabel *
new_label (GtkBox     *box,
           const char *style,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowWidgets *w = g_new0 (RowWidgets, 1);

  gtk_widget_add_css_class (row, "submission-row");
  gtk_box_append (GTK_BOX (row), names);
  gtk_widget_set_hexpand (names, TRUE);
  w->names = names;
  w->earner = new_label (GTK_BOX (names), "heading", TRUE);
  w->credential = new_label (GTK_BOX (names), "dim-label", TRUE);

  gtk_box_append (GTK_BOX (row), facts);
  gtk_widget_set_size_request (facts, 180, -1);
  w->received = new_label (GTK_BOX (facts), NULL, FALSE);
  w->files = new_label (GTK_BOX (facts), "dim-label", FALSE);

  w->attempt = new_label (GTK_BOX (row), "numeric", FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (w->attempt), 90, -1);
  w->status = new_label (GTK_BOX (row), "submission-status", FALSE);
  gtk_widget_set_valign (GTK_WIDGET (w->status), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (w->status), 90, -1);

  g_object_set_data_full (G_OBJECT (item), "widgets", w, g_free);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, TRUE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AssaySubmissionsView     *self)
{
  AssaySubmission *submission = gtk_list_item_get_item (item);
  RowWidgets *w = g_object_get_data (G_OBJECT (item), "widgets");
  g_autoptr(AssayPerson) earner = assay_store_lookup (self->store, ASSAY_TYPE_PERSON,
                                                      assay_submission_get_earner_id (submission), NULL);
  g_autoptr(AssayCredential) credential = assay_store_lookup (self->store, ASSAY_TYPE_CREDENTIAL,
                                                              assay_submission_get_credential_id (submission), NULL);
  g_autoptr(GPtrArray) artifacts = assay_store_query (self->store, ASSAY_TYPE_ARTIFACT, "submission_id",
                                                      assay_record_get_id (ASSAY_RECORD (submission)), NULL);
  GDateTime *received = assay_submission_get_received_at (submission);
  g_autoptr(GDateTime) local = received ? g_date_time_to_local (received) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : g_strdup ("");
  g_autofree char *credential_text = NULL;
  g_autofree char *attempt = NULL;
  g_autofree char *files = NULL;
  guint n_files = artifacts ? artifacts->len : 0;
  AssaySubmissionStatus status = assay_submission_get_status (submission);

  credential_text = credential
    ? g_strdup_printf (_("%s · version %d"), assay_credential_get_title (credential),
                       (int) assay_credential_get_version (credential))
    : g_strdup ("");
  attempt = g_strdup_printf (_("Attempt %d"), (int) assay_submission_get_attempt (submission));
  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n_files), n_files);

  gtk_label_set_label (w->earner, earner ? assay_person_get_name (earner) : "");
  gtk_label_set_label (w->credential, credential_text);
  /* Not on the ellipsized label itself: see assay-import-row.c. */
  gtk_widget_set_tooltip_text (w->names, credential_text);
  gtk_label_set_label (w->received, when);
  gtk_label_set_label (w->files, files);
  gtk_label_set_label (w->attempt, attempt);
  gtk_label_set_label (w->status, status_label (status));
  for (guint s = 0; s < G_N_ELEMENTS (status_styles); s++)
    {
      if (s == status)
        gtk_widget_add_css_class (GTK_WIDGET (w->status), status_styles[s]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (w->status), status_styles[s]);
    }
}

static void
update_page (AssaySubmissionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
}

/* The list is read when first needed: the page is not the one a window
 * opens on, and a workspace may hold a hundred thousand submissions. */
static void
ensure_loaded (AssaySubmissionsView *self)
{
  GListModel *all;
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (self->sorted != NULL || self->store == NULL)
    return;

  all = assay_store_list (self->store, ASSAY_TYPE_SUBMISSION, NULL, NULL, "received_at");
  self->sorted = gtk_sort_list_model_new (all, GTK_SORTER (gtk_custom_sorter_new (compare_newest_first, NULL, NULL)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));

  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);
}

void
assay_submissions_view_set_store (AssaySubmissionsView *self,
                                  AssayStore           *store)
{
  g_return_if_fail (ASSAY_IS_SUBMISSIONS_VIEW (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

/**
 * assay_submissions_view_get_model:
 *
 * Returns: (transfer none): the submissions as shown, newest first
 */
GListModel *
assay_submissions_view_get_model (AssaySubmissionsView *self)
{
  g_return_val_if_fail (ASSAY_IS_SUBMISSIONS_VIEW (self), NULL);

  ensure_loaded (self);
  return G_LIST_MODEL (self->sorted);
}

static void
on_activate_cb (AssaySubmissionsView *self,
                guint                 position,
                GtkListView          *list_view)
{
  g_autoptr(AssaySubmission) submission = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (submission != NULL)
    assay_evidence_window_present (self->store, submission, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}


static void
assay_submissions_view_dispose (GObject *object)
{
  AssaySubmissionsView *self = ASSAY_SUBMISSIONS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_SUBMISSIONS_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_submissions_view_parent_class)->dispose (object);
}

static void
assay_submissions_view_class_init (AssaySubmissionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_submissions_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-submissions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AssaySubmissionsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AssaySubmissionsView, list_view);
}

static void
assay_submissions_view_init (AssaySubmissionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (ensure_loaded), NULL);
  /* Opening a submission shows its evidence. */
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate_cb), self, G_CONNECT_SWAPPED);
}
