/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "assay-catalog-cells.h"
#include "assay-catalog-view.h"
#include "assay-credential-window.h"
#include "assay-model.h"
#include "assay-store-credentials.h"
#include "assay-window.h"

/* The catalog: every current credential version, searched as you type and
 * narrowed by status, stack and competency area. The rows are the store's
 * live objects, so an edit in any window shows here at once.
 */
struct _AssayCatalogView
{
  GtkWidget          parent_instance;

  AssayStore        *store;
  GListModel        *credentials;
  GListModel        *stacks;
  GListModel        *members;
  GHashTable        *stack_lineages;
  /* AssayCredential → its searchable text, case-folded once */
  GHashTable        *haystacks;
  guint              warm_source;
  guint              warm_position;
  char              *query;

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *stack_dropdown;
  GtkDropDown       *area_dropdown;
  GtkStringList     *stack_names;
  GtkStringList     *area_names;
  GtkStack          *content_stack;
  /* A one-column grid rather than a GtkListView: in GTK 4.8 a list view
   * keeps 200 rows bound whatever its height, and rebinds them all when a
   * keystroke changes most of the matches; a grid keeps about 30. */
  GtkGridView       *list_view;
  GtkBox            *header_box;
  GtkWidget         *header;
  GtkCustomSorter   *sorter;
  AssayCatalogColumn sort_column;
  gboolean           sort_descending;
  GtkFilterListModel *filter_model;
  GtkSortListModel  *sort_model;
  GtkSingleSelection *selection;
  GtkCustomFilter   *filter;
  GtkLabel          *count_label;
};

G_DEFINE_FINAL_TYPE (AssayCatalogView, assay_catalog_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
make_haystack (AssayCredential *credential)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       assay_credential_get_title (credential) ?: "",
                                       assay_credential_get_competency (credential) ?: "",
                                       assay_credential_get_competency_area (credential) ?: "",
                                       assay_credential_get_key_method (credential) ?: "",
                                       assay_credential_get_developer (credential) ?: "",
                                       NULL);

  return g_utf8_casefold (joined, -1);
}

/* Case-folding every field on every keystroke costs far more than a frame
 * with a thousand credentials; the folded text is kept until the row is
 * saved again. */
static gboolean
matches_query (AssayCatalogView *self,
               AssayCredential  *credential)
{
  const char *haystack = g_hash_table_lookup (self->haystacks, credential);

  if (haystack == NULL)
    {
      haystack = make_haystack (credential);
      g_hash_table_insert (self->haystacks, g_object_ref (credential), (gpointer) haystack);
    }

  return strstr (haystack, self->query) != NULL;
}

/* Folds the searchable text of a slice of the catalog per idle, so that the
 * first keystroke does not pay for all of it. */
static gboolean
warm_haystacks_cb (gpointer data)
{
  AssayCatalogView *self = data;
  guint n = self->credentials ? g_list_model_get_n_items (self->credentials) : 0;
  guint end = MIN (n, self->warm_position + 100);

  for (; self->warm_position < end; self->warm_position++)
    {
      g_autoptr(AssayCredential) credential = g_list_model_get_item (self->credentials, self->warm_position);

      if (!g_hash_table_contains (self->haystacks, credential))
        g_hash_table_insert (self->haystacks, g_object_ref (credential), make_haystack (credential));
    }

  if (self->warm_position < n)
    return G_SOURCE_CONTINUE;

  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_credentials_changed_before_cb (AssayCatalogView *self,
                                  guint             position,
                                  guint             removed,
                                  guint             added,
                                  GListModel       *credentials)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(AssayCredential) credential = g_list_model_get_item (credentials, i);

      g_hash_table_remove (self->haystacks, credential);
    }
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
filter_credential (gpointer item,
                   gpointer user_data)
{
  AssayCatalogView *self = user_data;
  AssayCredential *credential = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  /* Row 0 of each drop-down is "All …". */
  if (status > 0 && assay_credential_get_status (credential) != (AssayCredentialStatus) (status - 1))
    return FALSE;

  if (gtk_drop_down_get_selected (self->area_dropdown) > 0 &&
      g_strcmp0 (assay_credential_get_competency_area (credential), selected_string (self->area_dropdown)) != 0)
    return FALSE;

  if (gtk_drop_down_get_selected (self->stack_dropdown) > 0 &&
      !g_hash_table_contains (self->stack_lineages, assay_credential_get_lineage_id (credential)))
    return FALSE;

  if (self->query != NULL && !matches_query (self, credential))
    return FALSE;

  return TRUE;
}

static void
update_content (AssayCatalogView *self)
{
  guint total = self->credentials ? g_list_model_get_n_items (self->credentials) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  if (shown == total)
    count = g_strdup_printf (ngettext ("%u credential", "%u credentials", total), total);
  else
    count = g_strdup_printf (ngettext ("%u of %u credential", "%u of %u credentials", total), shown, total);
  gtk_label_set_label (self->count_label, count);
}

static void
refilter (AssayCatalogView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_entry_search_changed_cb (AssayCatalogView *self,
                                   GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_utf8_casefold (stripped, -1);

  refilter (self);
}

static void
on_search_entry_stop_search_cb (AssayCatalogView *self,
                                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
collect_stack_lineages (AssayCatalogView *self)
{
  guint selected = gtk_drop_down_get_selected (self->stack_dropdown);

  g_hash_table_remove_all (self->stack_lineages);
  g_clear_object (&self->members);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->stacks == NULL ||
      selected > g_list_model_get_n_items (self->stacks))
    return;

  {
    g_autoptr(AssayStack) stack = g_list_model_get_item (self->stacks, selected - 1);
    g_autoptr(GPtrArray) members = assay_store_query (self->store, ASSAY_TYPE_STACK_MEMBER, "stack_id",
                                                      assay_record_get_id (ASSAY_RECORD (stack)), NULL);

    for (guint i = 0; i < members->len; i++)
      g_hash_table_add (self->stack_lineages,
                        g_strdup (assay_stack_member_get_credential_lineage_id (g_ptr_array_index (members, i))));
  }
}

static void
on_filter_dropdown_selected_cb (AssayCatalogView *self)
{
  collect_stack_lineages (self);
  refilter (self);
}

static void
on_store_record_changed_cb (AssayCatalogView *self,
                            AssayRecord      *record,
                            int               change)
{
  /* Membership is not a property of the credential row, so a change to a
   * stack's members re-runs the filter by hand. */
  if (ASSAY_IS_STACK_MEMBER (record) && gtk_drop_down_get_selected (self->stack_dropdown) > 0)
    on_filter_dropdown_selected_cb (self);
}

/* Keeps a drop-down's rows in step with a list of names, keeping the
 * selection on the same name when it still exists. */
static void
replace_names (GtkDropDown   *dropdown,
               GtkStringList *names,
               const char    *all_label,
               GPtrArray     *wanted)
{
  g_autofree char *selected = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint reselect = 0;

  if (gtk_drop_down_get_selected (dropdown) > 0)
    selected = g_strdup (selected_string (dropdown));

  g_ptr_array_insert (wanted, 0, (gpointer) all_label);
  g_ptr_array_add (wanted, NULL);
  gtk_string_list_splice (names, 0, n, (const char * const *) wanted->pdata);

  for (guint i = 1; selected != NULL && i + 1 < wanted->len; i++)
    if (g_strcmp0 (g_ptr_array_index (wanted, i), selected) == 0)
      reselect = i;
  gtk_drop_down_set_selected (dropdown, reselect);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
rebuild_area_names (AssayCatalogView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (self->credentials);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AssayCredential) credential = g_list_model_get_item (self->credentials, i);
      const char *area = assay_credential_get_competency_area (credential);

      if (area != NULL && *area != '\0' && g_hash_table_add (seen, (gpointer) area))
        g_ptr_array_add (areas, (gpointer) area);
    }
  g_ptr_array_sort (areas, compare_collated);

  replace_names (self->area_dropdown, self->area_names, _("All Areas"), areas);
}

static void
rebuild_stack_names (AssayCatalogView *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (self->stacks);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      AssayStack *stack = g_list_model_get_item (self->stacks, i);

      g_ptr_array_add (keep, stack);
      g_ptr_array_add (titles, (gpointer) assay_stack_get_title (stack));
    }

  replace_names (self->stack_dropdown, self->stack_names, _("All Stacks"), titles);
}

static void
on_credentials_items_changed_cb (AssayCatalogView *self)
{
  rebuild_area_names (self);
  update_content (self);
}

static void
on_filter_model_items_changed_cb (AssayCatalogView *self,
                                  guint             position,
                                  guint             removed,
                                  guint             added)
{
  update_content (self);
}

static void
open_credential (AssayCatalogView *self,
                 AssayCredential  *credential)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  assay_credential_window_present (self->store, credential, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
on_list_view_activate_cb (AssayCatalogView *self,
                            guint             position)
{
  g_autoptr(AssayCredential) credential = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (credential != NULL)
    open_credential (self, credential);
}

static int
compare_credentials (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  AssayCatalogView *self = user_data;
  int result = assay_catalog_compare ((gpointer) a, (gpointer) b, self->sort_column);

  if (result == 0 && self->sort_column != ASSAY_CATALOG_COLUMN_TITLE)
    result = assay_catalog_compare ((gpointer) a, (gpointer) b, ASSAY_CATALOG_COLUMN_TITLE);

  return self->sort_descending ? -result : result;
}

/* Clicking the sorted column's header again reverses the order. */
static void
sort_by_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (widget);
  guint column = g_variant_get_uint32 (parameter);

  if (column >= ASSAY_CATALOG_N_COLUMNS)
    return;

  self->sort_descending = column == self->sort_column ? !self->sort_descending : FALSE;
  self->sort_column = column;
  assay_catalog_header_show_sort (self->header, self->sort_column, self->sort_descending);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
new_credential_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayCredential) credential = NULL;

  if (self->store == NULL)
    return;

  credential = assay_store_create_credential (self->store, _("Untitled Credential"), &error);
  if (credential == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      if (ASSAY_IS_WINDOW (root))
        assay_window_show_toast (ASSAY_WINDOW (root), error->message);
      return;
    }

  open_credential (self, credential);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->stack_dropdown, 0);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
}

static void
assay_catalog_view_dispose (GObject *object)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ASSAY_TYPE_CATALOG_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_object (&self->credentials);
  g_clear_object (&self->stacks);
  g_clear_object (&self->members);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (assay_catalog_view_parent_class)->dispose (object);
}

static void
assay_catalog_view_finalize (GObject *object)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (object);

  g_clear_pointer (&self->stack_lineages, g_hash_table_unref);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_free (self->query);

  G_OBJECT_CLASS (assay_catalog_view_parent_class)->finalize (object);
}

static void
assay_catalog_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_catalog_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AssayCatalogView *self = ASSAY_CATALOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      assay_catalog_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
assay_catalog_view_class_init (AssayCatalogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = assay_catalog_view_dispose;
  object_class->finalize = assay_catalog_view_finalize;
  object_class->get_property = assay_catalog_view_get_property;
  object_class->set_property = assay_catalog_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ASSAY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ASSAY_TYPE_CREDENTIAL);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/assay/Assay/assay-catalog-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "catalogview");

  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, stack_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, stack_names);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, area_names);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, header_box);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, selection);
  gtk_widget_class_bind_template_child (widget_class, AssayCatalogView, count_label);

  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "catalog.new-credential", NULL, new_credential_action);
  gtk_widget_class_install_action (widget_class, "catalog.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "catalog.sort-by", "u", sort_by_action);
}

static void
assay_catalog_view_init (AssayCatalogView *self)
{
  self->stack_lineages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->haystacks = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GtkListItemFactory) factory = assay_catalog_row_factory_new ();

    gtk_grid_view_set_factory (self->list_view, factory);
  }

  self->header = assay_catalog_header_new ("catalog.sort-by");
  gtk_box_append (self->header_box, self->header);
  self->sorter = gtk_custom_sorter_new (compare_credentials, self, NULL);
  gtk_sort_list_model_set_sorter (self->sort_model, GTK_SORTER (self->sorter));
  g_object_unref (self->sorter);
  assay_catalog_header_show_sort (self->header, self->sort_column, self->sort_descending);

  self->filter = gtk_custom_filter_new (filter_credential, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_object_unref (self->filter);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_model_items_changed_cb), self, G_CONNECT_SWAPPED);
}

AssayStore *
assay_catalog_view_get_store (AssayCatalogView *self)
{
  g_return_val_if_fail (ASSAY_IS_CATALOG_VIEW (self), NULL);

  return self->store;
}

void
assay_catalog_view_set_store (AssayCatalogView *self,
                              AssayStore       *store)
{
  g_return_if_fail (ASSAY_IS_CATALOG_VIEW (self));
  g_return_if_fail (!store || ASSAY_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_hash_table_remove_all (self->haystacks);
  g_clear_object (&self->credentials);
  g_clear_object (&self->stacks);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->credentials = assay_store_list (store, ASSAY_TYPE_CREDENTIAL, "superseded", "0", "title");
      self->stacks = assay_store_list (store, ASSAY_TYPE_STACK, NULL, NULL, "title");
      g_signal_connect_object (self->credentials, "items-changed",
                               G_CALLBACK (on_credentials_changed_before_cb), self, G_CONNECT_SWAPPED);
      /* Sorting sits below filtering, so that a keystroke only filters.
       * Our handler runs after the models have taken the change in:
       * refiltering in the middle of their items-changed corrupts them. */
      gtk_sort_list_model_set_model (self->sort_model, self->credentials);
      g_signal_connect_object (self->credentials, "items-changed",
                               G_CALLBACK (on_credentials_items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->stacks, "items-changed",
                               G_CALLBACK (rebuild_stack_names), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "record-changed",
                               G_CALLBACK (on_store_record_changed_cb), self, G_CONNECT_SWAPPED);
      rebuild_area_names (self);
      rebuild_stack_names (self);

      self->warm_position = 0;
      g_clear_handle_id (&self->warm_source, g_source_remove);
      self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_haystacks_cb, self, NULL);
    }

  if (store == NULL)
    gtk_sort_list_model_set_model (self->sort_model, NULL);
  update_content (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
assay_catalog_view_start_search (AssayCatalogView *self)
{
  g_return_if_fail (ASSAY_IS_CATALOG_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* For tests and benchmarks: what a user typing @text would get. */
void
assay_catalog_view_set_search (AssayCatalogView *self,
                               const char       *text)
{
  g_return_if_fail (ASSAY_IS_CATALOG_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* set_text empties the entry first, which would search for "" at once */
  g_signal_handlers_block_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  on_search_entry_search_changed_cb (self, self->search_entry);
}

/**
 * assay_catalog_view_get_visible:
 *
 * Returns: (transfer none): the credentials shown, in display order
 */
GListModel *
assay_catalog_view_get_visible (AssayCatalogView *self)
{
  g_return_val_if_fail (ASSAY_IS_CATALOG_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}
