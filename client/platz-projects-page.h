/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Project offices (team leads and admins): a week or month grid of the
 * project offices with the teams that have them, reserving a range of days or a
 * weekly series for a team with the clashing days listed before the
 * request is sent, and cancelling a day or a whole series.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_PROJECTS_PAGE (platz_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzProjectsPage, platz_projects_page, PLATZ, PROJECTS_PAGE, GtkWidget)

void        platz_projects_page_set_api      (PlatzProjectsPage *self,
                                              PlatzApi          *api);
void        platz_projects_page_reload       (PlatzProjectsPage *self);
gboolean    platz_projects_page_is_loading   (PlatzProjectsPage *self);
/* Shows the week (Monday to Sunday) that holds date (YYYY-MM-DD), or in
 * the month view its month. */
void        platz_projects_page_set_week     (PlatzProjectsPage *self,
                                              const char        *date);
const char *platz_projects_page_get_week_start (PlatzProjectsPage *self);
/* The Week/Month switch. */
void        platz_projects_page_set_month_view (PlatzProjectsPage *self,
                                                gboolean           month_view);
gboolean    platz_projects_page_get_month_view (PlatzProjectsPage *self);
/* The shown period: "Week 49: Mon 30 Nov – Sun 6 Dec" or "December 2026". */
const char *platz_projects_page_get_period_label (PlatzProjectsPage *self);
/* What the grid shows for a room and a shown day: the team (and title),
 * "" when free, NULL when not in the grid.  The cell's button is named
 * "cell-ROOM-DATE"; in the month view one button spans a run of days of
 * the same team's reservation and is named after its first day. */
const char *platz_projects_page_get_cell_text (PlatzProjectsPage *self,
                                              gint64             room_id,
                                              const char        *date);
/* The reservation in a cell of the grid, or NULL. */
PlatzRecord *platz_projects_page_get_cell_reservation (PlatzProjectsPage *self,
                                                      gint64             room_id,
                                                      const char        *date);
/* Opens the reservation dialog for the room, from and to date. */
GtkWindow  *platz_projects_page_reserve      (PlatzProjectsPage *self,
                                              gint64             room_id,
                                              const char        *date);
GtkWindow  *platz_projects_page_get_reserve_dialog (PlatzProjectsPage *self);
/* The dialog's dates that clash with existing reservations (ISO dates),
 * NULL while they are being checked. */
char      **platz_projects_page_get_conflicts (PlatzProjectsPage *self);
/* The open "Cancel reservation?" question of a taken cell, or NULL. */
AdwMessageDialog *platz_projects_page_get_cancel_dialog (PlatzProjectsPage *self);
void        platz_projects_page_cancel       (PlatzProjectsPage *self,
                                              PlatzRecord       *reservation,
                                              gboolean           series);

G_END_DECLS
