/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-reservations"

#include "config.h"

#include "platzd-app.h"

void
platzd_reservations_register (PlatzdApp *app)
{
}
