/* ar-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "ar-test-util.h"

static char *
temporary_path (void)
{
  g_autofree char *directory = ar_test_make_dir ();

  return g_build_filename (directory, "register.db", NULL);
}

/* A new empty register in a fresh temporary folder. */
ArStore *
ar_test_store_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temporary_path ();
  ArStore *store = ar_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static gint64
save (ArStore  *store,
      ArRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  ar_store_save (store, record, &error);
  g_assert_no_error (error);
  id = ar_record_get_id (record);
  g_object_unref (record);

  return id;
}

gint64
ar_test_add_area (ArStore    *store,
                  const char *code,
                  const char *name)
{
  ArRecord *area = AR_RECORD (ar_area_new ());

  ar_record_set_text (area, "code", code);
  ar_record_set_text (area, "name", name);

  return save (store, area);
}

gint64
ar_test_add_school (ArStore    *store,
                    const char *urn,
                    const char *name,
                    gint64      area_id)
{
  ArRecord *school = AR_RECORD (ar_school_new ());

  ar_record_set_text (school, "urn", urn);
  ar_record_set_text (school, "name", name);
  ar_record_set_integer (school, "area_id", area_id);
  ar_record_set_text (school, "status", "open");

  return save (store, school);
}

gint64
ar_test_add_trust (ArStore    *store,
                   const char *name,
                   const char *kind)
{
  ArRecord *trust = AR_RECORD (ar_trust_new ());

  ar_record_set_text (trust, "name", name);
  ar_record_set_text (trust, "kind", kind);

  return save (store, trust);
}

gint64
ar_test_add_academy (ArStore    *store,
                     gint64      trust_id,
                     gint64      school_id,
                     const char *joined_on,
                     const char *left_on)
{
  ArRecord *academy = AR_RECORD (ar_trust_academy_new ());

  ar_record_set_integer (academy, "trust_id", trust_id);
  ar_record_set_integer (academy, "school_id", school_id);
  ar_record_set_text (academy, "joined_on", joined_on);
  ar_record_set_text (academy, "left_on", left_on);

  return save (store, academy);
}

gint64
ar_test_add_alliance (ArStore    *store,
                      const char *name,
                      gint64      lead_school_id,
                      const char *designated_on,
                      const char *ended_on)
{
  ArRecord *alliance = AR_RECORD (ar_alliance_new ());

  ar_record_set_text (alliance, "name", name);
  ar_record_set_integer (alliance, "lead_school_id", lead_school_id);
  ar_record_set_text (alliance, "designated_on", designated_on);
  ar_record_set_text (alliance, "ended_on", ended_on);

  return save (store, alliance);
}

gint64
ar_test_add_person (ArStore    *store,
                    const char *name,
                    gint64      school_id)
{
  ArRecord *person = AR_RECORD (ar_person_new ());

  ar_record_set_text (person, "name", name);
  ar_record_set_integer (person, "school_id", school_id);

  return save (store, person);
}

gint64
ar_test_add_designation (ArStore    *store,
                         gint64      person_id,
                         const char *role,
                         const char *starts_on,
                         const char *ends_on)
{
  ArRecord *designation = AR_RECORD (ar_designation_new ());

  ar_record_set_integer (designation, "person_id", person_id);
  ar_record_set_text (designation, "role", role);
  ar_record_set_text (designation, "starts_on", starts_on);
  ar_record_set_text (designation, "ends_on", ends_on);

  return save (store, designation);
}

/* Changes one text field of a stored record and saves it. */
void
ar_test_set (ArStore    *store,
             GType       type,
             gint64      id,
             const char *field,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArRecord) record = ar_store_get (store, type, id, &error);

  g_assert_no_error (error);
  ar_record_set_text (record, field, value);
  ar_store_save (store, record, &error);
  g_assert_no_error (error);
}

static ArSummaryRow *
find_row (ArSummary  *summary,
          const char *code)
{
  for (guint i = 0; i < ar_summary_get_n_rows (summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (summary, i);

      if (g_str_equal (ar_summary_row_get_code (row), code))
        return row;
    }

  g_error ("no row %s in the summary", code);
}

/* The summary's count for one role, as the user would read it. */
gint64
ar_test_count (ArStore    *store,
               const char *area,
               const char *as_at,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = ar_summary_compute (store, area, as_at, &error);

  g_assert_no_error (error);

  return ar_summary_row_get_count (find_row (summary, code));
}

gint64
ar_test_school_count (ArStore    *store,
                      const char *area,
                      const char *as_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = ar_summary_compute (store, area, as_at, &error);

  g_assert_no_error (error);

  return ar_summary_row_get_school_count (find_row (summary, "MAT"));
}

char *
ar_test_export (ArStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = ar_register_json_export (store, &error);

  g_assert_no_error (error);

  return text;
}

/**
 * ar_test_run:
 * @command_line: arguments after the program, shell-quoted
 *
 * Runs the built alliance-register (AR_BINARY) and waits for it.
 *
 * Returns: (transfer full): what it printed on standard output
 */
char *
ar_test_run (const char  *command_line,
             int         *exit_status,
             char       **standard_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_auto(GStrv) argv = NULL;
  char *out = NULL;
  int wait_status;

  g_assert_nonnull (g_getenv ("AR_BINARY"));
  full = g_strdup_printf ("'%s' %s", g_getenv ("AR_BINARY"), command_line);
  g_shell_parse_argv (full, NULL, &argv, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, standard_error, &wait_status, &error);
  g_assert_no_error (error);

  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return out;
}

/**
 * ar_test_school_list_new:
 * @records: (element-type ArSchool): the schools, which the list refers to
 *
 * Returns: (transfer full): a list of @records, as a page reads one
 */
ArRecordList *
ar_test_school_list_new (GPtrArray *records)
{
  ArRecordList *list = ar_record_list_new (AR_TYPE_SCHOOL);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, g_object_ref (records->pdata[i]));
  ar_record_list_replace_all (list, copy);

  return list;
}

/**
 * ar_test_runf:
 * @format: the arguments after the program, shell-quoted, as for printf()
 * @standard_error: (inout): freed first, so that a test can run several
 *   commands into the same variables
 *
 * ar_test_run() with the command line made from @format.
 */
char *
ar_test_runf (const char  *format,
              int         *exit_status,
              char       **standard_error,
              ...)
{
  g_autofree char *command_line = NULL;
  va_list args;

  va_start (args, standard_error);
  command_line = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_pointer (standard_error, g_free);

  return ar_test_run (command_line, exit_status, standard_error);
}

/**
 * ar_test_register_fixture:
 * @directory: where to make the files
 * @json_path: (out) (optional): where the sample register's JSON is
 *
 * Makes a register file of the sample register through the command line
 * itself ("export --sample", then "import"), as the command line tests
 * start from.
 *
 * Returns: (transfer full): the register file's path
 */
char *
ar_test_register_fixture (const char  *directory,
                          char       **json_path)
{
  g_autofree char *json = g_build_filename (directory, "sample.json", NULL);
  char *database = g_build_filename (directory, "register.db", NULL);
  g_autofree char *command_line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  command_line = g_strdup_printf ("export --sample --output '%s'", json);
  out = ar_test_run (command_line, &status, &err);
  if (status != 0)
    g_error ("%s: exit %d: %s", command_line, status, err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (command_line);

  command_line = g_strdup_printf ("import --database '%s' '%s'", database, json);
  out = ar_test_run (command_line, &status, &err);
  if (status != 0)
    g_error ("%s: exit %d: %s", command_line, status, err);
  g_assert_cmpstr (err, ==, "");

  if (json_path != NULL)
    *json_path = g_steal_pointer (&json);

  return database;
}

/* Every folder ar_test_make_dir() made, removed when the program ends
 * well; a test that fails leaves its files to look at. */
static GPtrArray *made_dirs;

static void
remove_made_dirs (void)
{
  for (guint i = 0; i < made_dirs->len; i++)
    ar_test_remove_dir (g_ptr_array_index (made_dirs, i));
  g_clear_pointer (&made_dirs, g_ptr_array_unref);
}

/* A fresh temporary folder for one test, removed at exit. */
char *
ar_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *directory = g_dir_make_tmp ("ar-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (made_dirs == NULL)
    {
      made_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_made_dirs);
    }
  g_ptr_array_add (made_dirs, g_strdup (directory));

  return directory;
}

/* Removes @directory and all in it; gone already is fine. */
void
ar_test_remove_dir (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        ar_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (directory);
}

/**
 * ar_test_command_output:
 *
 * Runs a shell command line that must succeed.
 *
 * Returns: (transfer full): what it printed
 */
char *
ar_test_command_output (const char *format,
                        ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  char *out = NULL;
  int status;
  va_list args;

  va_start (args, format);
  command = g_strdup_vprintf (format, args);
  va_end (args);

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("“%s” failed", command);

  return out;
}

/* Every entry of the register's history, newest first. */
GPtrArray *
ar_test_history (ArStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ar_history_list (store, NULL, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

/* The change @entry made to the @kind record @id; there must be one. */
ArRecordChange *
ar_test_find_change (ArChangeEntry *entry,
                     const char    *kind,
                     gint64         id)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      ArRecordChange *change = g_ptr_array_index (entry->changes, i);

      if (g_str_equal (change->kind, kind) && change->record_id == id)
        return change;
    }

  g_error ("no change to %s %" G_GINT64_FORMAT, kind, id);
}

/* An import of the sheet @text, read as a file named @file_name. */
ArTableImport *
ar_test_table_import_new (ArStore     *store,
                          ArTableKind  kind,
                          const char  *file_name,
                          const char  *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(ArTableReader) reader = ar_table_reader_new_for_bytes (bytes, file_name, &error);

  g_assert_no_error (error);
  return ar_table_import_new (store, reader, kind);
}

/* The same, planned: what each row would do. */
ArTableImport *
ar_test_table_import_plan (ArStore     *store,
                           ArTableKind  kind,
                           const char  *file_name,
                           const char  *text)
{
  g_autoptr(GError) error = NULL;
  ArTableImport *import = ar_test_table_import_new (store, kind, file_name, text);

  ar_table_import_plan (import, &error);
  g_assert_no_error (error);
  return import;
}

/* Row @row of @import does @action and says @message_part. */
void
ar_test_assert_row (ArTableImport    *import,
                    guint             row,
                    ArTableRowAction  action,
                    const char       *message_part)
{
  const char *message = ar_table_import_get_row_message (import, row);

  if (ar_table_import_get_row_action (import, row) != action || strstr (message, message_part) == NULL)
    g_error ("row %u: %d “%s”, expected %d with “%s”", row,
             ar_table_import_get_row_action (import, row), message, action, message_part);
}

void
ar_test_commit (ArTableImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ar_table_import_commit (import, &error));
  g_assert_no_error (error);
}
