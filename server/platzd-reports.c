/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-reports"

#include "config.h"

#include "platzd-app.h"

void
platzd_reports_register (PlatzdApp *app)
{
}
