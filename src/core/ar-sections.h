/* ar-sections.h: the kinds of record the register lists, and their columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record-table.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *name;
  const char         *title;
  const char         *icon;
  GType             (*get_type) (void);
  const ArColumnSpec *columns;
  guint               n_columns;
  /* the field the list's "Show only" choice filters on */
  const char         *filter_field;
  /* for records with no area of their own: the link to the school whose
   * area they are in (see ar_record_table_set_area_link()) */
  const char         *area_link;
  /* the list first shows records by this field (by name when %NULL),
   * latest first when @sort_descending */
  const char         *sort_field;
  gboolean            sort_descending;
  /* a "Role" choice over the role a derived column shows (a deployment's
   * kind of support); AR_COLUMN_TEXT for none */
  ArColumnKind        role_column;
  /* whether a record is active on a date, for an "Active on" filter */
  gboolean          (*active_on) (ArRecord   *record,
                                  const char *date);
} ArSection;

const ArSection *ar_sections      (guint      *n_sections);
const ArSection *ar_section_find  (const char *name);

G_END_DECLS
