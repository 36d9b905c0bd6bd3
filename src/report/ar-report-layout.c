/* ar-report-layout.c: the summary laid out on pages, for printing and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-report-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-report-layout.h"
#include "ar-text.h"

#define MAX_COLUMNS      5
#define CELL_PADDING     5.0
#define BLOCK_SPACING    5.0
#define ITEM_SPACING     1.5
#define BULLET_INDENT    11.0
#define TITLE_GAP        14.0
#define FOOTER_HEIGHT    18.0
#define BORDER_WIDTH     0.6

static const double column_fractions[MAX_COLUMNS] = { 0.24, 0.20, 0.56 };
/* with a comparison date: two dates and the change take the figure's room
 * and some of the key functions' */
static const double compared_fractions[MAX_COLUMNS] = { 0.19, 0.16, 0.16, 0.11, 0.38 };

/* One line of text in a cell, as Pango broke it. */
typedef struct
{
  PangoLayout *layout;
  int          index;
  double       x;
  double       height;
  double       baseline;
  double       space_before;
  gboolean     bullet;
} Line;

typedef struct
{
  GArray *lines;
} Cell;

typedef struct
{
  Cell     cells[MAX_COLUMNS];
  gboolean header;
} Row;

/* The part of a row on one page: the lines [first, end) of each cell. */
typedef struct
{
  guint  row;
  guint  first[MAX_COLUMNS];
  guint  end[MAX_COLUMNS];
  double y;
  double height;
} Fragment;

struct _ArReportLayout
{
  GObject       parent_instance;

  ArSummary    *summary;
  ArPageSetup   setup;

  GPtrArray    *layouts;
  GArray       *rows;
  GPtrArray    *pages;
  PangoLayout  *heading;
  PangoLayout  *title;
  PangoLayout  *as_at;
  PangoLayout  *bullet;
  PangoLayout  *footer_left;
  double        title_height;
  /* role, one figure or three (two dates and the change), key functions */
  guint         n_columns;
};

G_DEFINE_FINAL_TYPE (ArReportLayout, ar_report_layout, G_TYPE_OBJECT)

void
ar_page_setup_init (ArPageSetup *setup,
                    ArPaper      paper,
                    gboolean     landscape)
{
  double width = paper == AR_PAPER_LETTER ? 612.0 : 595.28;
  double height = paper == AR_PAPER_LETTER ? 792.0 : 841.89;

  g_return_if_fail (setup != NULL);

  setup->width = landscape ? height : width;
  setup->height = landscape ? width : height;
  setup->margin_top = 48.0;
  setup->margin_bottom = 42.0;
  setup->margin_left = 48.0;
  setup->margin_right = 48.0;
}

static double
content_width (ArReportLayout *self)
{
  return self->setup.width - self->setup.margin_left - self->setup.margin_right;
}

static double
column_width (ArReportLayout *self,
              guint           column)
{
  if (self->n_columns > 3)
    return content_width (self) * compared_fractions[column];

  return content_width (self) * column_fractions[column];
}

static double
column_x (ArReportLayout *self,
          guint           column)
{
  double x = self->setup.margin_left;

  for (guint i = 0; i < column; i++)
    x += column_width (self, i);

  return x;
}

static PangoLayout *
new_layout (ArReportLayout *self,
            PangoContext   *context,
            const char     *text,
            const char     *font,
            double          width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);
  /* one noncharacter put cairo in an error state: the rest of the PDF was blank */
  g_autofree char *shown = ar_text_for_layout (text);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, shown, -1);
  pango_font_description_free (description);

  g_ptr_array_add (self->layouts, layout);

  return layout;
}

static void
add_lines (Cell        *cell,
           PangoLayout *layout,
           double       x,
           double       space_before,
           gboolean     bullet)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;

  do
    {
      PangoRectangle logical;
      Line line = { layout, index, x, 0, 0, index == 0 ? space_before : 0, bullet && index == 0 };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.height = pango_units_to_double (logical.height);
      line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      g_array_append_val (cell->lines, line);
      index++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
fill_text_cell (ArReportLayout *self,
                PangoContext   *context,
                Cell           *cell,
                const char     *text,
                const char     *font,
                double          width)
{
  add_lines (cell, new_layout (self, context, text, font, width), 0, 0, FALSE);
}

static void
fill_blocks_cell (ArReportLayout *self,
                  PangoContext   *context,
                  Cell           *cell,
                  GPtrArray      *blocks,
                  double          width)
{
  for (guint b = 0; b < blocks->len; b++)
    {
      ArTextBlock *block = g_ptr_array_index (blocks, b);

      for (guint i = 0; block->items[i] != NULL; i++)
        {
          double space = b == 0 && i == 0 ? 0 : i == 0 ? BLOCK_SPACING : ITEM_SPACING;

          if (block->kind == AR_TEXT_BLOCK_LIST)
            add_lines (cell, new_layout (self, context, block->items[i], "Sans 9", width - BULLET_INDENT),
                       BULLET_INDENT, space, TRUE);
          else
            add_lines (cell, new_layout (self, context, block->items[i], "Sans 9", width), 0, space, FALSE);
        }
    }
}

static double
lines_height (const Cell *cell,
              guint       first,
              guint       end)
{
  double height = 0;

  for (guint i = first; i < end; i++)
    {
      const Line *line = &g_array_index (cell->lines, Line, i);

      height += line->height + (i > first ? line->space_before : 0);
    }

  return height;
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  for (guint c = 0; c < MAX_COLUMNS; c++)
    g_clear_pointer (&row->cells[c].lines, g_array_unref);
}

static void
build_rows (ArReportLayout *self,
            PangoContext   *context)
{
  Row header = { { { NULL } }, TRUE };

  for (guint c = 0; c < self->n_columns; c++)
    header.cells[c].lines = g_array_new (FALSE, FALSE, sizeof (Line));
  fill_text_cell (self, context, &header.cells[0], ar_summary_get_role_heading (self->summary),
                  "Sans Bold 9", column_width (self, 0) - 2 * CELL_PADDING);
  for (guint f = 0; f + 2 < self->n_columns; f++)
    fill_text_cell (self, context, &header.cells[1 + f], ar_summary_get_figure_heading (self->summary, f),
                    "Sans Bold 9", column_width (self, 1 + f) - 2 * CELL_PADDING);
  fill_text_cell (self, context, &header.cells[self->n_columns - 1], ar_summary_get_functions_heading (self->summary),
                  "Sans Bold 9", column_width (self, self->n_columns - 1) - 2 * CELL_PADDING);
  g_array_append_val (self->rows, header);

  for (guint r = 0; r < ar_summary_get_n_rows (self->summary); r++)
    {
      ArSummaryRow *summary_row = ar_summary_get_row (self->summary, r);
      Row row = { { { NULL } }, FALSE };

      for (guint c = 0; c < self->n_columns; c++)
        row.cells[c].lines = g_array_new (FALSE, FALSE, sizeof (Line));
      fill_text_cell (self, context, &row.cells[0], ar_summary_row_get_title (summary_row),
                      "Sans Bold 9", column_width (self, 0) - 2 * CELL_PADDING);
      for (guint f = 0; f + 2 < self->n_columns; f++)
        fill_text_cell (self, context, &row.cells[1 + f], ar_summary_row_get_figure_at (summary_row, f),
                        "Sans 9", column_width (self, 1 + f) - 2 * CELL_PADDING);
      fill_blocks_cell (self, context, &row.cells[self->n_columns - 1], ar_summary_row_get_blocks (summary_row),
                        column_width (self, self->n_columns - 1) - 2 * CELL_PADDING);
      g_array_append_val (self->rows, row);
    }
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return pango_units_to_double (height);
}

static void
build_title (ArReportLayout *self,
             PangoContext   *context)
{
  g_autofree char *as_at = ar_summary_format_date_line (self->summary);
  g_autofree char *footer = g_strdup_printf ("%s · %s", ar_summary_get_title (self->summary), as_at);
  double width = content_width (self);

  self->title_height = 0;
  self->heading = NULL;
  if (ar_summary_get_heading (self->summary) != NULL)
    {
      self->heading = new_layout (self, context, ar_summary_get_heading (self->summary), "Sans Bold 11", width);
      self->title_height += layout_height (self->heading) + 4;
    }
  self->title = new_layout (self, context, ar_summary_get_title (self->summary), "Sans Bold 17", width);
  self->title_height += layout_height (self->title) + 4;
  self->as_at = new_layout (self, context, as_at, "Sans 10", width);
  self->title_height += layout_height (self->as_at) + TITLE_GAP;

  self->bullet = new_layout (self, context, "•", "Sans 9", -1);
  self->footer_left = new_layout (self, context, footer, "Sans 8", width * 0.75);
  pango_layout_set_ellipsize (self->footer_left, PANGO_ELLIPSIZE_END);
}

static double
page_bottom (ArReportLayout *self)
{
  return self->setup.height - self->setup.margin_bottom - FOOTER_HEIGHT;
}

static double
row_height (ArReportLayout *self,
            const Fragment *fragment)
{
  const Row *row = &g_array_index (self->rows, Row, fragment->row);
  double height = 0;

  for (guint c = 0; c < self->n_columns; c++)
    height = MAX (height, lines_height (&row->cells[c], fragment->first[c], fragment->end[c]));

  return height + 2 * CELL_PADDING;
}

static GArray *
start_page (ArReportLayout *self,
            double         *y)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Fragment));
  const Row *header = &g_array_index (self->rows, Row, 0);
  Fragment fragment = { 0 };

  g_ptr_array_add (self->pages, page);
  *y = self->setup.margin_top + (self->pages->len == 1 ? self->title_height : 0);

  /* The header row starts every page. */
  for (guint c = 0; c < self->n_columns; c++)
    fragment.end[c] = header->cells[c].lines->len;
  fragment.y = *y;
  fragment.height = row_height (self, &fragment);
  g_array_append_val (page, fragment);
  *y += fragment.height;

  return page;
}

/**
 * ar_report_layout_paginate:
 * @context: where the text will be drawn: a print context's, or a cairo
 *   context's at 72 dpi for PDF
 *
 * Breaks the summary into pages: a row that does not fit moves to the next
 * page; a row taller than a page is split between lines, each page
 * starting again with the header row.
 */
void
ar_report_layout_paginate (ArReportLayout *self,
                           PangoContext   *context)
{
  GArray *page;
  double y;

  g_return_if_fail (AR_IS_REPORT_LAYOUT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->layouts, 0);

  build_title (self, context);
  build_rows (self, context);
  page = start_page (self, &y);

  for (guint r = 1; r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);
      guint first[MAX_COLUMNS] = { 0 };

      for (;;)
        {
          Fragment fragment = { r };
          double available = page_bottom (self) - y - 2 * CELL_PADDING;
          gboolean page_is_fresh = page->len == 1;
          gboolean whole_row = TRUE;
          gboolean any_line = FALSE;
          gboolean done = TRUE;

          for (guint c = 0; c < self->n_columns; c++)
            {
              fragment.first[c] = first[c];
              fragment.end[c] = row->cells[c].lines->len;
              whole_row = whole_row && first[c] == 0;
            }

          if (row_height (self, &fragment) - 2 * CELL_PADDING <= available)
            {
              fragment.y = y;
              fragment.height = row_height (self, &fragment);
              g_array_append_val (page, fragment);
              y += fragment.height;
              break;
            }

          /* Keep a row whole on the next page when it would fit there. */
          if (whole_row && !page_is_fresh
              && row_height (self, &fragment) <= page_bottom (self) - self->setup.margin_top
                                                 - row_height (self, &g_array_index ((GArray *) page, Fragment, 0)))
            {
              page = start_page (self, &y);
              continue;
            }

          /* Too tall for any page: take what fits of each cell, line by line. */
          for (guint c = 0; c < self->n_columns; c++)
            {
              const Cell *cell = &row->cells[c];
              guint end = first[c];

              while (end < cell->lines->len && lines_height (cell, first[c], end + 1) <= available)
                end++;
              fragment.end[c] = end;
              any_line = any_line || end > first[c];
            }

          if (!any_line && !page_is_fresh)
            {
              page = start_page (self, &y);
              continue;
            }

          /* A single line taller than a whole page still has to go somewhere. */
          if (!any_line)
            {
              for (guint c = 0; c < self->n_columns; c++)
                {
                  if (first[c] < row->cells[c].lines->len)
                    {
                      fragment.end[c] = first[c] + 1;
                      break;
                    }
                }
            }

          fragment.y = y;
          fragment.height = row_height (self, &fragment);
          g_array_append_val (page, fragment);

          for (guint c = 0; c < self->n_columns; c++)
            {
              first[c] = fragment.end[c];
              done = done && first[c] >= row->cells[c].lines->len;
            }
          if (done)
            {
              y += fragment.height;
              break;
            }

          page = start_page (self, &y);
        }
    }
}

guint
ar_report_layout_get_n_pages (ArReportLayout *self)
{
  g_return_val_if_fail (AR_IS_REPORT_LAYOUT (self), 0);

  return self->pages->len;
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_fragment (ArReportLayout *self,
               cairo_t        *cr,
               const Fragment *fragment)
{
  const Row *row = &g_array_index (self->rows, Row, fragment->row);
  double left = self->setup.margin_left;
  double width = content_width (self);

  if (row->header)
    {
      cairo_set_source_rgb (cr, 0.90, 0.91, 0.93);
      cairo_rectangle (cr, left, fragment->y, width, fragment->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      const Cell *cell = &row->cells[c];
      double x = column_x (self, c) + CELL_PADDING;
      double y = fragment->y + CELL_PADDING;

      for (guint i = fragment->first[c]; i < fragment->end[c]; i++)
        {
          const Line *line = &g_array_index (cell->lines, Line, i);

          if (i > fragment->first[c])
            y += line->space_before;
          if (line->bullet)
            {
              cairo_move_to (cr, x + 2, y + line->baseline);
              pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (self->bullet, 0));
            }
          cairo_move_to (cr, x + line->x, y + line->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (line->layout, line->index));
          y += line->height;
        }
    }

  /* Grid: the row's box and the lines between columns. */
  cairo_set_source_rgb (cr, 0.55, 0.57, 0.60);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_rectangle (cr, left, fragment->y, width, fragment->height);
  for (guint c = 1; c < self->n_columns; c++)
    {
      cairo_move_to (cr, column_x (self, c), fragment->y);
      cairo_line_to (cr, column_x (self, c), fragment->y + fragment->height);
    }
  cairo_stroke (cr);
}

/**
 * ar_report_layout_draw_page:
 * @page: any page, in any order (printing may ask for them so)
 *
 * Draws @page of the layout made by the last ar_report_layout_paginate().
 */
void
ar_report_layout_draw_page (ArReportLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *fragments;
  g_autofree char *page_text = NULL;
  PangoLayout *footer_right;
  double y = self->setup.margin_top;
  double footer_y = self->setup.height - self->setup.margin_bottom - layout_height (self->footer_left);
  int footer_width;

  g_return_if_fail (AR_IS_REPORT_LAYOUT (self));
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);

  if (page == 0)
    {
      cairo_set_source_rgb (cr, 0.35, 0.37, 0.40);
      if (self->heading != NULL)
        {
          show_layout_at (cr, self->heading, self->setup.margin_left, y);
          y += layout_height (self->heading) + 4;
        }
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      show_layout_at (cr, self->title, self->setup.margin_left, y);
      y += layout_height (self->title) + 4;
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_layout_at (cr, self->as_at, self->setup.margin_left, y);
    }

  fragments = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < fragments->len; i++)
    draw_fragment (self, cr, &g_array_index (fragments, Fragment, i));

  /* Translators: the footer of each printed page */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  footer_right = pango_layout_copy (self->footer_left);
  pango_layout_set_width (footer_right, -1);
  pango_layout_set_text (footer_right, page_text, -1);
  pango_layout_get_size (footer_right, &footer_width, NULL);

  cairo_set_source_rgb (cr, 0.35, 0.37, 0.40);
  show_layout_at (cr, self->footer_left, self->setup.margin_left, footer_y);
  show_layout_at (cr, footer_right,
                  self->setup.width - self->setup.margin_right - pango_units_to_double (footer_width),
                  footer_y);
  g_object_unref (footer_right);

  cairo_restore (cr);
}

static void
ar_report_layout_finalize (GObject *object)
{
  ArReportLayout *self = AR_REPORT_LAYOUT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (ar_report_layout_parent_class)->finalize (object);
}

static void
ar_report_layout_class_init (ArReportLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_report_layout_finalize;
}

static void
ar_report_layout_init (ArReportLayout *self)
{
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

ArReportLayout *
ar_report_layout_new (ArSummary         *summary,
                      const ArPageSetup *setup)
{
  ArReportLayout *self;

  g_return_val_if_fail (AR_IS_SUMMARY (summary), NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  self = g_object_new (AR_TYPE_REPORT_LAYOUT, NULL);
  self->summary = g_object_ref (summary);
  self->setup = *setup;
  self->n_columns = 2 + ar_summary_get_n_figures (summary);

  return self;
}
