/* ar-summary-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ar-core.h"

G_BEGIN_DECLS

gboolean ar_summary_print (GtkWindow   *parent,
                           ArSummary   *summary,
                           const char  *export_path,
                           const char  *register_path,
                           GError     **error);

G_END_DECLS
