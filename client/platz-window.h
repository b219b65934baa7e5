/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "platz-api.h"
#include "platz-application.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_WINDOW (platz_window_get_type ())
G_DECLARE_FINAL_TYPE (PlatzWindow, platz_window, PLATZ, WINDOW, AdwApplicationWindow)

PlatzWindow *platz_window_new          (PlatzApplication *app,
                                        PlatzApi         *api,
                                        GSettings        *settings);
/* For user (NULL: whoever signed in last): a stored session of another
 * user is not used, the login page comes with that name filled in. */
PlatzWindow *platz_window_new_for_user (PlatzApplication *app,
                                        PlatzApi         *api,
                                        GSettings        *settings,
                                        const char       *user);
PlatzApi    *platz_window_get_api      (PlatzWindow      *self);
/* Takes the floating toast. */
void         platz_window_add_toast    (PlatzWindow      *self,
                                        AdwToast         *toast);
/* The title of the last toast shown (for tests). */
const char  *platz_window_get_last_toast (PlatzWindow    *self);
/* "day", "bookings", "rooms", "projects", "facility" */
void         platz_window_show_page    (PlatzWindow      *self,
                                        const char       *name);
GtkWidget   *platz_window_get_page     (PlatzWindow      *self,
                                        const char       *name);
GtkWidget   *platz_window_get_login_page (PlatzWindow    *self);
gboolean     platz_window_is_signed_in (PlatzWindow      *self);
gboolean     platz_window_page_visible (PlatzWindow      *self,
                                        const char       *name);

G_END_DECLS
