/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The main screen: pick site, building, floor and day; see the floor plan
 * (or the same desks as a list) and book a desk.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"
#include "platz-floor-plan.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_DAY_VIEW (platz_day_view_get_type ())
G_DECLARE_FINAL_TYPE (PlatzDayView, platz_day_view, PLATZ, DAY_VIEW, GtkWidget)

void            platz_day_view_set_api         (PlatzDayView *self,
                                                PlatzApi     *api,
                                                GSettings    *settings);
/* Loads the availability (and floor) again. */
void            platz_day_view_reload          (PlatzDayView *self);
/* Goes to a floor (loading its site and building) and opens a desk. */
void            platz_day_view_show_desk       (PlatzDayView *self,
                                                gint64        floor_id,
                                                gint64        desk_id);
void            platz_day_view_set_date        (PlatzDayView *self,
                                                const char   *iso_date);
const char     *platz_day_view_get_date        (PlatzDayView *self);
PlatzFloorPlan *platz_day_view_get_floor_plan  (PlatzDayView *self);
/* The open desk dialog, or NULL. */
AdwMessageDialog *platz_day_view_get_desk_dialog (PlatzDayView *self);
/* The open desk dialog's "Book for" row (team leads and admins with team
 * members), or NULL. */
AdwComboRow    *platz_day_view_get_book_for_row (PlatzDayView *self);
/* Opens the desk's dialog as a click would. */
void            platz_day_view_activate_desk   (PlatzDayView *self,
                                                gint64        desk_id);
gboolean        platz_day_view_is_loading      (PlatzDayView *self);
GListModel     *platz_day_view_get_desk_list   (PlatzDayView *self);
void            platz_day_view_set_filter      (PlatzDayView *self,
                                                const char   *equipment,
                                                gboolean      accessible);

G_END_DECLS
