/* ar-history-private.h: how ArStore records what a transaction changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-history.h"

G_BEGIN_DECLS

typedef struct _ArHistoryLog ArHistoryLog;

ArHistoryLog *ar_history_log_new     (gboolean       compact);
void          ar_history_log_free    (ArHistoryLog  *log);
gboolean      ar_history_log_has     (ArHistoryLog  *log,
                                      const char    *table,
                                      gint64         id);
void          ar_history_log_touch   (ArHistoryLog  *log,
                                      const char    *table,
                                      gint64         id,
                                      ArRecord      *before);
void          ar_history_log_saved   (ArHistoryLog  *log,
                                      ArRecord      *record,
                                      gboolean       is_new);
gboolean      ar_history_log_write   (ArHistoryLog        *log,
                                      ArStore             *store,
                                      const char          *source,
                                      const char * const  *files,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArHistoryLog, ar_history_log_free)

G_END_DECLS
