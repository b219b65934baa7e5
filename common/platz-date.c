/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-date"

#include "config.h"

#include <string.h>

#include "platz-date.h"

static gboolean
all_digits (const char *p,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

static int
number (const char *p,
        gsize       n)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    v = v * 10 + (p[i] - '0');
  return v;
}

gboolean
platz_date_parse (const char *text,
                  GDate      *out)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;
  y = number (text, 4);
  m = number (text + 5, 2);
  d = number (text + 8, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
platz_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

int
platz_date_diff (const GDate *a,
                 const GDate *b)
{
  return g_date_days_between (a, b);
}

int
platz_date_iso_week (const GDate *date)
{
  GDate thursday = *date;
  int weekday = platz_date_iso_weekday (date);

  /* The ISO year is the year of the week's Thursday. */
  if (weekday < 4)
    g_date_add_days (&thursday, 4 - weekday);
  else if (weekday > 4)
    g_date_subtract_days (&thursday, weekday - 4);
  return g_date_get_year (&thursday) * 100 + (int) g_date_get_iso8601_week_of_year (date);
}

int
platz_date_iso_weekday (const GDate *date)
{
  return (int) g_date_get_weekday (date);  /* G_DATE_MONDAY = 1 ... SUNDAY = 7 */
}

void
platz_date_today (GTimeZone *zone,
                  GDate     *out)
{
  g_autoptr(GDateTime) now = zone ? g_date_time_new_now (zone) : g_date_time_new_now_utc ();

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
platz_time_parse (const char *text,
                  int        *minutes)
{
  int h, m;

  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  if (!all_digits (text, 2) || !all_digits (text + 3, 2))
    return FALSE;
  h = number (text, 2);
  m = number (text + 3, 2);
  if (m > 59 || h > 24 || (h == 24 && m != 0))
    return FALSE;
  if (minutes != NULL)
    *minutes = h * 60 + m;
  return TRUE;
}

GDateTime *
platz_datetime_parse (const char *text)
{
  gsize len;
  const char *tail;

  if (text == NULL)
    return NULL;
  len = strlen (text);
  /* YYYY-MM-DDTHH:MM then optional :SS[.frac], then Z or +HH:MM */
  if (len < 17 || len > 40)
    return NULL;
  if (!all_digits (text, 4) || text[4] != '-' || !all_digits (text + 5, 2) || text[7] != '-' ||
      !all_digits (text + 8, 2) || (text[10] != 'T' && text[10] != 't') ||
      !all_digits (text + 11, 2) || text[13] != ':' || !all_digits (text + 14, 2))
    return NULL;
  tail = text + 16;
  if (*tail != ':' || !all_digits (tail + 1, 2))
    return NULL;
  tail += 3;
  if (*tail == '.')
    {
      tail++;
      if (!g_ascii_isdigit (*tail))
        return NULL;
      while (g_ascii_isdigit (*tail))
        tail++;
    }
  if (!(strcmp (tail, "Z") == 0 || strcmp (tail, "z") == 0 ||
        (strlen (tail) == 6 && (tail[0] == '+' || tail[0] == '-') && all_digits (tail + 1, 2) &&
         tail[3] == ':' && all_digits (tail + 4, 2))))
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

char *
platz_datetime_format (GDateTime *dt,
                       GTimeZone *zone)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, zone);
  g_autofree char *base = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
  gint64 offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE;

  if (offset == 0)
    return g_strconcat (base, "Z", NULL);
  return g_strdup_printf ("%s%c%02d:%02d", base, offset < 0 ? '-' : '+',
                          (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
}

char *
platz_datetime_utc_key (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
platz_date_start_in_zone (const GDate *date,
                          GTimeZone   *zone)
{
  return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
}

PlatzHalves
platz_slot_halves (const char *slot)
{
  if (g_strcmp0 (slot, "am") == 0)
    return PLATZ_HALF_AM;
  if (g_strcmp0 (slot, "pm") == 0)
    return PLATZ_HALF_PM;
  if (g_strcmp0 (slot, "full_day") == 0)
    return PLATZ_HALF_BOTH;
  return 0;
}

const char *
platz_slot_from_halves (PlatzHalves halves)
{
  switch (halves)
    {
    case PLATZ_HALF_AM:
      return "am";
    case PLATZ_HALF_PM:
      return "pm";
    case PLATZ_HALF_BOTH:
      return "full_day";
    default:
      return NULL;
    }
}

gboolean
platz_range_overlaps (gint64 a_start,
                      gint64 a_end,
                      gint64 b_start,
                      gint64 b_end)
{
  if (a_end <= a_start || b_end <= b_start)
    return FALSE;
  return a_start < b_end && b_start < a_end;
}
