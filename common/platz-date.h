/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Dates, times of day, half-day slots and time ranges.
 *
 * A booking day is a civil date (YYYY-MM-DD) in the site's time zone.  A
 * slot covers one or both halves of it.  Time ranges are half-open
 * [start, end): touching ranges do not overlap.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PLATZ_HALF_AM = 1 << 0,
  PLATZ_HALF_PM = 1 << 1,
  PLATZ_HALF_BOTH = PLATZ_HALF_AM | PLATZ_HALF_PM,
} PlatzHalves;

/* Strict YYYY-MM-DD of a date that exists (no 2026-02-30). */
gboolean    platz_date_parse        (const char *text,
                                     GDate      *out);
char       *platz_date_format       (const GDate *date);
/* Days from a to b (b - a). */
int         platz_date_diff         (const GDate *a,
                                     const GDate *b);
/* ISO 8601 week as year * 100 + week, e.g. 202653. */
int         platz_date_iso_week     (const GDate *date);
/* 1 = Monday ... 7 = Sunday */
int         platz_date_iso_weekday  (const GDate *date);
/* Today in zone (UTC when zone is NULL). */
void        platz_date_today        (GTimeZone  *zone,
                                     GDate      *out);

/* Strict HH:MM, 00:00..23:59 (24:00 allowed as an end of day); minutes
 * since midnight. */
gboolean    platz_time_parse        (const char *text,
                                     int        *minutes);

/* RFC 3339 with a 'T', seconds, and a 'Z' or numeric offset. */
GDateTime  *platz_datetime_parse    (const char *text);
/* RFC 3339 in the given zone, seconds precision: 2026-12-01T09:00:00+01:00 */
char       *platz_datetime_format   (GDateTime  *dt,
                                     GTimeZone  *zone);
/* The canonical UTC key stored in the database: 2026-12-01T08:00:00Z */
char       *platz_datetime_utc_key  (GDateTime  *dt);
/* Local midnight of a date in a zone (DST-safe). */
GDateTime  *platz_date_start_in_zone (const GDate *date,
                                      GTimeZone   *zone);

/* am -> AM, pm -> PM, full_day -> BOTH; 0 for anything else. */
PlatzHalves platz_slot_halves       (const char *slot);
const char *platz_slot_from_halves  (PlatzHalves halves);

/*
 * Half-open ranges [a_start, a_end) and [b_start, b_end) overlap when each
 * starts before the other ends:
 *
 *   a:  |-----)              |-----)        |-----)
 *   b:        |-----)     |-----)         |---------)
 *       touching: no      overlap: yes    contained: yes
 *
 * Inverted ranges (end <= start) are empty and overlap nothing.
 */
gboolean    platz_range_overlaps    (gint64 a_start,
                                     gint64 a_end,
                                     gint64 b_start,
                                     gint64 b_end);

G_END_DECLS
