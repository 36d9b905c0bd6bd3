/* ar-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <stdio.h>

#include "ar-record.h"
#include "ar-record-private.h"
#include "ar-dates.h"
#include "ar-text.h"

typedef struct
{
  gint64  id;
  GValue *values;
  char   *search_key;
  char  **sort_keys;
  /* the field the last check found at fault, or -1 */
  int     invalid_field;
} ArRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ArRecord, ar_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *classes_by_table;

G_DEFINE_QUARK (ar-store-error-quark, ar_store_error)

static GType
field_value_type (const ArField *field)
{
  switch (field->type)
    {
    case AR_FIELD_INTEGER:
    case AR_FIELD_LINK:
      return G_TYPE_INT64;
    case AR_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case AR_FIELD_TEXT:
    case AR_FIELD_DATE:
    case AR_FIELD_CHOICE:
    case AR_FIELD_CODE_LINK:
    default:
      return G_TYPE_STRING;
    }
}

/* Values live in the base class so that subclasses only list their fields;
 * they are made on first use because the base instance_init cannot see the
 * subclass's field list yet. */
static GValue *
ensure_values (ArRecord *self)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);
  ArRecordClass *klass = AR_RECORD_GET_CLASS (self);

  if (priv->values == NULL && klass->n_fields > 0)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_init (&priv->values[i], field_value_type (&klass->fields[i]));
    }

  return priv->values;
}

static int
field_index (ArRecord   *self,
             const char *name)
{
  int index = ar_record_class_field_index (AR_RECORD_GET_CLASS (self), name);

  if (index < 0)
    g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);

  return index;
}

static char *
ar_record_real_describe (ArRecord *self)
{
  gboolean has_name = ar_record_class_field_index (AR_RECORD_GET_CLASS (self), "name") >= 0;
  const char *name = has_name ? ar_record_get_text (self, "name") : NULL;

  if (name != NULL)
    return g_strdup (name);

  return g_strdup_printf ("%s %" G_GINT64_FORMAT,
                          _(AR_RECORD_GET_CLASS (self)->label),
                          ar_record_get_id (self));
}

static void
ar_record_finalize (GObject *object)
{
  ArRecord *self = AR_RECORD (object);
  ArRecordPrivate *priv = ar_record_get_instance_private (self);
  ArRecordClass *klass = AR_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_free (priv->search_key);
  if (priv->sort_keys != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_free (priv->sort_keys[i]);
      g_free (priv->sort_keys);
    }

  G_OBJECT_CLASS (ar_record_parent_class)->finalize (object);
}

static void
ar_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ArRecord *self = AR_RECORD (object);

  if (pspec->owner_type == AR_TYPE_RECORD)
    {
      switch (prop_id)
        {
        case PROP_ID:
          g_value_set_int64 (value, ar_record_get_id (self));
          break;

        case PROP_LABEL:
          g_value_take_string (value, ar_record_describe (self));
          break;

        default:
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
      return;
    }

  g_value_copy (&ensure_values (self)[prop_id - 1], value);
}

static void
ar_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ArRecord *self = AR_RECORD (object);

  if (pspec->owner_type == AR_TYPE_RECORD)
    {
      switch (prop_id)
        {
        case PROP_ID:
          ar_record_set_id (self, g_value_get_int64 (value));
          break;

        default:
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
      return;
    }

  ar_record_set_value (self, prop_id - 1, value);
}

static void
ar_record_class_init (ArRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_record_finalize;
  object_class->get_property = ar_record_get_property;
  object_class->set_property = ar_record_set_property;

  klass->describe = ar_record_real_describe;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ar_record_init (ArRecord *self)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);

  priv->invalid_field = -1;
}

/**
 * ar_record_class_install_fields:
 * @klass: a record subclass being initialised
 * @table: its SQL table, also its JSON array
 * @label: the record's kind as shown to people, untranslated
 * @fields: (array length=n_fields): the fields, in the order they are shown
 *
 * Installs one property per field and registers the class by table name.
 */
void
ar_record_class_install_fields (ArRecordClass *klass,
                                const char    *table,
                                const char    *label,
                                const ArField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->label = label;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->field_pspecs = g_new0 (GParamSpec *, n_fields);
  klass->field_indexes = g_hash_table_new (g_str_hash, g_str_equal);

  /* GObject does not inherit these: each class dispatches its own. */
  object_class->get_property = ar_record_get_property;
  object_class->set_property = ar_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const ArField *field = &fields[i];
      g_autofree char *property_name = g_strdelimit (g_strdup (field->name), "_", '-');
      const char *interned = g_intern_string (property_name);
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NAME
                        | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;
      GParamSpec *pspec;

      switch (field_value_type (field))
        {
        case G_TYPE_INT64:
          pspec = g_param_spec_int64 (interned, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;

        case G_TYPE_BOOLEAN:
          pspec = g_param_spec_boolean (interned, NULL, NULL, FALSE, flags);
          break;

        default:
          pspec = g_param_spec_string (interned, NULL, NULL, NULL, flags);
          break;
        }

      g_object_class_install_property (object_class, i + 1, pspec);
      klass->field_pspecs[i] = pspec;
      g_hash_table_insert (klass->field_indexes, (gpointer) field->name, GUINT_TO_POINTER (i + 1));
    }

  if (classes_by_table == NULL)
    classes_by_table = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (classes_by_table, (gpointer) table, klass);
}

/**
 * ar_record_class_for_table:
 * @table: a table name such as "school"
 *
 * Returns: (nullable) (transfer none): the record class stored in @table
 */
ArRecordClass *
ar_record_class_for_table (const char *table)
{
  static gsize registered;

  /* every class registers itself in its class_init */
  if (g_once_init_enter (&registered))
    {
      guint n_types;
      const GType *types = ar_record_types (&n_types);

      for (guint i = 0; i < n_types; i++)
        g_type_class_ref (types[i]);
      g_once_init_leave (&registered, 1);
    }

  return g_hash_table_lookup (classes_by_table, table);
}

int
ar_record_class_field_index (ArRecordClass *klass,
                             const char    *name)
{
  g_return_val_if_fail (AR_IS_RECORD_CLASS (klass), -1);
  g_return_val_if_fail (name != NULL, -1);

  if (klass->field_indexes == NULL)
    return -1;

  return GPOINTER_TO_INT (g_hash_table_lookup (klass->field_indexes, name)) - 1;
}

gint64
ar_record_get_id (ArRecord *self)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);

  g_return_val_if_fail (AR_IS_RECORD (self), 0);

  return priv->id;
}

void
ar_record_set_id (ArRecord *self,
                  gint64    id)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);

  g_return_if_fail (AR_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
ar_record_get_table (ArRecord *self)
{
  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  return AR_RECORD_GET_CLASS (self)->table;
}

const ArField *
ar_record_get_fields (ArRecord *self,
                      guint    *n_fields)
{
  ArRecordClass *klass;

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  klass = AR_RECORD_GET_CLASS (self);
  if (n_fields != NULL)
    *n_fields = klass->n_fields;

  return klass->fields;
}

/**
 * ar_record_describe:
 *
 * Returns: (transfer full): a short name for the record
 */
char *
ar_record_describe (ArRecord *self)
{
  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  return AR_RECORD_GET_CLASS (self)->describe (self);
}

/* The text of field @index the search looks in, or %NULL. */
static const char *
searched_text (ArRecordClass *klass,
               GValue        *values,
               guint          index)
{
  if (klass->fields[index].type != AR_FIELD_TEXT && klass->fields[index].type != AR_FIELD_CODE_LINK)
    return NULL;

  return g_value_get_string (&values[index]);
}

/* @text case-folded: in place when it is ASCII, as names and codes
 * nearly always are (g_utf8_casefold() builds a new string a character
 * at a time); otherwise a new string. */
static char *
fold_case (char  *text,
           gsize  length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return g_utf8_casefold (text, length);

  for (gsize i = 0; i < length; i++)
    text[i] = g_ascii_tolower (text[i]);

  return text;
}

/**
 * ar_record_get_search_key:
 *
 * Returns: the record's text fields joined and case-folded, so that a
 *   search filter compares with one strstr() per record
 */
const char *
ar_record_get_search_key (ArRecord *self)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  if (priv->search_key == NULL)
    {
      ArRecordClass *klass = AR_RECORD_GET_CLASS (self);
      GValue *values = ensure_values (self);
      gsize length = 0;
      char *key;
      char *end;

      /* one allocation of the right size: a list of 50,000 records makes
       * every key at once, and growing a string for each was most of it */
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const char *text = searched_text (klass, values, i);

          if (text != NULL)
            length += strlen (text) + 1;
        }
      key = end = g_malloc (length + 1);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const char *text = searched_text (klass, values, i);

          if (text == NULL)
            continue;
          if (end > key)
            *end++ = '\n';
          end = g_stpcpy (end, text);
        }
      *end = '\0';

      priv->search_key = fold_case (key, end - key);
      if (priv->search_key != key)
        g_free (key);
    }

  return priv->search_key;
}

/**
 * ar_record_get_sort_key:
 * @index: a text field
 *
 * Returns: the field case-folded, kept until it changes, so that sorting
 *   50,000 records compares with strcmp() rather than collating each one
 *   again (locale collation cost about a second at that size)
 */
const char *
ar_record_get_sort_key (ArRecord *self,
                        guint     index)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);
  ArRecordClass *klass;
  const char *text;

  g_return_val_if_fail (AR_IS_RECORD (self), "");

  klass = AR_RECORD_GET_CLASS (self);
  g_return_val_if_fail (index < klass->n_fields, "");

  if (priv->sort_keys == NULL)
    priv->sort_keys = g_new0 (char *, klass->n_fields);

  if (priv->sort_keys[index] == NULL)
    {
      text = G_VALUE_HOLDS_STRING (&ensure_values (self)[index])
             ? g_value_get_string (&ensure_values (self)[index]) : NULL;
      char *copy = g_strdup (text ? text : "");

      priv->sort_keys[index] = fold_case (copy, strlen (copy));
      if (priv->sort_keys[index] != copy)
        g_free (copy);
    }

  return priv->sort_keys[index];
}

const GValue *
ar_record_peek_value (ArRecord *self,
                      guint     index)
{
  g_return_val_if_fail (AR_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < AR_RECORD_GET_CLASS (self)->n_fields, NULL);

  return &ensure_values (self)[index];
}

/* ar_record_peek_value() for every field at once: the store's loops
 * over each field of 100,000 records checked their arguments each time */
const GValue *
ar_record_peek_values (ArRecord *self)
{
  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  return ensure_values (self);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    default:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    }
}

/* The field's value is new: what was worked out from the old one goes,
 * and whoever watches the field hears of it. */
static void
value_changed (ArRecord *self,
               guint     index)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);

  g_clear_pointer (&priv->search_key, g_free);
  if (priv->sort_keys != NULL)
    g_clear_pointer (&priv->sort_keys[index], g_free);

  g_object_notify_by_pspec (G_OBJECT (self), AR_RECORD_GET_CLASS (self)->field_pspecs[index]);
}

/**
 * ar_record_set_value:
 *
 * Sets field @index, notifying only on change. Empty or blank-only text
 * becomes NULL and surrounding white space is trimmed, so that "no value"
 * has one form everywhere.
 */
void
ar_record_set_value (ArRecord     *self,
                     guint         index,
                     const GValue *value)
{
  GValue *slot;
  g_auto(GValue) normalised = G_VALUE_INIT;

  g_return_if_fail (AR_IS_RECORD (self));
  g_return_if_fail (index < AR_RECORD_GET_CLASS (self)->n_fields);

  slot = &ensure_values (self)[index];

  /* text into text, as imports set it field by field: trimmed and
   * compared in place, copied once when it differs */
  if (G_VALUE_HOLDS_STRING (slot) && G_VALUE_HOLDS_STRING (value))
    {
      gsize length;
      const char *start = ar_text_trim (g_value_get_string (value), &length);
      const char *old = g_value_get_string (slot);

      if (start == NULL ? old == NULL
                        : old != NULL && strncmp (old, start, length) == 0 && old[length] == '\0')
        return;

      g_value_take_string (slot, start != NULL ? g_strndup (start, length) : NULL);
      value_changed (self, index);
      return;
    }

  /* a number into a number (links, as imports set them) */
  if (G_VALUE_TYPE (slot) == G_TYPE_INT64 && G_VALUE_TYPE (value) == G_TYPE_INT64)
    {
      if (g_value_get_int64 (slot) == g_value_get_int64 (value))
        return;

      g_value_set_int64 (slot, g_value_get_int64 (value));
      value_changed (self, index);
      return;
    }

  g_value_init (&normalised, G_VALUE_TYPE (slot));
  g_value_transform (value, &normalised);

  if (G_VALUE_HOLDS_STRING (&normalised) && g_value_get_string (&normalised) != NULL)
    {
      g_autofree char *text = g_strstrip (g_value_dup_string (&normalised));

      g_value_set_string (&normalised, text[0] != '\0' ? text : NULL);
    }

  if (values_equal (slot, &normalised))
    return;

  g_value_copy (&normalised, g_value_reset (slot));
  value_changed (self, index);
}

const char *
ar_record_get_text (ArRecord   *self,
                    const char *name)
{
  int index;

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  index = field_index (self, name);
  if (index < 0 || !G_VALUE_HOLDS_STRING (&ensure_values (self)[index]))
    return NULL;

  return g_value_get_string (&ensure_values (self)[index]);
}

void
ar_record_set_text (ArRecord   *self,
                    const char *name,
                    const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  int index;

  g_return_if_fail (AR_IS_RECORD (self));

  index = field_index (self, name);
  if (index < 0)
    return;

  /* not copied: the value lives only for the call, and imports set
   * text a hundred thousand times */
  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_static_string (&gvalue, value);
  ar_record_set_value (self, index, &gvalue);
}

gint64
ar_record_get_integer (ArRecord   *self,
                       const char *name)
{
  int index;

  g_return_val_if_fail (AR_IS_RECORD (self), 0);

  index = field_index (self, name);
  if (index < 0 || !G_VALUE_HOLDS_INT64 (&ensure_values (self)[index]))
    return 0;

  return g_value_get_int64 (&ensure_values (self)[index]);
}

void
ar_record_set_integer (ArRecord   *self,
                       const char *name,
                       gint64      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  int index;

  g_return_if_fail (AR_IS_RECORD (self));

  index = field_index (self, name);
  if (index < 0)
    return;

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  ar_record_set_value (self, index, &gvalue);
}

gboolean
ar_record_get_boolean (ArRecord   *self,
                       const char *name)
{
  int index;

  g_return_val_if_fail (AR_IS_RECORD (self), FALSE);

  index = field_index (self, name);
  if (index < 0 || !G_VALUE_HOLDS_BOOLEAN (&ensure_values (self)[index]))
    return FALSE;

  return g_value_get_boolean (&ensure_values (self)[index]);
}

void
ar_record_set_boolean (ArRecord   *self,
                       const char *name,
                       gboolean    value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  int index;

  g_return_if_fail (AR_IS_RECORD (self));

  index = field_index (self, name);
  if (index < 0)
    return;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);
  ar_record_set_value (self, index, &gvalue);
}

/**
 * ar_date_is_well_formed:
 *
 * Returns: whether @iso_date has the form YYYY-MM-DD, whether or not
 *   there is such a day (2024-02-30 is well formed, not valid)
 */
gboolean
ar_date_is_well_formed (const char *iso_date)
{
  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;
  if (iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
        return FALSE;
    }

  return TRUE;
}

gboolean
ar_date_is_valid (const char *iso_date)
{
  int year, month, day;

  if (!ar_date_is_well_formed (iso_date))
    return FALSE;
  /* digits where they must be, so read by hand: sscanf() was a tenth of
   * validating a record */
  year = (iso_date[0] - '0') * 1000 + (iso_date[1] - '0') * 100 + (iso_date[2] - '0') * 10 + (iso_date[3] - '0');
  month = (iso_date[5] - '0') * 10 + (iso_date[6] - '0');
  day = (iso_date[8] - '0') * 10 + (iso_date[9] - '0');

  return g_date_valid_dmy (day, month, year);
}

/**
 * ar_date_today:
 *
 * Returns: (transfer full): today's local date as `YYYY-MM-DD`
 */
char *
ar_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * ar_date_format_long:
 * @iso_date: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full): the date for people, "1 September 2026";
 *   anything that is not a date comes back as it was, %NULL as ""
 */
char *
ar_date_format_long (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (!ar_date_is_valid (iso_date))
    return g_strdup (iso_date ? iso_date : "");

  sscanf (iso_date, "%d-%d-%d", &year, &month, &day);
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: the as-at date, see strftime(3): "23 November 2026" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static gboolean
validate_field (ArRecord       *self,
                const ArField  *field,
                const GValue   *value,
                GError        **error)
{
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  const char *problem;
  /* translated only when a message needs it: this runs on every save */
#define label _(field->label)

  /* Whatever path text came in by, it must be able to go out again. */
  if (!ar_text_check (text, -1, &problem))
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                   "%s: %s", label, problem);
      return FALSE;
    }

  if (field->flags & AR_FIELD_FLAG_REQUIRED)
    {
      gboolean missing = G_VALUE_HOLDS_STRING (value) ? text == NULL
                       : field->type == AR_FIELD_LINK ? g_value_get_int64 (value) == 0
                       : FALSE;

      if (missing)
        {
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                       _("%s is required"), label);
          return FALSE;
        }
    }

  switch (field->type)
    {
    case AR_FIELD_DATE:
      if (text != NULL && !ar_dates_check (label, text, error))
        return FALSE;
      break;

    case AR_FIELD_CHOICE:
      if (text != NULL && !g_strv_contains ((const char * const *) field->choices, text))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) field->choices);
          g_autofree char *shown = ar_text_for_message (text);

          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                       _("%s: “%s” is not one of %s"), label, shown, allowed);
          return FALSE;
        }
      break;

    case AR_FIELD_LINK:
      if (g_value_get_int64 (value) < 0)
        {
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                       _("%s: a link cannot be negative"), label);
          return FALSE;
        }
      break;

    case AR_FIELD_TEXT:
    case AR_FIELD_INTEGER:
    case AR_FIELD_BOOLEAN:
    case AR_FIELD_CODE_LINK:
    default:
      break;
    }
#undef label

  return TRUE;
}

/**
 * ar_record_validate:
 *
 * Checks every field on its own (valid text, required, dates, choices)
 * and then the class's own rules (such as end dates after start dates).
 * The message names the field as people know it;
 * ar_record_get_invalid_field() tells which field it was, when one was.
 */
gboolean
ar_record_validate (ArRecord  *self,
                    GError   **error)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  ArRecordClass *klass;
  GValue *values;

  g_return_val_if_fail (AR_IS_RECORD (self), FALSE);

  klass = AR_RECORD_GET_CLASS (self);
  values = ensure_values (self);
  priv->invalid_field = -1;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!validate_field (self, &klass->fields[i], &values[i], error))
        {
          priv->invalid_field = i;
          return FALSE;
        }
    }

  if (klass->validate != NULL && !klass->validate (self, &local_error))
    {
      /* A class's rule about one field says so as "Label: …"; note
       * which, and quote what was typed without control characters. */
      for (guint i = 0; i < klass->n_fields && priv->invalid_field < 0; i++)
        {
          const char *label = _(klass->fields[i].label);
          gsize length = strlen (label);

          if (strncmp (local_error->message, label, length) == 0 && local_error->message[length] == ':')
            priv->invalid_field = i;
        }

      shown = ar_text_for_message (local_error->message);
      g_set_error_literal (error, local_error->domain, local_error->code, shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
value_is_empty (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) == NULL;
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value) == 0;
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return !g_value_get_boolean (value);

  return TRUE;
}

void
ar_field_problem_free (ArFieldProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             int         field,
             const char *message)
{
  ArFieldProblem *problem = g_new0 (ArFieldProblem, 1);

  problem->field = field;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/**
 * ar_record_list_problems:
 *
 * Every problem ar_record_validate() would find, not just the first: each
 * field's own, then the class's rules, each with the field it is about
 * (for a form to mark them all at once).
 *
 * Returns: (transfer full) (element-type ArFieldProblem): the problems,
 *   in field order within each kind; empty when the record is valid
 */
GPtrArray *
ar_record_list_problems (ArRecord *self)
{
  GPtrArray *problems;
  g_autoptr(ArRecord) scratch = NULL;
  ArRecordClass *klass;
  ArRecordPrivate *priv;
  GValue *values;

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_field_problem_free);
  klass = AR_RECORD_GET_CLASS (self);
  values = ensure_values (self);
  scratch = ar_record_copy (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!validate_field (self, &klass->fields[i], &values[i], &error))
        add_problem (problems, i, error->message);
    }

  if (klass->validate == NULL)
    return problems;

  /* a class rule stops at its first fault: clear that field in a scratch
   * copy and ask again, to find the faults after it */
  priv = ar_record_get_instance_private (scratch);
  for (guint round = 0; round <= klass->n_fields; round++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GValue) empty = G_VALUE_INIT;
      int fault;

      priv->invalid_field = -1;
      if (klass->validate (scratch, &error))
        break;

      fault = priv->invalid_field;
      add_problem (problems, fault, error->message);
      /* a rule that clearing the field does not settle is said once */
      if (fault < 0 || value_is_empty (&ensure_values (scratch)[fault]))
        break;

      g_value_init (&empty, G_VALUE_TYPE (&ensure_values (scratch)[fault]));
      ar_record_set_value (scratch, fault, &empty);
    }

  return problems;
}

/**
 * ar_record_field_error:
 * @field: the name of the field at fault
 *
 * For subclasses' validate: sets @error as g_set_error() does and notes
 * which field it is about, for ar_record_list_problems().
 */
void
ar_record_field_error (ArRecord    *self,
                       GError     **error,
                       const char  *field,
                       const char  *format,
                       ...)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);
  va_list args;

  priv->invalid_field = field_index (self, field);

  if (error == NULL)
    return;

  va_start (args, format);
  *error = g_error_new_valist (AR_STORE_ERROR, AR_STORE_ERROR_INVALID, format, args);
  va_end (args);
}

/**
 * ar_record_get_invalid_field:
 *
 * Returns: the index of the field that made the last
 *   ar_record_validate() fail, or -1 when it passed or the rule was about
 *   the record as a whole
 */
int
ar_record_get_invalid_field (ArRecord *self)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);

  g_return_val_if_fail (AR_IS_RECORD (self), -1);

  return priv->invalid_field;
}

/**
 * ar_record_warnings:
 * @store: the register @record is (or will be) saved in
 *
 * Validation refuses what is wrong; warnings name what is allowed but
 * probably a mistake, such as a deployment outside its leader's
 * designation. Callers show them and save anyway. Only classes that set
 * the `warnings` vfunc have any.
 *
 * Returns: (transfer full) (nullable): the warnings, one sentence each,
 *   or %NULL when there are none
 */
char **
ar_record_warnings (ArRecord *self,
                    ArStore  *store)
{
  ArRecordClass *klass;
  char **warnings;

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  klass = AR_RECORD_GET_CLASS (self);
  if (klass->list_warnings != NULL)
    {
      g_autoptr(GPtrArray) list = klass->list_warnings (self, store);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; list != NULL && i < list->len; i++)
        g_strv_builder_add (builder, ((ArFieldProblem *) g_ptr_array_index (list, i))->message);
      warnings = g_strv_builder_end (builder);
    }
  else if (klass->warnings != NULL)
    warnings = klass->warnings (self, store);
  else
    return NULL;

  if (warnings != NULL && warnings[0] == NULL)
    g_clear_pointer (&warnings, g_strfreev);

  return warnings;
}

/**
 * ar_record_list_warnings:
 * @store: the register @record is (or will be) saved in
 *
 * The warnings of ar_record_warnings(), each with the field it is about
 * (-1 for the record as a whole), for a form to show at the field.
 *
 * Returns: (transfer full) (element-type ArFieldProblem): the warnings;
 *   empty when there are none
 */
GPtrArray *
ar_record_list_warnings (ArRecord *self,
                         ArStore  *store)
{
  ArRecordClass *klass;
  GPtrArray *warnings = NULL;

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  klass = AR_RECORD_GET_CLASS (self);
  if (klass->list_warnings != NULL)
    warnings = klass->list_warnings (self, store);
  if (warnings == NULL)
    warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) ar_field_problem_free);

  /* a class that only has sentences: about the record as a whole */
  if (klass->list_warnings == NULL && klass->warnings != NULL)
    {
      g_auto(GStrv) sentences = klass->warnings (self, store);

      for (guint i = 0; sentences != NULL && sentences[i] != NULL; i++)
        add_problem (warnings, -1, sentences[i]);
    }

  return warnings;
}

/**
 * ar_record_add_warning:
 * @warnings: (element-type ArFieldProblem): where to add it
 * @field: (nullable): the name of the field it is about, or %NULL
 *
 * For subclasses' list_warnings: adds a warning at @field.
 */
void
ar_record_add_warning (ArRecord   *self,
                       GPtrArray  *warnings,
                       const char *field,
                       const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (AR_IS_RECORD (self));
  g_return_if_fail (warnings != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (warnings, field != NULL ? field_index (self, field) : -1, message);
}

/**
 * ar_record_copy:
 *
 * Returns: (transfer full): a new record of the same type with the same id
 *   and values, for editing without touching the original
 */
ArRecord *
ar_record_copy (ArRecord *self)
{
  ArRecordClass *klass;
  ArRecord *copy;
  GValue *values;

  g_return_val_if_fail (AR_IS_RECORD (self), NULL);

  klass = AR_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  values = ensure_values (self);
  ar_record_set_id (copy, ar_record_get_id (self));
  for (guint i = 0; i < klass->n_fields; i++)
    ar_record_set_value (copy, i, &values[i]);

  return copy;
}

gboolean
ar_record_equal (ArRecord *a,
                 ArRecord *b)
{
  ArRecordClass *klass;

  g_return_val_if_fail (AR_IS_RECORD (a), FALSE);
  g_return_val_if_fail (AR_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) || ar_record_get_id (a) != ar_record_get_id (b))
    return FALSE;

  klass = AR_RECORD_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!values_equal (ar_record_peek_value (a, i), ar_record_peek_value (b, i)))
        return FALSE;
    }

  return TRUE;
}

static const char *
field_label (ArRecord   *self,
             const char *name)
{
  int index = field_index (self, name);

  return index < 0 ? name : _(AR_RECORD_GET_CLASS (self)->fields[index].label);
}

/**
 * ar_record_check_date_order:
 *
 * For subclasses' validate: fails when both dates are set and the end
 * comes before the start. ISO dates compare as strings.
 */
gboolean
ar_record_check_date_order (ArRecord    *self,
                            const char  *start_field,
                            const char  *end_field,
                            GError     **error)
{
  const char *start = ar_record_get_text (self, start_field);
  const char *end = ar_record_get_text (self, end_field);

  if (start != NULL && end != NULL && strcmp (end, start) < 0)
    {
      ar_record_field_error (self, error, end_field,
                             _("%s (%s) is before %s (%s)"),
                             field_label (self, end_field), end,
                             field_label (self, start_field), start);
      return FALSE;
    }

  return TRUE;
}

/* The store fills thousands of fresh records at once: nobody can be
 * listening yet, so these skip normalising and notification. */
void
ar_record_load_text (ArRecord   *self,
                     guint       index,
                     const char *text)
{
  g_value_set_string (&ensure_values (self)[index], text);
}

/* Makes @self as a record of its class just made: no id, every field
 * empty, nothing worked out. An importer fills one record for each new
 * row this way instead of making and freeing 50,000 objects; no one may
 * watch it. */
void
ar_record_reset (ArRecord *self)
{
  ArRecordPrivate *priv = ar_record_get_instance_private (self);
  ArRecordClass *klass = AR_RECORD_GET_CLASS (self);
  GValue *values = ensure_values (self);

  priv->id = 0;
  priv->invalid_field = -1;
  g_clear_pointer (&priv->search_key, g_free);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (priv->sort_keys != NULL)
        g_clear_pointer (&priv->sort_keys[i], g_free);
      g_value_reset (&values[i]);
    }
}

/* Text into a record no one has seen yet, as ar_record_set_value()
 * would set it (trimmed, blank as none) but with nothing to compare or
 * tell: the JSON reader fills 100,000 records this way. */
void
ar_record_load_trimmed (ArRecord   *self,
                        guint       index,
                        const char *text)
{
  gsize length;
  const char *start = ar_text_trim (text, &length);
  GValue *slot = &ensure_values (self)[index];

  g_value_take_string (slot, start != NULL ? g_strndup (start, length) : NULL);
}

void
ar_record_load_integer (ArRecord *self,
                        guint     index,
                        gint64    value)
{
  GValue *slot = &ensure_values (self)[index];

  if (G_VALUE_HOLDS_BOOLEAN (slot))
    g_value_set_boolean (slot, value != 0);
  else
    g_value_set_int64 (slot, value);
}

/**
 * ar_record_field_equal:
 *
 * Returns: whether two records of the same type hold the same value in
 *   field @index
 */
gboolean
ar_record_field_equal (ArRecord *a,
                       ArRecord *b,
                       guint     index)
{
  g_return_val_if_fail (AR_IS_RECORD (a), FALSE);
  g_return_val_if_fail (AR_IS_RECORD (b), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);

  return values_equal (ar_record_peek_value (a, index), ar_record_peek_value (b, index));
}
