/* ar-record-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-record.h"
#include "ar-store.h"

G_BEGIN_DECLS

/**
 * ArColumnKind:
 * @AR_COLUMN_TEXT: the field as stored
 * @AR_COLUMN_CHOICE: a choice field, in words
 * @AR_COLUMN_LINK: the name of the record a link field points at
 * @AR_COLUMN_SCHOOL_TRUST: a school's current trust
 * @AR_COLUMN_PERSON_ROLES: a person's current designations
 * @AR_COLUMN_TRUST_ACADEMIES: how many academies a trust has now
 * @AR_COLUMN_ALLIANCE_MEMBERS: how many members an alliance has
 * @AR_COLUMN_DEPLOYMENT_SUPPORTER: who gives a deployment's support: the
 *   leader's name, or the school's
 * @AR_COLUMN_DEPLOYMENT_KIND: the kind of support: the leader's role, or
 *   school-to-school
 * @AR_COLUMN_DEPLOYMENT_DAYS: days delivered of days agreed, "4 / 10"
 */
typedef enum
{
  AR_COLUMN_TEXT,
  AR_COLUMN_CHOICE,
  AR_COLUMN_LINK,
  AR_COLUMN_SCHOOL_TRUST,
  AR_COLUMN_PERSON_ROLES,
  AR_COLUMN_TRUST_ACADEMIES,
  AR_COLUMN_ALLIANCE_MEMBERS,
  AR_COLUMN_DEPLOYMENT_SUPPORTER,
  AR_COLUMN_DEPLOYMENT_KIND,
  AR_COLUMN_DEPLOYMENT_DAYS,
} ArColumnKind;

typedef struct
{
  const char   *title;
  const char   *field;
  ArColumnKind  kind;
  gboolean      expand;
  /* still shown when the list is too narrow for every column */
  gboolean      when_narrow;
} ArColumnSpec;

#define AR_TYPE_RECORD_TABLE (ar_record_table_get_type ())

G_DECLARE_FINAL_TYPE (ArRecordTable, ar_record_table, AR, RECORD_TABLE, GObject)

ArRecordTable      *ar_record_table_new         (GType               record_type,
                                                 const ArColumnSpec *columns,
                                                 guint               n_columns);
int                 ar_record_table_find_column (ArRecordTable      *self,
                                                 ArColumnKind        kind);
void                ar_record_table_set_area_link (ArRecordTable    *self,
                                                 const char         *link_field);
void                ar_record_table_load        (ArRecordTable      *self,
                                                 ArStore            *store);
const char         *ar_record_table_get_cell    (ArRecordTable      *self,
                                                 ArRecord           *record,
                                                 guint               column);
gboolean            ar_record_table_matches     (ArRecord           *record,
                                                 gint64              area_id,
                                                 const char         *folded_query);
gint64              ar_record_table_get_area    (ArRecordTable      *self,
                                                 ArRecord           *record);
gboolean            ar_record_table_has_role    (ArRecordTable      *self,
                                                 ArRecord           *record,
                                                 guint               column,
                                                 const char         *code);
GListModel         *ar_record_table_select      (ArRecordTable      *self,
                                                 ArStore            *store,
                                                 gint64              area_id,
                                                 const char         *search,
                                                 GError            **error);
char               *ar_record_table_to_csv      (ArRecordTable      *self,
                                                 GListModel         *records);
char               *ar_record_table_to_text     (ArRecordTable      *self,
                                                 GListModel         *records);
GBytes             *ar_record_table_to_xlsx     (ArRecordTable      *self,
                                                 GListModel         *records,
                                                 const char         *sheet_name,
                                                 GError            **error);
GBytes             *ar_record_table_write       (ArRecordTable      *self,
                                                 GListModel         *records,
                                                 ArSummaryFormat     format,
                                                 const char         *sheet_name,
                                                 GError            **error);

const char         *ar_choice_label             (const char         *choice);

G_END_DECLS
