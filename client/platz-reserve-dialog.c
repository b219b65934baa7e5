/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-rooms-page"

#include "config.h"

#include "platz-reserve-dialog.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-ui.h"
#include "platz-rooms-page-private.h"

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

/* Minutes since the chosen day's midnight in the site's zone, clamped to
 * the day (a range from an earlier day starts at 0). */
static int
day_minutes (PlatzRoomsPage *self,
             const char     *date,
             const char     *time)
{
  g_autoptr(GDateTime) dt = platz_datetime_parse (time);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  int order;

  if (dt == NULL)
    return 0;
  local = g_date_time_to_timezone (dt, self->zone);
  day = g_date_time_format (local, "%Y-%m-%d");
  order = g_strcmp0 (day, date);
  if (order < 0)
    return 0;
  if (order > 0)
    return 24 * 60;
  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/* ------------------------------------------------------------------ */
/* Timelines                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  PlatzRoomsPage    *self;
  PlatzRoomTimeline *timeline;
  char              *date;
} TimelineLoad;

static void
on_timeline_reservations_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  TimelineLoad *load = user_data;
  PlatzRoomsPage *self = load->self;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const PlatzUser *user;

  list = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (list == NULL)
    {
      platz_rooms_page_search_busy (self, FALSE);
      platz_ui_error (GTK_WIDGET (self), error);
    }
  else
    {
      platz_rooms_page_search_busy (self, FALSE);
      user = platz_api_get_user (self->api);
      platz_room_timeline_clear_busy (load->timeline);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PlatzRecord) record = g_list_model_get_item (list, i);
          PlatzReservation *r = platz_record_get_data (record);

          platz_room_timeline_add_busy (load->timeline,
                                        day_minutes (self, load->date, r->start),
                                        day_minutes (self, load->date, r->end),
                                        user != NULL && r->user_id == user->id);
        }
    }
  g_object_unref (load->self);
  g_object_unref (load->timeline);
  g_free (load->date);
  g_free (load);
}

void
platz_reserve_dialog_load_timeline (PlatzRoomsPage    *self,
                                    gint64             room_id,
                                    PlatzRoomTimeline *timeline)
{
  TimelineLoad *load = g_new0 (TimelineLoad, 1);

  load->self = g_object_ref (self);
  load->timeline = g_object_ref (timeline);
  load->date = g_strdup (self->search_date);
  platz_rooms_page_search_busy (self, TRUE);
  platz_api_list_reservations_async (self->api, self->search_date, self->search_date, room_id, 0,
                                     FALSE, self->search_cancellable,
                                     on_timeline_reservations_cb, load);
}

/* ------------------------------------------------------------------ */
/* The reservation dialog                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  PlatzRoomsPage *self;
  PlatzRecord    *room;
  char           *date;
  GtkWidget      *title;
  GtkWidget      *attendees;
  AdwComboRow    *start;
  AdwComboRow    *end;
  GtkWidget      *error;
  GtkWidget      *reserve;
  GtkWidget      *spinner;
} ReserveForm;

static void
reserve_form_free (gpointer data)
{
  ReserveForm *form = data;

  g_object_unref (form->room);
  g_free (form->date);
  g_free (form);
}

static void
on_reserved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) dialog = user_data;
  ReserveForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  PlatzRoomsPage *self = form->self;
  g_autoptr(GListModel) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  created = platz_api_list_finish (PLATZ_API (source), result, &error);
  /* Cancelled: the page is gone or reloading. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  platz_ui_reserve_dialog_set_busy (form->reserve, form->spinner, FALSE);
  platz_rooms_page_busy (self, FALSE);
  if (created == NULL)
    {
      /* Everything typed stays; the reason is shown in the dialog. */
      gtk_label_set_text (GTK_LABEL (form->error), error->message);
      gtk_widget_set_visible (form->error, TRUE);
      return;
    }
  text = g_strdup_printf (_("%s reserved."), platz_record_get_title (form->room));
  platz_ui_toast (GTK_WIDGET (self), text);
  gtk_window_destroy (dialog);
  platz_rooms_page_search (self);
  platz_rooms_page_load_mine (self);
}

static void
on_reserve_clicked_cb (GtkButton *button,
                       GtkWindow *dialog)
{
  ReserveForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  PlatzRoomsPage *self = form->self;
  int start = platz_rooms_page_time_at (self, form->start);
  int end = platz_rooms_page_time_at (self, form->end);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *title = NULL;

  if (start < 0 || end <= start)
    {
      gtk_label_set_text (GTK_LABEL (form->error), _("The end must be after the start."));
      gtk_widget_set_visible (form->error, TRUE);
      return;
    }
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->title))));
  if (*title == '\0')
    {
      gtk_label_set_text (GTK_LABEL (form->error), _("Please give the meeting a title."));
      gtk_widget_set_visible (form->error, TRUE);
      gtk_widget_grab_focus (form->title);
      return;
    }
  gtk_widget_set_visible (form->error, FALSE);
  start_text = platz_rooms_page_rfc3339 (self, form->date, start);
  end_text = platz_rooms_page_rfc3339 (self, form->date, end);
  platz_ui_reserve_dialog_set_busy (form->reserve, form->spinner, TRUE);
  platz_rooms_page_busy (self, TRUE);
  platz_api_reserve_room_async (self->api, platz_record_get_id (form->room), start_text,
                                end_text, title,
                                gtk_spin_button_get_value_as_int (
                                  GTK_SPIN_BUTTON (form->attendees)),
                                self->cancellable, on_reserved_cb, g_object_ref (dialog));
}

static AdwComboRow *
time_row (PlatzRoomsPage *self,
          const char     *title,
          const char     *name,
          int             minutes)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (self->times));
  gtk_widget_set_name (GTK_WIDGET (row), name);
  platz_rooms_page_select_time (self, row, minutes);
  return row;
}

GtkWindow *
platz_reserve_dialog_open (PlatzRoomsPage *self,
                           PlatzRecord    *room,
                           int             start)
{
  PlatzRoom *data = platz_record_get_data (room);
  ReserveForm *form = g_new0 (ReserveForm, 1);
  GtkWindow *dialog;
  GtkBox *content;
  GtkWidget *list = platz_ui_boxed_list_new ();
  GtkWidget *attendees_row = adw_action_row_new ();
  GtkWidget *heading;
  g_autofree char *window_title = NULL;
  g_autofree char *where = NULL;
  g_autofree char *seats = NULL;
  g_autofree char *day = platz_ui_format_date (self->search_date);
  int duration = MAX (self->search_end - self->search_start, self->slot);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  window_title = g_strdup_printf (_("Reserve %s"), data->name);
  dialog = platz_ui_reserve_dialog_new (GTK_WIDGET (self), window_title, 440,
                                        G_CALLBACK (on_reserve_clicked_cb), &form->reserve,
                                        &form->spinner, &content);
  form->self = self;
  form->room = g_object_ref (room);
  form->date = g_strdup (self->search_date);
  g_object_set_data_full (G_OBJECT (dialog), "form", form, reserve_form_free);

  where = g_strdup_printf ("%s · %s · %s", day,
                           platz_record_get_extra (room, "building_name") ?: "",
                           platz_record_get_extra (room, "floor_name") ?: "");
  heading = gtk_label_new (where);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (content, heading);

  form->title = adw_entry_row_new ();
  gtk_widget_set_name (form->title, "title");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->title), _("_Title"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->title), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), form->title);
  form->start = time_row (self, _("_From"), "start", start);
  form->end = time_row (self, _("_Until"), "end", start + duration);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->start));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->end));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (attendees_row), _("_Attendees"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (attendees_row), TRUE);
  form->attendees = gtk_spin_button_new_with_range (1, 500, 1);
  gtk_widget_set_name (form->attendees, "attendees");
  gtk_widget_set_valign (form->attendees, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form->attendees), self->search_attendees);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->attendees),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attendees"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (attendees_row), form->attendees);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (attendees_row), form->attendees);
  seats = g_strdup_printf (_("%" PRId64 " seats"), data->capacity);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (attendees_row), seats);
  gtk_list_box_append (GTK_LIST_BOX (list), attendees_row);
  gtk_box_append (content, list);

  form->error = gtk_label_new (NULL);
  gtk_widget_set_name (form->error, "error");
  gtk_label_set_wrap (GTK_LABEL (form->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->error), 0);
  gtk_widget_add_css_class (form->error, "error");
  gtk_widget_set_visible (form->error, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->error),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  gtk_box_append (content, form->error);

  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (dialog);
  gtk_widget_grab_focus (form->title);
  return dialog;
}
