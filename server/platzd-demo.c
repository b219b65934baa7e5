/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-demo"

#include "config.h"

#include "platzd-demo.h"

gboolean
platzd_demo_populate (PlatzdStore *store,
                      GError     **error)
{
  return TRUE;
}

void
platzd_demo_print_logins (void)
{
}
