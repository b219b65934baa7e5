/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A team lead books desks for the members of their team (docs/contract.md §1) in the
 * real client against a real platzd: the desk dialog's "Book for" row
 * lists "Myself" and the team, the booking is the member's on the server
 * and "booked" (not "mine") on the lead's plan, errors about the member
 * name them; employees, facility managers and leads without members see
 * no such row.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "platz-day-view.h"
#include "platz-login-page.h"
#include "platz-ui.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;
static gint64 erika_id;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

/* Signs out whoever the kept token belongs to, then signs in. */
static void
sign_in (PlatzWindow *window,
         const char  *username)
{
  if (test_wait_until (test_signed_in, window, 2000))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  test_sign_in (window, username);
}

static AdwMessageDialog *
open_desk (PlatzDayView *day,
           gint64        desk_id)
{
  platz_day_view_activate_desk (day, desk_id);
  g_assert_true (test_wait_until (test_desk_dialog_open, day, 5000));
  return platz_day_view_get_desk_dialog (day);
}

/* The day after today, as the day view's "next day" button goes there. */
static char *
tomorrow (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, 1);

  return g_date_time_format (then, "%Y-%m-%d");
}

static PlatzDayView *
day_view_tomorrow (PlatzWindow *window)
{
  PlatzDayView *day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));

  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);
  test_go_to_tomorrow (day);
  test_assert_desk_state (day, 4, PLATZ_DESK_FREE);
  return day;
}

static const char *
item_title (GListModel *model,
            guint       position)
{
  g_autoptr(PlatzRecord) record = g_list_model_get_item (model, position);

  /* The model keeps the record alive. */
  return platz_record_get_title (record);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_lead_books_for_member (void)
{
  PlatzWindow *window = test_window_open (server->base);
  g_autoptr(PlatzApi) erika = NULL;
  g_autoptr(GListModel) erikas = NULL;
  g_autoptr(GListModel) leads = NULL;
  g_autofree char *date = tomorrow ();
  g_autofree char *date_label = platz_ui_format_date (date);
  g_autofree char *expected = NULL;
  PlatzBooking *booking;
  g_autoptr(PlatzRecord) record = NULL;
  AdwMessageDialog *dialog;
  AdwComboRow *row;
  PlatzDayView *day;
  GListModel *items;

  sign_in (window, "lena");
  day = day_view_tomorrow (window);

  /* A free desk: "Book for" offers Myself first, then the team by name. */
  dialog = open_desk (day, 2);
  row = platz_day_view_get_book_for_row (day);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (row), GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Book for");
  items = adw_combo_row_get_model (row);
  g_assert_true (test_wait_n_items (items, 4, 10000));
  g_assert_cmpstr (item_title (items, 0), ==, "Myself");
  g_assert_cmpstr (item_title (items, 1), ==, "Emil Employee");
  g_assert_cmpstr (item_title (items, 2), ==, "Erika Muster");
  g_assert_cmpstr (item_title (items, 3), ==, "Max Mustermann");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* For Erika, the whole day. */
  adw_combo_row_set_selected (row, 2);
  adw_message_dialog_response (dialog, "full_day");
  expected = g_strdup_printf ("Desk A1.01-2 is booked for Erika Muster: %s, Whole day.",
                              date_label);
  test_assert_toast (window, expected);
  g_assert_null (platz_day_view_get_book_for_row (day));
  /* Somebody else's on the lead's plan, not the lead's. */
  test_assert_desk_state (day, 2, PLATZ_DESK_BOOKED);

  /* The server has it as Erika's; the lead has no booking. */
  erika = test_api_login (server->base, "erika", TEST_PASSWORD);
  erikas = test_api_list_bookings (erika, date, date);
  g_assert_cmpuint (g_list_model_get_n_items (erikas), ==, 1);
  record = g_list_model_get_item (erikas, 0);
  booking = platz_record_get_data (record);
  g_assert_cmpint (booking->desk_id, ==, 2);
  g_assert_cmpint (booking->user_id, ==, erika_id);
  g_assert_cmpstr (booking->slot, ==, "full_day");
  g_assert_cmpstr (booking->date, ==, date);
  leads = test_api_list_bookings (platz_window_get_api (window), date, date);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 0);

  /* Erika again, that morning: the error names her. */
  dialog = open_desk (day, 3);
  row = platz_day_view_get_book_for_row (day);
  g_assert_nonnull (row);
  /* The list is kept: no reload, already complete. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);
  adw_combo_row_set_selected (row, 2);
  adw_message_dialog_response (dialog, "am");
  test_assert_toast (window, "Erika Muster already has a desk booked for that time.");
  test_assert_desk_state (day, 3, PLATZ_DESK_FREE);

  /* Myself stays the default and books for the lead. */
  dialog = open_desk (day, 3);
  g_assert_nonnull (platz_day_view_get_book_for_row (day));
  adw_message_dialog_response (dialog, "full_day");
  test_assert_desk_state (day, 3, PLATZ_DESK_MINE);
  g_clear_object (&leads);
  leads = test_api_list_bookings (platz_window_get_api (window), date, date);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);

  /* A desk with nothing free left offers nothing to choose. */
  dialog = open_desk (day, 3);
  g_assert_null (platz_day_view_get_book_for_row (day));
  adw_message_dialog_response (dialog, "close");

  test_window_close (window);
}

/* Whoever may book only for themselves gets the dialog as before. */
static void
test_no_choice (gconstpointer data)
{
  const char *username = data;
  PlatzWindow *window = test_window_open (server->base);
  AdwMessageDialog *dialog;
  PlatzDayView *day;

  sign_in (window, username);
  day = day_view_tomorrow (window);
  dialog = open_desk (day, 4);
  g_assert_true (adw_message_dialog_has_response (dialog, "full_day"));
  /* (A lead's team list was asked for at sign-in, before the plan's
   * several round trips: it has long answered.) */
  g_assert_null (platz_day_view_get_book_for_row (day));
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  adw_message_dialog_response (dialog, "close");
  test_window_close (window);
}

static gint64
create_user (const char *username,
             const char *display_name,
             const char *role,
             gint64      team_id)
{
  PlatzUser user = { 0 };

  user.username = (char *) username;
  user.display_name = (char *) display_name;
  user.role = (char *) role;
  user.function = (char *) "staff";
  user.team_id = team_id;
  user.password = (char *) TEST_PASSWORD;
  return test_api_create (admin, &platz_user_type, &user);
}

static gint64
create_team (const char *name,
             gint64      lead_id)
{
  PlatzTeam team = { 0 };

  team.name = (char *) name;
  team.lead_user_id = lead_id;
  team.building_id = 1;
  team.office_share_percent = 50;
  return test_api_create (admin, &platz_team_type, &team);
}

int
main (int   argc,
      char *argv[])
{
  TestUi *ui = test_ui_init (&argc, &argv);
  gint64 lena, team, other_team;

  server = ui->server;
  admin = ui->admin;
  lena = create_user ("lena", "Lena Leiterin", "team_lead", 0);
  team = create_team ("Bürgerservice", lena);
  /* Listed by display name, not in the order they were created. */
  create_user ("max", "Max Mustermann", "employee", team);
  erika_id = create_user ("erika", "Erika Muster", "employee", team);
  /* Another team's member is not offered. */
  other_team = create_team ("Ordnungsamt", create_user ("tom", "Tom Teamlos", "team_lead", 0));
  create_user ("olga", "Olga Other", "employee", other_team);
  create_user ("emil", "Emil Employee", "employee", team);
  create_user ("fiona", "Fiona Facility", "facility_manager", 0);
  create_user ("lars", "Lars Lead", "team_lead", 0);

  g_test_add_func ("/ui/book-for/lead", test_lead_books_for_member);
  g_test_add_data_func ("/ui/book-for/employee", "emil", test_no_choice);
  g_test_add_data_func ("/ui/book-for/facility-manager", "fiona", test_no_choice);
  /* A lead of no team (or whose members cannot be loaded) books as before. */
  g_test_add_data_func ("/ui/book-for/lead-without-team", "lars", test_no_choice);
  return test_ui_run (ui);
}
