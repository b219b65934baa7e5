/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Facility management: the floor plan in edit mode (drag desks and
 * rooms, edit and block desks, upload the plan image), occupancy
 * standards, the utilisation chart and the occupancy planner, and the
 * structure tree with its edit forms.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"
#include "platz-floor-plan.h"
#include "platz-structure-tree.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_FACILITY_PAGE (platz_facility_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzFacilityPage, platz_facility_page, PLATZ, FACILITY_PAGE, GtkWidget)

void            platz_facility_page_set_api        (PlatzFacilityPage *self,
                                                    PlatzApi          *api);
void            platz_facility_page_reload         (PlatzFacilityPage *self);
PlatzFloorPlan *platz_facility_page_get_floor_plan (PlatzFacilityPage *self);
gboolean        platz_facility_page_is_loading     (PlatzFacilityPage *self);
/* Selects a desk for the edit form, as a click on the plan does. */
void            platz_facility_page_select_desk    (PlatzFacilityPage *self,
                                                    gint64             desk_id);
/* Blocks (reason non-NULL) or unblocks the selected desk. */
void            platz_facility_page_block_selected (PlatzFacilityPage *self,
                                                    const char        *reason);
guint           platz_facility_page_get_n_planner_rows (PlatzFacilityPage *self);
PlatzStructureTree *platz_facility_page_get_structure_tree (PlatzFacilityPage *self);

G_END_DECLS
