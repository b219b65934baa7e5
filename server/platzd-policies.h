/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Policies and sites: the global policies with a site's overrides, and a
 * site's time zone, which decides what "today" means for its bookings.
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

/* The policies in force at a site (0 = the global ones). */
gboolean   platzd_policies_load  (PlatzdStore   *store,
                                  gint64         site_id,
                                  PlatzPolicies *out,
                                  GError       **error);
/* A site's zone (a new reference); UTC if the site is unknown. */
GTimeZone *platzd_site_zone      (PlatzdStore   *store,
                                  gint64         site_id);
/* The site a room / desk / floor belongs to, or 0. */
gint64     platzd_site_of_room   (PlatzdStore   *store,
                                  gint64         room_id);
gint64     platzd_site_of_floor  (PlatzdStore   *store,
                                  gint64         floor_id);

G_END_DECLS
