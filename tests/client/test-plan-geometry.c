/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "platz-plan-geometry.h"

static void
test_fit (void)
{
  PlatzPlanView view;
  double wx, wy, px, py;

  platz_plan_view_init (&view, 40, 20);
  platz_plan_view_resize (&view, 432, 432);
  /* Width limits: (432 - 2 * 16) / 40 = 10 px per unit. */
  g_assert_cmpfloat_with_epsilon (platz_plan_view_scale (&view), 10, 1e-9);
  /* Centred: the plan is 400 x 200 px inside 432 x 432. */
  platz_plan_view_to_widget (&view, 0, 0, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 16, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 116, 1e-9);
  platz_plan_view_to_widget (&view, 40, 20, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 416, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 316, 1e-9);
  platz_plan_view_to_plan (&view, 216, 216, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, 10, 1e-9);

  /* Height limits on a tall narrow widget. */
  platz_plan_view_resize (&view, 1000, 232);
  g_assert_cmpfloat_with_epsilon (platz_plan_view_scale (&view), 10, 1e-9);
}

static void
test_zoom_keeps_point (void)
{
  static const struct { double factor, wx, wy; } cases[] = {
    { 2.0, 100, 100 }, { 1.5, 300, 250 }, { 0.8, 10, 10 }, { 3.0, 216, 216 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PlatzPlanView view;
      double before_x, before_y, after_x, after_y;

      platz_plan_view_init (&view, 40, 20);
      platz_plan_view_resize (&view, 432, 432);
      platz_plan_view_to_plan (&view, cases[i].wx, cases[i].wy, &before_x, &before_y);
      platz_plan_view_zoom_at (&view, cases[i].factor, cases[i].wx, cases[i].wy);
      g_assert_cmpfloat_with_epsilon (view.zoom, cases[i].factor, 1e-9);
      platz_plan_view_to_plan (&view, cases[i].wx, cases[i].wy, &after_x, &after_y);
      g_assert_cmpfloat_with_epsilon (before_x, after_x, 1e-6);
      g_assert_cmpfloat_with_epsilon (before_y, after_y, 1e-6);
    }
}

static void
test_zoom_clamped (void)
{
  PlatzPlanView view;

  platz_plan_view_init (&view, 40, 20);
  platz_plan_view_resize (&view, 400, 400);
  for (int i = 0; i < 50; i++)
    platz_plan_view_zoom_at (&view, 2, 200, 200);
  g_assert_cmpfloat (view.zoom, ==, PLATZ_PLAN_ZOOM_MAX);
  for (int i = 0; i < 50; i++)
    platz_plan_view_zoom_at (&view, 0.5, 200, 200);
  g_assert_cmpfloat (view.zoom, ==, PLATZ_PLAN_ZOOM_MIN);
  platz_plan_view_reset (&view);
  g_assert_cmpfloat (view.zoom, ==, 1);
  g_assert_cmpfloat (view.pan_x, ==, 0);
}

static void
test_pan (void)
{
  PlatzPlanView view;
  double wx, wy;

  platz_plan_view_init (&view, 40, 20);
  platz_plan_view_resize (&view, 432, 432);
  platz_plan_view_pan (&view, 30, -20);
  platz_plan_view_to_widget (&view, 0, 0, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 46, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 96, 1e-9);

  /* Far away pans stop while a part of the plan is still visible. */
  platz_plan_view_pan (&view, 1e6, 1e6);
  platz_plan_view_to_widget (&view, 0, 0, &wx, &wy);
  g_assert_cmpfloat (wx, <, 432);
  g_assert_cmpfloat (wy, <, 432);
  platz_plan_view_pan (&view, -1e7, -1e7);
  platz_plan_view_to_widget (&view, 40, 20, &wx, &wy);
  g_assert_cmpfloat (wx, >, 0);
  g_assert_cmpfloat (wy, >, 0);
}

static PlatzDesk *
desk_at (double x,
         double y)
{
  PlatzDesk *desk = platz_object_new (&platz_desk_type);

  desk->x = x;
  desk->y = y;
  return desk;
}

static void
free_desk (gpointer desk)
{
  platz_object_free (&platz_desk_type, desk);
}

static void
test_hit_desk (void)
{
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func (free_desk);
  static const struct { double x, y; int expected; } cases[] = {
    { 3.0, 3.0, 0 },      /* centre */
    { 2.41, 3.0, 0 },     /* inside the left edge (half size 0.6) */
    { 2.39, 3.0, -1 },    /* just outside */
    { 3.4, 3.0, 0 },      /* overlapping squares: the nearer centre wins */
    { 3.6, 3.0, 1 },
    { 10.5, 10.5, 2 },
    { 10.61, 10.0, -1 },
    { 7.0, 7.0, -1 },
  };

  g_ptr_array_add (desks, desk_at (3, 3));
  g_ptr_array_add (desks, desk_at (4, 3));
  g_ptr_array_add (desks, desk_at (10, 10));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (platz_plan_hit_desk (desks, cases[i].x, cases[i].y), ==, cases[i].expected);
}

static void
free_room (gpointer room)
{
  platz_object_free (&platz_room_type, room);
}

static void
test_hit_room (void)
{
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func (free_room);
  PlatzRoom *big = platz_object_new (&platz_room_type);
  PlatzRoom *small = platz_object_new (&platz_room_type);
  PlatzRoom *right = platz_object_new (&platz_room_type);

  *big = (PlatzRoom) { .x = 0, .y = 0, .w = 20, .h = 10 };
  *small = (PlatzRoom) { .x = 2, .y = 2, .w = 3, .h = 3 };
  *right = (PlatzRoom) { .x = 20, .y = 0, .w = 10, .h = 10 };
  g_ptr_array_add (rooms, big);
  g_ptr_array_add (rooms, small);
  g_ptr_array_add (rooms, right);

  g_assert_cmpint (platz_plan_hit_room (rooms, 1, 1), ==, 0);
  g_assert_cmpint (platz_plan_hit_room (rooms, 3, 3), ==, 1);   /* smallest wins */
  g_assert_cmpint (platz_plan_hit_room (rooms, 20, 5), ==, 2);  /* shared wall: half-open */
  g_assert_cmpint (platz_plan_hit_room (rooms, 19.99, 5), ==, 0);
  g_assert_cmpint (platz_plan_hit_room (rooms, 35, 5), ==, -1);
}

static void
test_state_combine (void)
{
  static const struct { PlatzDeskState am, pm, expected; } cases[] = {
    { PLATZ_DESK_FREE, PLATZ_DESK_FREE, PLATZ_DESK_FREE },
    { PLATZ_DESK_FREE, PLATZ_DESK_BOOKED, PLATZ_DESK_PARTLY_FREE },
    { PLATZ_DESK_ROOM_FULL, PLATZ_DESK_FREE, PLATZ_DESK_PARTLY_FREE },
    { PLATZ_DESK_MINE, PLATZ_DESK_FREE, PLATZ_DESK_MINE },
    { PLATZ_DESK_BOOKED, PLATZ_DESK_MINE, PLATZ_DESK_MINE },
    { PLATZ_DESK_BLOCKED, PLATZ_DESK_BLOCKED, PLATZ_DESK_BLOCKED },
    { PLATZ_DESK_BOOKED, PLATZ_DESK_ROOM_FULL, PLATZ_DESK_BOOKED },
    { PLATZ_DESK_ASSIGNED, PLATZ_DESK_BOOKED, PLATZ_DESK_ASSIGNED },
    { PLATZ_DESK_UNKNOWN, PLATZ_DESK_FREE, PLATZ_DESK_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (platz_desk_state_combine (cases[i].am, cases[i].pm), ==, cases[i].expected);
}

static void
test_state_strings_and_colours (void)
{
  for (PlatzDeskState s = 0; s < PLATZ_DESK_N_STATES; s++)
    {
      PlatzColor a = platz_desk_state_color (s);

      g_assert_cmpint (platz_desk_state_from_string (platz_desk_state_to_string (s)), ==, s);
      g_assert_cmpstr (platz_desk_state_label (s), !=, "");
      /* Every state shown in the legend has its own colour. */
      for (PlatzDeskState t = s + 1; t < PLATZ_DESK_N_STATES; t++)
        {
          PlatzColor b = platz_desk_state_color (t);
          double d = fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue);

          g_assert_cmpfloat (d, >, 0.15);
        }
    }
  g_assert_cmpint (platz_desk_state_from_string ("room_full"), ==, PLATZ_DESK_ROOM_FULL);
  g_assert_cmpint (platz_desk_state_from_string ("nonsense"), ==, PLATZ_DESK_UNKNOWN);
  g_assert_cmpint (platz_desk_state_from_string (NULL), ==, PLATZ_DESK_UNKNOWN);
  /* Free is green, mine is blue, booked is red. */
  g_assert_cmpfloat (platz_desk_state_color (PLATZ_DESK_FREE).green, >,
                     platz_desk_state_color (PLATZ_DESK_FREE).red);
  g_assert_cmpfloat (platz_desk_state_color (PLATZ_DESK_MINE).blue, >,
                     platz_desk_state_color (PLATZ_DESK_MINE).red);
  g_assert_cmpfloat (platz_desk_state_color (PLATZ_DESK_BOOKED).red, >,
                     platz_desk_state_color (PLATZ_DESK_BOOKED).green);
}

/* Each state the legend shows is told by shape as well as colour. */
static void
test_state_looks (void)
{
  static const PlatzDeskState shown[] = {
    PLATZ_DESK_FREE, PLATZ_DESK_MINE, PLATZ_DESK_BOOKED, PLATZ_DESK_ROOM_FULL,
    PLATZ_DESK_ASSIGNED, PLATZ_DESK_BLOCKED, PLATZ_DESK_UNKNOWN,
  };
  PlatzDeskLook look;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (shown); j++)
      {
        PlatzDeskLook a = platz_desk_state_look (shown[i]);
        PlatzDeskLook b = platz_desk_state_look (shown[j]);

        g_assert_true (a.fill != b.fill || a.glyph != b.glyph);
      }
  look = platz_desk_state_look (PLATZ_DESK_FREE);
  g_assert_cmpint (look.fill, ==, PLATZ_DESK_FILL_OUTLINE);
  g_assert_cmpint (look.glyph, ==, PLATZ_DESK_GLYPH_NONE);
  look = platz_desk_state_look (PLATZ_DESK_BOOKED);
  g_assert_cmpint (look.fill, ==, PLATZ_DESK_FILL_SOLID);
  g_assert_cmpint (look.glyph, ==, PLATZ_DESK_GLYPH_NONE);
  look = platz_desk_state_look (PLATZ_DESK_MINE);
  g_assert_cmpint (look.fill, ==, PLATZ_DESK_FILL_SOLID);
  g_assert_cmpint (look.glyph, ==, PLATZ_DESK_GLYPH_CHECK);
  look = platz_desk_state_look (PLATZ_DESK_BLOCKED);
  g_assert_cmpint (look.fill, ==, PLATZ_DESK_FILL_HATCHED);
  g_assert_cmpint (look.glyph, ==, PLATZ_DESK_GLYPH_CROSS);
  g_assert_cmpint (platz_desk_state_look (PLATZ_DESK_ROOM_FULL).fill, ==, PLATZ_DESK_FILL_DASHED);
  g_assert_cmpint (platz_desk_state_look (PLATZ_DESK_ASSIGNED).glyph, ==, PLATZ_DESK_GLYPH_DOT);
}

/* Both halves of the day are drawn, each in its own state: half yours and
 * half someone else's is not drawn as yours. */
static void
test_marker_halves (void)
{
  PlatzDeskState parts[2];
  double px, pw;

  g_assert_cmpuint (platz_desk_marker_parts (PLATZ_DESK_MINE, PLATZ_DESK_BOOKED, parts), ==, 2);
  g_assert_cmpint (parts[0], ==, PLATZ_DESK_MINE);
  g_assert_cmpint (parts[1], ==, PLATZ_DESK_BOOKED);
  g_assert_cmpuint (platz_desk_marker_parts (PLATZ_DESK_BOOKED, PLATZ_DESK_FREE, parts), ==, 2);
  g_assert_cmpint (parts[0], ==, PLATZ_DESK_BOOKED);
  g_assert_cmpint (parts[1], ==, PLATZ_DESK_FREE);
  g_assert_cmpuint (platz_desk_marker_parts (PLATZ_DESK_FREE, PLATZ_DESK_FREE, parts), ==, 1);
  g_assert_cmpint (parts[0], ==, PLATZ_DESK_FREE);

  /* Morning left, afternoon right, halving the marker. */
  platz_desk_marker_part_rect (10, 8, 2, 0, &px, &pw);
  g_assert_cmpfloat (px, ==, 10);
  g_assert_cmpfloat (pw, ==, 4);
  platz_desk_marker_part_rect (10, 8, 2, 1, &px, &pw);
  g_assert_cmpfloat (px, ==, 14);
  g_assert_cmpfloat (pw, ==, 4);
  platz_desk_marker_part_rect (10, 8, 1, 0, &px, &pw);
  g_assert_cmpfloat (px, ==, 10);
  g_assert_cmpfloat (pw, ==, 8);
}

/* A room's name goes where no desk covers it. */
static void
test_label_band (void)
{
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func (free_desk);
  PlatzRoom room = { .x = 0, .y = 0, .w = 4, .h = 4 };
  double y;
  guint covered;

  /* An empty room: at the top. */
  g_assert_true (platz_plan_room_label_band (&room, desks, 0.6, &y, &covered));
  g_assert_cmpfloat (y, ==, 0);
  g_assert_cmpuint (covered, ==, 0);

  /* Desk squares 0.2-1.4 and 1.4-2.6 high: the first free band is under
   * the second; a desk of another room further right does not count. */
  g_ptr_array_add (desks, desk_at (1, 0.8));
  g_ptr_array_add (desks, desk_at (3, 2.0));
  g_ptr_array_add (desks, desk_at (10, 3.2));
  g_assert_true (platz_plan_room_label_band (&room, desks, 0.6, &y, &covered));
  g_assert_cmpfloat_with_epsilon (y, 2.6, 1e-9);
  g_assert_cmpuint (covered, ==, 0);

  /* A label of half a desk fits between the top wall and the first desk. */
  g_assert_true (platz_plan_room_label_band (&room, desks, 0.2, &y, &covered));
  g_assert_cmpfloat (y, ==, 0);
  g_assert_cmpuint (covered, ==, 0);

  /* Desks everywhere: the band covering the fewest, the highest of those. */
  g_ptr_array_add (desks, desk_at (1, 3.2));
  g_ptr_array_add (desks, desk_at (3, 3.2));
  g_assert_true (platz_plan_room_label_band (&room, desks, 0.6, &y, &covered));
  g_assert_cmpuint (covered, ==, 1);
  g_assert_cmpfloat (y, ==, 0);

  /* A room lower than the label has no place for it. */
  g_assert_false (platz_plan_room_label_band (&room, desks, 4.5, &y, &covered));
}

/* The highest free band wins, whatever the order of the desks. */
static void
test_label_band_highest (void)
{
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func (free_desk);
  PlatzRoom room = { .x = 0, .y = 0, .w = 4, .h = 6 };
  double y;
  guint covered;

  g_ptr_array_add (desks, desk_at (3, 4.0));   /* 3.4-4.6, free under it */
  g_ptr_array_add (desks, desk_at (1, 0.8));   /* 0.2-1.4, free under it */
  g_assert_true (platz_plan_room_label_band (&room, desks, 0.6, &y, &covered));
  g_assert_cmpfloat_with_epsilon (y, 1.4, 1e-9);
  g_assert_cmpuint (covered, ==, 0);
}

/* A label is whole when it fits, shrunk a little when nearly, then the
 * count gives way, then the name is shortened. */
static void
test_label_fit (void)
{
  PlatzLabelFit fit;

  fit = platz_plan_fit_room_label (100, 60, 20, 6);
  g_assert_cmpfloat (fit.scale, ==, 1);
  g_assert_true (fit.show_count);
  g_assert_false (fit.ellipsize);

  fit = platz_plan_fit_room_label (80, 60, 20, 6);
  g_assert_cmpfloat_with_epsilon (fit.scale, 80.0 / 86, 1e-9);
  g_assert_true (fit.show_count);
  g_assert_false (fit.ellipsize);

  fit = platz_plan_fit_room_label (50, 60, 20, 6);
  g_assert_false (fit.show_count);
  g_assert_cmpfloat_with_epsilon (fit.scale, 50.0 / 60, 1e-9);
  g_assert_false (fit.ellipsize);

  fit = platz_plan_fit_room_label (30, 60, 20, 6);
  g_assert_false (fit.show_count);
  g_assert_cmpfloat (fit.scale, ==, PLATZ_PLAN_LABEL_MIN_SCALE);
  g_assert_true (fit.ellipsize);

  /* No count: only the name. */
  fit = platz_plan_fit_room_label (50, 40, 0, 6);
  g_assert_cmpfloat (fit.scale, ==, 1);
  g_assert_false (fit.show_count);
}

static void
test_describe (void)
{
  char *tags[] = { (char *) "height_adjustable", (char *) "docking_station", NULL };
  PlatzDesk desk = { .name = (char *) "A1.01-2", .equipment = tags, .bookable = TRUE };
  g_autofree char *free_label = NULL;
  g_autofree char *half = NULL;
  g_autofree char *plain = NULL;

  free_label = platz_desk_describe (&desk, PLATZ_DESK_FREE, PLATZ_DESK_FREE, NULL);
  g_assert_cmpstr (free_label, ==, "Desk A1.01-2, free, height-adjustable desk, docking station");
  half = platz_desk_describe (&desk, PLATZ_DESK_FREE, PLATZ_DESK_BOOKED, "Anna");
  g_assert_cmpstr (half, ==, "Desk A1.01-2, morning free, afternoon booked by Anna, "
                             "height-adjustable desk, docking station");
  desk.equipment = NULL;
  desk.accessible = TRUE;
  plain = platz_desk_describe (&desk, PLATZ_DESK_MINE, PLATZ_DESK_MINE, NULL);
  g_assert_cmpstr (plain, ==, "Desk A1.01-2, booked by you, accessible");
}

static void
test_describe_day (void)
{
  g_autofree char *whole = platz_desk_state_describe_day (PLATZ_DESK_FREE, PLATZ_DESK_FREE, NULL);
  g_autofree char *halves = platz_desk_state_describe_day (PLATZ_DESK_FREE, PLATZ_DESK_BOOKED,
                                                           "Anna");
  /* Next to one's own half the one name given may be one's own. */
  g_autofree char *with_mine = platz_desk_state_describe_day (PLATZ_DESK_MINE, PLATZ_DESK_BOOKED,
                                                              "Emma");

  g_assert_cmpstr (whole, ==, "free");
  g_assert_cmpstr (halves, ==, "morning free, afternoon booked by Anna");
  g_assert_cmpstr (with_mine, ==, "morning booked by you, afternoon booked");
}

static void
test_filter (void)
{
  char *tags[] = { (char *) "height_adjustable", (char *) "window", NULL };
  char *want_one[] = { (char *) "window", NULL };
  char *want_two[] = { (char *) "window", (char *) "dual_monitor", NULL };
  PlatzDesk desk = { .equipment = tags };

  g_assert_true (platz_desk_matches_filter (&desk, NULL, FALSE));
  g_assert_true (platz_desk_matches_filter (&desk, want_one, FALSE));
  g_assert_false (platz_desk_matches_filter (&desk, want_two, FALSE));
  g_assert_false (platz_desk_matches_filter (&desk, NULL, TRUE));
  desk.accessible = TRUE;
  g_assert_true (platz_desk_matches_filter (&desk, want_one, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-geometry/fit", test_fit);
  g_test_add_func ("/plan-geometry/zoom-keeps-point", test_zoom_keeps_point);
  g_test_add_func ("/plan-geometry/zoom-clamped", test_zoom_clamped);
  g_test_add_func ("/plan-geometry/pan", test_pan);
  g_test_add_func ("/plan-geometry/hit-desk", test_hit_desk);
  g_test_add_func ("/plan-geometry/hit-room", test_hit_room);
  g_test_add_func ("/plan-geometry/state-combine", test_state_combine);
  g_test_add_func ("/plan-geometry/state-colours", test_state_strings_and_colours);
  g_test_add_func ("/plan-geometry/state-looks", test_state_looks);
  g_test_add_func ("/plan-geometry/marker-halves", test_marker_halves);
  g_test_add_func ("/plan-geometry/label-band", test_label_band);
  g_test_add_func ("/plan-geometry/label-band-highest", test_label_band_highest);
  g_test_add_func ("/plan-geometry/label-fit", test_label_fit);
  g_test_add_func ("/plan-geometry/describe", test_describe);
  g_test_add_func ("/plan-geometry/describe-day", test_describe_day);
  g_test_add_func ("/plan-geometry/filter", test_filter);

  return g_test_run ();
}
