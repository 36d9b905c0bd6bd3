/* fuzz-register-json.c: libFuzzer target for the register's JSON import
 *
 * Any bytes must be imported or refused with a message: no crash, no
 * leak. What is imported must come back out as a file that imports again
 * and exports to the same bytes (so the register never holds text or
 * numbers it cannot give back), and a refusal must leave the register
 * as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static ArStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  /* a fresh register for each input, kept in memory for speed */
  ArStore *store = ar_store_open (":memory:", &error);

  g_assert_no_error (error);

  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(ArStore) store = open_store ();
  g_autoptr(ArStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* json-glib wants the text nul-terminated */
  g_autofree char *text = g_malloc (size + 1);

  memcpy (text, data, size);
  text[size] = '\0';

  empty = ar_register_json_export (store, &error);
  g_assert_no_error (error);

  if (!ar_register_json_import (store, text, size, "fuzz.json", FALSE, &error))
    {
      g_autofree char *after = ar_register_json_export (store, NULL);

      /* a refusal is one line of text and changes nothing */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpstr (after, ==, empty);
      return 0;
    }

  first = ar_register_json_export (store, &error);
  g_assert_no_error (error);

  again = open_store ();
  if (!ar_register_json_import (again, first, -1, "export.json", FALSE, &error))
    g_error ("an export does not import again: %s\n%s", error->message, first);

  second = ar_register_json_export (again, &error);
  g_assert_no_error (error);
  if (strcmp (first, second) != 0)
    g_error ("export, import, export changed the file:\n%s\n----\n%s", first, second);

  return 0;
}
