/* ar-rich-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ArTextBlockKind:
 * @AR_TEXT_BLOCK_PARAGRAPH: a paragraph: one item
 * @AR_TEXT_BLOCK_LIST: a bulleted list: one item per bullet
 */
typedef enum
{
  AR_TEXT_BLOCK_PARAGRAPH,
  AR_TEXT_BLOCK_LIST,
} ArTextBlockKind;

/**
 * ArTextBlock:
 * @kind: paragraph or list
 * @items: the paragraph's text, or the list's items; each on one line
 *
 * Key-functions texts are plain text where a blank line separates
 * paragraphs and lines starting with "- ", "* " or "• " are list items.
 * Every output keeps lists as lists by walking these blocks.
 */
typedef struct
{
  ArTextBlockKind   kind;
  char            **items;
} ArTextBlock;

#define AR_TYPE_TEXT_BLOCK (ar_text_block_get_type ())

GType        ar_text_block_get_type (void) G_GNUC_CONST;
ArTextBlock *ar_text_block_copy     (const ArTextBlock *block);
void         ar_text_block_free     (ArTextBlock       *block);
GPtrArray   *ar_rich_text_parse     (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArTextBlock, ar_text_block_free)

G_END_DECLS
