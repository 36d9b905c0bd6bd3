/* test-rich-text.c: key-functions text into paragraphs and lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-test-util.h"

static void
assert_block (GPtrArray       *blocks,
              guint            index,
              ArTextBlockKind  kind,
              const char      *joined)
{
  ArTextBlock *block;
  g_autofree char *items = NULL;

  g_assert_cmpuint (index, <, blocks->len);
  block = g_ptr_array_index (blocks, index);
  items = g_strjoinv ("|", block->items);
  g_assert_cmpint (block->kind, ==, kind);
  g_assert_cmpstr (items, ==, joined);
}

static void
test_paragraphs_and_lists (void)
{
  g_autoptr(GPtrArray) blocks =
    ar_rich_text_parse ("Partners can include:\n- schools\n* universities\n• dioceses\n\n"
                        "A second paragraph\nwrapped over lines.\n\n\n- a list at the end");

  g_assert_cmpuint (blocks->len, ==, 4);
  assert_block (blocks, 0, AR_TEXT_BLOCK_PARAGRAPH, "Partners can include:");
  assert_block (blocks, 1, AR_TEXT_BLOCK_LIST, "schools|universities|dioceses");
  assert_block (blocks, 2, AR_TEXT_BLOCK_PARAGRAPH, "A second paragraph wrapped over lines.");
  assert_block (blocks, 3, AR_TEXT_BLOCK_LIST, "a list at the end");
}

static void
test_text_after_list_is_a_paragraph (void)
{
  g_autoptr(GPtrArray) blocks = ar_rich_text_parse ("- one\n- two\nAfter the list");

  g_assert_cmpuint (blocks->len, ==, 2);
  assert_block (blocks, 1, AR_TEXT_BLOCK_PARAGRAPH, "After the list");
}

static void
test_hyphen_inside_text_is_not_a_bullet (void)
{
  g_autoptr(GPtrArray) blocks = ar_rich_text_parse ("one-to-one support\n-5 is not a bullet either");

  g_assert_cmpuint (blocks->len, ==, 1);
  assert_block (blocks, 0, AR_TEXT_BLOCK_PARAGRAPH, "one-to-one support -5 is not a bullet either");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = ar_rich_text_parse (NULL);
  g_autoptr(GPtrArray) blank = ar_rich_text_parse ("\n  \n");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/rich-text/paragraphs-and-lists", test_paragraphs_and_lists);
  g_test_add_func ("/ar/rich-text/text-after-list", test_text_after_list_is_a_paragraph);
  g_test_add_func ("/ar/rich-text/hyphen-inside-text", test_hyphen_inside_text_is_not_a_bullet);
  g_test_add_func ("/ar/rich-text/empty", test_empty);

  return g_test_run ();
}
