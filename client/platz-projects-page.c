/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-projects-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-ui.h"
#include "platz-projects-page.h"

#define MAX_DAYS 400

struct _PlatzProjectsPage
{
  GtkWidget     parent_instance;

  PlatzApi     *api;
  GCancellable *cancellable;
  guint         pending;

  GDate         week;          /* Monday */
  char         *week_text;
  GPtrArray    *offices;       /* PlatzRecord of the project offices */
  GPtrArray    *teams;         /* PlatzRecord of the teams one may see */
  GListModel   *reservations;  /* of the shown week */
  GHashTable   *cells;         /* "room|date" -> PlatzRecord */
  GHashTable   *cell_texts;    /* "room|date" -> text */
  GtkWindow    *dialog;        /* weak */

  /* Template widgets */
  GtkSpinner   *spinner;
  GtkLabel     *week_label;
  GtkLabel     *empty_label;
  GtkGrid      *grid;
};

G_DEFINE_FINAL_TYPE (PlatzProjectsPage, platz_projects_page, GTK_TYPE_WIDGET)

static void load_week (PlatzProjectsPage *self);
static void check_conflicts (GtkWindow *dialog);

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static void
set_loading (PlatzProjectsPage *self,
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

static char *
short_date (const GDate *date)
{
  char buffer[64];

  /* TRANSLATORS: a short date in strftime format, e.g. Mon 5 Jan */
  if (g_date_strftime (buffer, sizeof buffer, _("%a %-d %b"), date) == 0)
    return platz_date_format (date);
  return g_strdup (buffer);
}

/* The local date of an RFC 3339 time as the server sends it (in the
 * site's zone): its first ten characters. */
static gboolean
reservation_dates (PlatzReservation *r,
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
/* The grid                                                            */
/* ------------------------------------------------------------------ */

static void
on_cancel_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       PlatzProjectsPage *self)
{
  PlatzRecord *record = g_object_get_data (G_OBJECT (dialog), "record");

  if (g_str_equal (response, "day"))
    platz_projects_page_cancel (self, record, FALSE);
  else if (g_str_equal (response, "series"))
    platz_projects_page_cancel (self, record, TRUE);
}

static void
on_cell_clicked_cb (GtkButton         *button,
                    PlatzProjectsPage *self)
{
  PlatzRecord *office = g_object_get_data (G_OBJECT (button), "office");
  const char *date = g_object_get_data (G_OBJECT (button), "date");
  PlatzRecord *record = platz_projects_page_get_cell_reservation (
    self, platz_record_get_id (office), date);
  PlatzReservation *r;
  GtkWidget *dialog;
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  const char *team;

  if (record == NULL)
    {
      platz_projects_page_reserve (self, platz_record_get_id (office), date);
      return;
    }
  r = platz_record_get_data (record);
  team = team_name (self, r->team_id);
  day = platz_ui_format_date (date);
  body = g_strdup_printf (_("%s has %s on %s."), team != NULL ? team : _("A team"),
                          platz_record_get_title (office), day);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Cancel Reservation?"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Keep"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "day", _("Cancel This _Day"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "day",
                                              ADW_RESPONSE_DESTRUCTIVE);
  if (r->series_id > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "series",
                                       _("Cancel the _Series"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "series",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rebuild_grid (PlatzProjectsPage *self)
{
  GtkWidget *child;
  const PlatzUser *user = platz_api_get_user (self->api);
  GDate sunday = self->week;

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

      if (!reservation_dates (r, &first, &last))
        continue;
      for (GDate d = first; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
        {
          g_autofree char *iso = platz_date_format (&d);

          g_hash_table_insert (self->cells, cell_key (r->room_id, iso), g_object_ref (record));
        }
    }

  g_date_add_days (&sunday, 6);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          self->offices != NULL && self->offices->len == 0);

  for (int day = 0; day < 7; day++)
    {
      GDate d = self->week;
      g_autofree char *text = NULL;
      GtkWidget *label;

      g_date_add_days (&d, day);
      text = short_date (&d);
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (self->grid, label, day + 1, 0, 1, 1);
    }

  for (guint row = 0; self->offices != NULL && row < self->offices->len; row++)
    {
      PlatzRecord *office = self->offices->pdata[row];
      GtkWidget *name = gtk_label_new (platz_record_get_title (office));
      const char *where = platz_record_get_extra (office, "floor_name");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_margin_end (name, 8);
      if (where != NULL)
        gtk_widget_set_tooltip_text (name, where);
      gtk_grid_attach (self->grid, name, 0, row + 1, 1, 1);

      for (int day = 0; day < 7; day++)
        {
          GDate d = self->week;
          g_autofree char *date = NULL;
          g_autofree char *key = NULL;
          g_autofree char *when = NULL;
          g_autofree char *a11y = NULL;
          g_autofree char *text = NULL;
          PlatzRecord *record;
          GtkWidget *button = gtk_button_new ();
          GtkWidget *label;

          g_date_add_days (&d, day);
          date = platz_date_format (&d);
          key = cell_key (platz_record_get_id (office), date);
          record = g_hash_table_lookup (self->cells, key);
          if (record != NULL)
            {
              PlatzReservation *r = platz_record_get_data (record);
              const char *team = team_name (self, r->team_id);

              if (team == NULL)
                team = _("Reserved");
              text = r->title != NULL && *r->title != '\0'
                ? g_strdup_printf ("%s · %s", team, r->title) : g_strdup (team);
              gtk_widget_add_css_class (button, "taken");
              if (user != NULL && team_name (self, r->team_id) != NULL
                  && (r->user_id == user->id || user->team_id == r->team_id))
                gtk_widget_add_css_class (button, "own-team");
            }
          else
            text = g_strdup ("");
          label = gtk_label_new (*text != '\0' ? text : "–");
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
          gtk_button_set_child (GTK_BUTTON (button), label);
          gtk_widget_add_css_class (button, "project-cell");
          gtk_widget_set_hexpand (button, TRUE);
          when = platz_ui_format_date (date);
          a11y = g_strdup_printf ("%s, %s: %s", platz_record_get_title (office), when,
                                  *text != '\0' ? text : _("free"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          gtk_widget_set_tooltip_text (button, a11y);
          g_object_set_data_full (G_OBJECT (button), "office", g_object_ref (office),
                                  g_object_unref);
          g_object_set_data_full (G_OBJECT (button), "date", g_strdup (date), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
          gtk_grid_attach (self->grid, button, day + 1, row + 1, 1, 1);
          g_hash_table_insert (self->cell_texts, g_steal_pointer (&key), g_steal_pointer (&text));
        }
    }
}

static void
update_week_label (PlatzProjectsPage *self)
{
  GDate sunday = self->week;
  g_autofree char *from = short_date (&self->week);
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  g_date_add_days (&sunday, 6);
  to = short_date (&sunday);
  text = g_strdup_printf (_("Week %d: %s – %s"), platz_date_iso_week (&self->week) % 100,
                          from, to);
  gtk_label_set_text (self->week_label, text);
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

static void
load_week (PlatzProjectsPage *self)
{
  GDate sunday = self->week;
  g_autofree char *from = platz_date_format (&self->week);
  g_autofree char *to = NULL;

  g_date_add_days (&sunday, 6);
  to = platz_date_format (&sunday);
  update_week_label (self);
  set_loading (self, TRUE);
  platz_api_list_reservations_async (self->api, from, to, 0, 0, FALSE, self->cancellable,
                                     on_week_cb, self);
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

      if (!reservation_dates (platz_record_get_data (record), &first, &last))
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
          g_autofree char *human = short_date (d);

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
  gtk_spinner_set_spinning (GTK_SPINNER (form->spinner), FALSE);
  gtk_widget_set_sensitive (form->reserve, TRUE);
  set_loading (self, FALSE);
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
  load_week (self);
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
  gtk_spinner_set_spinning (GTK_SPINNER (form->spinner), TRUE);
  gtk_widget_set_sensitive (form->reserve, FALSE);
  set_loading (form->self, TRUE);
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

static GtkWindow *
open_dialog (PlatzProjectsPage *self,
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

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_prev_week_clicked_cb (PlatzProjectsPage *self)
{
  g_date_subtract_days (&self->week, 7);
  load_week (self);
}

static void
on_next_week_clicked_cb (PlatzProjectsPage *self)
{
  g_date_add_days (&self->week, 7);
  load_week (self);
}

static void
on_this_week_clicked_cb (PlatzProjectsPage *self)
{
  g_autofree char *today = platz_ui_today (0);

  platz_projects_page_set_week (self, today);
}

static void
on_reserve_clicked_cb (PlatzProjectsPage *self)
{
  g_autofree char *monday = platz_date_format (&self->week);
  g_autofree char *today = platz_ui_today (1);

  open_dialog (self, self->offices->len > 0 ? platz_record_get_id (self->offices->pdata[0]) : 0,
               g_strcmp0 (monday, today) > 0 ? monday : today);
}

typedef struct {
  PlatzProjectsPage *self;
  gboolean           series;
} CancelOp;

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CancelOp *op = user_data;
  g_autoptr(GError) error = NULL;

  set_loading (op->self, FALSE);
  if (!platz_api_boolean_finish (PLATZ_API (source), result, &error))
    platz_ui_error (GTK_WIDGET (op->self), error);
  else
    {
      platz_ui_toast (GTK_WIDGET (op->self), op->series ? _("Series cancelled.")
                                                        : _("Reservation cancelled."));
      load_week (op->self);
    }
  g_object_unref (op->self);
  g_free (op);
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
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzProjectsPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_prev_week_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_week_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_this_week_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reserve_clicked_cb);
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
  platz_date_parse (today, &self->week);
  g_date_subtract_days (&self->week, platz_date_iso_weekday (&self->week) - 1);
  update_week_label (self);
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
  set_loading (self, TRUE);
  platz_api_list_rooms_async (self->api, 0, self->cancellable, on_offices_cb, self);
  set_loading (self, TRUE);
  platz_api_list_teams_async (self->api, self->cancellable, on_teams_cb, self);
  load_week (self);
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
  g_date_subtract_days (&parsed, platz_date_iso_weekday (&parsed) - 1);
  self->week = parsed;
  if (self->api != NULL)
    load_week (self);
  else
    update_week_label (self);
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
  return open_dialog (self, room_id, date);
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
  Form *form;

  g_return_val_if_fail (PLATZ_IS_PROJECTS_PAGE (self), NULL);
  if (self->dialog == NULL)
    return NULL;
  form = g_object_get_data (G_OBJECT (self->dialog), "form");
  return form->conflict_dates;
}

void
platz_projects_page_cancel (PlatzProjectsPage *self,
                            PlatzRecord       *reservation,
                            gboolean           series)
{
  CancelOp *op;

  g_return_if_fail (PLATZ_IS_PROJECTS_PAGE (self));
  g_return_if_fail (PLATZ_IS_RECORD (reservation));

  op = g_new0 (CancelOp, 1);
  op->self = g_object_ref (self);
  op->series = series;
  set_loading (self, TRUE);
  platz_api_delete_reservation_async (self->api, platz_record_get_id (reservation), series, NULL,
                                      on_cancelled_cb, op);
}
