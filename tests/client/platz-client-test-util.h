/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Helpers for the client's tests: a real platzd in a child process on an
 * ephemeral port with a fresh database, and main-loop waiting.
 */
#pragma once

#include <gio/gio.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define TEST_ADMIN "admin"
#define TEST_PASSWORD "test-admin-pw"

typedef struct {
  GSubprocess *process;
  char        *dir;
  char        *base;   /* http://127.0.0.1:PORT */
} TestServer;

TestServer *test_server_start (void);
void        test_server_stop  (TestServer *server);

/* Iterates the default main context until check (data) or the timeout;
 * returns check's last answer. */
gboolean    test_wait_until   (gboolean    (*check) (gpointer data),
                               gpointer      data,
                               guint         timeout_ms);
void        test_wait_ms      (guint         ms);

/* Blocking-looking API calls that iterate the main loop; they assert
 * success.  Return values are owned by the caller. */
PlatzApi    *test_api_login   (const char  *base,
                               const char  *username,
                               const char  *password);
gint64       test_api_create  (PlatzApi    *api,
                               const PlatzType *type,
                               gconstpointer obj);
/* POST /users with a password (admin only); returns the id. */
gint64       test_create_user (const char  *base,
                               PlatzApi    *admin,
                               const char  *username,
                               const char  *role,
                               gint64       team_id);
/* Books through the API; returns the error (or NULL). */
GError      *test_api_book    (PlatzApi    *api,
                               gint64       desk_id,
                               const char  *date,
                               const char  *slot);

/* The api user's own active desk bookings from..to (a GListModel of
 * PlatzRecord of PlatzBooking). */
GListModel  *test_api_list_bookings (PlatzApi   *api,
                                     const char *from,
                                     const char *to);

/* The small test floor: one site, building, floor (40 x 20), office
 * rooms A1.01 (3 desks) and A1.02 (2 desks, one blocked), a meeting room
 * and a project office.  Ids are in creation order from 1. */
void         test_create_floor (PlatzApi   *admin);
/* YYYY-MM-DD, days from today (UTC), skipping to a weekday. */
char        *test_weekday     (int          days_ahead);

G_END_DECLS
