/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The facility reports (utilisation and occupancy planner) as plain
 * structs, parsed from the server's answers.  No GTK.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  char   *date;
  gint64  room_id;
  char   *room_name;
  gint64  floor_id;
  char   *floor_name;
  gint64  limit;
  gint64  booked_half_days;
  gint64  no_shows;
  /* Rooms too small to be shown alone (they could stand for fewer people
   * than a report may show) come folded into one row of their floor per
   * day: room_id 0, room_name NULL, merged_rows the number of rooms in it.
   * 0 for a row of one room (and from servers that do not merge). */
  gint64  merged_rows;
} PlatzUtilisationRow;

typedef struct {
  gint64  standard_id;
  char   *name;
  gint64  max_persons;
  gint64  rooms_existing;
  gint64  desks_existing;
  gint64  desks_needed;
  gint64  rooms_needed;
  gint64  rooms_freeable;
  gint64  rooms_missing;
} PlatzPlannerStandard;

typedef struct {
  gint64     building_id;
  char      *building_name;
  gint64     users_head;
  gint64     users_staff;
  gint64     desks_existing;
  gint64     desks_needed;
  gint64     rooms_existing;
  gint64     rooms_needed;
  gint64     rooms_freeable;
  gint64     rooms_missing;
  GPtrArray *standards;  /* PlatzPlannerStandard */
} PlatzPlannerBuilding;

/* Arrays own their elements.  The planner's rooms_freeable and
 * rooms_missing are netted (a building's deficit under one standard
 * counts against its surplus under another); from servers without
 * rooms_missing both are derived from rooms_existing - rooms_needed. */
GPtrArray *platz_utilisation_parse  (JsonNode  *node,
                                     GError   **error);
GPtrArray *platz_planner_parse      (JsonNode  *node,
                                     GError   **error);

/* One bar of the utilisation chart: a day summed over the given floor
 * (0 = every floor), merged rows included.  Sorted by date.  Days on which
 * no desk could be booked and none was (the site's closed days) are left
 * out. */
typedef struct {
  char   date[11];
  gint64 limit;            /* half-days available: limit * 2 per room */
  gint64 booked_half_days;
  gint64 no_shows;
} PlatzUtilisationDay;

GArray    *platz_utilisation_by_day (GPtrArray *rows,
                                     gint64     floor_id);

/* One room of a floor over the whole report, in the server's order; the
 * merged rows of the floor make one entry with room_id 0 whose
 * merged_rows is the most rooms folded into one of its days.  name points
 * into the rows. */
typedef struct {
  gint64      room_id;
  const char *name;
  gint64      merged_rows;
  gint64      limit;            /* half-days available */
  gint64      booked_half_days;
  gint64      no_shows;
} PlatzUtilisationRoom;

GArray    *platz_utilisation_by_room (GPtrArray *rows,
                                      gint64     floor_id);

/* The room's name, or for the merged entry "3 small rooms combined". */
char      *platz_utilisation_room_label (const PlatzUtilisationRoom *room);

/* The label of a day under its bar in the user's language: weekday and
 * day of the month ("Mon 30", "Mo 30."). */
char      *platz_utilisation_day_label (const char *date);

/* The planner's verdict on rooms: "60 rooms missing", "6 rooms can be
 * freed" or "Enough rooms". */
char      *platz_planner_rooms_text (gint64 rooms_freeable,
                                     gint64 rooms_missing);
/* "120 desks missing" when desks_needed exceeds desks_existing, else
 * NULL. */
char      *platz_planner_desks_text (gint64 desks_existing,
                                     gint64 desks_needed);

G_END_DECLS
