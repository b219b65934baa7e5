/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Crash loop: a client drives 5,000 desk bookings while platzd is killed
 * with SIGKILL at 10 random points (each time with a booking in flight)
 * and restarted on the same database.  Afterwards every acknowledged
 * booking (201) exists as it was acknowledged, no refused one (4xx) does,
 * an unanswered one may or may not, and PRAGMA integrity_check is "ok".
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "platz-raw-client.h"
#include "platz-test-server.h"

#define N_BOOKINGS 5000
#define N_KILLS 10
#define N_USERS 50          /* user k books desk k */
#define PER_DAY (2 * N_USERS)

typedef enum { ACKED, REFUSED, UNKNOWN } Outcome;

typedef struct {
  gint64  desk, user;
  char   *date;
  const char *slot;
  Outcome outcome;
  gint64  id;        /* for ACKED */
} Attempt;

typedef struct {
  PlatzTestServer *server;
  char   *token;
  gint64  users[N_USERS];
  gint64  desks[N_USERS];
  gint64  blocked;
  GArray *attempts;
} Fixture;

static void
attempt_clear (gpointer data)
{
  Attempt *a = data;

  g_free (a->date);
}

static char *
booking_body (const Attempt *a)
{
  return g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"%s\","
                          "\"user_id\":%" G_GINT64_FORMAT "}", a->desk, a->date, a->slot,
                          a->user);
}

/* The i-th request: mostly valid bookings, every 7th a desk already taken
 * by someone else that half-day, every 13th a blocked desk. */
static void
make_attempt (guint    i,
              Fixture *f,
              Attempt *a)
{
  guint day = 1 + i / PER_DAY;
  guint k = i % N_USERS;

  a->user = f->users[k];
  a->desk = f->desks[k];
  a->slot = (i / N_USERS) % 2 ? "pm" : "am";
  a->date = platz_test_date ((int) day, "UTC");
  if (i % 7 == 6 && i % PER_DAY >= N_USERS)
    {
      /* the desk of user k+1 in the half-day already filled: 409 */
      a->desk = f->desks[(k + 1) % N_USERS];
      a->slot = (i / N_USERS) % 2 ? "am" : "pm";
    }
  else if (i % 13 == 12)
    a->desk = f->blocked;
}

/* Sends a booking on a raw connection and kills the server before (or
 * while) it answers. */
static void
kill_with_request_in_flight (Fixture       *f,
                             const Attempt *a,
                             guint          delay_us)
{
  g_autofree char *body = booking_body (a);
  g_autofree char *request = g_strdup_printf (
    "POST /api/v1/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
    "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", f->token, strlen (body),
    body);
  int fd = platz_raw_connect (f->server->port);

  g_assert_cmpint (fd, >=, 0);
  platz_raw_send (fd, request, strlen (request));
  if (delay_us > 0)
    g_usleep (delay_us);
  platz_test_server_kill (f->server, SIGKILL);
  close (fd);
  platz_test_server_restart (f->server);
}

static void
set_up (Fixture *f)
{
  gint64 site, building, floor, room;
  g_autoptr(PlatzTestResponse) resp = NULL;

  f->server = platz_test_server_start (NULL);
  f->token = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  resp = platz_test_request (f->server, f->token, "PATCH", "/api/v1/policies",
                             "{\"booking_window_days\":100,\"max_bookings_per_week\":7}");
  platz_assert_status (resp, 200);
  site = platz_test_create (f->server, f->token, "/api/v1/sites",
                            "{\"name\":\"Crash\",\"timezone\":\"UTC\"}");
  building = platz_test_create (f->server, f->token, "/api/v1/buildings",
                                "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"B\"}", site);
  floor = platz_test_create (f->server, f->token, "/api/v1/floors",
                             "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"F\"}", building);
  room = platz_test_create (f->server, f->token, "/api/v1/rooms",
                            "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"Hall\","
                            "\"kind\":\"office\",\"area_m2\":900}", floor);
  for (int k = 0; k < N_USERS; k++)
    {
      f->desks[k] = platz_test_create (f->server, f->token, "/api/v1/desks",
                                       "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"D%d\"}",
                                       room, k);
      /* user creation hashes a password: a short one keeps this quick */
      f->users[k] = platz_test_create (f->server, f->token, "/api/v1/users",
                                       "{\"username\":\"u%d\",\"display_name\":\"U %d\","
                                       "\"role\":\"employee\",\"function\":\"staff\","
                                       "\"password\":\"password-%d\"}", k, k, k);
    }
  f->blocked = platz_test_create (f->server, f->token, "/api/v1/desks",
                                  "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"Broken\","
                                  "\"blocked_reason\":\"repair\"}", room);
  f->attempts = g_array_sized_new (FALSE, TRUE, sizeof (Attempt), N_BOOKINGS);
  g_array_set_clear_func (f->attempts, attempt_clear);
}

static void
test_crash_loop (void)
{
  Fixture f = { 0 };
  guint kills[N_KILLS];
  guint next_kill = 0, acked = 0, refused = 0, unknown = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  gint64 active = 0;
  gint64 start = g_get_monotonic_time ();

  set_up (&f);
  for (guint i = 0; i < N_KILLS; i++)
    kills[i] = (guint) g_test_rand_int_range (1, N_BOOKINGS);   /* seed: --seed */
  /* sorted, distinct enough */
  for (guint i = 0; i < N_KILLS; i++)
    for (guint j = i + 1; j < N_KILLS; j++)
      if (kills[j] < kills[i])
        {
          guint t = kills[i];
          kills[i] = kills[j];
          kills[j] = t;
        }

  for (guint i = 0; i < N_BOOKINGS; i++)
    {
      Attempt a = { 0 };

      make_attempt (i, &f, &a);
      if (next_kill < N_KILLS && i == kills[next_kill])
        {
          kill_with_request_in_flight (&f, &a, (guint) g_test_rand_int_range (0, 3000));
          a.outcome = UNKNOWN;
          unknown++;
          while (next_kill < N_KILLS && kills[next_kill] <= i)
            next_kill++;
        }
      else
        {
          g_autofree char *body = booking_body (&a);
          g_autoptr(PlatzTestResponse) resp = platz_test_request (f.server, f.token, "POST",
                                                                  "/api/v1/bookings", body);
          if (resp->status == 201)
            {
              a.outcome = ACKED;
              a.id = platz_test_int (resp, "id");
              acked++;
            }
          else
            {
              g_assert_cmpuint (resp->status, >=, 400);
              a.outcome = REFUSED;
              refused++;
            }
        }
      g_array_append_val (f.attempts, a);
    }
  g_test_message ("%d bookings in %.1f s with %d kills: %u acknowledged, %u refused, "
                  "%u in flight at a kill", N_BOOKINGS,
                  (g_get_monotonic_time () - start) / 1e6, N_KILLS, acked, refused, unknown);

  platz_test_server_kill (f.server, SIGTERM);
  g_assert_cmpint (sqlite3_open_v2 (f.server->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint i = 0; i < f.attempts->len; i++)
    {
      const Attempt *a = &g_array_index (f.attempts, Attempt, i);

      if (a->outcome == ACKED)
        {
          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT desk_id, user_id, date, slot, status "
                                               "FROM bookings WHERE id = ?", -1, &stmt, NULL),
                           ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, a->id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            g_error ("acknowledged booking %" G_GINT64_FORMAT " (request %u) is gone", a->id, i);
          g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, a->desk);
          g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, a->user);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, a->date);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, a->slot);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "active");
          sqlite3_finalize (stmt);
        }
      else if (a->outcome == REFUSED)
        {
          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM bookings WHERE "
                                               "desk_id = ? AND user_id = ? AND date = ? "
                                               "AND slot = ?", -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, a->desk);
          sqlite3_bind_int64 (stmt, 2, a->user);
          sqlite3_bind_text (stmt, 3, a->date, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, a->slot, -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          if (sqlite3_column_int (stmt, 0) != 0)
            g_error ("refused request %u left a booking", i);
          sqlite3_finalize (stmt);
        }
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM bookings WHERE status = 'active'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  active = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_test_message ("active rows %" G_GINT64_FORMAT " (acknowledged %u, + up to %u in flight)",
                  active, acked, unknown);
  g_assert_cmpint (active, >=, acked);
  g_assert_cmpint (active, <=, acked + unknown);
  sqlite3_close (db);

  platz_test_server_free (f.server);
  g_array_unref (f.attempts);
  g_free (f.token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crashloop/bookings", test_crash_loop);
  return g_test_run ();
}
