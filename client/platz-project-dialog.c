/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-projects-page"

#include "config.h"

#include "platz-project-dialog.h"

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-ui.h"
#include "platz-projects-page-private.h"

#define MAX_DAYS 400

static void check_conflicts (GtkWindow *dialog);

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

/*
 * The days a request covers, by the server's rule (platzd-reservations.c):
 * every d with from <= d <= (until or to) whose ISO weekday is in W, W
 * being the weekdays chosen; without any, with until the weekdays that
 * [from, to] covers; else all seven.
 */
static GArray *
expand_days (const GDate *from,
             const GDate *to,
             const GDate *until,
             guint        weekdays,
             const char **problem)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (GDate));
  const GDate *last = until != NULL ? until : to;
  GDate d = *from;

  if (g_date_compare (to, from) < 0)
    {
      *problem = _("The last day is before the first.");
      return NULL;
    }
  if (until != NULL && g_date_compare (until, to) < 0)
    {
      *problem = _("“Repeat until” must not be before the last day.");
      return NULL;
    }
  if (weekdays == 0 && until != NULL)
    {
      GDate w = *from;

      for (int i = 0; i < 7 && g_date_compare (&w, to) <= 0; i++, g_date_add_days (&w, 1))
        weekdays |= 1u << platz_date_iso_weekday (&w);
    }
  if (weekdays == 0)
    weekdays = 0xfe;
  while (g_date_compare (&d, last) <= 0)
    {
      if (weekdays & (1u << platz_date_iso_weekday (&d)))
        {
          if (days->len >= MAX_DAYS)
            {
              *problem = _("That is too many days for one request.");
              return NULL;
            }
          g_array_append_val (days, d);
        }
      g_date_add_days (&d, 1);
    }
  if (days->len == 0)
    {
      *problem = _("No day matches the chosen weekdays.");
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* ------------------------------------------------------------------ */
/* The reservation dialog                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  PlatzProjectsPage *self;
  GPtrArray         *offices;   /* what the combo rows show */
  GPtrArray         *teams;
  AdwComboRow       *room;
  AdwComboRow       *team;
  GtkWidget         *from;
  GtkWidget         *to;
  GtkWidget         *until;
  GtkWidget         *days[7];
  GtkWidget         *summary;
  GtkWidget         *conflicts;
  GtkWidget         *error;
  GtkWidget         *reserve;
  GtkWidget         *spinner;
  GCancellable      *check;
  char             **conflict_dates;
  GArray            *wanted;    /* GDate */
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_cancellable_cancel (form->check);
  g_clear_object (&form->check);
  g_ptr_array_unref (form->offices);
  g_ptr_array_unref (form->teams);
  g_strfreev (form->conflict_dates);
  g_clear_pointer (&form->wanted, g_array_unref);
  g_free (form);
}

static void
form_show_error (Form       *form,
                 const char *text)
{
  gtk_label_set_text (GTK_LABEL (form->error), text != NULL ? text : "");
  gtk_widget_set_visible (form->error, text != NULL);
}

static PlatzRecord *
form_selected (GPtrArray   *items,
               AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);

  return position < items->len ? items->pdata[position] : NULL;
}

/* Reads the form; FALSE with problem set when it cannot be sent. */
static gboolean
form_read (Form        *form,
           GDate       *from,
           GDate       *to,
           GDate       *until,
           gboolean    *has_until,
           int         *weekdays,
           guint       *n_weekdays,
           const char **problem)
{
  const char *until_text = gtk_editable_get_text (GTK_EDITABLE (form->until));

  *n_weekdays = 0;
  for (int i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (form->days[i])))
      weekdays[(*n_weekdays)++] = i + 1;
  if (!platz_date_parse (gtk_editable_get_text (GTK_EDITABLE (form->from)), from))
    {
      *problem = _("Enter the first day as YYYY-MM-DD.");
      return FALSE;
    }
  if (!platz_date_parse (gtk_editable_get_text (GTK_EDITABLE (form->to)), to))
    {
      *problem = _("Enter the last day as YYYY-MM-DD.");
      return FALSE;
    }
  *has_until = *until_text != '\0';
  if (*has_until && !platz_date_parse (until_text, until))
    {
      *problem = _("Enter “Repeat until” as YYYY-MM-DD, or leave it empty.");
      return FALSE;
    }
  if (form_selected (form->teams, form->team) == NULL)
    {
      *problem = _("There is no team to reserve for.");
      return FALSE;
    }
  if (form_selected (form->offices, form->room) == NULL)
    {
      *problem = _("There is no project office.");
      return FALSE;
    }
  return TRUE;
}

static void
on_check_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) dialog = user_data;
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  list = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || form == NULL)
    return;
  if (list == NULL)
    {
      gtk_label_set_text (GTK_LABEL (form->conflicts), error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (list, i);
      GDate first, last;

      if (!platz_projects_page_reservation_dates (platz_record_get_data (record), &first, &last))
        continue;
      for (GDate d = first; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
        g_hash_table_add (taken, platz_date_format (&d));
    }
  for (guint i = 0; form->wanted != NULL && i < form->wanted->len; i++)
    {
      GDate *d = &g_array_index (form->wanted, GDate, i);
      g_autofree char *iso = platz_date_format (d);

      if (g_hash_table_contains (taken, iso))
        {
          g_autofree char *human = platz_projects_page_short_date (d);

          g_string_append_printf (text, "%s%s %d", text->len > 0 ? ", " : "", human,
                                  g_date_get_year (d));
          g_ptr_array_add (clashes, g_steal_pointer (&iso));
        }
    }
  g_ptr_array_add (clashes, NULL);
  g_strfreev (form->conflict_dates);
  form->conflict_dates = (char **) g_ptr_array_free (g_steal_pointer (&clashes), FALSE);
  if (text->len == 0)
    {
      gtk_label_set_text (GTK_LABEL (form->conflicts), _("No conflicts: every day is free."));
      gtk_widget_remove_css_class (form->conflicts, "warning");
    }
  else
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (NULL, "Already taken on %u day: %s",
                                              "Already taken on %u days: %s",
                                              g_strv_length (form->conflict_dates)),
                                 g_strv_length (form->conflict_dates), text->str);
      gtk_label_set_text (GTK_LABEL (form->conflicts), message);
      gtk_widget_add_css_class (form->conflicts, "warning");
    }
}

static void
check_conflicts (GtkWindow *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  GDate from, to, until;
  gboolean has_until;
  int weekdays[7];
  guint n_weekdays, mask = 0;
  const char *problem = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *button = NULL;

  g_cancellable_cancel (form->check);
  g_clear_object (&form->check);
  g_clear_pointer (&form->conflict_dates, g_strfreev);
  g_clear_pointer (&form->wanted, g_array_unref);
  if (form_read (form, &from, &to, &until, &has_until, weekdays, &n_weekdays, &problem))
    {
      for (guint i = 0; i < n_weekdays; i++)
        mask |= 1u << weekdays[i];
      form->wanted = expand_days (&from, &to, has_until ? &until : NULL, mask, &problem);
    }
  gtk_widget_set_sensitive (form->reserve, form->wanted != NULL);
  if (form->wanted == NULL)
    {
      gtk_label_set_text (GTK_LABEL (form->summary), problem);
      gtk_label_set_text (GTK_LABEL (form->conflicts), "");
      return;
    }
  first = platz_date_format (&g_array_index (form->wanted, GDate, 0));
  last = platz_date_format (&g_array_index (form->wanted, GDate, form->wanted->len - 1));
  summary = g_strdup_printf (g_dngettext (NULL, "%u day, %s to %s", "%u days, %s to %s",
                                          form->wanted->len),
                             form->wanted->len, first, last);
  gtk_label_set_text (GTK_LABEL (form->summary), summary);
  button = g_strdup_printf (g_dngettext (NULL, "_Reserve %u Day", "_Reserve %u Days",
                                         form->wanted->len), form->wanted->len);
  gtk_button_set_label (GTK_BUTTON (form->reserve), button);
  gtk_label_set_text (GTK_LABEL (form->conflicts), _("Checking for conflicts…"));
  form->check = g_cancellable_new ();
  platz_api_list_reservations_async (form->self->api, first, last,
                                     platz_record_get_id (form_selected (form->offices,
                                                                         form->room)),
                                     0, FALSE, form->check, on_check_cb, g_object_ref (dialog));
}

static void
on_project_reserved_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GtkWindow) dialog = user_data;
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  PlatzProjectsPage *self = form->self;
  g_autoptr(GListModel) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  created = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_ui_reserve_dialog_set_busy (form->reserve, form->spinner, FALSE);
  platz_projects_page_busy (self, FALSE);
  if (created == NULL)
    {
      /* The server's words, with its list of clashing days; the form stays. */
      form_show_error (form, error->message);
      return;
    }
  n = g_list_model_get_n_items (created);
  text = g_strdup_printf (g_dngettext (NULL, "Project office reserved for %u day.",
                                       "Project office reserved for %u days.", n), n);
  platz_ui_toast (GTK_WIDGET (self), text);
  gtk_window_destroy (dialog);
  platz_projects_page_load_shown (self);
}

static void
on_dialog_reserve_clicked_cb (GtkButton *button,
                              GtkWindow *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  GDate from, to, until;
  gboolean has_until;
  int weekdays[7];
  guint n_weekdays;
  const char *problem = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *until_text = NULL;

  if (!form_read (form, &from, &to, &until, &has_until, weekdays, &n_weekdays, &problem))
    {
      form_show_error (form, problem);
      return;
    }
  form_show_error (form, NULL);
  from_text = platz_date_format (&from);
  to_text = platz_date_format (&to);
  until_text = has_until ? platz_date_format (&until) : NULL;
  platz_ui_reserve_dialog_set_busy (form->reserve, form->spinner, TRUE);
  platz_projects_page_busy (form->self, TRUE);
  platz_api_reserve_project_async (form->self->api,
                                   platz_record_get_id (form_selected (form->offices, form->room)),
                                   platz_record_get_id (form_selected (form->teams, form->team)),
                                   from_text, to_text, weekdays, n_weekdays, until_text,
                                   form->self->cancellable, on_project_reserved_cb,
                                   g_object_ref (dialog));
}

static GtkWidget *
entry_row (const char *title,
           const char *name,
           const char *text,
           GtkWindow  *dialog)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (check_conflicts), dialog);
  return row;
}

static AdwComboRow *
combo_row (const char *title,
           const char *name,
           GPtrArray  *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < items->len; i++)
    gtk_string_list_append (names, platz_record_get_title (items->pdata[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  gtk_widget_set_name (GTK_WIDGET (row), name);
  return row;
}

static GtkWidget *
wrap_label (const char *name,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWindow *
platz_project_dialog_open (PlatzProjectsPage *self,
                           gint64             room_id,
                           const char        *date)
{
  static const char *day_names[] = { N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"),
                                     N_("Sa"), N_("Su") };
  static const char *day_labels[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                      N_("Thursday"), N_("Friday"), N_("Saturday"),
                                      N_("Sunday") };
  const PlatzUser *user = platz_api_get_user (self->api);
  Form *form = g_new0 (Form, 1);
  GtkWindow *dialog;
  GtkBox *content;
  GtkWidget *list = platz_ui_boxed_list_new ();
  GtkWidget *days_row = adw_action_row_new ();
  GtkWidget *days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  dialog = platz_ui_reserve_dialog_new (GTK_WIDGET (self), _("Reserve a Project Office"), 480,
                                        G_CALLBACK (on_dialog_reserve_clicked_cb),
                                        &form->reserve, &form->spinner, &content);
  form->self = self;
  form->offices = g_ptr_array_ref (self->offices);
  form->teams = g_ptr_array_new_with_free_func (g_object_unref);
  /* Team leads reserve for the teams they lead; admins for any. */
  for (guint i = 0; i < self->teams->len; i++)
    {
      PlatzTeam *team = platz_record_get_data (self->teams->pdata[i]);

      if (user == NULL || g_strcmp0 (user->role, "admin") == 0 || team->lead_user_id == user->id)
        g_ptr_array_add (form->teams, g_object_ref (self->teams->pdata[i]));
    }
  g_object_set_data_full (G_OBJECT (dialog), "form", form, form_free);

  form->room = combo_row (_("_Project office"), "room", form->offices);
  for (guint i = 0; i < form->offices->len; i++)
    if (platz_record_get_id (form->offices->pdata[i]) == room_id)
      adw_combo_row_set_selected (form->room, i);
  form->team = combo_row (_("_Team"), "team", form->teams);
  form->from = entry_row (_("_First day"), "from", date, dialog);
  form->to = entry_row (_("_Last day"), "to", date, dialog);
  form->until = entry_row (_("Repeat weekly _until (optional)"), "until", NULL, dialog);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("Only on"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (days_row), _("None chosen: every day"));
  gtk_widget_add_css_class (days_box, "linked");
  gtk_widget_set_valign (days_box, GTK_ALIGN_CENTER);
  for (int i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("day-%d", i + 1);

      form->days[i] = gtk_toggle_button_new_with_label (_(day_names[i]));
      gtk_widget_set_name (form->days[i], name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (form->days[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(day_labels[i]), -1);
      g_signal_connect_swapped (form->days[i], "toggled", G_CALLBACK (check_conflicts), dialog);
      gtk_box_append (GTK_BOX (days_box), form->days[i]);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (days_row), days_box);
  g_signal_connect_swapped (form->room, "notify::selected", G_CALLBACK (check_conflicts), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->room));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->team));
  gtk_list_box_append (GTK_LIST_BOX (list), form->from);
  gtk_list_box_append (GTK_LIST_BOX (list), form->to);
  gtk_list_box_append (GTK_LIST_BOX (list), days_row);
  gtk_list_box_append (GTK_LIST_BOX (list), form->until);
  gtk_box_append (content, list);

  form->summary = wrap_label ("summary", "dim-label");
  form->conflicts = wrap_label ("conflicts", NULL);
  form->error = wrap_label ("error", "error");
  gtk_widget_set_visible (form->error, FALSE);
  gtk_box_append (content, form->summary);
  gtk_box_append (content, form->conflicts);
  gtk_box_append (content, form->error);

  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  check_conflicts (dialog);
  gtk_window_present (dialog);
  return dialog;
}

char **
platz_project_dialog_get_conflicts (GtkWindow *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");

  return form->conflict_dates;
}
