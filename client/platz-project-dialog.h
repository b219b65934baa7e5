/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The projects page's reservation dialog: a project office for a team
 * from a first to a last day, on chosen weekdays, repeated weekly until a
 * day if wanted, with the days it would take that are already taken.
 */
#pragma once

#include "platz-projects-page.h"

G_BEGIN_DECLS

/* Opens the dialog for the office from date (YYYY-MM-DD), replacing an
 * open one. */
GtkWindow  *platz_project_dialog_open          (PlatzProjectsPage *page,
                                                gint64             room_id,
                                                const char        *date);
/* The dialog's wanted days that are already taken, or NULL. */
char      **platz_project_dialog_get_conflicts (GtkWindow         *dialog);

G_END_DECLS
