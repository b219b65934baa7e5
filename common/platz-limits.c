/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-limits"

#include "config.h"

#include <math.h>

#include "platz-limits.h"

int
platz_effective_limit (int    bookable_desks,
                       int    max_persons,
                       double area_m2,
                       double min_area_per_person_m2,
                       int    cap_percent)
{
  int limit = MAX (bookable_desks, 0);

  if (max_persons > 0)
    limit = MIN (limit, max_persons);
  if (min_area_per_person_m2 > 0)
    {
      /* A small epsilon keeps 24.0 / 8.0 from becoming 2.9999 */
      double by_area = floor (area_m2 / min_area_per_person_m2 + 1e-9);
      limit = MIN (limit, (int) MAX (by_area, 0));
    }
  if (cap_percent > 0 && cap_percent < 100 && limit > 0)
    limit = MAX (1, (limit * cap_percent) / 100);
  return limit;
}
