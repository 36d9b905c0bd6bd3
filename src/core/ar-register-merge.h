/* ar-register-merge.h: another register's JSON merged into this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ar-store.h"

G_BEGIN_DECLS

/**
 * ArMergeCounts:
 * @table: the record class's table, such as "school"
 * @label: its name for people, translated
 * @added: records of the file that were new here
 * @updated: records here that the file completed (an empty field filled)
 * @unchanged: records here that the file matched and changed nothing in
 */
typedef struct
{
  const char *table;
  const char *label;
  guint       added;
  guint       updated;
  guint       unchanged;
} ArMergeCounts;

/**
 * ArMergeConflict:
 * @record: which record, for people ("School “Ash Field”")
 * @field: the field's label, translated
 * @ours: the value kept, for people; %NULL when empty
 * @theirs: the file's value, not taken, for people
 * @reason: why a value for an empty field was not taken, or %NULL when both
 *   held differing values
 */
typedef struct
{
  char *record;
  char *table;
  char *field;
  char *ours;
  char *theirs;
  char *reason;
} ArMergeConflict;

/**
 * ArMergeReport:
 * @source: the file's name as shown
 * @dry_run: whether the register was left as it was
 * @counts: (element-type ArMergeCounts): one per record class, in the
 *   order the classes are written
 * @conflicts: (element-type ArMergeConflict): each field where both held
 *   differing values (this register's was kept)
 */
typedef struct
{
  char      *source;
  gboolean   dry_run;
  guint      n_added;
  guint      n_updated;
  guint      n_unchanged;
  GArray    *counts;
  GPtrArray *conflicts;
} ArMergeReport;

void           ar_merge_report_free       (ArMergeReport  *report);
char          *ar_merge_report_to_text    (ArMergeReport  *report);
char          *ar_merge_report_to_json    (ArMergeReport  *report);

ArMergeReport *ar_register_merge          (ArStore        *store,
                                           const char     *data,
                                           gssize          length,
                                           const char     *source_name,
                                           gboolean        dry_run,
                                           GError        **error);
ArMergeReport *ar_register_merge_file     (ArStore        *store,
                                           const char     *path,
                                           gboolean        dry_run,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArMergeReport, ar_merge_report_free)

G_END_DECLS
