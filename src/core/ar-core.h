/* ar-core.h: everything libar-core offers, for the application and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-types.h"
#include "ar-record.h"
#include "ar-record-list.h"
#include "ar-area.h"
#include "ar-school.h"
#include "ar-organisation.h"
#include "ar-alliance.h"
#include "ar-alliance-member.h"
#include "ar-trust.h"
#include "ar-trust-academy.h"
#include "ar-person.h"
#include "ar-role.h"
#include "ar-designation.h"
#include "ar-deployment.h"
#include "ar-store.h"
#include "ar-output-file.h"
#include "ar-rich-text.h"
#include "ar-summary-row.h"
#include "ar-dates.h"
#include "ar-summary.h"
#include "ar-summary-writer.h"
#include "ar-support-report.h"
#include "ar-register-json.h"
#include "ar-register-merge.h"
#include "ar-text.h"
#include "ar-csv-reader.h"
#include "ar-gias-report.h"
#include "ar-gias-importer.h"
#include "ar-record-table.h"
#include "ar-sections.h"
#include "ar-undo-stack.h"
#include "ar-relations.h"
