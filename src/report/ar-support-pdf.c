/* ar-support-pdf.c: the support report on paper (PDF)
 *
 * The summary's layout engine splits tall rows between pages; a
 * deployment's row is a few lines at most, so here a row that does not fit
 * simply starts the next page, under the header row again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-support-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ar-support-pdf.h"

#define CELL_PADDING  4.0
#define TITLE_GAP     14.0
#define FOOTER_HEIGHT 18.0
#define BORDER_WIDTH  0.6

static const double column_fractions[AR_SUPPORT_N_COLUMNS] = { 0.22, 0.23, 0.15, 0.19, 0.10, 0.11 };

typedef struct
{
  PangoLayout *cells[AR_SUPPORT_N_COLUMNS];
  double       height;
  gboolean     header;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    g_clear_object (&row->cells[c]);
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            const char   *font,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
column_x (const ArPageSetup *setup,
          guint              column)
{
  double x = setup->margin_left;
  double width = setup->width - setup->margin_left - setup->margin_right;

  for (guint c = 0; c < column; c++)
    x += width * column_fractions[c];

  return x;
}

static void
make_row (Row               *row,
          PangoContext      *context,
          const ArPageSetup *setup,
          const char       **texts,
          gboolean           header)
{
  double width = setup->width - setup->margin_left - setup->margin_right;

  row->header = header;
  row->height = 0;
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      row->cells[c] = new_layout (context, texts[c], header ? "Sans Bold 9" : "Sans 9",
                                  width * column_fractions[c] - 2 * CELL_PADDING);
      row->height = MAX (row->height, layout_height (row->cells[c]));
    }
  row->height += 2 * CELL_PADDING;
}

static void
draw_row (cairo_t           *cr,
          const ArPageSetup *setup,
          const Row         *row,
          double             y)
{
  double left = setup->margin_left;
  double width = setup->width - setup->margin_left - setup->margin_right;

  if (row->header)
    {
      cairo_set_source_rgb (cr, 0.90, 0.91, 0.93);
      cairo_rectangle (cr, left, y, width, row->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      cairo_move_to (cr, column_x (setup, c) + CELL_PADDING, y + CELL_PADDING);
      pango_cairo_show_layout (cr, row->cells[c]);
    }

  cairo_set_source_rgb (cr, 0.55, 0.57, 0.60);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_rectangle (cr, left, y, width, row->height);
  for (guint c = 1; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      cairo_move_to (cr, column_x (setup, c), y);
      cairo_line_to (cr, column_x (setup, c), y + row->height);
    }
  cairo_stroke (cr);
}

static void
draw_footer (ArSupportReport   *report,
             const ArPageSetup *setup,
             cairo_t           *cr,
             PangoContext      *context,
             guint              page,
             guint              n_pages)
{
  double width = setup->width - setup->margin_left - setup->margin_right;
  g_autofree char *left_text = g_strdup_printf ("%s · %s", ar_support_report_get_title (report),
                                                ar_support_report_get_period (report));
  /* Translators: the footer of each printed page */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  g_autoptr(PangoLayout) left = new_layout (context, left_text, "Sans 8", width * 0.75);
  g_autoptr(PangoLayout) right = new_layout (context, page_text, "Sans 8", -1);
  double y = setup->height - setup->margin_bottom - layout_height (left);
  int right_width;

  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (right, &right_width, NULL);
  cairo_set_source_rgb (cr, 0.35, 0.37, 0.40);
  cairo_move_to (cr, setup->margin_left, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, setup->width - setup->margin_right - pango_units_to_double (right_width), y);
  pango_cairo_show_layout (cr, right);
}

/* Lays out and draws every page, calling cairo_show_page() between them;
 * a first pass with @cr NULL only counts the pages. With @only_page, draws
 * that page alone and leaves showing it to the caller (GtkPrintOperation
 * asks for pages one at a time). */
#define DRAWS(cr, only_page, page) ((cr) != NULL && ((only_page) < 0 || (guint) (only_page) == (page)))

static guint
run_pages (ArSupportReport   *report,
           const ArPageSetup *setup,
           cairo_t           *cr,
           PangoContext      *context,
           guint              n_pages,
           int                only_page)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  const char *titles[AR_SUPPORT_N_COLUMNS];
  double width = setup->width - setup->margin_left - setup->margin_right;
  double bottom = setup->height - setup->margin_bottom - FOOTER_HEIGHT;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) period = NULL;
  g_autoptr(PangoLayout) totals = NULL;
  Row header = { { NULL } };
  guint page = 0;
  double y = setup->margin_top;

  g_array_set_clear_func (rows, row_clear);
  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    titles[c] = ar_support_report_get_column_title (report, c);
  make_row (&header, context, setup, titles, TRUE);

  for (guint r = 0; r < ar_support_report_get_n_rows (report); r++)
    {
      const char *cells[AR_SUPPORT_N_COLUMNS];
      Row row = { { NULL } };

      for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
        cells[c] = ar_support_report_get_cell (report, r, c);
      make_row (&row, context, setup, cells, FALSE);
      g_array_append_val (rows, row);
    }

  /* title block, first page only */
  if (ar_support_report_get_heading (report) != NULL)
    heading = new_layout (context, ar_support_report_get_heading (report), "Sans Bold 11", width);
  title = new_layout (context, ar_support_report_get_title (report), "Sans Bold 17", width);
  period = new_layout (context, ar_support_report_get_period (report), "Sans 10", width);
  totals = new_layout (context, ar_support_report_get_totals (report), "Sans Bold 9", width);

  if (cr != NULL)
    cairo_save (cr);
  if (heading != NULL)
    {
      if (DRAWS (cr, only_page, page))
        {
          cairo_set_source_rgb (cr, 0.35, 0.37, 0.40);
          cairo_move_to (cr, setup->margin_left, y);
          pango_cairo_show_layout (cr, heading);
        }
      y += layout_height (heading) + 4;
    }
  if (DRAWS (cr, only_page, page))
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, setup->margin_left, y);
      pango_cairo_show_layout (cr, title);
    }
  y += layout_height (title) + 4;
  if (DRAWS (cr, only_page, page))
    {
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cairo_move_to (cr, setup->margin_left, y);
      pango_cairo_show_layout (cr, period);
    }
  y += layout_height (period) + TITLE_GAP;

  if (DRAWS (cr, only_page, page))
    draw_row (cr, setup, &header, y);
  y += header.height;

  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);

      if (y + row->height > bottom)
        {
          if (DRAWS (cr, only_page, page))
            {
              draw_footer (report, setup, cr, context, page, n_pages);
              if (only_page < 0)
                cairo_show_page (cr);
            }
          page++;
          y = setup->margin_top;
          if (DRAWS (cr, only_page, page))
            draw_row (cr, setup, &header, y);
          y += header.height;
        }
      if (DRAWS (cr, only_page, page))
        draw_row (cr, setup, row, y);
      y += row->height;
    }

  y += 8;
  if (y + layout_height (totals) > bottom)
    {
      if (DRAWS (cr, only_page, page))
        {
          draw_footer (report, setup, cr, context, page, n_pages);
          if (only_page < 0)
                cairo_show_page (cr);
        }
      page++;
      y = setup->margin_top;
    }
  if (DRAWS (cr, only_page, page))
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, setup->margin_left, y);
      pango_cairo_show_layout (cr, totals);
      draw_footer (report, setup, cr, context, page, n_pages);
      if (only_page < 0)
        cairo_show_page (cr);
    }
  if (cr != NULL)
    cairo_restore (cr);

  row_clear (&header);

  return page + 1;
}

/**
 * ar_support_report_draw:
 * @context: a Pango context for @cr (at 72 dpi for PDF)
 *
 * Draws every page of @report on @cr, each ended with cairo_show_page().
 */
void
ar_support_report_draw (ArSupportReport   *report,
                        const ArPageSetup *setup,
                        cairo_t           *cr,
                        PangoContext      *context)
{
  guint n_pages;

  g_return_if_fail (AR_IS_SUPPORT_REPORT (report));

  n_pages = run_pages (report, setup, NULL, context, 0, -1);
  run_pages (report, setup, cr, context, n_pages, -1);
}

/**
 * ar_support_report_count_pages:
 *
 * Returns: how many pages @report takes on @setup's paper
 */
guint
ar_support_report_count_pages (ArSupportReport   *report,
                               const ArPageSetup *setup,
                               PangoContext      *context)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (report), 0);

  return run_pages (report, setup, NULL, context, 0, -1);
}

/**
 * ar_support_report_draw_page:
 * @n_pages: from ar_support_report_count_pages(), for the footers
 * @page: the page to draw, from 0
 *
 * Draws one page on @cr, without showing it: for printing.
 */
void
ar_support_report_draw_page (ArSupportReport   *report,
                             const ArPageSetup *setup,
                             cairo_t           *cr,
                             PangoContext      *context,
                             guint              n_pages,
                             guint              page)
{
  g_return_if_fail (AR_IS_SUPPORT_REPORT (report));

  run_pages (report, setup, cr, context, n_pages, page);
}

static cairo_status_t
append_to_array (void                *user_data,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (user_data, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ar_support_report_write_pdf:
 * @setup: (nullable): paper and margins; %NULL for A4 landscape, which
 *   gives the six columns room
 *
 * Returns: (transfer full): the PDF file's bytes, or %NULL with @error set
 */
GBytes *
ar_support_report_write_pdf (ArSupportReport    *report,
                             const ArPageSetup  *setup,
                             GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  PangoContext *context;
  ArPageSetup landscape;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (AR_IS_SUPPORT_REPORT (report), NULL);

  if (setup == NULL)
    {
      ar_page_setup_init (&landscape, AR_PAPER_A4, TRUE);
      setup = &landscape;
    }

  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, setup->width, setup->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ar_support_report_get_title (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Alliance Register " PACKAGE_VERSION);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);

  ar_support_report_draw (report, setup, cr, context);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
