/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

/* Applies the retention policy of a site as of `today` (its local date):
 * desk bookings dated more than retention_days before today are deleted,
 * reservations that ended before then keep their room and time but lose
 * the person and title.  At most `limit` rows of each kind change (-1:
 * all).  Returns the number of rows changed, or -1 on error. */
gint64 platzd_retention_purge       (PlatzdStore *store,
                                     gint64       site_id,
                                     const GDate *today,
                                     int          limit,
                                     GError     **error);
/* Deletes audit entries older than the global audit_retention_days before
 * now and sessions past their absolute expiry (at most limit of each).
 * Returns the number deleted, or -1 on error. */
gint64 platzd_retention_purge_accounts (PlatzdStore *store,
                                     GDateTime   *now,
                                     int          limit,
                                     GError     **error);
/* Purges each site once a day, after 03:00 in the site's time zone. */
void   platzd_retention_start_timer (PlatzdApp   *app);

G_END_DECLS
