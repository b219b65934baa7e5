/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-availability"

#include "config.h"

#include "platzd-app.h"

void
platzd_availability_register (PlatzdApp *app)
{
}
