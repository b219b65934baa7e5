/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where the Rooms page's pickers start: the next slot still to come
 * today, the start of working hours on a later day, and the first day
 * the site is open with a slot left.
 */
#include "config.h"

#include "platz-rooms-page.h"

#define H(h, m) ((h) * 60 + (m))

static GDateTime *
at (int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, year, month, day, hour, minute, seconds);
}

static void
test_first_start (void)
{
  static const struct {
    const char *date;
    int         hour, minute;
    double      seconds;
    int         expected;
  } cases[] = {
    /* Friday, 4 December 2026; working hours 06:00-20:00, 15 minutes */
    { "2026-12-04", 10, 7, 0, H (10, 15) },    /* the next slot */
    { "2026-12-04", 10, 0, 0, H (10, 0) },     /* on the slot itself */
    { "2026-12-04", 10, 0, 30, H (10, 15) },   /* it has begun */
    { "2026-12-04", 5, 0, 0, H (6, 0) },       /* before working hours */
    { "2026-12-04", 19, 40, 0, H (19, 45) },   /* the last slot */
    { "2026-12-04", 19, 50, 0, -1 },           /* the day is over */
    { "2026-12-05", 10, 7, 0, H (6, 0) },      /* a later day: from the start */
    { "2026-12-03", 10, 7, 0, -1 },            /* a past day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = at (2026, 12, 4, cases[i].hour, cases[i].minute,
                                     cases[i].seconds);

      g_assert_cmpint (platz_rooms_first_start (cases[i].date, now, H (6, 0), H (20, 0), 15),
                       ==, cases[i].expected);
    }
  /* A 30-minute grid from 07:30. */
  {
    g_autoptr(GDateTime) now = at (2026, 12, 4, 8, 10, 0);

    g_assert_cmpint (platz_rooms_first_start ("2026-12-04", now, H (7, 30), H (18, 0), 30), ==,
                     H (8, 30));
  }
}

static void
test_opening_date (void)
{
  static const struct {
    int         day, hour;
    gint64      closed;
    const char *expected;
  } cases[] = {
    /* 4 December 2026 is a Friday; bit 0 is Monday, 0x60 the weekend. */
    { 4, 10, 0x60, "2026-12-04" },   /* today while a slot is left */
    { 4, 21, 0x60, "2026-12-07" },   /* after hours on Friday: Monday */
    { 4, 21, 0x00, "2026-12-05" },   /* no day closed: Saturday is open */
    { 5, 10, 0x60, "2026-12-07" },   /* Saturday, closed: Monday */
    { 5, 10, 0x00, "2026-12-05" },   /* Saturday, open */
    { 4, 21, 0x7f, "2026-12-05" },   /* closed every day: the next day anyway */
    { 4, 21, 0x7f & ~(1 << 2), "2026-12-09" },  /* open on Wednesdays only */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = at (2026, 12, cases[i].day, cases[i].hour, 0, 0);
      g_autofree char *date = platz_rooms_opening_date (now, H (6, 0), H (20, 0), 15,
                                                        cases[i].closed);

      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/room-times/first-start", test_first_start);
  g_test_add_func ("/room-times/opening-date", test_opening_date);
  return g_test_run ();
}
