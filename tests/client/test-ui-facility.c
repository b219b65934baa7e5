/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A facility manager in the real client against a real platzd: moves a
 * desk on the plan and finds it there after a reload, blocks a desk and
 * sees it blocked in the day view; adds an occupancy standard with the
 * functions chosen; reads the utilisation of the working days and the
 * planner's rooms missing.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "platz-bar-chart.h"
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

static gboolean
facility_loaded (gpointer data)
{
  PlatzFacilityPage *page = data;
  PlatzFloorData *floor = platz_floor_plan_get_floor (platz_facility_page_get_floor_plan (page));

  return !platz_facility_page_is_loading (page) && floor != NULL && floor->desks->len == 5;
}

static PlatzFacilityPage *
open_facility (PlatzWindow *window)
{
  PlatzFacilityPage *page;

  test_sign_in_or_kept (window, "fiona");
  platz_window_show_page (window, "facility");
  page = PLATZ_FACILITY_PAGE (platz_window_get_page (window, "facility"));
  g_assert_true (test_wait_until (facility_loaded, page, 10000));
  return page;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

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

static void
test_standard_form (void)
{
  PlatzWindow *window = test_window_open (server->base);
  PlatzFacilityPage *page = open_facility (window);
  GtkWidget *list = test_find_named (GTK_WIDGET (page), "standards-list");
  g_autoptr(GListModel) before = test_api_list_standards (admin);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(PlatzRecord) record = NULL;
  guint n = g_list_model_get_n_items (before);
  PlatzStandard *standard;
  GtkWidget *row;
  g_autoptr(GListModel) rows = gtk_widget_observe_children (list);

  /* A leadership single office: the head only, one person. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (page), "standard-name")),
                         "Leitung");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_find_named (GTK_WIDGET (page),
                                                               "standard-max")), 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_named (GTK_WIDGET (page),
                                                                  "standard-head")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_named (GTK_WIDGET (page),
                                                                  "standard-staff")), FALSE);
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (page), "standard-add"), "clicked");
  test_assert_toast (window, "Occupancy standard added.");

  after = test_api_list_standards (admin);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n + 1);
  record = g_list_model_get_item (after, n);
  standard = platz_record_get_data (record);
  g_assert_cmpstr (standard->name, ==, "Leitung");
  g_assert_cmpint (standard->max_persons, ==, 1);
  g_assert_nonnull (standard->eligible_functions);
  g_assert_cmpuint (g_strv_length (standard->eligible_functions), ==, 1);
  g_assert_cmpstr (standard->eligible_functions[0], ==, "head");

  /* The list says it in words, in the singular. */
  g_assert_true (test_wait_n_items (rows, n + 1, 10000));
  row = gtk_widget_get_last_child (list);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "At most 1 person, at least 8.0 m² each, for heads of office/section");

  /* Nobody eligible is refused before anything is sent. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (page), "standard-name")),
                         "Niemand");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_named (GTK_WIDGET (page),
                                                                  "standard-head")), FALSE);
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (page), "standard-add"), "clicked");
  test_assert_toast (window, "Please choose who may work under the standard.");
  g_clear_object (&after);
  after = test_api_list_standards (admin);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n + 1);

  test_window_close (window);
}

static gboolean
chart_filled (gpointer data)
{
  return platz_bar_chart_get_n_groups (data) > 0;
}

static void
test_utilisation_days (void)
{
  PlatzWindow *window;
  PlatzFacilityPage *page;
  PlatzBarChart *chart;
  GtkWidget *rooms;
  PlatzSite site = { 0 };
  static const char * const fields[] = { "closed_weekdays", NULL };
  g_autoptr(GRegex) label_re = g_regex_new ("^(Mon|Tue|Wed|Thu|Fri) [1-9][0-9]?$", 0, 0, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint weekdays = 0;

  /* Closed at the weekend: those days are not in the chart. */
  site.closed_weekdays = (1 << 5) | (1 << 6);  /* bit d - 1 for ISO weekday d */
  test_api_patch (admin, &platz_site_type, 1, &site, fields);
  /* The test floor's offices hold fewer people than the default smallest
   * group a report row may stand for; here every room has its own row
   * (merged rows are read in test-reports). */
  test_api_patch_policies (admin, server->base, "{\"report_min_group\":1}");
  for (int i = 0; i < 28; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -i);

      weekdays += g_date_time_get_day_of_week (day) <= 5;
    }

  window = test_window_open (server->base);
  page = open_facility (window);
  chart = PLATZ_BAR_CHART (test_find_named (GTK_WIDGET (page), "utilisation-chart"));
  g_assert_true (test_wait_until (chart_filled, chart, 10000));
  g_assert_cmpuint (platz_bar_chart_get_n_groups (chart), ==, weekdays);
  for (guint i = 0; i < weekdays; i++)
    {
      const char *label = platz_bar_chart_get_label (chart, i);

      g_test_message ("label %u: %s", i, label);
      g_assert_true (g_regex_match (label_re, label, 0, NULL));
    }

  /* The floor's rooms are listed with their figures. */
  rooms = test_find_named (GTK_WIDGET (page), "utilisation-rooms");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (rooms), 0, 1))),
                   ==, "A1.01");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (rooms), 0, 2))),
                   ==, "A1.02");

  site.closed_weekdays = 0;
  test_api_patch (admin, &platz_site_type, 1, &site, fields);
  test_window_close (window);
}

static gboolean
planner_filled (gpointer data)
{
  return platz_facility_page_get_n_planner_rows (data) > 0;
}

static void
test_planner_missing (void)
{
  PlatzWindow *window;
  PlatzFacilityPage *page;
  PlatzStandard standard = { 0 };
  PlatzRoom room = { 0 };
  PlatzTeam team = { 0 };
  static const char * const room_fields[] = { "occupancy_standard_id", NULL };
  static const char * const desk_fields[] = { "bookable", "blocked_reason", NULL };
  PlatzDesk desk = { 0 };
  const char *staff[] = { "staff", NULL };
  gint64 standard_id, team_id;
  GtkWidget *space;

  /* Two case-work rooms for two persons each with three bookable desks
   * between them (A1.01-3 blocked, as the first test leaves it; A1.02
   * has one, so holds one), and a team of six who are in every day. */
  standard.name = (char *) "Sachbearbeitung";
  standard.max_persons = 2;
  standard.min_area_per_person_m2 = 6;
  standard.eligible_functions = (char **) staff;
  desk.bookable = FALSE;
  desk.blocked_reason = (char *) "Monitor broken";
  test_api_patch (admin, &platz_desk_type, 3, &desk, desk_fields);
  standard_id = test_api_create (admin, &platz_standard_type, &standard);
  room.occupancy_standard_id = standard_id;
  test_api_patch (admin, &platz_room_type, 1, &room, room_fields);
  test_api_patch (admin, &platz_room_type, 2, &room, room_fields);
  team.name = (char *) "Bürgerbüro";
  team.building_id = 1;
  team.office_share_percent = 100;
  team_id = test_api_create (admin, &platz_team_type, &team);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("clerk%d", i);

      test_create_user (server->base, admin, name, "employee", team_id);
    }

  window = test_window_open (server->base);
  page = open_facility (window);
  g_assert_true (test_wait_until (planner_filled, page, 10000));
  /* Six desks needed, a room holds one (the median): six rooms needed,
   * two exist; three desks exist. */
  space = test_find_named (GTK_WIDGET (page), "planner-space");
  g_assert_nonnull (space);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (space)), ==,
                   "4 rooms missing\n3 desks missing");
  g_assert_true (gtk_widget_has_css_class (space, "error"));

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
  g_test_add_func ("/ui/facility/standard-form", test_standard_form);
  g_test_add_func ("/ui/facility/utilisation-days", test_utilisation_days);
  g_test_add_func ("/ui/facility/planner-missing", test_planner_missing);
  return test_ui_run (ui);
}
