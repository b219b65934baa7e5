/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-projects-page"

#include "config.h"

#include "platz-projects-page.h"

#include <string.h>
#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-ui.h"
#include "platz-project-dialog.h"
#include "platz-projects-page-private.h"

G_DEFINE_FINAL_TYPE (PlatzProjectsPage, platz_projects_page, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

void
platz_projects_page_busy (PlatzProjectsPage *self,
                          gboolean           loading)
{
  platz_ui_busy (self->spinner, &self->pending, loading);
}

static char *
cell_key (gint64      room_id,
          const char *date)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", room_id, date);
}

static const char *
team_name (PlatzProjectsPage *self,
           gint64             team_id)
{
  for (guint i = 0; self->teams != NULL && i < self->teams->len; i++)
    if (platz_record_get_id (self->teams->pdata[i]) == team_id)
      return platz_record_get_title (self->teams->pdata[i]);
  return NULL;
}

char *
platz_projects_page_short_date (const GDate *date)
{
  char buffer[64];

  /* TRANSLATORS: a short date in strftime format, e.g. Mon 5 Jan */
  if (g_date_strftime (buffer, sizeof buffer, _("%a %-d %b"), date) == 0)
    return platz_date_format (date);
  return g_strdup (buffer);
}

/* The local date of an RFC 3339 time as the server sends it (in the
 * site's zone): its first ten characters. */
gboolean
platz_projects_page_reservation_dates (PlatzReservation *r,
                                       GDate            *first,
                                       GDate            *last)
{
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  if (r->start == NULL || r->end == NULL || strlen (r->start) < 19 || strlen (r->end) < 19)
    return FALSE;
  s = g_strndup (r->start, 10);
  e = g_strndup (r->end, 10);
  if (!platz_date_parse (s, first) || !platz_date_parse (e, last))
    return FALSE;
  /* Ends at midnight: the day before is the last one. */
  if (g_str_has_prefix (r->end + 11, "00:00:00") && g_date_compare (last, first) > 0)
    g_date_subtract_days (last, 1);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The grid                                                            */
/* ------------------------------------------------------------------ */

/* The shown days follow self->day: its week, Monday first, or its month. */
static void
update_range (PlatzProjectsPage *self)
{
  GDateMonth month = g_date_get_month (&self->day);
  GDateYear year = g_date_get_year (&self->day);

  self->week = self->day;
  g_date_subtract_days (&self->week, platz_date_iso_weekday (&self->week) - 1);
  if (self->month_view)
    {
      g_date_clear (&self->first, 1);
      g_date_set_dmy (&self->first, 1, month, year);
      self->n_days = g_date_get_days_in_month (month, year);
    }
  else
    {
      self->first = self->week;
      self->n_days = 7;
    }
}

static char *
strftime_or_iso (const char  *format,
                 const GDate *date)
{
  char buffer[64];

  if (g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return platz_date_format (date);
  return g_strdup (buffer);
}

/* Two days belong to one cell of the month view when they are the same
 * reservation or days of one series of the same team (each day of a
 * project-office reservation is an occurrence of its series). */
static gboolean
same_run (PlatzRecord *a,
          PlatzRecord *b)
{
  PlatzReservation *ra, *rb;

  if (a == NULL || b == NULL)
    return FALSE;
  if (a == b)
    return TRUE;
  ra = platz_record_get_data (a);
  rb = platz_record_get_data (b);
  return ra->series_id > 0 && ra->series_id == rb->series_id && ra->team_id == rb->team_id;
}

/* The team (and title) of a reservation, "" for none. */
static char *
reservation_text (PlatzProjectsPage *self,
                  PlatzRecord       *record)
{
  PlatzReservation *r;
  const char *team;

  if (record == NULL)
    return g_strdup ("");
  r = platz_record_get_data (record);
  team = team_name (self, r->team_id);
  if (team == NULL)
    team = _("Reserved");
  return r->title != NULL && *r->title != '\0' ? g_strdup_printf ("%s · %s", team, r->title)
                                               : g_strdup (team);
}

static void
on_cancel_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       PlatzProjectsPage *self)
{
  PlatzRecord *record = g_object_get_data (G_OBJECT (dialog), "record");
  GPtrArray *run = g_object_get_data (G_OBJECT (dialog), "run");

  if (g_str_equal (response, "day"))
    platz_projects_page_cancel (self, record, FALSE);
  else if (g_str_equal (response, "days"))
    platz_projects_page_cancel_run (self, run);
  else if (g_str_equal (response, "series"))
    platz_projects_page_cancel (self, record, TRUE);
}

static void
on_cell_clicked_cb (GtkButton         *button,
                    PlatzProjectsPage *self)
{
  PlatzRecord *office = g_object_get_data (G_OBJECT (button), "office");
  GPtrArray *run = g_object_get_data (G_OBJECT (button), "run");
  const char *date = g_object_get_data (G_OBJECT (button), "date");
  const char *last = g_object_get_data (G_OBJECT (button), "last");
  PlatzRecord *record = platz_projects_page_get_cell_reservation (
    self, platz_record_get_id (office), date);
  PlatzReservation *r;
  AdwMessageDialog *dialog;
  g_autofree char *day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *body = NULL;
  const char *team;

  if (record == NULL)
    {
      platz_projects_page_reserve (self, platz_record_get_id (office), date);
      return;
    }
  r = platz_record_get_data (record);
  team = team_name (self, r->team_id);
  if (team == NULL)
    team = _("A team");
  day = platz_ui_format_date (date);
  if (last != NULL)
    {
      last_day = platz_ui_format_date (last);
      body = g_strdup_printf (_("%s has %s from %s to %s."), team,
                              platz_record_get_title (office), day, last_day);
    }
  else
    body = g_strdup_printf (_("%s has %s on %s."), team, platz_record_get_title (office), day);
  if (self->cancel_dialog != NULL)
    gtk_window_destroy (self->cancel_dialog);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Cancel Reservation?"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Keep"));
  /* A cell of the month view covers several days: they go together. */
  if (last != NULL)
    adw_message_dialog_add_response (dialog, "days", _("Cancel These _Days"));
  else
    adw_message_dialog_add_response (dialog, "day", _("Cancel This _Day"));
  adw_message_dialog_set_response_appearance (dialog, last != NULL ? "days" : "day",
                                              ADW_RESPONSE_DESTRUCTIVE);
  if (r->series_id > 0)
    {
      adw_message_dialog_add_response (dialog, "series", _("Cancel the _Series"));
      adw_message_dialog_set_response_appearance (dialog, "series", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  if (run != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "run", g_ptr_array_ref (run),
                            (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response_cb), self);
  self->cancel_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->cancel_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a one-day cell of the month view can hold: the initials of the
 * team ("EG" for "E-Government"); the tooltip has the whole text. */
static char *
initials (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (const char *p = text; *p != '\0' && g_utf8_strlen (out->str, -1) < 3;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        word_start = TRUE;
      else if (word_start)
        {
          g_string_append_unichar (out, g_unichar_toupper (c));
          word_start = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
header_label (PlatzProjectsPage *self,
              const GDate       *d)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (self->month_view)
    /* TRANSLATORS: a day's column head in the month grid of the project
     * offices, in strftime format: weekday, new line, day (Mo / 5) */
    text = strftime_or_iso (_("%a\n%-d"), d);
  else
    text = platz_projects_page_short_date (d);
  label = gtk_label_new (text);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, self->month_view ? "caption-heading" : "heading");
  if (platz_date_iso_weekday (d) > 5)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* The button of a room's days first .. first + span - 1 of the shown
 * ones; records are their reservations (records[0] NULL: free). */
static GtkWidget *
cell_button (PlatzProjectsPage  *self,
             PlatzRecord        *office,
             guint               first,
             guint               span,
             PlatzRecord *const *records,
             const char         *text)
{
  PlatzRecord *record = records[0];
  const PlatzUser *user = platz_api_get_user (self->api);
  GtkWidget *button = gtk_button_new ();
  g_autofree char *shown = self->month_view && span == 1 && *text != '\0'
                           ? initials (text) : g_strdup (*text != '\0' ? text : "–");
  GtkWidget *label = gtk_label_new (shown);
  GDate d = self->first;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *a11y = NULL;

  g_date_add_days (&d, first);
  date = platz_date_format (&d);
  when = platz_ui_format_date (date);
  if (span > 1)
    {
      GDate e = d;
      g_autofree char *last = NULL;
      g_autofree char *last_when = NULL;
      g_autoptr(GPtrArray) run = g_ptr_array_new_with_free_func (g_object_unref);

      g_date_add_days (&e, span - 1);
      last = platz_date_format (&e);
      last_when = platz_ui_format_date (last);
      g_free (when);
      when = g_strdup_printf ("%s – %s", when, last_when);
      for (guint k = 0; k < span; k++)
        {
          if (!g_ptr_array_find (run, records[k], NULL))
            g_ptr_array_add (run, g_object_ref (records[k]));
        }
      g_object_set_data_full (G_OBJECT (button), "last", g_steal_pointer (&last), g_free);
      g_object_set_data_full (G_OBJECT (button), "run", g_steal_pointer (&run),
                              (GDestroyNotify) g_ptr_array_unref);
    }
  if (record != NULL)
    {
      PlatzReservation *r = platz_record_get_data (record);

      gtk_widget_add_css_class (button, "taken");
      if (user != NULL && team_name (self, r->team_id) != NULL
          && (r->user_id == user->id || user->team_id == r->team_id))
        gtk_widget_add_css_class (button, "own-team");
    }
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (self->month_view)
    {
      /* Narrow day columns: a run of days is as wide as its days, and
       * the tooltip has the whole text. */
      gtk_label_set_width_chars (GTK_LABEL (label), 1);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 3 * span);
      gtk_widget_add_css_class (button, "compact");
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "project-cell");
  gtk_widget_set_hexpand (button, TRUE);
  name = g_strdup_printf ("cell-%" G_GINT64_FORMAT "-%s", platz_record_get_id (office), date);
  gtk_widget_set_name (button, name);
  a11y = g_strdup_printf ("%s, %s: %s", platz_record_get_title (office), when,
                          *text != '\0' ? text : _("free"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_tooltip_text (button, a11y);
  g_object_set_data_full (G_OBJECT (button), "office", g_object_ref (office), g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "date", g_steal_pointer (&date), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
  return button;
}

static void
rebuild_grid (PlatzProjectsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->cell_texts);

  for (guint i = 0; self->reservations != NULL
       && i < g_list_model_get_n_items (self->reservations); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (self->reservations, i);
      PlatzReservation *r = platz_record_get_data (record);
      GDate first, last;

      if (!platz_projects_page_reservation_dates (r, &first, &last))
        continue;
      for (GDate d = first; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
        {
          g_autofree char *iso = platz_date_format (&d);

          g_hash_table_insert (self->cells, cell_key (r->room_id, iso), g_object_ref (record));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          self->offices != NULL && self->offices->len == 0);
  gtk_grid_set_column_spacing (self->grid, self->month_view ? 2 : 4);
  g_assert (self->n_days <= 31);

  for (guint day = 0; day < self->n_days; day++)
    {
      GDate d = self->first;

      g_date_add_days (&d, day);
      gtk_grid_attach (self->grid, header_label (self, &d), day + 1, 0, 1, 1);
    }

  for (guint row = 0; self->offices != NULL && row < self->offices->len; row++)
    {
      PlatzRecord *office = self->offices->pdata[row];
      gint64 room_id = platz_record_get_id (office);
      PlatzRecord *records[31];   /* a month at most */
      GtkWidget *name = gtk_label_new (platz_record_get_title (office));
      const char *where = platz_record_get_extra (office, "floor_name");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_margin_end (name, 8);
      if (where != NULL)
        gtk_widget_set_tooltip_text (name, where);
      gtk_grid_attach (self->grid, name, 0, row + 1, 1, 1);

      /* The room's reservation of each shown day, looked up once. */
      for (guint day = 0; day < self->n_days; day++)
        {
          GDate d = self->first;
          g_autofree char *date = NULL;
          g_autofree char *key = NULL;

          g_date_add_days (&d, day);
          date = platz_date_format (&d);
          key = cell_key (room_id, date);
          records[day] = g_hash_table_lookup (self->cells, key);
          g_hash_table_insert (self->cell_texts, g_steal_pointer (&key),
                               reservation_text (self, records[day]));
        }
      for (guint day = 0; day < self->n_days;)
        {
          g_autofree char *text = reservation_text (self, records[day]);
          guint span = 1;

          /* The month view shows a team's run of days as one cell. */
          while (self->month_view && day + span < self->n_days
                 && same_run (records[day], records[day + span]))
            span++;
          gtk_grid_attach (self->grid, cell_button (self, office, day, span, records + day, text),
                           day + 1, row + 1, span, 1);
          day += span;
        }
    }
}

static void
update_period_label (PlatzProjectsPage *self)
{
  g_autofree char *text = NULL;

  if (self->month_view)
    /* TRANSLATORS: the month shown in the project offices' grid, in
     * strftime format, e.g. December 2026 */
    text = strftime_or_iso (_("%B %Y"), &self->first);
  else
    {
      GDate sunday = self->week;
      g_autofree char *from = platz_projects_page_short_date (&self->week);
      g_autofree char *to = NULL;

      g_date_add_days (&sunday, 6);
      to = platz_projects_page_short_date (&sunday);
      text = g_strdup_printf (_("Week %d: %s – %s"), platz_date_iso_week (&self->week) % 100,
                              from, to);
    }
  gtk_label_set_text (self->week_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->prev_button),
                               self->month_view ? _("Previous month") : _("Previous week"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               self->month_view ? _("Next month") : _("Next week"));
  gtk_button_set_label (self->today_button,
                        self->month_view ? _("_This Month") : _("_This Week"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->month_view ? _("Project offices this month")
                                                   : _("Project offices this week"), -1);
  g_free (self->week_text);
  self->week_text = platz_date_format (&self->week);
}

static void
on_week_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PlatzProjectsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  list = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_ui_busy_done (GTK_WIDGET (self), self->spinner, &self->pending, list != NULL,
                           error))
    return;
  g_clear_object (&self->reservations);
  self->reservations = list;
  if (self->pending == 0)
    rebuild_grid (self);
}

void
platz_projects_page_load_shown (PlatzProjectsPage *self)
{
  GDate last = self->first;
  g_autofree char *from = platz_date_format (&self->first);
  g_autofree char *to = NULL;

  g_date_add_days (&last, self->n_days - 1);
  to = platz_date_format (&last);
  update_period_label (self);
  platz_projects_page_busy (self, TRUE);
  platz_api_list_reservations_async (self->api, from, to, 0, 0, FALSE, self->cancellable,
                                     on_week_cb, self);
}

static void
show_day (PlatzProjectsPage *self,
          const GDate       *day)
{
  self->day = *day;
  update_range (self);
  if (self->api != NULL)
    platz_projects_page_load_shown (self);
  else
    update_period_label (self);
}

static void
on_offices_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlatzProjectsPage *self = user_data;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(GError) error = NULL;

  rooms = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_ui_busy_done (GTK_WIDGET (self), self->spinner, &self->pending, rooms != NULL,
                           error))
    return;
  g_ptr_array_set_size (self->offices, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      PlatzRecord *record = g_list_model_get_item (rooms, i);
      PlatzRoom *room = platz_record_get_data (record);

      if (g_strcmp0 (room->kind, "project_office") == 0 && room->reservable)
        g_ptr_array_add (self->offices, record);
      else
        g_object_unref (record);
    }
  if (self->pending == 0)
    rebuild_grid (self);
}

static void
on_teams_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzProjectsPage *self = user_data;
  g_autoptr(GListModel) teams = NULL;
  g_autoptr(GError) error = NULL;

  teams = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_ui_busy_done (GTK_WIDGET (self), self->spinner, &self->pending, teams != NULL,
                           error))
    return;
  g_ptr_array_set_size (self->teams, 0);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    g_ptr_array_add (self->teams, g_list_model_get_item (teams, i));
  if (self->pending == 0)
    rebuild_grid (self);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_prev_week_clicked_cb (PlatzProjectsPage *self)
{
  GDate day = self->first;

  if (self->month_view)
    g_date_subtract_months (&day, 1);
  else
    g_date_subtract_days (&day, 7);
  show_day (self, &day);
}

static void
on_next_week_clicked_cb (PlatzProjectsPage *self)
{
  GDate day = self->first;

  if (self->month_view)
    g_date_add_months (&day, 1);
  else
    g_date_add_days (&day, 7);
  show_day (self, &day);
}

static void
on_this_week_clicked_cb (PlatzProjectsPage *self)
{
  g_autofree char *today = platz_ui_today (0);

  platz_projects_page_set_week (self, today);
}

static void
on_view_toggled_cb (PlatzProjectsPage *self)
{
  gboolean month_view = gtk_toggle_button_get_active (self->month_button);

  /* Both buttons of the group toggle; act once. */
  if (month_view == self->month_view)
    return;
  self->month_view = month_view;
  show_day (self, &self->day);
}

static void
on_reserve_clicked_cb (PlatzProjectsPage *self)
{
  g_autofree char *first = platz_date_format (&self->first);
  g_autofree char *today = platz_ui_today (1);

  platz_project_dialog_open (self,
                             self->offices->len > 0
                             ? platz_record_get_id (self->offices->pdata[0]) : 0,
                             g_strcmp0 (first, today) > 0 ? first : today);
}

/* Cancelling one reservation, its series, or the reservations of a cell
 * of the month view one after the other. */
typedef struct {
  PlatzProjectsPage *self;
  gboolean           series;
  GArray            *ids;     /* gint64 */
  guint              done;
} CancelOp;

static void
cancel_op_free (CancelOp *op)
{
  g_object_unref (op->self);
  g_array_unref (op->ids);
  g_free (op);
}

static void cancel_next (CancelOp *op);

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CancelOp *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  platz_projects_page_busy (op->self, FALSE);
  if (!platz_api_boolean_finish (PLATZ_API (source), result, &error))
    {
      platz_ui_error (GTK_WIDGET (op->self), error);
      /* Some of a run may be gone already: show what is left. */
      if (op->done > 0)
        platz_projects_page_load_shown (op->self);
      cancel_op_free (op);
      return;
    }
  if (++op->done < op->ids->len)
    {
      cancel_next (op);
      return;
    }
  if (op->series)
    text = g_strdup (_("Series cancelled."));
  else if (op->ids->len == 1)
    text = g_strdup (_("Reservation cancelled."));
  else
    text = g_strdup_printf (g_dngettext (NULL, "Reservations of %u day cancelled.",
                                         "Reservations of %u days cancelled.", op->ids->len),
                            op->ids->len);
  platz_ui_toast (GTK_WIDGET (op->self), text);
  platz_projects_page_load_shown (op->self);
  cancel_op_free (op);
}

static void
cancel_next (CancelOp *op)
{
  platz_projects_page_busy (op->self, TRUE);
  platz_api_delete_reservation_async (op->self->api, g_array_index (op->ids, gint64, op->done),
                                      op->series, NULL, on_cancelled_cb, op);
}

static void
cancel_ids (PlatzProjectsPage *self,
            GPtrArray         *reservations,
            gboolean           series)
{
  CancelOp *op = g_new0 (CancelOp, 1);

  op->self = g_object_ref (self);
  op->series = series;
  op->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < reservations->len; i++)
    {
      gint64 id = platz_record_get_id (reservations->pdata[i]);

      g_array_append_val (op->ids, id);
    }
  cancel_next (op);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_projects_page_dispose (GObject *object)
{
  PlatzProjectsPage *self = PLATZ_PROJECTS_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->cancel_dialog != NULL)
    gtk_window_destroy (self->cancel_dialog);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_PROJECTS_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->reservations);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->cell_texts, g_hash_table_unref);
  G_OBJECT_CLASS (platz_projects_page_parent_class)->dispose (object);
}

static void
platz_projects_page_finalize (GObject *object)
{
  PlatzProjectsPage *self = PLATZ_PROJECTS_PAGE (object);

  g_free (self->week_text);
  G_OBJECT_CLASS (platz_projects_page_parent_class)->finalize (object);
}

static void
platz_projects_page_class_init (PlatzProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_projects_page_dispose;
  object_class->finalize = platz_projects_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, prev_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_prev_week_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_week_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_this_week_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reserve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
}

static void
platz_projects_page_init (PlatzProjectsPage *self)
{
  g_autofree char *today = platz_ui_today (0);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->offices = g_ptr_array_new_with_free_func (g_object_unref);
  self->teams = g_ptr_array_new_with_free_func (g_object_unref);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cell_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  platz_date_parse (today, &self->day);
  update_range (self);
  update_period_label (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_projects_page_set_api (PlatzProjectsPage *self,
                             PlatzApi          *api)
{
  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));

  g_set_object (&self->api, api);
  platz_projects_page_reload (self);
}

void
platz_projects_page_reload (PlatzProjectsPage *self)
{
  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));

  if (self->api == NULL)
    return;
  platz_ui_renew_cancellable (&self->cancellable);
  self->pending = 0;
  platz_projects_page_busy (self, TRUE);
  platz_api_list_rooms_async (self->api, 0, self->cancellable, on_offices_cb, self);
  platz_projects_page_busy (self, TRUE);
  platz_api_list_teams_async (self->api, self->cancellable, on_teams_cb, self);
  platz_projects_page_load_shown (self);
}

gboolean
platz_projects_page_is_loading (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), FALSE);
  return self->pending > 0;
}

void
platz_projects_page_set_week (PlatzProjectsPage *self,
                              const char        *date)
{
  GDate parsed;

  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));

  if (!platz_date_parse (date, &parsed))
    return;
  show_day (self, &parsed);
}

void
platz_projects_page_set_month_view (PlatzProjectsPage *self,
                                    gboolean           month_view)
{
  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));

  /* The switch's toggled handler shows it. */
  gtk_toggle_button_set_active (month_view ? self->month_button : self->week_button, TRUE);
}

gboolean
platz_projects_page_get_month_view (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), FALSE);
  return self->month_view;
}

const char *
platz_projects_page_get_period_label (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return gtk_label_get_text (self->week_label);
}

const char *
platz_projects_page_get_week_start (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return self->week_text;
}

const char *
platz_projects_page_get_cell_text (PlatzProjectsPage *self,
                                   gint64             room_id,
                                   const char        *date)
{
  g_autofree char *key = cell_key (room_id, date);

  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return g_hash_table_lookup (self->cell_texts, key);
}

PlatzRecord *
platz_projects_page_get_cell_reservation (PlatzProjectsPage *self,
                                          gint64             room_id,
                                          const char        *date)
{
  g_autofree char *key = cell_key (room_id, date);

  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return g_hash_table_lookup (self->cells, key);
}

GtkWindow *
platz_projects_page_reserve (PlatzProjectsPage *self,
                             gint64             room_id,
                             const char        *date)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return platz_project_dialog_open (self, room_id, date);
}

GtkWindow *
platz_projects_page_get_reserve_dialog (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return self->dialog;
}

char **
platz_projects_page_get_conflicts (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  if (self->dialog == NULL)
    return NULL;
  return platz_project_dialog_get_conflicts (self->dialog);
}

AdwMessageDialog *
platz_projects_page_get_cancel_dialog (PlatzProjectsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  return self->cancel_dialog != NULL ? ADW_MESSAGE_DIALOG (self->cancel_dialog) : NULL;
}

void
platz_projects_page_cancel (PlatzProjectsPage *self,
                            PlatzRecord       *reservation,
                            gboolean           series)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));
  g_return_if_fail (PLATZ_IS_RECORD (reservation));

  g_ptr_array_add (one, reservation);
  cancel_ids (self, one, series);
}

void
platz_projects_page_cancel_run (PlatzProjectsPage *self,
                                GPtrArray         *reservations)
{
  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));
  g_return_if_fail (reservations != NULL && reservations->len > 0);

  cancel_ids (self, reservations, FALSE);
}
