/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One room's day as a horizontal bar: the working hours on the axis, the
 * busy ranges filled (the user's own in the accent colour), the range the
 * user asked for outlined.  Drawn with GtkSnapshot.  It is focusable:
 * Left/Right (Home/End) move a cursor over the slot grid, Enter or a
 * click emits "slot-activated" with the slot's start.  The accessible
 * label names the room and its busy ranges; the value text the cursor's
 * slot and whether it is free.
 *
 * Times are minutes since local midnight in the site's zone.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLATZ_TYPE_ROOM_TIMELINE (platz_room_timeline_get_type ())
G_DECLARE_FINAL_TYPE (PlatzRoomTimeline, platz_room_timeline, PLATZ, ROOM_TIMELINE, GtkWidget)

GtkWidget  *platz_room_timeline_new            (void);
void        platz_room_timeline_set_hours      (PlatzRoomTimeline *self,
                                                int                day_start,
                                                int                day_end,
                                                int                slot_minutes);
void        platz_room_timeline_set_room_name  (PlatzRoomTimeline *self,
                                                const char        *name);
void        platz_room_timeline_clear_busy     (PlatzRoomTimeline *self);
/* Half-open [start, end); clipped to the day. */
void        platz_room_timeline_add_busy       (PlatzRoomTimeline *self,
                                                int                start,
                                                int                end,
                                                gboolean           mine);
guint       platz_room_timeline_get_n_busy     (PlatzRoomTimeline *self);
gboolean    platz_room_timeline_get_busy       (PlatzRoomTimeline *self,
                                                guint              index,
                                                int               *start,
                                                int               *end,
                                                gboolean          *mine);
/* TRUE when [start, end) touches no busy range. */
gboolean    platz_room_timeline_is_free        (PlatzRoomTimeline *self,
                                                int                start,
                                                int                end);
/* The range asked for; start >= end for none. */
void        platz_room_timeline_set_selection  (PlatzRoomTimeline *self,
                                                int                start,
                                                int                end);
int         platz_room_timeline_get_cursor     (PlatzRoomTimeline *self);
void        platz_room_timeline_set_cursor     (PlatzRoomTimeline *self,
                                                int                minutes);
/* The accessible label and value text (for tests). */
const char *platz_room_timeline_get_label      (PlatzRoomTimeline *self);
const char *platz_room_timeline_get_value_text (PlatzRoomTimeline *self);
/* "09:30" */
char       *platz_room_timeline_format_time    (int                minutes);

G_END_DECLS
