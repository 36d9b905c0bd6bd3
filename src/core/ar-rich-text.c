/* ar-rich-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ar-rich-text.h"

G_DEFINE_BOXED_TYPE (ArTextBlock, ar_text_block, ar_text_block_copy, ar_text_block_free)

ArTextBlock *
ar_text_block_copy (const ArTextBlock *block)
{
  ArTextBlock *copy = g_new0 (ArTextBlock, 1);

  copy->kind = block->kind;
  copy->items = g_strdupv (block->items);

  return copy;
}

void
ar_text_block_free (ArTextBlock *block)
{
  if (block == NULL)
    return;

  g_strfreev (block->items);
  g_free (block);
}

static const char *
list_item_text (const char *line)
{
  static const char * const markers[] = { "- ", "* ", "• ", "· " };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      if (g_str_has_prefix (line, markers[i]))
        return line + strlen (markers[i]);
    }

  return NULL;
}

static void
finish_block (GPtrArray       *blocks,
              ArTextBlockKind  kind,
              GPtrArray       *items)
{
  ArTextBlock *block;

  if (items->len == 0)
    return;

  block = g_new0 (ArTextBlock, 1);
  block->kind = kind;
  g_ptr_array_add (items, NULL);
  block->items = g_strdupv ((char **) items->pdata);
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (blocks, block);
}

/**
 * ar_rich_text_parse:
 * @text: (nullable): key-functions text
 *
 * Splits @text into paragraphs and lists. Lines of one paragraph are
 * joined with a space; a blank line or a list item ends a paragraph.
 *
 * Returns: (transfer full) (element-type ArTextBlock): the blocks
 */
GPtrArray *
ar_rich_text_parse (const char *text)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_text_block_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  ArTextBlockKind kind = AR_TEXT_BLOCK_PARAGRAPH;

  if (text == NULL)
    return blocks;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *item = list_item_text (line);

      if (line[0] == '\0' || item != NULL)
        {
          if (paragraph->len > 0)
            {
              g_ptr_array_add (items, g_strdup (paragraph->str));
              g_string_truncate (paragraph, 0);
              finish_block (blocks, AR_TEXT_BLOCK_PARAGRAPH, items);
            }
        }

      if (item != NULL)
        {
          kind = AR_TEXT_BLOCK_LIST;
          g_ptr_array_add (items, g_strdup (g_strstrip ((char *) item)));
          continue;
        }

      if (kind == AR_TEXT_BLOCK_LIST)
        {
          finish_block (blocks, AR_TEXT_BLOCK_LIST, items);
          kind = AR_TEXT_BLOCK_PARAGRAPH;
        }

      if (line[0] != '\0')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, line);
        }
    }

  if (kind == AR_TEXT_BLOCK_LIST)
    finish_block (blocks, AR_TEXT_BLOCK_LIST, items);
  else if (paragraph->len > 0)
    {
      g_ptr_array_add (items, g_strdup (paragraph->str));
      finish_block (blocks, AR_TEXT_BLOCK_PARAGRAPH, items);
    }

  return blocks;
}
