/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The stored session belongs to a server and a user: the client asked
 * for another user (platz --user NAME), or opened on another server,
 * shows the login page with that name filled in instead of reusing the
 * last user's session; asked for the same user (or for none) it signs in
 * with the stored session.
 */
#include "config.h"

#include <adwaita.h>

#include "platz-application.h"
#include "platz-login-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestUi *ui;

static PlatzWindow *
open_for (const char *base,
          const char *user)
{
  g_autoptr(GSettings) settings = platz_application_new_settings ();
  g_autoptr(PlatzApi) api = platz_api_new (base);
  PlatzWindow *window = platz_window_new_for_user (NULL, api, settings, user);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Opens a window for user on base and asserts it asks to sign in with
 * that user name filled in. */
static void
assert_asks_to_sign_in (const char *base,
                        const char *user)
{
  PlatzWindow *window = open_for (base, user);
  PlatzLoginPage *login = PLATZ_LOGIN_PAGE (platz_window_get_login_page (window));

  g_assert_true (test_wait_until (test_settled, window, 10000));
  g_assert_false (test_signed_in (window));
  g_assert_cmpstr (platz_login_page_get_username (login), ==, user);
  test_window_close (window);
}

/* Opens a window for user (or none) on base and asserts the stored
 * session of who signs it in. */
static void
assert_session_of (const char *base,
                   const char *user,
                   const char *who)
{
  PlatzWindow *window = open_for (base, user);

  g_assert_true (test_wait_until (test_settled, window, 10000));
  g_assert_true (test_signed_in (window));
  g_assert_cmpstr (platz_api_get_user (platz_window_get_api (window))->username, ==, who);
  test_window_close (window);
}

/* Employees: their windows load no facility screens, which the quick
 * opening and closing here does not wait for. */
#define EMMA "emma"
#define OTTO "otto"

/* Signs user in on a window for user and asserts the session is kept. */
static void
sign_in_and_keep (const char *base,
                  const char *user)
{
  PlatzWindow *window = open_for (base, user);

  test_sign_in (window, user);
  test_window_close (window);
  assert_session_of (base, user, user);
  assert_session_of (base, NULL, user);
}

static void
test_session_per_user (void)
{
  const char *base = ui->server->base;
  PlatzWindow *window;

  test_create_user (base, ui->admin, EMMA, "employee", 0);
  test_create_user (base, ui->admin, OTTO, "employee", 0);

  /* Emma signs in; the session is kept. */
  window = open_for (base, NULL);
  test_sign_in (window, EMMA);
  test_window_close (window);
  assert_session_of (base, NULL, EMMA);
  assert_session_of (base, EMMA, EMMA);

  /* Asked for Otto: not Emma's session. */
  assert_asks_to_sign_in (base, OTTO);
  sign_in_and_keep (base, OTTO);

  /* Emma's session was replaced by Otto's. */
  assert_asks_to_sign_in (base, EMMA);
}

static void
test_session_per_server (void)
{
  TestServer *other = test_server_start ();
  PlatzWindow *window;

  /* Emma has a session on the first server. */
  window = open_for (ui->server->base, EMMA);
  test_sign_in_or_kept (window, EMMA);
  test_window_close (window);
  assert_session_of (ui->server->base, EMMA, EMMA);

  /* The same user name on another server has no session there. */
  assert_asks_to_sign_in (other->base, EMMA);
  test_server_stop (other);
}

int
main (int   argc,
      char *argv[])
{
  ui = test_ui_init (&argc, &argv);
  g_test_add_func ("/session/per-user", test_session_per_user);
  g_test_add_func ("/session/per-server", test_session_per_server);
  return test_ui_run (ui);
}
