/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "assay-pack-window-private.h"
#include "assay-store-credentials.h"

/* The educator's side of a submission: choose a published credential, say
 * who submits, gather the evidence files (drop or Add Files), tie each to
 * the rubric's criteria, write reflections, check sizes and coverage, and
 * save the zip.
 *
 * Files live in assay-pack-window-files.c, reflections in
 * assay-pack-window-reflections.c, saving in assay-pack-window-save.c.
 */

/* Past this a bundle is slow to copy and send, though still importable. */
#define LARGE_BUNDLE_BYTES (G_GUINT64_CONSTANT (4) << 30)

G_DEFINE_FINAL_TYPE (AssayPackWindow, assay_pack_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  BUNDLE_SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_assay_pack_window_toast (AssayPackWindow *self,
                          const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_assay_pack_window_show_error (AssayPackWindow *self,
                               const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

gboolean
_assay_pack_is_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && at[1] != '\0' && strchr (text, ' ') == NULL;
}

char *
_assay_pack_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The check */

static guint64
total_size (AssayPackWindow *self,
            guint64         *largest)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint64 total = 0;

  *largest = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayPackItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      total += _assay_pack_item_get_size (item);
      *largest = MAX (*largest, _assay_pack_item_get_size (item));
    }

  return total;
}

char *
_assay_pack_window_too_large_reason (AssayPackWindow *self)
{
  AssayBundleLimits limits;
  guint64 largest;
  guint64 total = total_size (self, &largest);
  g_autofree char *max_total = NULL;
  g_autofree char *max_entry = NULL;

  assay_bundle_limits_init_default (&limits);
  if (total <= limits.max_total_bytes && largest <= limits.max_entry_bytes &&
      g_list_model_get_n_items (G_LIST_MODEL (self->items)) < limits.max_entries)
    return NULL;

  max_total = g_format_size (limits.max_total_bytes);
  max_entry = g_format_size (limits.max_entry_bytes);
  return g_strdup_printf (_("Assay imports bundles of up to %s, %u files and %s per file. Split the evidence, or send the largest video another way."),
                          max_total, limits.max_entries - 1, max_entry);
}

/* Titles of the rubric's criteria that no file is tied to. */
static GPtrArray *
uncovered_criteria (AssayPackWindow *self)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  guint n = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (self->criteria, i);
      gboolean covered = FALSE;

      for (guint j = 0; j < n_items && !covered; j++)
        {
          g_autoptr(AssayPackItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), j);

          covered = _assay_pack_item_has_criterion (item, assay_record_get_id (ASSAY_RECORD (criterion)));
        }
      if (!covered)
        g_ptr_array_add (titles, g_strdup_printf ("“%s”", assay_criterion_get_title (criterion)));
    }

  return titles;
}

static void
set_row_text (AdwActionRow *row,
              const char   *title,
              const char   *subtitle)
{
  g_autofree char *escaped_title = title ? g_markup_escape_text (title, -1) : NULL;
  g_autofree char *escaped_subtitle = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (row, escaped_subtitle);
}

static void
update_check (AssayPackWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint64 largest;
  guint64 total = total_size (self, &largest);
  g_autofree char *size = g_format_size (total);
  g_autofree char *total_text = g_strdup_printf (ngettext ("%s in %u file", "%s in %u files", n_items), size, n_items);
  g_autofree char *reason = _assay_pack_window_too_large_reason (self);
  g_autoptr(GPtrArray) uncovered = uncovered_criteria (self);
  guint written, words;
  g_autofree char *summary = NULL;

  gtk_label_set_label (self->total_label, total_text);

  set_row_text (self->limit_row, NULL, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->limit_row), reason != NULL);

  if (reason == NULL && total > LARGE_BUNDLE_BYTES)
    {
      g_autofree char *large = g_strdup_printf (_("At %s the bundle takes a long time to copy and upload; check that your way of sending it takes files this large."),
                                                size);

      set_row_text (self->large_row, NULL, large);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->large_row), reason == NULL && total > LARGE_BUNDLE_BYTES);

  if (uncovered->len > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Criterion Without Evidence", "%u Criteria Without Evidence",
                                                          uncovered->len), uncovered->len);
      g_autofree char *names = NULL;

      g_ptr_array_add (uncovered, NULL);
      names = g_strjoinv (", ", (char **) uncovered->pdata);
      set_row_text (self->coverage_row, title, names);
      g_ptr_array_set_size (uncovered, uncovered->len - 1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->coverage_row), uncovered->len > 0);

  _assay_pack_window_reflections_count (self, &written, &words);
  summary = g_strdup_printf (ngettext ("%u written, %u word", "%u written, %u words", words), written, words);
  gtk_label_set_label (self->reflection_summary_label, summary);

  adw_view_stack_page_set_needs_attention (self->evidence_page, n_items > 0 &&
                                           (reason != NULL || uncovered->len > 0 || total > LARGE_BUNDLE_BYTES));
}

void
_assay_pack_window_changed (AssayPackWindow *self)
{
  self->dirty = TRUE;
  update_check (self);
}

/* Credential and earner */

static char *
credential_label (AssayCredential *credential)
{
  if (credential == NULL)
    return g_strdup ("");
  return g_strdup_printf (_("%s · Version %d"), assay_credential_get_title (credential),
                          (int) assay_credential_get_version (credential));
}

static void
update_attempt (AssayPackWindow *self)
{
  g_autofree char *email = _assay_pack_entry_text (self->email_row);
  guint attempt = self->credential ? assay_bundle_next_attempt (self->store, self->credential, email) : 1;
  g_autofree char *number = g_strdup_printf ("%u", attempt);
  g_autofree char *subtitle = NULL;

  if (attempt == 1)
    subtitle = g_strdup (_("The earner’s first submission for this credential"));
  else
    subtitle = g_strdup_printf (_("A resubmission: the workspace holds %u earlier attempts for this credential"),
                                attempt - 1);
  gtk_label_set_label (self->attempt_label, number);
  adw_action_row_set_subtitle (self->attempt_row, subtitle);
}

static void
on_credential_selected_cb (AssayPackWindow *self)
{
  g_autoptr(AssayCredential) credential = NULL;
  g_autoptr(AssayRubric) rubric = NULL;
  guint selected = adw_combo_row_get_selected (self->credential_row);

  if (selected != GTK_INVALID_LIST_POSITION)
    credential = g_list_model_get_item (self->credentials, selected);
  if (credential == self->credential && self->criteria != NULL)
    return;

  g_set_object (&self->credential, credential);
  g_clear_object (&self->criteria);
  if (credential != NULL)
    rubric = assay_store_get_rubric (self->store, credential, NULL);
  if (rubric != NULL)
    self->criteria = assay_store_list (self->store, ASSAY_TYPE_CRITERION, "rubric_id",
                                       assay_record_get_id (ASSAY_RECORD (rubric)), "position");
  else
    self->criteria = G_LIST_MODEL (g_list_store_new (ASSAY_TYPE_CRITERION));

  _assay_pack_window_files_rebuild (self);
  _assay_pack_window_reflections_rebuild (self);
  update_attempt (self);
  _assay_pack_window_changed (self);
}

static void
fill_earner (AssayPackWindow *self,
             AssayPerson     *person,
             gboolean         with_email)
{
  const char *licence = assay_person_get_licence_number (person);
  g_autofree char *typed_licence = _assay_pack_entry_text (self->licence_row);

  if (with_email)
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), assay_person_get_email (person));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), assay_person_get_name (person));
  self->name_filled = TRUE;
  if (licence != NULL && *typed_licence == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->licence_row), licence);
}

/* A known address fills the name (and licence) the workspace has for it,
 * unless the educator typed a name themselves. */
static void
on_email_changed_cb (AssayPackWindow *self)
{
  g_autofree char *email = _assay_pack_entry_text (self->email_row);
  g_autofree char *name = _assay_pack_entry_text (self->name_row);
  gboolean valid = *email == '\0' || _assay_pack_is_email (email);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");

  if (_assay_pack_is_email (email) && (*name == '\0' || self->name_filled))
    {
      g_autoptr(GPtrArray) people = assay_store_query (self->store, ASSAY_TYPE_PERSON, "email", email, NULL);

      if (people->len > 0)
        fill_earner (self, g_ptr_array_index (people, 0), FALSE);
    }

  update_attempt (self);
  self->dirty = TRUE;
}

static void
on_name_changed_cb (AssayPackWindow *self)
{
  self->name_filled = FALSE;
  self->dirty = TRUE;
}

static void
on_licence_changed_cb (AssayPackWindow *self)
{
  self->dirty = TRUE;
}

/* With one educator in the workspace, it is most likely them. */
static void
prefill_earner (AssayPackWindow *self)
{
  g_autoptr(GPtrArray) people = assay_store_query (self->store, ASSAY_TYPE_PERSON, NULL, NULL, NULL);
  AssayPerson *only = NULL;
  guint earners = 0;

  for (guint i = 0; i < people->len; i++)
    if (assay_person_has_role (g_ptr_array_index (people, i), ASSAY_PERSON_ROLE_EARNER))
      {
        only = g_ptr_array_index (people, i);
        earners++;
      }
  if (earners == 1)
    fill_earner (self, only, TRUE);
}

void
_assay_pack_window_set_busy (AssayPackWindow *self,
                            gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.cancel", busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The end of a save, told to whoever listens. */
void
_assay_pack_window_save_finished (AssayPackWindow *self,
                                  GFile           *file,
                                  const GError    *error)
{
  if (error == NULL)
    g_signal_emit (self, signals[BUNDLE_SAVED], 0, file);
  else
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

/* Adding files */

static void
on_files_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    AssayPackWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      assay_pack_window_add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  g_object_unref (chooser);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AssayPackWindow *self = ASSAY_PACK_WINDOW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add Evidence Files"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_files_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            AssayPackWindow *self)
{
  g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

  if (files == NULL)
    return FALSE;
  assay_pack_window_add_files (self, files);
  return TRUE;
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _assay_pack_window_undo_remove (ASSAY_PACK_WINDOW (widget));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _assay_pack_window_show_error (ASSAY_PACK_WINDOW (widget), NULL);
}

/* Closing */

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AssayPackWindow  *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->dirty = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
assay_pack_window_close_request (GtkWindow *window)
{
  AssayPackWindow *self = ASSAY_PACK_WINDOW (window);
  guint written, words;
  GtkWidget *dialog;

  _assay_pack_window_reflections_count (self, &written, &words);
  if (self->dirty && (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0 || words > 0))
    {
      dialog = adw_message_dialog_new (window, _("Discard This Bundle?"),
                                       _("The files, criteria and reflections gathered here are not saved in a bundle."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Working"), "discard", _("_Discard"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* a save under way stops, and leaves nothing behind */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (assay_pack_window_parent_class)->close_request (window);
}

static void
assay_pack_window_dispose (GObject *object)
{
  AssayPackWindow *self = ASSAY_PACK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_PACK_WINDOW);
  g_clear_pointer (&self->reflection_groups, g_ptr_array_unref);
  g_clear_pointer (&self->reflections, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->removed_item);
  g_clear_object (&self->items);
  g_clear_object (&self->criteria);
  g_clear_object (&self->credential);
  g_clear_object (&self->credentials);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_pack_window_parent_class)->dispose (object);
}

static void
assay_pack_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AssayPackWindow *self = ASSAY_PACK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_pack_window_class_init (AssayPackWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = assay_pack_window_dispose;
  object_class->get_property = assay_pack_window_get_property;
  window_class->close_request = assay_pack_window_close_request;

  /**
   * AssayPackWindow:busy:
   *
   * Whether a bundle is being saved.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AssayPackWindow::bundle-saved:
   * @file: the zip written
   */
  signals[BUNDLE_SAVED] =
    g_signal_new ("bundle-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  /**
   * AssayPackWindow::save-failed:
   * @error: why; %ASSAY_BUNDLE_ERROR_CANCELLED when cancelled
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-pack-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AssayPackWindow, name)
  BIND (toast_overlay);
  BIND (view_stack);
  BIND (evidence_page);
  BIND (credential_row);
  BIND (attempt_row);
  BIND (attempt_label);
  BIND (name_row);
  BIND (email_row);
  BIND (licence_row);
  BIND (evidence_stack);
  BIND (files_list);
  BIND (total_label);
  BIND (limit_row);
  BIND (large_row);
  BIND (coverage_row);
  BIND (reflection_summary_label);
  BIND (reflections_page);
  BIND (guidelines_group);
  BIND (guidelines_label);
  BIND (progress_revealer);
  BIND (progress_bar);
  BIND (progress_label);
  BIND (error_revealer);
  BIND (error_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "pack.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "pack.save", NULL, _assay_pack_window_save_action);
  gtk_widget_class_install_action (widget_class, "pack.cancel", NULL, _assay_pack_window_cancel_action);
  gtk_widget_class_install_action (widget_class, "pack.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "pack.dismiss-error", NULL, dismiss_error_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "pack.add-files", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pack.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
assay_pack_window_init (AssayPackWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->reflections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->reflection_groups = g_ptr_array_new ();
  _assay_pack_window_files_init (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pack.cancel", FALSE);

  /* On the content, not the window: the theme outlines a drop target
   * under the pointer, but never a window. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (drop));
}

static guint
find_credential (GListModel      *credentials,
                 AssayCredential *credential)
{
  for (guint i = 0; credential != NULL && i < g_list_model_get_n_items (credentials); i++)
    {
      g_autoptr(AssayCredential) item = g_list_model_get_item (credentials, i);

      if (item == credential)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * assay_pack_window_new:
 * @credential: (nullable): the credential to preselect, if published
 *
 * Returns: (transfer none): a new window, owned by GTK until destroyed, for
 *   assembling an evidence bundle from files on this computer
 */
AssayPackWindow *
assay_pack_window_new (AssayStore      *store,
                       AssayCredential *credential)
{
  AssayPackWindow *self;
  g_autoptr(GtkExpression) label = NULL;
  guint position;

  g_return_val_if_fail (ASSAY_IS_STORE (store), NULL);
  g_return_val_if_fail (credential == NULL || ASSAY_IS_CREDENTIAL (credential), NULL);

  /* the application's, like every window, so that it stays open with it */
  self = g_object_new (ASSAY_TYPE_PACK_WINDOW,
                       "application", GTK_IS_APPLICATION (g_application_get_default ()) ? g_application_get_default () : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->credentials = assay_store_list (store, ASSAY_TYPE_CREDENTIAL, "status", "published", "title");

  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (credential_label), NULL, NULL);
  adw_combo_row_set_expression (self->credential_row, label);
  adw_combo_row_set_model (self->credential_row, self->credentials);
  position = find_credential (self->credentials, credential);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->credential_row, position);
  else if (credential != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not published and takes no submissions; choose a published credential"),
                                                  assay_credential_get_title (credential));

      _assay_pack_window_toast (self, message);
    }

  g_signal_connect_object (self->credential_row, "notify::selected", G_CALLBACK (on_credential_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "changed", G_CALLBACK (on_email_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->licence_row, "changed", G_CALLBACK (on_licence_changed_cb), self, G_CONNECT_SWAPPED);
  on_credential_selected_cb (self);
  prefill_earner (self);
  self->dirty = FALSE;

  return self;
}

gboolean
assay_pack_window_get_busy (AssayPackWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_PACK_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * assay_pack_window_get_files:
 *
 * Returns: (transfer none): the evidence files gathered so far, in bundle
 *   order (private item objects; count them, don't inspect them)
 */
GListModel *
assay_pack_window_get_files (AssayPackWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_PACK_WINDOW (self), NULL);

  return G_LIST_MODEL (self->items);
}
