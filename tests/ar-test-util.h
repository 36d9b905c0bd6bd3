/* ar-test-util.h: building small registers for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-core.h"
#include "ar-table-import.h"

G_BEGIN_DECLS

ArStore *ar_test_store_new          (void);
gint64   ar_test_add_area           (ArStore    *store,
                                     const char *code,
                                     const char *name);
gint64   ar_test_add_school         (ArStore    *store,
                                     const char *urn,
                                     const char *name,
                                     gint64      area_id);
gint64   ar_test_add_trust          (ArStore    *store,
                                     const char *name,
                                     const char *kind);
gint64   ar_test_add_academy        (ArStore    *store,
                                     gint64      trust_id,
                                     gint64      school_id,
                                     const char *joined_on,
                                     const char *left_on);
gint64   ar_test_add_alliance       (ArStore    *store,
                                     const char *name,
                                     gint64      lead_school_id,
                                     const char *designated_on,
                                     const char *ended_on);
gint64   ar_test_add_person         (ArStore    *store,
                                     const char *name,
                                     gint64      school_id);
gint64   ar_test_add_designation    (ArStore    *store,
                                     gint64      person_id,
                                     const char *role,
                                     const char *starts_on,
                                     const char *ends_on);
void     ar_test_set                (ArStore    *store,
                                     GType       type,
                                     gint64      id,
                                     const char *field,
                                     const char *value);
gint64   ar_test_count              (ArStore    *store,
                                     const char *area,
                                     const char *as_at,
                                     const char *code);
gint64   ar_test_school_count       (ArStore    *store,
                                     const char *area,
                                     const char *as_at);
char    *ar_test_export             (ArStore    *store);
char    *ar_test_make_dir           (void);
void     ar_test_remove_dir         (const char *directory);
char    *ar_test_register_fixture   (const char *directory,
                                     char      **json_path);
char    *ar_test_command_output     (const char *format,
                                     ...) G_GNUC_PRINTF (1, 2);
char    *ar_test_run                (const char *command_line,
                                     int        *exit_status,
                                     char      **standard_error);
ArRecordList *ar_test_school_list_new (GPtrArray *records);
char    *ar_test_runf               (const char *format,
                                     int        *exit_status,
                                     char      **standard_error,
                                     ...) G_GNUC_PRINTF (1, 4);

GPtrArray      *ar_test_history          (ArStore        *store);
ArRecordChange *ar_test_find_change      (ArChangeEntry  *entry,
                                          const char     *kind,
                                          gint64          id);

ArTableImport *ar_test_table_import_new  (ArStore          *store,
                                          ArTableKind       kind,
                                          const char       *file_name,
                                          const char       *text);
ArTableImport *ar_test_table_import_plan (ArStore          *store,
                                          ArTableKind       kind,
                                          const char       *file_name,
                                          const char       *text);
void           ar_test_assert_row        (ArTableImport    *import,
                                          guint             row,
                                          ArTableRowAction  action,
                                          const char       *message_part);
void           ar_test_commit            (ArTableImport    *import);

G_END_DECLS
