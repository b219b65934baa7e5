/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-people"

#include "config.h"

#include "platzd-app.h"

void
platzd_people_register (PlatzdApp *app)
{
}
