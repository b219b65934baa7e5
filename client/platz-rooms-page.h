/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Rooms: find a free meeting room or lounge for a time on the policy's
 * slot grid, see each room's day as a timeline, reserve it with a title
 * and the number of attendees, and list or cancel one's reservations.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"
#include "platz-room-timeline.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_ROOMS_PAGE (platz_rooms_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzRoomsPage, platz_rooms_page, PLATZ, ROOMS_PAGE, GtkWidget)

void        platz_rooms_page_set_api          (PlatzRoomsPage *self,
                                               PlatzApi       *api);
void        platz_rooms_page_reload           (PlatzRoomsPage *self);
gboolean    platz_rooms_page_is_loading       (PlatzRoomsPage *self);
/* Fills the form: date YYYY-MM-DD, start/end HH:MM on the grid. */
gboolean    platz_rooms_page_set_query        (PlatzRoomsPage *self,
                                               const char     *date,
                                               const char     *start,
                                               const char     *end,
                                               int             attendees);
/* Same as pressing Find Free Rooms. */
void        platz_rooms_page_search           (PlatzRoomsPage *self);
/* The free rooms of the last search (PlatzRecord of PlatzRoom). */
GListModel *platz_rooms_page_get_results      (PlatzRoomsPage *self);
PlatzRoomTimeline *platz_rooms_page_get_timeline (PlatzRoomsPage *self,
                                               gint64          room_id);
/* Opens the reservation dialog for a room of the results. */
GtkWindow  *platz_rooms_page_reserve          (PlatzRoomsPage *self,
                                               gint64          room_id);
GtkWindow  *platz_rooms_page_get_reserve_dialog (PlatzRoomsPage *self);
/* The user's upcoming reservations (PlatzRecord of PlatzReservation). */
GListModel *platz_rooms_page_get_mine         (PlatzRoomsPage *self);
void        platz_rooms_page_cancel           (PlatzRoomsPage *self,
                                               PlatzRecord    *reservation,
                                               gboolean        series);
/* The chosen day (YYYY-MM-DD) and start (minutes after midnight, -1 for
 * none). */
const char *platz_rooms_page_get_date         (PlatzRoomsPage *self);
int         platz_rooms_page_get_start        (PlatzRoomsPage *self);

/* The first start a person can still reserve on date (YYYY-MM-DD) on the
 * grid of slot minutes from day_start, the slot ending by day_end: on the
 * day of now the next one not before now, on a later day day_start; -1
 * when none is left (the day's hours are over, or the day is past).  now
 * is in the site's time zone. */
int         platz_rooms_first_start           (const char *date,
                                               GDateTime  *now,
                                               int         day_start,
                                               int         day_end,
                                               int         slot);
/* The day the Rooms page opens on: the day of now while it has a start
 * left, else the next day; days the site closes (closed_weekdays, bit 0
 * Monday) are skipped; when it closes every day, the first day with a
 * start left anyway. */
char       *platz_rooms_opening_date          (GDateTime  *now,
                                               int         day_start,
                                               int         day_end,
                                               int         slot,
                                               gint64      closed_weekdays);

G_END_DECLS
