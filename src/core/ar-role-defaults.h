/* ar-role-defaults.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-role.h"

G_BEGIN_DECLS

GPtrArray *ar_role_defaults_new (void);

G_END_DECLS
