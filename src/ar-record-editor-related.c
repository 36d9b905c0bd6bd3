/* ar-record-editor-related.c: the records linked to the one in the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ar-record-editor-private.h"

static void
on_related_activated (AdwActionRow   *row,
                      ArRecordEditor *self)
{
  ArRecord *target = g_object_get_data (G_OBJECT (row), "ar-target");

  if (target != NULL)
    _ar_record_editor_open (self, target);
}

static void
on_related_removed (GtkButton      *button,
                    ArRecordEditor *self)
{
  ArRecord *link = g_object_get_data (G_OBJECT (button), "ar-link");

  _ar_record_editor_remove_link (self, link);
}

static void
on_related_added (GtkButton      *button,
                  ArRecordEditor *self)
{
  ArRecord *link = g_object_get_data (G_OBJECT (button), "ar-new-link");
  g_autoptr(ArRecord) fresh = ar_record_copy (link);

  /* a new, unsaved link record, already pointing back at this one */
  _ar_record_editor_open (self, fresh);
}

static AdwPreferencesGroup *
add_related_group (ArRecordEditor *self,
                   const char     *title,
                   const char     *add_label,
                   ArRecord       *new_link)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (add_label != NULL && new_link != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (add_label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "ar-new-link", new_link, g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_related_added), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  gtk_box_append (self->related_box, group);

  return ADW_PREFERENCES_GROUP (group);
}

/* One linked record: its name, what the link says, a click to open it,
 * and (for links the user made) a button to remove the link. */
static void
add_related_row (ArRecordEditor      *self,
                 AdwPreferencesGroup *group,
                 ArRecord            *target,
                 const char          *title,
                 const char          *subtitle,
                 ArRecord            *link)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = title ? g_strdup (title) : target ? ar_record_describe (target) : g_strdup (_("(missing)"));
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);
  g_autofree char *escaped_subtitle = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
  if (escaped_subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  if (target != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ar-target", g_object_ref (target), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_related_activated), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  if (link != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "ar-link", g_object_ref (link), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_related_removed), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), remove);
    }

  adw_preferences_group_add (group, row);
}

static char *
date_span (const char *from,
           const char *to)
{
  if (from == NULL && to == NULL)
    return NULL;
  if (to == NULL)
    return g_strdup_printf (_("from %s"), from);
  if (from == NULL)
    return g_strdup_printf (_("until %s"), to);

  return g_strdup_printf (_("%s to %s"), from, to);
}

static ArRecord *
linked (ArRecordEditor *self,
        ArRecord       *record,
        const char     *field,
        GType           type)
{
  gint64 id = ar_record_get_integer (record, field);

  return id != 0 ? ar_store_get (self->store, type, id, NULL) : NULL;
}

static ArRecord *
new_link (GType       type,
          const char *field,
          gint64      id)
{
  ArRecord *link = g_object_new (type, NULL);

  ar_record_set_integer (link, field, id);

  return link;
}

/* The other party to a deployment: who gave the support, seen from the
 * school that received it; else the school that received it. */
static char *
deployment_party (ArRecordEditor *self,
                  ArRecord       *deployment,
                  gboolean        received)
{
  g_autoptr(ArRecord) designation = NULL;
  g_autoptr(ArRecord) person = NULL;
  g_autoptr(ArRecord) school = NULL;

  if (!received)
    school = linked (self, deployment, "school_id", AR_TYPE_SCHOOL);
  else if ((designation = linked (self, deployment, "supporter_designation_id", AR_TYPE_DESIGNATION)) != NULL)
    person = linked (self, designation, "person_id", AR_TYPE_PERSON);
  else
    school = linked (self, deployment, "supporter_school_id", AR_TYPE_SCHOOL);

  if (person != NULL)
    {
      g_autofree char *name = ar_record_describe (person);
      g_autofree char *role = ar_record_describe (designation);

      return g_strdup_printf ("%s · %s", name, role);
    }

  return school ? ar_record_describe (school) : g_strdup (_("(missing)"));
}

/* "Leadership · 2025-09-01 to 2026-07-31 · Completed" */
static char *
deployment_summary (ArRecord *deployment)
{
  g_autofree char *dates = date_span (ar_record_get_text (deployment, "starts_on"),
                                      ar_record_get_text (deployment, "ends_on"));
  const char *parts[4] = { NULL };
  guint n = 0;

  if (ar_record_get_text (deployment, "focus") != NULL)
    parts[n++] = ar_record_get_text (deployment, "focus");
  if (dates != NULL)
    parts[n++] = dates;
  parts[n++] = ar_choice_label (ar_record_get_text (deployment, "status"));

  return g_strjoinv (" · ", (char **) parts);
}

static void
list_links (ArRecordEditor   *self,
            const ArRelation *relation)
{
  const char *title = _(relation->title);
  const char *add_label = relation->add_label ? _(relation->add_label) : NULL;
  GType link_type = relation->link_type ();
  const char *link_field = relation->link_field;
  const char *target_field = relation->target_field;
  GType target_type = relation->target_type ? relation->target_type () : G_TYPE_NONE;
  gint64 id = ar_record_get_id (self->record);
  g_autoptr(GListModel) links = ar_relation_list_links (relation, self->store, id, NULL);
  AdwPreferencesGroup *group;

  /* through a record in between, a new link would not know which one */
  if (relation->through_type != NULL)
    add_label = NULL;
  group = add_related_group (self, title, add_label, add_label ? new_link (link_type, link_field, id) : NULL);
  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ArRecord) link = g_list_model_get_item (links, i);
      g_autoptr(ArRecord) target = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *subtitle = NULL;

      /* a deployment is a record of its own: opened, never removed here */
      if (link_type == AR_TYPE_DEPLOYMENT)
        {
          g_autofree char *party = deployment_party (self, link, g_str_equal (link_field, "school_id"));

          subtitle = deployment_summary (link);
          add_related_row (self, group, link, party, subtitle, NULL);
          continue;
        }

      if (link_type == AR_TYPE_DESIGNATION)
        {
          dates = date_span (ar_record_get_text (link, "starts_on"), ar_record_get_text (link, "ends_on"));
          subtitle = g_strjoin (" · ", ar_record_get_text (link, "role"),
                                dates ? dates : "", NULL);
          add_related_row (self, group, link, NULL, subtitle, link);
          continue;
        }

      /* with no other end, the link itself is what is listed (a leader) */
      if (target_field != NULL)
        target = linked (self, link, target_field, target_type);
      else
        target = g_object_ref (link);
      if (target == NULL && link_type == AR_TYPE_ALLIANCE_MEMBER)
        target = linked (self, link, "organisation_id", AR_TYPE_ORGANISATION);

      if (link_type == AR_TYPE_TRUST_ACADEMY)
        dates = date_span (ar_record_get_text (link, "joined_on"), ar_record_get_text (link, "left_on"));
      else if (link_type == AR_TYPE_ALLIANCE_MEMBER)
        dates = g_strdup (ar_choice_label (ar_record_get_text (link, "role")));

      /* only links made here can be removed here: not a school's leaders
       * or the alliances it is the teaching school of */
      add_related_row (self, group, target, NULL, dates, add_label != NULL ? link : NULL);
    }

  if (links == NULL || g_list_model_get_n_items (links) == 0)
    adw_preferences_group_set_description (group, _("None yet"));
}

/* The most entries shown under a form: a record a yearly GIAS import
 * updates gathers one a year, far fewer than this */
#define MAX_HISTORY_ROWS 50

/* What happened to the record, newest first: when, who, where from, and
 * each field's old and new value */
static void
list_history (ArRecordEditor *self)
{
  const char *kind = ar_record_get_table (self->record);
  g_autoptr(GPtrArray) entries = ar_history_list (self->store, NULL, kind,
                                                  ar_record_get_id (self->record), NULL);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  gtk_widget_set_name (group, "history");
  gtk_box_append (self->related_box, group);

  if (entries == NULL || entries->len == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No changes recorded"));
      return;
    }

  for (guint e = 0; e < entries->len && e < MAX_HISTORY_ROWS; e++)
    {
      ArChangeEntry *entry = g_ptr_array_index (entries, e);
      ArRecordChange *change = g_ptr_array_index (entry->changes, 0);
      g_autofree char *when = ar_history_format_time (entry->at);
      g_autoptr(GPtrArray) fields = ar_history_describe_fields (self->store, change);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: "2026-12-02 09:30 · changed by jo · Window" */
      title = g_strdup_printf (_("%s · %s by %s · %s"), when, ar_history_change_label (change->change),
                               entry->user, ar_history_source_label (entry->source));
      if (entry->files != NULL && entry->files[0] != NULL)
        {
          g_autofree char *files = g_strjoinv (", ", entry->files);

          g_string_append (subtitle, files);
        }
      /* a deletion's whole record is for the History page's restore */
      for (guint i = 0; change->change != AR_HISTORY_DELETED && i < fields->len; i++)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? "\n" : "",
                                (char *) g_ptr_array_index (fields, i));

      escaped = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (subtitle->len > 0)
        {
          g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle->str, -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (entries->len > MAX_HISTORY_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u earlier change: see the History page",
                                                            "%u earlier changes: see the History page",
                                                            entries->len - MAX_HISTORY_ROWS),
                                               entries->len - MAX_HISTORY_ROWS);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), more);
    }
}

void
_ar_record_editor_rebuild_related (ArRecordEditor *self)
{
  const ArRelation *relations;
  guint n_relations;
  GtkWidget *child;
  GType type;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_box))) != NULL)
    gtk_box_remove (self->related_box, child);

  if (self->record == NULL || self->store == NULL || ar_record_get_id (self->record) == 0)
    return;

  /* the lists come from core's table, as the command line's do */
  type = G_OBJECT_TYPE (self->record);
  relations = ar_relations (&n_relations);
  for (guint i = 0; i < n_relations; i++)
    {
      const ArRelation *relation = &relations[i];

      if (!ar_relation_applies (relation, self->store, self->record))
        continue;

      list_links (self, relation);
    }

  if (type == AR_TYPE_SCHOOL)
    {
      gint64 id = ar_record_get_id (self->record);
      AdwPreferencesGroup *status;
      GtkWidget *row;

      status = add_related_group (self, _("System leadership"), NULL, NULL);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("National support school"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   ar_summary_is_national_support_school (self->store, id, NULL, NULL)
                                   ? _("Yes: home to a national leader of education")
                                   : _("No"));
      adw_preferences_group_add (status, row);
    }

  list_history (self);
}
