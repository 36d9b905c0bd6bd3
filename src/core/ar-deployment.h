/* ar-deployment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-record.h"

G_BEGIN_DECLS

#define AR_TYPE_DEPLOYMENT (ar_deployment_get_type ())

G_DECLARE_FINAL_TYPE (ArDeployment, ar_deployment, AR, DEPLOYMENT, ArRecord)

/* The kind of support a school gives another, when no leader's role names it. */
#define AR_DEPLOYMENT_KIND_SCHOOL "school-to-school"

extern const char * const ar_deployment_statuses[];
extern const char * const ar_deployment_commissioners[];
extern const char * const ar_deployment_focus_suggestions[];

ArDeployment *ar_deployment_new                 (void);
gboolean      ar_deployment_is_active_on        (ArDeployment *self,
                                                 const char   *date);
gboolean      ar_deployment_overlaps            (ArDeployment *self,
                                                 const char   *from,
                                                 const char   *to);
char         *ar_deployment_academic_year_start (const char   *date);

G_END_DECLS
