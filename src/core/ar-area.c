/* ar-area.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-area.h"
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
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_INVALID,
                   _("Code: “%s” is not a three-digit local authority code"), code);
      return FALSE;
    }

  return TRUE;
}

static void
ar_area_class_init (ArAreaClass *klass)
{
  ArRecordClass *record_class = AR_RECORD_CLASS (klass);

  ar_record_class_install_fields (record_class, "area", N_("Area"),
                                  area_fields, G_N_ELEMENTS (area_fields));
  record_class->validate = ar_area_validate;
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
