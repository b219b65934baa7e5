/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the real client window against a real platzd: sign in, pick a
 * day, book a desk on the plan, see it as yours on the plan and in My
 * bookings, cancel it; a desk someone else just took; a wrong password.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "platz-application.h"
#include "platz-bookings-page.h"
#include "platz-day-view.h"
#include "platz-desk-spot.h"
#include "platz-login-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static PlatzWindow *
open_window (void)
{
  g_autoptr(GSettings) settings = platz_application_new_settings ();
  g_autoptr(PlatzApi) api = platz_api_new (server->base);
  PlatzWindow *window = platz_window_new (NULL, api, settings);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (PlatzWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  test_wait_ms (50);
  g_assert_finalize_object (window);
}

static gboolean
login_shown (gpointer data)
{
  GtkWidget *login = platz_window_get_login_page (data);

  return gtk_widget_get_mapped (login);
}

static gboolean
signed_in (gpointer data)
{
  return platz_window_is_signed_in (data);
}

static gboolean
login_failed (gpointer data)
{
  PlatzLoginPage *login = PLATZ_LOGIN_PAGE (platz_window_get_login_page (data));

  return !platz_login_page_is_busy (login) && *platz_login_page_get_error (login) != '\0';
}

typedef struct {
  PlatzDayView  *day;
  gint64         desk_id;
  PlatzDeskState state;
} StateWait;

static gboolean
desk_in_state (gpointer data)
{
  StateWait *w = data;

  return !platz_day_view_is_loading (w->day)
         && platz_floor_plan_get_desk_state (platz_day_view_get_floor_plan (w->day),
                                             w->desk_id) == w->state;
}

static void
assert_desk_state (PlatzDayView   *day,
                   gint64          desk_id,
                   PlatzDeskState  state)
{
  StateWait w = { day, desk_id, state };

  if (!test_wait_until (desk_in_state, &w, 10000))
    g_error ("desk %" G_GINT64_FORMAT " is %s, expected %s", desk_id,
             platz_desk_state_to_string (platz_floor_plan_get_desk_state (
               platz_day_view_get_floor_plan (day), desk_id)),
             platz_desk_state_to_string (state));
}

static gboolean
dialog_open (gpointer data)
{
  return platz_day_view_get_desk_dialog (data) != NULL;
}

typedef struct {
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) == w->n;
}

typedef struct {
  PlatzWindow *window;
  const char  *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *w = data;

  return g_strcmp0 (platz_window_get_last_toast (w->window), w->text) == 0;
}

static void
sign_in (PlatzWindow *window,
         const char  *username)
{
  g_assert_true (test_wait_until (login_shown, window, 10000));
  platz_login_page_sign_in (PLATZ_LOGIN_PAGE (platz_window_get_login_page (window)),
                            username, TEST_PASSWORD);
  g_assert_true (test_wait_until (signed_in, window, 10000));
}

typedef struct {
  PlatzDayView *day;
  const char   *date;
} DateWait;

static gboolean
date_is (gpointer data)
{
  DateWait *w = data;

  return g_strcmp0 (platz_day_view_get_date (w->day), w->date) == 0;
}

/* Presses the day view's "next day" button. */
static void
go_to_tomorrow (PlatzDayView *day)
{
  GtkWidget *next = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (day),
                                                                 PLATZ_TYPE_DAY_VIEW,
                                                   "next_button");
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  g_assert_true (GTK_IS_BUTTON (next));
  g_assert_true (gtk_widget_get_sensitive (next));
  expected = g_date_time_format (tomorrow, "%Y-%m-%d");
  if (g_strcmp0 (platz_day_view_get_date (day), expected) != 0)
    {
      DateWait w = { day, expected };

      /* A button's activation clicks after a short animation. */
      gtk_widget_activate (next);
      g_assert_true (test_wait_until (date_is, &w, 5000));
    }
  g_assert_cmpstr (platz_day_view_get_date (day), ==, expected);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_wrong_password (void)
{
  PlatzWindow *window = open_window ();
  PlatzLoginPage *login;
  GtkEditable *username;

  g_assert_true (test_wait_until (login_shown, window, 10000));
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
  close_window (window);
}

static void
test_book_and_cancel (void)
{
  PlatzWindow *window = open_window ();
  PlatzDayView *day;
  PlatzBookingsPage *bookings;
  PlatzFloorPlan *plan;
  AdwMessageDialog *dialog;
  PlatzRecord *booking;
  GtkWidget *spot;
  CountWait count;
  const char *label;

  sign_in (window, "emma");
  /* An employee sees neither project offices nor facility management. */
  g_assert_true (platz_window_page_visible (window, "day"));
  g_assert_true (platz_window_page_visible (window, "bookings"));
  g_assert_false (platz_window_page_visible (window, "projects"));
  g_assert_false (platz_window_page_visible (window, "facility"));

  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  plan = platz_day_view_get_floor_plan (day);
  assert_desk_state (day, 1, PLATZ_DESK_FREE);
  assert_desk_state (day, 5, PLATZ_DESK_BLOCKED);
  go_to_tomorrow (day);
  assert_desk_state (day, 1, PLATZ_DESK_FREE);

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
  g_assert_true (test_wait_until (dialog_open, day, 5000));
  dialog = platz_day_view_get_desk_dialog (day);
  g_assert_true (adw_message_dialog_has_response (dialog, "am"));
  g_assert_true (adw_message_dialog_has_response (dialog, "pm"));
  g_assert_true (adw_message_dialog_has_response (dialog, "full_day"));
  g_assert_false (adw_message_dialog_has_response (dialog, "cancel-booking"));
  adw_message_dialog_response (dialog, "full_day");

  assert_desk_state (day, 1, PLATZ_DESK_MINE);
  g_assert_nonnull (strstr (platz_window_get_last_toast (window), "A1.01-1"));
  g_assert_nonnull (strstr (platz_desk_spot_get_label (PLATZ_DESK_SPOT (spot)), "booked by you"));

  /* My bookings has it. */
  bookings = PLATZ_BOOKINGS_PAGE (platz_window_get_page (window, "bookings"));
  platz_window_show_page (window, "bookings");
  count = (CountWait) { platz_bookings_page_get_upcoming (bookings), 1 };
  g_assert_true (test_wait_until (has_n_items, &count, 10000));
  booking = g_list_model_get_item (count.model, 0);
  g_assert_cmpint (((PlatzBooking *) platz_record_get_data (booking))->desk_id, ==, 1);
  g_assert_cmpstr (((PlatzBooking *) platz_record_get_data (booking))->slot, ==, "full_day");
  g_assert_cmpstr (platz_record_get_extra (booking, "desk_name"), ==, "A1.01-1");

  /* Cancel it there: gone from the list and free again on the plan. */
  platz_bookings_page_cancel (bookings, booking);
  g_object_unref (booking);
  count.n = 0;
  g_assert_true (test_wait_until (has_n_items, &count, 10000));
  assert_desk_state (day, 1, PLATZ_DESK_FREE);
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Booking cancelled.");

  close_window (window);
}

static void
test_taken_desk (void)
{
  PlatzWindow *window = open_window ();
  g_autoptr(PlatzApi) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  AdwMessageDialog *dialog;
  PlatzDayView *day;
  ToastWait toast;

  /* The token from the last test is kept: no login page this time. */
  g_assert_true (test_wait_until (signed_in, window, 10000));
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  go_to_tomorrow (day);
  assert_desk_state (day, 2, PLATZ_DESK_FREE);

  /* Someone else takes desk 2 while the plan still shows it free. */
  other = test_api_login (server->base, "otto", TEST_PASSWORD);
  tomorrow = g_strdup (platz_day_view_get_date (day));
  error = test_api_book (other, 2, tomorrow, "full_day");
  g_assert_no_error (error);
  g_assert_cmpint (platz_floor_plan_get_desk_state (platz_day_view_get_floor_plan (day), 2),
                   ==, PLATZ_DESK_FREE);

  platz_day_view_activate_desk (day, 2);
  g_assert_true (test_wait_until (dialog_open, day, 5000));
  dialog = platz_day_view_get_desk_dialog (day);
  adw_message_dialog_response (dialog, "am");

  toast = (ToastWait) { window, "Someone else has just booked this desk." };
  g_assert_true (test_wait_until (toast_shown, &toast, 10000));
  assert_desk_state (day, 2, PLATZ_DESK_BOOKED);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = g_dir_make_tmp ("platz-client-data-XXXXXX", NULL);
  int result;

  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("PLATZ_TOKEN_STORE", "file", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = test_server_start ();
  admin = test_api_login (server->base, TEST_ADMIN, TEST_PASSWORD);
  test_create_floor (admin);
  test_create_user (server->base, admin, "emma", "employee", 0);
  test_create_user (server->base, admin, "otto", "employee", 0);

  g_test_add_func ("/ui/booking/wrong-password", test_wrong_password);
  g_test_add_func ("/ui/booking/book-and-cancel", test_book_and_cancel);
  g_test_add_func ("/ui/booking/taken-desk", test_taken_desk);
  result = g_test_run ();

  g_clear_object (&admin);
  test_server_stop (server);
  {
    g_autofree char *tokens = g_build_filename (data_dir, "platz", "tokens", NULL);
    g_autofree char *platz_dir = g_build_filename (data_dir, "platz", NULL);

    g_remove (tokens);
    g_rmdir (platz_dir);
    g_rmdir (data_dir);
  }
  return result;
}
