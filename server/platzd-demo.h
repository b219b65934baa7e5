/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "platzd-store.h"

G_BEGIN_DECLS

/* Fills an empty database with the demo city administration. */
gboolean platzd_demo_populate     (PlatzdStore *store,
                                   GError     **error);
/* Prints the demo's logins to stdout. */
void     platzd_demo_print_logins (void);

G_END_DECLS
