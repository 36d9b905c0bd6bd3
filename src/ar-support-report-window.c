/* ar-support-report-window.c: "Support in <area>" for a date or a period,
 * to print, export or copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-support-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-report.h"
#include "ar-report-output.h"
#include "ar-support-report-window.h"

/* The summary's second report, beside it rather than in it: the same
 * area, its own dates, the same outputs from the same core and layout
 * code as the command line's `report support`. */
struct _ArSupportReportWindow
{
  AdwWindow        parent_instance;

  ArStore         *store;
  ArSupportReport *report;
  GListModel      *areas;

  AdwToastOverlay *toasts;
  GtkDropDown     *area_drop_down;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkLabel        *problem_label;
  GtkLabel        *title_label;
  GtkLabel        *period_label;
  GtkGrid         *grid;
  GtkLabel        *totals_label;
};

G_DEFINE_FINAL_TYPE (ArSupportReportWindow, ar_support_report_window, ADW_TYPE_WINDOW)

static void
update_actions (ArSupportReportWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->report != NULL;

  gtk_widget_action_set_enabled (widget, "report.copy", ready);
  gtk_widget_action_set_enabled (widget, "report.export", ready);
  gtk_widget_action_set_enabled (widget, "report.export-to", ready);
  gtk_widget_action_set_enabled (widget, "report.print", ready);
  gtk_widget_action_set_enabled (widget, "report.print-to-file", ready);
}

static void
show_report (ArSupportReportWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  gtk_label_set_text (self->title_label, ar_support_report_get_title (self->report));
  gtk_label_set_text (self->period_label, ar_support_report_get_period (self->report));
  gtk_label_set_text (self->totals_label, ar_support_report_get_totals (self->report));

  for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
    {
      GtkWidget *label = gtk_label_new (ar_support_report_get_column_title (self->report, c));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->grid, label, c, 0, 1, 1);
    }
  for (guint r = 0; r < ar_support_report_get_n_rows (self->report); r++)
    for (guint c = 0; c < AR_SUPPORT_N_COLUMNS; c++)
      {
        GtkWidget *label = gtk_label_new (ar_support_report_get_cell (self->report, r, c));

        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_yalign (GTK_LABEL (label), 0);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
        gtk_label_set_selectable (GTK_LABEL (label), TRUE);
        gtk_grid_attach (self->grid, label, c, r + 1, 1, 1);
      }
}

static const char *
selected_area_code (ArSupportReportWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_drop_down);
  g_autoptr(ArRecord) area = NULL;

  if (self->areas == NULL || selected >= g_list_model_get_n_items (self->areas))
    return NULL;

  area = g_list_model_get_item (self->areas, selected);
  /* the record stays in the list, which holds it */
  return ar_record_get_text (area, "code");
}

/* A date half typed keeps the last good report in view, and says why. */
static void
recompute (ArSupportReportWindow *self)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  const char *area = selected_area_code (self);
  g_autofree char *today = ar_date_today ();
  g_autoptr(ArSupportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || area == NULL)
    return;

  if (from[0] != '\0' && !ar_date_is_valid (from))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is not a date in the form YYYY-MM-DD"), from);
  else if (to[0] != '\0' && !ar_date_is_valid (to))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is not a date in the form YYYY-MM-DD"), to);
  else
    {
      const char *first = from[0] ? from : today;
      const char *last = to[0] ? to : first;

      if (strcmp (last, first) < 0)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The period ends before it starts"));
      else
        report = ar_support_report_compute (self->store, area, first, last, &error);
    }

  gtk_label_set_text (self->problem_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  if (report == NULL)
    {
      g_clear_object (&self->report);
      update_actions (self);
      return;
    }

  g_set_object (&self->report, report);
  show_report (self);
  update_actions (self);
}

static void
on_controls_changed (ArSupportReportWindow *self)
{
  recompute (self);
}

static AdwToast *
toast (ArSupportReportWindow *self,
       const char            *title)
{
  AdwToast *shown = adw_toast_new (title);

  adw_toast_overlay_add_toast (self->toasts, shown);
  return shown;
}

static gboolean
export_to_file (GtkWidget        *widget,
                ArSummaryFormat   format,
                GFile            *file,
                GError          **error)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->report == NULL)
    return TRUE;

  bytes = ar_report_write_support (self->report, format, error);
  if (bytes == NULL
      || !ar_output_file_replace (file, bytes, ar_store_get_path (self->store), NULL, error))
    return FALSE;

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast (self, title);

  return TRUE;
}

static void
show_error (GtkWidget  *widget,
            const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (widget), _("Could Not Export"), message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (widget);
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;

  text = ar_support_report_to_text (self->report);
  ar_report_output_copy (widget, ar_support_report_to_html (self->report), text);
  toast (self, _("Copied the table, ready to paste"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (widget);
  ArSummaryFormat format;

  if (self->report == NULL || !ar_summary_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  ar_report_output_choose_export (widget, _("Export Support Report"), ar_support_report_get_title (self->report),
                                  format, export_to_file, show_error);
}

/* The same without a file chooser, for tests and scripts: (format, path). */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (widget);

  if (self->report != NULL)
    ar_report_output_export_to (widget, parameter, export_to_file, show_error);
}

typedef struct
{
  ArSupportReport *report;
  ArPageSetup      setup;
  guint            n_pages;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_object_unref (job->report);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  /* the print context's origin is already inside the margins */
  memset (&job->setup, 0, sizeof job->setup);
  job->setup.width = gtk_print_context_get_width (context);
  job->setup.height = gtk_print_context_get_height (context);
  job->n_pages = ar_support_report_count_pages (job->report, &job->setup, pango_context);
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, job->n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  ar_support_report_draw_page (job->report, &job->setup, gtk_print_context_get_cairo_context (context),
                               pango_context, job->n_pages, page);
  g_object_unref (pango_context);
}

/* A4 landscape, which gives the six columns room, as the PDF export. */
static gboolean
print_report (ArSupportReportWindow  *self,
              const char             *export_path,
              GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = ar_report_output_page_setup (GTK_PAGE_ORIENTATION_LANDSCAPE, 36, 36, 42, 42);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->report = g_object_ref (self->report);
  g_object_set_data_full (G_OBJECT (operation), "ar-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);

  return ar_report_output_print (GTK_WINDOW (self), operation, ar_support_report_get_title (self->report),
                                 page_setup, export_path, ar_store_get_path (self->store), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->report != NULL && !print_report (self, NULL, &error))
    show_error (widget, error->message);
}

/* For tests and scripts: print to a PDF file with no dialog. */
static void
print_to_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->report != NULL && !print_report (self, g_variant_get_string (parameter, NULL), &error))
    show_error (widget, error->message);
}

static void
ar_support_report_window_dispose (GObject *object)
{
  ArSupportReportWindow *self = AR_SUPPORT_REPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->report);
  g_clear_object (&self->areas);

  G_OBJECT_CLASS (ar_support_report_window_parent_class)->dispose (object);
}

static void
ar_support_report_window_class_init (ArSupportReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_support_report_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-support-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, period_label);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, ArSupportReportWindow, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, on_controls_changed);

  gtk_widget_class_install_action (widget_class, "report.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "report.export-to", "(ss)", export_to_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.print-to-file", "s", print_to_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ar_support_report_window_init (ArSupportReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * ar_support_report_window_new:
 * @area_code: (nullable): the area to show first, as the summary has it
 */
ArSupportReportWindow *
ar_support_report_window_new (GtkWindow  *parent,
                              ArStore    *store,
                              const char *area_code)
{
  ArSupportReportWindow *self = g_object_new (AR_TYPE_SUPPORT_REPORT_WINDOW,
                                              "transient-for", parent,
                                              "modal", TRUE,
                                              NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->areas = ar_store_list (store, AR_TYPE_AREA, NULL);
  for (guint i = 0; self->areas != NULL && i < g_list_model_get_n_items (self->areas); i++)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (self->areas, i);

      gtk_string_list_append (names, ar_record_get_text (area, "name"));
      if (g_strcmp0 (ar_record_get_text (area, "code"), area_code) == 0)
        selected = i;
    }
  g_signal_handlers_block_by_func (self->area_drop_down, on_controls_changed, self);
  gtk_drop_down_set_model (self->area_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->area_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->area_drop_down, on_controls_changed, self);
  recompute (self);

  return self;
}

/**
 * ar_support_report_window_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown, if the dates read
 */
ArSupportReport *
ar_support_report_window_get_report (ArSupportReportWindow *self)
{
  g_return_val_if_fail (AR_IS_SUPPORT_REPORT_WINDOW (self), NULL);
  return self->report;
}

/**
 * ar_support_report_window_set_period:
 * @from: (nullable): the first day, or the one day; %NULL for today
 * @to: (nullable): the last day, %NULL for the same as @from
 */
void
ar_support_report_window_set_period (ArSupportReportWindow *self,
                                     const char            *from,
                                     const char            *to)
{
  g_return_if_fail (AR_IS_SUPPORT_REPORT_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
}
