/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Client-side shapes of answers that are not plain domain objects: a
 * floor ready to draw and a floor's availability for a day.  Both are
 * reference counted and immutable once built.  No GTK.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "platz-model.h"
#include "platz-plan-geometry.h"

G_BEGIN_DECLS

typedef struct {
  PlatzFloor *floor;
  gint64      site_id;
  GPtrArray  *rooms;   /* PlatzRoom */
  GPtrArray  *desks;   /* PlatzDesk */
} PlatzFloorData;

typedef struct {
  gint64         desk_id;
  gint64         room_id;
  PlatzDeskState am;
  PlatzDeskState pm;
  char          *booked_by;
  gint64         booking_id;
} PlatzDeskAvailability;

typedef struct {
  gint64 room_id;
  gint64 limit;
  gint64 booked_am;
  gint64 booked_pm;
} PlatzRoomFill;

typedef struct {
  char       *date;
  gint64      floor_id;
  GHashTable *desks;   /* gint64* id -> PlatzDeskAvailability */
  GHashTable *rooms;   /* gint64* id -> PlatzRoomFill */
} PlatzAvailability;

PlatzFloorData    *platz_floor_data_new          (void);
PlatzFloorData    *platz_floor_data_parse        (JsonNode       *node,
                                                  GError        **error);
PlatzFloorData    *platz_floor_data_ref          (PlatzFloorData *data);
void               platz_floor_data_unref        (PlatzFloorData *data);
PlatzRoom         *platz_floor_data_find_room    (PlatzFloorData *data,
                                                  gint64          room_id);
PlatzDesk         *platz_floor_data_find_desk    (PlatzFloorData *data,
                                                  gint64          desk_id);

PlatzAvailability *platz_availability_parse      (JsonNode          *node,
                                                  GError           **error);
PlatzAvailability *platz_availability_ref        (PlatzAvailability *avail);
void               platz_availability_unref      (PlatzAvailability *avail);
const PlatzDeskAvailability *
                   platz_availability_get_desk   (PlatzAvailability *avail,
                                                  gint64             desk_id);
const PlatzRoomFill *
                   platz_availability_get_room   (PlatzAvailability *avail,
                                                  gint64             room_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlatzFloorData, platz_floor_data_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlatzAvailability, platz_availability_unref)

G_END_DECLS
