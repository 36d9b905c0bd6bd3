/* ar-table-import-private.h: what the kinds of sheet share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-table-import.h"

G_BEGIN_DECLS

/* One record a row saves; @parent's id goes into @link first, as the
 * parent may be written by the same plan */
typedef struct
{
  ArRecord   *record;
  ArRecord   *parent;
  const char *link;
} PlanWrite;

/* What a row will do to the register */
typedef struct
{
  ArTableRowAction action;
  char            *message;
  char            *name;     /* the record the row describes, for errors */
  GArray          *writes;   /* of PlanWrite, in order */
} PlanRow;

/* What earlier rows of this plan made, so later rows find it */
typedef struct
{
  GHashTable *new_records;   /* kind-made key → ArRecord */
  GHashTable *planned;       /* kind-made key → record or TRUE */
} PlanState;

/* What the register holds, looked up by what a sheet gives; records
 * are working copies a plan may change, the register only on commit */
typedef struct
{
  GHashTable *schools_by_urn;     /* urn → ArRecord */
  GHashTable *schools_by_name;    /* folded name → GPtrArray of ArRecord */
  GHashTable *organisations;      /* folded name → GPtrArray of ArRecord */
  GHashTable *people_by_email;    /* folded email → ArRecord */
  GHashTable *people_by_key;      /* folded name + school → ArRecord */
  GHashTable *designations;       /* "person|role|start" → TRUE */
  GHashTable *roles;              /* folded code or title → code */
  GHashTable *people_roles;       /* "person|role" → TRUE */
  GHashTable *areas;              /* folded code or name → ArRecord */
  GHashTable *alliances;          /* folded name → GPtrArray of ArRecord */
  GHashTable *memberships;        /* "alliance|school|organisation" → GPtrArray of ArRecord */
} Lookups;

const char *ar_table_import_cell         (ArTableImport  *self,
                                          guint           row,
                                          const char     *field_id);
gboolean    ar_table_import_has_column   (ArTableImport  *self,
                                          const char     *field_id);
char       *ar_table_import_fold         (const char     *text);
ArRecord   *ar_table_import_find_by_name (GHashTable     *table,
                                          const char     *name,
                                          const char     *what,
                                          char          **problem);
gboolean    ar_table_import_read_date    (const char     *text,
                                          const char     *label,
                                          char          **iso,
                                          GString        *notes,
                                          char          **problem);
gboolean    ar_table_import_read_choice  (const char     *text,
                                          const char     *label,
                                          const char * const *choices,
                                          const char    **choice,
                                          char          **problem);
void        ar_table_import_update_field (ArRecord       *record,
                                          const char     *field,
                                          const char     *label,
                                          const char     *value,
                                          GString        *changes);
void        ar_table_import_update_link  (ArRecord       *record,
                                          const char     *field,
                                          const char     *label,
                                          ArRecord       *linked,
                                          GString        *changes);
void        ar_table_import_refuse       (PlanRow        *row,
                                          char           *problem);
void        ar_table_import_add_write    (PlanRow        *row,
                                          ArRecord       *record,
                                          ArRecord       *parent,
                                          const char     *link);
void        ar_table_import_append       (PlanRow        *row,
                                          const char     *text);

extern const ArTableField ar_table_alliance_fields[];
extern const guint        ar_table_n_alliance_fields;
extern const ArTableField ar_table_school_fields[];
extern const guint        ar_table_n_school_fields;

void        ar_table_import_plan_alliance (ArTableImport *self,
                                           Lookups       *lookups,
                                           PlanState     *state,
                                           guint          index,
                                           PlanRow       *row);
void        ar_table_import_plan_school   (ArTableImport *self,
                                           Lookups       *lookups,
                                           PlanState     *state,
                                           guint          index,
                                           PlanRow       *row);

G_END_DECLS
