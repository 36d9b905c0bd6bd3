/* ar-summary-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-summary-row"

#include "config.h"

#include "ar-rich-text.h"
#include "ar-summary-row.h"

/* One role's line of the summary: what every output shows for it. */
struct _ArSummaryRow
{
  GObject    parent_instance;

  char      *code;
  char      *title;
  char      *figure;
  gint64     count;
  gint64     school_count;
  char      *key_functions;
  GPtrArray *blocks;

  /* with a comparison date: the figure on that date, the change from the
   * earlier date to the later, and whether the comparison date is the
   * earlier one (its column comes first) */
  char      *compare_figure;
  gint64     compare_count;
  char      *change;
  gboolean   compare_first;
};

G_DEFINE_FINAL_TYPE (ArSummaryRow, ar_summary_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_FIGURE,
  PROP_COUNT,
  PROP_KEY_FUNCTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ar_summary_row_finalize (GObject *object)
{
  ArSummaryRow *self = AR_SUMMARY_ROW (object);

  g_free (self->code);
  g_free (self->title);
  g_free (self->figure);
  g_free (self->key_functions);
  g_free (self->compare_figure);
  g_free (self->change);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (ar_summary_row_parent_class)->finalize (object);
}

static void
ar_summary_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ArSummaryRow *self = AR_SUMMARY_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_KEY_FUNCTIONS:
      g_value_set_string (value, self->key_functions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_summary_row_class_init (ArSummaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_summary_row_finalize;
  object_class->get_property = ar_summary_row_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KEY_FUNCTIONS] =
    g_param_spec_string ("key-functions", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ar_summary_row_init (ArSummaryRow *self)
{
}

/**
 * ar_summary_row_new:
 * @figure: the number as shown, such as "17" or "9 MATs sponsoring 33
 *   Leicestershire schools", or the role's no-records text
 * @count: how many records the role has on the date
 * @school_count: for trusts, the schools they hold in the area; else 0
 */
ArSummaryRow *
ar_summary_row_new (const char *code,
                    const char *title,
                    const char *figure,
                    gint64      count,
                    gint64      school_count,
                    const char *key_functions)
{
  ArSummaryRow *self = g_object_new (AR_TYPE_SUMMARY_ROW, NULL);

  self->code = g_strdup (code);
  self->title = g_strdup (title);
  self->figure = g_strdup (figure);
  self->count = count;
  self->school_count = school_count;
  self->key_functions = g_strdup (key_functions);
  self->blocks = ar_rich_text_parse (key_functions);

  return self;
}

const char *
ar_summary_row_get_code (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->code;
}

const char *
ar_summary_row_get_title (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->title;
}

const char *
ar_summary_row_get_figure (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->figure;
}

gint64
ar_summary_row_get_count (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), 0);
  return self->count;
}

gint64
ar_summary_row_get_school_count (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), 0);
  return self->school_count;
}

gboolean
ar_summary_row_get_has_records (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), FALSE);
  return self->count > 0;
}

const char *
ar_summary_row_get_key_functions (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->key_functions;
}

/**
 * ar_summary_row_get_blocks:
 *
 * Returns: (transfer none) (element-type ArTextBlock): the key functions
 *   as paragraphs and lists
 */
GPtrArray *
ar_summary_row_get_blocks (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->blocks;
}

/**
 * ar_summary_row_set_comparison:
 * @compare_figure: the figure on the comparison date, as shown
 * @compare_count: how many records the role has on the comparison date
 * @change: the change from the earlier date to the later, as shown
 *   ("+3", "−1", "no change", or the role's no-records text)
 * @compare_first: whether the comparison date is the earlier of the two
 */
void
ar_summary_row_set_comparison (ArSummaryRow *self,
                               const char   *compare_figure,
                               gint64        compare_count,
                               const char   *change,
                               gboolean      compare_first)
{
  g_return_if_fail (AR_IS_SUMMARY_ROW (self));

  g_free (self->compare_figure);
  g_free (self->change);
  self->compare_figure = g_strdup (compare_figure);
  self->compare_count = compare_count;
  self->change = g_strdup (change);
  self->compare_first = compare_first;
}

/**
 * ar_summary_row_get_compare_figure:
 *
 * Returns: (nullable): the figure on the comparison date, or %NULL if the
 *   summary has none
 */
const char *
ar_summary_row_get_compare_figure (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->compare_figure;
}

gint64
ar_summary_row_get_compare_count (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), 0);
  return self->compare_count;
}

/**
 * ar_summary_row_get_change:
 *
 * Returns: (nullable): the change from the earlier date to the later, or
 *   %NULL if the summary has no comparison date
 */
const char *
ar_summary_row_get_change (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  return self->change;
}

/**
 * ar_summary_row_get_n_figures:
 *
 * Returns: the figure columns every output shows: 1, or 3 with a
 *   comparison date (earlier date, later date, change)
 */
guint
ar_summary_row_get_n_figures (ArSummaryRow *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), 1);
  return self->change != NULL ? 3 : 1;
}

/**
 * ar_summary_row_get_figure_at:
 * @column: less than ar_summary_row_get_n_figures()
 *
 * Returns: the figure column @column as shown, in date order
 */
const char *
ar_summary_row_get_figure_at (ArSummaryRow *self,
                              guint         column)
{
  g_return_val_if_fail (AR_IS_SUMMARY_ROW (self), NULL);
  g_return_val_if_fail (column < ar_summary_row_get_n_figures (self), NULL);

  if (self->change == NULL)
    return self->figure;

  switch (column)
    {
    case 0:
      return self->compare_first ? self->compare_figure : self->figure;
    case 1:
      return self->compare_first ? self->figure : self->compare_figure;
    default:
      return self->change;
    }
}
