/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A facility manager in the real client against a real platzd: moves a
 * desk on the plan and finds it there after a reload, blocks a desk and
 * sees it blocked in the day view, reads the planner.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

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
  PlatzWindow *window = test_window_open (server->base);
  PlatzFacilityPage *page;
  PlatzFloorPlan *plan;
  PlatzDayView *day;
  PlatzDesk *desk;
  MoveWait move;

  test_sign_in (window, "fiona");
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
  test_assert_toast (window, "Saved.");
  platz_facility_page_reload (page);
  move = (MoveWait) { page, 8.5, 6.25 };
  g_assert_true (test_wait_until (desk_one_at, &move, 10000));

  /* Block desk 3 with a reason; the day view shows it blocked. */
  platz_facility_page_select_desk (page, 3);
  platz_facility_page_block_selected (page, "Monitor broken");
  platz_window_add_toast (window, adw_toast_new ("-"));
  test_assert_toast (window, "Saved.");
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  platz_day_view_reload (day);
  test_assert_desk_state (day, 3, PLATZ_DESK_BLOCKED);
  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);
  g_assert_nonnull (strstr (platz_desk_spot_get_label (PLATZ_DESK_SPOT (
    platz_floor_plan_get_desk_spot (platz_day_view_get_floor_plan (day), 3))), "Monitor broken"));

  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  TestUi *ui = test_ui_init (&argc, &argv);

  server = ui->server;
  admin = ui->admin;
  test_create_user (server->base, admin, "fiona", "facility_manager", 0);

  g_test_add_func ("/ui/facility/move-and-block", test_move_and_block);
  return test_ui_run (ui);
}
