/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: the check of uploaded SVG floor plans.  Whatever the
 * bytes, platzd_svg_check answers TRUE, or FALSE with an invalid_plan
 * error; never a crash, a GLib warning or a leak.
 */
#include "config.h"

#include <stdint.h>

#include "platz-error.h"
#include "platzd-svg.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  if (platzd_svg_check ((const char *) data, size, &error))
    g_assert_no_error (error);
  else
    g_assert_true (g_error_matches (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_PLAN));
  return 0;
}
