/* test-store.c: the register in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ar-record-private.h"
#include "ar-store-private.h"
#include "ar-test-util.h"

static void
test_save_and_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *path = g_strdup (ar_store_get_path (store));
  g_autoptr(ArRecord) school = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 id = ar_test_add_school (store, "123456", "Brook Primary", area);

  g_assert_cmpint (id, >, 0);
  g_assert_false (ar_store_is_empty (store));
  g_clear_object (&store);

  store = ar_store_open (path, &error);
  g_assert_no_error (error);
  school = ar_store_get (store, AR_TYPE_SCHOOL, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ar_record_get_text (school, "name"), ==, "Brook Primary");
  g_assert_cmpint (ar_record_get_integer (school, "area_id"), ==, area);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ROLE), ==, 11);
}

static void
test_new_register_is_empty (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();

  /* roles come with it but do not count as content */
  g_assert_true (ar_store_is_empty (store));
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ROLE), ==, 11);
}

static void
test_duplicate_urn_names_the_other_school (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) twin = AR_RECORD (ar_school_new ());

  ar_test_add_school (store, "123456", "Meadow Primary School", 0);
  ar_record_set_text (twin, "urn", "123456");
  ar_record_set_text (twin, "name", "Meadow Twin");

  g_assert_false (ar_store_save (store, twin, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "URN 123456 is already used by Meadow Primary School");
  g_assert_cmpint (ar_record_get_id (twin), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 1);
}

static void
test_link_must_exist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) person = AR_RECORD (ar_person_new ());

  ar_record_set_text (person, "name", "Nobody's Head");
  ar_record_set_integer (person, "school_id", 42);

  g_assert_false (ar_store_save (store, person, &error));
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_LINK);
  g_assert_cmpstr (error->message, ==, "School: there is no School with id 42");
}

static void
record_type_cb (ArStore *store,
                GType    type,
                GType   *seen)
{
  *seen = type;
}

static void
test_changed_names_the_type (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  GType seen = G_TYPE_INVALID;

  g_signal_connect (store, "changed", G_CALLBACK (record_type_cb), &seen);
  ar_test_add_area (store, "855", "Leicestershire");
  g_assert_true (seen == AR_TYPE_AREA);
}

static void
test_delete_cascades_and_restores (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) school = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 area = ar_test_add_area (store, "855", "Leicestershire");
  gint64 school_id = ar_test_add_school (store, "123456", "Brook Primary", area);
  gint64 trust = ar_test_add_trust (store, "Brook Trust", "mat");
  gint64 person = ar_test_add_person (store, "Ann Head", school_id);

  ar_test_add_academy (store, trust, school_id, "2015-09-01", NULL);
  ar_test_add_alliance (store, "Brook Alliance", school_id, "2014-04-01", NULL);
  ar_test_add_designation (store, person, "NLE", "2018-01-01", NULL);
  before = ar_test_export (store);

  school = ar_store_get (store, AR_TYPE_SCHOOL, school_id, &error);
  removed = ar_store_delete (store, school, &error);
  g_assert_no_error (error);

  /* the school, its academy link; the alliance and the person lose their link */
  g_assert_cmpuint (removed->len, ==, 4);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_TRUST_ACADEMY), ==, 0);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_ALLIANCE), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_PERSON), ==, 1);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_DESIGNATION), ==, 1);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "NLE"), ==, 0);

  ar_store_restore (store, removed, &error);
  g_assert_no_error (error);
  after = ar_test_export (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (ar_test_count (store, "855", "2020-01-01", "NLE"), ==, 1);
}

static void
test_roles_cannot_be_deleted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(ArRecord) role = ar_store_find (store, AR_TYPE_ROLE, "code", "NLE", &error);
  g_autoptr(GPtrArray) removed = NULL;

  removed = ar_store_delete (store, role, &error);
  g_assert_null (removed);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_IN_USE);
}

static gboolean
fail_half_way (ArStore   *store,
               gpointer   user_data,
               GError   **error)
{
  ar_test_add_area (store, "855", "Leicestershire");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
  return FALSE;
}

static void
test_write_is_one_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();

  g_assert_false (ar_store_write (store, fail_half_way, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_AREA), ==, 0);
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuses_newer_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *path = g_strdup (ar_store_get_path (store));
  g_autoptr(ArStore) reopened = NULL;

  ar_test_add_area (store, "855", "Leicestershire");
  g_clear_object (&store);
  set_user_version (path, AR_STORE_SCHEMA_VERSION + 1);

  reopened = ar_store_open (path, &error);
  g_assert_null (reopened);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
}

static void
test_refuses_other_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *path = g_build_filename (directory, "notes.txt", NULL);
  g_autoptr(ArStore) store = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (path, "Shopping list: milk, eggs, a register of alliances.\n", -1, &error);
  g_assert_no_error (error);

  store = ar_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "is not a register file"));

  /* and it is left alone */
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "Shopping list: milk, eggs, a register of alliances.\n");
}

typedef struct
{
  const char *path;
  const char *prefix;
  guint       n_writes;
  GError     *error;
} Writer;

static gpointer
write_many (gpointer data)
{
  Writer *writer = data;
  g_autoptr(ArStore) store = ar_store_open (writer->path, &writer->error);

  for (guint i = 0; store != NULL && i < writer->n_writes && writer->error == NULL; i++)
    {
      g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
      g_autofree char *name = g_strdup_printf ("%s school %u", writer->prefix, i);
      g_autoptr(GListModel) all = NULL;

      ar_record_set_text (school, "name", name);
      ar_store_save (store, school, &writer->error);
      /* reads interleaved with the other connection's writes */
      all = ar_store_list (store, AR_TYPE_SCHOOL, &writer->error);
    }

  return NULL;
}

/* Two connections (as two processes would have) writing at once: every
 * write lands, none fails with "database is locked". */
static void
test_two_connections_at_once (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  Writer a = { ar_store_get_path (store), "A", 150, NULL };
  Writer b = { ar_store_get_path (store), "B", 150, NULL };
  GThread *thread_a = g_thread_new ("a", write_many, &a);
  GThread *thread_b = g_thread_new ("b", write_many, &b);

  g_thread_join (thread_a);
  g_thread_join (thread_b);
  g_assert_no_error (a.error);
  g_assert_no_error (b.error);
  g_assert_cmpuint (ar_store_count (store, AR_TYPE_SCHOOL), ==, 300);
}

static void
test_save_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autofree char *copy_path = g_strconcat (ar_store_get_path (store), ".copy", NULL);
  g_autoptr(ArStore) copy = NULL;

  ar_test_add_area (store, "855", "Leicestershire");
  ar_store_save_copy (store, copy_path, &error);
  g_assert_no_error (error);

  copy = ar_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ar_store_count (copy, AR_TYPE_AREA), ==, 1);
}

/* 150 new schools through one record, filled again for each (as the
 * GIAS importer does): the batch writes each as it was when added, across
 * its full statements and the last part one. */
static gboolean
add_through_one_record (ArStore   *store,
                        gpointer   user_data,
                        GError   **error)
{
  g_autoptr(ArStoreBatch) batch = ar_store_batch_new (store, AR_TYPE_SCHOOL);
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  gint64 area_id = *(gint64 *) user_data;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("School %03u", i);
      g_autofree char *urn = g_strdup_printf ("%06u", 100000 + i);

      ar_record_reset (school);
      ar_record_set_text (school, "name", name);
      ar_record_set_text (school, "urn", urn);
      if (i % 3 == 0)
        ar_record_set_integer (school, "area_id", area_id);
      if (i % 2 == 0)
        ar_record_set_text (school, "town", "Oakham");
      if (!ar_store_batch_add (batch, school, error))
        return FALSE;
      g_assert_cmpint (ar_record_get_id (school), ==, i + 1);
      /* changed after it was taken: the batch keeps what it took */
      ar_record_set_text (school, "name", "Changed");
    }

  return ar_store_batch_flush (store, error);
}

static void
test_batch_takes_copies (void)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) schools = NULL;
  gint64 area_id = ar_test_add_area (store, "855", "Leicestershire");

  g_assert_true (ar_store_write (store, add_through_one_record, &area_id, &error));
  g_assert_no_error (error);

  schools = ar_store_list (store, AR_TYPE_SCHOOL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 150);
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(ArRecord) school = ar_store_get (store, AR_TYPE_SCHOOL, i + 1, &error);
      g_autofree char *name = g_strdup_printf ("School %03u", i);
      g_autofree char *urn = g_strdup_printf ("%06u", 100000 + i);

      g_assert_no_error (error);
      g_assert_cmpstr (ar_record_get_text (school, "name"), ==, name);
      g_assert_cmpstr (ar_record_get_text (school, "urn"), ==, urn);
      g_assert_cmpint (ar_record_get_integer (school, "area_id"), ==, i % 3 == 0 ? area_id : 0);
      g_assert_cmpstr (ar_record_get_text (school, "town"), ==, i % 2 == 0 ? "Oakham" : NULL);
    }
}

typedef struct
{
  gboolean behind;
  guint    n_schools;
  guint    repeat_of;   /* 0, or the school whose URN the last one repeats */
} BehindCase;

/* New schools in batches, the full ones written behind when asked, and
 * memberships linking each to a trust as it comes (so a membership's
 * batch links to schools that are still in theirs). */
static gboolean
add_schools_in_batches (ArStore   *store,
                        gpointer   user_data,
                        GError   **error)
{
  const BehindCase *test = user_data;
  g_autoptr(ArStoreBatch) schools = NULL;
  g_autoptr(ArStoreBatch) memberships = NULL;
  g_autoptr(ArRecord) school = AR_RECORD (ar_school_new ());
  g_autoptr(ArRecord) trust = AR_RECORD (ar_trust_new ());

  ar_record_set_text (trust, "name", "Learning Trust");
  ar_record_set_text (trust, "kind", "mat");
  if (!ar_store_save (store, trust, error))
    return FALSE;

  if (test->behind)
    ar_store_write_batches_behind (store);
  schools = ar_store_batch_new (store, AR_TYPE_SCHOOL);
  memberships = ar_store_batch_new (store, AR_TYPE_TRUST_ACADEMY);

  for (guint i = 1; i <= test->n_schools; i++)
    {
      g_autoptr(ArRecord) membership = AR_RECORD (ar_trust_academy_new ());
      g_autofree char *name = g_strdup_printf ("School %u", i);
      g_autofree char *urn = g_strdup_printf ("%06u", 100000 + (i == test->n_schools && test->repeat_of ? test->repeat_of : i));

      ar_record_reset (school);
      ar_record_set_text (school, "name", name);
      ar_record_set_text (school, "urn", urn);
      if (!ar_store_batch_add (schools, school, error))
        return FALSE;
      ar_record_set_integer (membership, "trust_id", ar_record_get_id (trust));
      ar_record_set_integer (membership, "school_id", ar_record_get_id (school));
      if (!ar_store_batch_add (memberships, membership, error))
        return FALSE;
    }

  return ar_store_batch_flush (store, error);
}

static char *
write_in_batches (gboolean   behind,
                  guint      n_schools,
                  guint      repeat_of,
                  GError   **error)
{
  g_autoptr(ArStore) store = ar_test_store_new ();
  BehindCase test = { behind, n_schools, repeat_of };

  if (!ar_store_write (store, add_schools_in_batches, &test, error))
    {
      /* nothing of it stays, and the register takes the next write */
      g_assert_true (ar_store_is_empty (store));
      g_assert_cmpint (ar_test_add_area (store, "855", "Leicestershire"), >, 0);
      return NULL;
    }

  return ar_test_export (store);
}

/* Written behind, the register is the same as written where each batch
 * fills, up to the last partial batch; a row only SQLite refuses (a URN
 * twice, which a batch leaves its caller to know of) fails the write with
 * SQLite's message, whether it was in a statement written behind or in
 * the last one. */
static void
test_batches_written_behind (void)
{
  const guint sizes[] = { 1, 63, 64, 65, 130, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *here = write_in_batches (FALSE, sizes[i], 0, &error);
      g_autofree char *behind = NULL;

      g_assert_no_error (error);
      behind = write_in_batches (TRUE, sizes[i], 0, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (behind, ==, here);
      g_assert_nonnull (strstr (behind, sizes[i] > 1 ? "\"School 2\"" : "\"School 1\""));
    }

  /* the repeat written behind (the 64th row repeats the 2nd), or in the
   * last partial statement, or after every statement written behind */
  for (guint n = 64; n <= 1000; n += 936 / 2)
    {
      g_autoptr(GError) here_error = NULL;
      g_autoptr(GError) behind_error = NULL;
      g_autofree char *here = write_in_batches (FALSE, n, 2, &here_error);
      g_autofree char *behind = write_in_batches (TRUE, n, 2, &behind_error);

      g_assert_null (here);
      g_assert_null (behind);
      g_assert_error (behind_error, AR_STORE_ERROR, AR_STORE_ERROR_SQL);
      g_assert_nonnull (strstr (behind_error->message, "UNIQUE constraint failed: school.urn"));
      /* the same, but for the register's (temporary) path */
      g_assert_cmpstr (strstr (behind_error->message, "register.db:"), ==, strstr (here_error->message, "register.db:"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/store/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/ar/store/new-register-is-empty", test_new_register_is_empty);
  g_test_add_func ("/ar/store/duplicate-urn", test_duplicate_urn_names_the_other_school);
  g_test_add_func ("/ar/store/link-must-exist", test_link_must_exist);
  g_test_add_func ("/ar/store/changed-names-the-type", test_changed_names_the_type);
  g_test_add_func ("/ar/store/delete-cascades-and-restores", test_delete_cascades_and_restores);
  g_test_add_func ("/ar/store/roles-cannot-be-deleted", test_roles_cannot_be_deleted);
  g_test_add_func ("/ar/store/write-is-one-transaction", test_write_is_one_transaction);
  g_test_add_func ("/ar/store/refuses-newer-register", test_refuses_newer_register);
  g_test_add_func ("/ar/store/refuses-other-files", test_refuses_other_files);
  g_test_add_func ("/ar/store/two-connections-at-once", test_two_connections_at_once);
  g_test_add_func ("/ar/store/save-copy", test_save_copy);
  g_test_add_func ("/ar/store/batch-takes-copies", test_batch_takes_copies);
  g_test_add_func ("/ar/store/batches-written-behind", test_batches_written_behind);

  return g_test_run ();
}
