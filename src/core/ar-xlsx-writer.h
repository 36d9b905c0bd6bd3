/* ar-xlsx-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ArXlsxWriter ArXlsxWriter;

ArXlsxWriter *ar_xlsx_writer_new     (const char    *sheet_name,
                                      GError       **error);
void          ar_xlsx_writer_title   (ArXlsxWriter  *self,
                                      const char    *text,
                                      gboolean       large);
void          ar_xlsx_writer_header  (ArXlsxWriter  *self,
                                      const char    *title);
void          ar_xlsx_writer_text    (ArXlsxWriter  *self,
                                      const char    *text);
void          ar_xlsx_writer_number  (ArXlsxWriter  *self,
                                      double         number);
void          ar_xlsx_writer_date    (ArXlsxWriter  *self,
                                      const char    *iso_date);
void          ar_xlsx_writer_end_row (ArXlsxWriter  *self);
GBytes       *ar_xlsx_writer_finish  (ArXlsxWriter  *self,
                                      GError       **error);
void          ar_xlsx_writer_free    (ArXlsxWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArXlsxWriter, ar_xlsx_writer_free)

G_END_DECLS
