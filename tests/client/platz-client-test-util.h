/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Helpers for the client's tests: a real platzd in a child process on an
 * ephemeral port with a fresh database, main-loop waiting, and driving
 * the client's window.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"
#include "platz-day-view.h"
#include "platz-window.h"

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
/* PATCH /policies (global) with a JSON body, as the api's user (asserts 200). */
void         test_api_patch_policies (PlatzApi   *api,
                                      const char *base,
                                      const char *json);
/* PATCH of the named fields of obj; asserts it worked. */
void         test_api_patch   (PlatzApi    *api,
                               const PlatzType *type,
                               gint64       id,
                               gconstpointer obj,
                               const char * const *fields);
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

/* GET /occupancy-standards (a GListModel of PlatzRecord of PlatzStandard). */
GListModel  *test_api_list_standards (PlatzApi  *api);

/* The small test floor: one site, building, floor (40 x 20), office
 * rooms A1.01 (3 desks) and A1.02 (2 desks, one blocked), a meeting room
 * and a project office.  Ids are in creation order from 1. */
void         test_create_floor (PlatzApi   *admin);
/* YYYY-MM-DD, days from today (UTC), skipping to a weekday. */
char        *test_weekday     (int          days_ahead);

/* What every window test shares: a private XDG_DATA_HOME with the token
 * store in a file, GTK and libadwaita, a server with the test floor and
 * the admin signed in through the API. */
typedef struct {
  char       *data_dir;
  TestServer *server;
  PlatzApi   *admin;
} TestUi;

TestUi      *test_ui_init     (int          *argc,
                               char       ***argv);
/* Runs the tests added since test_ui_init, then stops the server and
 * removes the data; returns g_test_run's answer. */
int          test_ui_run      (TestUi       *ui);

/* A new window on base, shown. */
PlatzWindow *test_window_open  (const char  *base);
/* Destroys the window and asserts it is finalized. */
void         test_window_close (PlatzWindow *window);
/* test_wait_until checks on a PlatzWindow. */
gboolean     test_login_shown  (gpointer     window);
gboolean     test_signed_in    (gpointer     window);
/* Waits for the login page, signs in with TEST_PASSWORD and waits until
 * signed in. */
void         test_sign_in      (PlatzWindow *window,
                                const char  *username);
/* test_wait_until check on a window: past the start, on the login page
 * or signed in. */
gboolean     test_settled      (gpointer     window);
/* Signs in unless the window signed in with the token an earlier window
 * of the program kept (that of the same user). */
void         test_sign_in_or_kept (PlatzWindow *window,
                                   const char  *username);
/* Waits for the window's last toast to be text (g_error after 10 s). */
void         test_assert_toast (PlatzWindow *window,
                                const char  *text);

/* Waits until the view has loaded and the desk is in state (g_error
 * after 10 s). */
void         test_assert_desk_state (PlatzDayView   *day,
                                     gint64          desk_id,
                                     PlatzDeskState  state);
/* test_wait_until check: the day view's desk dialog is open. */
gboolean     test_desk_dialog_open  (gpointer        day);
/* Presses the day view's "next day" button and waits for tomorrow. */
void         test_go_to_tomorrow    (PlatzDayView   *day);

/* Waits until model has n items; returns whether it has. */
gboolean     test_wait_n_items (GListModel  *model,
                                guint        n,
                                guint        timeout_ms);
/* The first widget in the tree under widget with that name, or NULL. */
GtkWidget   *test_find_named   (GtkWidget   *widget,
                                const char  *name);
/* The first GtkLabel under root that reads text (without its mnemonic),
 * or NULL. */
GtkWidget   *test_find_label   (GtkWidget   *root,
                                const char  *text);
/* The first widget under root with that id in its .ui file, or NULL. */
GtkWidget   *test_find_by_id   (GtkWidget   *root,
                                const char  *id);
/* test_wait_until check on a screen of the window (day view, bookings,
 * rooms, projects or facility page): it is not loading. */
gboolean     test_page_loaded  (gpointer     page);
/* test_wait_until check on a GtkLabel: visible and not empty. */
gboolean     test_label_shown  (gpointer     label);

G_END_DECLS
