/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the facility page shares with its reports and space standards
 * (platz-facility-page-reports.c).
 */
#pragma once

#include "platz-bar-chart.h"
#include "platz-floor-plan.h"
#include "platz-structure-tree.h"
#include "platz-facility-page.h"

G_BEGIN_DECLS

struct _PlatzFacilityPage
{
  GtkWidget          parent_instance;

  PlatzApi          *api;
  GCancellable      *cancellable;
  GListStore        *floors;
  GListModel        *buildings;
  guint              pending;
  gboolean           populating;
  gint64             floor_id;
  gint64             site_id;
  gint64             selected_desk;
  gint64             selected_room;
  GtkFileChooserNative *chooser;
  guint              n_planner_rows;

  GtkDropDown       *floor_dropdown;
  GtkSpinner        *spinner;
  GtkStack          *tabs;
  PlatzFloorPlan    *floor_plan;
  GtkLabel          *hint_label;
  AdwPreferencesGroup *desk_group;
  AdwEntryRow       *desk_name_row;
  AdwEntryRow       *desk_equipment_row;
  GtkSwitch         *desk_accessible_switch;
  AdwEntryRow       *desk_reason_row;
  GtkWidget         *desk_buttons;
  GtkButton         *block_button;
  AdwPreferencesGroup *room_group;
  AdwEntryRow       *room_name_row;
  AdwActionRow      *room_info_row;
  GtkWidget         *room_save_button;
  GtkListBox        *standards_list;
  AdwEntryRow       *standard_name_row;
  GtkSpinButton     *standard_max_spin;
  GtkSpinButton     *standard_area_spin;
  GtkCheckButton    *standard_head_check;
  GtkCheckButton    *standard_staff_check;
  GtkLabel          *utilisation_label;
  PlatzBarChart     *utilisation_chart;
  GtkGrid           *utilisation_rooms;
  GtkGrid           *planner_grid;
  PlatzBarChart     *planner_chart;
  PlatzStructureTree *structure_tree;
};

/* The spinner counts the page's loads under way. */
void      platz_facility_page_busy           (PlatzFacilityPage *self,
                                              gboolean           on);
/* Finishes a call started with the page as user data: FALSE (and the
 * error shown) when it failed. A call that succeeded is still counted:
 * the caller goes on with the next call or counts it off. */
gboolean  platz_facility_page_check          (PlatzFacilityPage *self,
                                              const GError      *error);
/* The same, and a call that succeeded is counted off too. */
gboolean  platz_facility_page_done           (PlatzFacilityPage *self,
                                              const GError      *error);
/* The tags of "a, b c": non-empty words split at commas and spaces. */
char    **platz_facility_page_split_tags     (const char        *text);

/* In platz-facility-page-reports.c: the floor's utilisation and the
 * site's desk planner; the space standards list and its add form. */
void      platz_facility_page_load_reports   (PlatzFacilityPage *self);
void      platz_facility_page_load_standards (PlatzFacilityPage *self);
/* The add button of the standards form. */
void      platz_facility_page_add_standard   (PlatzFacilityPage *self);

G_END_DECLS
