/* ar-record-filter-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-record-filter-model.h"

/**
 * ArRecordFilterModel:
 *
 * The records of a model that a match function accepts, in the model's
 * order: what a list shows of a search.
 *
 * GTK 4.8's filter model finds each of its items by counting through a
 * bitset and re-checks every row on each change; at England scale
 * (50,000 schools) a keystroke took hundreds of milliseconds and a
 * reload replaced every row. This one keeps the shown records in an
 * array, re-checks only the shown ones when a search narrows, and tells
 * the view only what changed between the first and the last difference,
 * so rows that stay keep their widgets.
 */
struct _ArRecordFilterModel
{
  GObject            parent_instance;

  GListModel        *model;
  ArRecordMatchFunc  match;
  gpointer           user_data;
  /* every record of the model, in its order, and the records shown,
   * each with a reference: a pass reads an array rather than asking the
   * model (and checking types) 50,000 times */
  GPtrArray         *all;
  GPtrArray         *shown;
};

static void ar_record_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ArRecordFilterModel, ar_record_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ar_record_filter_model_list_model_init))

static GType
ar_record_filter_model_get_item_type (GListModel *list)
{
  return AR_TYPE_RECORD;
}

static guint
ar_record_filter_model_get_n_items (GListModel *list)
{
  return AR_RECORD_FILTER_MODEL (list)->shown->len;
}

static gpointer
ar_record_filter_model_get_item (GListModel *list,
                                 guint       position)
{
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (list);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
ar_record_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ar_record_filter_model_get_item_type;
  iface->get_n_items = ar_record_filter_model_get_n_items;
  iface->get_item = ar_record_filter_model_get_item;
}

/* Shows @shown instead, telling the view the stretch that differs. */
static void
replace_shown (ArRecordFilterModel *self,
               GPtrArray           *shown)
{
  g_autoptr(GPtrArray) old = self->shown;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old->len && prefix < shown->len && old->pdata[prefix] == shown->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < shown->len - prefix
         && old->pdata[old->len - 1 - suffix] == shown->pdata[shown->len - 1 - suffix])
    suffix++;

  self->shown = shown;
  if (old->len != shown->len || prefix != old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix, shown->len - prefix - suffix);
}

static gboolean
matches (ArRecordFilterModel *self,
         ArRecord            *record)
{
  return self->match == NULL || self->match (record, self->user_data);
}

/**
 * ar_record_filter_model_refilter:
 * @change: how the match function changed: %GTK_FILTER_CHANGE_MORE_STRICT
 *   re-checks only the records shown
 *
 * Checks the records again, after the match function changed.
 */
void
ar_record_filter_model_refilter (ArRecordFilterModel *self,
                                 GtkFilterChange      change)
{
  GPtrArray *shown;

  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));

  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    {
      shown = g_ptr_array_new_full (self->shown->len, g_object_unref);
      for (guint i = 0; i < self->shown->len; i++)
        if (matches (self, g_ptr_array_index (self->shown, i)))
          g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (self->shown, i)));
    }
  else
    {
      shown = g_ptr_array_new_full (self->all->len, g_object_unref);
      for (guint i = 0; i < self->all->len; i++)
        if (matches (self, g_ptr_array_index (self->all, i)))
          g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (self->all, i)));
    }

  replace_shown (self, shown);
}

static void
read_model (ArRecordFilterModel *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_ptr_array_set_size (self->all, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->all, g_list_model_get_item (self->model, i));
}

static void
on_items_changed (ArRecordFilterModel *self)
{
  read_model (self);
  ar_record_filter_model_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * ar_record_filter_model_set_model:
 *
 * Filters @model instead; the records both show keep their rows.
 */
void
ar_record_filter_model_set_model (ArRecordFilterModel *self,
                                  GListModel          *model)
{
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);

  on_items_changed (self);
}

static void
ar_record_filter_model_dispose (GObject *object)
{
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->all, 0);
  g_ptr_array_set_size (self->shown, 0);

  G_OBJECT_CLASS (ar_record_filter_model_parent_class)->dispose (object);
}

static void
ar_record_filter_model_finalize (GObject *object)
{
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (object);

  g_ptr_array_unref (self->all);
  g_ptr_array_unref (self->shown);

  G_OBJECT_CLASS (ar_record_filter_model_parent_class)->finalize (object);
}

static void
ar_record_filter_model_class_init (ArRecordFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ar_record_filter_model_dispose;
  object_class->finalize = ar_record_filter_model_finalize;
}

static void
ar_record_filter_model_init (ArRecordFilterModel *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ar_record_filter_model_new:
 * @model: (transfer full) (nullable): the records to filter
 * @match: (nullable): which to show; %NULL for all
 */
ArRecordFilterModel *
ar_record_filter_model_new (GListModel        *model,
                            ArRecordMatchFunc  match,
                            gpointer           user_data)
{
  ArRecordFilterModel *self = g_object_new (AR_TYPE_RECORD_FILTER_MODEL, NULL);

  self->match = match;
  self->user_data = user_data;
  ar_record_filter_model_set_model (self, model);
  g_clear_object (&model);

  return self;
}
