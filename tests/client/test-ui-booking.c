/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the real client window against a real platzd: sign in, pick a
 * day, book a desk on the plan, see it as yours on the plan and in My
 * bookings, cancel it; a desk someone else just took; a wrong password.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "platz-bookings-page.h"
#include "platz-day-view.h"
#include "platz-desk-spot.h"
#include "platz-login-page.h"
#include "platz-ui.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static gboolean
login_failed (gpointer data)
{
  PlatzLoginPage *login = PLATZ_LOGIN_PAGE (platz_window_get_login_page (data));

  return !platz_login_page_is_busy (login) && *platz_login_page_get_error (login) != '\0';
}

/* Presses the day view's "next day" button. */
/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_wrong_password (void)
{
  PlatzWindow *window = test_window_open (server->base);
  PlatzLoginPage *login;
  GtkEditable *username;

  g_assert_true (test_wait_until (test_login_shown, window, 10000));
  login = PLATZ_LOGIN_PAGE (platz_window_get_login_page (window));
  platz_login_page_sign_in (login, "emma", "not-the-password");
  g_assert_true (test_wait_until (login_failed, window, 10000));
  g_assert_cmpstr (platz_login_page_get_error (login), ==, "Wrong user name or password.");
  g_assert_false (platz_window_is_signed_in (window));
  /* What was typed stays. */
  username = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (login),
                                                          PLATZ_TYPE_LOGIN_PAGE,
                                                          "username_row"));
  g_assert_cmpstr (gtk_editable_get_text (username), ==, "emma");
  test_window_close (window);
}

static void
test_book_and_cancel (void)
{
  PlatzWindow *window = test_window_open (server->base);
  PlatzDayView *day;
  PlatzBookingsPage *bookings;
  PlatzFloorPlan *plan;
  AdwMessageDialog *dialog;
  PlatzRecord *booking;
  GtkWidget *spot;
  GListModel *upcoming;
  const char *label;

  test_sign_in (window, "emma");
  /* An employee sees neither project offices nor facility management. */
  g_assert_true (platz_window_page_visible (window, "day"));
  g_assert_true (platz_window_page_visible (window, "bookings"));
  g_assert_false (platz_window_page_visible (window, "projects"));
  g_assert_false (platz_window_page_visible (window, "facility"));

  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  plan = platz_day_view_get_floor_plan (day);
  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);
  test_assert_desk_state (day, 5, PLATZ_DESK_BLOCKED);
  test_go_to_tomorrow (day);
  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);

  spot = platz_floor_plan_get_desk_spot (plan, 1);
  g_assert_nonnull (spot);
  g_assert_true (gtk_widget_get_focusable (spot));
  label = platz_desk_spot_get_label (PLATZ_DESK_SPOT (spot));
  g_assert_cmpstr (label, ==, "Desk A1.01-1, free, height-adjustable desk");
  /* The list view shows the same desks. */
  g_assert_cmpuint (g_list_model_get_n_items (platz_day_view_get_desk_list (day)), ==, 5);

  /* Enter on the desk opens its details; book the whole day. */
  gtk_widget_grab_focus (spot);
  gtk_widget_activate (spot);
  g_assert_true (test_wait_until (test_desk_dialog_open, day, 5000));
  dialog = platz_day_view_get_desk_dialog (day);
  g_assert_true (adw_message_dialog_has_response (dialog, "am"));
  g_assert_true (adw_message_dialog_has_response (dialog, "pm"));
  g_assert_true (adw_message_dialog_has_response (dialog, "full_day"));
  g_assert_false (adw_message_dialog_has_response (dialog, "cancel-booking"));
  adw_message_dialog_response (dialog, "full_day");

  test_assert_desk_state (day, 1, PLATZ_DESK_MINE);
  g_assert_nonnull (strstr (platz_window_get_last_toast (window), "A1.01-1"));
  g_assert_nonnull (strstr (platz_desk_spot_get_label (PLATZ_DESK_SPOT (spot)), "booked by you"));

  /* My bookings has it. */
  bookings = PLATZ_BOOKINGS_PAGE (platz_window_get_page (window, "bookings"));
  platz_window_show_page (window, "bookings");
  upcoming = platz_bookings_page_get_upcoming (bookings);
  g_assert_true (test_wait_n_items (upcoming, 1, 10000));
  booking = g_list_model_get_item (upcoming, 0);
  g_assert_cmpint (((PlatzBooking *) platz_record_get_data (booking))->desk_id, ==, 1);
  g_assert_cmpstr (((PlatzBooking *) platz_record_get_data (booking))->slot, ==, "full_day");
  g_assert_cmpstr (platz_record_get_extra (booking, "desk_name"), ==, "A1.01-1");

  /* Cancel it there: gone from the list and free again on the plan. */
  platz_bookings_page_cancel (bookings, booking);
  g_object_unref (booking);
  g_assert_true (test_wait_n_items (upcoming, 0, 10000));
  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Booking cancelled.");

  test_window_close (window);
}

static void
test_taken_desk (void)
{
  PlatzWindow *window = test_window_open (server->base);
  g_autoptr(PlatzApi) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  AdwMessageDialog *dialog;
  PlatzDayView *day;

  /* The token from the last test is kept: no login page this time. */
  g_assert_true (test_wait_until (test_signed_in, window, 10000));
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  test_go_to_tomorrow (day);
  test_assert_desk_state (day, 2, PLATZ_DESK_FREE);

  /* Someone else takes desk 2 while the plan still shows it free. */
  other = test_api_login (server->base, "otto", TEST_PASSWORD);
  tomorrow = g_strdup (platz_day_view_get_date (day));
  error = test_api_book (other, 2, tomorrow, "full_day");
  g_assert_no_error (error);
  g_assert_cmpint (platz_floor_plan_get_desk_state (platz_day_view_get_floor_plan (day), 2),
                   ==, PLATZ_DESK_FREE);

  platz_day_view_activate_desk (day, 2);
  g_assert_true (test_wait_until (test_desk_dialog_open, day, 5000));
  dialog = platz_day_view_get_desk_dialog (day);
  adw_message_dialog_response (dialog, "am");

  test_assert_toast (window, "Someone else has just booked this desk.");
  test_assert_desk_state (day, 2, PLATZ_DESK_BOOKED);

  test_window_close (window);
}

/* On a weekday the site closes, every desk is blocked and the desk's
 * details say why. */
static void
test_closed_day (void)
{
  static const char * const fields[] = { "closed_weekdays", NULL };
  PlatzWindow *window;
  PlatzSite site = { 0 };
  AdwMessageDialog *dialog;
  PlatzDayView *day;

  site.closed_weekdays = 0x7f;
  test_api_patch (admin, &platz_site_type, 1, &site, fields);
  window = test_window_open (server->base);
  g_assert_true (test_wait_until (test_signed_in, window, 10000));
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  test_go_to_tomorrow (day);
  test_assert_desk_state (day, 1, PLATZ_DESK_BLOCKED);
  platz_day_view_activate_desk (day, 1);
  g_assert_true (test_wait_until (test_desk_dialog_open, day, 5000));
  dialog = platz_day_view_get_desk_dialog (day);
  g_assert_false (adw_message_dialog_has_response (dialog, "am"));
  g_assert_false (adw_message_dialog_has_response (dialog, "full_day"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Desks at this site cannot be booked on this weekday."));
  adw_message_dialog_response (dialog, "close");

  site.closed_weekdays = 0;
  test_api_patch (admin, &platz_site_type, 1, &site, fields);
  test_window_close (window);
}

/* Half yours, half someone else's: both halves are told, on the plan's
 * desk and in the list, not just "booked by you". */
static void
test_half_days (void)
{
  g_autoptr(PlatzApi) emma = test_api_login (server->base, "emma", TEST_PASSWORD);
  g_autoptr(PlatzApi) olga = test_api_login (server->base, "olga", TEST_PASSWORD);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (then, "%Y-%m-%d");
  GError *error = NULL;
  PlatzWindow *window;
  PlatzDayView *day;
  AdwMessageDialog *dialog;
  GListModel *rows;
  GtkWidget *spot;
  gboolean found = FALSE;

  error = test_api_book (emma, 4, tomorrow, "am");
  g_assert_no_error (error);
  error = test_api_book (olga, 4, tomorrow, "pm");
  g_assert_no_error (error);

  window = test_window_open (server->base);
  g_assert_true (test_wait_until (test_signed_in, window, 10000));
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  test_go_to_tomorrow (day);
  test_assert_desk_state (day, 4, PLATZ_DESK_MINE);
  spot = platz_floor_plan_get_desk_spot (platz_day_view_get_floor_plan (day), 4);
  g_assert_cmpstr (platz_desk_spot_get_label (PLATZ_DESK_SPOT (spot)), ==,
                   "Desk A1.02-1, morning booked by you, afternoon booked");
  rows = platz_day_view_get_desk_list (day);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlatzRecord) row = g_list_model_get_item (rows, i);

      if (platz_record_get_id (row) != 4)
        continue;
      g_assert_cmpstr (platz_record_get_extra (row, "state"), ==,
                       "morning booked by you, afternoon booked");
      found = TRUE;
    }
  g_assert_true (found);

  /* The desk's details put no name to the afternoon (the one name the
   * plan has is the morning's, one's own). */
  platz_day_view_activate_desk (day, 4);
  g_assert_true (test_wait_until (test_desk_dialog_open, day, 5000));
  dialog = platz_day_view_get_desk_dialog (day);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Morning: booked by you\nAfternoon: booked"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "emma"));
  adw_message_dialog_response (dialog, "close");
  test_window_close (window);
}

/* An active filter shows on the closed Filters button: the count in the
 * label and the accent style; none, and the button is plain again. */
static void
test_filter_button (void)
{
  PlatzWindow *window = test_window_open (server->base);
  GtkMenuButton *button;
  PlatzDayView *day;

  g_assert_true (test_wait_until (test_signed_in, window, 10000));
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (day), PLATZ_TYPE_DAY_VIEW,
                                                           "filter_button"));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (button), "accent"));

  platz_day_view_set_filter (day, "window", FALSE);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters (1)");
  platz_day_view_set_filter (day, "window", TRUE);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters (2)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "accent"));

  platz_day_view_set_filter (day, NULL, FALSE);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (button), "accent"));
  test_window_close (window);
}

typedef struct {
  GtkWidget  *list;
  const char *text;
} SubtitleWait;

/* A row of the list box shows text in its subtitle. */
static gboolean
row_says (gpointer data)
{
  SubtitleWait *w = data;

  for (GtkWidget *row = gtk_widget_get_first_child (w->list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row)
        && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "", w->text) != NULL)
      return TRUE;
  return FALSE;
}

/* A booking released as a no-show says so in My bookings, naming the
 * check-in deadline of its site that it missed. */
static void
test_released_booking (void)
{
  g_autoptr(PlatzApi) emma = test_api_login (server->base, "emma", TEST_PASSWORD);
  g_autofree char *today = platz_ui_today (0);
  g_autofree char *db_path = g_build_filename (server->dir, "platz.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  PlatzBookingsPage *bookings;
  PlatzWindow *window;
  SubtitleWait w;
  sqlite3 *db;

  error = test_api_book (emma, 3, today, "pm");
  g_assert_no_error (error);
  /* What the server's deadline timer does to an unchecked booking, at a
   * deadline of the site's own (the default one is 10:00). */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sql = g_strdup_printf ("UPDATE bookings SET status = 'released' WHERE desk_id = 3 "
                         "AND date = '%s'; INSERT INTO policies (scope, json) VALUES "
                         "(1, '{\"check_in_deadline\":\"09:30\"}')", today);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  window = test_window_open (server->base);
  g_assert_true (test_wait_until (test_signed_in, window, 10000));
  platz_window_show_page (window, "bookings");
  bookings = PLATZ_BOOKINGS_PAGE (platz_window_get_page (window, "bookings"));
  platz_bookings_page_reload (bookings);
  g_assert_true (test_wait_n_items (platz_bookings_page_get_past (bookings), 1, 10000));
  w.list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bookings),
                                                      PLATZ_TYPE_BOOKINGS_PAGE, "past_list"));
  w.text = "Released — not checked in by 09:30";
  g_assert_true (test_wait_until (row_says, &w, 5000));
  test_window_close (window);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM policies WHERE scope = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  TestUi *ui = test_ui_init (&argc, &argv);

  server = ui->server;
  admin = ui->admin;
  test_create_user (server->base, admin, "emma", "employee", 0);
  test_create_user (server->base, admin, "otto", "employee", 0);
  test_create_user (server->base, admin, "olga", "employee", 0);

  g_test_add_func ("/ui/booking/wrong-password", test_wrong_password);
  g_test_add_func ("/ui/booking/book-and-cancel", test_book_and_cancel);
  g_test_add_func ("/ui/booking/taken-desk", test_taken_desk);
  g_test_add_func ("/ui/booking/closed-day", test_closed_day);
  g_test_add_func ("/ui/booking/half-days", test_half_days);
  g_test_add_func ("/ui/booking/filter-button", test_filter_button);
  g_test_add_func ("/ui/booking/released-booking", test_released_booking);
  return test_ui_run (ui);
}
