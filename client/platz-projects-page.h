/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_PROJECTS_PAGE (platz_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzProjectsPage, platz_projects_page, PLATZ, PROJECTS_PAGE, GtkWidget)

void platz_projects_page_set_api (PlatzProjectsPage *self,
                                PlatzApi *api);

G_END_DECLS
