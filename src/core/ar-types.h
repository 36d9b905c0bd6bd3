/* ar-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ArRecord          ArRecord;
typedef struct _ArStore           ArStore;
typedef struct _ArArea            ArArea;
typedef struct _ArSchool          ArSchool;
typedef struct _ArOrganisation    ArOrganisation;
typedef struct _ArAlliance        ArAlliance;
typedef struct _ArAllianceMember  ArAllianceMember;
typedef struct _ArTrust           ArTrust;
typedef struct _ArTrustAcademy    ArTrustAcademy;
typedef struct _ArPerson          ArPerson;
typedef struct _ArDesignation     ArDesignation;
typedef struct _ArDeployment      ArDeployment;
typedef struct _ArRole            ArRole;
typedef struct _ArStore           ArStore;
typedef struct _ArSummary         ArSummary;
typedef struct _ArSummaryRow      ArSummaryRow;

/**
 * ArFieldType:
 * @AR_FIELD_TEXT: free text; empty is stored as NULL
 * @AR_FIELD_DATE: an ISO 8601 calendar date, `YYYY-MM-DD`, or NULL
 * @AR_FIELD_INTEGER: a 64-bit integer
 * @AR_FIELD_BOOLEAN: true or false
 * @AR_FIELD_CHOICE: text from the field's fixed list of choices
 * @AR_FIELD_LINK: the id of another record, 0 for none
 * @AR_FIELD_CODE_LINK: the code of another record (roles are linked by code)
 *
 * Deleting a record deletes the records whose required (or
 * %AR_FIELD_FLAG_CASCADE) links point at it, and empties optional links.
 */
typedef enum
{
  AR_FIELD_TEXT,
  AR_FIELD_DATE,
  AR_FIELD_INTEGER,
  AR_FIELD_BOOLEAN,
  AR_FIELD_CHOICE,
  AR_FIELD_LINK,
  AR_FIELD_CODE_LINK,
} ArFieldType;

typedef enum
{
  AR_FIELD_FLAG_NONE     = 0,
  AR_FIELD_FLAG_REQUIRED = 1 << 0,
  AR_FIELD_FLAG_UNIQUE   = 1 << 1,
  AR_FIELD_FLAG_CASCADE  = 1 << 2,
} ArFieldFlags;

typedef enum
{
  AR_SUMMARY_FORMAT_TEXT,
  AR_SUMMARY_FORMAT_CSV,
  AR_SUMMARY_FORMAT_HTML,
  AR_SUMMARY_FORMAT_MARKDOWN,
  AR_SUMMARY_FORMAT_JSON,
  AR_SUMMARY_FORMAT_PDF,
  AR_SUMMARY_FORMAT_ODT,
  AR_SUMMARY_FORMAT_XLSX,
} ArSummaryFormat;

#define AR_STORE_ERROR (ar_store_error_quark ())

/**
 * ArStoreError:
 * @AR_STORE_ERROR_INVALID: a record or a field holds a value that is not allowed
 * @AR_STORE_ERROR_NOT_FOUND: the record, area or file does not exist
 * @AR_STORE_ERROR_DUPLICATE: a unique value is already used by another record
 * @AR_STORE_ERROR_LINK: a link names a record that does not exist
 * @AR_STORE_ERROR_IN_USE: the record is still linked from others
 * @AR_STORE_ERROR_VERSION: the database or file is newer than this program
 * @AR_STORE_ERROR_FORMAT: a file is not in the expected format
 * @AR_STORE_ERROR_NOT_EMPTY: the register already holds records
 * @AR_STORE_ERROR_SQL: the database itself failed
 */
typedef enum
{
  AR_STORE_ERROR_INVALID,
  AR_STORE_ERROR_NOT_FOUND,
  AR_STORE_ERROR_DUPLICATE,
  AR_STORE_ERROR_LINK,
  AR_STORE_ERROR_IN_USE,
  AR_STORE_ERROR_VERSION,
  AR_STORE_ERROR_FORMAT,
  AR_STORE_ERROR_NOT_EMPTY,
  AR_STORE_ERROR_SQL,
} ArStoreError;

GQuark ar_store_error_quark (void);

G_END_DECLS
