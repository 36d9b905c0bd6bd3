/* ar-summary-page.c: the summary for an area and a date, to print or export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-summary-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ar-report.h"
#include "ar-report-output.h"
#include "ar-role-dialog.h"
#include "ar-summary-page.h"
#include "ar-summary-print.h"

struct _ArSummaryPage
{
  AdwBin               parent_instance;

  ArStore             *store;
  ArSummary           *summary;
  GListModel          *areas;
  char                *preferred_area;
  guint                refresh_source;
  /* the register changed while the page was out of sight */
  gboolean             stale;
  /* whether the as-at date reads; if not, the preview keeps the last good
   * summary and nothing leaves the page */
  gboolean             date_ok;
  AdwToast            *last_toast;

  GtkButton           *sidebar_button;
  GtkDropDown         *area_drop_down;
  GtkEntry            *as_at_entry;
  GtkCalendar         *calendar;
  GtkEntry            *heading_entry;
  GtkLabel            *problem_label;
  GtkCheckButton      *compare_check;
  GtkEntry            *compare_entry;
  GtkCalendar         *compare_calendar;
  GtkLabel            *compare_problem_label;
  GtkMenuButton       *export_button;
  GtkLabel            *heading_label;
  GtkLabel            *title_label;
  GtkLabel            *as_at_label;
  GtkGrid             *table;
  AdwPreferencesGroup *roles_group;
  GtkStack            *stack;
};

G_DEFINE_FINAL_TYPE (ArSummaryPage, ar_summary_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPLAIN_CHANGES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
cell_label (const char *text,
            gboolean    bold,
            int         width_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* narrow role and number columns leave the width to the key functions */
  gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (width_chars, 7));
  if (bold)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static GtkWidget *
functions_cell (ArSummaryRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GPtrArray *blocks = ar_summary_row_get_blocks (row);

  for (guint b = 0; b < blocks->len; b++)
    {
      ArTextBlock *block = g_ptr_array_index (blocks, b);

      for (guint i = 0; block->items[i] != NULL; i++)
        {
          g_autofree char *text = block->kind == AR_TEXT_BLOCK_LIST
                                  ? g_strdup_printf ("•  %s", block->items[i])
                                  : g_strdup (block->items[i]);
          GtkWidget *label = cell_label (text, FALSE, 70);

          if (block->kind == AR_TEXT_BLOCK_LIST)
            gtk_widget_set_margin_start (label, 12);
          gtk_box_append (GTK_BOX (box), label);
        }
    }

  return box;
}

static void
attach_cell (ArSummaryPage *self,
             GtkWidget     *child,
             int            column,
             int            row,
             gboolean       header)
{
  gtk_widget_add_css_class (child, "summary-cell");
  if (header)
    gtk_widget_add_css_class (child, "summary-header");
  /* five columns must still fit a phone: narrower at their narrowest */
  if (ar_summary_get_n_figures (self->summary) > 1)
    {
      gtk_widget_add_css_class (child, "summary-compared");
      if (GTK_IS_LABEL (child))
        gtk_label_set_width_chars (GTK_LABEL (child), 4);
      for (GtkWidget *each = gtk_widget_get_first_child (child); each != NULL; each = gtk_widget_get_next_sibling (each))
        if (GTK_IS_LABEL (each))
          gtk_label_set_width_chars (GTK_LABEL (each), 4);
    }
  /* the key functions, last, take the width */
  gtk_widget_set_hexpand (child, column == 1 + (int) ar_summary_get_n_figures (self->summary));
  gtk_grid_attach (self->table, child, column, row, 1, 1);
}

static void
show_summary (ArSummaryPage *self)
{
  g_autofree char *as_at = NULL;
  GtkWidget *child;
  guint n_figures;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  if (self->summary == NULL)
    return;

  as_at = ar_summary_format_date_line (self->summary);
  n_figures = ar_summary_get_n_figures (self->summary);
  gtk_label_set_text (self->heading_label, ar_summary_get_heading (self->summary));
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), ar_summary_get_heading (self->summary) != NULL);
  gtk_label_set_text (self->title_label, ar_summary_get_title (self->summary));
  gtk_label_set_text (self->as_at_label, as_at);

  attach_cell (self, cell_label (ar_summary_get_role_heading (self->summary), TRUE, 18), 0, 0, TRUE);
  for (guint f = 0; f < n_figures; f++)
    attach_cell (self, cell_label (ar_summary_get_figure_heading (self->summary, f), TRUE, 16), 1 + f, 0, TRUE);
  attach_cell (self, cell_label (ar_summary_get_functions_heading (self->summary), TRUE, 70), 1 + n_figures, 0, TRUE);

  for (guint i = 0; i < ar_summary_get_n_rows (self->summary); i++)
    {
      ArSummaryRow *row = ar_summary_get_row (self->summary, i);

      attach_cell (self, cell_label (ar_summary_row_get_title (row), TRUE, 18), 0, i + 1, FALSE);
      for (guint f = 0; f < n_figures; f++)
        attach_cell (self, cell_label (ar_summary_row_get_figure_at (row, f), FALSE, 16), 1 + f, i + 1, FALSE);
      attach_cell (self, functions_cell (row), 1 + n_figures, i + 1, FALSE);
    }
}

static void
on_role_included (GtkSwitch     *toggle,
                  GParamSpec    *pspec,
                  ArSummaryPage *self)
{
  ArRecord *role = g_object_get_data (G_OBJECT (toggle), "ar-role");
  g_autoptr(GError) error = NULL;

  ar_record_set_boolean (role, "in_summary", gtk_switch_get_active (toggle));
  ar_store_save (self->store, role, &error);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  gint64 pa = ar_record_get_integer (*(ArRecord **) a, "position");
  gint64 pb = ar_record_get_integer (*(ArRecord **) b, "position");

  return pa < pb ? -1 : pa > pb;
}

typedef struct
{
  ArRecord *role;
  int       step;
} MoveRole;

static gboolean
move_role_func (ArStore   *store,
                gpointer   data,
                GError   **error)
{
  MoveRole *move = data;
  g_autoptr(GListModel) roles = ar_store_list (store, AR_TYPE_ROLE, error);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  guint from = 0;

  if (roles == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    g_ptr_array_add (ordered, g_list_model_get_item (roles, i));
  g_ptr_array_sort (ordered, compare_positions);

  for (guint i = 0; i < ordered->len; i++)
    if (ar_record_get_id (g_ptr_array_index (ordered, i)) == ar_record_get_id (move->role))
      from = i;

  if ((int) from + move->step < 0 || from + move->step >= ordered->len)
    return TRUE;

  {
    gpointer swap = ordered->pdata[from];
    ordered->pdata[from] = ordered->pdata[from + move->step];
    ordered->pdata[from + move->step] = swap;
  }

  for (guint i = 0; i < ordered->len; i++)
    {
      ArRecord *each = g_ptr_array_index (ordered, i);

      if (ar_record_get_integer (each, "position") != (gint64) i + 1)
        {
          ar_record_set_integer (each, "position", i + 1);
          if (!ar_store_save (store, each, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* One transaction, so one Undo puts the order back. */
static void
move_role (ArSummaryPage *self,
           ArRecord      *role,
           int            step)
{
  MoveRole move = { role, step };
  g_autoptr(GError) error = NULL;

  if (!ar_store_write (self->store, move_role_func, &move, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
}

static void
on_role_up (GtkButton     *button,
            ArSummaryPage *self)
{
  move_role (self, g_object_get_data (G_OBJECT (button), "ar-role"), -1);
}

static void
on_role_down (GtkButton     *button,
              ArSummaryPage *self)
{
  move_role (self, g_object_get_data (G_OBJECT (button), "ar-role"), 1);
}

static ArRecord *
find_role (ArSummaryPage *self,
           const char    *code)
{
  g_autoptr(GListModel) roles = self->store ? ar_store_list (self->store, AR_TYPE_ROLE, NULL) : NULL;

  for (guint i = 0; roles && i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(ArRecord) role = g_list_model_get_item (roles, i);

      if (g_strcmp0 (ar_record_get_text (role, "code"), code) == 0)
        return g_steal_pointer (&role);
    }

  return NULL;
}

static void
edit_role_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  g_autoptr(ArRecord) role = find_role (self, g_variant_get_string (parameter, NULL));
  ArRoleDialog *dialog;

  if (role == NULL)
    return;

  dialog = ar_role_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, role);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_role_edit (GtkButton     *button,
              ArSummaryPage *self)
{
  ArRecord *role = g_object_get_data (G_OBJECT (button), "ar-role");

  gtk_widget_activate_action (GTK_WIDGET (self), "summary.edit-role", "s", ar_record_get_text (role, "code"));
}

static GtkWidget *
role_button (const char    *icon,
             const char    *tooltip,
             ArRecord      *role,
             GCallback      callback,
             ArSummaryPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "ar-role", g_object_ref (role), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static void
show_roles (ArSummaryPage *self)
{
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *row;

  while ((row = g_object_get_data (G_OBJECT (self->roles_group), "ar-first-row")) != NULL)
    {
      GtkWidget *next = g_object_get_data (G_OBJECT (row), "ar-next-row");

      adw_preferences_group_remove (self->roles_group, row);
      g_object_set_data (G_OBJECT (self->roles_group), "ar-first-row", next);
    }

  if (self->store == NULL)
    return;

  roles = ar_store_list (self->store, AR_TYPE_ROLE, NULL);
  for (guint i = 0; roles && i < g_list_model_get_n_items (roles); i++)
    g_ptr_array_add (ordered, g_list_model_get_item (roles, i));
  g_ptr_array_sort (ordered, compare_positions);

  row = NULL;
  for (guint i = ordered->len; i > 0; i--)
    {
      ArRecord *role = g_ptr_array_index (ordered, i - 1);
      GtkWidget *new_row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *title = ar_record_describe (role);
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_row), escaped);
      adw_action_row_add_suffix (ADW_ACTION_ROW (new_row),
                                 role_button ("document-edit-symbolic", _("Edit Title and Key Functions"), role,
                                              G_CALLBACK (on_role_edit), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (new_row),
                                 role_button ("go-up-symbolic", _("Move Up"), role, G_CALLBACK (on_role_up), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (new_row),
                                 role_button ("go-down-symbolic", _("Move Down"), role, G_CALLBACK (on_role_down), self));
      gtk_switch_set_active (GTK_SWITCH (toggle), ar_record_get_boolean (role, "in_summary"));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("Show in the summary"));
      g_object_set_data_full (G_OBJECT (toggle), "ar-role", g_object_ref (role), g_object_unref);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_role_included), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (new_row), toggle);

      g_object_set_data (G_OBJECT (new_row), "ar-next-row", row);
      row = new_row;
    }

  g_object_set_data (G_OBJECT (self->roles_group), "ar-first-row", row);
  for (GtkWidget *each = row; each != NULL; each = g_object_get_data (G_OBJECT (each), "ar-next-row"))
    adw_preferences_group_add (self->roles_group, each);
}

static const char *
selected_area_code (ArSummaryPage *self)
{
  ArRecord *area = gtk_drop_down_get_selected_item (self->area_drop_down);

  return area ? ar_record_get_text (area, "code") : NULL;
}

static void
set_date_ok (ArSummaryPage *self,
             gboolean       date_ok)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->date_ok = date_ok;
  gtk_widget_action_set_enabled (widget, "summary.copy", date_ok && self->summary != NULL);
  gtk_widget_action_set_enabled (widget, "summary.export", date_ok && self->summary != NULL);
  gtk_widget_action_set_enabled (widget, "summary.export-to", date_ok && self->summary != NULL);
  gtk_widget_action_set_enabled (widget, "summary.print", date_ok && self->summary != NULL);
  gtk_widget_action_set_enabled (widget, "summary.print-to-file", date_ok && self->summary != NULL);
  /* the menu's items follow the action; the button that opens it too */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), date_ok && self->summary != NULL);
}

/* The comparison date, if on: %NULL when off or when it does not read,
 * which is marked at its field. */
static const char *
check_compare_to (ArSummaryPage *self,
                  gboolean      *ok)
{
  const char *compare_to = gtk_editable_get_text (GTK_EDITABLE (self->compare_entry));
  g_autofree char *problem = NULL;

  *ok = TRUE;
  if (gtk_check_button_get_active (self->compare_check) && !ar_date_is_valid (compare_to))
    {
      *ok = FALSE;
      problem = compare_to[0] == '\0'
                ? g_strdup (_("Enter a date to compare with, in the form YYYY-MM-DD"))
                : g_strdup_printf (_("“%s” is not a date in the form YYYY-MM-DD"), compare_to);
    }

  gtk_label_set_text (self->compare_problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->compare_problem_label), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->compare_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->compare_entry), "error");

  return *ok && gtk_check_button_get_active (self->compare_check) ? compare_to : NULL;
}

static void
recompute (ArSummaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArSummary) summary = NULL;
  const char *as_at = gtk_editable_get_text (GTK_EDITABLE (self->as_at_entry));
  const char *area = selected_area_code (self);
  gboolean compare_ok;
  const char *compare_to = check_compare_to (self, &compare_ok);

  if (self->store == NULL || area == NULL)
    {
      g_clear_object (&self->summary);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_date_ok (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
      return;
    }

  summary = ar_summary_compute_compared (self->store, area, as_at[0] ? as_at : NULL, compare_to, &error);
  gtk_label_set_text (self->problem_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->as_at_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->as_at_entry), "error");

  /* a date half typed keeps the last good table in view */
  if (summary == NULL || !compare_ok)
    {
      set_date_ok (self, FALSE);
      return;
    }

  g_set_object (&self->summary, summary);
  ar_summary_set_heading (self->summary, gtk_editable_get_text (GTK_EDITABLE (self->heading_entry)));
  gtk_stack_set_visible_child_name (self->stack, "summary");
  show_summary (self);
  set_date_ok (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
on_controls_changed (ArSummaryPage *self)
{
  recompute (self);
}

static void
on_day_selected (ArSummaryPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->as_at_entry), iso);
}

static void
on_compare_day_selected (ArSummaryPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->compare_calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->compare_entry), iso);
}

static void
on_compare_toggled (ArSummaryPage *self)
{
  const char *as_at = gtk_editable_get_text (GTK_EDITABLE (self->as_at_entry));

  /* a first guess to change: the start of the as-at date's academic year */
  if (gtk_check_button_get_active (self->compare_check)
      && gtk_editable_get_text (GTK_EDITABLE (self->compare_entry))[0] == '\0')
    {
      g_autofree char *today = ar_date_today ();
      g_autofree char *start = ar_deployment_academic_year_start (ar_date_is_valid (as_at) ? as_at : today);

      g_signal_handlers_block_by_func (self->compare_entry, on_controls_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->compare_entry), start);
      g_signal_handlers_unblock_by_func (self->compare_entry, on_controls_changed, self);
    }

  recompute (self);
}

/* The changes between the two dates, earlier first, for the History page */
static void
explain_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  const char *as_at = gtk_editable_get_text (GTK_EDITABLE (self->as_at_entry));
  const char *compare_to = gtk_editable_get_text (GTK_EDITABLE (self->compare_entry));
  g_autofree char *today = ar_date_today ();
  const char *from;
  const char *to;

  if (!gtk_check_button_get_active (self->compare_check) || !ar_date_is_valid (compare_to))
    return;
  if (!ar_date_is_valid (as_at))
    as_at = today;

  from = strcmp (compare_to, as_at) <= 0 ? compare_to : as_at;
  to = from == compare_to ? as_at : compare_to;
  g_signal_emit (self, signals[EXPLAIN_CHANGES], 0, from, to);
}

static void
reload_areas (ArSummaryPage *self)
{
  const char *current = selected_area_code (self);
  g_autofree char *keep = g_strdup (current ? current : self->preferred_area);
  GtkExpression *expression = gtk_property_expression_new (AR_TYPE_RECORD, NULL, "label");
  guint selected = 0;

  g_clear_object (&self->areas);
  if (self->store != NULL)
    self->areas = ar_store_list (self->store, AR_TYPE_AREA, NULL);

  for (guint i = 0; self->areas && i < g_list_model_get_n_items (self->areas); i++)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (self->areas, i);

      if (g_strcmp0 (ar_record_get_text (area, "code"), keep) == 0)
        selected = i;
    }

  g_signal_handlers_block_by_func (self->area_drop_down, on_controls_changed, self);
  gtk_drop_down_set_expression (self->area_drop_down, expression);
  gtk_drop_down_set_model (self->area_drop_down, self->areas);
  gtk_drop_down_set_selected (self->area_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->area_drop_down, on_controls_changed, self);
  gtk_expression_unref (expression);
}

static void
refresh (ArSummaryPage *self)
{
  self->stale = FALSE;
  reload_areas (self);
  show_roles (self);
  recompute (self);
}

/* A summary of an England-scale register takes tens of milliseconds:
 * out of sight, it waits until the page is shown or asked for it. */
static void
refresh_when_seen (ArSummaryPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static gboolean
refresh_idle (gpointer data)
{
  ArSummaryPage *self = data;

  self->refresh_source = 0;
  refresh_when_seen (self);

  return G_SOURCE_REMOVE;
}

static void
ar_summary_page_map (GtkWidget *widget)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);

  GTK_WIDGET_CLASS (ar_summary_page_parent_class)->map (widget);

  if (self->stale)
    refresh (self);
}

static void
on_store_changed (ArSummaryPage *self,
                  GType          type)
{
  /* several saves in a row make one refresh */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

/* Actions -------------------------------------------------------------- */

static void
on_toast_dismissed (AdwToast      *toast,
                    ArSummaryPage *self)
{
  if (self->last_toast == toast)
    self->last_toast = NULL;
}

/* Says that something is done, in the window's toast overlay. */
static AdwToast *
toast (ArSummaryPage *self,
       const char    *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *new_toast = adw_toast_new (title);

  self->last_toast = new_toast;
  g_signal_connect_object (new_toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), new_toast);
  else
    g_object_set_data_full (G_OBJECT (self), "ar-toast-without-window", new_toast, g_object_unref);

  return new_toast;
}

/* Export's "Open": the file, in the app the desktop opens it with. */
static void
on_open_clicked (AdwToast      *done,
                 ArSummaryPage *self)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                g_object_get_data (G_OBJECT (done), "ar-uri"), GDK_CURRENT_TIME);
}

static gboolean
export_to_file (GtkWidget        *widget,
                ArSummaryFormat   format,
                GFile            *file,
                GError          **error)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *done;

  if (self->summary == NULL)
    return TRUE;

  bytes = ar_report_write (self->summary, format, error);
  if (bytes == NULL
      || !ar_output_file_replace (file, bytes, self->store ? ar_store_get_path (self->store) : NULL,
                                  NULL, error))
    return FALSE;

  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  title = g_strdup_printf (_("Exported “%s”"), name);
  done = toast (self, title);
  /* a signal, not an action: the toast lives above this page, where the
   * page's actions are not found */
  adw_toast_set_button_label (done, _("_Open"));
  g_object_set_data_full (G_OBJECT (done), "ar-uri", g_steal_pointer (&uri), g_free);
  g_signal_connect_object (done, "button-clicked", G_CALLBACK (on_open_clicked), self, 0);

  return TRUE;
}

static void
show_error (GtkWidget  *widget,
            const char *message)
{
  gtk_widget_activate_action (widget, "win.show-error", "s", message);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  g_autofree char *text = NULL;

  if (self->summary == NULL)
    return;

  text = ar_summary_to_text (self->summary);
  ar_report_output_copy (widget, ar_summary_to_html (self->summary), text);
  toast (self, _("Copied the table, ready to paste"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  ArSummaryFormat format;

  if (self->summary == NULL || !ar_summary_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  ar_report_output_choose_export (widget, _("Export Summary"), ar_summary_get_title (self->summary),
                                  format, export_to_file, show_error);
}

/* The same without a file chooser, for tests and scripts: (format, path). */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);

  if (self->summary != NULL)
    ar_report_output_export_to (widget, parameter, export_to_file, show_error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->summary == NULL)
    return;

  if (!ar_summary_print (GTK_WINDOW (gtk_widget_get_root (widget)), self->summary, NULL, NULL, &error))
    show_error (widget, error->message);
}

/* For tests and scripts: print to a PDF file with no dialog. */
static void
print_to_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->summary != NULL
      && !ar_summary_print (GTK_WINDOW (gtk_widget_get_root (widget)), self->summary,
                            g_variant_get_string (parameter, NULL),
                            self->store ? ar_store_get_path (self->store) : NULL, &error))
    show_error (widget, error->message);
}

static void
ar_summary_page_dispose (GObject *object)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->summary);
  g_clear_object (&self->areas);
  g_clear_pointer (&self->preferred_area, g_free);


  G_OBJECT_CLASS (ar_summary_page_parent_class)->dispose (object);
}

static void
ar_summary_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_summary_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ArSummaryPage *self = AR_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ar_summary_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_summary_page_class_init (ArSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ar_summary_page_dispose;
  object_class->get_property = ar_summary_page_get_property;
  object_class->set_property = ar_summary_page_set_property;
  widget_class->map = ar_summary_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, AR_TYPE_SUMMARY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "summary.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "summary.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.print-to-file", "s", print_to_file_action);
  gtk_widget_class_install_action (widget_class, "summary.export-to", "(ss)", export_to_action);
  gtk_widget_class_install_action (widget_class, "summary.edit-role", "s", edit_role_action);
  gtk_widget_class_install_action (widget_class, "summary.explain-changes", NULL, explain_changes_action);

  /**
   * ArSummaryPage::explain-changes:
   * @from: the earlier of the two dates, YYYY-MM-DD
   * @to: the later
   *
   * The user asks what changed in the register between the dates.
   */
  signals[EXPLAIN_CHANGES] =
    g_signal_new ("explain-changes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "summary.copy", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ar-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, as_at_entry);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, heading_entry);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, compare_check);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, compare_entry);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, compare_calendar);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, compare_problem_label);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, as_at_label);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, table);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, ArSummaryPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_controls_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_day_selected);
}

static void
ar_summary_page_init (ArSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_date_ok (self, TRUE);
}

GtkWidget *
ar_summary_page_new (void)
{
  return g_object_new (AR_TYPE_SUMMARY_PAGE, NULL);
}

ArStore *
ar_summary_page_get_store (ArSummaryPage *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_PAGE (self), NULL);
  return self->store;
}

void
ar_summary_page_set_store (ArSummaryPage *self,
                           ArStore       *store)
{
  g_return_if_fail (AR_IS_SUMMARY_PAGE (self));
  g_return_if_fail (store == NULL || AR_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

  refresh_when_seen (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * ar_summary_page_get_summary:
 *
 * Returns: (transfer none) (nullable): the summary as previewed
 */
ArSummary *
ar_summary_page_get_summary (ArSummaryPage *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_PAGE (self), NULL);

  if (self->stale)
    refresh (self);

  return self->summary;
}

void
ar_summary_page_set_area (ArSummaryPage *self,
                          const char    *code)
{
  g_return_if_fail (AR_IS_SUMMARY_PAGE (self));

  g_free (self->preferred_area);
  self->preferred_area = g_strdup (code);

  for (guint i = 0; self->areas && i < g_list_model_get_n_items (self->areas); i++)
    {
      g_autoptr(ArRecord) area = g_list_model_get_item (self->areas, i);

      if (g_strcmp0 (ar_record_get_text (area, "code"), code) == 0)
        gtk_drop_down_set_selected (self->area_drop_down, i);
    }
}

void
ar_summary_page_set_heading (ArSummaryPage *self,
                             const char    *heading)
{
  g_return_if_fail (AR_IS_SUMMARY_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->heading_entry), heading ? heading : "");
}

void
ar_summary_page_set_as_at (ArSummaryPage *self,
                           const char    *as_at)
{
  g_return_if_fail (AR_IS_SUMMARY_PAGE (self));

  /* one change, not an empty entry (today) on the way */
  g_signal_handlers_block_by_func (self->as_at_entry, on_controls_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->as_at_entry), as_at ? as_at : "");
  g_signal_handlers_unblock_by_func (self->as_at_entry, on_controls_changed, self);
  recompute (self);
}

/**
 * ar_summary_page_set_compare_to:
 * @compare_to: (nullable): a date to compare with, as typed; %NULL for none
 *
 * What a user does with the "Compare with" check and field.
 */
void
ar_summary_page_set_compare_to (ArSummaryPage *self,
                                const char    *compare_to)
{
  g_return_if_fail (AR_IS_SUMMARY_PAGE (self));

  g_signal_handlers_block_by_func (self->compare_entry, on_controls_changed, self);
  g_signal_handlers_block_by_func (self->compare_check, on_compare_toggled, self);
  if (compare_to != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->compare_entry), compare_to);
  gtk_check_button_set_active (self->compare_check, compare_to != NULL);
  g_signal_handlers_unblock_by_func (self->compare_check, on_compare_toggled, self);
  g_signal_handlers_unblock_by_func (self->compare_entry, on_controls_changed, self);
  recompute (self);
}

/**
 * ar_summary_page_get_date_ok:
 *
 * Returns: whether the as-at date reads as a date (or is empty, for today),
 *   and the comparison date, if on, too
 */
gboolean
ar_summary_page_get_date_ok (ArSummaryPage *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_PAGE (self), FALSE);
  return self->date_ok;
}

/**
 * ar_summary_page_get_last_toast:
 *
 * Returns: (transfer none) (nullable): the latest toast the page showed,
 *   while it is shown; for tests
 */
AdwToast *
ar_summary_page_get_last_toast (ArSummaryPage *self)
{
  g_return_val_if_fail (AR_IS_SUMMARY_PAGE (self), NULL);
  return self->last_toast;
}

void
ar_summary_page_set_sidebar_button_visible (ArSummaryPage *self,
                                            gboolean       visible)
{
  g_return_if_fail (AR_IS_SUMMARY_PAGE (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), visible);
}
