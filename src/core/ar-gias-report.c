/* ar-gias-report.c: what an import of GIAS extracts did, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-gias-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-gias-report.h"

struct _ArGiasReport
{
  GObject    parent_instance;

  guint      counts[AR_GIAS_N_RECORDS][AR_GIAS_N_OUTCOMES];
  GPtrArray *skipped;
  GPtrArray *notes;
  /* what the register holds after the import that is worth checking */
  GPtrArray *warnings;
  guint      elsewhere;
  guint      not_trusts;
  guint      unmatched;
};

G_DEFINE_FINAL_TYPE (ArGiasReport, ar_gias_report, G_TYPE_OBJECT)

static void
ar_gias_report_finalize (GObject *object)
{
  ArGiasReport *self = AR_GIAS_REPORT (object);

  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (ar_gias_report_parent_class)->finalize (object);
}

static void
ar_gias_report_class_init (ArGiasReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_gias_report_finalize;
}

static void
ar_gias_report_init (ArGiasReport *self)
{
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

ArGiasReport *
ar_gias_report_new (void)
{
  return g_object_new (AR_TYPE_GIAS_REPORT, NULL);
}

void
ar_gias_report_count (ArGiasReport  *self,
                      ArGiasRecords  records,
                      ArGiasOutcome  outcome)
{
  g_return_if_fail (AR_IS_GIAS_REPORT (self));
  self->counts[records][outcome]++;
}

guint
ar_gias_report_get_count (ArGiasReport  *self,
                          ArGiasRecords  records,
                          ArGiasOutcome  outcome)
{
  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), 0);
  return self->counts[records][outcome];
}

/* A row not imported, and why. */
void
ar_gias_report_skip (ArGiasReport *self,
                     const char   *file,
                     guint         line,
                     const char   *reason)
{
  g_return_if_fail (AR_IS_GIAS_REPORT (self));
  g_ptr_array_add (self->skipped, g_strdup_printf (_("%s, line %u: %s"), file, line, reason));
}

/* A row imported without one of its values, and why. */
void
ar_gias_report_note (ArGiasReport *self,
                     const char   *file,
                     guint         line,
                     const char   *note)
{
  g_return_if_fail (AR_IS_GIAS_REPORT (self));
  g_ptr_array_add (self->notes, g_strdup_printf (_("%s, line %u: %s"), file, line, note));
}

/* What the register now holds that is allowed but doubtful: a school in
 * two trusts at once. */
void
ar_gias_report_warn (ArGiasReport *self,
                     const char   *warning)
{
  g_return_if_fail (AR_IS_GIAS_REPORT (self));
  g_ptr_array_add (self->warnings, g_strdup (warning));
}

const GPtrArray *
ar_gias_report_get_warnings (ArGiasReport *self)
{
  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), NULL);
  return self->warnings;
}

/* Rows for areas the user did not choose: expected, so counted, not listed. */
void
ar_gias_report_count_elsewhere (ArGiasReport *self)
{
  self->elsewhere++;
}

void
ar_gias_report_count_not_trust (ArGiasReport *self)
{
  self->not_trusts++;
}

void
ar_gias_report_count_unmatched (ArGiasReport *self)
{
  self->unmatched++;
}

const GPtrArray *
ar_gias_report_get_skipped (ArGiasReport *self)
{
  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), NULL);
  return self->skipped;
}

const GPtrArray *
ar_gias_report_get_notes (ArGiasReport *self)
{
  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), NULL);
  return self->notes;
}

guint
ar_gias_report_get_elsewhere (ArGiasReport *self)
{
  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), 0);
  return self->elsewhere;
}

gboolean
ar_gias_report_changed_anything (ArGiasReport *self)
{
  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), FALSE);

  for (guint r = 0; r < AR_GIAS_N_RECORDS; r++)
    {
      if (self->counts[r][AR_GIAS_ADDED] || self->counts[r][AR_GIAS_UPDATED] || self->counts[r][AR_GIAS_ENDED])
        return TRUE;
    }

  return FALSE;
}

static void
append_list (GString         *out,
             const GPtrArray *lines,
             guint            max_lines)
{
  for (guint i = 0; i < lines->len && i < max_lines; i++)
    g_string_append_printf (out, "  %s\n", (char *) g_ptr_array_index (lines, i));
  if (lines->len > max_lines)
    g_string_append_printf (out, _("  … and %u more\n"), lines->len - max_lines);
}

/**
 * ar_gias_report_to_text:
 * @max_lines: how many skipped rows and notes to list before "… and N more"
 *
 * Returns: (transfer full): the report for a terminal or a dialog
 */
char *
ar_gias_report_to_text (ArGiasReport *self,
                        guint         max_lines)
{
  static const char *names[AR_GIAS_N_RECORDS] = { N_("Areas"), N_("Schools"), N_("Trusts"), N_("Trust memberships") };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (AR_IS_GIAS_REPORT (self), NULL);

  /* %'u groups the digits as the user's locale does: 52,000 schools */
  for (guint r = 0; r < AR_GIAS_N_RECORDS; r++)
    {
      guint *c = self->counts[r];

      g_string_append_printf (out, _("%s: %'u added, %'u updated, %'u unchanged"),
                              _(names[r]), c[AR_GIAS_ADDED], c[AR_GIAS_UPDATED], c[AR_GIAS_UNCHANGED]);
      if (r == AR_GIAS_MEMBERSHIPS)
        g_string_append_printf (out, _(", %'u ended"), c[AR_GIAS_ENDED]);
      g_string_append_c (out, '\n');
    }

  if (self->elsewhere > 0)
    g_string_append_printf (out, _("Rows for other areas, left out: %'u\n"), self->elsewhere);
  if (self->not_trusts > 0)
    g_string_append_printf (out, _("Groups that are not academy trusts (sponsors, federations), left out: %'u\n"),
                            self->not_trusts);
  if (self->unmatched > 0)
    g_string_append_printf (out, _("Links to schools not in the register, left out: %'u\n"), self->unmatched);

  g_string_append_printf (out, _("Rows skipped: %'u\n"), self->skipped->len);
  append_list (out, self->skipped, max_lines);
  if (self->notes->len > 0)
    {
      g_string_append_printf (out, _("Values left out: %'u\n"), self->notes->len);
      append_list (out, self->notes, max_lines);
    }
  if (self->warnings->len > 0)
    {
      g_string_append_printf (out, _("To check: %'u\n"), self->warnings->len);
      append_list (out, self->warnings, max_lines);
    }

  if (!ar_gias_report_changed_anything (self))
    g_string_append (out, _("Nothing changed: the register already matched these extracts.\n"));

  return g_string_free (out, FALSE);
}
