/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_FACILITY_PAGE (platz_facility_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzFacilityPage, platz_facility_page, PLATZ, FACILITY_PAGE, GtkWidget)

void platz_facility_page_set_api (PlatzFacilityPage *self,
                                PlatzApi *api);

G_END_DECLS
