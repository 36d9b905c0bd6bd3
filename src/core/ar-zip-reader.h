/* ar-zip-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ArZipReader ArZipReader;

ArZipReader *ar_zip_reader_new     (GBytes       *bytes,
                                    const char   *source_name,
                                    GError      **error);
gboolean     ar_zip_reader_has     (ArZipReader  *self,
                                    const char   *name);
GBytes      *ar_zip_reader_extract (ArZipReader  *self,
                                    const char   *name,
                                    gsize         max_size,
                                    GError      **error);
void         ar_zip_reader_free    (ArZipReader  *self);

guint32      ar_zip_crc32          (const guint8 *data,
                                    gsize         length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArZipReader, ar_zip_reader_free)

G_END_DECLS
