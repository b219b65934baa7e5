/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A team lead books desks for the members of their team (SPEC §1) in the
 * real client against a real platzd: the desk dialog's "Book for" row
 * lists "Myself" and the team, the booking is the member's on the server
 * and "booked" (not "mine") on the lead's plan, errors about the member
 * name them; employees, facility managers and leads without members see
 * no such row.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "platz-application.h"
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
  return gtk_widget_get_mapped (platz_window_get_login_page (data));
}

static gboolean
signed_in (gpointer data)
{
  return platz_window_is_signed_in (data);
}

/* Signs out whoever the kept token belongs to, then signs in. */
static void
sign_in (PlatzWindow *window,
         const char  *username)
{
  if (test_wait_until (signed_in, window, 2000))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  g_assert_true (test_wait_until (login_shown, window, 10000));
  platz_login_page_sign_in (PLATZ_LOGIN_PAGE (platz_window_get_login_page (window)),
                            username, TEST_PASSWORD);
  g_assert_true (test_wait_until (signed_in, window, 10000));
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

static AdwMessageDialog *
open_desk (PlatzDayView *day,
           gint64        desk_id)
{
  platz_day_view_activate_desk (day, desk_id);
  g_assert_true (test_wait_until (dialog_open, day, 5000));
  return platz_day_view_get_desk_dialog (day);
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
assert_toast (PlatzWindow *window,
              const char  *text)
{
  ToastWait w = { window, text };

  if (!test_wait_until (toast_shown, &w, 10000))
    g_error ("last toast is \"%s\", expected \"%s\"", platz_window_get_last_toast (window),
             text);
}

/* The day after today, as the day view's "next day" button goes there. */
static char *
tomorrow (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, 1);

  return g_date_time_format (then, "%Y-%m-%d");
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

static void
go_to_tomorrow (PlatzDayView *day)
{
  GtkWidget *next = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (day),
                                                                 PLATZ_TYPE_DAY_VIEW,
                                                                 "next_button");
  g_autofree char *expected = tomorrow ();
  DateWait w = { day, expected };

  if (g_strcmp0 (platz_day_view_get_date (day), expected) != 0)
    gtk_widget_activate (next);
  g_assert_true (test_wait_until (date_is, &w, 5000));
}

static PlatzDayView *
day_view_tomorrow (PlatzWindow *window)
{
  PlatzDayView *day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));

  assert_desk_state (day, 1, PLATZ_DESK_FREE);
  go_to_tomorrow (day);
  assert_desk_state (day, 4, PLATZ_DESK_FREE);
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
  PlatzWindow *window = open_window ();
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
  CountWait count;

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
  count = (CountWait) { adw_combo_row_get_model (row), 4 };
  g_assert_true (test_wait_until (has_n_items, &count, 10000));
  g_assert_cmpstr (item_title (count.model, 0), ==, "Myself");
  g_assert_cmpstr (item_title (count.model, 1), ==, "Emil Employee");
  g_assert_cmpstr (item_title (count.model, 2), ==, "Erika Muster");
  g_assert_cmpstr (item_title (count.model, 3), ==, "Max Mustermann");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* For Erika, the whole day. */
  adw_combo_row_set_selected (row, 2);
  adw_message_dialog_response (dialog, "full_day");
  expected = g_strdup_printf ("Desk A1.01-2 is booked for Erika Muster: %s, Whole day.",
                              date_label);
  assert_toast (window, expected);
  g_assert_null (platz_day_view_get_book_for_row (day));
  /* Somebody else's on the lead's plan, not the lead's. */
  assert_desk_state (day, 2, PLATZ_DESK_BOOKED);

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
  assert_toast (window, "Erika Muster already has a desk booked for that time.");
  assert_desk_state (day, 3, PLATZ_DESK_FREE);

  /* Myself stays the default and books for the lead. */
  dialog = open_desk (day, 3);
  g_assert_nonnull (platz_day_view_get_book_for_row (day));
  adw_message_dialog_response (dialog, "full_day");
  assert_desk_state (day, 3, PLATZ_DESK_MINE);
  g_clear_object (&leads);
  leads = test_api_list_bookings (platz_window_get_api (window), date, date);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);

  /* A desk with nothing free left offers nothing to choose. */
  dialog = open_desk (day, 3);
  g_assert_null (platz_day_view_get_book_for_row (day));
  adw_message_dialog_response (dialog, "close");

  close_window (window);
}

/* Whoever may book only for themselves gets the dialog as before. */
static void
test_no_choice (gconstpointer data)
{
  const char *username = data;
  PlatzWindow *window = open_window ();
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
  close_window (window);
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
  g_autofree char *data_dir = g_dir_make_tmp ("platz-client-data-XXXXXX", NULL);
  gint64 lena, team, other_team;
  int result;

  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("PLATZ_TOKEN_STORE", "file", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = test_server_start ();
  admin = test_api_login (server->base, TEST_ADMIN, TEST_PASSWORD);
  test_create_floor (admin);
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
