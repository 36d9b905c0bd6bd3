/* ar-relations.h: which records link to a record, as its form lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ar-record.h"
#include "ar-store.h"

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
 * @through_type: (nullable): when the links name the owner through a
 *   record in between (a deployment names a designation, which names
 *   the person): that record's type; @link_field then names it
 * @through_field: its field that names the owner ("person_id")
 * @applies: (nullable): whether the list belongs under this owner at all
 *   (support given: national support and teaching schools only)
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
  GType     (*through_type) (void);
  const char *through_field;
  gboolean  (*applies) (ArStore  *store,
                        ArRecord *owner);
} ArRelation;

const ArRelation *ar_relations           (guint             *n_relations);
gboolean          ar_relation_applies    (const ArRelation  *relation,
                                          ArStore           *store,
                                          ArRecord          *owner);
GListModel       *ar_relation_list_links (const ArRelation  *relation,
                                          ArStore           *store,
                                          gint64             owner_id,
                                          GError           **error);

G_END_DECLS
