/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Slowing down password guessing.  A key ("user name and address", or
 * "address") that failed `limit` times within the window makes every
 * further attempt on it wait before its password is checked: 0.5 s, then
 * doubling per further failure up to 4 s.  Attempts are never refused, so
 * the right password always signs in; a guesser gets no faster than the
 * delay, and attempts still waiting on a key count as failures for the
 * next one, so sending them in parallel buys nothing.
 *
 * The table holds at most max_keys keys: when it is full, keys whose
 * failures lie outside the window go first, then the key that failed
 * longest ago.  Times are monotonic milliseconds passed in by the caller.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLATZD_THROTTLE_WINDOW_MS   (5 * 60 * 1000)
#define PLATZD_THROTTLE_FIRST_MS    500
#define PLATZD_THROTTLE_MAX_MS      4000

typedef struct _PlatzdThrottle PlatzdThrottle;

PlatzdThrottle *platzd_throttle_new   (guint           max_keys);
void            platzd_throttle_free  (PlatzdThrottle *throttle);
/* An attempt on key starts: returns how long it must wait (ms) and counts
 * it as waiting until platzd_throttle_end (). */
guint           platzd_throttle_begin (PlatzdThrottle *throttle,
                                       const char     *key,
                                       guint           limit,
                                       gint64          now_ms);
/* The attempt on key is over; failed ones are counted, a success clears
 * the key when forget is TRUE. */
void            platzd_throttle_end   (PlatzdThrottle *throttle,
                                       const char     *key,
                                       gboolean        failed,
                                       gboolean        forget,
                                       gint64          now_ms);
guint           platzd_throttle_size  (PlatzdThrottle *throttle);

G_END_DECLS
