/* ar-record-filter-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-record-filter-model.h"

#include <string.h>

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
 *
 * A search (ar_record_filter_model_search()) is matched in a thread,
 * against a copy of the records' case-folded search keys taken when the
 * model is read: a keystroke costs the main loop only starting it, and
 * a later keystroke, change or reload drops a search still running.
 *
 * GTK 4.8's view builds a new row for every record that replaces one in
 * sight, and a reload after an import can replace them all: some 200
 * ms of widgets in one go. ar_record_filter_model_set_model_gradually()
 * replaces the rows in sight a few at a time instead, one step after
 * each frame of the view (ar_record_filter_model_set_view()), so the
 * window draws in between. Past the rows the view has built, the model
 * shows the new records at once: the rows that move up into sight as
 * old ones go are then rows to stay, each built once.
 */
/* The records' search keys, as they were when the model was read: one
 * block of text a thread may read while the records change. */
typedef struct
{
  char  *text;
  guint *starts;
  guint  n;
} SearchKeys;

static void
search_keys_clear (gpointer data)
{
  SearchKeys *keys = data;

  g_free (keys->text);
  g_free (keys->starts);
}

typedef struct
{
  SearchKeys *keys;
  char       *query;
  guint       in_sight;
  guint       n_in_sight;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_atomic_rc_box_release_full (search->keys, search_keys_clear);
  g_free (search->query);
  g_free (search);
}

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

  /* a gradual replacement under way: the model shows the first
   * @done_new of @target, then @leaving from @done_old to @leave_end,
   * then @target from @tail_from on; @shown is @leaving */
  GPtrArray         *target;
  GPtrArray         *leaving;
  guint              done_new;
  guint              done_old;
  guint              leave_end;
  guint              tail_from;
  guint              in_sight;
  guint              sight_end; /* the position where the rows in sight end */
  gboolean           started;
  guint              step_idle;
  /* the widget that shows the model, and its frame clock while a step
   * waits for the next frame (see schedule_step()) */
  GtkWidget         *view;
  GdkFrameClock     *clock;
  gulong             after_paint;
  guint              wait_timeout;
  /* where records of @leaving are, read from it as far as needed: a
   * record that moves up must leave its old row before it shows in its
   * new one, or the view has it twice */
  GHashTable        *leaving_at;
  guint              n_read;

  /* the search (case-folded), matched with the match function */
  char              *query;
  /* the search running in a thread, whose result is the one to show */
  GTask             *search_task;
  GCancellable      *search_cancellable;
  SearchKeys        *keys;
  guint              thread_from;
};

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (list);

  if (self->target != NULL)
    return self->done_new + (self->leave_end - self->done_old) + (self->target->len - self->tail_from);

  return self->shown->len;
}

static gpointer
ar_record_filter_model_get_item (GListModel *list,
                                 guint       position)
{
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (list);

  if (self->target != NULL)
    {
      if (position < self->done_new)
        return g_object_ref (g_ptr_array_index (self->target, position));
      position -= self->done_new;
      if (position < self->leave_end - self->done_old)
        return g_object_ref (g_ptr_array_index (self->leaving, self->done_old + position));
      position += self->tail_from - (self->leave_end - self->done_old);
      return position < self->target->len ? g_object_ref (g_ptr_array_index (self->target, position)) : NULL;
    }

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

/* The rows in sight are replaced this many at a time, for up to
 * STEP_BUDGET_US after a frame: a new row is some 0.6 ms of the view's
 * work, and the frame that follows lays it out and draws it, which
 * costs as much again; and each step also has GTK 4.8's view bind every
 * built row below it again, some 5 ms whatever the step's size. A
 * change of no more than GRADUAL_FROM rows is told at once. */
#define ROWS_A_STEP 12
#define STEP_BUDGET_US 8000
#define GRADUAL_FROM 6

static void finish_gradually (ArRecordFilterModel *self);

/* The position of @record in @leaving before @leave_end, or G_MAXUINT. */
static guint
find_leaving (ArRecordFilterModel *self,
              ArRecord            *record)
{
  gpointer at;

  if (self->leaving_at == NULL)
    {
      self->leaving_at = g_hash_table_new (NULL, NULL);
      self->n_read = self->done_old;
    }
  if (g_hash_table_lookup_extended (self->leaving_at, record, NULL, &at))
    return GPOINTER_TO_UINT (at);
  while (self->n_read < self->leave_end)
    {
      ArRecord *read = self->leaving->pdata[self->n_read];

      g_hash_table_insert (self->leaving_at, read, GUINT_TO_POINTER (self->n_read));
      self->n_read++;
      if (read == record)
        return self->n_read - 1;
    }

  return G_MAXUINT;
}

/* How many old rows go when @n_new new ones come in for @n_old: more
 * when a new record is still further down among the old ones. */
static guint
n_leaving (ArRecordFilterModel *self,
           guint                n_new,
           guint                n_old)
{
  guint end = self->done_old + n_old;

  for (guint i = self->done_new; i < self->done_new + n_new; i++)
    {
      guint at = find_leaving (self, self->target->pdata[i]);

      if (at != G_MAXUINT && at >= end)
        end = at + 1;
    }

  return end - self->done_old;
}

static gboolean replace_step (gpointer data);

/* A frame clock that stops (its window gone, hidden or minimised)
 * holds the steps up no longer than this. */
#define FRAME_WAIT_MS 100

static void
stop_waiting (ArRecordFilterModel *self)
{
  g_clear_handle_id (&self->step_idle, g_source_remove);
  g_clear_handle_id (&self->wait_timeout, g_source_remove);
  if (self->clock != NULL)
    {
      /* a clock disposed with its window has dropped its handlers */
      if (g_signal_handler_is_connected (self->clock, self->after_paint))
        g_signal_handler_disconnect (self->clock, self->after_paint);
      self->after_paint = 0;
      g_clear_object (&self->clock);
    }
}

static void
take_step_soon (ArRecordFilterModel *self)
{
  stop_waiting (self);
  /* in a main loop iteration of its own, not the frame's */
  self->step_idle = g_idle_add (replace_step, self);
}

static void
on_after_paint (GdkFrameClock       *clock,
                ArRecordFilterModel *self)
{
  take_step_soon (self);
}

static gboolean
on_wait_timeout (gpointer data)
{
  ArRecordFilterModel *self = data;

  self->wait_timeout = 0;
  take_step_soon (self);

  return G_SOURCE_REMOVE;
}

/* The next step of a gradual replacement: after the view's next frame,
 * so that each frame lays out one step's rows and the first frame after
 * a keystroke none; with no view drawing, in the next idle iteration. */
static void
schedule_step (ArRecordFilterModel *self)
{
  GdkFrameClock *clock = NULL;

  stop_waiting (self);
  if (self->view != NULL && gtk_widget_get_mapped (self->view))
    clock = gtk_widget_get_frame_clock (self->view);
  if (clock == NULL)
    {
      self->step_idle = g_idle_add (replace_step, self);
      return;
    }
  self->clock = g_object_ref (clock);
  self->after_paint = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  self->wait_timeout = g_timeout_add (FRAME_WAIT_MS, on_wait_timeout, self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* The first step: past the rows the view has built, the model shows
 * the target's own records at once, from where none of the old rows
 * kept until then comes again. The view builds none of them there; and
 * when rows in sight go, those that move up into them are ones to stay,
 * built once, not old rows built only to go again. Then the records
 * before the rows in sight, as many new as old, so that the rows in
 * sight stay where they are. */
static void
start_gradually (ArRecordFilterModel *self)
{
  guint prefix = self->done_new;
  guint ahead = self->in_sight > prefix ? MIN (self->in_sight, MIN (self->leave_end, self->tail_from)) - prefix : 0;
  guint leave_end = MIN (self->sight_end, self->leave_end);
  g_autoptr(GHashTable) built = g_hash_table_new (NULL, NULL);
  guint tail_from = self->target->len;
  guint n_removed;
  guint n_added;

  self->started = TRUE;
  for (guint i = prefix; i < leave_end; i++)
    g_hash_table_add (built, self->leaving->pdata[i]);
  while (tail_from > prefix + ahead && !g_hash_table_contains (built, self->target->pdata[tail_from - 1]))
    tail_from--;
  /* the records both end with stay as they are */
  tail_from = MIN (tail_from, self->tail_from);
  n_removed = self->leave_end - leave_end;
  n_added = self->tail_from - tail_from;
  self->leave_end = leave_end;
  self->tail_from = tail_from;
  if (n_removed > 0 || n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), leave_end, n_removed, n_added);

  if (ahead > 0)
    {
      guint n_old = n_leaving (self, ahead, ahead);

      self->done_new += ahead;
      self->done_old += n_old;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old, ahead);
    }
}

/* Steps of a gradual replacement; the last shows @target whole. */
static gboolean
replace_step (gpointer data)
{
  ArRecordFilterModel *self = data;
  gint64 start = g_get_monotonic_time ();

  if (!self->started)
    start_gradually (self);
  do
    {
      guint left_new = self->tail_from - self->done_new;
      guint left_old = self->leave_end - self->done_old;
      guint position = self->done_new;
      guint n_new;
      guint n_old;

      /* past the rows the view has built, the rest at once: the view
       * builds none for rows out of sight */
      if (self->done_new >= self->sight_end || (left_new == 0 && left_old == 0))
        {
          self->step_idle = 0;
          finish_gradually (self);
          return G_SOURCE_REMOVE;
        }

      /* Each row fewer brings a row of the tail into those the view has
       * built, so a step takes a few new rows and as few more old ones:
       * when the next new record is further down among the old rows,
       * the old ones before it go first, a few at a time. */
      n_new = MIN (ROWS_A_STEP, left_new);
      n_old = n_leaving (self, n_new, MIN (ROWS_A_STEP, left_old));
      while (n_new > 1 && n_old > n_new + ROWS_A_STEP)
        n_old = n_leaving (self, --n_new, MIN (ROWS_A_STEP, left_old));
      if (n_old > n_new + ROWS_A_STEP)
        {
          n_new = 0;
          n_old = ROWS_A_STEP;
        }

      self->done_new += n_new;
      self->done_old += n_old;
      g_list_model_items_changed (G_LIST_MODEL (self), position, n_old, n_new);
    }
  while (g_get_monotonic_time () - start < STEP_BUDGET_US);

  if (self->view == NULL)
    return G_SOURCE_CONTINUE;
  self->step_idle = 0;
  schedule_step (self);

  return G_SOURCE_REMOVE;
}

/* Ends a gradual replacement now, showing its target. */
static void
finish_gradually (ArRecordFilterModel *self)
{
  guint position;
  guint n_old;
  guint n_new;

  if (self->target == NULL)
    return;

  position = self->done_new;
  n_new = self->tail_from - self->done_new;
  n_old = self->leave_end - self->done_old;
  stop_waiting (self);
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&self->target);
  g_clear_pointer (&self->leaving, g_ptr_array_unref);
  g_clear_pointer (&self->leaving_at, g_hash_table_unref);
  if (n_old > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_old, n_new);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Shows @shown instead, telling the view the stretch that differs; a
 * long stretch gradually when @n_in_sight is not 0: at once up to
 * @in_sight, the @n_in_sight rows from there a few at a time, then the
 * rest. */
static void
replace_shown (ArRecordFilterModel *self,
               GPtrArray           *shown,
               guint                in_sight,
               guint                n_in_sight)
{
  g_autoptr(GPtrArray) old = self->shown;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old->len && prefix < shown->len && old->pdata[prefix] == shown->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < shown->len - prefix
         && old->pdata[old->len - 1 - suffix] == shown->pdata[shown->len - 1 - suffix])
    suffix++;

  if (n_in_sight > GRADUAL_FROM && old->len - prefix - suffix > GRADUAL_FROM && shown->len - prefix - suffix > GRADUAL_FROM
      && in_sight + n_in_sight > prefix && in_sight < old->len - suffix)
    {
      /* nothing changes yet: the model shows @old, with the records
       * both end with as the target's tail */
      self->target = shown;
      self->leaving = g_steal_pointer (&old);
      self->in_sight = in_sight;
      self->sight_end = in_sight + n_in_sight;
      self->done_new = self->done_old = prefix;
      self->leave_end = self->leaving->len - suffix;
      self->tail_from = shown->len - suffix;
      self->started = FALSE;
      self->shown = g_ptr_array_ref (self->leaving);
      schedule_step (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      return;
    }

  self->shown = shown;
  if (old->len != shown->len || prefix != old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix, shown->len - prefix - suffix);
}

static gboolean
matches (ArRecordFilterModel *self,
         ArRecord            *record)
{
  if (self->query != NULL && strstr (ar_record_get_search_key (record), self->query) == NULL)
    return FALSE;

  return self->match == NULL || self->match (record, self->user_data);
}

/* Forgets a search still running: what is shown next is worked out
 * afresh. Returns: whether there was one */
static gboolean
drop_search (ArRecordFilterModel *self)
{
  if (self->search_task == NULL)
    return FALSE;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->search_task);

  return TRUE;
}

/* Every record of the model that matches, in its order: @all itself
 * when all do, shared rather than copied (a copy of 50,000 records is
 * as many references to take, and as many to drop when it goes). */
static GPtrArray *
match_all (ArRecordFilterModel *self)
{
  GPtrArray *shown;
  guint first_not = 0;

  while (first_not < self->all->len && matches (self, self->all->pdata[first_not]))
    first_not++;
  if (first_not == self->all->len)
    return g_ptr_array_ref (self->all);

  shown = g_ptr_array_new_full (self->all->len, g_object_unref);
  for (guint i = 0; i < first_not; i++)
    g_ptr_array_add (shown, g_object_ref (self->all->pdata[i]));
  for (guint i = first_not + 1; i < self->all->len; i++)
    if (matches (self, self->all->pdata[i]))
      g_ptr_array_add (shown, g_object_ref (self->all->pdata[i]));

  return shown;
}

/* Stops a gradual replacement where it is, without a signal: @shown is
 * then the mix the view has. Returns: (transfer full) (nullable): what
 * the replacement would have shown in the end */
static GPtrArray *
stop_gradually (ArRecordFilterModel *self)
{
  GPtrArray *current;

  if (self->target == NULL)
    return NULL;

  current = g_ptr_array_new_full (g_list_model_get_n_items (G_LIST_MODEL (self)), g_object_unref);
  for (guint i = 0; i < self->done_new; i++)
    g_ptr_array_add (current, g_object_ref (self->target->pdata[i]));
  for (guint i = self->done_old; i < self->leave_end; i++)
    g_ptr_array_add (current, g_object_ref (self->leaving->pdata[i]));
  for (guint i = self->tail_from; i < self->target->len; i++)
    g_ptr_array_add (current, g_object_ref (self->target->pdata[i]));
  stop_waiting (self);
  g_clear_pointer (&self->leaving, g_ptr_array_unref);
  g_clear_pointer (&self->leaving_at, g_hash_table_unref);
  g_ptr_array_unref (self->shown);
  self->shown = current;

  return g_steal_pointer (&self->target);
}

static void
refilter (ArRecordFilterModel *self,
          GtkFilterChange      change,
          guint                in_sight,
          guint                n_in_sight)
{
  /* the records a search showed, or was still bringing in */
  g_autoptr(GPtrArray) was_coming = stop_gradually (self);
  GPtrArray *before = was_coming != NULL ? was_coming : self->shown;
  GPtrArray *shown;
  /* a search still running: what is shown is an older one's */
  gboolean was_searching = drop_search (self);

  if (change == GTK_FILTER_CHANGE_MORE_STRICT && !was_searching)
    {
      shown = g_ptr_array_new_full (before->len, g_object_unref);
      for (guint i = 0; i < before->len; i++)
        if (matches (self, g_ptr_array_index (before, i)))
          g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (before, i)));
    }
  else
    shown = match_all (self);

  replace_shown (self, shown, in_sight, n_in_sight);
  if ((was_coming != NULL || was_searching) && self->target == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
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
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));
  refilter (self, change, 0, 0);
}

/**
 * ar_record_filter_model_refilter_gradually:
 * @in_sight: the position of the first row in sight
 * @n_in_sight: how many rows are in sight
 *
 * Checks the records again, as ar_record_filter_model_refilter() does,
 * and replaces the rows in sight gradually, as
 * ar_record_filter_model_set_model_gradually() does: a keystroke then
 * costs the main loop the matching, not the view's new rows. A change
 * while rows still come in starts from what the view has.
 */
void
ar_record_filter_model_refilter_gradually (ArRecordFilterModel *self,
                                           GtkFilterChange      change,
                                           guint                in_sight,
                                           guint                n_in_sight)
{
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));
  refilter (self, change, in_sight, n_in_sight);
}

static void
release_keys (ArRecordFilterModel *self)
{
  if (self->keys != NULL)
    g_atomic_rc_box_release_full (g_steal_pointer (&self->keys), search_keys_clear);
}

static void
read_model (ArRecordFilterModel *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  GString *text;

  /* a search running counts positions in the records read before */
  if (drop_search (self) && self->target == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  /* a new array: the records shown may be the old one (match_all()) */
  g_ptr_array_unref (self->all);
  self->all = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->all, g_list_model_get_item (self->model, i));

  release_keys (self);
  if (n < self->thread_from)
    return;
  /* the keys were made when the records were read (in the list page's
   * thread): copying them is a few milliseconds at England scale */
  self->keys = g_atomic_rc_box_new0 (SearchKeys);
  self->keys->n = n;
  self->keys->starts = g_new (guint, n);
  text = g_string_sized_new (n * 64);
  for (guint i = 0; i < n; i++)
    {
      const char *key = ar_record_get_search_key (self->all->pdata[i]);

      self->keys->starts[i] = text->len;
      g_string_append_len (text, key, strlen (key) + 1);
    }
  self->keys->text = g_string_free (text, FALSE);
}

static void
on_items_changed (ArRecordFilterModel *self)
{
  read_model (self);
  ar_record_filter_model_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
take_model (ArRecordFilterModel *self,
            GListModel          *model)
{
  finish_gradually (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  read_model (self);
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

  take_model (self, model);
  replace_shown (self, match_all (self), 0, 0);
}

/**
 * ar_record_filter_model_set_model_gradually:
 * @in_sight: the position of the first row in sight
 * @n_in_sight: how many rows are in sight
 *
 * Filters @model instead, as ar_record_filter_model_set_model() does,
 * but replaces a long stretch of changed rows over several main loop
 * iterations: the rows before @in_sight at once, the next ones a few at
 * a time, then the rest. Until it is done, the model shows a mix of the
 * old and new records and ar_record_filter_model_get_pending() says so;
 * any other change to the model finishes it first.
 */
void
ar_record_filter_model_set_model_gradually (ArRecordFilterModel *self,
                                            GListModel          *model,
                                            guint                in_sight,
                                            guint                n_in_sight)
{
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  take_model (self, model);
  replace_shown (self, match_all (self), in_sight, n_in_sight);
}

static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SearchData *search = task_data;
  SearchKeys *keys = search->keys;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < keys->n; i++)
    {
      /* a later keystroke took over */
      if (i % 1024 == 0 && g_task_return_error_if_cancelled (task))
        return;
      if (search->query == NULL || strstr (keys->text + keys->starts[i], search->query) != NULL)
        g_array_append_val (found, i);
    }

  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_array_unref);
}

/* The records a search found that the match function accepts: @all
 * itself when that is every record, as match_all() has it (a first
 * letter most records hold). */
static GPtrArray *
shown_of_search (ArRecordFilterModel *self,
                 GArray              *found)
{
  GPtrArray *shown;
  guint n_accepted = 0;

  if (found->len == self->all->len)
    while (n_accepted < self->all->len
           && (self->match == NULL || self->match (self->all->pdata[n_accepted], self->user_data)))
      n_accepted++;
  if (found->len == self->all->len && n_accepted == self->all->len)
    return g_ptr_array_ref (self->all);

  shown = g_ptr_array_new_full (found->len, g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      ArRecord *record = self->all->pdata[g_array_index (found, guint, i)];

      if (self->match == NULL || self->match (record, self->user_data))
        g_ptr_array_add (shown, g_object_ref (record));
    }

  return shown;
}

/* A search's result, in the main loop: shown if it is still the latest
 * and the records are those it matched. */
static void
on_searched (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(ArRecordFilterModel) self = g_weak_ref_get (weak);
  g_autoptr(GArray) found = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) was_coming = NULL;
  SearchData *search = g_task_get_task_data (G_TASK (result));
  GPtrArray *shown;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || G_TASK (result) != self->search_task || found == NULL)
    return;

  g_clear_object (&self->search_task);
  g_clear_object (&self->search_cancellable);
  /* what the view has of the last replacement, if it is still coming */
  was_coming = stop_gradually (self);
  shown = shown_of_search (self, found);
  replace_shown (self, shown, search->in_sight, search->n_in_sight);
  if (self->target == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/**
 * ar_record_filter_model_search:
 * @query: (nullable): case-folded text the records' search keys must
 *   hold, as well as the match function accept; %NULL for any
 * @in_sight: the position of the first row in sight
 * @n_in_sight: how many rows are in sight
 *
 * Shows the records @query finds. A long model is searched in a thread
 * and its rows in sight are then replaced gradually, as
 * ar_record_filter_model_refilter_gradually() does: until then the
 * model shows the last search and ar_record_filter_model_get_pending()
 * says it is not yet done. A search started before is forgotten, as is
 * one running when the model or its match function changes.
 */
void
ar_record_filter_model_search (ArRecordFilterModel *self,
                               const char          *query,
                               guint                in_sight,
                               guint                n_in_sight)
{
  gboolean was_pending;
  SearchData *search;
  GWeakRef *weak;

  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));

  g_free (self->query);
  self->query = query != NULL && query[0] != '\0' ? g_strdup (query) : NULL;
  if (self->keys == NULL)
    {
      refilter (self, GTK_FILTER_CHANGE_DIFFERENT, in_sight, n_in_sight);
      return;
    }

  was_pending = ar_record_filter_model_get_pending (self);
  drop_search (self);
  search = g_new0 (SearchData, 1);
  search->keys = g_atomic_rc_box_acquire (self->keys);
  search->query = g_strdup (self->query);
  search->in_sight = in_sight;
  search->n_in_sight = n_in_sight;
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->search_cancellable = g_cancellable_new ();
  self->search_task = g_task_new (NULL, self->search_cancellable, on_searched, weak);
  g_task_set_source_tag (self->search_task, ar_record_filter_model_search);
  g_task_set_task_data (self->search_task, search, search_data_free);
  g_task_run_in_thread (self->search_task, search_in_thread);
  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/**
 * ar_record_filter_model_set_thread_from:
 *
 * Searches models of @n_records or more in a thread (2,000 unless set):
 * a short one is searched at once. Takes effect when the model is next
 * read.
 */
void
ar_record_filter_model_set_thread_from (ArRecordFilterModel *self,
                                        guint                n_records)
{
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));
  self->thread_from = n_records;
}

/**
 * ar_record_filter_model_set_view:
 * @view: (nullable): the widget that shows the model
 *
 * Paces a gradual replacement by @view's frames: a step after each frame
 * it draws, the first after the frame that follows the change, so that
 * a frame lays out the rows of one step. Without a view (or while it is
 * not mapped) the steps follow one another in idle time.
 */
void
ar_record_filter_model_set_view (ArRecordFilterModel *self,
                                 GtkWidget           *view)
{
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));
  g_return_if_fail (view == NULL || GTK_IS_WIDGET (view));

  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = view;
  if (view != NULL)
    g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
}

/**
 * ar_record_filter_model_get_pending:
 *
 * Returns: whether a gradual replacement is under way
 */
gboolean
ar_record_filter_model_get_pending (ArRecordFilterModel *self)
{
  g_return_val_if_fail (AR_IS_RECORD_FILTER_MODEL (self), FALSE);
  return self->target != NULL || self->search_task != NULL;
}

/**
 * ar_record_filter_model_finish:
 *
 * Ends a gradual replacement, and a search running in a thread, at once.
 */
void
ar_record_filter_model_finish (ArRecordFilterModel *self)
{
  g_return_if_fail (AR_IS_RECORD_FILTER_MODEL (self));

  /* the search's matching, here and now */
  if (self->search_task != NULL)
    refilter (self, GTK_FILTER_CHANGE_DIFFERENT, 0, 0);
  finish_gradually (self);
}

static void
ar_record_filter_model_dispose (GObject *object)
{
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (object);

  stop_waiting (self);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  g_clear_pointer (&self->target, g_ptr_array_unref);
  g_clear_pointer (&self->leaving, g_ptr_array_unref);
  g_clear_pointer (&self->leaving_at, g_hash_table_unref);
  drop_search (self);
  release_keys (self);
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
  g_free (self->query);

  G_OBJECT_CLASS (ar_record_filter_model_parent_class)->finalize (object);
}

static void
ar_record_filter_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ArRecordFilterModel *self = AR_RECORD_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, ar_record_filter_model_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_record_filter_model_class_init (ArRecordFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ar_record_filter_model_dispose;
  object_class->finalize = ar_record_filter_model_finalize;
  object_class->get_property = ar_record_filter_model_get_property;

  /**
   * ArRecordFilterModel:pending:
   *
   * Whether a gradual replacement is under way.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ar_record_filter_model_init (ArRecordFilterModel *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->thread_from = 2000;
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
