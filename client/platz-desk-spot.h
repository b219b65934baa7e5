/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One desk on the floor plan as a focusable, activatable element with an
 * accessible label.  The plan draws the desk itself; the spot adds the
 * focus ring, keyboard activation and the tooltip.
 */
#pragma once

#include <gtk/gtk.h>

#include "platz-plan-geometry.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_DESK_SPOT (platz_desk_spot_get_type ())
G_DECLARE_FINAL_TYPE (PlatzDeskSpot, platz_desk_spot, PLATZ, DESK_SPOT, GtkWidget)

GtkWidget  *platz_desk_spot_new       (gint64         desk_id);
gint64      platz_desk_spot_get_desk_id (PlatzDeskSpot *self);
void        platz_desk_spot_set_label (PlatzDeskSpot *self,
                                       const char    *label);
const char *platz_desk_spot_get_label (PlatzDeskSpot *self);

/* Appends a desk marker, the square rect: the morning in the left half
 * and the afternoon in the right one when they differ, each half filled
 * and marked as its state looks (platz_desk_state_look).  The plan and
 * its legend draw with it. */
void        platz_desk_spot_append_marker (GtkSnapshot           *snapshot,
                                           const graphene_rect_t *rect,
                                           PlatzDeskState         am,
                                           PlatzDeskState         pm,
                                           double                 alpha);

G_END_DECLS
