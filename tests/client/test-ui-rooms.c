/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the Rooms screen against a real platzd as an employee: find a
 * free meeting room, reserve it in the dialog, see it as yours on the
 * room's timeline and in My reservations, have a refused reservation
 * explained with the form kept, cancel it.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "platz-login-page.h"
#include "platz-rooms-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static gboolean
page_idle (gpointer data)
{
  return !platz_rooms_page_is_loading (data);
}

static gboolean
no_dialog (gpointer data)
{
  return platz_rooms_page_get_reserve_dialog (data) == NULL;
}

static gboolean
has_room (GListModel *model,
          gint64      room_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (model, i);

      if (platz_record_get_id (record) == room_id)
        return TRUE;
    }
  return FALSE;
}

static void
search (PlatzRoomsPage *page,
        const char     *date,
        const char     *start,
        const char     *end,
        int             attendees)
{
  g_assert_true (test_wait_until (page_idle, page, 10000));
  g_assert_true (platz_rooms_page_set_query (page, date, start, end, attendees));
  platz_rooms_page_search (page);
  g_assert_true (platz_rooms_page_is_loading (page));
  g_assert_true (test_wait_until (page_idle, page, 10000));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_reserve_and_cancel (void)
{
  PlatzWindow *window = test_window_open (server->base);
  g_autofree char *date = test_weekday (1);
  PlatzRoomsPage *page;
  PlatzRoomTimeline *timeline;
  GtkWindow *dialog;
  GtkWidget *title, *attendees, *error;
  g_autoptr(PlatzRecord) mine = NULL;
  PlatzReservation *r;
  GListModel *mine_list;
  int start, end;
  gboolean own;

  test_sign_in (window, "emma");
  /* Every user has Rooms; only team leads and admins project offices. */
  g_assert_true (platz_window_page_visible (window, "rooms"));
  g_assert_false (platz_window_page_visible (window, "projects"));
  platz_window_show_page (window, "rooms");
  page = PLATZ_ROOMS_PAGE (platz_window_get_page (window, "rooms"));
  g_assert_cmpuint (g_list_model_get_n_items (platz_rooms_page_get_mine (page)), ==, 0);

  /* The meeting room A1.03 (id 3) is free tomorrow 10:00-11:00. */
  search (page, date, "10:00", "11:00", 3);
  g_assert_true (has_room (platz_rooms_page_get_results (page), 3));
  g_assert_false (has_room (platz_rooms_page_get_results (page), 4));  /* project office */
  timeline = platz_rooms_page_get_timeline (page, 3);
  g_assert_nonnull (timeline);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (timeline)));
  g_assert_cmpuint (platz_room_timeline_get_n_busy (timeline), ==, 0);
  g_assert_cmpstr (platz_room_timeline_get_label (timeline), ==, "Day of A1.03: free all day");
  g_assert_cmpstr (platz_room_timeline_get_value_text (timeline), ==, "10:00–10:15, free");

  /* Reserve it in the dialog. */
  dialog = platz_rooms_page_reserve (page, 3);
  g_assert_nonnull (dialog);
  title = test_find_named (GTK_WIDGET (dialog), "title");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Sprint review");
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (dialog), "reserve"), "clicked");
  g_assert_true (test_wait_until (no_dialog, page, 10000));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "A1.03 reserved.");

  /* My reservations has it. */
  mine_list = platz_rooms_page_get_mine (page);
  g_assert_true (test_wait_n_items (mine_list, 1, 10000));
  mine = g_list_model_get_item (mine_list, 0);
  r = platz_record_get_data (mine);
  g_assert_cmpint (r->room_id, ==, 3);
  g_assert_cmpstr (r->title, ==, "Sprint review");
  g_assert_cmpint (r->attendees, ==, 3);

  /* Taken 10-11 now; free at 12-13, where its timeline shows ours. */
  search (page, date, "10:00", "11:00", 3);
  g_assert_false (has_room (platz_rooms_page_get_results (page), 3));
  search (page, date, "12:00", "13:00", 3);
  g_assert_true (has_room (platz_rooms_page_get_results (page), 3));
  timeline = platz_rooms_page_get_timeline (page, 3);
  g_assert_cmpuint (platz_room_timeline_get_n_busy (timeline), ==, 1);
  g_assert_true (platz_room_timeline_get_busy (timeline, 0, &start, &end, &own));
  g_assert_cmpint (start, ==, 10 * 60);
  g_assert_cmpint (end, ==, 11 * 60);
  g_assert_true (own);
  g_assert_cmpstr (platz_room_timeline_get_label (timeline), ==,
                   "Day of A1.03: busy 10:00–11:00 (yours)");
  /* The keyboard walks the slots and reads them out. */
  platz_room_timeline_set_cursor (timeline, 10 * 60 + 15);
  g_assert_cmpstr (platz_room_timeline_get_value_text (timeline), ==,
                   "10:15–10:30, reserved by you");

  /* Too many people: the reason in words, the form as it was. */
  dialog = platz_rooms_page_reserve (page, 3);
  title = test_find_named (GTK_WIDGET (dialog), "title");
  attendees = test_find_named (GTK_WIDGET (dialog), "attendees");
  error = test_find_named (GTK_WIDGET (dialog), "error");
  gtk_editable_set_text (GTK_EDITABLE (title), "All hands");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (attendees), 20);
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (dialog), "reserve"), "clicked");
  g_assert_true (test_wait_until (test_label_shown, error, 10000));
  g_assert_true (platz_rooms_page_get_reserve_dialog (page) == dialog);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error)), "over_capacity"));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (error)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "All hands");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (attendees)), ==, 20);
  gtk_window_destroy (dialog);
  g_assert_null (platz_rooms_page_get_reserve_dialog (page));

  /* Cancel it from My reservations. */
  platz_rooms_page_cancel (page, mine, FALSE);
  g_assert_true (test_wait_n_items (mine_list, 0, 10000));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Reservation cancelled.");
  g_assert_true (test_wait_until (page_idle, page, 10000));
  timeline = platz_rooms_page_get_timeline (page, 3);
  g_assert_cmpuint (platz_room_timeline_get_n_busy (timeline), ==, 0);

  test_window_close (window);
}

/* The page opens on the first day the site is open, the pickers at the
 * start of working hours there. */
static void
test_opens_on_open_day (void)
{
  static const char * const fields[] = { "closed_weekdays", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) open_day = g_date_time_add_days (now, 3);
  g_autofree char *expected = g_date_time_format (open_day, "%Y-%m-%d");
  PlatzSite site = { 0 };
  PlatzRoomsPage *page;
  PlatzWindow *window;

  /* The site (UTC) closes every weekday but that of three days ahead. */
  site.closed_weekdays = 0x7f & ~(1 << (g_date_time_get_day_of_week (open_day) - 1));
  test_api_patch (admin, &platz_site_type, 1, &site, fields);
  window = test_window_open (server->base);
  g_assert_true (test_wait_until (test_signed_in, window, 10000));
  platz_window_show_page (window, "rooms");
  page = PLATZ_ROOMS_PAGE (platz_window_get_page (window, "rooms"));
  g_assert_true (test_wait_until (page_idle, page, 10000));
  g_assert_cmpstr (platz_rooms_page_get_date (page), ==, expected);
  g_assert_cmpint (platz_rooms_page_get_start (page), ==, 6 * 60);

  site.closed_weekdays = 0;
  test_api_patch (admin, &platz_site_type, 1, &site, fields);
  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  TestUi *ui = test_ui_init (&argc, &argv);

  server = ui->server;
  admin = ui->admin;
  test_create_user (server->base, admin, "emma", "employee", 0);

  g_test_add_func ("/ui/rooms/reserve-and-cancel", test_reserve_and_cancel);
  g_test_add_func ("/ui/rooms/opens-on-open-day", test_opens_on_open_day);
  return test_ui_run (ui);
}
