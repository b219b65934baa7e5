/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Accounts against a real platzd: slowed (never refused) sign-ins,
 * password changes and the sessions they end, the export of one's own
 * data, the audit log of administrative acts and what the request log
 * never holds.
 */
#include "config.h"

#include <string.h>

#include "platz-test-server.h"

static PlatzTestServer *server;
static char *admin;

/* Auxiliary */

static gint64
make_user (const char *username,
           const char *display_name,
           const char *role,
           const char *password)
{
  return platz_test_create (server, admin, "/api/v1/users",
                            "{\"username\":\"%s\",\"display_name\":\"%s\",\"role\":\"%s\","
                            "\"password\":\"%s\"}", username, display_name, role, password);
}

static PlatzTestResponse *
login_with (SoupSession *session,
            const char  *username,
            const char  *password,
            gint64      *elapsed_ms)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username,
                                           password);
  gint64 start = g_get_monotonic_time ();
  PlatzTestResponse *r = platz_test_request_full (server, session, NULL, "POST",
                                                  "/api/v1/auth/login", body);

  if (elapsed_ms != NULL)
    *elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  return r;
}

/* A session whose connections come from another loopback address. */
static SoupSession *
session_from (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new (inet, 0);

  return soup_session_new_with_options ("timeout", 30, "local-address", local, NULL);
}

/* Sign-in throttling */

typedef struct {
  const char        *username;
  const char        *password;
  PlatzTestResponse *response;
  gint64             elapsed_ms;
} LoginThread;

static gpointer
login_thread (gpointer data)
{
  LoginThread *t = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);

  t->response = login_with (session, t->username, t->password, &t->elapsed_ms);
  return NULL;
}

static void
test_throttle_slows_never_refuses (void)
{
  guint expected_ms[] = { 500, 1000, 2000, 4000, 4000 };
  g_autoptr(SoupSession) elsewhere = session_from ("127.0.0.2");
  g_autoptr(PlatzTestResponse) other_address = NULL;
  g_autoptr(PlatzTestResponse) health = NULL;
  LoginThread right = { "guessed", "right-password-1", NULL, 0 };
  GThread *thread;
  gint64 elapsed, start;

  make_user ("guessed", "Guessed", "employee", "right-password-1");
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(PlatzTestResponse) r = login_with (server->session, "guessed", "wrong-guess",
                                                   NULL);
      platz_assert_error (r, 401, "unauthenticated", NULL);
    }
  /* Wrong attempts past the limit wait a growing, bounded delay. */
  for (guint i = 0; i < G_N_ELEMENTS (expected_ms); i++)
    {
      g_autoptr(PlatzTestResponse) r = login_with (server->session, "guessed", "wrong-guess",
                                                   &elapsed);
      platz_assert_error (r, 401, "unauthenticated", NULL);
      g_assert_cmpint (elapsed, >=, expected_ms[i]);
    }

  /* The same user from another address is not slowed. */
  other_address = login_with (elsewhere, "guessed", "right-password-1", &elapsed);
  platz_assert_status (other_address, 200);
  g_assert_cmpint (elapsed, <, 4000);

  /* The right password from the guesser's address waits and signs in;
   * meanwhile the server answers others at once. */
  thread = g_thread_new ("login", login_thread, &right);
  g_usleep (300 * 1000);
  start = g_get_monotonic_time ();
  health = platz_test_request (server, NULL, "GET", "/healthz", NULL);
  platz_assert_status (health, 200);
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, 2000);
  g_thread_join (thread);
  platz_assert_status (right.response, 200);
  g_assert_cmpint (right.elapsed_ms, >=, 4000);
  g_assert_nonnull (platz_test_str (right.response, "token"));
  platz_test_response_free (right.response);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = platz_test_server_start (NULL);
  admin = platz_test_login (server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);

  g_test_add_func ("/accounts/throttle-slows-never-refuses", test_throttle_slows_never_refuses);

  status = g_test_run ();
  g_free (admin);
  platz_test_server_free (server);
  return status;
}
