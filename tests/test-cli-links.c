/* test-cli-links.c: `list --links` shows each record's links as its form
 * does, from core's relations table, end to end with a real register file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-test-util.h"

static char *
make_register (const char *directory)
{
  char *path = g_build_filename (directory, "register.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open (path, &error);
  g_autoptr(ArRecord) member = g_object_new (AR_TYPE_ALLIANCE_MEMBER, NULL);
  gint64 area, brook, lone, alpha, beta, alliance;

  g_assert_no_error (error);
  area = ar_test_add_area (store, "855", "Leicestershire");
  brook = ar_test_add_school (store, "990001", "Brook Primary School", area);
  lone = ar_test_add_school (store, "990002", "Lone Primary School", area);
  alpha = ar_test_add_trust (store, "Alpha Learning Trust", "mat");
  beta = ar_test_add_trust (store, "Beta Academies", "mat");
  ar_test_add_academy (store, alpha, brook, "2015-09-01", "2019-08-31");
  ar_test_add_academy (store, beta, brook, "2019-09-01", NULL);
  alliance = ar_test_add_alliance (store, "Soar Valley Alliance", lone, "2014-04-01", NULL);
  ar_record_set_integer (member, "alliance_id", alliance);
  ar_record_set_integer (member, "school_id", brook);
  ar_record_set_text (member, "role", "member");
  g_assert_true (ar_store_save (store, member, &error));
  ar_test_add_person (store, "Amelia Ashworth", brook);
  ar_test_add_person (store, "Ben Brook", brook);

  return path;
}

static void
test_school_links (void)
{
  g_autofree char *directory = ar_test_make_dir ();
  g_autofree char *database = make_register (directory);
  g_autofree char *command = g_strdup_printf ("list schools --links --database %s", database);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");

  /* the window's lists, in its order: trusts, alliances, leaders */
  g_assert_nonnull (strstr (out, "Brook Primary School\n"
                                 "  Trusts: Alpha Learning Trust; Beta Academies\n"
                                 "  Alliances: Soar Valley Alliance\n"
                                 "  Teaching school of: -\n"
                                 "  Leaders: Amelia Ashworth; Ben Brook\n"));
  g_assert_nonnull (strstr (out, "Lone Primary School\n"
                                 "  Trusts: -\n"
                                 "  Alliances: -\n"
                                 "  Teaching school of: Soar Valley Alliance\n"
                                 "  Leaders: -\n"));

  /* a trust's academies come from the same table */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("list trusts --links --database %s --search beta", database);
  g_clear_pointer (&err, g_free);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Beta Academies\n  Academies: Brook Primary School\n"));
  g_assert_null (strstr (out, "Alpha"));

  /* CSV has no room for lists: refused as bad usage */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("list schools --links --format csv --database %s", database);
  g_clear_pointer (&err, g_free);
  out = ar_test_run (command, &status, &err);
  g_assert_cmpint (status, ==, 2);

  ar_test_remove_dir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/cli-links/school-links", test_school_links);

  return g_test_run ();
}
