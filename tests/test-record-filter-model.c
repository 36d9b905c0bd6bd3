/* test-record-filter-model.c: what a list shows of a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-record-filter-model.h"
#include "ar-test-util.h"

typedef struct
{
  const char *query;
  guint       n_checked;
} Query;

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Change;

static gboolean
name_contains (ArRecord *record,
               gpointer  user_data)
{
  Query *query = user_data;

  query->n_checked++;

  return query->query == NULL || strstr (ar_record_get_text (record, "name"), query->query) != NULL;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->n_signals++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static GPtrArray *
schools (const char * const *names)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    {
      ArRecord *school = AR_RECORD (ar_school_new ());

      ar_record_set_text (school, "name", names[i]);
      g_ptr_array_add (records, school);
    }

  return records;
}


static char *
shown_names (GListModel *model)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? "," : "", ar_record_get_text (record, "name"));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_shown(model, expected) \
  G_STMT_START { \
    g_autofree char *shown_ = shown_names (G_LIST_MODEL (model)); \
    g_assert_cmpstr (shown_, ==, expected); \
  } G_STMT_END

/* A search shows the matching records in the list's order; narrowing it
 * looks only at those shown, widening it at them all. */
static void
test_search (void)
{
  static const char *names[] = { "Ash", "Beech", "Birch", "Cedar", "Elm", "Hazel", "Larch", NULL };
  g_autoptr(GPtrArray) records = schools (names);
  Query query = { NULL, 0 };
  Change change = { 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (records)), name_contains, &query);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == AR_TYPE_RECORD);
  assert_shown (model, "Ash,Beech,Birch,Cedar,Elm,Hazel,Larch");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 7));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &change);

  query.query = "e";
  query.n_checked = 0;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shown (model, "Beech,Cedar,Hazel");
  g_assert_cmpuint (query.n_checked, ==, 7);
  g_assert_cmpuint (change.n_signals, ==, 1);

  query.query = "ee";
  query.n_checked = 0;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shown (model, "Beech");
  g_assert_cmpuint (query.n_checked, ==, 3);

  query.query = NULL;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shown (model, "Ash,Beech,Birch,Cedar,Elm,Hazel,Larch");
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 7);
}

/* The view is told only the stretch that changed, so rows that stay keep
 * their widgets; a change that changes nothing says nothing. */
static void
test_only_the_change_is_told (void)
{
  static const char *names[] = { "Ash", "Beech", "Birch", "Cedar", "Elm", "Hazel", "Larch", NULL };
  g_autoptr(GPtrArray) records = schools (names);
  Query query = { NULL, 0 };
  Change change = { 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (records)), name_contains, &query);
  g_autoptr(GPtrArray) reloaded = NULL;
  g_autoptr(ArRecordList) again = ar_test_school_list_new (records);
  g_autoptr(ArRecordList) changed = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* the same records again */
  ar_record_filter_model_set_model (model, G_LIST_MODEL (again));
  g_assert_cmpuint (change.n_signals, ==, 0);

  /* "Cedar" replaced by a new record, "Elm" gone */
  reloaded = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    if (i != 4)
      g_ptr_array_add (reloaded, g_object_ref (records->pdata[i]));
  g_object_unref (g_ptr_array_index (reloaded, 3));
  g_ptr_array_index (reloaded, 3) = AR_RECORD (ar_school_new ());
  ar_record_set_text (g_ptr_array_index (reloaded, 3), "name", "Cedar Lodge");
  changed = ar_test_school_list_new (reloaded);
  ar_record_filter_model_set_model (model, G_LIST_MODEL (changed));
  assert_shown (model, "Ash,Beech,Birch,Cedar Lodge,Hazel,Larch");
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 1);
}

/* A change in the filtered model (a sort, an added record) shows. */
static void
test_follows_its_model (void)
{
  static const char *names[] = { "Oak", "Pine", NULL };
  g_autoptr(GPtrArray) records = schools (names);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (records);
  Query query = { "i", 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (g_object_ref (list)), name_contains, &query);
  GPtrArray *more = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *more_names[] = { "Fir", "Oak", "Pine", "Yew", NULL };
  g_autoptr(GPtrArray) added = schools (more_names);

  assert_shown (model, "Pine");
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (more, g_object_ref (added->pdata[i]));
  ar_record_list_replace_all (list, more);
  assert_shown (model, "Fir,Pine");

  ar_record_filter_model_set_model (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* as many rows as ArRecordFilterModel brings into sight in a step */
#define ROWS_A_STEP 12

/* What a view knows of the model: its items as the signals told them. */
typedef struct
{
  GPtrArray *items;
  guint      n_signals;
  guint      n_pending_notifies;
  /* the most rows a signal brought into sight (added there, or moved up
   * into it), and how many in all: the rows the view built */
  guint      most_in_sight;
  guint      total_in_sight;
  guint      in_sight;
  guint      sight_end;
  /* a view's time to build the rows of a signal, in microseconds */
  gulong     build_time;
  /* when set, the frames drawn so far, and the count at each signal */
  guint     *frames;
  GArray    *frame_of_signal;
} Mirror;

static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_autoptr(GHashTable) was_in_sight = g_hash_table_new (NULL, NULL);
  guint came_in_sight = 0;

  mirror->n_signals++;
  if (mirror->frames != NULL)
    g_array_append_val (mirror->frame_of_signal, *mirror->frames);
  g_usleep (mirror->build_time);
  for (guint i = mirror->in_sight; i < MIN (mirror->sight_end, mirror->items->len); i++)
    g_hash_table_add (was_in_sight, mirror->items->pdata[i]);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));
  /* the view builds a row for each record new in sight: added there, or
   * moved up into it from below when fewer rows came than went */
  for (guint i = mirror->in_sight; i < MIN (mirror->sight_end, mirror->items->len); i++)
    if (!g_hash_table_contains (was_in_sight, mirror->items->pdata[i]))
      came_in_sight++;
  mirror->most_in_sight = MAX (mirror->most_in_sight, came_in_sight);
  mirror->total_in_sight += came_in_sight;

  /* each signal tells the truth: the view's items are the model's */
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->items->len; i++)
    {
      g_autoptr(ArRecord) item = g_list_model_get_item (model, i);

      g_assert_true (item == mirror->items->pdata[i]);
    }

  /* and never shows a record twice, not even half way (GTK 4.8's view
   * warns of it and may drop either row) */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < mirror->items->len; i++)
      g_assert_true (g_hash_table_add (seen, mirror->items->pdata[i]));
  }
}

static void
on_pending (ArRecordFilterModel *model,
            GParamSpec          *pspec,
            Mirror              *mirror)
{
  mirror->n_pending_notifies++;
}

static void
mirror_init (Mirror              *mirror,
             ArRecordFilterModel *model)
{
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_ptr_array_add (mirror->items, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_mirror_changed), mirror);
  g_signal_connect (model, "notify::pending", G_CALLBACK (on_pending), mirror);
}

/* Names "prefix 000" to "prefix N-1", then @shared. */
static GPtrArray *
numbered_schools (const char *prefix,
                  guint       n,
                  GPtrArray  *shared)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      ArRecord *school = AR_RECORD (ar_school_new ());
      g_autofree char *name = g_strdup_printf ("%s %03u", prefix, i);

      ar_record_set_text (school, "name", name);
      g_ptr_array_add (records, school);
    }
  for (guint i = 0; shared != NULL && i < shared->len; i++)
    g_ptr_array_add (records, g_object_ref (shared->pdata[i]));

  return records;
}

/* A reload that replaces every row: nothing in the call; then the rows
 * out of sight and those before the rows in sight at once, those in
 * sight a few a step, in later main loop iterations, the rest at the
 * end; each step tells the view the truth. */
static void
test_gradually (void)
{
  static const char *last_names[] = { "Zeta 1", "Zeta 2", NULL };
  g_autoptr(GPtrArray) shared = schools (last_names);
  g_autoptr(GPtrArray) before = numbered_schools ("Old", 200, shared);
  g_autoptr(GPtrArray) after = numbered_schools ("New", 210, shared);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (before)), name_contains, &query);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (after);
  Mirror mirror = { .in_sight = 50, .sight_end = 80, .build_time = 3000 };
  g_autoptr(GListModel) expected = G_LIST_MODEL (ar_test_school_list_new (after));
  guint n_iterations = 0;

  mirror_init (&mirror, model);
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (list), 50, 30);

  /* the call itself changes nothing: the frame that follows it (a
   * keystroke's) has no new rows to lay out */
  g_assert_true (ar_record_filter_model_get_pending (model));
  g_assert_cmpuint (mirror.n_signals, ==, 0);

  /* then before the rows in sight: new already; after them, out of
   * sight, new; the rows in sight: old yet, but for a step's */
  while (mirror.n_signals == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      n_iterations++;
    }
  g_assert_true (ar_record_filter_model_get_pending (model));
  g_assert_cmpuint (mirror.n_signals, >=, 2);
  g_assert_cmpuint (mirror.most_in_sight, <=, ROWS_A_STEP);
  g_assert_true (mirror.items->pdata[49] == after->pdata[49]);
  g_assert_true (mirror.items->pdata[50] != after->pdata[50]);
  g_assert_true (g_ptr_array_find (before, mirror.items->pdata[50], NULL));
  g_assert_true (mirror.items->pdata[mirror.items->len - 101] == after->pdata[after->len - 101]);

  while (ar_record_filter_model_get_pending (model))
    {
      g_main_context_iteration (NULL, TRUE);
      n_iterations++;
    }

  /* the 30 rows in sight came in a few at a time, over as many
   * iterations as a view that takes its time needs; the shared last
   * rows were never replaced */
  g_assert_cmpuint (mirror.most_in_sight, <=, ROWS_A_STEP);
  g_assert_cmpuint (mirror.total_in_sight, ==, 30);
  g_assert_cmpuint (mirror.n_signals, >=, 2 + 30 / ROWS_A_STEP);
  g_assert_cmpuint (n_iterations, >=, 2);
  g_assert_cmpuint (mirror.n_pending_notifies, ==, 2);
  g_assert_cmpuint (mirror.items->len, ==, 212);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (mirror.items->pdata[i] == after->pdata[i]);
  g_assert_cmpuint (g_list_model_get_n_items (expected), ==, 212);

  g_ptr_array_unref (mirror.items);
}

/* A search, or another model, while rows come in: the replacement ends
 * at once and the search applies to the new records; a model freed
 * meanwhile leaves nothing behind. */
static void
test_gradually_interrupted (void)
{
  g_autoptr(GPtrArray) before = numbered_schools ("Old", 100, NULL);
  g_autoptr(GPtrArray) after = numbered_schools ("New", 100, NULL);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (before)), name_contains, &query);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (after);
  Mirror mirror = { .in_sight = 0, .sight_end = 40 };
  ArRecordFilterModel *freed;

  mirror_init (&mirror, model);
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (list), 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));

  query.query = "New 05";
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_false (ar_record_filter_model_get_pending (model));
  assert_shown (model, "New 050,New 051,New 052,New 053,New 054,New 055,New 056,New 057,New 058,New 059");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_shown (model, "New 050,New 051,New 052,New 053,New 054,New 055,New 056,New 057,New 058,New 059");

  /* another model while one comes in */
  query.query = NULL;
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (ar_test_school_list_new (before)), 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));
  ar_record_filter_model_set_model (model, G_LIST_MODEL (list));
  g_assert_false (ar_record_filter_model_get_pending (model));
  g_assert_cmpuint (mirror.items->len, ==, 100);
  g_assert_true (mirror.items->pdata[0] == after->pdata[0]);
  g_ptr_array_unref (mirror.items);

  /* freed with steps to come */
  freed = ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (before)), name_contains, &query);
  ar_record_filter_model_set_model_gradually (freed, G_LIST_MODEL (list), 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (freed));
  g_object_unref (freed);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A search typed while the rows of another come in: the keystroke starts
 * from what the view has, narrows what was coming, and the rows in sight
 * again come in steps; every signal tells the truth. */
static void
test_search_gradually (void)
{
  g_autoptr(GPtrArray) records = numbered_schools ("School", 300, NULL);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (records)), name_contains, &query);
  Mirror mirror = { .in_sight = 0, .sight_end = 40, .build_time = 3000 };

  mirror_init (&mirror, model);
  query.query = "School 1";
  ar_record_filter_model_refilter_gradually (model, GTK_FILTER_CHANGE_MORE_STRICT, 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));
  /* the keystroke told the view nothing yet: its rows come later; the
   * first step shows the search's own rows out of sight at once */
  g_assert_cmpuint (mirror.n_signals, ==, 0);
  while (mirror.n_signals == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ar_record_filter_model_get_pending (model));
  g_assert_cmpuint (mirror.most_in_sight, <=, ROWS_A_STEP);
  g_assert_cmpstr (ar_record_get_text (g_ptr_array_index (mirror.items, mirror.items->len - 1), "name"), ==,
                   "School 199");

  /* the next key, before the rows of the first are all in */
  query.query = "School 12";
  ar_record_filter_model_refilter_gradually (model, GTK_FILTER_CHANGE_MORE_STRICT, 0, 40);
  while (ar_record_filter_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mirror.most_in_sight, <=, ROWS_A_STEP);
  assert_shown (model, "School 120,School 121,School 122,School 123,School 124,"
                       "School 125,School 126,School 127,School 128,School 129");
  g_assert_cmpuint (mirror.items->len, ==, 10);

  /* widened at once when nothing is coming in and few rows change */
  query.query = NULL;
  ar_record_filter_model_refilter (model, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_false (ar_record_filter_model_get_pending (model));
  g_assert_cmpuint (mirror.items->len, ==, 300);
  g_ptr_array_unref (mirror.items);
}

/* A search that narrows to records spread down the list: the rows that
 * move up into sight are the search's own, so the view builds each row
 * it ends with once, and never an old row only to see it go again (the
 * old rows below those in sight went when they moved up: a view built
 * some twenty times too many rows, a first letter took seconds). */
static void
test_narrowing_builds_once (void)
{
  g_autoptr(GPtrArray) records = numbered_schools ("School", 600, NULL);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (records)), name_contains, &query);
  Mirror mirror = { .in_sight = 0, .sight_end = 40 };
  guint kept = 0;

  mirror_init (&mirror, model);
  /* "School 005", "School 015", … and "School 050" to "School 059" … */
  query.query = "5";
  ar_record_filter_model_refilter_gradually (model, GTK_FILTER_CHANGE_MORE_STRICT, 0, 40);
  g_assert_true (ar_record_filter_model_get_pending (model));
  while (ar_record_filter_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);

  /* the rows in sight at the start that stay in sight are not new */
  for (guint i = 0; i < 40; i++)
    if (strchr (ar_record_get_text (records->pdata[i], "name"), '5') != NULL)
      kept++;
  g_assert_cmpuint (kept, ==, 4);
  g_assert_cmpuint (mirror.most_in_sight, <=, ROWS_A_STEP);
  g_assert_cmpuint (mirror.total_in_sight, ==, 40 - kept);
  g_assert_cmpuint (mirror.items->len, ==, 600 - 5 * 9 * 9);
  for (guint i = 0; i < mirror.items->len; i++)
    g_assert_nonnull (strchr (ar_record_get_text (mirror.items->pdata[i], "name"), '5'));
  g_ptr_array_unref (mirror.items);
}

/* A list every record of which is shown (by no search, or one in a
 * thread that all match) is the records read, shared: a change of the
 * model still tells the view exactly what went and came. */
static void
test_all_shown_then_changed (void)
{
  g_autoptr(GPtrArray) before = numbered_schools ("School", 50, NULL);
  g_autoptr(GPtrArray) after = numbered_schools ("School", 30, NULL);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (before);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (g_object_ref (list)), name_contains, &query);
  Mirror mirror = { 0 };

  mirror_init (&mirror, model);
  ar_record_list_replace_all (list, g_ptr_array_ref (after));
  g_assert_cmpuint (mirror.items->len, ==, 30);

  /* the same after a search in a thread that every record matches */
  ar_record_filter_model_set_thread_from (model, 0);
  ar_record_list_replace_all (list, g_ptr_array_ref (before));
  ar_record_filter_model_search (model, "school", 0, 0);
  while (ar_record_filter_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mirror.items->len, ==, 50);
  ar_record_list_replace_all (list, g_ptr_array_ref (after));
  g_assert_cmpuint (mirror.items->len, ==, 30);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (mirror.items->pdata[i] == after->pdata[i]);
  g_ptr_array_unref (mirror.items);
}

static gboolean have_display;

static void
count_frame (GdkFrameClock *clock,
             guint         *frames)
{
  (*frames)++;
}

/* With a view that draws, a replacement waits for its next frame (the
 * one that shows a keystroke has no new rows to lay out) and takes a
 * step after each frame, so that a frame lays out one step's rows. */
static void
test_paced_by_frames (void)
{
  g_autoptr(GPtrArray) before = numbered_schools ("Old", 200, NULL);
  g_autoptr(GPtrArray) after = numbered_schools ("New", 200, NULL);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (before)), name_contains, &query);
  g_autoptr(ArRecordList) list = ar_test_school_list_new (after);
  guint frames = 0;
  Mirror mirror = { .in_sight = 0, .sight_end = 80, .build_time = 3000, .frames = &frames };
  GtkWidget *window;
  GdkFrameClock *clock;
  guint last_frame = 0;
  guint n_frames_with_steps = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);
  mirror.frame_of_signal = g_array_new (FALSE, FALSE, sizeof (guint));
  mirror_init (&mirror, model);
  ar_record_filter_model_set_view (model, window);

  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (list), 0, 80);
  while (ar_record_filter_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (mirror.n_signals, >=, 1 + 80 / ROWS_A_STEP);
  /* nothing before the first frame; then steps in frame after frame */
  g_assert_cmpuint (g_array_index (mirror.frame_of_signal, guint, 0), >=, 1);
  for (guint i = 0; i < mirror.frame_of_signal->len; i++)
    {
      guint frame = g_array_index (mirror.frame_of_signal, guint, i);

      if (frame != last_frame)
        n_frames_with_steps++;
      last_frame = frame;
    }
  g_assert_cmpuint (n_frames_with_steps, >=, 3);
  g_assert_cmpuint (mirror.most_in_sight, <=, ROWS_A_STEP);
  g_assert_cmpuint (mirror.items->len, ==, 200);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (mirror.items->pdata[i] == after->pdata[i]);

  /* a view that goes half way, its frame clock with it: the steps go
   * on without its frames */
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (ar_test_school_list_new (before)), 0, 80);
  while (g_array_index (mirror.frame_of_signal, guint, mirror.frame_of_signal->len - 1) == last_frame)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ar_record_filter_model_get_pending (model));
  g_signal_handlers_disconnect_by_func (clock, count_frame, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  while (ar_record_filter_model_get_pending (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mirror.items->len, ==, 200);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (mirror.items->pdata[i] == before->pdata[i]);

  g_array_unref (mirror.frame_of_signal);
  g_ptr_array_unref (mirror.items);
}

/* A change of a few rows, or one out of sight, is told at once. */
static void
test_gradually_only_when_long (void)
{
  g_autoptr(GPtrArray) before = numbered_schools ("Old", 100, NULL);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) renamed = numbered_schools ("New", 3, NULL);
  Query query = { NULL, 0 };
  g_autoptr(ArRecordFilterModel) model =
    ar_record_filter_model_new (G_LIST_MODEL (ar_test_school_list_new (before)), name_contains, &query);

  for (guint i = 0; i < before->len; i++)
    g_ptr_array_add (after, g_object_ref (i >= 10 && i < 13 ? renamed->pdata[i - 10] : before->pdata[i]));
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (ar_test_school_list_new (after)), 0, 40);
  g_assert_false (ar_record_filter_model_get_pending (model));

  /* every row changed, but far below those in sight */
  ar_record_filter_model_set_model_gradually (model, G_LIST_MODEL (ar_test_school_list_new (renamed)), 500, 40);
  g_assert_false (ar_record_filter_model_get_pending (model));
  assert_shown (model, "New 000,New 001,New 002");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* the frames of a view, when there is a display */
  have_display = gtk_init_check ();

  g_test_add_func ("/ar/record-filter-model/search", test_search);
  g_test_add_func ("/ar/record-filter-model/only-the-change-is-told", test_only_the_change_is_told);
  g_test_add_func ("/ar/record-filter-model/follows-its-model", test_follows_its_model);
  g_test_add_func ("/ar/record-filter-model/gradually", test_gradually);
  g_test_add_func ("/ar/record-filter-model/gradually-interrupted", test_gradually_interrupted);
  g_test_add_func ("/ar/record-filter-model/gradually-only-when-long", test_gradually_only_when_long);
  g_test_add_func ("/ar/record-filter-model/search-gradually", test_search_gradually);
  g_test_add_func ("/ar/record-filter-model/narrowing-builds-once", test_narrowing_builds_once);
  g_test_add_func ("/ar/record-filter-model/paced-by-frames", test_paced_by_frames);
  g_test_add_func ("/ar/record-filter-model/all-shown-then-changed", test_all_shown_then_changed);

  return g_test_run ();
}
