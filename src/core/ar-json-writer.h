/* ar-json-writer.h: JSON written as it goes, never held as a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ArJsonWriter ArJsonWriter;

ArJsonWriter *ar_json_writer_new          (GOutputStream  *stream,
                                           GCancellable   *cancellable);
void          ar_json_writer_begin_object (ArJsonWriter   *self);
void          ar_json_writer_end_object   (ArJsonWriter   *self);
void          ar_json_writer_begin_array  (ArJsonWriter   *self);
void          ar_json_writer_end_array    (ArJsonWriter   *self);
void          ar_json_writer_member       (ArJsonWriter   *self,
                                           const char     *name);
void          ar_json_writer_string       (ArJsonWriter   *self,
                                           const char     *text);
void          ar_json_writer_int          (ArJsonWriter   *self,
                                           gint64          value);
void          ar_json_writer_boolean      (ArJsonWriter   *self,
                                           gboolean        value);
void          ar_json_writer_null         (ArJsonWriter   *self);
void          ar_json_writer_pretty_value (ArJsonWriter   *self,
                                           const char     *pretty);
gboolean      ar_json_writer_finish       (ArJsonWriter   *self,
                                           GError        **error);
void          ar_json_writer_free         (ArJsonWriter   *self);

void          ar_json_append_string       (GString        *out,
                                           const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArJsonWriter, ar_json_writer_free)

G_END_DECLS
