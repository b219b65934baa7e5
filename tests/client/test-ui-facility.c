/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A facility manager in the real client against a real platzd: moves a
 * desk on the plan and finds it there after a reload, blocks a desk and
 * sees it blocked in the day view, reads the planner.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "platz-application.h"
#include "platz-bookings-page.h"
#include "platz-facility-page.h"
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


/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static gboolean
facility_loaded (gpointer data)
{
  PlatzFacilityPage *page = data;
  PlatzFloorData *floor = platz_floor_plan_get_floor (platz_facility_page_get_floor_plan (page));

  return !platz_facility_page_is_loading (page) && floor != NULL && floor->desks->len == 5;
}

typedef struct {
  PlatzFacilityPage *page;
  double             x, y;
} MoveWait;

static gboolean
desk_one_at (gpointer data)
{
  MoveWait *w = data;
  PlatzFloorData *floor = platz_floor_plan_get_floor (platz_facility_page_get_floor_plan (w->page));
  PlatzDesk *desk = floor != NULL ? platz_floor_data_find_desk (floor, 1) : NULL;

  return !platz_facility_page_is_loading (w->page) && desk != NULL
         && desk->x == w->x && desk->y == w->y;
}

static void
test_move_and_block (void)
{
  PlatzWindow *window = open_window ();
  PlatzFacilityPage *page;
  PlatzFloorPlan *plan;
  PlatzDayView *day;
  PlatzDesk *desk;
  MoveWait move;
  ToastWait toast;

  sign_in (window, "fiona");
  g_assert_true (platz_window_page_visible (window, "facility"));
  g_assert_false (platz_window_page_visible (window, "projects"));
  platz_window_show_page (window, "facility");
  page = PLATZ_FACILITY_PAGE (platz_window_get_page (window, "facility"));
  g_assert_true (test_wait_until (facility_loaded, page, 10000));
  plan = platz_facility_page_get_floor_plan (page);

  /* A drag ends with desk-moved at the dropped position; the page saves
   * it with PATCH.  After a reload from the server it is still there. */
  desk = platz_floor_data_find_desk (platz_floor_plan_get_floor (plan), 1);
  g_assert_cmpfloat (desk->x, ==, 3);
  desk->x = 8.5;
  desk->y = 6.25;
  g_signal_emit_by_name (plan, "desk-moved", (gint64) 1, 8.5, 6.25);
  toast = (ToastWait) { window, "Saved." };
  g_assert_true (test_wait_until (toast_shown, &toast, 10000));
  platz_facility_page_reload (page);
  move = (MoveWait) { page, 8.5, 6.25 };
  g_assert_true (test_wait_until (desk_one_at, &move, 10000));

  /* Block desk 3 with a reason; the day view shows it blocked. */
  platz_facility_page_select_desk (page, 3);
  platz_facility_page_block_selected (page, "Monitor broken");
  toast = (ToastWait) { window, "Saved." };
  platz_window_add_toast (window, adw_toast_new ("-"));
  g_assert_true (test_wait_until (toast_shown, &toast, 10000));
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  platz_day_view_reload (day);
  assert_desk_state (day, 3, PLATZ_DESK_BLOCKED);
  assert_desk_state (day, 1, PLATZ_DESK_FREE);
  g_assert_nonnull (strstr (platz_desk_spot_get_label (PLATZ_DESK_SPOT (
    platz_floor_plan_get_desk_spot (platz_day_view_get_floor_plan (day), 3))), "Monitor broken"));

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
  test_create_user (server->base, admin, "fiona", "facility_manager", 0);

  g_test_add_func ("/ui/facility/move-and-block", test_move_and_block);
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
