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
} ArSection;

const ArSection *ar_sections      (guint      *n_sections);
const ArSection *ar_section_find  (const char *name);

G_END_DECLS
