/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

/* Releases unchecked morning and full-day bookings of today after each
 * site's check-in deadline (in the site's time zone); returns how many. */
guint platzd_bookings_release_no_shows   (PlatzdApp *app);
/* Runs the release every 30 seconds on the main loop. */
void  platzd_bookings_start_release_timer (PlatzdApp *app);

G_END_DECLS
