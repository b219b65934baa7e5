/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Concurrency property test: 32 client threads, each with its own user
 * and connection, make 5,000 random desk bookings, booking cancellations,
 * meeting-room reservations and reservation cancellations across a few
 * desks and rooms and days.  Afterwards, read straight from the database:
 *
 *  - no desk has two active bookings in one half-day (full_day covers both),
 *    no user has two desks in one half-day;
 *  - no two active reservations of a room overlap ([start, end) ranges);
 *  - 201 answers minus successful cancellations = active rows, for both.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>

#include "platz-test-server.h"

#define N_THREADS 32
#define N_OPERATIONS 5000
#define N_DESKS 8
#define N_ROOMS 3
#define N_DAYS 4

typedef struct {
  PlatzTestServer *server;
  char   *root;
  gint64  desks[N_DESKS];
  gint64  rooms[N_ROOMS];
  char   *days[N_DAYS];
  gint64  users[N_THREADS];
  char   *tokens[N_THREADS];
} Fixture;

typedef struct {
  Fixture *f;
  guint    index;
  guint    operations;
  guint32  seed;
  /* what the server answered */
  guint    bookings_created, bookings_cancelled;
  guint    reservations_created, reservations_cancelled;
  guint    statuses[600];
} Client;

static const char * const slots[] = { "am", "pm", "full_day" };

static gpointer
client_thread (gpointer data)
{
  Client *c = data;
  Fixture *f = c->f;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 60, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (c->seed);
  g_autoptr(GArray) bookings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) reservations = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *token = f->tokens[c->index];

  for (guint op = 0; op < c->operations; op++)
    {
      int kind = g_rand_int_range (rand, 0, 100);
      g_autoptr(PlatzTestResponse) resp = NULL;
      g_autofree char *body = NULL;
      g_autofree char *path = NULL;

      if (kind < 40)
        {
          body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                  "\"slot\":\"%s\"}",
                                  f->desks[g_rand_int_range (rand, 0, N_DESKS)],
                                  f->days[g_rand_int_range (rand, 0, N_DAYS)],
                                  slots[g_rand_int_range (rand, 0, 3)]);
          resp = platz_test_request_full (f->server, session, token, "POST", "/api/v1/bookings",
                                          body);
          if (resp->status == 201)
            {
              gint64 id = platz_test_int (resp, "id");
              g_array_append_val (bookings, id);
              c->bookings_created++;
            }
        }
      else if (kind < 55 && bookings->len > 0)
        {
          guint i = (guint) g_rand_int_range (rand, 0, (gint32) bookings->len);
          path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT,
                                  g_array_index (bookings, gint64, i));
          g_array_remove_index_fast (bookings, i);
          resp = platz_test_request_full (f->server, session, token, "DELETE", path, NULL);
          if (resp->status == 204)
            c->bookings_cancelled++;
        }
      else if (kind < 90)
        {
          int start = 8 * 60 + 15 * g_rand_int_range (rand, 0, 36);    /* 08:00 .. 16:45 */
          int length = 15 * g_rand_int_range (rand, 1, 9);             /* 15 .. 120 min */
          const char *day = f->days[g_rand_int_range (rand, 0, N_DAYS)];
          body = g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%sT%02d:%02d:00Z\","
                                  "\"end\":\"%sT%02d:%02d:00Z\",\"title\":\"t\"}",
                                  f->rooms[g_rand_int_range (rand, 0, N_ROOMS)], day,
                                  start / 60, start % 60, day, (start + length) / 60,
                                  (start + length) % 60);
          resp = platz_test_request_full (f->server, session, token, "POST",
                                          "/api/v1/reservations", body);
          if (resp->status == 201)
            {
              gint64 id = platz_test_int (resp, "id");
              g_array_append_val (reservations, id);
              c->reservations_created++;
            }
        }
      else if (reservations->len > 0)
        {
          guint i = (guint) g_rand_int_range (rand, 0, (gint32) reservations->len);
          path = g_strdup_printf ("/api/v1/reservations/%" G_GINT64_FORMAT,
                                  g_array_index (reservations, gint64, i));
          g_array_remove_index_fast (reservations, i);
          resp = platz_test_request_full (f->server, session, token, "DELETE", path, NULL);
          if (resp->status == 204)
            c->reservations_cancelled++;
        }
      if (resp != NULL)
        c->statuses[MIN (resp->status, G_N_ELEMENTS (c->statuses) - 1)]++;
    }
  return NULL;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_concurrency (void)
{
  Fixture f = { 0 };
  Client clients[N_THREADS] = { 0 };
  GThread *threads[N_THREADS];
  g_autoptr(PlatzTestResponse) resp = NULL;
  guint created_b = 0, cancelled_b = 0, created_r = 0, cancelled_r = 0;
  guint statuses[600] = { 0 };
  gint64 site, building, floor, office, start;
  sqlite3 *db = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  f.server = platz_test_server_start (NULL);
  f.root = platz_test_login (f.server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  resp = platz_test_request (f.server, f.root, "PATCH", "/api/v1/policies",
                             "{\"max_bookings_per_week\":7}");
  platz_assert_status (resp, 200);
  site = platz_test_create (f.server, f.root, "/api/v1/sites",
                            "{\"name\":\"Busy\",\"timezone\":\"UTC\"}");
  building = platz_test_create (f.server, f.root, "/api/v1/buildings",
                                "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"B\"}", site);
  floor = platz_test_create (f.server, f.root, "/api/v1/floors",
                             "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"F\"}", building);
  office = platz_test_create (f.server, f.root, "/api/v1/rooms",
                              "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"Open\","
                              "\"kind\":\"office\",\"area_m2\":100}", floor);
  for (int i = 0; i < N_DESKS; i++)
    f.desks[i] = platz_test_create (f.server, f.root, "/api/v1/desks",
                                    "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"D%d\"}",
                                    office, i);
  for (int i = 0; i < N_ROOMS; i++)
    f.rooms[i] = platz_test_create (f.server, f.root, "/api/v1/rooms",
                                    "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"M%d\","
                                    "\"kind\":\"meeting_room\",\"capacity\":10}", floor, i);
  for (int i = 0; i < N_DAYS; i++)
    f.days[i] = platz_test_date (1 + i, "UTC");
  for (int i = 0; i < N_THREADS; i++)
    {
      g_autofree char *name = g_strdup_printf ("c%d", i);
      g_autofree char *pw = g_strdup_printf ("password-%d", i);
      f.users[i] = platz_test_create (f.server, f.root, "/api/v1/users",
                                      "{\"username\":\"%s\",\"display_name\":\"%s\","
                                      "\"role\":\"employee\",\"function\":\"staff\","
                                      "\"password\":\"%s\"}", name, name, pw);
      f.tokens[i] = platz_test_login (f.server, name, pw);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_THREADS; i++)
    {
      clients[i].f = &f;
      clients[i].index = i;
      clients[i].operations = N_OPERATIONS / N_THREADS + (i < N_OPERATIONS % N_THREADS);
      clients[i].seed = (guint32) g_test_rand_int ();
      threads[i] = g_thread_new ("client", client_thread, &clients[i]);
    }
  for (guint i = 0; i < N_THREADS; i++)
    {
      g_thread_join (threads[i]);
      created_b += clients[i].bookings_created;
      cancelled_b += clients[i].bookings_cancelled;
      created_r += clients[i].reservations_created;
      cancelled_r += clients[i].reservations_cancelled;
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        statuses[s] += clients[i].statuses[s];
    }
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    if (statuses[s] > 0)
      g_string_append_printf (summary, " %u:%u", s, statuses[s]);
  g_test_message ("%d operations from %d threads in %.1f s; statuses%s", N_OPERATIONS,
                  N_THREADS, (g_get_monotonic_time () - start) / 1e6, summary->str);
  g_test_message ("bookings: %u created, %u cancelled; reservations: %u created, %u cancelled",
                  created_b, cancelled_b, created_r, cancelled_r);
  g_assert_cmpuint (statuses[500] + statuses[503], ==, 0);

  platz_test_server_kill (f.server, SIGTERM);
  g_assert_cmpint (sqlite3_open_v2 (f.server->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM bookings a JOIN bookings b ON a.desk_id = b.desk_id "
    "AND a.date = b.date AND a.id < b.id WHERE a.status = 'active' AND b.status = 'active' "
    "AND (a.slot = b.slot OR a.slot = 'full_day' OR b.slot = 'full_day')"), ==, 0);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM bookings a JOIN bookings b ON a.user_id = b.user_id "
    "AND a.date = b.date AND a.id < b.id WHERE a.status = 'active' AND b.status = 'active' "
    "AND (a.slot = b.slot OR a.slot = 'full_day' OR b.slot = 'full_day')"), ==, 0);
  g_assert_cmpint (query_int (db,
    "SELECT count(*) FROM reservations a JOIN reservations b ON a.room_id = b.room_id "
    "AND a.id < b.id WHERE a.status = 'active' AND b.status = 'active' "
    "AND a.start < b.\"end\" AND b.start < a.\"end\""), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM bookings WHERE status = 'active'"), ==,
                   created_b - cancelled_b);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM reservations WHERE status = 'active'"),
                   ==, created_r - cancelled_r);
  sqlite3_close (db);

  platz_test_server_free (f.server);
  g_free (f.root);
  for (int i = 0; i < N_DAYS; i++)
    g_free (f.days[i]);
  for (int i = 0; i < N_THREADS; i++)
    g_free (f.tokens[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/concurrency/bookings-and-reservations", test_concurrency);
  return g_test_run ();
}
