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
  GPtrArray *standards;  /* PlatzPlannerStandard */
} PlatzPlannerBuilding;

/* Arrays own their elements. */
GPtrArray *platz_utilisation_parse  (JsonNode  *node,
                                     GError   **error);
GPtrArray *platz_planner_parse      (JsonNode  *node,
                                     GError   **error);

/* One bar of the utilisation chart: a day summed over the given floor
 * (0 = every floor).  Sorted by date. */
typedef struct {
  char   date[11];
  gint64 limit;            /* half-days available: limit * 2 per room */
  gint64 booked_half_days;
  gint64 no_shows;
} PlatzUtilisationDay;

GArray    *platz_utilisation_by_day (GPtrArray *rows,
                                     gint64     floor_id);

G_END_DECLS
