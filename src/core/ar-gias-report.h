/* ar-gias-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  AR_GIAS_AREAS,
  AR_GIAS_SCHOOLS,
  AR_GIAS_TRUSTS,
  AR_GIAS_MEMBERSHIPS,
  AR_GIAS_N_RECORDS,
} ArGiasRecords;

typedef enum
{
  AR_GIAS_ADDED,
  AR_GIAS_UPDATED,
  AR_GIAS_UNCHANGED,
  AR_GIAS_ENDED,
  AR_GIAS_N_OUTCOMES,
} ArGiasOutcome;

#define AR_TYPE_GIAS_REPORT (ar_gias_report_get_type ())

G_DECLARE_FINAL_TYPE (ArGiasReport, ar_gias_report, AR, GIAS_REPORT, GObject)

ArGiasReport *ar_gias_report_new              (void);
void          ar_gias_report_count            (ArGiasReport  *self,
                                               ArGiasRecords  records,
                                               ArGiasOutcome  outcome);
guint         ar_gias_report_get_count        (ArGiasReport  *self,
                                               ArGiasRecords  records,
                                               ArGiasOutcome  outcome);
void          ar_gias_report_skip             (ArGiasReport  *self,
                                               const char    *file,
                                               guint          line,
                                               const char    *reason);
void          ar_gias_report_note             (ArGiasReport  *self,
                                               const char    *file,
                                               guint          line,
                                               const char    *note);
void          ar_gias_report_warn             (ArGiasReport  *self,
                                               const char    *warning);
void          ar_gias_report_count_elsewhere  (ArGiasReport  *self);
void          ar_gias_report_count_not_trust  (ArGiasReport  *self);
void          ar_gias_report_count_unmatched  (ArGiasReport  *self);
const GPtrArray *ar_gias_report_get_skipped   (ArGiasReport  *self);
const GPtrArray *ar_gias_report_get_notes     (ArGiasReport  *self);
const GPtrArray *ar_gias_report_get_warnings  (ArGiasReport  *self);
guint         ar_gias_report_get_elsewhere    (ArGiasReport  *self);
gboolean      ar_gias_report_changed_anything (ArGiasReport  *self);
char         *ar_gias_report_to_text          (ArGiasReport  *self,
                                               guint          max_lines);

G_END_DECLS
