/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-rooms-page"

#include "config.h"

#include "platz-rooms-page.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-plan-geometry.h"
#include "platz-ui.h"
#include "platz-reserve-dialog.h"
#include "platz-rooms-page-private.h"

#define AHEAD_DAYS 190

G_DEFINE_FINAL_TYPE (PlatzRoomsPage, platz_rooms_page, GTK_TYPE_WIDGET)

static void load_policies (PlatzRoomsPage *self);

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

void
platz_rooms_page_busy (PlatzRoomsPage *self,
                       gboolean        loading)
{
  if (loading)
    self->pending++;
  else if (self->pending > 0)
    self->pending--;
  gtk_spinner_set_spinning (self->spinner, self->pending + self->search_pending > 0);
}

void
platz_rooms_page_search_busy (PlatzRoomsPage *self,
                              gboolean        loading)
{
  if (loading)
    self->search_pending++;
  else if (self->search_pending > 0)
    self->search_pending--;
  platz_rooms_page_busy (self, FALSE);
}

int
platz_rooms_page_time_at (PlatzRoomsPage *self,
                          AdwComboRow    *row)
{
  guint position = adw_combo_row_get_selected (row);
  const char *text;
  int minutes = -1;

  if (position == GTK_INVALID_LIST_POSITION
      || position >= g_list_model_get_n_items (G_LIST_MODEL (self->times)))
    return -1;
  text = gtk_string_list_get_string (self->times, position);
  if (!platz_time_parse (text, &minutes))
    return -1;
  return minutes;
}

gboolean
platz_rooms_page_select_time (PlatzRoomsPage *self,
                              AdwComboRow    *row,
                              int             minutes)
{
  g_autofree char *text = platz_room_timeline_format_time (minutes);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->times)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->times, i), text))
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

static int
today_first_start (PlatzRoomsPage *self,
                   const char     *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);

  return platz_rooms_first_start (date, now, self->day_start, self->day_end, self->slot);
}

/* Unless the user picked a start, the pickers start at the first slot
 * still to come on the chosen day (the start of working hours on a later
 * day) and last an hour. */
static void
select_first_times (PlatzRoomsPage *self)
{
  int start, end;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->times));

  if (self->start_chosen || n == 0 || self->date == NULL)
    return;
  start = today_first_start (self, self->date);
  if (start < 0)
    start = self->day_start;
  end = MIN (start + 60, self->day_end);
  self->setting_times = TRUE;
  if (!platz_rooms_page_select_time (self, self->start_row, start))
    adw_combo_row_set_selected (self->start_row, 0);
  if (!platz_rooms_page_select_time (self, self->end_row, end))
    adw_combo_row_set_selected (self->end_row, MIN ((guint) (60 / self->slot), n - 1));
  self->setting_times = FALSE;
}

/* The slot grid of the working hours, keeping the chosen times. */
static void
fill_times (PlatzRoomsPage *self)
{
  int start = platz_rooms_page_time_at (self, self->start_row);
  int end = platz_rooms_page_time_at (self, self->end_row);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (int m = self->day_start; m <= self->day_end; m += self->slot)
    g_ptr_array_add (items, platz_room_timeline_format_time (m));
  g_ptr_array_add (items, NULL);
  self->setting_times = TRUE;
  gtk_string_list_splice (self->times, 0, g_list_model_get_n_items (G_LIST_MODEL (self->times)),
                          (const char * const *) items->pdata);
  if (start >= 0)
    platz_rooms_page_select_time (self, self->start_row, start);
  if (end > start)
    platz_rooms_page_select_time (self, self->end_row, end);
  self->setting_times = FALSE;
  select_first_times (self);
}

static void
set_date (PlatzRoomsPage *self,
          const char     *date)
{
  g_autofree char *label = platz_ui_format_date (date);
  GDate parsed;

  if (g_strcmp0 (self->date, date) != 0)
    {
      g_free (self->date);
      self->date = g_strdup (date);
    }
  gtk_menu_button_set_label (self->date_button, label);
  if (platz_date_parse (date, &parsed))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&parsed),
                                                       g_date_get_month (&parsed),
                                                       g_date_get_day (&parsed), 12, 0, 0);

      gtk_calendar_select_day (self->calendar, dt);
    }
  select_first_times (self);
}

static void
on_start_selected_cb (PlatzRoomsPage *self)
{
  if (!self->setting_times)
    self->start_chosen = TRUE;
}

/* Opens on the first day with a slot left that the site does not close,
 * unless the user chose a day. */
static void
select_opening_date (PlatzRoomsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autofree char *date = NULL;

  if (self->date_chosen)
    return;
  date = platz_rooms_opening_date (now, self->day_start, self->day_end, self->slot,
                                   self->closed_weekdays);
  set_date (self, date);
}

char *
platz_rooms_page_rfc3339 (PlatzRoomsPage *self,
                          const char     *date,
                          int             minutes)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate parsed;

  if (!platz_date_parse (date, &parsed))
    return NULL;
  dt = g_date_time_new (self->zone, g_date_get_year (&parsed), g_date_get_month (&parsed),
                        g_date_get_day (&parsed), minutes / 60, minutes % 60, 0);
  return dt != NULL ? platz_datetime_format (dt, self->zone) : NULL;
}

static char **
chosen_equipment (PlatzRoomsPage *self)
{
  GPtrArray *tags = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->equipment_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (tags, g_strdup (g_object_get_data (G_OBJECT (check), "tag")));
    }
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

static const char *
chosen_kind (PlatzRoomsPage *self)
{
  switch (adw_combo_row_get_selected (self->kind_row))
    {
    case 1:
      return "meeting_room";
    case 2:
      return "lounge";
    default:
      return NULL;
    }
}

static PlatzRecord *
find_result (PlatzRoomsPage *self,
             gint64          room_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->results)); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (platz_record_get_id (record) == room_id)
        return record;
    }
  return NULL;
}

static char *
describe_range (PlatzRoomsPage *self,
                const char     *start,
                const char     *end)
{
  g_autoptr(GDateTime) s = platz_datetime_parse (start);
  g_autoptr(GDateTime) e = platz_datetime_parse (end);
  g_autoptr(GDateTime) ls = NULL;
  g_autoptr(GDateTime) le = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (s == NULL || e == NULL)
    return g_strdup ("");
  ls = g_date_time_to_timezone (s, self->zone);
  le = g_date_time_to_timezone (e, self->zone);
  date = g_date_time_format (ls, "%Y-%m-%d");
  day = platz_ui_format_date (date);
  /* A whole day (project offices) or more. */
  if (g_date_time_get_hour (ls) == 0 && g_date_time_get_minute (ls) == 0
      && g_date_time_get_hour (le) == 0 && g_date_time_get_minute (le) == 0)
    return g_strdup_printf (_("%s, whole day"), day);
  from = g_date_time_format (ls, "%H:%M");
  to = g_date_time_format (le, "%H:%M");
  return g_strdup_printf ("%s, %s–%s", day, from, to);
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

static void
on_reserve_row_clicked_cb (GtkButton      *button,
                           PlatzRoomsPage *self)
{
  PlatzRecord *room = g_object_get_data (G_OBJECT (button), "record");

  platz_reserve_dialog_open (self, room, self->search_start);
}

static void
on_timeline_slot_activated_cb (PlatzRoomTimeline *timeline,
                               int                start,
                               PlatzRoomsPage    *self)
{
  PlatzRecord *room = g_object_get_data (G_OBJECT (timeline), "record");

  if (!platz_room_timeline_is_free (timeline, start, start + self->slot))
    {
      platz_ui_toast (GTK_WIDGET (self), _("This time is already taken."));
      return;
    }
  platz_reserve_dialog_open (self, room, start);
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  PlatzRoomsPage *self = user_data;
  PlatzRecord *record = item;
  PlatzRoom *room = platz_record_get_data (record);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (room->name);
  GtkWidget *subtitle;
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Reserve…"));
  GtkWidget *timeline = platz_room_timeline_new ();
  g_autofree char *equipment = platz_equipment_describe (room->equipment);
  g_autofree char *text = NULL;
  g_autofree char *button_label = NULL;

  text = g_strdup_printf (_("%s · %s · %s · %" PRId64 " seats%s%s"),
                          g_strcmp0 (room->kind, "lounge") == 0 ? _("Lounge") : _("Meeting room"),
                          platz_record_get_extra (record, "building_name") ?: "",
                          platz_record_get_extra (record, "floor_name") ?: "",
                          room->capacity, *equipment != '\0' ? " · " : "", equipment);
  subtitle = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (top), texts);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  button_label = g_strdup_printf (_("Reserve %s"), room->name);
  platz_ui_name (button, button_label);
  g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_reserve_row_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (box), top);

  platz_room_timeline_set_hours (PLATZ_ROOM_TIMELINE (timeline), self->day_start, self->day_end,
                                 self->slot);
  platz_room_timeline_set_room_name (PLATZ_ROOM_TIMELINE (timeline), room->name);
  platz_room_timeline_set_selection (PLATZ_ROOM_TIMELINE (timeline), self->search_start,
                                     self->search_end);
  g_object_set_data_full (G_OBJECT (timeline), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (timeline, "slot-activated", G_CALLBACK (on_timeline_slot_activated_cb), self);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_hash_table_insert (self->timelines, g_memdup2 (&room->id, sizeof room->id),
                       g_object_ref (timeline));
  platz_reserve_dialog_load_timeline (self, room->id, PLATZ_ROOM_TIMELINE (timeline));
  return row;
}

static void
on_search_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlatzRoomsPage *self = user_data;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  guint n;

  rooms = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_rooms_page_search_busy (self, FALSE);
  if (rooms == NULL)
    {
      /* The form keeps what was chosen; the reason goes under it. */
      gtk_label_set_text (self->results_label, error->message);
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  n = g_list_model_get_n_items (rooms);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (rooms, i));
  g_hash_table_remove_all (self->timelines);
  g_list_store_splice (self->results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  if (n == 0)
    text = g_strdup (_("No room is free at that time. Try another time or fewer attendees."));
  else
    text = g_strdup_printf (g_dngettext (NULL, "%u room is free.", "%u rooms are free.", n), n);
  gtk_label_set_text (self->results_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), n > 0);
}

/* ------------------------------------------------------------------ */
/* My reservations                                                     */
/* ------------------------------------------------------------------ */

typedef struct {
  PlatzRoomsPage *self;
  PlatzRecord    *reservation;
  gboolean        series;
} CancelOp;

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CancelOp *op = user_data;
  PlatzRoomsPage *self = op->self;
  g_autoptr(GError) error = NULL;

  platz_rooms_page_busy (self, FALSE);
  if (!platz_api_boolean_finish (PLATZ_API (source), result, &error))
    platz_ui_error (GTK_WIDGET (self), error);
  else
    {
      guint position;

      if (!op->series && g_list_store_find (self->mine, op->reservation, &position))
        g_list_store_remove (self->mine, position);
      platz_ui_toast (GTK_WIDGET (self), op->series ? _("Series cancelled.")
                                                    : _("Reservation cancelled."));
      platz_rooms_page_load_mine (self);
      if (self->search_date != NULL)
        platz_rooms_page_search (self);
    }
  g_object_unref (op->self);
  g_object_unref (op->reservation);
  g_free (op);
}

static void
on_cancel_clicked_cb (GtkButton      *button,
                      PlatzRoomsPage *self)
{
  platz_rooms_page_cancel (self, g_object_get_data (G_OBJECT (button), "record"),
                           GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "series")));
}

static GtkWidget *
cancel_button (PlatzRoomsPage *self,
               PlatzRecord    *record,
               const char     *label,
               gboolean        series)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
  g_object_set_data (G_OBJECT (button), "series", GINT_TO_POINTER (series));
  g_signal_connect (button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  return button;
}

static GtkWidget *
create_mine_row (gpointer item,
                 gpointer user_data)
{
  PlatzRoomsPage *self = user_data;
  PlatzRecord *record = item;
  PlatzReservation *r = platz_record_get_data (record);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = describe_range (self, r->start, r->end);
  g_autofree char *subtitle = NULL;
  const char *title = r->title != NULL && *r->title != '\0' ? r->title : _("Reservation");

  subtitle = g_strdup_printf ("%s · %s", when, platz_record_get_extra (record, "room_name") ?: "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (r->series_id > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               cancel_button (self, record, _("Cancel _Series"), TRUE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cancel_button (self, record, _("_Cancel"), FALSE));
  return row;
}

static int
compare_reservations (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  PlatzReservation *ra = platz_record_get_data ((PlatzRecord *) a);
  PlatzReservation *rb = platz_record_get_data ((PlatzRecord *) b);
  g_autoptr(GDateTime) sa = platz_datetime_parse (ra->start);
  g_autoptr(GDateTime) sb = platz_datetime_parse (rb->start);

  if (sa == NULL || sb == NULL)
    return g_strcmp0 (ra->start, rb->start);
  return g_date_time_compare (sa, sb);
}

static void
on_mine_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PlatzRoomsPage *self = user_data;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  list = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_rooms_page_busy (self, FALSE);
  if (list == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      PlatzRecord *record = g_list_model_get_item (list, i);
      PlatzReservation *r = platz_record_get_data (record);
      g_autoptr(GDateTime) end = platz_datetime_parse (r->end);

      /* Upcoming and running ones only. */
      if (end != NULL && g_date_time_compare (end, now) <= 0)
        g_object_unref (record);
      else
        g_ptr_array_add (items, record);
    }
  g_list_store_splice (self->mine, 0, g_list_model_get_n_items (G_LIST_MODEL (self->mine)),
                       items->pdata, items->len);
  g_list_store_sort (self->mine, compare_reservations, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_empty_label), items->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_list), items->len > 0);
}

void
platz_rooms_page_load_mine (PlatzRoomsPage *self)
{
  g_autofree char *from = platz_ui_today (-1);
  g_autofree char *to = platz_ui_today (AHEAD_DAYS);

  platz_rooms_page_busy (self, TRUE);
  platz_api_list_reservations_async (self->api, from, to, 0, 0, TRUE, self->cancellable,
                                     on_mine_cb, self);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

static void
on_policies_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlatzRoomsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  PlatzPolicies *policies;
  int start, end;

  policies = platz_api_get_policies_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_rooms_page_busy (self, FALSE);
  if (policies == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  if (platz_time_parse (policies->working_hours_start, &start)
      && platz_time_parse (policies->working_hours_end, &end) && end > start)
    {
      self->day_start = start;
      self->day_end = end;
    }
  if (policies->slot_minutes > 0 && policies->slot_minutes <= 240)
    self->slot = policies->slot_minutes;
  self->booking_window = policies->booking_window_days;
  platz_object_free (&platz_policies_type, policies);
  fill_times (self);
  select_opening_date (self);
}

static void
load_policies (PlatzRoomsPage *self)
{
  platz_rooms_page_busy (self, TRUE);
  platz_api_get_policies_async (self->api, self->site_id, self->cancellable,
                                on_policies_cb, self);
}

static void
select_site (PlatzRoomsPage *self,
             guint           position)
{
  g_autoptr(PlatzRecord) record = NULL;
  PlatzSite *site;

  if (self->sites == NULL || position >= g_list_model_get_n_items (self->sites))
    return;
  record = g_list_model_get_item (self->sites, position);
  site = platz_record_get_data (record);
  self->site_id = site->id;
  self->closed_weekdays = site->closed_weekdays;
  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (site->timezone != NULL)
    self->zone = g_time_zone_new_identifier (site->timezone);
  if (self->zone == NULL)
    self->zone = g_time_zone_new_local ();
  load_policies (self);
}

static void
on_site_selected_cb (PlatzRoomsPage *self)
{
  select_site (self, adw_combo_row_get_selected (self->site_row));
}

static void
on_sites_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzRoomsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *sites;

  sites = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_rooms_page_busy (self, FALSE);
  if (sites == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  g_clear_object (&self->sites);
  self->sites = sites;
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (sites, i);

      gtk_string_list_append (names, platz_record_get_title (record));
    }
  g_signal_handlers_block_by_func (self->site_row, on_site_selected_cb, self);
  adw_combo_row_set_model (self->site_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->site_row, 0);
  g_signal_handlers_unblock_by_func (self->site_row, on_site_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->site_row), g_list_model_get_n_items (sites) > 1);
  select_site (self, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
on_rooms_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzRoomsPage *self = user_data;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  GtkWidget *child;

  rooms = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_rooms_page_busy (self, FALSE);
  if (rooms == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (rooms, i);
      PlatzRoom *room = platz_record_get_data (record);

      if (g_strcmp0 (room->kind, "meeting_room") != 0 && g_strcmp0 (room->kind, "lounge") != 0)
        continue;
      for (guint j = 0; room->equipment != NULL && room->equipment[j] != NULL; j++)
        if (g_hash_table_add (seen, room->equipment[j]))
          g_ptr_array_add (tags, room->equipment[j]);
    }
  g_ptr_array_sort (tags, compare_strings);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->equipment_box))) != NULL)
    gtk_flow_box_remove (self->equipment_box, child);
  for (guint i = 0; i < tags->len; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (platz_equipment_label (tags->pdata[i]));

      g_object_set_data_full (G_OBJECT (check), "tag", g_strdup (tags->pdata[i]), g_free);
      gtk_flow_box_append (self->equipment_box, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->equipment_row), tags->len > 0);
}

/* ------------------------------------------------------------------ */
/* Template callbacks                                                  */
/* ------------------------------------------------------------------ */

static void
shift_date (PlatzRoomsPage *self,
            int             days)
{
  GDate date;
  g_autofree char *text = NULL;

  if (self->date == NULL || !platz_date_parse (self->date, &date))
    return;
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  text = platz_date_format (&date);
  self->date_chosen = TRUE;
  set_date (self, text);
}

static void
on_prev_day_clicked_cb (PlatzRoomsPage *self)
{
  shift_date (self, -1);
}

static void
on_next_day_clicked_cb (PlatzRoomsPage *self)
{
  shift_date (self, 1);
}

static void
on_calendar_day_selected_cb (PlatzRoomsPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%d");

  if (g_strcmp0 (text, self->date) != 0)
    {
      self->date_chosen = TRUE;
      set_date (self, text);
    }
  gtk_popover_popdown (self->date_popover);
}

static void
on_search_clicked_cb (PlatzRoomsPage *self)
{
  platz_rooms_page_search (self);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_rooms_page_dispose (GObject *object)
{
  PlatzRoomsPage *self = PLATZ_ROOMS_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_ROOMS_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->timelines, g_hash_table_unref);
  g_clear_object (&self->results);
  g_clear_object (&self->mine);
  g_clear_object (&self->times);
  g_clear_object (&self->sites);
  G_OBJECT_CLASS (platz_rooms_page_parent_class)->dispose (object);
}

static void
platz_rooms_page_finalize (GObject *object)
{
  PlatzRoomsPage *self = PLATZ_ROOMS_PAGE (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->date);
  g_free (self->search_date);
  G_OBJECT_CLASS (platz_rooms_page_parent_class)->finalize (object);
}

static void
platz_rooms_page_class_init (PlatzRoomsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_rooms_page_dispose;
  object_class->finalize = platz_rooms_page_finalize;

  g_type_ensure (PLATZ_TYPE_ROOM_TIMELINE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-rooms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, attendees_spin);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, equipment_box);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, mine_empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzRoomsPage, mine_list);
  gtk_widget_class_bind_template_callback (widget_class, on_prev_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_clicked_cb);
}

static void
platz_rooms_page_init (PlatzRoomsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->day_start = 6 * 60;
  self->day_end = 20 * 60;
  self->slot = 15;
  self->zone = g_time_zone_new_local ();
  self->times = gtk_string_list_new (NULL);
  self->results = g_list_store_new (PLATZ_TYPE_RECORD);
  self->mine = g_list_store_new (PLATZ_TYPE_RECORD);
  self->timelines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  adw_combo_row_set_model (self->start_row, G_LIST_MODEL (self->times));
  adw_combo_row_set_model (self->end_row, G_LIST_MODEL (self->times));
  fill_times (self);
  select_opening_date (self);
  g_signal_connect_swapped (self->start_row, "notify::selected",
                            G_CALLBACK (on_start_selected_cb), self);
  g_signal_connect_swapped (self->site_row, "notify::selected",
                            G_CALLBACK (on_site_selected_cb), self);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results),
                           create_result_row, self, NULL);
  gtk_list_box_bind_model (self->mine_list, G_LIST_MODEL (self->mine),
                           create_mine_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->equipment_row), FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_rooms_page_set_api (PlatzRoomsPage *self,
                          PlatzApi       *api)
{
  g_return_if_fail (PLATZ_IS_ROOMS_PAGE (self));

  g_set_object (&self->api, api);
  platz_rooms_page_reload (self);
}

void
platz_rooms_page_reload (PlatzRoomsPage *self)
{
  g_return_if_fail (PLATZ_IS_ROOMS_PAGE (self));

  if (self->api == NULL)
    return;
  platz_ui_renew_cancellable (&self->cancellable);
  self->pending = 0;
  platz_rooms_page_busy (self, TRUE);
  platz_api_list_sites_async (self->api, self->cancellable, on_sites_cb, self);
  platz_rooms_page_busy (self, TRUE);
  platz_api_list_rooms_async (self->api, 0, self->cancellable, on_rooms_cb, self);
  platz_rooms_page_load_mine (self);
}

gboolean
platz_rooms_page_is_loading (PlatzRoomsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), FALSE);
  return self->pending + self->search_pending > 0;
}

gboolean
platz_rooms_page_set_query (PlatzRoomsPage *self,
                            const char     *date,
                            const char     *start,
                            const char     *end,
                            int             attendees)
{
  int s, e;

  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), FALSE);

  if (date != NULL)
    {
      self->date_chosen = TRUE;
      set_date (self, date);
    }
  if (start != NULL)
    self->start_chosen = TRUE;
  if (start != NULL && (!platz_time_parse (start, &s) || !platz_rooms_page_select_time (self, self->start_row, s)))
    return FALSE;
  if (end != NULL && (!platz_time_parse (end, &e) || !platz_rooms_page_select_time (self, self->end_row, e)))
    return FALSE;
  if (attendees > 0)
    gtk_spin_button_set_value (self->attendees_spin, attendees);
  return TRUE;
}

void
platz_rooms_page_search (PlatzRoomsPage *self)
{
  g_auto(GStrv) equipment = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  int start, end;

  g_return_if_fail (PLATZ_IS_ROOMS_PAGE (self));

  if (self->api == NULL)
    return;
  start = platz_rooms_page_time_at (self, self->start_row);
  end = platz_rooms_page_time_at (self, self->end_row);
  if (start < 0 || end <= start)
    {
      gtk_label_set_text (self->results_label, _("The end must be after the start."));
      return;
    }
  self->search_start = start;
  self->search_end = end;
  self->search_attendees = gtk_spin_button_get_value_as_int (self->attendees_spin);
  g_free (self->search_date);
  self->search_date = g_strdup (self->date);
  start_text = platz_rooms_page_rfc3339 (self, self->date, start);
  end_text = platz_rooms_page_rfc3339 (self, self->date, end);
  equipment = chosen_equipment (self);

  platz_ui_renew_cancellable (&self->search_cancellable);
  self->search_pending = 0;
  platz_rooms_page_search_busy (self, TRUE);
  platz_api_search_rooms_async (self->api, start_text, end_text, self->search_attendees,
                                equipment, self->site_id, chosen_kind (self),
                                self->search_cancellable, on_search_cb, self);
}

GListModel *
platz_rooms_page_get_results (PlatzRoomsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), NULL);
  return G_LIST_MODEL (self->results);
}

PlatzRoomTimeline *
platz_rooms_page_get_timeline (PlatzRoomsPage *self,
                               gint64          room_id)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), NULL);
  return g_hash_table_lookup (self->timelines, &room_id);
}

GtkWindow *
platz_rooms_page_reserve (PlatzRoomsPage *self,
                          gint64          room_id)
{
  PlatzRecord *room;

  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), NULL);

  room = find_result (self, room_id);
  if (room == NULL)
    return NULL;
  return platz_reserve_dialog_open (self, room, self->search_start);
}

GtkWindow *
platz_rooms_page_get_reserve_dialog (PlatzRoomsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), NULL);
  return self->dialog;
}

GListModel *
platz_rooms_page_get_mine (PlatzRoomsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), NULL);
  return G_LIST_MODEL (self->mine);
}

void
platz_rooms_page_cancel (PlatzRoomsPage *self,
                         PlatzRecord    *reservation,
                         gboolean        series)
{
  CancelOp *op;

  g_return_if_fail (PLATZ_IS_ROOMS_PAGE (self));
  g_return_if_fail (PLATZ_IS_RECORD (reservation));

  op = g_new0 (CancelOp, 1);
  op->self = g_object_ref (self);
  op->reservation = g_object_ref (reservation);
  op->series = series;
  platz_rooms_page_busy (self, TRUE);
  platz_api_delete_reservation_async (self->api, platz_record_get_id (reservation), series, NULL,
                                      on_cancelled_cb, op);
}

const char *
platz_rooms_page_get_date (PlatzRoomsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), NULL);
  return self->date;
}

int
platz_rooms_page_get_start (PlatzRoomsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOMS_PAGE (self), -1);
  return platz_rooms_page_time_at (self, self->start_row);
}

/* ------------------------------------------------------------------ */
/* Where the pickers start                                             */
/* ------------------------------------------------------------------ */

int
platz_rooms_first_start (const char *date,
                         GDateTime  *now,
                         int         day_start,
                         int         day_end,
                         int         slot)
{
  g_autofree char *today = NULL;
  int order, minutes, start;

  g_return_val_if_fail (date != NULL && now != NULL, -1);

  if (slot <= 0)
    return -1;
  today = g_date_time_format (now, "%Y-%m-%d");
  order = strcmp (date, today);
  if (order > 0)
    return day_start + slot <= day_end ? day_start : -1;
  if (order < 0)
    return -1;
  /* A slot that began a second ago has begun: the next one. */
  minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)
            + (g_date_time_get_second (now) > 0 ? 1 : 0);
  start = day_start;
  if (minutes > day_start)
    start = day_start + (minutes - day_start + slot - 1) / slot * slot;
  return start + slot <= day_end ? start : -1;
}

char *
platz_rooms_opening_date (GDateTime *now,
                          int        day_start,
                          int        day_end,
                          int        slot,
                          gint64     closed_weekdays)
{
  g_autofree char *fallback = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  for (int days = 0; days <= 7; days++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, days);
      g_autofree char *text = g_date_time_format (then, "%Y-%m-%d");
      GDate date;

      if (platz_rooms_first_start (text, now, day_start, day_end, slot) < 0)
        continue;
      if (fallback == NULL)
        fallback = g_strdup (text);
      if (platz_date_parse (text, &date) && !platz_weekdays_contain (closed_weekdays, &date))
        return g_steal_pointer (&text);
    }
  return fallback != NULL ? g_steal_pointer (&fallback) : g_date_time_format (now, "%Y-%m-%d");
}
