/* test-crash.c: an import killed at any moment leaves the register whole,
 * either as it was or as the import makes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "ar-test-util.h"

/* Big enough that an import takes a good part of a second, small enough
 * for CI: a few seconds for the whole program. Under AddressSanitizer an
 * import of 2,000 rows took 30-50 s; the kills follow the WAL's growth,
 * not the clock, so a smaller import still meets each point. */
#if defined(__SANITIZE_ADDRESS__)
#define N_ROWS 200
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define N_ROWS 200
#endif
#endif
#ifndef N_ROWS
#define N_ROWS 2000
#endif

typedef struct
{
  char *directory;
  char *base;          /* the register before: the sample */
  char *before;        /* its export */
} Fixture;

static char *
export_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_read_only (path, &error);
  char *text;

  g_assert_no_error (error);
  text = ar_register_json_export (store, &error);
  g_assert_no_error (error);

  return text;
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = NULL;
  int status;

  fixture->directory = ar_test_make_dir ();
  fixture->base = g_build_filename (fixture->directory, "base.db", NULL);
  json = g_build_filename (fixture->directory, "sample.json", NULL);

  command = g_strdup_printf ("export --sample --output '%s'", json);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&command, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  command = g_strdup_printf ("import --database '%s' '%s'", fixture->base, json);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);

  fixture->before = export_of (fixture->base);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->base);
  g_free (fixture->before);
}

static GPid
spawn (const char * const *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) g_getenv ("AR_BINARY"));
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  return pid;
}

static goffset
wal_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 ? st.st_size : 0;
}

/* Runs @arguments until the register's WAL holds @kill_at bytes (or, when
 * @kill_at is 0, for @delay), then kills it; -1 lets it finish.
 * Returns: the largest WAL seen */
static goffset
run_until (const char * const *arguments,
           const char         *path,
           goffset             kill_at,
           gint64              delay,
           int                *status)
{
  GPid pid = spawn (arguments);
  gint64 start = g_get_monotonic_time ();
  goffset largest = 0;

  for (;;)
    {
      goffset size = wal_size (path);

      largest = MAX (largest, size);
      if ((kill_at > 0 && size >= kill_at) || (kill_at == 0 && g_get_monotonic_time () - start >= delay))
        {
          kill (pid, SIGKILL);
          break;
        }
      if (waitpid (pid, status, WNOHANG) == pid)
        return largest;
      g_usleep (100);
    }

  g_assert_cmpint (waitpid (pid, status, 0), ==, pid);
  return largest;
}

/* Runs the import once whole to learn what it makes and how far its WAL
 * grows, then again on fresh copies: killed early, while the commit is
 * being written (a quarter, half, three quarters of the WAL), and once
 * the commit is whole, during the checkpoint on the way out. */
static void
kill_at_points (Fixture    *fixture,
                const char *command,
                const char *input)
{
  static const double fractions[] = { 0, 0.25, 0.5, 0.75, 1.0 };
  g_autofree char *whole = g_build_filename (fixture->directory, "whole.db", NULL);
  g_autofree char *after = NULL;
  const char *arguments[] = { command, "--database", whole, input, NULL, NULL };
  guint n_before = 0, n_after = 0;
  gint64 start, duration;
  goffset largest;
  int status;

  if (g_str_equal (command, "import"))
    {
      arguments[3] = "--replace";
      arguments[4] = input;
    }

  copy_file (fixture->base, whole);
  start = g_get_monotonic_time ();
  largest = run_until (arguments, whole, -1, 0, &status);
  duration = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (largest, >, 0);
  after = export_of (whole);
  g_assert_cmpstr (after, !=, fixture->before);

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      g_autofree char *name = g_strdup_printf ("killed-%u.db", i);
      g_autofree char *killed = g_build_filename (fixture->directory, name, NULL);
      g_autofree char *found = NULL;
      goffset kill_at = (goffset) (largest * fractions[i]);

      copy_file (fixture->base, killed);
      arguments[2] = killed;
      run_until (arguments, killed, kill_at, duration / 4, &status);

      assert_integrity (killed);
      found = export_of (killed);
      if (g_str_equal (found, fixture->before))
        n_before++;
      else if (g_str_equal (found, after))
        n_after++;
      else
        g_error ("killed at %.0f%% of the WAL: the register is neither as before nor as after",
                 fractions[i] * 100);
    }

  g_test_message ("%s: whole in %.3f s, WAL up to %" G_GOFFSET_FORMAT " bytes; "
                  "%u killed: %u as before, %u as after",
                  command, duration / (double) G_USEC_PER_SEC, largest,
                  (guint) G_N_ELEMENTS (fractions), n_before, n_after);
}

static void
test_json_replace_killed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->directory, "big.json", NULL);
  g_autoptr(GString) text = g_string_new (fixture->before);
  g_autoptr(GString) schools = g_string_new (NULL);
  char *array;

  /* the sample with thousands more schools, spliced into its schools array */
  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (schools, "{\"id\": %u, \"urn\": \"%06u\", \"name\": \"Crash School %u\", "
                            "\"area_id\": 1, \"status\": \"open\"}, ", 10000 + i, 200000 + i, i);
  array = strstr (text->str, "\"schools\"");
  g_assert_nonnull (array);
  array = strchr (array, '[');
  g_string_insert (text, array - text->str + 1, schools->str);
  g_assert_true (g_file_set_contents (json, text->str, text->len, NULL));

  kill_at_points (fixture, "import", json);
}

static void
test_gias_import_killed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->directory, "edubasealldata.csv", NULL);
  g_autoptr(GString) text = g_string_new ("URN,LA (code),LA (name),EstablishmentName,EstablishmentStatus (name)\n");

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "%u,%u,Area %u,Gias School %u,Open\n", 300000 + i, 800 + i % 50, i % 50, i);
  g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));

  kill_at_points (fixture, "import-gias", csv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ar/crash/json-replace-killed", Fixture, NULL,
              fixture_set_up, test_json_replace_killed, fixture_tear_down);
  g_test_add ("/ar/crash/gias-import-killed", Fixture, NULL,
              fixture_set_up, test_gias_import_killed, fixture_tear_down);

  return g_test_run ();
}
