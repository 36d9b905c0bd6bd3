/* bench-report.c: time to write the sample's Appendix B as PDF and ODT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-bench-util.h"
#include "ar-report.h"

#define ROUNDS 20

static double
time_format (ArSummary       *summary,
             ArSummaryFormat  format,
             gsize           *size)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      bytes = ar_report_write (summary, format, &error);
      if (bytes == NULL)
        g_error ("%s", error->message);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (samples, ms);
      *size = g_bytes_get_size (bytes);
    }

  return ar_bench_median (samples);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArStore) store = ar_store_open_sample (&error);
  g_autoptr(ArSummary) summary = NULL;
  gint64 start;
  double first;
  double pdf;
  double odt;
  gsize size;

  if (store == NULL)
    g_error ("%s", error->message);
  summary = ar_summary_compute (store, "855", NULL, &error);
  ar_summary_set_heading (summary, "Appendix B");

  /* the first PDF pays for loading fonts once */
  start = g_get_monotonic_time ();
  g_bytes_unref (ar_report_write (summary, AR_SUMMARY_FORMAT_PDF, NULL));
  first = (g_get_monotonic_time () - start) / 1000.0;

  g_print ("PDF, first in the process: %.1f ms\n", first);
  ar_bench_target ("first PDF in a process", first, 100, "ms");
  pdf = time_format (summary, AR_SUMMARY_FORMAT_PDF, &size);
  g_print ("PDF: %.1f ms (median of %d), %zu bytes\n", pdf, ROUNDS, size);
  ar_bench_target ("PDF", pdf, 15, "ms");
  odt = time_format (summary, AR_SUMMARY_FORMAT_ODT, &size);
  g_print ("ODT: %.1f ms (median of %d), %zu bytes\n", odt, ROUNDS, size);
  ar_bench_target ("ODT", odt, 5, "ms");

  return ar_bench_status ();
}
