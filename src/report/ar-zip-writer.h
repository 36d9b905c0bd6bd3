/* ar-zip-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ArZipWriter ArZipWriter;

ArZipWriter *ar_zip_writer_new    (GDateTime    *modified);
gboolean     ar_zip_writer_add    (ArZipWriter  *self,
                                   const char   *name,
                                   const void   *data,
                                   gsize         length,
                                   gboolean      compress,
                                   GError      **error);
GBytes      *ar_zip_writer_finish (ArZipWriter  *self);
void         ar_zip_writer_free   (ArZipWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArZipWriter, ar_zip_writer_free)

G_END_DECLS
