/* test-cli-bulk-oracle.c: the bulk paths give the same bytes as before
 *
 * The GIAS import, the JSON export and the JSON import were made faster
 * (issue 15). This runs them end to end on real GIAS extracts and checks
 * every byte they print and write against what the code before that work
 * gave (tests/data/gias/bulk-oracle.txt): the reports, with the rows they
 * refuse and why, the exported register and its change history.
 * With AR_TEST_WRITE_ORACLE set to a path, writes what it got there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("AR_TEST_DATA"), "gias", name, NULL);
}

static char *
run_ok (const char *command)
{
  g_autofree char *err = NULL;
  int status = -1;
  char *out = ar_test_run (command, &status, &err);

  if (status != 0)
    g_printerr ("%s: %s\n", command, err);
  g_assert_cmpint (status, ==, 0);

  return out;
}

/* Runs `import-gias` of @names from the data folder into @database. */
static void
append_import (GString            *log,
               const char         *database,
               const char * const *names)
{
  g_autoptr(GString) command = g_string_new ("import-gias");
  g_autofree char *out = NULL;

  g_string_append (log, "$ import-gias");
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = data_file (names[i]);
      g_autofree char *quoted = g_shell_quote (path);

      g_string_append_printf (command, " %s", quoted);
      g_string_append_printf (log, " %s", names[i]);
    }
  g_string_append_printf (command, " --database '%s'", database);
  g_string_append_c (log, '\n');
  out = run_ok (command->str);
  g_string_append (log, out);
}

/* What varies between runs: when, and by whom. */
static void
mask_values (GString    *text,
             const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\" : \"", key);
  gsize from = 0;
  char *at;

  while ((at = strstr (text->str + from, needle)) != NULL)
    {
      gsize offset = at - text->str + strlen (needle);
      char *end = strchr (text->str + offset, '"');

      g_assert_nonnull (end);
      g_string_erase (text, offset, end - (text->str + offset));
      g_string_insert_c (text, offset, '*');
      from = offset + 1;
    }
}

static void
test_same_bytes (void)
{
  static const char * const first[] = { "establishments-2024-cp1252.csv", "allgroupsdata-2024.csv",
                                        "alllinksdata-2024.csv", NULL };
  static const char * const later[] = { "establishments-2025-cp1252.csv", "alllinksdata-2025.csv", NULL };
  static const char * const sample[] = { "open-trusts-2016-11-22-head.csv", "establishments-academies-sample-2024.csv",
                                         "group-links-sample-2024.csv", NULL };
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = g_build_filename (directory, "register.db", NULL);
  g_autofree char *copy = g_build_filename (directory, "copy.db", NULL);
  g_autofree char *plain_path = g_build_filename (directory, "plain.json", NULL);
  g_autofree char *oracle_path = data_file ("bulk-oracle.txt");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GString) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *oracle = NULL;
  const char *write_to = g_getenv ("AR_TEST_WRITE_ORACLE");

  /* a first import, a later one that changes and ends memberships, a
   * larger real sample, and the same sample again (nothing changes) */
  append_import (log, database, first);
  append_import (log, database, later);
  append_import (log, database, sample);
  append_import (log, database, sample);

  command = g_strdup_printf ("export --with-history --database '%s'", database);
  history = g_string_new (out = run_ok (command));
  mask_values (history, "at");
  mask_values (history, "user");
  g_string_append (log, "$ export --with-history\n");
  g_string_append (log, history->str);

  /* the JSON import takes the export back as it was */
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("export --database '%s'", database);
  plain = run_ok (command);
  g_assert_true (g_file_set_contents (plain_path, plain, -1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("import '%s' --database '%s'", plain_path, copy);
  g_clear_pointer (&out, g_free);
  out = run_ok (command);
  g_string_append (log, "$ import plain.json\n");
  g_string_append (log, out);
  /* the temporary folder differs from run to run */
  g_string_replace (log, plain_path, "plain.json", 0);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("export --database '%s'", copy);
  copied = run_ok (command);
  g_assert_cmpstr (copied, ==, plain);

  if (write_to != NULL)
    {
      g_assert_true (g_file_set_contents (write_to, log->str, log->len, &error));
      g_assert_no_error (error);
    }

  g_assert_true (g_file_get_contents (oracle_path, &oracle, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, oracle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/cli-bulk-oracle/same-bytes", test_same_bytes);

  return g_test_run ();
}
