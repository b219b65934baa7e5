/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-day-view"

#include "config.h"

#include "platz-desk-dialog.h"

#include <glib/gi18n.h>

#include "platz-client-error.h"
#include "platz-ui.h"
#include "platz-day-view-private.h"
#include "platz-date.h"
#include "platz-record.h"

/* The selected site closes its desks on the view's weekday. */
static gboolean
site_closed (PlatzDayView *self)
{
  PlatzRecord *record = gtk_drop_down_get_selected_item (self->site_dropdown);
  const PlatzSite *site = record != NULL ? platz_record_get_data (record) : NULL;
  GDate date;

  return site != NULL && self->date != NULL && platz_date_parse (self->date, &date) &&
         platz_weekdays_contain (site->closed_weekdays, &date);
}

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  PlatzDayView *self;
  gint64        desk_id;
  gint64        room_id;
  char         *slot;
  gint64        for_user_id;  /* 0 = the signed-in user */
  char         *for_name;
} BookData;

static void
book_data_free (BookData *data)
{
  g_object_unref (data->self);
  g_free (data->slot);
  g_free (data->for_name);
  g_free (data);
}

static void
on_booked_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BookData *data = user_data;
  PlatzDayView *self = data->self;
  g_autoptr(PlatzRecord) booking = NULL;
  g_autoptr(GError) error = NULL;

  booking = platz_api_record_finish (PLATZ_API (source), result, &error);
  platz_day_view_busy_pop (self);
  if (booking == NULL)
    {
      const PlatzRoomFill *fill = platz_availability_get_room (self->avail, data->room_id);

      if (g_error_matches (error, PLATZ_ERROR, PLATZ_ERROR_ROOM_FULL) && fill != NULL
          && fill->limit > 0)
        {
          g_autofree char *text = platz_client_error_room_full (
            MAX (fill->booked_am, fill->booked_pm), fill->limit);

          platz_ui_toast (GTK_WIDGET (self), text);
        }
      else if (data->for_user_id > 0)
        {
          g_autofree char *text = platz_client_error_for_member (error, data->for_name);

          if (text != NULL)
            platz_ui_toast (GTK_WIDGET (self), text);
          else
            platz_ui_error (GTK_WIDGET (self), error);
        }
      else
        platz_ui_error (GTK_WIDGET (self), error);
    }
  else
    {
      PlatzFloorData *floor = platz_floor_plan_get_floor (self->floor_plan);
      PlatzDesk *desk = floor ? platz_floor_data_find_desk (floor, data->desk_id) : NULL;
      g_autofree char *date = platz_ui_format_date (self->date);
      g_autofree char *text = NULL;

      if (data->for_user_id > 0)
        /* TRANSLATORS: desk, person, date, slot */
        text = g_strdup_printf (_("Desk %s is booked for %s: %s, %s."),
                                desk != NULL ? desk->name : "", data->for_name, date,
                                platz_ui_slot_label (data->slot));
      else
        text = g_strdup_printf (_("Desk %s is yours: %s, %s."),
                                desk != NULL ? desk->name : "", date,
                                platz_ui_slot_label (data->slot));
      platz_ui_toast (GTK_WIDGET (self), text);
      platz_day_view_bookings_changed (self);
    }
  /* Either way the plan may be out of date now. */
  platz_day_view_load_availability (self);
  book_data_free (data);
}

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlatzDayView) self = user_data;
  g_autoptr(GError) error = NULL;

  platz_day_view_busy_pop (self);
  if (!platz_api_boolean_finish (PLATZ_API (source), result, &error))
    platz_ui_error (GTK_WIDGET (self), error);
  else
    {
      platz_ui_toast (GTK_WIDGET (self), _("Booking cancelled."));
      platz_day_view_bookings_changed (self);
    }
  platz_day_view_load_availability (self);
}

static void
on_desk_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            PlatzDayView     *self)
{
  gint64 desk_id = self->dialog_desk;
  PlatzFloorData *floor = platz_floor_plan_get_floor (self->floor_plan);
  PlatzDesk *desk = floor ? platz_floor_data_find_desk (floor, desk_id) : NULL;
  PlatzRecord *for_user = NULL;

  if (self->book_for_row != NULL)
    for_user = adw_combo_row_get_selected_item (self->book_for_row);
  self->desk_dialog = NULL;
  self->dialog_desk = 0;
  self->book_for_row = NULL;
  if (desk == NULL || g_str_equal (response, "close"))
    return;

  if (g_str_equal (response, "cancel-booking"))
    {
      const PlatzDeskAvailability *a = platz_availability_get_desk (self->avail, desk_id);

      if (a == NULL || a->booking_id == 0)
        return;
      platz_day_view_busy_push (self);
      platz_api_cancel_booking_async (self->api, a->booking_id, NULL, on_cancelled_cb,
                                      g_object_ref (self));
      return;
    }
  else
    {
      BookData *data = g_new0 (BookData, 1);

      data->self = g_object_ref (self);
      data->desk_id = desk_id;
      data->room_id = desk->room_id;
      data->slot = g_strdup (response);
      if (for_user != NULL && platz_record_get_id (for_user) > 0)
        {
          data->for_user_id = platz_record_get_id (for_user);
          data->for_name = g_strdup (platz_record_get_title (for_user));
        }
      platz_day_view_busy_push (self);
      platz_api_book_desk_async (self->api, desk_id, self->date, response, data->for_user_id,
                                 NULL, on_booked_cb, data);
    }
}

/* Team leads (and admins) also book for the members of their teams: a
 * "Book for" row under the text, "Myself" first.  While the members are
 * still loading it shows "Myself" and fills in when they arrive; when
 * they cannot be loaded, or there are none, there is no row and the
 * dialog books for the signed-in user as always. */
static GtkWidget *
build_book_for (PlatzDayView *self)
{
  GtkExpression *expression;
  GtkWidget *list;
  GtkWidget *row;

  if (self->team_members == NULL || !platz_api_can_lead_teams (self->api))
    return NULL;
  platz_team_members_load (self->team_members);
  if (g_list_model_get_n_items (platz_team_members_get_model (self->team_members)) == 0
      && !platz_team_members_is_loading (self->team_members))
    return NULL;

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Book for"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  expression = gtk_property_expression_new (PLATZ_TYPE_RECORD, NULL, "title");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), self->book_for_model);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Book for"), -1);

  list = platz_ui_boxed_list_new ();
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  self->book_for_row = ADW_COMBO_ROW (row);
  return list;
}

/* The first choice of "Book for": a user with id 0, which books for the
 * signed-in user as every booking without a user_id does. */
GListStore *
platz_desk_dialog_new_myself_store (void)
{
  PlatzUser *myself = platz_object_new (&platz_user_type);
  g_autoptr(PlatzRecord) record = NULL;
  GListStore *store = g_list_store_new (PLATZ_TYPE_RECORD);

  /* TRANSLATORS: the first choice of "Book for": the signed-in user */
  myself->display_name = g_strdup (_("Myself"));
  record = platz_record_new (&platz_user_type, myself);
  g_list_store_append (store, record);
  return store;
}

void
platz_desk_dialog_open (PlatzDayView *self,
                        gint64        desk_id)
{
  PlatzFloorData *floor = platz_floor_plan_get_floor (self->floor_plan);
  PlatzDesk *desk = floor ? platz_floor_data_find_desk (floor, desk_id) : NULL;
  const PlatzDeskAvailability *a;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlatzRoom *room;
  g_autofree char *heading = NULL;
  g_autofree char *date = NULL;
  g_autofree char *equipment = NULL;
  g_autofree char *morning = NULL;
  g_autofree char *afternoon = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  PlatzDeskState am, pm;
  GtkWidget *dialog;

  if (desk == NULL)
    return;
  if (self->desk_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->desk_dialog));
  self->book_for_row = NULL;

  a = platz_availability_get_desk (self->avail, desk_id);
  am = a != NULL ? a->am : PLATZ_DESK_UNKNOWN;
  pm = a != NULL ? a->pm : PLATZ_DESK_UNKNOWN;
  room = platz_floor_data_find_room (floor, desk->room_id);
  date = platz_ui_format_date (self->date);
  equipment = platz_equipment_describe (desk->equipment);

  heading = g_strdup_printf (_("Desk %s"), desk->name);
  g_string_append_printf (body, _("Room %s · %s"), room != NULL ? room->name : "?", date);
  g_string_append (body, "\n\n");
  /* The booker's name goes with the half they booked. */
  morning = platz_desk_half_describe (am, pm, a != NULL ? a->booked_by : NULL);
  afternoon = platz_desk_half_describe (pm, am, a != NULL ? a->booked_by : NULL);
  if (am == pm)
    g_string_append_printf (body, _("All day: %s"), morning);
  else
    g_string_append_printf (body, _("Morning: %s\nAfternoon: %s"), morning, afternoon);
  if (*equipment != '\0')
    g_string_append_printf (body, "\n%s", equipment);
  if (desk->accessible)
    g_string_append_printf (body, "\n%s", _("Barrier-free access"));
  if (!desk->bookable && desk->blocked_reason != NULL)
    g_string_append_printf (body, "\n%s %s", _("Blocked:"), desk->blocked_reason);
  if (site_closed (self))
    g_string_append_printf (body, "\n%s", _("Desks at this site cannot be booked on this weekday."));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (am == PLATZ_DESK_MINE || pm == PLATZ_DESK_MINE)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel-booking",
                                       _("C_ancel Booking"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-booking",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  if (am == PLATZ_DESK_FREE)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "am", _("_Morning"));
  if (pm == PLATZ_DESK_FREE)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "pm", _("_Afternoon"));
  if (am == PLATZ_DESK_FREE && pm == PLATZ_DESK_FREE)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "full_day",
                                       _("_Whole Day"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "full_day",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "full_day");
    }
  if (am == PLATZ_DESK_FREE || pm == PLATZ_DESK_FREE)
    {
      GtkWidget *book_for = build_book_for (self);

      if (book_for != NULL)
        adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), book_for);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_desk_dialog_response_cb), self);

  self->desk_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->dialog_desk = desk_id;
  gtk_window_present (GTK_WINDOW (dialog));
}

void
platz_desk_dialog_close (PlatzDayView *self)
{
  if (self->desk_dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->desk_dialog, self);
  gtk_window_destroy (GTK_WINDOW (self->desk_dialog));
  self->desk_dialog = NULL;
  self->book_for_row = NULL;
}
