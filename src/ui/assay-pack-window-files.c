/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assay-bundle-sniff.h"
#include "assay-pack-window-private.h"

/* The evidence files of the pack window: how they come in (the Add Files
 * chooser and drops share assay_pack_window_add_files()), their rows, and
 * their removal with Undo.
 *
 * A file is looked at in a worker thread before it becomes an item (its
 * size, its first bytes for the type, whether its name can go into a
 * bundle), so that a slow or remote disk never holds up the window. The
 * same file twice, by any path to it, is refused, and so are two files of
 * one name: the bundle keeps every file at its root under its own name.
 */

struct _AssayPackItem
{
  GObject      parent_instance;

  GFile       *file;
  char        *name;         /* in the bundle */
  guint64      size;
  char        *media_type;
  dev_t        dev;
  ino_t        ino;
  char        *title;
  char        *description;
  GHashTable  *criteria;     /* ids, of any rubric chosen so far */
};

G_DEFINE_FINAL_TYPE (AssayPackItem, assay_pack_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CRITERIA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
assay_pack_item_finalize (GObject *object)
{
  AssayPackItem *self = ASSAY_PACK_ITEM (object);

  g_clear_object (&self->file);
  g_free (self->name);
  g_free (self->media_type);
  g_free (self->title);
  g_free (self->description);
  g_hash_table_unref (self->criteria);

  G_OBJECT_CLASS (assay_pack_item_parent_class)->finalize (object);
}

static void
assay_pack_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AssayPackItem *self = ASSAY_PACK_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CRITERIA:
      g_value_take_boxed (value, g_hash_table_get_keys_as_array (self->criteria, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (AssayPackItem  *self,
            char          **field,
            const GValue   *value,
            GParamSpec     *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
assay_pack_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AssayPackItem *self = ASSAY_PACK_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_string (self, &self->title, value, pspec);
      break;
    case PROP_DESCRIPTION:
      set_string (self, &self->description, value, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_pack_item_class_init (AssayPackItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = assay_pack_item_finalize;
  object_class->get_property = assay_pack_item_get_property;
  object_class->set_property = assay_pack_item_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CRITERIA] =
    g_param_spec_boxed ("criteria", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
assay_pack_item_init (AssayPackItem *self)
{
  self->criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GFile *
_assay_pack_item_get_file (AssayPackItem *item)
{
  return item->file;
}

const char *
_assay_pack_item_get_name (AssayPackItem *item)
{
  return item->name;
}

guint64
_assay_pack_item_get_size (AssayPackItem *item)
{
  return item->size;
}

const char *
_assay_pack_item_get_title (AssayPackItem *item)
{
  return item->title;
}

const char *
_assay_pack_item_get_description (AssayPackItem *item)
{
  return item->description;
}

gboolean
_assay_pack_item_has_criterion (AssayPackItem *item,
                                const char    *criterion_id)
{
  return g_hash_table_contains (item->criteria, criterion_id);
}

void
_assay_pack_item_set_criterion (AssayPackItem *item,
                                const char    *criterion_id,
                                gboolean       supported)
{
  gboolean changed;

  if (supported)
    changed = g_hash_table_add (item->criteria, g_strdup (criterion_id));
  else
    changed = g_hash_table_remove (item->criteria, criterion_id);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (item), properties[PROP_CRITERIA]);
}

/* Looking at files before they come in */

typedef struct
{
  GFile   *file;
  char    *path;
  char    *name;
  char    *media_type;
  guint64  size;
  dev_t    dev;
  ino_t    ino;
  GError  *error;
} Probe;

static void
probe_free (Probe *probe)
{
  g_clear_object (&probe->file);
  g_free (probe->path);
  g_free (probe->name);
  g_free (probe->media_type);
  g_clear_error (&probe->error);
  g_free (probe);
}

static void
probe_file (Probe *probe)
{
  g_autofree char *shown = g_file_get_parse_name (probe->file);
  guint8 head[ASSAY_BUNDLE_SNIFF_BYTES];
  struct stat st;
  gssize n;
  int fd;

  if (probe->path == NULL)
    {
      g_set_error (&probe->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on this computer; copy it here first"), shown);
      return;
    }
  if (g_stat (probe->path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (&probe->error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be read: %s"), shown, g_strerror (saved_errno));
      return;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (&probe->error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; add the files in it instead"), shown);
      return;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (&probe->error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file"), shown);
      return;
    }
  if (!assay_bundle_check_file_name (probe->path, &probe->name, &probe->error))
    return;

  fd = g_open (probe->path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (&probe->error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be read: %s"), shown, g_strerror (saved_errno));
      return;
    }
  do
    n = read (fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  close (fd);

  probe->size = st.st_size;
  probe->dev = st.st_dev;
  probe->ino = st.st_ino;
  probe->media_type = assay_bundle_sniff_media_type (probe->name, head, MAX (n, 0),
                                                     n < (gssize) sizeof head);
}

static void
probe_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GPtrArray *probes = task_data;

  for (guint i = 0; i < probes->len; i++)
    probe_file (g_ptr_array_index (probes, i));
  g_task_return_boolean (task, TRUE);
}

static char *
refuse_duplicate (AssayPackWindow *self,
                  Probe           *probe)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayPackItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if ((item->dev == probe->dev && item->ino == probe->ino) || g_file_equal (item->file, probe->file))
        return g_strdup_printf (_("“%s” is already in the bundle"), item->name);
      if (g_str_equal (item->name, probe->name))
        return g_strdup_printf (_("Another file named “%s” is already in the bundle; rename one of them"),
                                item->name);
    }

  return NULL;
}

static void
report_refused (AssayPackWindow *self,
                GPtrArray       *messages)
{
  g_autofree char *text = NULL;

  if (messages->len == 0)
    return;
  if (messages->len == 1)
    text = g_strdup (g_ptr_array_index (messages, 0));
  else
    text = g_strdup_printf (ngettext ("%u file not added. %s", "%u files not added. %s", messages->len),
                            messages->len, (char *) g_ptr_array_index (messages, 0));
  _assay_pack_window_toast (self, text);
}

static void
on_item_notify_cb (AssayPackWindow *self,
                   GParamSpec      *pspec,
                   AssayPackItem   *item)
{
  _assay_pack_window_changed (self);
}

static void
on_probed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AssayPackWindow) self = user_data;
  GPtrArray *probes = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);

  /* closed while the files were looked at */
  if (self->items == NULL)
    return;

  for (guint i = 0; i < probes->len; i++)
    {
      Probe *probe = g_ptr_array_index (probes, i);
      g_autoptr(AssayPackItem) item = NULL;
      char *message;

      if (probe->path != NULL)
        g_hash_table_remove (self->pending, probe->path);
      if (probe->error != NULL)
        {
          g_ptr_array_add (refused, g_strdup (probe->error->message));
          continue;
        }
      if ((message = refuse_duplicate (self, probe)) != NULL)
        {
          g_ptr_array_add (refused, message);
          continue;
        }

      item = g_object_new (ASSAY_TYPE_PACK_ITEM, NULL);
      item->file = g_object_ref (probe->file);
      item->name = g_strdup (probe->name);
      item->media_type = g_strdup (probe->media_type);
      item->size = probe->size;
      item->dev = probe->dev;
      item->ino = probe->ino;
      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
      g_list_store_append (self->items, item);
    }

  report_refused (self, refused);
}

/**
 * assay_pack_window_add_files:
 * @files: (element-type GFile): files from a drop or the chooser
 *
 * Adds evidence files to the bundle, once they have been looked at in a
 * worker thread; refusals (folders, duplicates, unusable names) are told
 * in a toast.
 */
void
assay_pack_window_add_files (AssayPackWindow *self,
                             GSList          *files)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *probes;

  g_return_if_fail (ASSAY_IS_PACK_WINDOW (self));

  probes = g_ptr_array_new_with_free_func ((GDestroyNotify) probe_free);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      Probe *probe = g_new0 (Probe, 1);

      probe->file = g_object_ref (G_FILE (l->data));
      probe->path = g_file_get_path (probe->file);
      if (probe->path != NULL && !g_hash_table_add (self->pending, g_strdup (probe->path)))
        {
          g_autofree char *name = g_file_get_basename (probe->file);

          g_ptr_array_add (refused, g_strdup_printf (_("“%s” is already in the bundle"), name));
          probe_free (probe);
          continue;
        }
      g_ptr_array_add (probes, probe);
    }
  report_refused (self, refused);

  adw_view_stack_set_visible_child_name (self->view_stack, "evidence");
  task = g_task_new (NULL, NULL, on_probed_cb, g_object_ref (self));
  g_task_set_source_tag (task, assay_pack_window_add_files);
  g_task_set_task_data (task, probes, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, probe_in_thread);
}

/* Rows */

static guint
count_current_criteria (AssayPackWindow *self,
                        AssayPackItem   *item)
{
  guint n = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (self->criteria, i);

      count += _assay_pack_item_has_criterion (item, assay_record_get_id (ASSAY_RECORD (criterion)));
    }

  return count;
}

static void
update_file_row (AdwExpanderRow *row)
{
  AssayPackItem *item = g_object_get_data (G_OBJECT (row), "assay-item");
  AssayPackWindow *self = g_object_get_data (G_OBJECT (row), "assay-window");
  g_autofree char *size = g_format_size (item->size);
  g_autofree char *content_type = g_content_type_from_mime_type (item->media_type);
  g_autofree char *kind = content_type ? g_content_type_get_description (content_type) : g_strdup (item->media_type);
  guint count = count_current_criteria (self, item);
  g_autofree char *supports = count > 0
    ? g_strdup_printf (ngettext ("supports %u criterion", "supports %u criteria", count), count)
    : g_strdup (_("no criterion yet"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", size, kind, supports);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_expander_row_set_subtitle (row, escaped);
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      AssayPackWindow *self)
{
  AssayPackItem *item = g_object_get_data (G_OBJECT (button), "assay-item");
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (!g_list_store_find (self->items, item, &position))
    return;

  /* Undo puts back this very object, with its title and criteria. */
  g_set_object (&self->removed_item, item);
  self->removed_position = position;
  g_list_store_remove (self->items, position);

  message = g_strdup_printf (_("“%s” removed"), self->removed_item->name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "pack.undo-remove");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_assay_pack_window_undo_remove (AssayPackWindow *self)
{
  g_autoptr(AssayPackItem) item = g_steal_pointer (&self->removed_item);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  Probe probe = { 0 };
  char *message;

  if (item == NULL)
    return;

  /* the same file may have come in again meanwhile */
  probe.file = item->file;
  probe.name = item->name;
  probe.dev = item->dev;
  probe.ino = item->ino;
  if ((message = refuse_duplicate (self, &probe)) != NULL)
    {
      g_ptr_array_add (refused, message);
      report_refused (self, refused);
      return;
    }
  g_list_store_insert (self->items, MIN (self->removed_position, g_list_model_get_n_items (G_LIST_MODEL (self->items))),
                       item);
}

static void
on_criterion_toggled_cb (GtkCheckButton *check,
                         AssayPackItem  *item)
{
  _assay_pack_item_set_criterion (item, g_object_get_data (G_OBJECT (check), "assay-criterion-id"),
                                  gtk_check_button_get_active (check));
}

static GtkWidget *
create_criterion_row (AssayPackItem  *item,
                      AssayCriterion *criterion)
{
  const char *id = assay_record_get_id (ASSAY_RECORD (criterion));
  g_autofree char *title = g_markup_escape_text (assay_criterion_get_title (criterion), -1);
  g_autofree char *label = g_strdup_printf (_("“%s” supports “%s”"), item->name,
                                            assay_criterion_get_title (criterion));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), _assay_pack_item_has_criterion (item, id));
  gtk_widget_set_tooltip_text (check, _("This file is evidence for this criterion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (check), "assay-criterion-id", g_strdup (id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_criterion_toggled_cb), item, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* Text rows hold "", the item NULL for nothing said. */
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

static GtkWidget *
create_text_row (AssayPackItem *item,
                 const char    *property,
                 const char    *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property_full (item, property, row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               null_to_empty, empty_to_null, NULL, NULL);
  return row;
}

static GtkWidget *
create_file_row (gpointer data,
                 gpointer user_data)
{
  AssayPackItem *item = data;
  AssayPackWindow *self = user_data;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_markup_escape_text (item->name, -1);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), item->name);
  g_autofree char *content_type = g_content_type_from_mime_type (item->media_type);
  g_autoptr(GIcon) gicon = g_content_type_get_symbolic_icon (content_type ? content_type : "application/octet-stream");
  guint n = self->criteria ? g_list_model_get_n_items (self->criteria) : 0;

  g_object_set_data (G_OBJECT (row), "assay-item", item);
  g_object_set_data (G_OBJECT (row), "assay-window", self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  gtk_image_set_from_gicon (GTK_IMAGE (icon), gicon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, item->media_type, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove File"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "assay-item", item);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_text_row (item, "title", _("Title")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_text_row (item, "description", _("Description")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCriterion) criterion = g_list_model_get_item (self->criteria, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_criterion_row (item, criterion));
    }

  update_file_row (ADW_EXPANDER_ROW (row));
  g_signal_connect_object (item, "notify::criteria", G_CALLBACK (update_file_row), row, G_CONNECT_SWAPPED);

  return row;
}

/* The rows show the chosen rubric's criteria: made again when it changes. */
void
_assay_pack_window_files_rebuild (AssayPackWindow *self)
{
  gtk_list_box_bind_model (self->files_list, G_LIST_MODEL (self->items), create_file_row, self, NULL);
}

static void
on_items_changed_cb (AssayPackWindow *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *items)
{
  gtk_stack_set_visible_child_name (self->evidence_stack,
                                    g_list_model_get_n_items (items) > 0 ? "files" : "empty");
  _assay_pack_window_changed (self);
}

void
_assay_pack_window_files_init (AssayPackWindow *self)
{
  self->items = g_list_store_new (ASSAY_TYPE_PACK_ITEM);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  _assay_pack_window_files_rebuild (self);
}
