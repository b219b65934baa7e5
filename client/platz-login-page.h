/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_LOGIN_PAGE (platz_login_page_get_type ())
G_DECLARE_FINAL_TYPE (PlatzLoginPage, platz_login_page, PLATZ, LOGIN_PAGE, GtkWidget)

/* Fills in the server address and user name; keeps what was typed. */
void        platz_login_page_prepare    (PlatzLoginPage *self,
                                         PlatzApi       *api,
                                         const char     *username);
void        platz_login_page_show_error (PlatzLoginPage *self,
                                         const char     *message);
/* Fills the fields and presses "Sign In" (tests, screenshots). */
void        platz_login_page_sign_in    (PlatzLoginPage *self,
                                         const char     *username,
                                         const char     *password);
/* The user name as filled in. */
const char *platz_login_page_get_username (PlatzLoginPage *self);
const char *platz_login_page_get_error  (PlatzLoginPage *self);
gboolean    platz_login_page_is_busy    (PlatzLoginPage *self);

G_END_DECLS
