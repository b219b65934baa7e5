/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_ROOMS_PAGE (platz_rooms_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzRoomsPage, platz_rooms_page, PLATZ, ROOMS_PAGE, GtkWidget)

void platz_rooms_page_set_api (PlatzRoomsPage *self,
                                PlatzApi *api);

G_END_DECLS
