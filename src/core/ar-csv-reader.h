/* ar-csv-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AR_CSV_READER_MAX_FIELD (1024 * 1024)

#define AR_TYPE_CSV_READER (ar_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (ArCsvReader, ar_csv_reader, AR, CSV_READER, GObject)

ArCsvReader *ar_csv_reader_new                  (GBytes       *bytes,
                                                 const char   *source_name,
                                                 GError      **error);
ArCsvReader *ar_csv_reader_new_for_file         (GFile        *file,
                                                 const char   *source_name,
                                                 GCancellable *cancellable,
                                                 GError      **error);
ArCsvReader *ar_csv_reader_new_full             (GFile        *file,
                                                 GBytes       *bytes,
                                                 const char   *source_name,
                                                 gsize         buffer_size,
                                                 GCancellable *cancellable,
                                                 GError      **error);
const char  *ar_csv_reader_get_source_name      (ArCsvReader  *self);
gboolean     ar_csv_reader_get_was_windows_1252 (ArCsvReader  *self);
char         ar_csv_reader_get_delimiter        (ArCsvReader  *self);
guint        ar_csv_reader_get_n_columns        (ArCsvReader  *self);
const char  *ar_csv_reader_get_column_name      (ArCsvReader  *self,
                                                 guint         column);
int          ar_csv_reader_find_column          (ArCsvReader  *self,
                                                 const char   *name);
void         ar_csv_reader_set_read_ahead       (ArCsvReader  *self);
gboolean     ar_csv_reader_next                 (ArCsvReader  *self,
                                                 GError      **error);
guint        ar_csv_reader_get_line             (ArCsvReader  *self);
guint        ar_csv_reader_get_n_fields         (ArCsvReader  *self);
const char  *ar_csv_reader_get                  (ArCsvReader  *self,
                                                 int           column);
double       ar_csv_reader_get_fraction         (ArCsvReader  *self);
guint64      ar_csv_reader_get_size             (ArCsvReader  *self);

G_END_DECLS
