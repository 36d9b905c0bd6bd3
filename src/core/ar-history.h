/* ar-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ar-store.h"

G_BEGIN_DECLS

typedef enum
{
  AR_HISTORY_ADDED,
  AR_HISTORY_UPDATED,
  AR_HISTORY_ENDED,
  AR_HISTORY_DELETED,
  AR_HISTORY_N_CHANGES
} ArHistoryChangeKind;

/**
 * ArRecordChange:
 * @kind: the record's kind, its table name ("school")
 * @record_id: the record's id
 * @last_id: 0, or for a run of records an import added, the last id of
 *   the run: the change is to every record from @record_id to @last_id
 * @change: what happened to it
 * @old_values: (nullable): a JSON object of the fields that changed, as
 *   they were; for a deletion, the whole record
 * @new_values: (nullable): a JSON object of the same fields as they became;
 *   for an addition, the record's values (%NULL when an import added it)
 *
 * One record one history entry touched.
 */
typedef struct
{
  char                *kind;
  gint64               record_id;
  gint64               last_id;
  ArHistoryChangeKind  change;
  char                *old_values;
  char                *new_values;
} ArRecordChange;

/**
 * ArChangeEntry:
 * @id: the entry's id, in the order entries were written
 * @at: when, in UTC, as "YYYY-MM-DDTHH:MM:SSZ"
 * @user: the operating-system user who made the change
 * @source: where from: "window", "import", "import-gias", "import-table"
 * @files: (nullable): the files an import read, by name
 * @counts: how many records were added, updated, ended and deleted
 * @changes: (element-type ArRecordChange): the records it touched
 *
 * One committed change to the register.
 */
typedef struct
{
  gint64     id;
  char      *at;
  char      *user;
  char      *source;
  GStrv      files;
  guint      counts[AR_HISTORY_N_CHANGES];
  GPtrArray *changes;
} ArChangeEntry;

const char     *ar_history_change_kind_to_string   (ArHistoryChangeKind   change);
gboolean        ar_history_change_kind_from_string (const char           *text,
                                                    ArHistoryChangeKind  *change);

GPtrArray      *ar_history_list                    (ArStore              *store,
                                                    const char           *since,
                                                    const char           *kind,
                                                    gint64                record_id,
                                                    GError              **error);

JsonNode       *ar_history_to_json                 (GPtrArray            *entries);
GPtrArray      *ar_history_from_json               (JsonNode             *node,
                                                    const char           *source_name,
                                                    GError              **error);
gboolean        ar_history_insert                  (ArStore              *store,
                                                    GPtrArray            *entries,
                                                    GError              **error);

char           *ar_history_record_name             (ArStore              *store,
                                                    ArRecordChange       *change);
GPtrArray      *ar_history_describe_fields         (ArStore              *store,
                                                    ArRecordChange       *change);
const char     *ar_history_source_label            (const char           *source);
const char     *ar_history_change_label            (ArHistoryChangeKind   change);
gboolean        ar_history_restore                 (ArStore              *store,
                                                    gint64                entry_id,
                                                    guint                *restored,
                                                    GError              **error);
char           *ar_history_format_time             (const char           *at);
char           *ar_history_day_start               (const char           *day,
                                                    int                   days_after);

void            ar_history_entry_free              (ArChangeEntry       *entry);
void            ar_history_change_free             (ArRecordChange      *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArChangeEntry, ar_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArRecordChange, ar_history_change_free)

G_END_DECLS
