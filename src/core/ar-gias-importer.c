/* ar-gias-importer.c: schools, trusts and memberships from GIAS extracts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-gias-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ar-core.h"
#include "ar-csv-reader.h"
#include "ar-gias-importer.h"
#include "ar-store-private.h"
#include "ar-gias-importer-private.h"
#include "ar-record-private.h"
#include "ar-text.h"

typedef enum
{
  EXTRACT_GROUPS,
  EXTRACT_ESTABLISHMENTS,
  EXTRACT_LINKS,
  N_EXTRACTS,
} ExtractKind;

/* The columns an establishments row is read by, found once per extract
 * rather than by name for every field of every row; -1 for none. */
typedef enum
{
  COLUMN_URN,
  COLUMN_LA_CODE,
  COLUMN_LA_NAME,
  COLUMN_NAME,
  COLUMN_STATUS,
  COLUMN_OPEN_DATE,
  COLUMN_CLOSE_DATE,
  COLUMN_PHASE,
  COLUMN_TYPE,
  COLUMN_POSTCODE,
  COLUMN_TOWN,
  COLUMN_TRUST_UID,
  COLUMN_TRUST_FLAG,
  COLUMN_TRUST_NAME,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  [COLUMN_URN] = "URN",
  [COLUMN_LA_CODE] = "LA (code)",
  [COLUMN_LA_NAME] = "LA (name)",
  [COLUMN_NAME] = "EstablishmentName",
  [COLUMN_STATUS] = "EstablishmentStatus (name)",
  [COLUMN_OPEN_DATE] = "OpenDate",
  [COLUMN_CLOSE_DATE] = "CloseDate",
  [COLUMN_PHASE] = "PhaseOfEducation (name)",
  [COLUMN_TYPE] = "TypeOfEstablishment (name)",
  [COLUMN_POSTCODE] = "Postcode",
  [COLUMN_TOWN] = "Town",
  [COLUMN_TRUST_UID] = "Trusts (code)",
  [COLUMN_TRUST_FLAG] = "TrustSchoolFlag (code)",
  [COLUMN_TRUST_NAME] = "Trusts (name)",
};

typedef struct
{
  char        *path;
  char        *name;
  ArCsvReader *reader;
  ExtractKind  kind;
  guint64      size;
  int          columns[N_COLUMNS];
} Extract;

typedef struct
{
  GPtrArray          *extracts;
  GHashTable         *wanted_areas;
  GCancellable       *cancellable;
  ArGiasProgressFunc  progress;
  gpointer            progress_data;
  guint64             total_size;
  guint64             done_size;
  ArGiasReport       *report;
  gboolean            have_links;

  /* what the register holds, by the keys GIAS uses */
  GHashTable         *areas;        /* LA code → ArArea */
  GHashTable         *schools;      /* URN → SchoolEntry */
  GHashTable         *trusts;       /* Group UID → ArTrust */
  GHashTable         *memberships;  /* school id → GPtrArray of MembershipEntry */

  /* New schools and memberships, written many to a statement. The hashes
   * above answer what ar_store_check() would ask the register: a new
   * school's URN is in no other (else it would be in @schools), and
   * every link is to a record that has its id. NULL: one by one. */
  ArStoreBatch       *new_schools;
  ArStoreBatch       *new_memberships;

  /* each new school, and each new membership, is built in one of these,
   * which the batches copy: not 70,000 records made and freed */
  ArRecord           *incoming_school;
  ArRecord           *incoming_membership;
} Import;

/* for tests: the way before batches and light compares, each school and
 * membership compared and saved as a record, to compare them with */
static gboolean one_by_one;

void
ar_gias_import_set_one_by_one (gboolean setting)
{
  one_by_one = setting;
}

/* A school as the register holds it, read in one query as text rather
 * than as an ArSchool: a row that changes nothing is compared with it
 * and needs no record at all (a second import of the same extract). */
typedef struct
{
  gint64      id;
  gint64      area_id;
  ArRecord   *record;   /* the school once this import changed it; then it counts */
  const char *urn;      /* the key in Import's schools, in this block */
  char       *text[];   /* by field index, as stored; NULL for none and for area_id */
} SchoolEntry;

/* The school's fields that import_establishment_row() sets, in the
 * order of the class's table (load_schools() checks it) */
typedef enum
{
  SCHOOL_URN,
  SCHOOL_NAME,
  SCHOOL_AREA,
  SCHOOL_PHASE,
  SCHOOL_TYPE,
  SCHOOL_STATUS,
  SCHOOL_OPEN_DATE,
  SCHOOL_CLOSE_DATE,
  SCHOOL_POSTCODE,
  SCHOOL_TOWN,
  N_SCHOOL_FIELDS
} SchoolField;

static const char * const school_field_names[N_SCHOOL_FIELDS] = {
  "urn", "name", "area_id", "phase", "type", "status", "open_date", "close_date", "postcode", "town",
};

/* The most fields a school has, for the arrays that build an entry */
#define MAX_SCHOOL_FIELDS 16

/* An entry in one block: the entry, its pointers, then their text. */
static SchoolEntry *
school_entry_new (gint64             id,
                  gint64             area_id,
                  guint              n_fields,
                  const char * const texts[],
                  const gsize        lengths[])
{
  gsize size = sizeof (SchoolEntry) + n_fields * sizeof (char *);
  SchoolEntry *entry;
  char *at;

  for (guint i = 0; i < n_fields; i++)
    {
      if (texts[i] != NULL)
        size += lengths[i] + 1;
    }

  entry = g_malloc0 (size);
  at = (char *) &entry->text[n_fields];
  entry->id = id;
  entry->area_id = area_id;
  for (guint i = 0; i < n_fields; i++)
    {
      if (texts[i] != NULL)
        {
          memcpy (at, texts[i], lengths[i]);
          at[lengths[i]] = '\0';
          entry->text[i] = at;
          at += lengths[i] + 1;
        }
    }
  entry->urn = entry->text[SCHOOL_URN];

  return entry;
}

/* The entry of a school this import added, as it was saved */
static SchoolEntry *
school_entry_from_record (ArRecord *school)
{
  ArRecordClass *klass = AR_RECORD_GET_CLASS (school);
  const GValue *values = ar_record_peek_values (school);
  const char *texts[MAX_SCHOOL_FIELDS] = { NULL, };
  gsize lengths[MAX_SCHOOL_FIELDS] = { 0, };

  g_assert (klass->n_fields <= MAX_SCHOOL_FIELDS);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].type != AR_FIELD_LINK && g_value_get_string (&values[i]) != NULL)
        {
          texts[i] = g_value_get_string (&values[i]);
          lengths[i] = strlen (texts[i]);
        }
    }

  return school_entry_new (ar_record_get_id (school), g_value_get_int64 (&values[SCHOOL_AREA]),
                           klass->n_fields, texts, lengths);
}

static void
school_entry_free (gpointer data)
{
  SchoolEntry *entry = data;

  g_clear_object (&entry->record);
  g_free (entry);
}

static void
extract_free (gpointer data)
{
  Extract *extract = data;

  g_free (extract->path);
  g_free (extract->name);
  g_clear_object (&extract->reader);
  g_free (extract);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->extracts, g_ptr_array_unref);
  g_clear_pointer (&import->wanted_areas, g_hash_table_unref);
  g_clear_pointer (&import->areas, g_hash_table_unref);
  g_clear_pointer (&import->schools, g_hash_table_unref);
  g_clear_pointer (&import->trusts, g_hash_table_unref);
  g_clear_pointer (&import->memberships, g_hash_table_unref);
  g_clear_object (&import->incoming_school);
  g_clear_object (&import->incoming_membership);
}

/* Columns ------------------------------------------------------------- */

static gboolean
has_column (ArCsvReader *reader,
            const char  *name)
{
  return ar_csv_reader_find_column (reader, name) >= 0;
}

static const char *
field (ArCsvReader *reader,
       const char  *name)
{
  return ar_csv_reader_get (reader, ar_csv_reader_find_column (reader, name));
}

static const char *
column (Extract *extract,
        Column   column)
{
  return ar_csv_reader_get (extract->reader, extract->columns[column]);
}

/* The first of several names a column has had across releases. */
static const char *
field_any (ArCsvReader        *reader,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (has_column (reader, names[i]))
        return field (reader, names[i]);
    }

  return "";
}

static gboolean
check_columns (Extract             *extract,
               const char * const  *required,
               GError             **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; required[i] != NULL; i++)
    {
      if (!has_column (extract->reader, required[i]))
        g_string_append_printf (missing, "%s“%s”", missing->len ? ", " : "", required[i]);
    }

  if (missing->len > 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s lacks the columns %s that its kind of extract must have"),
                   extract->name, missing->str);
      return FALSE;
    }

  return TRUE;
}

/* Recognises each extract by its header, never by its file name. */
static gboolean
classify (Extract  *extract,
          GError  **error)
{
  static const char * const establishments[] = { "URN", "EstablishmentName", "LA (code)", "LA (name)", NULL };
  static const char * const groups[] = { "Group UID", "Group Name", NULL };
  ArCsvReader *reader = extract->reader;
  gboolean has_urn = has_column (reader, "URN");
  gboolean has_group = has_column (reader, "Group UID") || has_column (reader, "Linked UID");

  if (has_urn && has_column (reader, "LinkURN"))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is an establishment links extract (predecessor and successor schools); "
                     "import the establishments, groups or group links extracts instead"),
                   extract->name);
      return FALSE;
    }

  if (has_urn && has_group)
    {
      extract->kind = EXTRACT_LINKS;
      return TRUE;
    }

  /* Other GIAS lists (children's centres) share the establishments'
   * first columns, but only schools have a number in their authority. */
  if (has_urn && has_column (reader, "EstablishmentName")
      && has_column (reader, "TypeOfEstablishment (code)") && !has_column (reader, "EstablishmentNumber"))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                   _("%s is not a GIAS establishments, groups or links extract: it lists establishments "
                     "without “EstablishmentNumber”, as GIAS lists of children’s centres do"),
                   extract->name);
      return FALSE;
    }

  if (has_urn && has_column (reader, "EstablishmentName"))
    {
      extract->kind = EXTRACT_ESTABLISHMENTS;
      return check_columns (extract, establishments, error);
    }

  if (has_group && !has_urn)
    {
      extract->kind = EXTRACT_GROUPS;
      return check_columns (extract, groups, error);
    }

  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
               _("%s is not a GIAS extract this program reads: its header has neither "
                 "“URN” with “EstablishmentName” (establishments), “Group UID” (groups) "
                 "nor “URN” with “Group UID” (group links)"),
               extract->name);
  return FALSE;
}

/* Values -------------------------------------------------------------- */

static gboolean
read_digits (const char **p,
             guint        min,
             guint        max,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n >= min && !g_ascii_isdigit (**p);
}

/* d-m-yyyy or d/m/yyyy in digits only, as sscanf() in parse_date()
 * would read it; anything else is left to sscanf(). */
static gboolean
read_plain_date (const char *text,
                 int        *day,
                 int        *month,
                 int        *year)
{
  const char *p = text;
  char separator;

  if (!read_digits (&p, 1, 2, day) || (*p != '-' && *p != '/'))
    return FALSE;
  separator = *p++;
  if (!read_digits (&p, 1, 2, month) || *p++ != separator)
    return FALSE;

  return read_digits (&p, 4, 4, year) && *p == '\0';
}

/* YYYY-MM-DD for a valid date after 1900, without printf(), which cost
 * 5% of importing an extract again. */
static char *
iso_date (int year,
          int month,
          int day)
{
  char *iso = g_malloc (11);

  iso[0] = '0' + year / 1000;
  iso[1] = '0' + year / 100 % 10;
  iso[2] = '0' + year / 10 % 10;
  iso[3] = '0' + year % 10;
  iso[4] = '-';
  iso[5] = '0' + month / 10;
  iso[6] = '0' + month % 10;
  iso[7] = '-';
  iso[8] = '0' + day / 10;
  iso[9] = '0' + day % 10;
  iso[10] = '\0';

  return iso;
}

/* GIAS writes dd-mm-yyyy; spreadsheet-saved copies dd/mm/yyyy; dates
 * before 1901 (such as 01-01-1900) stand for "not known". */
static gboolean
parse_date (const char  *text,
            char       **iso)
{
  int day, month, year;
  char separator, second, tail;

  *iso = NULL;
  if (text[0] == '\0')
    return TRUE;

  /* the usual form is read without sscanf(), which cost more than the
   * rest of a row's dates: one or two digits, the separator, one or two
   * digits, the same separator, four digits */
  if (read_plain_date (text, &day, &month, &year)
      || (sscanf (text, "%d%c%d%c%d%c", &day, &separator, &month, &second, &year, &tail) == 5
          && (separator == '-' || separator == '/') && second == separator))
    {
      if (year <= 1900)
        return TRUE;
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      *iso = iso_date (year, month, day);
      return TRUE;
    }

  if (ar_date_is_valid (text))
    {
      *iso = g_strdup (text);
      return TRUE;
    }

  return FALSE;
}

/* The date @text from the column @name, as ISO; NULL, with a note in the
 * report, for one that is not a date. */
static char *
date_of (Import     *import,
         Extract    *extract,
         const char *name,
         const char *text)
{
  char *iso = NULL;

  if (!parse_date (text, &iso))
    {
      g_autofree char *note = g_strdup_printf (_("%s “%s” is not a date; imported without it"), name, text);

      ar_gias_report_note (import->report, extract->name, ar_csv_reader_get_line (extract->reader), note);
    }

  return iso;
}

static char *
date_field (Import             *import,
            Extract            *extract,
            const char * const *names)
{
  return date_of (import, extract, names[0], field_any (extract->reader, names));
}

static char *
date_column (Import  *import,
             Extract *extract,
             Column   which)
{
  return date_of (import, extract, column_names[which], column (extract, which));
}

static const char *
school_status (const char *name)
{
  if (g_ascii_strcasecmp (name, "Open") == 0)
    return "open";
  if (g_ascii_strcasecmp (name, "Closed") == 0)
    return "closed";
  if (g_ascii_strncasecmp (name, "Open, but proposed to close", 27) == 0)
    return "open-proposed-to-close";
  if (g_ascii_strcasecmp (name, "Proposed to open") == 0)
    return "proposed-to-open";

  return NULL;
}

static const char *
group_status (const char *name)
{
  if (g_ascii_strcasecmp (name, "Open") == 0)
    return "open";
  if (g_ascii_strcasecmp (name, "Closed") == 0)
    return "closed";
  if (g_ascii_strcasecmp (name, "Proposed to open") == 0)
    return "proposed-to-open";

  return NULL;
}

/* Group types 06 and 10 are trusts; 05 (sponsors), federations and the
 * rest are not. Spreadsheets drop the leading zero. */
static const char *
trust_kind (ArCsvReader *reader)
{
  const char *code = field (reader, "Group Type (code)");
  const char *name = field (reader, "Group Type");

  if (code[0] != '\0')
    {
      int number = atoi (code);

      return number == 6 ? "mat" : number == 10 ? "sat" : NULL;
    }

  if (g_ascii_strcasecmp (name, "Multi-academy trust") == 0)
    return "mat";
  if (g_ascii_strcasecmp (name, "Single-academy trust") == 0)
    return "sat";

  return NULL;
}

/* Companies House numbers are eight characters; spreadsheets drop leading
 * zeros, so short all-digit numbers get them back. */
static char *
companies_house_number (const char *text)
{
  if (text[0] != '\0' && ar_text_is_digits (text, 0) && strlen (text) < 8)
    return g_strdup_printf ("%08d", atoi (text));

  return g_strdup (text);
}

static char *
title_case_if_shouting (const char *name)
{
  /* Some extracts give trust names in capitals; keep others as written. */
  g_autofree char *upper = g_utf8_strup (name, -1);
  GString *out;
  gboolean start = TRUE;

  if (!g_str_equal (upper, name) || strlen (name) < 4)
    return g_strdup (name);

  out = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, start ? c : g_unichar_tolower (c));
      start = !g_unichar_isalpha (c) && c != '\'';
    }

  return g_string_free (out, FALSE);
}

/* Saving -------------------------------------------------------------- */

/* Copies the imported fields onto @record and saves it when any differ.
 * Fields GIAS does not know (notes) are never touched. */
static gboolean
save_if_changed (ArStore        *store,
                 Import         *import,
                 Extract        *extract,
                 ArRecord       *record,
                 ArRecord       *incoming,
                 ArGiasRecords   records,
                 GError        **error)
{
  gboolean is_new = ar_record_get_id (record) == 0;
  g_autoptr(ArRecord) before = NULL;
  g_autoptr(GError) local_error = NULL;
  int notes = ar_record_class_field_index (AR_RECORD_GET_CLASS (incoming), "notes");
  gboolean differs = is_new;
  const ArField *fields;
  ArStoreBatch *batch;
  guint n_fields;

  /* Names and places are one line each; spreadsheets put U+000B for a
   * line break inside a cell, which no XML document can hold. */
  fields = ar_record_get_fields (incoming, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = fields[i].type == AR_FIELD_TEXT && (int) i != notes
                         ? g_value_get_string (ar_record_peek_value (incoming, i)) : NULL;
      g_autofree char *clean = text != NULL && !ar_text_is_clean_line (text) ? ar_text_clean_line (text) : NULL;

      if (clean != NULL && !g_str_equal (clean, text))
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, clean);
          ar_record_set_value (incoming, i, &value);
        }
    }

  for (guint i = 0; i < n_fields && !differs; i++)
    differs = (int) i != notes && !ar_record_field_equal (record, incoming, i);

  if (!differs)
    {
      ar_gias_report_count (import->report, records, AR_GIAS_UNCHANGED);
      return TRUE;
    }

  if (!is_new)
    before = ar_record_copy (record);
  /* a new record may come as its own incoming one, with nothing to copy */
  for (guint i = 0; i < n_fields && record != incoming; i++)
    {
      if ((int) i != notes)
        ar_record_set_value (record, i, ar_record_peek_value (incoming, i));
    }

  batch = !is_new ? NULL
          : records == AR_GIAS_SCHOOLS ? import->new_schools
          : records == AR_GIAS_MEMBERSHIPS ? import->new_memberships : NULL;
  /* before is what the register holds: the record was read from it, and
   * every change since saved */
  if (batch != NULL ? !ar_store_batch_add (batch, record, &local_error)
      : before != NULL ? !ar_store_save_changed (store, record, before, &local_error)
                       : !ar_store_save (store, record, &local_error))
    {
      /* a row the register cannot take is reported, the rest goes on */
      if (before != NULL)
        for (guint i = 0; i < n_fields; i++)
          ar_record_set_value (record, i, ar_record_peek_value (before, i));

      if (local_error->domain == AR_STORE_ERROR && local_error->code != AR_STORE_ERROR_SQL)
        {
          ar_gias_report_skip (import->report, extract->name, ar_csv_reader_get_line (extract->reader),
                               local_error->message);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ar_gias_report_count (import->report, records, is_new ? AR_GIAS_ADDED : AR_GIAS_UPDATED);
  return TRUE;
}

static ArRecord *
ensure_area (ArStore     *store,
             Import      *import,
             Extract     *extract,
             GError     **error)
{
  const char *code = column (extract, COLUMN_LA_CODE);
  const char *name = column (extract, COLUMN_LA_NAME);
  ArRecord *area = g_hash_table_lookup (import->areas, code);
  g_autoptr(ArRecord) incoming = NULL;

  if (area != NULL)
    return area;

  area = AR_RECORD (ar_area_new ());
  incoming = AR_RECORD (ar_area_new ());
  ar_record_set_text (incoming, "code", code);
  ar_record_set_text (incoming, "name", name[0] != '\0' ? name : code);
  if (!save_if_changed (store, import, extract, area, incoming, AR_GIAS_AREAS, error))
    {
      g_object_unref (area);
      return NULL;
    }

  g_hash_table_insert (import->areas, g_strdup (code), area);

  return area;
}

static ArRecord *
ensure_trust (ArStore     *store,
              Import      *import,
              Extract     *extract,
              const char  *uid,
              const char  *name,
              const char  *kind,
              gboolean     update,
              GError     **error)
{
  ArCsvReader *reader = extract->reader;
  ArRecord *trust = g_hash_table_lookup (import->trusts, uid);
  g_autoptr(ArRecord) incoming = NULL;
  g_autofree char *pretty_name = NULL;
  g_autofree char *number = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *closed = NULL;
  gboolean is_new = trust == NULL;

  if (!is_new && !update)
    return trust;

  /* only now: nearly every establishment row names a trust it already has */
  pretty_name = title_case_if_shouting (name);
  incoming = is_new ? AR_RECORD (ar_trust_new ()) : ar_record_copy (trust);
  ar_record_set_text (incoming, "gias_uid", uid);
  ar_record_set_text (incoming, "name", pretty_name);
  ar_record_set_text (incoming, "kind", kind);

  if (has_column (reader, "Group ID"))
    ar_record_set_text (incoming, "gias_group_id", field (reader, "Group ID"));
  if (has_column (reader, "Companies House Number"))
    {
      number = companies_house_number (field (reader, "Companies House Number"));
      ar_record_set_text (incoming, "companies_house_number", number);
    }
  if (has_column (reader, "Group Status"))
    ar_record_set_text (incoming, "status", group_status (field (reader, "Group Status")));
  if (has_column (reader, "Incorporated on (open date)") || has_column (reader, "Open date"))
    {
      opened = date_field (import, extract, (const char *[]) { "Incorporated on (open date)", "Open date", NULL });
      ar_record_set_text (incoming, "opened_on", opened);
    }
  if (has_column (reader, "Closed Date"))
    {
      closed = date_field (import, extract, (const char *[]) { "Closed Date", NULL });
      ar_record_set_text (incoming, "closed_on", closed);
    }

  if (is_new)
    trust = g_object_ref (incoming);
  if (!save_if_changed (store, import, extract, trust, incoming, AR_GIAS_TRUSTS, error))
    {
      if (is_new)
        g_object_unref (trust);
      return NULL;
    }

  if (is_new)
    g_hash_table_insert (import->trusts, g_strdup (uid), trust);

  return trust;
}

/* A membership as the register holds it, as plain values: a second
 * import compares its 20,000 without a record each, and makes one only
 * to change one. */
typedef struct
{
  gint64  id;
  gint64  trust_id;
  char   *joined_on;
  char   *left_on;
} MembershipEntry;

/* The membership's fields, in the order of the class's table
 * (load_memberships() checks it) */
enum
{
  MEMBERSHIP_TRUST,
  MEMBERSHIP_SCHOOL,
  MEMBERSHIP_JOINED_ON,
  MEMBERSHIP_LEFT_ON,
  N_MEMBERSHIP_FIELDS
};

static void
membership_entry_free (gpointer data)
{
  MembershipEntry *entry = data;

  g_free (entry->joined_on);
  g_free (entry->left_on);
  g_free (entry);
}

/* Takes @membership's values as saved, into @entry (NULL: a new one) */
static MembershipEntry *
membership_entry_set (MembershipEntry *entry,
                      ArRecord        *membership)
{
  const GValue *values = ar_record_peek_values (membership);

  if (entry == NULL)
    entry = g_new0 (MembershipEntry, 1);
  entry->id = ar_record_get_id (membership);
  entry->trust_id = g_value_get_int64 (&values[MEMBERSHIP_TRUST]);
  g_free (entry->joined_on);
  entry->joined_on = g_value_dup_string (&values[MEMBERSHIP_JOINED_ON]);
  g_free (entry->left_on);
  entry->left_on = g_value_dup_string (&values[MEMBERSHIP_LEFT_ON]);

  return entry;
}

/* The membership as ar_store_get() would read it */
static ArRecord *
membership_record (MembershipEntry *entry,
                   gint64           school_id)
{
  ArRecord *membership = AR_RECORD (ar_trust_academy_new ());

  ar_record_set_id (membership, entry->id);
  ar_record_load_integer (membership, MEMBERSHIP_TRUST, entry->trust_id);
  ar_record_load_integer (membership, MEMBERSHIP_SCHOOL, school_id);
  if (entry->joined_on != NULL)
    ar_record_load_text (membership, MEMBERSHIP_JOINED_ON, entry->joined_on);
  if (entry->left_on != NULL)
    ar_record_load_text (membership, MEMBERSHIP_LEFT_ON, entry->left_on);

  return membership;
}

static GPtrArray *
memberships_of (Import *import,
                gint64  school_id)
{
  GPtrArray *list = g_hash_table_lookup (import->memberships, &school_id);

  if (list == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = school_id;
      list = g_ptr_array_new_with_free_func (membership_entry_free);
      g_hash_table_insert (import->memberships, key, list);
    }

  return list;
}

static char *
day_before (const char *iso)
{
  int year, month, day;
  GDate date;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return ar_date_today ();

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_subtract_days (&date, 1);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* The school belongs to @trust from @joined_on: keep or add that
 * membership, and end any other current one (the school moved). */
static gboolean
link_school (ArStore     *store,
             Import      *import,
             Extract     *extract,
             gint64       school_id,
             ArRecord    *trust,
             const char  *joined_on,
             GError     **error)
{
  GPtrArray *list = memberships_of (import, school_id);
  MembershipEntry *current = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      MembershipEntry *entry = g_ptr_array_index (list, i);

      if (entry->left_on != NULL)
        continue;

      if (entry->trust_id == ar_record_get_id (trust))
        current = entry;
      else
        {
          g_autoptr(ArRecord) membership = membership_record (entry, school_id);
          g_autoptr(ArRecord) ended = ar_record_copy (membership);
          g_autofree char *left_on = day_before (joined_on);

          ar_record_set_text (ended, "left_on", left_on);
          if (!save_if_changed (store, import, extract, membership, ended, AR_GIAS_MEMBERSHIPS, error))
            return FALSE;
          membership_entry_set (entry, membership);
          /* counted as updated above; ended says why */
          ar_gias_report_count (import->report, AR_GIAS_MEMBERSHIPS, AR_GIAS_ENDED);
        }
    }

  if (current == NULL)
    {
      ArRecord *membership = import->incoming_membership;

      /* as ar_record_set_*() set a new record's fields */
      ar_record_reset (membership);
      ar_record_load_integer (membership, MEMBERSHIP_TRUST, ar_record_get_id (trust));
      ar_record_load_integer (membership, MEMBERSHIP_SCHOOL, school_id);
      ar_record_load_trimmed (membership, MEMBERSHIP_JOINED_ON, joined_on);
      if (!save_if_changed (store, import, extract, membership, membership, AR_GIAS_MEMBERSHIPS, error))
        return FALSE;
      g_ptr_array_add (list, membership_entry_set (NULL, membership));
      return TRUE;
    }
  else
    {
      g_autoptr(ArRecord) membership = NULL;
      g_autoptr(ArRecord) incoming = NULL;

      /* the same date, or none: nothing to compare (a membership has no
       * text for save_if_changed() to clean) */
      if (!one_by_one && (joined_on == NULL || g_strcmp0 (joined_on, current->joined_on) == 0))
        {
          ar_gias_report_count (import->report, AR_GIAS_MEMBERSHIPS, AR_GIAS_UNCHANGED);
          return TRUE;
        }

      membership = membership_record (current, school_id);
      incoming = ar_record_copy (membership);
      /* a link without a date keeps the date already known */
      if (joined_on != NULL)
        ar_record_set_text (incoming, "joined_on", joined_on);
      if (!save_if_changed (store, import, extract, membership, incoming, AR_GIAS_MEMBERSHIPS, error))
        return FALSE;
      membership_entry_set (current, membership);
      return TRUE;
    }
}

/* Schools as the register holds them ----------------------------------- */

/* Whether @raw, set with ar_record_set_text() and (for @clean, a text
 * field) made one line as save_if_changed() does, would equal @stored. */
static gboolean
same_as_stored (const char *stored,
                const char *raw,
                gboolean    clean)
{
  g_autofree char *copy = NULL;
  g_autofree char *cleaned = NULL;
  gsize length;
  const char *value = ar_text_trim (raw, &length);

  if (value != NULL && clean)
    {
      if (value[length] != '\0')
        value = copy = g_strndup (value, length);
      if (!ar_text_is_clean_line (value))
        {
          cleaned = ar_text_clean_line (value);
          value = ar_text_trim (cleaned, &length);
        }
    }

  if (stored == NULL || value == NULL)
    return stored == value;

  return strncmp (stored, value, length) == 0 && stored[length] == '\0';
}

/* Whether the establishment's row would leave the school as it is: the
 * fields import_establishment_row() sets, each as it would set them. */
static gboolean
school_unchanged (Import      *import,
                  SchoolEntry *entry,
                  Extract     *extract,
                  const char  *urn,
                  const char  *name,
                  gint64       area_id,
                  const char  *status,
                  const char  *open_date,
                  const char  *close_date)
{
  const char *raw[] = {
    urn, name, NULL, column (extract, COLUMN_PHASE), column (extract, COLUMN_TYPE),
    status, open_date, close_date, column (extract, COLUMN_POSTCODE), column (extract, COLUMN_TOWN),
  };
  ArRecordClass *klass = g_type_class_peek (AR_TYPE_SCHOOL);

  if (entry->area_id != area_id)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      if (klass->fields[i].type != AR_FIELD_LINK
          && !same_as_stored (entry->text[i], raw[i], klass->fields[i].type == AR_FIELD_TEXT))
        return FALSE;
    }

  return TRUE;
}

/* Every school with a URN, as text, in one pass over the table. */
static gboolean
load_schools (ArStore     *store,
              GHashTable  *schools,
              GError     **error)
{
  g_autoptr(GTypeClass) held = g_type_class_ref (AR_TYPE_SCHOOL);
  ArRecordClass *klass = (ArRecordClass *) held;
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt;
  int rc;

  g_assert (klass->n_fields <= MAX_SCHOOL_FIELDS);
  for (guint i = 0; i < G_N_ELEMENTS (school_field_names); i++)
    g_assert (i < klass->n_fields && g_str_equal (klass->fields[i].name, school_field_names[i]));

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].name);
  g_string_append_printf (sql, " FROM %s", klass->table);

  stmt = ar_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *texts[MAX_SCHOOL_FIELDS] = { NULL, };
      gsize lengths[MAX_SCHOOL_FIELDS] = { 0, };
      SchoolEntry *entry;

      if (sqlite3_column_type (stmt, SCHOOL_URN + 1) == SQLITE_NULL)
        continue;

      for (guint i = 0; i < klass->n_fields; i++)
        {
          int column = i + 1;

          if (klass->fields[i].type != AR_FIELD_LINK && sqlite3_column_type (stmt, column) != SQLITE_NULL)
            {
              texts[i] = (const char *) sqlite3_column_text (stmt, column);
              lengths[i] = sqlite3_column_bytes (stmt, column);
            }
        }
      entry = school_entry_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, SCHOOL_AREA + 1),
                                klass->n_fields, texts, lengths);
      g_hash_table_insert (schools, (gpointer) entry->urn, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

/* Every membership, as plain values by school, in one pass over the
 * table in the order of its ids (as ar_store_list() lists them). */
static gboolean
load_memberships (ArStore  *store,
                  Import   *import,
                  GError  **error)
{
  g_autoptr(GTypeClass) held = g_type_class_ref (AR_TYPE_TRUST_ACADEMY);
  ArRecordClass *klass = (ArRecordClass *) held;
  const char *names[N_MEMBERSHIP_FIELDS] = { "trust_id", "school_id", "joined_on", "left_on" };
  sqlite3_stmt *stmt;
  int rc;

  g_assert (klass->n_fields == N_MEMBERSHIP_FIELDS);
  for (guint i = 0; i < N_MEMBERSHIP_FIELDS; i++)
    g_assert (g_str_equal (klass->fields[i].name, names[i]));

  stmt = ar_store_prepare (store, "SELECT id, trust_id, school_id, joined_on, left_on FROM trust_academy ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MembershipEntry *entry = g_new0 (MembershipEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->trust_id = sqlite3_column_int64 (stmt, 1);
      entry->joined_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->left_on = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (memberships_of (import, sqlite3_column_int64 (stmt, 2)), entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

/* The school as ar_store_get() would read it, from the row load_schools()
 * read: a changed school needs no second look at the table. */
static ArRecord *
school_from_entry (SchoolEntry *entry)
{
  ArRecordClass *klass = g_type_class_peek (AR_TYPE_SCHOOL);
  ArRecord *school = g_object_new (AR_TYPE_SCHOOL, NULL);

  ar_record_set_id (school, entry->id);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      /* load_schools() keeps the one link and text; a number would need more */
      g_assert (klass->fields[i].type != AR_FIELD_INTEGER && klass->fields[i].type != AR_FIELD_BOOLEAN);
      if (klass->fields[i].type == AR_FIELD_LINK)
        ar_record_load_integer (school, i, entry->area_id);
      else if (entry->text[i] != NULL)
        ar_record_load_text (school, i, entry->text[i]);
    }

  return school;
}

/* Extracts ------------------------------------------------------------ */

/* After a step that returned nothing: a row the register refused was
 * already reported, so go on; a real failure stops the import. */
static gboolean
continue_unless_failed (GError **error,
                        GError  *local_error)
{
  if (local_error == NULL)
    return TRUE;

  g_propagate_error (error, local_error);
  return FALSE;
}

static void
skip_row (Import     *import,
          Extract    *extract,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);

static void
skip_row (Import     *import,
          Extract    *extract,
          const char *format,
          ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  ar_gias_report_skip (import->report, extract->name, ar_csv_reader_get_line (extract->reader), reason);
}

static gboolean
import_group_row (ArStore  *store,
                  Import   *import,
                  Extract  *extract,
                  GError  **error)
{
  ArCsvReader *reader = extract->reader;
  const char *uid = field (reader, "Group UID");
  const char *name = field (reader, "Group Name");
  const char *kind = trust_kind (reader);
  g_autoptr(GError) local_error = NULL;

  if (kind == NULL)
    {
      ar_gias_report_count_not_trust (import->report);
      return TRUE;
    }
  if (!ar_text_is_digits (uid, 0))
    {
      skip_row (import, extract, _("Group UID “%s” is not a number"), uid);
      return TRUE;
    }
  if (name[0] == '\0')
    {
      skip_row (import, extract, _("Group Name is empty"));
      return TRUE;
    }

  ensure_trust (store, import, extract, uid, name, kind, TRUE, &local_error);

  return continue_unless_failed (error, g_steal_pointer (&local_error));
}

static gboolean
import_establishment_row (ArStore  *store,
                          Import   *import,
                          Extract  *extract,
                          GError  **error)
{
  ArCsvReader *reader = extract->reader;
  const char *urn = column (extract, COLUMN_URN);
  const char *la_code = column (extract, COLUMN_LA_CODE);
  const char *name = column (extract, COLUMN_NAME);
  const char *status_name = column (extract, COLUMN_STATUS);
  g_autofree char *open_date = NULL;
  g_autofree char *close_date = NULL;
  g_autoptr(GError) local_error = NULL;
  SchoolEntry *entry;
  ArRecord *area;

  if (import->wanted_areas != NULL && !g_hash_table_contains (import->wanted_areas, la_code))
    {
      ar_gias_report_count_elsewhere (import->report);
      return TRUE;
    }
  if (!ar_text_is_digits (urn, 6))
    {
      skip_row (import, extract, _("URN “%s” is not six digits"), urn);
      return TRUE;
    }
  if (!ar_text_is_digits (la_code, 3))
    {
      skip_row (import, extract, _("LA (code) “%s” is not a three-digit code"), la_code);
      return TRUE;
    }
  if (name[0] == '\0')
    {
      skip_row (import, extract, _("EstablishmentName is empty"));
      return TRUE;
    }

  area = ensure_area (store, import, extract, &local_error);
  if (area == NULL)
    {
      return continue_unless_failed (error, g_steal_pointer (&local_error));
    }

  open_date = date_column (import, extract, COLUMN_OPEN_DATE);
  close_date = date_column (import, extract, COLUMN_CLOSE_DATE);
  if (status_name[0] != '\0' && school_status (status_name) == NULL)
    {
      g_autofree char *note = g_strdup_printf (_("EstablishmentStatus “%s” is not known; imported without it"),
                                               status_name);
      ar_gias_report_note (import->report, extract->name, ar_csv_reader_get_line (reader), note);
    }

  entry = g_hash_table_lookup (import->schools, urn);
  if (entry != NULL && entry->record == NULL && !one_by_one
      && school_unchanged (import, entry, extract, urn, name, ar_record_get_id (area),
                           school_status (status_name), open_date, close_date))
    ar_gias_report_count (import->report, AR_GIAS_SCHOOLS, AR_GIAS_UNCHANGED);
  else
    {
      ArRecord *incoming = import->incoming_school;
      ArRecord *school;

      /* as ar_record_set_text() sets a new record's fields */
      ar_record_reset (incoming);
      ar_record_load_trimmed (incoming, SCHOOL_URN, urn);
      ar_record_load_trimmed (incoming, SCHOOL_NAME, name);
      ar_record_load_integer (incoming, SCHOOL_AREA, ar_record_get_id (area));
      ar_record_load_trimmed (incoming, SCHOOL_PHASE, column (extract, COLUMN_PHASE));
      ar_record_load_trimmed (incoming, SCHOOL_TYPE, column (extract, COLUMN_TYPE));
      ar_record_load_trimmed (incoming, SCHOOL_STATUS, school_status (status_name));
      ar_record_load_trimmed (incoming, SCHOOL_OPEN_DATE, open_date);
      ar_record_load_trimmed (incoming, SCHOOL_CLOSE_DATE, close_date);
      ar_record_load_trimmed (incoming, SCHOOL_POSTCODE, column (extract, COLUMN_POSTCODE));
      ar_record_load_trimmed (incoming, SCHOOL_TOWN, column (extract, COLUMN_TOWN));

      /* a school the register holds, changed: compared and saved as a record */
      if (entry != NULL && entry->record == NULL)
        entry->record = school_from_entry (entry);
      school = entry != NULL ? entry->record : incoming;

      if (!save_if_changed (store, import, extract, school, incoming, AR_GIAS_SCHOOLS, &local_error))
        return continue_unless_failed (error, g_steal_pointer (&local_error));
      if (entry == NULL)
        {
          /* as saved, for the URN again or its trust below */
          entry = school_entry_from_record (school);
          g_hash_table_insert (import->schools, (gpointer) entry->urn, entry);
        }
    }

  /* Without a links extract, the establishment's own trust columns say
   * which trust it is in (3: a MAT, 5: a single-academy trust). */
  if (!import->have_links && column (extract, COLUMN_TRUST_UID)[0] != '\0')
    {
      const char *uid = column (extract, COLUMN_TRUST_UID);
      int flag = atoi (column (extract, COLUMN_TRUST_FLAG));
      const char *kind = flag == 5 ? "sat" : "mat";
      ArRecord *trust;

      if (!ar_text_is_digits (uid, 0))
        return TRUE;

      trust = ensure_trust (store, import, extract, uid, column (extract, COLUMN_TRUST_NAME), kind, FALSE, &local_error);
      if (trust == NULL)
        return continue_unless_failed (error, g_steal_pointer (&local_error));
      link_school (store, import, extract, entry->id, trust, open_date, &local_error);
    }

  return continue_unless_failed (error, g_steal_pointer (&local_error));
}

static gboolean
import_link_row (ArStore  *store,
                 Import   *import,
                 Extract  *extract,
                 GError  **error)
{
  ArCsvReader *reader = extract->reader;
  const char *urn = field (reader, "URN");
  const char *uid = field_any (reader, (const char *[]) { "Group UID", "Linked UID", NULL });
  const char *kind = trust_kind (reader);
  g_autofree char *joined_on = NULL;
  g_autoptr(GError) local_error = NULL;
  SchoolEntry *school;
  ArRecord *trust;

  if (kind == NULL)
    {
      ar_gias_report_count_not_trust (import->report);
      return TRUE;
    }
  if (!ar_text_is_digits (uid, 0))
    {
      skip_row (import, extract, _("Group UID “%s” is not a number"), uid);
      return TRUE;
    }

  school = g_hash_table_lookup (import->schools, urn);
  if (school == NULL)
    {
      /* outside the chosen areas, or never in an establishments extract */
      ar_gias_report_count_unmatched (import->report);
      return TRUE;
    }

  trust = g_hash_table_lookup (import->trusts, uid);
  if (trust == NULL)
    {
      const char *name = field (reader, "Group Name");

      if (name[0] == '\0')
        {
          skip_row (import, extract, _("trust %s is not in the register and the row does not name it"), uid);
          return TRUE;
        }
      trust = ensure_trust (store, import, extract, uid, name, kind, TRUE, &local_error);
      if (trust == NULL)
        return continue_unless_failed (error, g_steal_pointer (&local_error));
    }

  joined_on = date_field (import, extract, (const char *[]) { "Joined date", NULL });
  link_school (store, import, extract, school->id, trust, joined_on, &local_error);

  return continue_unless_failed (error, g_steal_pointer (&local_error));
}

typedef gboolean (*RowFunc) (ArStore *store, Import *import, Extract *extract, GError **error);

static gboolean
import_extract (ArStore  *store,
                Import   *import,
                Extract  *extract,
                GError  **error)
{
  static const RowFunc row_funcs[N_EXTRACTS] = {
    import_group_row, import_establishment_row, import_link_row,
  };
  g_autoptr(GError) local_error = NULL;
  guint n_columns = ar_csv_reader_get_n_columns (extract->reader);
  guint row = 0;

  /* the reading (a quarter of a first import, half of a second) goes on
   * in a thread of its own while this one writes */
  ar_csv_reader_set_read_ahead (extract->reader);
  while (ar_csv_reader_next (extract->reader, &local_error))
    {
      guint n_fields = ar_csv_reader_get_n_fields (extract->reader);

      if (++row % 512 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          if (import->progress != NULL)
            import->progress ((import->done_size + ar_csv_reader_get_fraction (extract->reader) * extract->size)
                              / MAX (import->total_size, 1), import->progress_data);
        }

      /* More fields than the header names: an unquoted comma shifted them. */
      if (n_fields > n_columns)
        {
          skip_row (import, extract, _("%u fields where the header names %u; a comma may be missing its quotes"),
                    n_fields, n_columns);
          continue;
        }

      if (!row_funcs[extract->kind] (store, import, extract, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  import->done_size += extract->size;

  return TRUE;
}

/* Records by a text key (URN, group UID); records without one are left out. */
static void
index_by_text (GListModel *records,
               const char *field,
               GHashTable *index)
{
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      ArRecord *record = g_list_model_get_item (records, i);
      const char *key = ar_record_get_text (record, field);

      if (key != NULL)
        g_hash_table_insert (index, g_strdup (key), record);
      else
        g_object_unref (record);
    }
}

static void
load_register (ArStore *store,
               Import  *import,
               GError **error)
{
  g_autoptr(GListModel) areas = ar_store_list (store, AR_TYPE_AREA, error);
  g_autoptr(GListModel) trusts = ar_store_list (store, AR_TYPE_TRUST, error);

  import->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* keyed by each entry's own URN: one allocation a school, not two */
  import->schools = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, school_entry_free);
  import->trusts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  import->memberships = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; areas && i < g_list_model_get_n_items (areas); i++)
    {
      ArRecord *area = g_list_model_get_item (areas, i);
      g_hash_table_insert (import->areas, g_strdup (ar_record_get_text (area, "code")), area);
    }
  if (error == NULL || *error == NULL)
    load_schools (store, import->schools, error);
  index_by_text (trusts, "gias_uid", import->trusts);
  if (error == NULL || *error == NULL)
    load_memberships (store, import, error);
}

static gboolean
import_all (ArStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Import *import = user_data;
  g_autoptr(GPtrArray) indexes = NULL;
  const char *filled[3] = { NULL, };
  guint n_filled = 0;
  gboolean ok = TRUE;

  load_register (store, import, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  /* A first import fills these from nothing: the indexes of their links,
   * which nothing here looks up by, are built once at the end from the
   * whole table (a fifth of SQLite's time went on them row by row). */
  if (ar_store_count (store, AR_TYPE_SCHOOL) == 0)
    filled[n_filled++] = "school";
  if (ar_store_count (store, AR_TYPE_TRUST_ACADEMY) == 0)
    filled[n_filled++] = "trust_academy";
  if (n_filled > 0)
    {
      indexes = ar_store_drop_link_indexes (store, filled, error);
      if (indexes == NULL)
        return FALSE;
    }

  /* CHECK constraints once at the end, in this transaction */
  ar_store_defer_checks (store);

  if (import->incoming_school == NULL)
    import->incoming_school = AR_RECORD (ar_school_new ());
  if (import->incoming_membership == NULL)
    import->incoming_membership = AR_RECORD (ar_trust_academy_new ());

  /* schools first: a membership's batch links to them */
  if (!one_by_one)
    {
      /* SQLite writes a full batch while this thread reads the next rows */
      ar_store_write_batches_behind (store);
      import->new_schools = ar_store_batch_new (store, AR_TYPE_SCHOOL);
      import->new_memberships = ar_store_batch_new (store, AR_TYPE_TRUST_ACADEMY);
    }

  /* Trusts first, then schools, then the links between them. */
  for (ExtractKind kind = 0; kind < N_EXTRACTS && ok; kind++)
    {
      for (guint i = 0; i < import->extracts->len && ok; i++)
        {
          Extract *extract = g_ptr_array_index (import->extracts, i);

          if (extract->kind == kind && !import_extract (store, import, extract, error))
            ok = FALSE;
        }
    }

  /* these write what the batches hold; then it is checked with the rest */
  ok = ok && (indexes == NULL || ar_store_build_indexes (store, indexes, error));
  ok = ok && ar_store_run_deferred_checks (store, error);
  g_clear_pointer (&import->new_memberships, ar_store_batch_free);
  g_clear_pointer (&import->new_schools, ar_store_batch_free);

  return ok;
}

static gboolean
read_extracts (Import              *import,
               const char * const  *paths,
               GError             **error)
{
  import->extracts = g_ptr_array_new_with_free_func (extract_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      Extract *extract = g_new0 (Extract, 1);
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_ptr_array_add (import->extracts, extract);
      extract->path = g_strdup (paths[i]);
      /* a pipe's name (/dev/fd/63) says nothing without its folder */
      extract->name = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_SPECIAL
                      ? g_strdup (paths[i]) : g_path_get_basename (paths[i]);

      extract->reader = ar_csv_reader_new_for_file (file, extract->name, import->cancellable, error);
      if (extract->reader == NULL || !classify (extract, error))
        return FALSE;
      extract->size = ar_csv_reader_get_size (extract->reader);
      import->total_size += extract->size;
      for (guint c = 0; c < N_COLUMNS; c++)
        extract->columns[c] = ar_csv_reader_find_column (extract->reader, column_names[c]);

      if (extract->kind == EXTRACT_LINKS)
        import->have_links = TRUE;
    }

  return TRUE;
}

/**
 * ar_gias_import:
 * @paths: the extracts, in any order
 * @area_codes: (nullable): LA codes to keep; %NULL for every area
 * @progress: (nullable) (scope call): told how far the import has got
 *
 * Imports GIAS extracts into @store in one transaction: schools by URN,
 * trusts by Group UID, memberships from the group links extracts (or, with
 * none, from the establishments' own trust columns). What is there is
 * updated, what is new is added, nothing is doubled, and what GIAS does not
 * hold (notes, people, alliances) is left alone. A failure, or
 * cancelling, leaves the register as it was.
 *
 * Returns: (transfer full): what was done, or %NULL with @error set
 */
ArGiasReport *
ar_gias_import (ArStore             *store,
                const char * const  *paths,
                const char * const  *area_codes,
                GCancellable        *cancellable,
                ArGiasProgressFunc   progress,
                gpointer             progress_data,
                GError             **error)
{
  Import import = { NULL };
  g_autoptr(ArGiasReport) report = ar_gias_report_new ();
  g_auto(GStrv) names = NULL;
  gboolean ok;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  /* the history names the files, not the folders they were in */
  names = g_new0 (char *, g_strv_length ((char **) paths) + 1);
  for (guint i = 0; paths[i] != NULL; i++)
    names[i] = g_path_get_basename (paths[i]);

  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = progress_data;
  import.report = report;

  if (area_codes != NULL && area_codes[0] != NULL)
    {
      import.wanted_areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; area_codes[i] != NULL; i++)
        g_hash_table_add (import.wanted_areas, g_strstrip (g_strdup (area_codes[i])));
    }

  ok = read_extracts (&import, paths, error);
  if (ok)
    {
      int saved = ar_store_begin_bulk (store);

      ok = ar_store_write_from (store, "import-gias", (const char * const *) names,
                                import_all, &import, error);
      ar_store_end_bulk (store, saved);
    }
  import_clear (&import);

  if (!ok)
    return NULL;

  /* the extracts may leave a school in two trusts at once: say so */
  {
    g_autoptr(GPtrArray) overlaps = ar_trust_academy_list_overlaps (store, NULL);

    for (guint i = 0; overlaps != NULL && i < overlaps->len; i++)
      ar_gias_report_warn (report, g_ptr_array_index (overlaps, i));
  }

  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&report);
}

typedef struct
{
  char               *path;
  GStrv               paths;
  GStrv               area_codes;
  ArGiasProgressFunc  progress;
  gpointer            progress_data;
  GMainContext       *context;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *task_data = data;

  g_free (task_data->path);
  g_strfreev (task_data->paths);
  g_strfreev (task_data->area_codes);
  g_main_context_unref (task_data->context);
  g_free (task_data);
}

typedef struct
{
  ImportTask *task_data;
  double      fraction;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->task_data->progress (update->fraction, update->task_data->progress_data);

  return G_SOURCE_REMOVE;
}

/* Progress goes back to the thread that started the import. */
static void
progress_from_thread (double   fraction,
                      gpointer user_data)
{
  ImportTask *task_data = user_data;
  ProgressUpdate *update = g_new (ProgressUpdate, 1);

  update->task_data = task_data;
  update->fraction = fraction;
  g_main_context_invoke_full (task_data->context, G_PRIORITY_DEFAULT, deliver_progress, update, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(ArStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ArGiasReport *report;

  /* One connection per thread: the worker opens its own. */
  store = ar_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = ar_gias_import (store, (const char * const *) data->paths,
                           (const char * const *) data->area_codes, cancellable,
                           data->progress ? progress_from_thread : NULL, data, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * ar_gias_import_async:
 *
 * Imports in a worker thread with its own connection to @store's file;
 * @progress is called in the caller's main context. When it finishes,
 * @store emits #ArStore::changed.
 */
void
ar_gias_import_async (ArStore              *store,
                      const char * const   *paths,
                      const char * const   *area_codes,
                      GCancellable         *cancellable,
                      ArGiasProgressFunc    progress,
                      gpointer              progress_data,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (AR_IS_STORE (store));
  g_return_if_fail (paths != NULL);

  data = g_new0 (ImportTask, 1);
  data->path = g_strdup (ar_store_get_path (store));
  data->paths = g_strdupv ((char **) paths);
  data->area_codes = area_codes ? g_strdupv ((char **) area_codes) : NULL;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, ar_gias_import_async);
  g_task_set_task_data (task, data, import_task_free);
  g_task_run_in_thread (task, import_thread);
}

ArGiasReport *
ar_gias_import_finish (ArStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  ArGiasReport *report;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report != NULL)
    ar_store_emit_changed (store, G_TYPE_NONE);

  return report;
}
