/* ar-relations.h: which records link to a record, as its form lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ArRelation:
 * @owner_type: the record whose links these are (a school)
 * @title: the list's title, untranslated (N_("Trusts"))
 * @add_label: (nullable): the button that makes a new link, untranslated
 * @link_type: the records that make the link (trust academies)
 * @link_field: their field that names the owner ("school_id")
 * @target_field: (nullable): their field that names the other end
 *   ("trust_id"), or %NULL when the link itself is what is listed
 * @target_type: the other end's type, or %G_TYPE_NONE
 *
 * One row per list of links under a form: the window and the command line
 * read the same table.
 */
typedef struct
{
  GType     (*owner_type) (void);
  const char *title;
  const char *add_label;
  GType     (*link_type) (void);
  const char *link_field;
  const char *target_field;
  GType     (*target_type) (void);
} ArRelation;

const ArRelation *ar_relations (guint *n_relations);

G_END_DECLS
