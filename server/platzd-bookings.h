/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

/* Releases unchecked morning and full-day bookings of today after each
 * site's check-in deadline (in the site's time zone); returns how many. */
guint    platzd_bookings_release_no_shows    (PlatzdApp *app);
/* Runs the release every 30 seconds on the main loop. */
void     platzd_bookings_start_release_timer (PlatzdApp *app);

/* The effective limit of an office for one half-day of date (docs/contract.md §2). */
int      platzd_room_limit    (PlatzdStore *store,
                               gint64       room_id,
                               const char  *date,
                               int          cap_percent,
                               GError     **error);

/* SQL condition (on a desks row aliased d, date as parameter ?date) that
 * is true when the desk is blocked on that date. */
#define PLATZD_DESK_BLOCKED_SQL \
  "(d.bookable = 0 AND (d.blocked_until IS NULL OR d.blocked_until >= :date))"

/* The booking columns plus where it is, as the API returns a booking. */
#define PLATZD_BOOKING_SELECT \
  "SELECT b.id, b.desk_id, b.user_id, b.date, b.slot, b.status, b.checked_in_at, " \
  "d.name, r.id, r.name, f.id, f.name, bl.id, bl.name, u.display_name " \
  "FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN rooms r ON r.id = d.room_id " \
  "JOIN floors f ON f.id = r.floor_id JOIN buildings bl ON bl.id = f.building_id " \
  "JOIN users u ON u.id = b.user_id "

/* Adds one row of PLATZD_BOOKING_SELECT as an object to the builder. */
void     platzd_booking_row_to_json (sqlite3_stmt *stmt,
                                     JsonBuilder  *builder);

G_END_DECLS
