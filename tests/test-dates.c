/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "platz-date.h"
#include "platz-limits.h"

static void
test_date_parse (void)
{
  const struct { const char *text; gboolean ok; } cases[] = {
    { "2026-12-01", TRUE }, { "2028-02-29", TRUE }, { "2026-02-29", FALSE },
    { "2026-13-01", FALSE }, { "2026-1-01", FALSE }, { "2026-12-01T00", FALSE },
    { "", FALSE }, { "abcd-ef-gh", FALSE }, { "2026-00-10", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d;
      g_assert_cmpint (platz_date_parse (cases[i].text, &d), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *back = platz_date_format (&d);
          g_assert_cmpstr (back, ==, cases[i].text);
        }
    }
}

static void
test_iso_week (void)
{
  GDate d;

  platz_date_parse ("2026-12-31", &d);          /* Thursday, week 53 of 2026 */
  g_assert_cmpint (platz_date_iso_week (&d), ==, 202653);
  platz_date_parse ("2027-01-01", &d);          /* Friday, still 2026-W53 */
  g_assert_cmpint (platz_date_iso_week (&d), ==, 202653);
  platz_date_parse ("2027-01-04", &d);          /* Monday, 2027-W01 */
  g_assert_cmpint (platz_date_iso_week (&d), ==, 202701);
  g_assert_cmpint (platz_date_iso_weekday (&d), ==, 1);
  platz_date_parse ("2024-12-30", &d);          /* Monday of 2025-W01 */
  g_assert_cmpint (platz_date_iso_week (&d), ==, 202501);
}

static void
test_slots (void)
{
  g_assert_cmpint (platz_slot_halves ("am"), ==, PLATZ_HALF_AM);
  g_assert_cmpint (platz_slot_halves ("pm"), ==, PLATZ_HALF_PM);
  g_assert_cmpint (platz_slot_halves ("full_day"), ==, PLATZ_HALF_BOTH);
  g_assert_cmpint (platz_slot_halves ("night"), ==, 0);
  g_assert_cmpstr (platz_slot_from_halves (PLATZ_HALF_BOTH), ==, "full_day");
  g_assert_true (platz_slot_halves ("full_day") & platz_slot_halves ("am"));
  g_assert_false (platz_slot_halves ("pm") & platz_slot_halves ("am"));
}

static void
test_ranges (void)
{
  g_assert_false (platz_range_overlaps (0, 10, 10, 20));   /* touching */
  g_assert_true (platz_range_overlaps (0, 10, 9, 20));
  g_assert_true (platz_range_overlaps (0, 30, 10, 20));    /* contained */
  g_assert_true (platz_range_overlaps (10, 20, 0, 30));
  g_assert_false (platz_range_overlaps (20, 10, 0, 30));   /* inverted = empty */
  g_assert_false (platz_range_overlaps (5, 5, 0, 30));     /* empty */
}

static void
test_rfc3339 (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) a = platz_datetime_parse ("2026-12-01T09:00:00+01:00");
  g_autoptr(GDateTime) b = platz_datetime_parse ("2026-12-01T08:00:00Z");
  g_autoptr(GDateTime) c = platz_datetime_parse ("2026-12-01T09:00+01:00");
  g_autofree char *key = NULL;
  g_autofree char *local = NULL;

  g_assert_nonnull (a);
  g_assert_null (c);   /* RFC 3339 needs seconds */
  g_assert_true (g_date_time_equal (a, b));
  key = platz_datetime_utc_key (a);
  g_assert_cmpstr (key, ==, "2026-12-01T08:00:00Z");
  local = platz_datetime_format (b, berlin);
  g_assert_cmpstr (local, ==, "2026-12-01T09:00:00+01:00");
  g_assert_null (platz_datetime_parse ("2026-12-01T09:00:00"));   /* no offset */
  g_assert_null (platz_datetime_parse ("2026-12-01 09:00:00Z"));
  g_assert_null (platz_datetime_parse ("2026-12-01T25:00:00Z"));
  g_assert_null (platz_datetime_parse ("yesterday"));
}

static void
test_dst (void)
{
  /* Europe/Berlin switches to summer time on 2027-03-28 (02:00 -> 03:00)
   * and back on 2027-10-31: those days have 23 and 25 hours. */
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  GDate d, next;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) start2 = NULL;
  g_autoptr(GDateTime) end2 = NULL;
  g_autofree char *s = NULL;

  platz_date_parse ("2027-03-28", &d);
  next = d;
  g_date_add_days (&next, 1);
  start = platz_date_start_in_zone (&d, berlin);
  end = platz_date_start_in_zone (&next, berlin);
  g_assert_cmpint (g_date_time_difference (end, start), ==, 23 * G_TIME_SPAN_HOUR);
  s = platz_datetime_utc_key (start);
  g_assert_cmpstr (s, ==, "2027-03-27T23:00:00Z");

  platz_date_parse ("2027-10-31", &d);
  next = d;
  g_date_add_days (&next, 1);
  start2 = platz_date_start_in_zone (&d, berlin);
  end2 = platz_date_start_in_zone (&next, berlin);
  g_assert_cmpint (g_date_time_difference (end2, start2), ==, 25 * G_TIME_SPAN_HOUR);
}

static void
test_time_parse (void)
{
  int m = -1;

  g_assert_true (platz_time_parse ("10:00", &m));
  g_assert_cmpint (m, ==, 600);
  g_assert_true (platz_time_parse ("24:00", &m));
  g_assert_false (platz_time_parse ("24:01", &m));
  g_assert_false (platz_time_parse ("9:00", &m));
  g_assert_false (platz_time_parse ("09:60", &m));
}

static void
test_effective_limit (void)
{
  const struct { int desks, max_persons; double area, min_area; int cap, expected; } cases[] = {
    { 3, 3, 24, 8, 0, 3 },      /* all three agree */
    { 4, 3, 40, 8, 0, 3 },      /* max_persons */
    { 3, 3, 20, 8, 0, 2 },      /* area: floor (20 / 8) = 2 */
    { 2, 3, 40, 8, 0, 2 },      /* bookable desks */
    { 3, 3, 24, 8, 50, 1 },     /* 50 % of 3 = 1.5 -> 1 */
    { 4, 4, 40, 8, 50, 2 },
    { 1, 1, 12, 12, 50, 1 },    /* at least 1 */
    { 0, 3, 24, 8, 50, 0 },     /* no bookable desk stays 0 */
    { 5, 0, 0, 0, 0, 5 },       /* no standard: desks */
    { 3, 3, 24.0, 8.0, 100, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (platz_effective_limit (cases[i].desks, cases[i].max_persons, cases[i].area,
                                            cases[i].min_area, cases[i].cap), ==,
                     cases[i].expected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dates/parse", test_date_parse);
  g_test_add_func ("/dates/iso-week", test_iso_week);
  g_test_add_func ("/dates/slots", test_slots);
  g_test_add_func ("/dates/ranges", test_ranges);
  g_test_add_func ("/dates/rfc3339", test_rfc3339);
  g_test_add_func ("/dates/dst", test_dst);
  g_test_add_func ("/dates/time", test_time_parse);
  g_test_add_func ("/limits/effective", test_effective_limit);
  return g_test_run ();
}
