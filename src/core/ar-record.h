/* ar-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ar-types.h"

G_BEGIN_DECLS

/**
 * ArFieldProblem:
 * @field: the index of the field at fault in its class's table, or -1
 *   when no one field is
 * @message: what is wrong, for people
 */
typedef struct
{
  int   field;
  char *message;
} ArFieldProblem;

void ar_field_problem_free (ArFieldProblem *problem);

/**
 * ArField:
 * @name: the JSON member and SQL column, in snake_case (the GObject
 *   property uses the same name with dashes)
 * @label: the name shown to people, untranslated (use with _())
 * @type: what the field holds
 * @flags: required and unique
 * @link_table: for links, the table of the linked record
 * @choices: for choices, a %NULL-terminated list of the allowed values
 *
 * One field of a record. A record class lists its fields once and the
 * store, the JSON reader and writer and the validation all follow that list.
 */
typedef struct
{
  const char         *name;
  const char         *label;
  ArFieldType         type;
  ArFieldFlags        flags;
  const char         *link_table;
  const char * const *choices;
} ArField;

#define AR_TYPE_RECORD (ar_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (ArRecord, ar_record, AR, RECORD, GObject)

struct _ArRecordClass
{
  GObjectClass parent_class;

  /* set by ar_record_class_install_fields() */
  const char    *table;
  const char    *label;
  const ArField *fields;
  guint          n_fields;
  GParamSpec   **field_pspecs;
  GHashTable    *field_indexes;

  /* a short name for the record, for lists, pickers and messages */
  char     *(*describe) (ArRecord  *self);
  /* checks that span fields, after each field was checked on its own */
  gboolean  (*validate) (ArRecord  *self,
                         GError   **error);
  /* refuses a delete that would lose what people rely on (an area that
   * schools are in); called inside the delete's transaction */
  gboolean  (*check_delete) (ArRecord  *self,
                             ArStore   *store,
                             GError   **error);
  /* what is allowed but doubtful, given the register: see ar_record_warnings() */
  char    **(*warnings) (ArRecord  *self,
                         ArStore   *store);
  /* the same, each at the field it is about: see ar_record_list_warnings() */
  GPtrArray *(*list_warnings) (ArRecord  *self,
                               ArStore   *store);

  gpointer padding[5];
};

void            ar_record_class_install_fields (ArRecordClass  *klass,
                                                const char     *table,
                                                const char     *label,
                                                const ArField  *fields,
                                                guint           n_fields);
ArRecordClass  *ar_record_class_for_table      (const char     *table);
const GType    *ar_record_types                (guint          *n_types);
int             ar_record_class_field_index    (ArRecordClass  *klass,
                                                const char     *name);

gint64          ar_record_get_id               (ArRecord       *self);
void            ar_record_set_id               (ArRecord       *self,
                                                gint64          id);
const char     *ar_record_get_table            (ArRecord       *self);
const ArField  *ar_record_get_fields           (ArRecord       *self,
                                                guint          *n_fields);
char           *ar_record_describe             (ArRecord       *self);
const char     *ar_record_get_search_key       (ArRecord       *self);
const char     *ar_record_get_sort_key         (ArRecord       *self,
                                                guint           index);

const char     *ar_record_get_text             (ArRecord       *self,
                                                const char     *name);
void            ar_record_set_text             (ArRecord       *self,
                                                const char     *name,
                                                const char     *value);
gint64          ar_record_get_integer          (ArRecord       *self,
                                                const char     *name);
void            ar_record_set_integer          (ArRecord       *self,
                                                const char     *name,
                                                gint64          value);
gboolean        ar_record_get_boolean          (ArRecord       *self,
                                                const char     *name);
void            ar_record_set_boolean          (ArRecord       *self,
                                                const char     *name,
                                                gboolean        value);

const GValue   *ar_record_peek_value           (ArRecord       *self,
                                                guint           index);
void            ar_record_set_value            (ArRecord       *self,
                                                guint           index,
                                                const GValue   *value);

gboolean        ar_record_validate             (ArRecord       *self,
                                                GError        **error);
int             ar_record_get_invalid_field    (ArRecord       *self);
char          **ar_record_warnings             (ArRecord       *self,
                                                ArStore        *store);
GPtrArray      *ar_record_list_problems        (ArRecord       *self);
GPtrArray      *ar_record_list_warnings        (ArRecord       *self,
                                                ArStore        *store);
void            ar_record_add_warning          (ArRecord       *self,
                                                GPtrArray      *warnings,
                                                const char     *field,
                                                const char     *format,
                                                ...) G_GNUC_PRINTF (4, 5);
void            ar_record_field_error          (ArRecord       *self,
                                                GError        **error,
                                                const char     *field,
                                                const char     *format,
                                                ...) G_GNUC_PRINTF (4, 5);
ArRecord       *ar_record_copy                 (ArRecord       *self);
gboolean        ar_record_equal                (ArRecord       *a,
                                                ArRecord       *b);
gboolean        ar_record_field_equal          (ArRecord       *a,
                                                ArRecord       *b,
                                                guint           index);

gboolean        ar_record_check_date_order     (ArRecord       *self,
                                                const char     *start_field,
                                                const char     *end_field,
                                                GError        **error);

gboolean        ar_date_is_valid               (const char     *iso_date);
gboolean        ar_date_is_well_formed         (const char     *iso_date);
char           *ar_date_today                  (void);
char           *ar_date_format_long            (const char     *iso_date);

G_END_DECLS
