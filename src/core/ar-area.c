/* ar-area.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-area.h"
#include "ar-organisation.h"
#include "ar-school.h"
#include "ar-store.h"
#include "ar-text.h"

/* A local authority area, known by its three-digit DfE code. */
struct _ArArea
{
  ArRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (ArArea, ar_area, AR_TYPE_RECORD)

static const ArField area_fields[] = {
  { "code", N_("Code"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED | AR_FIELD_FLAG_UNIQUE, NULL, NULL },
  { "name", N_("Name"), AR_FIELD_TEXT, AR_FIELD_FLAG_REQUIRED | AR_FIELD_FLAG_UNIQUE, NULL, NULL },
};

static gboolean
ar_area_validate (ArRecord  *record,
                  GError   **error)
{
  const char *code = ar_record_get_text (record, "code");

  if (code != NULL && !ar_text_is_digits (code, 3))
    {
      ar_record_field_error (record, error, "code",
                             _("Code: “%s” is not a three-digit local authority code"), code);
      return FALSE;
    }

  return TRUE;
}

static guint
count_in_area (ArStore *store,
               GType    type,
               gint64   id)
{
  g_autoptr(GListModel) rows = ar_store_list_where (store, type, "area_id", id, NULL);

  return rows ? g_list_model_get_n_items (rows) : 0;
}

/* Deleting an area would quietly take its schools out of every summary:
 * refuse, and say how many are in it. */
static gboolean
ar_area_check_delete (ArRecord  *record,
                      ArStore   *store,
                      GError   **error)
{
  gint64 id = ar_record_get_id (record);
  guint n_schools = count_in_area (store, AR_TYPE_SCHOOL, id);
  guint n_partners = count_in_area (store, AR_TYPE_ORGANISATION, id);
  g_autofree char *name = ar_record_describe (record);
  g_autofree char *schools = NULL;
  g_autofree char *partners = NULL;

  if (n_schools == 0 && n_partners == 0)
    return TRUE;

  schools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school", "%u schools", n_schools), n_schools);
  partners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners", n_partners), n_partners);
  if (n_partners == 0)
    /* TRANSLATORS: “Leicestershire” is not deleted: 12 schools are in it… */
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” is not deleted: %s is in it. Move it to another area first.",
                              "“%s” is not deleted: %s are in it. Move them to another area first.",
                              n_schools),
                 name, schools);
  else if (n_schools == 0)
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” is not deleted: %s is in it. Move it to another area first.",
                              "“%s” is not deleted: %s are in it. Move them to another area first.",
                              n_partners),
                 name, partners);
  else
    /* TRANSLATORS: “Leicestershire” is not deleted: 12 schools and 2 partners are in it… */
    g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_IN_USE,
                 _("“%s” is not deleted: %s and %s are in it. Move them to another area first."),
                 name, schools, partners);

  return FALSE;
}

static void
ar_area_class_init (ArAreaClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "area", N_("Area"),
                                  area_fields, G_N_ELEMENTS (area_fields));
  record_class->validate = ar_area_validate;
  record_class->check_delete = ar_area_check_delete;
}

static void
ar_area_init (ArArea *self)
{
}

ArArea *
ar_area_new (void)
{
  return g_object_new (AR_TYPE_AREA, NULL);
}
