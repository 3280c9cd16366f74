/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include "assay-record-codec.h"
#include "assay-record-list-private.h"

/* A live query: the rows of one kind that match a column value, in the order
 * of one column. The store tells it about every committed change; it works
 * out from the rows' values whether they belong here and where.
 */
struct _AssayRecordList
{
  GObject     parent_instance;

  GType       item_type;
  char       *filter_value;
  GParamSpec *filter_pspec;
  GParamSpec *sort_pspec;
  GPtrArray  *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AssayRecordList, assay_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
assay_record_list_get_item_type (GListModel *model)
{
  return ASSAY_RECORD_LIST (model)->item_type;
}

static guint
assay_record_list_get_n_items (GListModel *model)
{
  return ASSAY_RECORD_LIST (model)->items->len;
}

static gpointer
assay_record_list_get_item (GListModel *model,
                            guint       position)
{
  AssayRecordList *self = ASSAY_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = assay_record_list_get_item_type;
  iface->get_n_items = assay_record_list_get_n_items;
  iface->get_item = assay_record_list_get_item;
}

static void
assay_record_list_finalize (GObject *object)
{
  AssayRecordList *self = ASSAY_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->filter_value);

  G_OBJECT_CLASS (assay_record_list_parent_class)->finalize (object);
}

static void
assay_record_list_class_init (AssayRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = assay_record_list_finalize;
}

static void
assay_record_list_init (AssayRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static GParamSpec *
find_pspec (GType       type,
            const char *column)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *name = NULL;

  if (column == NULL)
    return NULL;

  klass = g_type_class_ref (type);
  name = g_strdelimit (g_strdup (column), "_", '-');
  return g_object_class_find_property (G_OBJECT_CLASS (klass), name);
}

/* The same order as SQL's ORDER BY column, id: numbers by value, text by
 * bytes (SQLite's BINARY collation), NULL first.
 */
static int
compare_records (AssayRecordList *self,
                 AssayRecord     *a,
                 AssayRecord     *b)
{
  int result = 0;

  if (self->sort_pspec != NULL)
    {
      switch (assay_column_storage (self->sort_pspec))
        {
        case ASSAY_COLUMN_INTEGER:
          {
            gint64 ia = assay_record_get_int (a, self->sort_pspec);
            gint64 ib = assay_record_get_int (b, self->sort_pspec);
            result = (ia > ib) - (ia < ib);
          }
          break;
        case ASSAY_COLUMN_REAL:
          {
            double da = assay_record_get_double (a, self->sort_pspec);
            double db = assay_record_get_double (b, self->sort_pspec);
            result = (da > db) - (da < db);
          }
          break;
        case ASSAY_COLUMN_TEXT:
        default:
          {
            g_autofree char *ta = assay_column_to_text (self->sort_pspec, assay_record_peek_value (a, self->sort_pspec));
            g_autofree char *tb = assay_column_to_text (self->sort_pspec, assay_record_peek_value (b, self->sort_pspec));
            result = g_strcmp0 (ta, tb);
          }
          break;
        }
    }

  if (result == 0)
    result = strcmp (assay_record_get_id (a), assay_record_get_id (b));

  return result;
}

static gboolean
matches (AssayRecordList *self,
         AssayRecord     *record)
{
  g_autofree char *text = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (record, self->item_type))
    return FALSE;
  if (self->filter_pspec == NULL)
    return TRUE;

  if (assay_column_storage (self->filter_pspec) == ASSAY_COLUMN_INTEGER)
    {
      gint64 wanted = g_ascii_strtoll (self->filter_value ? self->filter_value : "0", NULL, 10);
      const GValue *value = assay_record_peek_value (record, self->filter_pspec);

      if (G_TYPE_FUNDAMENTAL (self->filter_pspec->value_type) == G_TYPE_FLAGS)
        return g_value_get_flags (value) == wanted;
      return assay_record_get_int (record, self->filter_pspec) == wanted;
    }

  text = assay_column_to_text (self->filter_pspec, assay_record_peek_value (record, self->filter_pspec));
  return g_strcmp0 (text, self->filter_value) == 0;
}

static guint
insertion_point (AssayRecordList *self,
                 AssayRecord     *record)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_records (self, g_ptr_array_index (self->items, mid), record) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
in_order_at (AssayRecordList *self,
             guint            position)
{
  AssayRecord *record = g_ptr_array_index (self->items, position);

  if (position > 0 && compare_records (self, g_ptr_array_index (self->items, position - 1), record) > 0)
    return FALSE;
  if (position + 1 < self->items->len &&
      compare_records (self, record, g_ptr_array_index (self->items, position + 1)) > 0)
    return FALSE;

  return TRUE;
}

static void
insert_sorted (AssayRecordList *self,
               AssayRecord     *record)
{
  guint position = insertion_point (self, record);

  g_ptr_array_insert (self->items, position, g_object_ref (record));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static int
compare_for_sort (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return compare_records (user_data, *(AssayRecord **) a, *(AssayRecord **) b);
}

AssayRecordList *
_assay_record_list_new (GType       item_type,
                        const char *filter_column,
                        const char *filter_value,
                        const char *sort_column,
                        GPtrArray  *rows)
{
  AssayRecordList *self = g_object_new (ASSAY_TYPE_RECORD_LIST, NULL);

  self->item_type = item_type;
  self->filter_value = g_strdup (filter_value);
  self->filter_pspec = find_pspec (item_type, filter_column);
  self->sort_pspec = find_pspec (item_type, sort_column);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (rows, i)));

  /* Rows that are alive keep their in-memory values, which may sort
   * differently from what SQLite saw; settle on our own order once.
   */
  g_ptr_array_sort_with_data (self->items, compare_for_sort, self);

  return self;
}

void
_assay_record_list_record_changed (AssayRecordList  *self,
                                   AssayRecord      *record,
                                   AssayStoreChange  change)
{
  guint position;
  gboolean present;
  gboolean belongs;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (record, self->item_type))
    return;

  present = g_ptr_array_find (self->items, record, &position);
  belongs = change != ASSAY_STORE_CHANGE_DELETED && matches (self, record);

  if (present && belongs)
    {
      if (in_order_at (self, position))
        {
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
          return;
        }

      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      insert_sorted (self, record);
    }
  else if (present)
    {
      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  else if (belongs)
    insert_sorted (self, record);
}
