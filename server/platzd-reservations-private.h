/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the two halves of the reservation handlers share:
 * platzd-reservations.c creates reservations, platzd-reservations-query.c
 * lists and cancels them and searches free rooms.
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

/* The reservation columns under a table alias: "r.id, r.room_id, ...". */
char       *platzd_reservation_columns    (const char *alias);

/* Site id -> GTimeZone, for answers that may span several sites. */
GHashTable *platzd_zone_cache_new         (void);
GTimeZone  *platzd_zone_cache_get         (GHashTable  *cache,
                                           PlatzdStore *store,
                                           gint64       site_id);

/* Adds a reservation's members to the builder's open object: its fields
 * with start and end (stored as UTC keys) in the site's zone, plus
 * room_name.  redact hides who booked it and why (title and user_id
 * become null). */
void        platzd_reservation_add_members (JsonBuilder           *builder,
                                           const PlatzReservation *res,
                                           const char             *room_name,
                                           GTimeZone              *zone,
                                           gboolean                redact);

/* The lead of a team: the user id, 0 without one, -1 if the team does not
 * exist. */
gint64      platzd_team_lead              (PlatzdStore *store,
                                           gint64       team_id);

void        platzd_reservations_register_queries (PlatzdApp *app);

G_END_DECLS
