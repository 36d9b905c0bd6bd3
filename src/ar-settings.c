/* ar-settings.c: the one place the app reads and writes GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-settings"

#include "config.h"

#include "ar-settings.h"

#include <string.h>

#define SCHEMA_ID "io.github.alliance_register.AllianceRegister"

struct _ArSettings
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (ArSettings, ar_settings, G_TYPE_OBJECT)

static void
ar_settings_finalize (GObject *object)
{
  ArSettings *self = AR_SETTINGS (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ar_settings_parent_class)->finalize (object);
}

static void
ar_settings_class_init (ArSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ar_settings_finalize;
}

static void
ar_settings_init (ArSettings *self)
{
  /* The schema ID stays the same for .Devel builds: one set of settings. */
  self->settings = g_settings_new (SCHEMA_ID);
}

ArSettings *
ar_settings_new (void)
{
  return g_object_new (AR_TYPE_SETTINGS, NULL);
}

/**
 * ar_settings_get_gsettings:
 *
 * Returns: (transfer none): for g_settings_bind() of window state
 */
GSettings *
ar_settings_get_gsettings (ArSettings *self)
{
  g_return_val_if_fail (AR_IS_SETTINGS (self), NULL);
  return self->settings;
}

char *
ar_settings_dup_default_area (ArSettings *self)
{
  g_return_val_if_fail (AR_IS_SETTINGS (self), NULL);
  return g_settings_get_string (self->settings, "default-area");
}

void
ar_settings_set_default_area (ArSettings *self,
                              const char *code)
{
  g_return_if_fail (AR_IS_SETTINGS (self));
  g_settings_set_string (self->settings, "default-area", code ? code : "");
}

char *
ar_settings_dup_last_register (ArSettings *self)
{
  g_return_val_if_fail (AR_IS_SETTINGS (self), NULL);
  return g_settings_get_string (self->settings, "last-register");
}

void
ar_settings_set_last_register (ArSettings *self,
                               const char *path)
{
  g_return_if_fail (AR_IS_SETTINGS (self));
  g_settings_set_string (self->settings, "last-register", path ? path : "");
}

char *
ar_settings_dup_summary_heading (ArSettings *self)
{
  g_return_val_if_fail (AR_IS_SETTINGS (self), NULL);
  return g_settings_get_string (self->settings, "summary-heading");
}

void
ar_settings_set_summary_heading (ArSettings *self,
                                 const char *heading)
{
  g_return_if_fail (AR_IS_SETTINGS (self));
  g_settings_set_string (self->settings, "summary-heading", heading ? heading : "");
}

/* Layouts remembered: a coordinator has a handful of spreadsheets, not
 * hundreds, and the oldest are forgotten first */
#define MAX_TABLE_LAYOUTS 50

/**
 * ar_settings_dup_table_columns:
 * @headers_key: from ar_table_import_dup_headers_key()
 *
 * Returns: (transfer full) (nullable): the field each column of a
 *   spreadsheet with these headers was last imported as, "" for a column
 *   left out; %NULL when none was
 */
GStrv
ar_settings_dup_table_columns (ArSettings *self,
                               const char *headers_key)
{
  g_autoptr(GVariant) layouts = NULL;
  g_autoptr(GVariant) fields = NULL;

  g_return_val_if_fail (AR_IS_SETTINGS (self), NULL);
  g_return_val_if_fail (headers_key != NULL, NULL);

  layouts = g_settings_get_value (self->settings, "table-columns");
  fields = g_variant_lookup_value (layouts, headers_key, G_VARIANT_TYPE_STRING_ARRAY);

  return fields ? g_variant_dup_strv (fields, NULL) : NULL;
}

void
ar_settings_set_table_columns (ArSettings         *self,
                               const char         *headers_key,
                               const char * const *fields)
{
  g_autoptr(GVariant) layouts = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  guint kept = 1;

  g_return_if_fail (AR_IS_SETTINGS (self));
  g_return_if_fail (headers_key != NULL && fields != NULL);

  /* this layout first, then the others as they were */
  layouts = g_settings_get_value (self->settings, "table-columns");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_builder_add (&builder, "{s^as}", headers_key, fields);
  g_variant_iter_init (&iter, layouts);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (strcmp (key, headers_key) != 0 && kept < MAX_TABLE_LAYOUTS)
        {
          g_variant_builder_add (&builder, "{s@as}", key, value);
          kept++;
        }
      g_variant_unref (value);
    }

  g_settings_set_value (self->settings, "table-columns", g_variant_builder_end (&builder));
}
