/* test-cli-files.c: what the command line writes, and what it leaves alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* posix_openpt and ptsname */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ar-test-util.h"

typedef struct
{
  char *directory;
  char *json;       /* the sample register as JSON */
  char *database;   /* a register made from it */
} Fixture;

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->directory, name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = ar_test_make_dir ();
  fixture->database = ar_test_register_fixture (fixture->directory, &fixture->json);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ar_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->json);
  g_free (fixture->database);
}

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static GBytes *
bytes_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = bytes_of (path);

  g_assert_true (g_bytes_equal (after, before));
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode;
}

static void
assert_names (const char *err,
              const char *path)
{
  if (strstr (err, path) == NULL)
    g_error ("“%s” does not name %s", err, path);
}

/* The folder holds exactly the names given: nothing new, no temporary file */
static void
assert_folder_holds (Fixture    *fixture,
                     const char *first,
                     ...)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < expected->len; i++)
        found |= g_str_equal (name, g_ptr_array_index (expected, i));
      if (!found)
        g_error ("unexpected file %s", name);
      n++;
    }
  g_assert_cmpuint (n, ==, expected->len);
}

static void
test_symlink_target_replaced (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "target.json");
  g_autofree char *link = path_in (fixture, "link.json");
  g_autofree char *written = NULL;
  g_autofree char *expected = contents_of (fixture->json);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("target.json", link), ==, 0);

  out = ar_test_runf ("export --database '%s' --output '%s'", &status, &err, fixture->database, link);
  g_assert_cmpint (status, ==, 0);

  g_assert_true (S_ISLNK (mode_of (link)));
  written = contents_of (target);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (mode_of (target) & 07777, ==, 0600);
  assert_folder_holds (fixture, "sample.json", "register.db", "target.json", "link.json", NULL);
}

typedef struct
{
  char    *path;
  GString *read;
} Reader;

static gpointer
read_fifo (gpointer data)
{
  Reader *reader = data;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (reader->path, &contents, NULL, NULL));
  g_string_append (reader->read, contents);

  return NULL;
}

static void
test_fifo_reader_gets_it (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "pipe");
  g_autofree char *expected = contents_of (fixture->json);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Reader reader = { fifo, read };
  GThread *thread;
  int status;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  thread = g_thread_new ("reader", read_fifo, &reader);

  out = ar_test_runf ("export --database '%s' --output '%s'", &status, &err, fixture->database, fifo);
  g_thread_join (thread);
  g_assert_cmpint (status, ==, 0);

  g_assert_cmpstr (read->str, ==, expected);
  g_assert_true (S_ISFIFO (mode_of (fifo)));
}

static void
test_character_devices (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *expected = contents_of (fixture->json);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) from_terminal = g_string_new (NULL);
  g_autofree char *stdout_link = path_in (fixture, "stdout");
  const char *terminal;
  char *argv[8];
  GPid pid;
  int master;
  int status;

  /* Never /dev/null or /dev/stdout themselves: run as root, a regression
   * would replace the system's. A link of our own to /dev/stdout, here a
   * pipe to this test: the report arrives on it, and the link stays. */
  g_assert_cmpint (symlink ("/dev/stdout", stdout_link), ==, 0);
  out = ar_test_runf ("export --database '%s' --output '%s'", &status, &err, fixture->database, stdout_link);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_true (S_ISLNK (mode_of (stdout_link)));
  g_free (out);

  out = ar_test_runf ("export --database '%s' --output -", &status, &err, fixture->database);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);

  /* a terminal: written in place, and read from its other side */
  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  terminal = ptsname (master);
  g_assert_nonnull (terminal);

  argv[0] = (char *) g_getenv ("AR_BINARY");
  argv[1] = (char *) "summary";
  argv[2] = (char *) "--sample";
  argv[3] = (char *) "--area";
  argv[4] = (char *) "855";
  argv[5] = (char *) "--output";
  argv[6] = (char *) terminal;
  argv[7] = NULL;
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL));

  for (gboolean done = FALSE; !done; )
    {
      struct pollfd fd = { master, POLLIN, 0 };
      char buffer[4096];

      done = waitpid (pid, &status, WNOHANG) == pid;
      while (poll (&fd, 1, done ? 0 : 50) > 0 && (fd.revents & POLLIN))
        {
          gssize n = read (master, buffer, sizeof buffer);

          if (n <= 0)
            break;
          g_string_append_len (from_terminal, buffer, n);
        }
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (from_terminal->str, "System Leadership in Leicestershire"));
  /* the node lives as long as its other side is open */
  g_assert_true (S_ISCHR (mode_of (terminal)));
  close (master);
}

static void
test_folder_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = path_in (fixture, "reports");
  g_autofree char *missing = path_in (fixture, "no-such-folder/summary.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  out = ar_test_runf ("summary --database '%s' --area 855 --output '%s'", &status, &err, fixture->database, folder);
  g_assert_cmpint (status, ==, 1);
  assert_names (err, folder);
  g_assert_true (S_ISDIR (mode_of (folder)));
  g_free (out);

  /* a missing folder is not made */
  out = ar_test_runf ("summary --database '%s' --area 855 --output '%s'", &status, &err, fixture->database, missing);
  g_assert_cmpint (status, ==, 1);
  assert_names (err, missing);
  assert_folder_holds (fixture, "sample.json", "register.db", "reports", NULL);
}

static void
test_file_modes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *kept = path_in (fixture, "kept.csv");
  g_autofree char *private = path_in (fixture, "private.csv");
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (kept, "keep me\n", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0444), ==, 0);
  g_assert_true (g_file_set_contents (private, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (private, 0600), ==, 0);

  out = ar_test_runf ("list --database '%s' schools --format csv --output '%s'", &status, &err, fixture->database, kept);
  g_assert_cmpint (status, ==, 1);
  assert_names (err, kept);
  g_assert_nonnull (strstr (err, "read-only"));
  text = contents_of (kept);
  g_assert_cmpstr (text, ==, "keep me\n");
  g_clear_pointer (&text, g_free);
  g_free (out);

  out = ar_test_runf ("list --database '%s' schools --format csv --output '%s'", &status, &err, fixture->database, private);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (mode_of (private) & 07777, ==, 0600);
  text = contents_of (private);
  g_assert_true (g_str_has_prefix (text, "\"URN\","));
  assert_folder_holds (fixture, "sample.json", "register.db", "kept.csv", "private.csv", NULL);
}

/* The report never lands on the register, by any name. */
static void
test_register_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *link = path_in (fixture, "link.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  const char *commands[] = {
    "summary --database '%s' --area 855 --output '%s'",
    "export --database '%s' --output '%s'",
    "list --database '%s' schools --output '%s'",
  };
  int status;

  g_assert_cmpint (symlink ("register.db", link), ==, 0);
  before = ar_test_runf ("export --database '%s'", &status, &err, fixture->database);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;

      out = ar_test_runf (commands[i], &status, &err, fixture->database, fixture->database);
      g_assert_cmpint (status, ==, 1);
      assert_names (err, fixture->database);
      g_free (out);

      out = ar_test_runf (commands[i], &status, &err, fixture->database, link);
      g_assert_cmpint (status, ==, 1);
      assert_names (err, link);
      g_free (out);

      out = ar_test_runf (commands[i], &status, &err, link, fixture->database);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, "open register"));
    }

  g_assert_true (S_ISLNK (mode_of (link)));
  after = ar_test_runf ("export --database '%s'", &status, &err, link);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (after, ==, before);
}

/* summary, list and export make no register, no folder and no change */
static void
test_reads_create_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *missing = path_in (fixture, "typo/register.db");
  g_autofree char *empty = path_in (fixture, "empty.db");
  g_autofree char *other = path_in (fixture, "other.db");
  g_autoptr(GBytes) other_before = NULL;
  g_autoptr(GBytes) register_before = bytes_of (fixture->database);
  g_autofree char *err = NULL;
  const char *commands[] = {
    "summary --database '%s' --area 855",
    "export --database '%s'",
    "list --database '%s' schools",
  };
  sqlite3 *db = NULL;
  int status;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE item (name TEXT); INSERT INTO item VALUES ('milk')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  other_before = bytes_of (other);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      GStatBuf st;

      out = ar_test_runf (commands[i], &status, &err, missing);
      g_assert_cmpint (status, ==, 1);
      assert_names (err, missing);
      g_free (out);

      out = ar_test_runf (commands[i], &status, &err, empty);
      g_assert_cmpint (status, ==, 1);
      assert_names (err, empty);
      g_assert_cmpint (g_stat (empty, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
      g_free (out);

      out = ar_test_runf (commands[i], &status, &err, other);
      g_assert_cmpint (status, ==, 1);
      assert_names (err, other);
      g_free (out);

      out = ar_test_runf (commands[i], &status, &err, fixture->database);
      g_assert_cmpint (status, ==, 0);
    }

  assert_unchanged (other, other_before);
  assert_unchanged (fixture->database, register_before);
  assert_folder_holds (fixture, "sample.json", "register.db", "empty.db", "other.db", NULL);
}

/* An import refused into a register that did not exist leaves nothing. */
static void
test_refused_import_leaves_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *bad = path_in (fixture, "bad.json");
  g_autofree char *csv = path_in (fixture, "edubasealldata.csv");
  g_autofree char *other = path_in (fixture, "other.db");
  g_autoptr(GBytes) other_before = NULL;
  g_autofree char *fresh = path_in (fixture, "new/folders/register.db");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = NULL;
  int status;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"alliance-register\", \"version\": 1, "
                                      "\"schools\": [{\"id\": 1, \"name\": \"\"}]}", -1, NULL));
  g_assert_true (g_file_set_contents (csv, "URN,LA (code),LA (name),EstablishmentName\n"
                                      "100001,855,Leicestershire,A School\n", -1, NULL));

  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, fresh, bad);
  g_assert_cmpint (status, ==, 1);
  g_free (out);

  /* a usage error too: an empty --area is not every area */
  out = ar_test_runf ("import-gias --database '%s' --area '' '%s'", &status, &err, fresh, csv);
  g_assert_cmpint (status, ==, 2);
  g_free (out);
  out = ar_test_runf ("import-gias --database '%s' '%s' '%s'", &status, &err, fresh, csv, bad);
  g_assert_cmpint (status, ==, 1);
  g_free (out);

  /* a spreadsheet whose columns mean nothing to the import */
  out = ar_test_runf ("import-table --database '%s' --kind people '%s'", &status, &err, fresh, csv);
  g_assert_cmpint (status, ==, 1);
  g_free (out);

  /* another program's database is refused before anything is written */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE item (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  other_before = bytes_of (other);
  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, other, fixture->json);
  g_assert_cmpint (status, ==, 1);
  assert_names (err, other);
  assert_unchanged (other, other_before);

  assert_folder_holds (fixture, "sample.json", "register.db", "bad.json", "edubasealldata.csv", "other.db", NULL);
}

static void
test_usage_and_hints (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = path_in (fixture, "edubasealldata.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* a mistyped command is not a reason to open the window */
  out = ar_test_runf ("sumary --area 855", &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "sumary"));
  g_assert_nonnull (strstr (err, "summary, export"));
  g_free (out);

  g_assert_true (g_file_set_contents (csv, "URN,LA (code),LA (name),EstablishmentName\n"
                                      "100001,856,Leicester,A School\n", -1, NULL));
  out = ar_test_runf ("import-gias --database '%s' --area '' '%s'", &status, &err, fixture->database, csv);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--area"));
  g_free (out);

  out = ar_test_runf ("import --database '%s' '%s'", &status, &err, fixture->database, fixture->json);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "already holds records"));
  g_assert_nonnull (strstr (err, "--replace"));
  g_assert_nonnull (strstr (err, "--database"));
}

/* Runs the command line with @input_path as its standard input */
static char *
run_with_input (const char *input_path,
                const char *format,
                int        *status,
                char      **err,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *arguments = NULL;
  g_autofree char *script = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  va_list args;
  char *out = NULL;
  int wait_status;

  va_start (args, err);
  arguments = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_pointer (err, g_free);
  script = g_strdup_printf ("exec '%s' %s < '%s'", g_getenv ("AR_BINARY"), arguments, input_path);
  argv[2] = script;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &out, err, &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return out;
}

static char *
export_of (const char *database)
{
  g_autofree char *err = NULL;
  char *out;
  int status;

  out = ar_test_runf ("export --database '%s'", &status, &err, database);
  g_assert_cmpint (status, ==, 0);

  return out;
}

/* "-" is standard input for import and import --merge, as for export's
 * --output; an empty or broken one is named, and leaves no register */
static void
test_import_standard_input (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *fresh = path_in (fixture, "fresh.db");
  g_autofree char *empty = path_in (fixture, "empty.json");
  g_autofree char *original = export_of (fixture->database);
  g_autofree char *imported = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = run_with_input (fixture->json, "import --database '%s' -", &status, &err, fresh);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Imported standard input: 95 schools"));
  imported = export_of (fresh);
  g_assert_cmpstr (imported, ==, original);
  g_free (out);

  /* merging the register into itself changes nothing, and says so */
  out = run_with_input (fixture->json, "import --merge --format json --database '%s' -", &status, &err, fresh);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "standard input"));
  g_assert_null (strstr (out, "\"added\": 1"));
  g_free (imported);
  imported = export_of (fresh);
  g_assert_cmpstr (imported, ==, original);
  g_free (out);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (g_unlink (fresh), ==, 0);
  out = run_with_input (empty, "import --database '%s' -", &status, &err, fresh);
  g_assert_cmpint (status, ==, 1);
  assert_names (err, "standard input");
  g_free (out);
  out = run_with_input (empty, "import --merge --database '%s' -", &status, &err, fresh);
  g_assert_cmpint (status, ==, 1);
  assert_names (err, "standard input");
  g_free (out);

  /* GIAS extracts are files: "-" is a usage error, not a file called "-" */
  out = run_with_input (fixture->json, "import-gias --database '%s' -", &status, &err, fresh);
  g_assert_cmpint (status, ==, 2);
  assert_names (err, "standard input");

  assert_folder_holds (fixture, "sample.json", "register.db", "empty.json", NULL);
}

typedef struct
{
  const char *path;
  const char *contents;
} Writer;

static gpointer
write_fifo (gpointer data)
{
  Writer *writer = data;
  int fd = open (writer->path, O_WRONLY);
  gsize length = strlen (writer->contents);
  gsize done = 0;

  g_assert_cmpint (fd, >=, 0);
  while (done < length)
    {
      gssize n = write (fd, writer->contents + done, length - done);

      g_assert_cmpint (n, >, 0);
      done += n;
    }
  close (fd);

  return NULL;
}

/* A pipe can be read once: merging from one must not read it twice (the
 * second open would wait for a writer forever) */
static void
test_merge_from_pipe (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "pipe");
  g_autofree char *json = contents_of (fixture->json);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Writer writer = { fifo, json };
  GThread *thread;
  int status;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  thread = g_thread_new ("writer", write_fifo, &writer);
  out = ar_test_runf ("import --merge --dry-run --database '%s' '%s'", &status, &err, fixture->database, fifo);
  g_thread_join (thread);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "dry run"));
  g_assert_true (S_ISFIFO (mode_of (fifo)));
}

/* A GIAS extract from a pipe, as `import-gias <(unzip -p …)` gives it:
 * read once, though the reader goes through a file twice, and named by
 * its whole path in the report's lines. */
static void
test_import_gias_from_pipe (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "extract");
  g_autofree char *path = g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", "establishments-2024-cp1252.csv", NULL);
  g_autofree char *extract = contents_of (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *line = NULL;
  Writer writer = { fifo, extract };
  GThread *thread;
  int status;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  thread = g_thread_new ("writer", write_fifo, &writer);
  out = ar_test_runf ("import-gias --database '%s' '%s'", &status, &err, fixture->database, fifo);
  g_thread_join (thread);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Schools: 7 added"));
  line = g_strdup_printf ("%s, line 8: URN", fifo);
  g_assert_nonnull (strstr (out, line));
  g_assert_true (S_ISFIFO (mode_of (fifo)));
}

/* Another program holds the write lock with a change not yet committed:
 * summary answers at once, from what was committed. */
static void
test_reads_do_not_wait (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *holder = NULL;
  gint64 start, unlocked, locked;
  int status;

  start = g_get_monotonic_time ();
  out = ar_test_runf ("summary --database '%s' --area 855 --format csv", &status, &err, fixture->database);
  unlocked = g_get_monotonic_time () - start;
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\"National Leader of Education (NLE)\",\"17\""));
  g_free (out);

  g_assert_cmpint (sqlite3_open (fixture->database, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE; DELETE FROM designation WHERE role = 'NLE';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  out = ar_test_runf ("summary --database '%s' --area 855 --format csv", &status, &err, fixture->database);
  locked = g_get_monotonic_time () - start;
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\"National Leader of Education (NLE)\",\"17\""));

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  g_test_message ("summary in %.3f s unlocked, %.3f s while another writer held the lock",
                  unlocked / (double) G_USEC_PER_SEC, locked / (double) G_USEC_PER_SEC);
  /* waiting on the lock took the whole busy timeout, 10 s; a loaded
   * machine may take longer than 1 s just to start the program */
  g_assert_cmpint (locked, <, MAX (G_USEC_PER_SEC, 2 * unlocked));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ar/cli-files/symlink-target-replaced", test_symlink_target_replaced);
  ADD ("/ar/cli-files/fifo-reader-gets-it", test_fifo_reader_gets_it);
  ADD ("/ar/cli-files/character-devices", test_character_devices);
  ADD ("/ar/cli-files/folder-refused", test_folder_refused);
  ADD ("/ar/cli-files/file-modes", test_file_modes);
  ADD ("/ar/cli-files/register-refused", test_register_refused);
  ADD ("/ar/cli-files/reads-create-nothing", test_reads_create_nothing);
  ADD ("/ar/cli-files/refused-import-leaves-nothing", test_refused_import_leaves_nothing);
  ADD ("/ar/cli-files/usage-and-hints", test_usage_and_hints);
  ADD ("/ar/cli-files/reads-do-not-wait", test_reads_do_not_wait);
  ADD ("/ar/cli-files/import-standard-input", test_import_standard_input);
  ADD ("/ar/cli-files/merge-from-pipe", test_merge_from_pipe);
  ADD ("/ar/cli-files/import-gias-from-pipe", test_import_gias_from_pipe);
#undef ADD

  return g_test_run ();
}
