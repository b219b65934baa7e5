/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Desk bookings against a real platzd: every booking rule (1-3, 6, 7),
 * availability, search, concurrency and durability.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>

#include "platz-test-server.h"

typedef struct {
  PlatzTestServer *server;
  char  *admin;
  char  *alice;      /* staff, team A */
  char  *bob;        /* staff, team A */
  char  *carla;      /* head, team A lead */
  char  *dora;       /* staff, team B */
  gint64 alice_id, bob_id, carla_id, dora_id, team_a, team_b;
  gint64 site, floor, triple, single, meeting;
  gint64 desk[4];    /* in the triple office (3 persons, 24 m2) */
  gint64 head_desk;  /* in the single office, head only */
  char  *day;        /* a weekday within the booking window */
} Fixture;

static gint64
make_user (Fixture    *f,
           const char *name,
           const char *role,
           const char *function,
           gint64      team)
{
  return platz_test_create (f->server, f->admin, "/api/v1/users",
                            "{\"username\":\"%s\",\"display_name\":\"%s Example\",\"role\":\"%s\","
                            "\"function\":\"%s\",\"team_id\":%" G_GINT64_FORMAT ","
                            "\"password\":\"%s-password\"}", name, name, role, function, team,
                            name);
}

static char *
login (Fixture    *f,
       const char *name)
{
  g_autofree char *pw = g_strdup_printf ("%s-password", name);
  return platz_test_login (f->server, name, pw);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 building, staff3, head1;

  f->server = platz_test_server_start (NULL);
  f->admin = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  f->site = platz_test_create (f->server, f->admin, "/api/v1/sites",
                               "{\"name\":\"Rathaus\",\"timezone\":\"Europe/Berlin\"}");
  building = platz_test_create (f->server, f->admin, "/api/v1/buildings",
                                "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"A\"}", f->site);
  f->floor = platz_test_create (f->server, f->admin, "/api/v1/floors",
                                "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"1. OG\"}",
                                building);
  staff3 = platz_test_create (f->server, f->admin, "/api/v1/occupancy-standards",
                              "{\"name\":\"Dreier\",\"max_persons\":3,"
                              "\"min_area_per_person_m2\":8,\"eligible_functions\":[\"staff\"]}");
  head1 = platz_test_create (f->server, f->admin, "/api/v1/occupancy-standards",
                             "{\"name\":\"Leitung\",\"max_persons\":1,"
                             "\"min_area_per_person_m2\":12,\"eligible_functions\":[\"head\"]}");
  f->triple = platz_test_create (f->server, f->admin, "/api/v1/rooms",
                                 "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.01\","
                                 "\"kind\":\"office\",\"area_m2\":24,"
                                 "\"occupancy_standard_id\":%" G_GINT64_FORMAT "}",
                                 f->floor, staff3);
  f->single = platz_test_create (f->server, f->admin, "/api/v1/rooms",
                                 "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.02\","
                                 "\"kind\":\"office\",\"area_m2\":14,"
                                 "\"occupancy_standard_id\":%" G_GINT64_FORMAT "}",
                                 f->floor, head1);
  f->meeting = platz_test_create (f->server, f->admin, "/api/v1/rooms",
                                  "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.10\","
                                  "\"kind\":\"meeting_room\",\"capacity\":8}", f->floor);
  for (int i = 0; i < 4; i++)
    f->desk[i] = platz_test_create (f->server, f->admin, "/api/v1/desks",
                                    "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"1.01-%d\","
                                    "\"x\":%d,\"y\":1,\"equipment\":[%s]}", f->triple, i + 1, i * 2,
                                    i == 1 ? "\"height_adjustable\",\"docking_station\"" : "");
  f->head_desk = platz_test_create (f->server, f->admin, "/api/v1/desks",
                                    "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"1.02-1\"}",
                                    f->single);
  f->team_a = platz_test_create (f->server, f->admin, "/api/v1/teams", "{\"name\":\"Wohngeld\"}");
  f->team_b = platz_test_create (f->server, f->admin, "/api/v1/teams", "{\"name\":\"Kasse\"}");
  f->alice_id = make_user (f, "alice", "employee", "staff", f->team_a);
  f->bob_id = make_user (f, "bob", "employee", "staff", f->team_a);
  f->carla_id = make_user (f, "carla", "team_lead", "head", f->team_a);
  f->dora_id = make_user (f, "dora", "employee", "staff", f->team_b);
  platz_test_response_free (platz_test_requestf (f->server, f->admin, "PATCH",
                                                 "{\"lead_user_id\":4}",
                                                 "/api/v1/teams/%" G_GINT64_FORMAT, f->team_a));
  g_assert_cmpint (f->carla_id, ==, 4);
  f->alice = login (f, "alice");
  f->bob = login (f, "bob");
  f->carla = login (f, "carla");
  f->dora = login (f, "dora");
  /* Berlin is the site's zone: "today" there decides what is past. */
  f->day = platz_test_weekday (2, "Europe/Berlin");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  platz_test_server_free (f->server);
  g_free (f->admin);
  g_free (f->alice);
  g_free (f->bob);
  g_free (f->carla);
  g_free (f->dora);
  g_free (f->day);
}

/* platz_test_requestf does not free a body built on the fly */
#define BOOK(f, token, desk, date, slot) book_free_body (f, token, desk, date, slot)

static PlatzTestResponse *
book_free_body (Fixture    *f,
                const char *token,
                gint64      desk,
                const char *date,
                const char *slot)
{
  g_autofree char *body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                           "\"slot\":\"%s\"}", desk, date, slot);
  return platz_test_request (f->server, token, "POST", "/api/v1/bookings", body);
}

/* A booking written straight into the database: the API refuses past
 * dates, but bookings made then are still there. */
static gint64
insert_booking (Fixture    *f,
                gint64      desk,
                gint64      user,
                const char *date,
                const char *status)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO bookings (desk_id, user_id, date, slot, "
                                          "status, created_at) VALUES (%" G_GINT64_FORMAT ", %"
                                          G_GINT64_FORMAT ", '%s', 'full_day', '%s', "
                                          "'2000-01-01T00:00:00Z')", desk, user, date, status);
  sqlite3 *db = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_open (f->server->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  id = sqlite3_last_insert_rowid (db);
  sqlite3_close (db);
  return id;
}

static void
test_book_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) r = BOOK (f, f->alice, f->desk[0], f->day, "full_day");
  g_autoptr(PlatzTestResponse) mine = NULL;
  g_autoptr(PlatzTestResponse) other = NULL;
  g_autoptr(PlatzTestResponse) cancel_other = NULL;
  g_autoptr(PlatzTestResponse) cancel = NULL;
  g_autoptr(PlatzTestResponse) again = NULL;
  g_autoptr(PlatzTestResponse) after = NULL;
  g_autoptr(PlatzTestResponse) all = NULL;
  gint64 id;

  platz_assert_status (r, 201);
  id = platz_test_int (r, "id");
  g_assert_cmpint (platz_test_int (r, "desk_id"), ==, f->desk[0]);
  g_assert_cmpint (platz_test_int (r, "user_id"), ==, f->alice_id);
  g_assert_cmpstr (platz_test_str (r, "date"), ==, f->day);
  g_assert_cmpstr (platz_test_str (r, "slot"), ==, "full_day");
  g_assert_cmpstr (platz_test_str (r, "status"), ==, "active");
  g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (r, "checked_in_at")));

  mine = platz_test_requestf (f->server, f->alice, "GET", NULL, "/api/v1/bookings?from=%s&to=%s",
                              f->day, f->day);
  platz_assert_status (mine, 200);
  g_assert_cmpuint (platz_test_length (mine, NULL), ==, 1);

  /* Object-level checks: bob neither reads nor cancels alice's booking. */
  other = platz_test_requestf (f->server, f->bob, "GET", NULL, "/api/v1/bookings/%" G_GINT64_FORMAT,
                               id);
  platz_assert_error (other, 403, "forbidden", NULL);
  cancel_other = platz_test_requestf (f->server, f->bob, "DELETE", NULL,
                                      "/api/v1/bookings/%" G_GINT64_FORMAT, id);
  platz_assert_error (cancel_other, 403, "forbidden", NULL);

  cancel = platz_test_requestf (f->server, f->alice, "DELETE", NULL,
                                "/api/v1/bookings/%" G_GINT64_FORMAT, id);
  platz_assert_status (cancel, 204);
  again = platz_test_requestf (f->server, f->alice, "DELETE", NULL,
                               "/api/v1/bookings/%" G_GINT64_FORMAT, id);
  platz_assert_error (again, 409, "conflict", NULL);
  after = platz_test_requestf (f->server, f->alice, "GET", NULL,
                               "/api/v1/bookings?from=%s&to=%s", f->day, f->day);
  g_assert_cmpuint (platz_test_length (after, NULL), ==, 0);
  all = platz_test_requestf (f->server, f->alice, "GET", NULL,
                             "/api/v1/bookings?from=%s&to=%s&status=all", f->day, f->day);
  g_assert_cmpuint (platz_test_length (all, NULL), ==, 1);
  g_assert_cmpstr (platz_test_str (all, "0.status"), ==, "cancelled");
}

static void
test_desk_taken (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) am = BOOK (f, f->alice, f->desk[0], f->day, "am");
  g_autoptr(PlatzTestResponse) full = BOOK (f, f->bob, f->desk[0], f->day, "full_day");
  g_autoptr(PlatzTestResponse) same = BOOK (f, f->bob, f->desk[0], f->day, "am");
  g_autoptr(PlatzTestResponse) pm = BOOK (f, f->bob, f->desk[0], f->day, "pm");

  platz_assert_status (am, 201);
  platz_assert_error (full, 409, "conflict", "desk_taken");
  platz_assert_error (same, 409, "conflict", "desk_taken");
  platz_assert_status (pm, 201);
}

static void
test_user_already_booked (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) a = BOOK (f, f->alice, f->desk[0], f->day, "full_day");
  g_autoptr(PlatzTestResponse) b = BOOK (f, f->alice, f->desk[1], f->day, "pm");

  platz_assert_status (a, 201);
  platz_assert_error (b, 409, "conflict", "user_already_booked");
}

static void
test_room_full_and_cap (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) a = BOOK (f, f->alice, f->desk[0], f->day, "full_day");
  g_autoptr(PlatzTestResponse) b = BOOK (f, f->bob, f->desk[1], f->day, "full_day");
  g_autoptr(PlatzTestResponse) d = BOOK (f, f->dora, f->desk[2], f->day, "am");
  g_autoptr(PlatzTestResponse) cap = NULL;
  g_autoptr(PlatzTestResponse) full = NULL;
  g_autoptr(PlatzTestResponse) avail = NULL;
  gint64 eve;
  g_autofree char *eve_token = NULL;
  g_autoptr(PlatzTestResponse) e = NULL;

  platz_assert_status (a, 201);
  platz_assert_status (b, 201);
  platz_assert_status (d, 201);
  /* Four desks, 3 persons, 24 m2 / 8: the limit is 3. */
  eve = make_user (f, "eve", "employee", "staff", f->team_b);
  g_assert_cmpint (eve, >, 0);
  eve_token = login (f, "eve");
  full = BOOK (f, eve_token, f->desk[3], f->day, "am");
  platz_assert_error (full, 409, "conflict", "room_full");
  e = BOOK (f, eve_token, f->desk[3], f->day, "pm");
  platz_assert_status (e, 201);

  avail = platz_test_requestf (f->server, f->alice, "GET", NULL,
                               "/api/v1/floors/%" G_GINT64_FORMAT "/availability?date=%s",
                               f->floor, f->day);
  platz_assert_status (avail, 200);
  g_assert_cmpint (platz_test_int (avail, "rooms.0.limit"), ==, 3);
  g_assert_cmpint (platz_test_int (avail, "rooms.0.booked.am"), ==, 3);
  g_assert_cmpint (platz_test_int (avail, "rooms.0.booked.pm"), ==, 3);
  g_assert_cmpstr (platz_test_str (avail, "desks.0.am"), ==, "mine");
  g_assert_cmpstr (platz_test_str (avail, "desks.1.am"), ==, "booked");
  g_assert_cmpstr (platz_test_str (avail, "desks.3.am"), ==, "room_full");
  g_assert_cmpstr (platz_test_str (avail, "desks.3.pm"), ==, "booked");
  g_assert_null (platz_test_member (avail, "desks.1.booked_by"));   /* bob does not share */

  /* A 50 % cap at the site lowers the limit to 1 (floor (3 * 0.5)). */
  cap = platz_test_requestf (f->server, f->admin, "PATCH", "{\"occupancy_cap_percent\":50}",
                             "/api/v1/policies?site_id=%" G_GINT64_FORMAT, f->site);
  platz_assert_status (cap, 200);
  {
    g_autoptr(PlatzTestResponse) capped = NULL;
    g_autofree char *later = platz_test_weekday (5, "Europe/Berlin");
    g_autoptr(PlatzTestResponse) first = BOOK (f, f->alice, f->desk[0], later, "am");
    g_autoptr(PlatzTestResponse) second = BOOK (f, f->bob, f->desk[1], later, "am");
    platz_assert_status (first, 201);
    platz_assert_error (second, 409, "conflict", "room_full");
    capped = platz_test_requestf (f->server, f->alice, "GET", NULL,
                                  "/api/v1/floors/%" G_GINT64_FORMAT "/availability?date=%s",
                                  f->floor, later);
    g_assert_cmpint (platz_test_int (capped, "rooms.0.limit"), ==, 1);
  }
}

static void
test_policy_rules (Fixture *f, gconstpointer data)
{
  g_autofree char *yesterday = platz_test_date (-1, "Europe/Berlin");
  g_autofree char *far = platz_test_date (15, "Europe/Berlin");
  g_autoptr(PlatzTestResponse) past = BOOK (f, f->alice, f->desk[0], yesterday, "am");
  g_autoptr(PlatzTestResponse) window = BOOK (f, f->alice, f->desk[0], far, "am");
  g_autoptr(PlatzTestResponse) eligible = BOOK (f, f->alice, f->head_desk, f->day, "am");
  g_autoptr(PlatzTestResponse) head_ok = BOOK (f, f->carla, f->head_desk, f->day, "am");
  g_autoptr(PlatzTestResponse) block = NULL;
  g_autoptr(PlatzTestResponse) blocked = NULL;
  g_autoptr(PlatzTestResponse) assign = NULL;
  g_autoptr(PlatzTestResponse) assigned = NULL;
  g_autoptr(PlatzTestResponse) owner = NULL;
  g_autoptr(PlatzTestResponse) release = NULL;
  g_autoptr(PlatzTestResponse) released = NULL;
  g_autoptr(PlatzTestResponse) bad = NULL;
  g_autoptr(PlatzTestResponse) unknown = NULL;
  g_autoptr(PlatzTestResponse) meeting_desk = NULL;

  platz_assert_error (past, 422, "policy_violation", "in_the_past");
  platz_assert_error (window, 422, "policy_violation", "outside_booking_window");
  platz_assert_error (eligible, 422, "policy_violation", "not_eligible");
  platz_assert_status (head_ok, 201);

  block = platz_test_requestf (f->server, f->admin, "PATCH",
                               "{\"bookable\":false,\"blocked_reason\":\"Stuhl kaputt\"}",
                               "/api/v1/desks/%" G_GINT64_FORMAT, f->desk[2]);
  platz_assert_status (block, 200);
  blocked = BOOK (f, f->alice, f->desk[2], f->day, "am");
  platz_assert_error (blocked, 422, "policy_violation", "desk_blocked");

  {
    g_autofree char *body = g_strdup_printf ("{\"assigned_user_id\":%" G_GINT64_FORMAT "}",
                                             f->bob_id);
    assign = platz_test_requestf (f->server, f->admin, "PATCH", body,
                                  "/api/v1/desks/%" G_GINT64_FORMAT, f->desk[3]);
  }
  platz_assert_status (assign, 200);
  assigned = BOOK (f, f->alice, f->desk[3], f->day, "am");
  platz_assert_error (assigned, 422, "policy_violation", "desk_assigned");
  /* The owner lends the day; then others may book it. */
  release = platz_test_requestf (f->server, f->bob, "PUT", NULL,
                                 "/api/v1/desks/%" G_GINT64_FORMAT "/releases/%s", f->desk[3],
                                 f->day);
  platz_assert_status (release, 204);
  released = BOOK (f, f->alice, f->desk[3], f->day, "am");
  platz_assert_status (released, 201);
  owner = BOOK (f, f->bob, f->desk[3], f->day, "pm");
  platz_assert_status (owner, 201);

  bad = platz_test_request (f->server, f->alice, "POST", "/api/v1/bookings",
                            "{\"desk_id\":1,\"date\":\"2026-13-40\",\"slot\":\"am\"}");
  platz_assert_error (bad, 400, "bad_request", NULL);
  unknown = BOOK (f, f->alice, 9999, f->day, "am");
  platz_assert_error (unknown, 404, "not_found", NULL);
  meeting_desk = platz_test_requestf (f->server, f->alice, "POST",
                                      "{\"desk_id\":1,\"date\":\"2026-12-01\",\"slot\":\"am\","
                                      "\"status\":\"active\"}", "/api/v1/bookings");
  platz_assert_error (meeting_desk, 400, "bad_request", NULL);
}

static void
test_quota (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) p = platz_test_request (f->server, f->admin, "PATCH",
                                                       "/api/v1/policies",
                                                       "{\"max_bookings_per_week\":2,"
                                                       "\"booking_window_days\":30}");
  GDateTime *base;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new_now (berlin);
  char *days[4];

  platz_assert_status (p, 200);
  /* Monday of next week, then Mon, Tue (am+pm counts once), Wed, Thu */
  base = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  for (int i = 0; i < 4; i++)
    {
      GDateTime *d = g_date_time_add_days (base, i);
      days[i] = g_date_time_format (d, "%Y-%m-%d");
      g_date_time_unref (d);
    }
  g_date_time_unref (base);
  {
    g_autoptr(PlatzTestResponse) a = BOOK (f, f->alice, f->desk[0], days[0], "full_day");
    g_autoptr(PlatzTestResponse) b = BOOK (f, f->alice, f->desk[0], days[1], "am");
    g_autoptr(PlatzTestResponse) c = BOOK (f, f->alice, f->desk[1], days[1], "pm");
    g_autoptr(PlatzTestResponse) d = BOOK (f, f->alice, f->desk[0], days[2], "am");
    g_autoptr(PlatzTestResponse) lead = NULL;
    platz_assert_status (a, 201);
    platz_assert_status (b, 201);
    platz_assert_status (c, 201);
    platz_assert_error (d, 422, "policy_violation", "quota_exceeded");
    /* The quota is the booked person's, also when a lead books. */
    {
      g_autofree char *body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                               "\"slot\":\"am\",\"user_id\":%" G_GINT64_FORMAT "}",
                                               f->desk[0], days[3], f->alice_id);
      lead = platz_test_request (f->server, f->carla, "POST", "/api/v1/bookings", body);
    }
    platz_assert_error (lead, 422, "policy_violation", "quota_exceeded");
  }
  for (int i = 0; i < 4; i++)
    g_free (days[i]);
}

static void
test_team_lead_books_for_team (Fixture *f, gconstpointer data)
{
  g_autofree char *for_alice = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                                "\"slot\":\"am\",\"user_id\":%" G_GINT64_FORMAT "}",
                                                f->desk[0], f->day, f->alice_id);
  g_autofree char *for_dora = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                               "\"slot\":\"am\",\"user_id\":%" G_GINT64_FORMAT "}",
                                               f->desk[1], f->day, f->dora_id);
  g_autoptr(PlatzTestResponse) ok = platz_test_request (f->server, f->carla, "POST",
                                                        "/api/v1/bookings", for_alice);
  g_autoptr(PlatzTestResponse) other_team = platz_test_request (f->server, f->carla, "POST",
                                                                "/api/v1/bookings", for_dora);
  g_autoptr(PlatzTestResponse) by_employee = platz_test_request (f->server, f->bob, "POST",
                                                                 "/api/v1/bookings", for_dora);
  g_autoptr(PlatzTestResponse) team = NULL;
  g_autoptr(PlatzTestResponse) team_denied = NULL;
  g_autoptr(PlatzTestResponse) cancel = NULL;

  platz_assert_status (ok, 201);
  g_assert_cmpint (platz_test_int (ok, "user_id"), ==, f->alice_id);
  platz_assert_error (other_team, 403, "forbidden", NULL);
  platz_assert_error (by_employee, 403, "forbidden", NULL);

  team = platz_test_requestf (f->server, f->carla, "GET", NULL,
                              "/api/v1/bookings?from=%s&to=%s&team_id=%" G_GINT64_FORMAT,
                              f->day, f->day, f->team_a);
  platz_assert_status (team, 200);
  g_assert_cmpuint (platz_test_length (team, NULL), ==, 1);
  team_denied = platz_test_requestf (f->server, f->carla, "GET", NULL,
                                     "/api/v1/bookings?team_id=%" G_GINT64_FORMAT, f->team_b);
  platz_assert_error (team_denied, 403, "forbidden", NULL);
  cancel = platz_test_requestf (f->server, f->carla, "DELETE", NULL,
                                "/api/v1/bookings/%" G_GINT64_FORMAT, platz_test_int (ok, "id"));
  platz_assert_status (cancel, 204);
}

static void
test_check_in (Fixture *f, gconstpointer data)
{
  g_autofree char *today = platz_test_date (0, "Europe/Berlin");
  g_autoptr(PlatzTestResponse) p = platz_test_request (f->server, f->admin, "PATCH",
                                                       "/api/v1/policies",
                                                       "{\"check_in_deadline\":\"23:59\"}");
  g_autoptr(PlatzTestResponse) b = BOOK (f, f->alice, f->desk[0], today, "pm");
  g_autoptr(PlatzTestResponse) later = BOOK (f, f->alice, f->desk[0], f->day, "am");
  g_autoptr(PlatzTestResponse) in = NULL;
  g_autoptr(PlatzTestResponse) not_today = NULL;
  g_autoptr(PlatzTestResponse) not_mine = NULL;

  platz_assert_status (p, 200);
  platz_assert_status (b, 201);
  platz_assert_status (later, 201);
  not_mine = platz_test_requestf (f->server, f->bob, "POST", NULL,
                                  "/api/v1/bookings/%" G_GINT64_FORMAT "/check-in",
                                  platz_test_int (b, "id"));
  platz_assert_error (not_mine, 403, "forbidden", NULL);
  in = platz_test_requestf (f->server, f->alice, "POST", NULL,
                            "/api/v1/bookings/%" G_GINT64_FORMAT "/check-in",
                            platz_test_int (b, "id"));
  platz_assert_status (in, 200);
  g_assert_nonnull (platz_test_str (in, "checked_in_at"));
  not_today = platz_test_requestf (f->server, f->alice, "POST", NULL,
                                   "/api/v1/bookings/%" G_GINT64_FORMAT "/check-in",
                                   platz_test_int (later, "id"));
  platz_assert_error (not_today, 422, "policy_violation", "not_today");
}

/* The no-show release: a morning booking made before the deadline and not
 * checked in is released once the deadline has passed. */
static void
test_no_show_release (Fixture *f, gconstpointer data)
{
  g_autofree char *today = platz_test_date (0, "Europe/Berlin");
  g_autoptr(PlatzTestResponse) b = BOOK (f, f->alice, f->desk[0], today, "full_day");
  g_autoptr(PlatzTestResponse) p = NULL;
  g_autoptr(PlatzTestResponse) after = NULL;
  g_autoptr(PlatzTestResponse) check = NULL;
  sqlite3 *db;
  g_autofree char *sql = NULL;

  platz_assert_status (b, 201);
  /* Pretend the booking was made early this morning, then let the
   * deadline be midnight: it has passed. */
  g_assert_cmpint (sqlite3_open (f->server->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sql = g_strdup_printf ("UPDATE bookings SET created_at = '2000-01-01T00:00:00Z' WHERE id = %"
                         G_GINT64_FORMAT, platz_test_int (b, "id"));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  p = platz_test_request (f->server, f->admin, "PATCH", "/api/v1/policies",
                          "{\"check_in_deadline\":\"00:00\"}");
  platz_assert_status (p, 200);
  /* The timer runs at start and every 30 s: restart to run it now. */
  platz_test_server_restart (f->server);
  after = platz_test_requestf (f->server, f->alice, "GET", NULL,
                               "/api/v1/bookings?from=%s&to=%s&status=all", today, today);
  platz_assert_status (after, 200);
  g_assert_cmpstr (platz_test_str (after, "0.status"), ==, "released");
  check = platz_test_requestf (f->server, f->alice, "POST", NULL,
                               "/api/v1/bookings/%" G_GINT64_FORMAT "/check-in",
                               platz_test_int (b, "id"));
  platz_assert_error (check, 409, "conflict", NULL);
}

/* A desk held on a past day: the viewer's own (mine, with their name) or
 * someone else's (booked, no name). */
static void
assert_past_desk (PlatzTestResponse *r,
                  guint              index,
                  const char        *own_name)
{
  g_autofree char *am = g_strdup_printf ("desks.%u.am", index);
  g_autofree char *pm = g_strdup_printf ("desks.%u.pm", index);
  g_autofree char *name = g_strdup_printf ("desks.%u.booked_by", index);

  g_assert_cmpstr (platz_test_str (r, am), ==, own_name ? "mine" : "booked");
  g_assert_cmpstr (platz_test_str (r, pm), ==, own_name ? "mine" : "booked");
  if (own_name != NULL)
    g_assert_cmpstr (platz_test_str (r, name), ==, own_name);
  else
    g_assert_null (platz_test_member (r, name));
}

/* Availability shows who sits where from today on (for those who share
 * their presence), never who sat where: a past date names only oneself. */
static void
test_past_availability (Fixture *f, gconstpointer data)
{
  g_autofree char *yesterday = platz_test_date (-1, "Europe/Berlin");
  g_autoptr(PlatzTestResponse) share = NULL;
  g_autoptr(PlatzTestResponse) future = NULL;
  g_autoptr(PlatzTestResponse) booked = NULL;
  const char *viewers[] = { f->alice, f->bob, f->carla, f->dora, f->admin };

  share = platz_test_request (f->server, f->alice, "PATCH", "/api/v1/me",
                              "{\"share_presence\":true}");
  platz_assert_status (share, 200);
  insert_booking (f, f->desk[0], f->alice_id, yesterday, "active");
  insert_booking (f, f->head_desk, f->carla_id, yesterday, "active");
  booked = BOOK (f, f->alice, f->desk[0], f->day, "full_day");
  platz_assert_status (booked, 201);

  /* Ahead: alice shares, so her colleagues see her name. */
  future = platz_test_requestf (f->server, f->bob, "GET", NULL,
                                "/api/v1/floors/%" G_GINT64_FORMAT "/availability?date=%s",
                                f->floor, f->day);
  platz_assert_status (future, 200);
  g_assert_cmpstr (platz_test_str (future, "desks.0.booked_by"), ==, "alice Example");

  /* Yesterday: her own view first (it fills the floor cache), then
   * everyone else's, the team's head and an admin included. */
  for (guint i = 0; i < G_N_ELEMENTS (viewers); i++)
    {
      g_autoptr(PlatzTestResponse) past = NULL;

      past = platz_test_requestf (f->server, viewers[i], "GET", NULL,
                                  "/api/v1/floors/%" G_GINT64_FORMAT "/availability?date=%s",
                                  f->floor, yesterday);
      g_test_message ("viewer %u", i);
      platz_assert_status (past, 200);
      g_assert_cmpint (platz_test_int (past, "desks.0.id"), ==, f->desk[0]);
      g_assert_cmpint (platz_test_int (past, "desks.4.id"), ==, f->head_desk);
      assert_past_desk (past, 0, i == 0 ? "alice Example" : NULL);
      assert_past_desk (past, 4, i == 2 ? "carla Example" : NULL);
    }
}

/* The dates of a list of bookings, comma-separated. */
static char *
booking_dates (PlatzTestResponse *r)
{
  JsonArray *list = json_node_get_array (r->json);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (out, "%s%s", i ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (list,
                                                                                          i),
                                                           "date"));
  return g_string_free (out, FALSE);
}

/* A team's or a room's bookings list other people from today on only;
 * one's own list keeps its past. */
static void
test_past_bookings_hidden (Fixture *f, gconstpointer data)
{
  g_autofree char *today = platz_test_date (0, "Europe/Berlin");
  g_autofree char *yesterday = platz_test_date (-1, "Europe/Berlin");
  g_autofree char *week_ago = platz_test_date (-7, "Europe/Berlin");
  g_autofree char *expected = NULL;
  g_autofree char *fred = NULL;
  g_autoptr(PlatzTestResponse) ahead = BOOK (f, f->alice, f->desk[0], f->day, "full_day");
  g_autoptr(PlatzTestResponse) own = NULL;
  gint64 past, released;
  struct {
    const char *who;
    const char *filter;
    gboolean    all;
  } cases[] = {
    { "carla", "team_id", FALSE },
    { "carla", "team_id", TRUE },
    { "admin", "team_id", TRUE },
    { "fred", "room_id", FALSE },
    { "fred", "room_id", TRUE },
    { "admin", "room_id", TRUE },
  };

  platz_assert_status (ahead, 201);
  make_user (f, "fred", "facility_manager", "staff", f->team_b);
  fred = login (f, "fred");
  past = insert_booking (f, f->desk[1], f->alice_id, yesterday, "active");
  released = insert_booking (f, f->desk[2], f->bob_id, week_ago, "released");
  insert_booking (f, f->desk[1], f->bob_id, today, "active");

  expected = g_strdup_printf ("%s,%s", today, f->day);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *token = g_str_equal (cases[i].who, "carla") ? f->carla
                        : g_str_equal (cases[i].who, "fred") ? fred : f->admin;
      gint64 id = g_str_equal (cases[i].filter, "team_id") ? f->team_a : f->triple;
      g_autofree char *filter = g_strdup_printf ("%s=%" G_GINT64_FORMAT "%s", cases[i].filter, id,
                                                 cases[i].all ? "&status=all" : "");
      g_autofree char *dates = NULL;
      g_autoptr(PlatzTestResponse) r = NULL;

      r = platz_test_requestf (f->server, token, "GET", NULL, "/api/v1/bookings?from=%s&to=%s&%s",
                               week_ago, f->day, filter);
      g_test_message ("case %u: %s %s", i, cases[i].who, filter);
      platz_assert_status (r, 200);
      dates = booking_dates (r);
      g_assert_cmpstr (dates, ==, expected);
    }

  /* One's own history stays. */
  own = platz_test_requestf (f->server, f->alice, "GET", NULL, "/api/v1/bookings?from=%s&to=%s",
                             week_ago, f->day);
  platz_assert_status (own, 200);
  {
    g_autofree char *dates = booking_dates (own);
    g_autofree char *mine = g_strdup_printf ("%s,%s", yesterday, f->day);
    g_assert_cmpstr (dates, ==, mine);
  }

  /* One by one: the owner reads it, nobody else. */
  {
    const char *others[] = { f->carla, f->admin, fred };
    g_autoptr(PlatzTestResponse) mine = platz_test_requestf (f->server, f->alice, "GET", NULL,
                                                             "/api/v1/bookings/%" G_GINT64_FORMAT,
                                                             past);
    platz_assert_status (mine, 200);
    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autoptr(PlatzTestResponse) r = NULL;
        g_autoptr(PlatzTestResponse) r2 = NULL;

        r = platz_test_requestf (f->server, others[i], "GET", NULL,
                                 "/api/v1/bookings/%" G_GINT64_FORMAT, past);
        platz_assert_error (r, 403, "forbidden", NULL);
        r2 = platz_test_requestf (f->server, others[i], "GET", NULL,
                                  "/api/v1/bookings/%" G_GINT64_FORMAT, released);
        platz_assert_error (r2, 403, "forbidden", NULL);
      }
  }
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) all = NULL;
  g_autoptr(PlatzTestResponse) equip = NULL;
  g_autoptr(PlatzTestResponse) bad = NULL;
  g_autoptr(PlatzTestResponse) b = BOOK (f, f->bob, f->desk[0], f->day, "am");

  platz_assert_status (b, 201);
  all = platz_test_requestf (f->server, f->alice, "GET", NULL,
                             "/api/v1/desks/search?date=%s&slot=am&site_id=%" G_GINT64_FORMAT,
                             f->day, f->site);
  platz_assert_status (all, 200);
  /* Desk 1 is taken, the head desk is not for staff: desks 2-4 remain. */
  g_assert_cmpuint (platz_test_length (all, NULL), ==, 3);
  g_assert_cmpstr (platz_test_str (all, "0.room_name"), ==, "1.01");
  equip = platz_test_requestf (f->server, f->alice, "GET", NULL,
                               "/api/v1/desks/search?date=%s&slot=full_day"
                               "&equipment=height_adjustable,docking_station", f->day);
  g_assert_cmpuint (platz_test_length (equip, NULL), ==, 1);
  g_assert_cmpint (platz_test_int (equip, "0.id"), ==, f->desk[1]);
  bad = platz_test_requestf (f->server, f->alice, "GET", NULL,
                             "/api/v1/desks/search?date=%s&slot=evening", f->day);
  platz_assert_error (bad, 400, "bad_request", NULL);
}

static void
test_delete_with_future_bookings (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) b = BOOK (f, f->alice, f->desk[0], f->day, "am");
  g_autoptr(PlatzTestResponse) refused = NULL;
  g_autoptr(PlatzTestResponse) forced = NULL;
  g_autoptr(PlatzTestResponse) after = NULL;

  platz_assert_status (b, 201);
  refused = platz_test_requestf (f->server, f->admin, "DELETE", NULL,
                                 "/api/v1/rooms/%" G_GINT64_FORMAT, f->triple);
  platz_assert_error (refused, 409, "conflict", "has_future_bookings");
  forced = platz_test_requestf (f->server, f->admin, "DELETE", NULL,
                                "/api/v1/rooms/%" G_GINT64_FORMAT "?force=true", f->triple);
  platz_assert_status (forced, 204);
  after = platz_test_requestf (f->server, f->alice, "GET", NULL,
                               "/api/v1/bookings?from=%s&to=%s", f->day, f->day);
  g_assert_cmpuint (platz_test_length (after, NULL), ==, 0);
}

/* 30 clients book the same desk at the same moment: one wins. */
typedef struct {
  Fixture *f;
  char    *token;
  SoupSession *session;
  guint    status;
  char    *reason;
} Racer;

/* Each racer is a client of its own, with its own connection. */
static gpointer
race_thread (gpointer data)
{
  Racer *racer = data;
  g_autofree char *body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                           "\"slot\":\"full_day\"}", racer->f->desk[1],
                                           racer->f->day);
  g_autoptr(PlatzTestResponse) r = platz_test_request_full (racer->f->server, racer->session,
                                                            racer->token, "POST",
                                                            "/api/v1/bookings", body);

  racer->status = r->status;
  racer->reason = g_strdup (platz_test_str (r, "error.reason"));
  return NULL;
}

static void
test_concurrent_same_desk (Fixture *f, gconstpointer data)
{
  enum { N = 30 };
  Racer racers[N];
  GThread *threads[N];
  guint created = 0, taken = 0;

  for (int i = 0; i < N; i++)
    {
      g_autofree char *name = g_strdup_printf ("racer%02d", i);
      make_user (f, name, "employee", "staff", f->team_b);
      racers[i].f = f;
      racers[i].token = login (f, name);
      racers[i].reason = NULL;
      racers[i].session = soup_session_new_with_options ("timeout", 30, NULL);
    }
  for (int i = 0; i < N; i++)
    threads[i] = g_thread_new ("racer", race_thread, &racers[i]);
  for (int i = 0; i < N; i++)
    {
      g_thread_join (threads[i]);
      if (racers[i].status == 201)
        created++;
      else if (racers[i].status == 409 && g_strcmp0 (racers[i].reason, "desk_taken") == 0)
        taken++;
      else
        g_error ("racer %d got %u %s", i, racers[i].status, racers[i].reason);
      g_free (racers[i].token);
      g_free (racers[i].reason);
      g_object_unref (racers[i].session);
    }
  g_assert_cmpuint (created, ==, 1);
  g_assert_cmpuint (taken, ==, N - 1);
}

/* Every acknowledged booking survives kill -9. */
static void
test_kill_durability (Fixture *f, gconstpointer data)
{
  enum { N = 40 };
  gint64 ids[N];
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  guint acknowledged = 0;

  /* More desks and people: one booking per user and desk-half. */
  for (int i = 0; i < N; i++)
    {
      g_autofree char *name = g_strdup_printf ("k%02d", i);
      make_user (f, name, "employee", "staff", f->team_b);
      g_ptr_array_add (tokens, login (f, name));
    }
  for (int i = 0; i < N; i++)
    {
      g_autofree char *date = platz_test_date (1 + i / 8, "Europe/Berlin");
      g_autoptr(PlatzTestResponse) r = BOOK (f, tokens->pdata[i], f->desk[(i / 2) % 3], date,
                                             i % 2 ? "pm" : "am");
      ids[i] = r->status == 201 ? platz_test_int (r, "id") : 0;
      if (ids[i])
        acknowledged++;
    }
  g_assert_cmpuint (acknowledged, >, N / 2);
  platz_test_server_kill (f->server, SIGKILL);
  platz_test_server_restart (f->server);
  for (int i = 0; i < N; i++)
    {
      g_autoptr(PlatzTestResponse) r = NULL;
      if (ids[i] == 0)
        continue;
      r = platz_test_requestf (f->server, tokens->pdata[i], "GET", NULL,
                               "/api/v1/bookings/%" G_GINT64_FORMAT, ids[i]);
      platz_assert_status (r, 200);
      g_assert_cmpstr (platz_test_str (r, "status"), ==, "active");
    }
}

/* A site may close weekdays: its desks cannot be booked then, show as
 * blocked, and its rooms have no limit those days. */
static void
test_closed_weekdays (Fixture *f, gconstpointer data)
{
  static const char * const bad[] = { "[0]", "[8]", "[1,1]", "[\"sat\"]", "[1.5]", "6", "null" };
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new_now (berlin);
  /* The first Saturday at least two days ahead, and the Friday before. */
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) saturday =
    g_date_time_add_days (soon, (6 - g_date_time_get_day_of_week (soon) + 7) % 7);
  g_autoptr(GDateTime) friday = g_date_time_add_days (saturday, -1);
  g_autofree char *sat = g_date_time_format (saturday, "%Y-%m-%d");
  g_autofree char *fri = g_date_time_format (friday, "%Y-%m-%d");
  g_autofree char *site_path = g_strdup_printf ("/api/v1/sites/%" G_GINT64_FORMAT, f->site);
  g_autoptr(PlatzTestResponse) site = NULL;
  g_autoptr(PlatzTestResponse) refused = NULL;
  g_autoptr(PlatzTestResponse) avail = NULL;
  g_autoptr(PlatzTestResponse) open_day = NULL;
  g_autoptr(PlatzTestResponse) reopened = NULL;
  g_autoptr(PlatzTestResponse) booked = NULL;
  g_autoptr(PlatzTestResponse) report = NULL;
  guint n;

  g_assert_cmpint (g_date_time_get_day_of_week (saturday), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"closed_weekdays\":%s}", bad[i]);
      g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->admin, "PATCH",
                                                           site_path, body);
      platz_assert_error (r, 400, "bad_request", NULL);
    }
  site = platz_test_request (f->server, f->admin, "PATCH", site_path,
                             "{\"closed_weekdays\":[7,6]}");
  platz_assert_status (site, 200);
  g_assert_cmpuint (platz_test_length (site, "closed_weekdays"), ==, 2);
  g_assert_cmpint (platz_test_int (site, "closed_weekdays.0"), ==, 6);
  g_assert_cmpint (platz_test_int (site, "closed_weekdays.1"), ==, 7);

  refused = BOOK (f, f->alice, f->desk[0], sat, "full_day");
  platz_assert_error (refused, 422, "policy_violation", "desk_blocked");
  g_assert_nonnull (strstr (platz_test_str (refused, "error.message"), "Saturdays"));

  avail = platz_test_requestf (f->server, f->alice, "GET", NULL,
                               "/api/v1/floors/%" G_GINT64_FORMAT "/availability?date=%s",
                               f->floor, sat);
  platz_assert_status (avail, 200);
  n = platz_test_length (avail, "desks");
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *am = g_strdup_printf ("desks.%u.am", i);
      g_autofree char *pm = g_strdup_printf ("desks.%u.pm", i);
      g_assert_cmpstr (platz_test_str (avail, am), ==, "blocked");
      g_assert_cmpstr (platz_test_str (avail, pm), ==, "blocked");
    }
  n = platz_test_length (avail, "rooms");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *limit = g_strdup_printf ("rooms.%u.limit", i);
      g_assert_cmpint (platz_test_int (avail, limit), ==, 0);
    }

  open_day = BOOK (f, f->alice, f->desk[0], fri, "am");
  platz_assert_status (open_day, 201);

  /* Rooms of their own in the report (not merged below 5 people). */
  platz_test_response_free (platz_test_request (f->server, f->admin, "PATCH", "/api/v1/policies",
                                                "{\"report_min_group\":1}"));
  report = platz_test_requestf (f->server, f->admin, "GET", NULL,
                                "/api/v1/reports/utilisation?from=%s&to=%s&site_id=%"
                                G_GINT64_FORMAT, fri, sat, f->site);
  platz_assert_status (report, 200);
  n = platz_test_length (report, "rows");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *room = g_strdup_printf ("rows.%u.room_id", i);
      g_autofree char *date = g_strdup_printf ("rows.%u.date", i);
      g_autofree char *limit = g_strdup_printf ("rows.%u.limit", i);

      if (platz_test_int (report, room) == f->triple)
        g_assert_cmpint (platz_test_int (report, limit), ==,
                         g_str_equal (platz_test_str (report, date), sat) ? 0 : 3);
    }

  reopened = platz_test_request (f->server, f->admin, "PATCH", site_path,
                                 "{\"closed_weekdays\":[]}");
  platz_assert_status (reopened, 200);
  g_assert_cmpuint (platz_test_length (reopened, "closed_weekdays"), ==, 0);
  booked = BOOK (f, f->alice, f->desk[0], sat, "full_day");
  platz_assert_status (booked, 201);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/bookings/book-and-cancel", test_book_and_cancel);
  ADD ("/bookings/desk-taken", test_desk_taken);
  ADD ("/bookings/user-already-booked", test_user_already_booked);
  ADD ("/bookings/room-full-and-cap", test_room_full_and_cap);
  ADD ("/bookings/policy-rules", test_policy_rules);
  ADD ("/bookings/quota", test_quota);
  ADD ("/bookings/team-lead", test_team_lead_books_for_team);
  ADD ("/bookings/check-in", test_check_in);
  ADD ("/bookings/no-show-release", test_no_show_release);
  ADD ("/bookings/search", test_search);
  ADD ("/bookings/past-availability", test_past_availability);
  ADD ("/bookings/past-hidden", test_past_bookings_hidden);
  ADD ("/bookings/closed-weekdays", test_closed_weekdays);
  ADD ("/bookings/delete-with-future", test_delete_with_future_bookings);
  ADD ("/bookings/concurrent-same-desk", test_concurrent_same_desk);
  ADD ("/bookings/kill-durability", test_kill_durability);
  return g_test_run ();
}
