/* ar-trust-academy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-trust-academy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-trust-academy.h"
#include "ar-dates.h"
#include "ar-store-private.h"
#include "ar-text.h"

/* A school's membership of a trust, from the day it joined to the day it left. */
struct _ArTrustAcademy
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArTrustAcademy, ar_trust_academy, AR_TYPE_RECORD)

static const ArField trust_academy_fields[] = {
  { "trust_id", N_("Trust"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "trust", NULL },
  { "school_id", N_("School"), AR_FIELD_LINK, AR_FIELD_FLAG_REQUIRED, "school", NULL },
  { "joined_on", N_("Joined"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
  { "left_on", N_("Left"), AR_FIELD_DATE, AR_FIELD_FLAG_NONE, NULL, NULL },
};

static gboolean
ar_trust_academy_validate (ArRecord  *record,
                           GError   **error)
{
  return ar_record_check_date_order (record, "joined_on", "left_on", error);
}

/* A span for people: "2019-09-01 to no end". */
static char *
span_text (const char *from,
           const char *to)
{
  /* Translators: a span of dates, "2019-09-01 to 2022-08-31" */
  return g_strdup_printf (_("%s to %s"), from ? from : _("no start"), to ? to : _("no end"));
}

/* The school's other trusts, for the memberships that share a day with
 * this one: a school is in one trust at a time. Said at the school, as
 * what the user would change first. */
static GPtrArray *
ar_trust_academy_warnings (ArRecord *record,
                           ArStore  *store)
{
  static const char sql[] =
    "SELECT t.name, ta.joined_on, ta.left_on FROM trust_academy ta JOIN trust t ON t.id = ta.trust_id"
    " WHERE ta.school_id = ?1 AND ta.id != ?2 AND ta.trust_id != ?3 ORDER BY ta.joined_on, ta.id";
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_field_problem_free);
  const char *joined = ar_record_get_text (record, "joined_on");
  const char *left = ar_record_get_text (record, "left_on");
  gint64 school_id = ar_record_get_integer (record, "school_id");
  sqlite3_stmt *stmt;

  if (school_id == 0)
    return warnings;

  stmt = ar_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return warnings;

  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int64 (stmt, 2, ar_record_get_id (record));
  sqlite3_bind_int64 (stmt, 3, ar_record_get_integer (record, "trust_id"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *trust = (const char *) sqlite3_column_text (stmt, 0);
      const char *other_joined = (const char *) sqlite3_column_text (stmt, 1);
      const char *other_left = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *span = NULL;

      if (!ar_dates_overlap (joined, left, other_joined, other_left))
        continue;

      span = span_text (other_joined, other_left);
      /* Translators: the first %s is a trust's name, the second a span of dates */
      ar_record_add_warning (record, warnings, "school_id",
                             _("Also in %s (%s): a school is in one trust at a time"),
                             trust ? trust : "", span);
    }
  sqlite3_reset (stmt);

  return warnings;
}

static void
ar_trust_academy_class_init (ArTrustAcademyClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "trust_academy", N_("Trust academy"),
                                  trust_academy_fields, G_N_ELEMENTS (trust_academy_fields));
  record_class->validate = ar_trust_academy_validate;
  record_class->list_warnings = ar_trust_academy_warnings;
}

static void
ar_trust_academy_init (ArTrustAcademy *self)
{
}

ArTrustAcademy *
ar_trust_academy_new (void)
{
  return g_object_new (AR_TYPE_TRUST_ACADEMY, NULL);
}

typedef struct
{
  gint64  trust_id;
  char   *trust;
  char   *joined;
  char   *left;
} Membership;

static void
membership_free (gpointer data)
{
  Membership *membership = data;

  g_free (membership->trust);
  g_free (membership->joined);
  g_free (membership->left);
  g_free (membership);
}

/* The first two of one school's memberships that share a day, in
 * different trusts, said once for the school. */
static void
add_school_overlap (GPtrArray  *overlaps,
                    GPtrArray  *memberships,
                    const char *urn,
                    const char *name)
{
  for (guint i = 0; i < memberships->len; i++)
    for (guint j = i + 1; j < memberships->len; j++)
      {
        Membership *a = g_ptr_array_index (memberships, i);
        Membership *b = g_ptr_array_index (memberships, j);
        g_autofree char *span_a = NULL;
        g_autofree char *span_b = NULL;

        if (a->trust_id == b->trust_id || !ar_dates_overlap (a->joined, a->left, b->joined, b->left))
          continue;

        span_a = span_text (a->joined, a->left);
        span_b = span_text (b->joined, b->left);
        /* Translators: school URN and name, then two trusts, each with a span of dates */
        g_ptr_array_add (overlaps,
                         g_strdup_printf (_("School %s %s is in two trusts at once: %s (%s) and %s (%s)"),
                                          urn ? urn : _("(no URN)"), name ? name : "",
                                          a->trust, span_a, b->trust, span_b));
        return;
      }
}

/**
 * ar_trust_academy_list_overlaps:
 *
 * The schools the register has in two trusts on the same day, though a
 * school is in one trust at a time: allowed (the register may be part
 * way through an update) but worth saying after an import.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per school,
 *   naming its URN and two of its trusts, by school; %NULL on error
 */
GPtrArray *
ar_trust_academy_list_overlaps (ArStore  *store,
                                GError  **error)
{
  /* min <> max: two trusts or more, without count(DISTINCT)'s sort per school */
  static const char sql[] =
    "SELECT ta.school_id, s.urn, s.name, ta.trust_id, t.name, ta.joined_on, ta.left_on"
    " FROM trust_academy ta JOIN school s ON s.id = ta.school_id JOIN trust t ON t.id = ta.trust_id"
    " WHERE ta.school_id IN (SELECT school_id FROM trust_academy GROUP BY school_id"
    " HAVING min(trust_id) <> max(trust_id))"
    " ORDER BY s.urn, ta.school_id, ta.joined_on, ta.id";
  g_autoptr(GPtrArray) overlaps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) memberships = g_ptr_array_new_with_free_func (membership_free);
  g_autofree char *urn = NULL;
  g_autofree char *name = NULL;
  gint64 school_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  stmt = ar_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Membership *membership;

      if (sqlite3_column_int64 (stmt, 0) != school_id)
        {
          add_school_overlap (overlaps, memberships, urn, name);
          g_ptr_array_set_size (memberships, 0);
          school_id = sqlite3_column_int64 (stmt, 0);
          g_free (urn);
          urn = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_free (name);
          name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }

      membership = g_new0 (Membership, 1);
      membership->trust_id = sqlite3_column_int64 (stmt, 3);
      membership->trust = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      membership->joined = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      membership->left = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (memberships, membership);
    }
  if (rc != SQLITE_DONE)
    {
      ar_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  add_school_overlap (overlaps, memberships, urn, name);

  return g_steal_pointer (&overlaps);
}
