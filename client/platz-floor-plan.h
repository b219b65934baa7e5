/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The floor plan: the floor drawn to scale with GtkSnapshot (background
 * image, rooms with their fill, desks coloured by state), zoom and pan,
 * and one focusable PlatzDeskSpot per desk for keyboard and screen-reader
 * users.  In editable mode desks and rooms can be dragged.
 */
#pragma once

#include <gtk/gtk.h>

#include "platz-availability.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_FLOOR_PLAN (platz_floor_plan_get_type ())
G_DECLARE_FINAL_TYPE (PlatzFloorPlan, platz_floor_plan, PLATZ, FLOOR_PLAN, GtkWidget)

GtkWidget        *platz_floor_plan_new              (void);
/* data may be NULL (empty plan). */
void              platz_floor_plan_set_floor        (PlatzFloorPlan    *self,
                                                     PlatzFloorData    *data);
PlatzFloorData   *platz_floor_plan_get_floor        (PlatzFloorPlan    *self);
void              platz_floor_plan_set_availability (PlatzFloorPlan    *self,
                                                     PlatzAvailability *avail);
void              platz_floor_plan_set_background   (PlatzFloorPlan    *self,
                                                     GdkTexture        *texture);
/* Desks not matching are dimmed. */
void              platz_floor_plan_set_filter       (PlatzFloorPlan    *self,
                                                     char * const      *equipment,
                                                     gboolean           accessible);
void              platz_floor_plan_set_editable     (PlatzFloorPlan    *self,
                                                     gboolean           editable);
void              platz_floor_plan_set_selected     (PlatzFloorPlan    *self,
                                                     gint64             desk_id,
                                                     gint64             room_id);
void              platz_floor_plan_zoom             (PlatzFloorPlan    *self,
                                                     double             factor);
void              platz_floor_plan_reset_view       (PlatzFloorPlan    *self);
const PlatzPlanView *platz_floor_plan_get_view      (PlatzFloorPlan    *self);

/* For tests and the list view. */
PlatzDeskState    platz_floor_plan_get_desk_state   (PlatzFloorPlan    *self,
                                                     gint64             desk_id);
/* The desk's state in words for the day, halves named when they differ. */
char             *platz_floor_plan_describe_desk_day (PlatzFloorPlan *self,
                                                      gint64          desk_id);
GtkWidget        *platz_floor_plan_get_desk_spot    (PlatzFloorPlan    *self,
                                                     gint64             desk_id);
gboolean          platz_floor_plan_desk_is_dimmed   (PlatzFloorPlan    *self,
                                                     gint64             desk_id);

G_END_DECLS
