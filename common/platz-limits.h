/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The effective limit of a room for one half-day (docs/contract.md §2):
 *
 *   min (bookable desks, max_persons, floor (area_m2 / min_area_per_person_m2))
 *
 * then lowered by a site-wide cap: floor (limit * cap / 100), at least 1
 * (a room with no bookable desk stays at 0).  max_persons <= 0 and
 * min_area <= 0 mean "no standard"; cap_percent <= 0 means no cap.
 */
int platz_effective_limit (int    bookable_desks,
                           int    max_persons,
                           double area_m2,
                           double min_area_per_person_m2,
                           int    cap_percent);

G_END_DECLS
