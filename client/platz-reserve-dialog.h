/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rooms page's reservations of one room: the busy times of a found
 * room's day timeline, and the dialog that reserves the room for a time
 * on the slot grid with a title and the number of attendees.
 */
#pragma once

#include "platz-rooms-page.h"

G_BEGIN_DECLS

/* Loads the room's reservations on the searched day into timeline (one
 * of the page's search loads). */
void       platz_reserve_dialog_load_timeline (PlatzRoomsPage    *page,
                                               gint64             room_id,
                                               PlatzRoomTimeline *timeline);
/* Opens the dialog for room on the searched day from start (minutes),
 * replacing an open one. */
GtkWindow *platz_reserve_dialog_open          (PlatzRoomsPage    *page,
                                               PlatzRecord       *room,
                                               int                start);

G_END_DECLS
