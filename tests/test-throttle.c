/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-in throttle table, in-process with a clock of the test's own. */
#include "config.h"

#include "platzd-throttle.h"

#define LIMIT 10

/* One attempt that waits its delay and fails; returns the delay. */
static guint
fail_once (PlatzdThrottle *throttle,
           const char     *key,
           gint64         *clock_ms)
{
  guint wait = platzd_throttle_begin (throttle, key, LIMIT, *clock_ms);

  *clock_ms += wait + 50;
  platzd_throttle_end (throttle, key, TRUE, FALSE, *clock_ms);
  return wait;
}

static void
test_delay_grows_and_is_bounded (void)
{
  PlatzdThrottle *throttle = platzd_throttle_new (100);
  gint64 clock_ms = 1000000;
  guint expected[] = { 500, 1000, 2000, 4000, 4000, 4000 };

  for (int i = 0; i < LIMIT; i++)
    g_assert_cmpuint (fail_once (throttle, "u:emma|10.0.0.1", &clock_ms), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (fail_once (throttle, "u:emma|10.0.0.1", &clock_ms), ==, expected[i]);

  /* The right password after all that only waits, then signs in and
   * clears the key. */
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:emma|10.0.0.1", LIMIT, clock_ms), ==,
                    PLATZD_THROTTLE_MAX_MS);
  platzd_throttle_end (throttle, "u:emma|10.0.0.1", FALSE, TRUE, clock_ms);
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:emma|10.0.0.1", LIMIT, clock_ms), ==, 0);
  platzd_throttle_end (throttle, "u:emma|10.0.0.1", FALSE, FALSE, clock_ms);
  g_assert_cmpuint (platzd_throttle_size (throttle), ==, 0);
  platzd_throttle_free (throttle);
}

static void
test_other_address_not_slowed (void)
{
  PlatzdThrottle *throttle = platzd_throttle_new (100);
  gint64 clock_ms = 1000000;

  for (int i = 0; i < LIMIT + 5; i++)
    fail_once (throttle, "u:emma|10.0.0.1", &clock_ms);
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:emma|10.0.0.1", LIMIT, clock_ms), >, 0);
  /* The same user from another address, and another user from the
   * guesser's address, are not slowed. */
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:emma|10.0.0.2", LIMIT, clock_ms), ==, 0);
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:kim|10.0.0.1", LIMIT, clock_ms), ==, 0);
  platzd_throttle_free (throttle);
}

static void
test_parallel_attempts_count (void)
{
  PlatzdThrottle *throttle = platzd_throttle_new (100);
  gint64 clock_ms = 1000000;
  guint last = 0;

  for (int i = 0; i < LIMIT; i++)
    fail_once (throttle, "a:10.0.0.9", &clock_ms);
  /* Attempts sent at once do not all get the first, shortest delay. */
  for (int i = 0; i < 8; i++)
    last = platzd_throttle_begin (throttle, "a:10.0.0.9", LIMIT, clock_ms);
  g_assert_cmpuint (last, ==, PLATZD_THROTTLE_MAX_MS);
  platzd_throttle_free (throttle);
}

static void
test_window_forgets (void)
{
  PlatzdThrottle *throttle = platzd_throttle_new (100);
  gint64 clock_ms = 1000000;

  for (int i = 0; i < LIMIT + 2; i++)
    fail_once (throttle, "u:emma|10.0.0.1", &clock_ms);
  clock_ms += PLATZD_THROTTLE_WINDOW_MS + 1;
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:emma|10.0.0.1", LIMIT, clock_ms), ==, 0);
  platzd_throttle_free (throttle);
}

static void
test_table_is_bounded (void)
{
  PlatzdThrottle *throttle = platzd_throttle_new (50);
  gint64 clock_ms = 1000000;

  /* The guesser's key is the oldest... */
  for (int i = 0; i < LIMIT + 3; i++)
    fail_once (throttle, "u:emma|10.0.0.1", &clock_ms);
  /* ...then a spray of a thousand other keys: the table stays bounded. */
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *key = g_strdup_printf ("u:user%d|10.1.%d.%d", i, i / 250, i % 250);
      fail_once (throttle, key, &clock_ms);
      g_assert_cmpuint (platzd_throttle_size (throttle), <=, 50);
    }
  g_assert_cmpuint (platzd_throttle_size (throttle), ==, 50);
  /* The newest keys are kept. */
  g_assert_cmpuint (platzd_throttle_begin (throttle, "u:user999|10.1.3.249", 1, clock_ms), >, 0);
  platzd_throttle_free (throttle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/throttle/delay-grows-and-is-bounded", test_delay_grows_and_is_bounded);
  g_test_add_func ("/throttle/other-address-not-slowed", test_other_address_not_slowed);
  g_test_add_func ("/throttle/parallel-attempts-count", test_parallel_attempts_count);
  g_test_add_func ("/throttle/window-forgets", test_window_forgets);
  g_test_add_func ("/throttle/table-is-bounded", test_table_is_bounded);
  return g_test_run ();
}
