/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * platz --screenshot DIR: signs in and renders every main screen of the
 * window to DIR/NAME.png, then quits.
 */
#pragma once

#include "platz-window.h"

G_BEGIN_DECLS

void platz_screenshot_run (PlatzWindow *window,
                           const char  *dir,
                           const char  *username,
                           const char  *password);

G_END_DECLS
