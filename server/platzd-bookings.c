/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-bookings"

#include "config.h"

#include "platzd-bookings.h"

void
platzd_bookings_register (PlatzdApp *app)
{
}

guint
platzd_bookings_release_no_shows (PlatzdApp *app)
{
  return 0;
}

void
platzd_bookings_start_release_timer (PlatzdApp *app)
{
}
