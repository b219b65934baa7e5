/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My bookings: upcoming and past desk bookings, cancel, check in, book again. */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_BOOKINGS_PAGE (platz_bookings_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzBookingsPage, platz_bookings_page, PLATZ, BOOKINGS_PAGE, GtkWidget)

void        platz_bookings_page_set_api      (PlatzBookingsPage *self,
                                              PlatzApi          *api);
/* Loads the bookings again; the sites' check-in deadlines that released
 * ones name are read on the first load after set_api only. */
void        platz_bookings_page_reload       (PlatzBookingsPage *self);
GListModel *platz_bookings_page_get_upcoming (PlatzBookingsPage *self);
GListModel *platz_bookings_page_get_past     (PlatzBookingsPage *self);
gboolean    platz_bookings_page_is_loading   (PlatzBookingsPage *self);
/* What the row buttons do (tests use them too). */
void        platz_bookings_page_cancel       (PlatzBookingsPage *self,
                                              PlatzRecord       *booking);
void        platz_bookings_page_check_in     (PlatzBookingsPage *self,
                                              PlatzRecord       *booking);

G_END_DECLS
