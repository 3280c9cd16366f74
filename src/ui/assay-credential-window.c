/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-application.h"
#include "assay-credential-window.h"
#include "assay-import-drop.h"
#include "assay-pack-window.h"
#include "assay-packet-window.h"
#include "assay-model.h"
#include "assay-resource-dialog.h"
#include "assay-rubric-editor.h"
#include "assay-store-credentials.h"
#include "assay-text-view.h"

/* The editor of one credential version: its profile (every category CCSSO
 * principle A and the Cross-State criteria ask for) and its rubric. Fields
 * are bound to the shared credential object, so other windows follow each
 * keystroke; the row is saved a moment after typing stops.
 */
struct _AssayCredentialWindow
{
  AdwWindow         parent_instance;

  AssayStore       *store;
  AssayCredential  *credential;
  GListModel       *resources;
  AssayResource    *removed_resource;
  guint             save_source;

  AdwToastOverlay  *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel         *frozen_label;
  GtkRevealer      *frozen_revealer;
  AdwViewStack     *view_stack;
  GtkButton        *publish_button;
  GtkButton        *new_version_button;
  GtkBox           *rubric_box;
  GtkListBox       *resources_list;
  GtkPicture       *image_picture;

  AdwEntryRow      *title_row;
  AdwEntryRow      *area_row;
  AdwEntryRow      *developer_row;
  AdwEntryRow      *issuer_row;
  GtkTextView      *description_view;
  GtkTextView      *competency_view;
  GtkTextView      *key_method_view;
  GtkTextView      *rationale_view;
  GtkTextView      *benefit_view;
  GtkTextView      *guidelines_view;
  GtkSpinButton    *sync_spin;
  GtkSpinButton    *async_spin;
  GtkSpinButton    *pd_spin;
};

G_DEFINE_FINAL_TYPE (AssayCredentialWindow, assay_credential_window, ADW_TYPE_WINDOW)

static void
toast (AssayCredentialWindow *self,
       const char            *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static guint
autosave_delay (AssayCredentialWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (ASSAY_IS_APPLICATION (app))
    return g_settings_get_int (assay_application_get_settings (ASSAY_APPLICATION (app)), "autosave-delay-ms");
  return 500;
}

/**
 * assay_credential_window_save_now:
 *
 * Saves pending edits. An invalid profile (a blank title, say) is kept in
 * the window for the user to fix and reported, not written.
 */
gboolean
assay_credential_window_save_now (AssayCredentialWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!assay_credential_is_editable (self->credential))
    return TRUE;

  if (!assay_record_validate (ASSAY_RECORD (self->credential), &error) ||
      !assay_store_save (self->store, self->credential, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      toast (self, error->message);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  return TRUE;
}

static gboolean
on_save_timeout_cb (gpointer data)
{
  AssayCredentialWindow *self = data;

  self->save_source = 0;
  assay_credential_window_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_credential_notify_cb (AssayCredentialWindow *self,
                         GParamSpec            *pspec)
{
  if (!(pspec->flags & G_PARAM_WRITABLE) || !assay_credential_is_editable (self->credential))
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (autosave_delay (self), on_save_timeout_cb, self);
}

static void
update_state (AssayCredentialWindow *self)
{
  AssayCredential *credential = self->credential;
  gboolean editable = assay_credential_is_editable (credential);
  GtkEditable *entries[] = {
    GTK_EDITABLE (self->title_row), GTK_EDITABLE (self->area_row),
    GTK_EDITABLE (self->developer_row), GTK_EDITABLE (self->issuer_row),
  };
  GtkTextView *views[] = {
    self->description_view, self->competency_view, self->key_method_view,
    self->rationale_view, self->benefit_view, self->guidelines_view,
  };
  g_autofree char *subtitle = g_strdup_printf (_("Version %d · %s"),
                                               (int) assay_credential_get_version (credential),
                                               assay_credential_status_to_label (assay_credential_get_status (credential)));
  g_autofree char *frozen = g_strdup_printf (_("Version %d is %s and frozen: submissions are scored against exactly this text and rubric. Use New Version to change it."),
                                             (int) assay_credential_get_version (credential),
                                             assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_RETIRED
                                               ? _("retired") : _("published"));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (entries[i], editable);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_text_view_set_editable (views[i], editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->async_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pd_spin), editable);

  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_label_set_label (self->frozen_label, frozen);
  /* the rubric editor says it for itself */
  gtk_revealer_set_reveal_child (self->frozen_revealer,
                                 !editable && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "profile") == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_version_button), !editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.retire",
                                 assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_PUBLISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.delete", editable);
  /* Evidence is packed for published credentials only: an importer takes no other. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.pack-bundle",
                                 assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_PUBLISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.add-resource", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.edit-resource", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.remove-resource", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.choose-image", editable);
}

static void
update_image (AssayCredentialWindow *self)
{
  const char *hash = assay_credential_get_image_hash (self->credential);
  g_autofree char *path = hash ? assay_blob_store_get_path (assay_store_get_blobs (self->store), hash) : NULL;

  gtk_picture_set_filename (self->image_picture, path);
  gtk_widget_set_visible (GTK_WIDGET (self->image_picture), path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.remove-image",
                                 path != NULL && assay_credential_is_editable (self->credential));
}

/* Text widgets hold "", the model holds NULL for an empty optional field. */
static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

static gboolean
empty_to_null (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text && *text ? text : NULL);
  return TRUE;
}

static void
bind_text (AssayCredentialWindow *self,
           const char            *property,
           gpointer               target,
           const char            *target_property)
{
  g_object_bind_property_full (self->credential, property, target, target_property,
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               null_to_empty, empty_to_null, NULL, NULL);
}

static void
bind_fields (AssayCredentialWindow *self)
{
  bind_text (self, "title", self->title_row, "text");
  bind_text (self, "title", self, "title");
  bind_text (self, "title", self->switcher_title, "title");
  bind_text (self, "competency-area", self->area_row, "text");
  bind_text (self, "developer", self->developer_row, "text");
  bind_text (self, "issuer", self->issuer_row, "text");
  bind_text (self, "description", gtk_text_view_get_buffer (self->description_view), "text");
  bind_text (self, "competency", gtk_text_view_get_buffer (self->competency_view), "text");
  bind_text (self, "key-method", gtk_text_view_get_buffer (self->key_method_view), "text");
  bind_text (self, "research-rationale", gtk_text_view_get_buffer (self->rationale_view), "text");
  bind_text (self, "evidence-of-benefit", gtk_text_view_get_buffer (self->benefit_view), "text");
  bind_text (self, "submission-guidelines", gtk_text_view_get_buffer (self->guidelines_view), "text");

  {
    GtkTextView *views[] = {
      self->description_view, self->competency_view, self->key_method_view,
      self->rationale_view, self->benefit_view, self->guidelines_view,
    };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      assay_text_view_fit_content (views[i]);
  }

  g_object_bind_property (self->credential, "sync-hours", self->sync_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->credential, "async-hours", self->async_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->credential, "pd-hours", self->pd_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
on_resource_open_clicked_cb (GtkButton *button,
                             gpointer   user_data)
{
  AssayResource *resource = user_data;

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                assay_resource_get_url (resource), GDK_CURRENT_TIME);
}

static void
update_resource_row (AdwActionRow  *row,
                     GParamSpec    *pspec,
                     AssayResource *resource)
{
  g_autofree char *subtitle =
    g_strdup_printf ("%s · %s%s%s",
                     assay_resource_get_use (resource) == ASSAY_RESOURCE_USE_REQUIRED ? _("Required") : _("Suggested"),
                     assay_resource_get_cost (resource) == ASSAY_RESOURCE_COST_FREE ? _("Free") : _("To purchase"),
                     assay_resource_get_url (resource) ? " · " : "",
                     assay_resource_get_url (resource) ? assay_resource_get_url (resource) : "");
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  g_autofree char *title = g_markup_escape_text (assay_resource_get_title (resource), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, escaped);
}

static GtkWidget *
create_resource_row (gpointer item,
                     gpointer user_data)
{
  AssayResource *resource = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GVariant *id = g_variant_new_string (assay_record_get_id (ASSAY_RECORD (resource)));

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  update_resource_row (ADW_ACTION_ROW (row), NULL, resource);
  g_signal_connect_object (resource, "notify", G_CALLBACK (update_resource_row), row, G_CONNECT_SWAPPED);

  if (assay_resource_get_url (resource) != NULL)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("adw-external-link-symbolic");

      gtk_widget_set_tooltip_text (open, _("Open in Browser"));
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      g_signal_connect_object (open, "clicked", G_CALLBACK (on_resource_open_clicked_cb), resource, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }

  gtk_widget_set_tooltip_text (edit, _("Edit Resource"));
  gtk_widget_set_tooltip_text (remove, _("Remove Resource"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit resource"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove resource"), -1);
  for (GtkWidget *b = edit; b; b = (b == edit ? remove : NULL))
    {
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (b, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "credential.edit-resource");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "credential.remove-resource");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), id);

  return row;
}

static AssayResource *
find_resource (AssayCredentialWindow *self,
               GVariant              *parameter)
{
  g_autoptr(GError) error = NULL;

  return assay_store_lookup (self->store, ASSAY_TYPE_RESOURCE, g_variant_get_string (parameter, NULL), &error);
}

static void
edit_resource_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  g_autoptr(AssayResource) resource = find_resource (self, parameter);

  if (resource != NULL)
    assay_resource_dialog_present (GTK_WINDOW (self), self->store, resource);
}

static void
remove_resource_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  g_autoptr(AssayResource) resource = find_resource (self, parameter);
  g_autoptr(GError) error = NULL;

  g_autofree char *message = NULL;
  AdwToast *undo;

  if (resource == NULL)
    return;

  if (!assay_store_delete (self->store, resource, &error))
    {
      toast (self, error->message);
      return;
    }

  /* The object outlives its row for as long as the toast does: Undo writes
   * it back, with its id, as it was. */
  g_clear_object (&self->removed_resource);
  self->removed_resource = g_steal_pointer (&resource);
  message = g_strdup_printf (_("“%s” removed"), assay_resource_get_title (self->removed_resource));
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "credential.undo-remove-resource");
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
}

static void
undo_remove_resource_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  g_autoptr(AssayResource) resource = g_steal_pointer (&self->removed_resource);
  g_autoptr(GError) error = NULL;

  if (resource != NULL && !assay_store_save (self->store, resource, &error))
    toast (self, error->message);
}

static void
add_resource_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  g_autoptr(AssayResource) resource =
    assay_resource_new (assay_record_get_id (ASSAY_RECORD (self->credential)), "");

  assay_resource_set_position (resource, g_list_model_get_n_items (self->resources));
  assay_resource_dialog_present (GTK_WINDOW (self), self->store, resource);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!assay_credential_window_save_now (self))
    return;

  if (!assay_store_publish_credential (self->store, self->credential, NULL, &error))
    {
      toast (self, error->message);
      return;
    }

  toast (self, _("Published: earners can now submit evidence for this version"));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) draft = assay_store_new_version (self->store, self->credential, &error);

  if (draft == NULL)
    {
      toast (self, error->message);
      return;
    }

  assay_credential_window_present (self->store, draft, gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_retire_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       AssayCredentialWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "retire") &&
      !assay_store_retire_credential (self->store, self->credential, NULL, &error))
    toast (self, error->message);
}

static void
on_delete_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       AssayCredentialWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!assay_store_delete (self->store, self->credential, &error))
    {
      toast (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm (AssayCredentialWindow *self,
         const char            *heading,
         const char            *body,
         const char            *response,
         const char            *label,
         GCallback              callback)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  confirm (ASSAY_CREDENTIAL_WINDOW (widget), _("Retire Credential?"),
           _("Earners can no longer submit evidence for it. Badges already issued stay valid."),
           "retire", _("_Retire"), G_CALLBACK (on_retire_response_cb));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  confirm (ASSAY_CREDENTIAL_WINDOW (widget), _("Delete Draft?"),
           _("The draft, its resources and its rubric are deleted. This cannot be undone."),
           "delete", _("_Delete"), G_CALLBACK (on_delete_response_cb));
}

static void
on_image_chosen_cb (GtkNativeDialog       *chooser,
                    int                    response,
                    AssayCredentialWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      input = g_file_read (file, NULL, &error);
      if (input != NULL)
        hash = assay_blob_store_write (assay_store_get_blobs (self->store), G_INPUT_STREAM (input), NULL, NULL, &error);
      if (hash == NULL)
        toast (self, error->message);
      else
        {
          assay_credential_set_image_hash (self->credential, hash);
          assay_credential_window_save_now (self);
        }
    }

  g_object_unref (chooser);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose Badge Image"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* the chooser may answer after this window is gone */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_image_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);

  assay_credential_set_image_hash (self->credential, NULL);
  assay_credential_window_save_now (self);
}

static gboolean
assay_credential_window_close_request (GtkWindow *window)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (window);

  /* Whatever cannot be saved goes back to what the workspace holds, so
   * that no other window keeps showing it. */
  if (self->save_source != 0 && !assay_credential_window_save_now (self))
    assay_store_revert (self->store, self->credential);
  else if (!assay_record_validate (ASSAY_RECORD (self->credential), NULL))
    assay_store_revert (self->store, self->credential);

  return GTK_WINDOW_CLASS (assay_credential_window_parent_class)->close_request (window);
}

static void
assay_credential_window_dispose (GObject *object)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_CREDENTIAL_WINDOW);
  g_clear_object (&self->resources);
  g_clear_object (&self->removed_resource);
  g_clear_object (&self->credential);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_credential_window_parent_class)->dispose (object);
}

static void
packet_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);

  assay_packet_window_present (self->store, self->credential, GTK_WINDOW (self));
}

static void
pack_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AssayCredentialWindow *self = ASSAY_CREDENTIAL_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (assay_pack_window_new (self->store, self->credential)));
}

static void
assay_credential_window_class_init (AssayCredentialWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = assay_credential_window_dispose;
  window_class->close_request = assay_credential_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-credential-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AssayCredentialWindow, name)
  BIND (toast_overlay);
  BIND (switcher_title);
  BIND (frozen_label);
  BIND (frozen_revealer);
  BIND (view_stack);
  BIND (publish_button);
  BIND (new_version_button);
  BIND (rubric_box);
  BIND (resources_list);
  BIND (image_picture);
  BIND (title_row);
  BIND (area_row);
  BIND (developer_row);
  BIND (issuer_row);
  BIND (description_view);
  BIND (competency_view);
  BIND (key_method_view);
  BIND (rationale_view);
  BIND (benefit_view);
  BIND (guidelines_view);
  BIND (sync_spin);
  BIND (async_spin);
  BIND (pd_spin);
#undef BIND

  gtk_widget_class_install_action (widget_class, "credential.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "credential.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "credential.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "credential.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "credential.pack-bundle", NULL, pack_bundle_action);
  gtk_widget_class_install_action (widget_class, "credential.packet", NULL, packet_action);
  gtk_widget_class_install_action (widget_class, "credential.add-resource", NULL, add_resource_action);
  gtk_widget_class_install_action (widget_class, "credential.edit-resource", "s", edit_resource_action);
  gtk_widget_class_install_action (widget_class, "credential.remove-resource", "s", remove_resource_action);
  gtk_widget_class_install_action (widget_class, "credential.undo-remove-resource", NULL, undo_remove_resource_action);
  gtk_widget_class_install_action (widget_class, "credential.choose-image", NULL, choose_image_action);
  gtk_widget_class_install_action (widget_class, "credential.remove-image", NULL, remove_image_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "credential.publish", NULL);
}

static void
assay_credential_window_init (AssayCredentialWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWindow *
find_window (AssayCredential *credential)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ASSAY_IS_CREDENTIAL_WINDOW (window) &&
          ASSAY_CREDENTIAL_WINDOW (window)->credential == credential)
        return window;
    }

  return NULL;
}

/**
 * assay_credential_window_present:
 *
 * Shows the editor of @credential, raising the one already open.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
assay_credential_window_present (AssayStore      *store,
                                 AssayCredential *credential,
                                 GtkWindow       *parent)
{
  AssayCredentialWindow *self;
  GtkWindow *existing = find_window (credential);

  if (existing != NULL)
    {
      gtk_window_present (existing);
      return existing;
    }

  self = g_object_new (ASSAY_TYPE_CREDENTIAL_WINDOW,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->credential = g_object_ref (credential);

  bind_fields (self);
  self->resources = assay_store_list (store, ASSAY_TYPE_RESOURCE, "credential_id",
                                      assay_record_get_id (ASSAY_RECORD (credential)), "position");
  gtk_list_box_bind_model (self->resources_list, self->resources, create_resource_row, self, NULL);
  gtk_box_append (self->rubric_box, assay_rubric_editor_new (store, credential));
  assay_import_drop_attach (GTK_WINDOW (self), store);

  g_signal_connect_object (credential, "notify", G_CALLBACK (on_credential_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (credential, "notify::status", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (credential, "notify::version", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (credential, "notify::image-hash", G_CALLBACK (update_image), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
  update_image (self);

  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

AssayCredential *
assay_credential_window_get_credential (AssayCredentialWindow *self)
{
  g_return_val_if_fail (ASSAY_IS_CREDENTIAL_WINDOW (self), NULL);

  return self->credential;
}
