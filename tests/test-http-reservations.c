/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Room reservations against a real platzd: meeting rooms and lounges by
 * time (booking rule 4), project offices by whole days and weekly series
 * (rule 5), every reason in the contract's order of checks, privacy of the list,
 * cancelling, and the free-room search.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "platz-test-server.h"

#define ZONE "Europe/Berlin"

typedef struct {
  PlatzTestServer *server;
  char  *admin;
  char  *alice;      /* employee, team A */
  char  *bob;        /* employee, team A */
  char  *carla;      /* team lead of A */
  char  *dora;       /* employee, team B */
  char  *fiona;      /* facility manager */
  gint64 alice_id, carla_id, team_a, team_b;
  gint64 site, building, floor;
  gint64 meeting;    /* capacity 6, screen + video_conference */
  gint64 small;      /* capacity 2, screen */
  gint64 lounge;     /* reservable, no seat count */
  gint64 walk_in;    /* lounge, reservable = false */
  gint64 project;
  gint64 office;
  char  *day;        /* a weekday two or more days ahead (Berlin) */
} Fixture;

/* Auxiliary */

static gint64
make_user (Fixture    *f,
           const char *name,
           const char *role,
           gint64      team)
{
  g_autofree char *team_text = team > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, team)
                                        : g_strdup ("null");

  return platz_test_create (f->server, f->admin, "/api/v1/users",
                            "{\"username\":\"%s\",\"display_name\":\"%s Example\",\"role\":\"%s\","
                            "\"team_id\":%s,\"password\":\"%s-password\"}", name, name, role,
                            team_text, name);
}

static char *
login (Fixture    *f,
       const char *name)
{
  g_autofree char *pw = g_strdup_printf ("%s-password", name);
  return platz_test_login (f->server, name, pw);
}

static gint64
make_room (Fixture    *f,
           const char *name,
           const char *kind,
           const char *extra)
{
  return platz_test_create (f->server, f->admin, "/api/v1/rooms",
                            "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"%s\",\"kind\":\"%s\"%s}",
                            f->floor, name, kind, extra);
}

/* "2026-12-01" + "09:00" -> "2026-12-01T09:00:00+01:00", Berlin time */
static char *
at (const char *day,
    const char *hhmm)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &mo, &d), ==, 3);
  g_assert_cmpint (sscanf (hhmm, "%d:%d", &h, &mi), ==, 2);
  dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static PlatzTestResponse *post (Fixture    *f,
                                const char *token,
                                const char *format,
                                ...) G_GNUC_PRINTF (3, 4);

static PlatzTestResponse *
post (Fixture    *f,
      const char *token,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *body = NULL;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);
  return platz_test_request (f->server, token, "POST", "/api/v1/reservations", body);
}

/* A reservation by time; extra is appended inside the object. */
static PlatzTestResponse *
meet (Fixture    *f,
      const char *token,
      gint64      room,
      const char *day,
      const char *from,
      const char *to,
      const char *extra)
{
  g_autofree char *start = at (day, from);
  g_autofree char *end = at (day, to);

  return post (f, token, "{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"%s}",
               room, start, end, extra ? extra : "");
}

/* A project-office reservation; extra is appended inside the object. */
static PlatzTestResponse *
days (Fixture    *f,
      const char *token,
      gint64      team,
      const char *from,
      const char *to,
      const char *extra)
{
  return post (f, token, "{\"room_id\":%" G_GINT64_FORMAT ",\"team_id\":%" G_GINT64_FORMAT ","
               "\"from_date\":\"%s\",\"to_date\":\"%s\"%s}", f->project, team, from, to,
               extra ? extra : "");
}

static PlatzTestResponse *
list (Fixture    *f,
      const char *token,
      const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/reservations?", query, NULL);
  return platz_test_request (f->server, token, "GET", path, NULL);
}

static char *
add_days (const char *day,
          int         n)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, day);
  g_assert_true (g_date_valid (&d));
  if (n >= 0)
    g_date_add_days (&d, n);
  else
    g_date_subtract_days (&d, -n);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static int
weekday_of (const char *day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, day);
  return g_date_get_weekday (&d);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->server = platz_test_server_start (NULL);
  f->admin = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  f->site = platz_test_create (f->server, f->admin, "/api/v1/sites",
                               "{\"name\":\"Rathaus\",\"timezone\":\"" ZONE "\"}");
  f->building = platz_test_create (f->server, f->admin, "/api/v1/buildings",
                                   "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"Haus A\"}",
                                   f->site);
  f->floor = platz_test_create (f->server, f->admin, "/api/v1/floors",
                                "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"2. OG\"}",
                                f->building);
  f->meeting = make_room (f, "Elbe", "meeting_room",
                          ",\"capacity\":6,\"equipment\":[\"screen\",\"video_conference\"]");
  f->small = make_room (f, "Alster", "meeting_room", ",\"capacity\":2,\"equipment\":[\"screen\"]");
  f->lounge = make_room (f, "Lounge", "lounge", "");
  f->walk_in = make_room (f, "Kaffee", "lounge", ",\"reservable\":false,\"capacity\":10");
  f->project = make_room (f, "Projektraum", "project_office", ",\"capacity\":8");
  f->office = make_room (f, "2.01", "office", ",\"area_m2\":20");

  f->team_a = platz_test_create (f->server, f->admin, "/api/v1/teams", "{\"name\":\"Bauamt\"}");
  f->team_b = platz_test_create (f->server, f->admin, "/api/v1/teams", "{\"name\":\"Kasse\"}");
  f->alice_id = make_user (f, "alice", "employee", f->team_a);
  make_user (f, "bob", "employee", f->team_a);
  f->carla_id = make_user (f, "carla", "team_lead", f->team_a);
  make_user (f, "dora", "employee", f->team_b);
  make_user (f, "fiona", "facility_manager", 0);
  g_assert_cmpint (f->team_a, ==, 1);   /* the tables below say team 1 */
  g_assert_cmpint (f->meeting, ==, 1);
  {
    g_autofree char *body = g_strdup_printf ("{\"lead_user_id\":%" G_GINT64_FORMAT "}",
                                             f->carla_id);
    g_autoptr(PlatzTestResponse) r = platz_test_requestf (f->server, f->admin, "PATCH", body,
                                                          "/api/v1/teams/%" G_GINT64_FORMAT,
                                                          f->team_a);
    platz_assert_status (r, 200);
  }
  f->alice = login (f, "alice");
  f->bob = login (f, "bob");
  f->carla = login (f, "carla");
  f->dora = login (f, "dora");
  f->fiona = login (f, "fiona");
  f->day = platz_test_weekday (2, ZONE);
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
  g_free (f->fiona);
  g_free (f->day);
}

/* Meeting rooms and lounges */

static void
test_meeting_room (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) r = meet (f, f->alice, f->meeting, f->day, "09:00", "10:00",
                                         ",\"title\":\"Planung\",\"attendees\":4");
  g_autoptr(PlatzTestResponse) overlap = NULL;
  g_autoptr(PlatzTestResponse) inside = NULL;
  g_autoptr(PlatzTestResponse) touching = NULL;
  g_autoptr(PlatzTestResponse) before = NULL;
  g_autoptr(PlatzTestResponse) other_room = NULL;
  g_autoptr(PlatzTestResponse) lounge = NULL;
  g_autoptr(PlatzTestResponse) all = NULL;
  g_autofree char *start = at (f->day, "09:00");
  g_autofree char *end = at (f->day, "10:00");

  platz_assert_status (r, 201);
  g_assert_cmpint (platz_test_int (r, "id"), >, 0);
  g_assert_cmpint (platz_test_int (r, "room_id"), ==, f->meeting);
  g_assert_cmpint (platz_test_int (r, "user_id"), ==, f->alice_id);
  g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (r, "team_id")));
  g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (r, "series_id")));
  g_assert_cmpstr (platz_test_str (r, "start"), ==, start);
  g_assert_cmpstr (platz_test_str (r, "end"), ==, end);
  g_assert_cmpstr (platz_test_str (r, "title"), ==, "Planung");
  g_assert_cmpint (platz_test_int (r, "attendees"), ==, 4);
  g_assert_cmpstr (platz_test_str (r, "room_name"), ==, "Elbe");
  g_assert_cmpuint (platz_test_length (r, "occurrences"), ==, 1);
  g_assert_cmpint (platz_test_int (r, "occurrences.0.id"), ==, platz_test_int (r, "id"));

  /* Half-open ranges: overlapping is refused, touching is fine. */
  overlap = meet (f, f->bob, f->meeting, f->day, "09:30", "10:30", NULL);
  platz_assert_error (overlap, 409, "conflict", "room_taken");
  inside = meet (f, f->bob, f->meeting, f->day, "09:15", "09:45", NULL);
  platz_assert_error (inside, 409, "conflict", "room_taken");
  touching = meet (f, f->bob, f->meeting, f->day, "10:00", "11:00", NULL);
  platz_assert_status (touching, 201);
  g_assert_cmpint (platz_test_int (touching, "attendees"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (touching, "title")));
  before = meet (f, f->bob, f->meeting, f->day, "08:00", "09:00", NULL);
  platz_assert_status (before, 201);
  other_room = meet (f, f->bob, f->small, f->day, "09:00", "10:00", NULL);
  platz_assert_status (other_room, 201);
  /* A lounge without a recorded seat count takes any number. */
  lounge = meet (f, f->bob, f->lounge, f->day, "09:00", "10:00", ",\"attendees\":12");
  platz_assert_status (lounge, 201);

  all = list (f, f->fiona, "room_id=1");
  platz_assert_status (all, 200);
  g_assert_cmpuint (platz_test_length (all, NULL), ==, 3);
  /* ordered by start */
  g_assert_cmpint (platz_test_int (all, "0.id"), ==, platz_test_int (before, "id"));
  g_assert_cmpint (platz_test_int (all, "1.id"), ==, platz_test_int (r, "id"));
  g_assert_cmpint (platz_test_int (all, "2.id"), ==, platz_test_int (touching, "id"));
}

static void
test_time_rules (Fixture *f, gconstpointer data)
{
  g_autofree char *yesterday = add_days (f->day, -3);
  g_autofree char *far = add_days (f->day, 20);
  g_autofree char *next = add_days (f->day, 1);
#define PV 422, "policy_violation",
#define BAD 400, "bad_request", NULL
#define NOT_FOUND 404, "not_found", NULL
#define FORBIDDEN 403, "forbidden", NULL
#define A "alice"
#define D "dora"
  struct {
    const char *token_name;
    gint64      room;
    const char *day;
    const char *from, *to;
    const char *extra;
    guint       status;
    const char *code, *reason;
  } cases[] = {
    { A, f->meeting, yesterday, "09:00", "10:00", NULL, PV "in_the_past" },
    { A, f->meeting, far, "09:00", "10:00", NULL, PV "outside_booking_window" },
    { A, f->meeting, f->day, "05:00", "06:30", NULL, PV "outside_working_hours" },
    { A, f->meeting, f->day, "19:00", "20:15", NULL, PV "outside_working_hours" },
    { A, f->meeting, f->day, "09:07", "10:00", NULL, PV "off_grid" },
    { A, f->meeting, f->day, "09:00", "10:10", NULL, PV "off_grid" },
    { A, f->meeting, f->day, "09:00", "10:00", ",\"attendees\":7", PV "over_capacity" },
    { A, f->walk_in, f->day, "09:00", "10:00", NULL, PV "not_reservable" },
    { A, f->office, f->day, "09:00", "10:00", NULL, PV "not_reservable" },
    { A, 999, f->day, "09:00", "10:00", NULL, NOT_FOUND },
    { A, f->meeting, f->day, "10:00", "09:00", NULL, BAD },
    { A, f->meeting, f->day, "10:00", "10:00", NULL, BAD },
    { A, f->meeting, f->day, "09:00", "10:00", ",\"user_id\":1", BAD },
    { A, f->meeting, f->day, "09:00", "10:00", ",\"colour\":\"red\"", BAD },
    { A, f->meeting, f->day, "09:00", "10:00", ",\"attendees\":\"4\"", BAD },
    { A, f->meeting, f->day, "09:00", "10:00", ",\"attendees\":0", BAD },
    { A, f->meeting, f->day, "09:00", "10:00", ",\"from_date\":\"2030-01-01\"", BAD },
    /* Order of checks: 400 before 404 before 422, then the 422s in order. */
    { A, 999, f->day, "10:00", "09:00", NULL, BAD },
    { A, 999, yesterday, "09:00", "10:00", NULL, NOT_FOUND },
    { A, f->meeting, yesterday, "05:03", "06:00", ",\"attendees\":9", PV "in_the_past" },
    { A, f->meeting, far, "05:03", "06:00", ",\"attendees\":9", PV "outside_booking_window" },
    { A, f->meeting, f->day, "05:03", "06:00", ",\"attendees\":9", PV "outside_working_hours" },
    { A, f->meeting, f->day, "09:03", "10:00", ",\"attendees\":9", PV "off_grid" },
    { A, f->walk_in, yesterday, "09:00", "10:00", NULL, PV "not_reservable" },
    /* A team meeting only for members of the team. */
    { D, f->meeting, f->day, "09:00", "10:00", ",\"team_id\":1", FORBIDDEN },
    { "dora", f->meeting, f->day, "09:00", "10:00", ",\"team_id\":99", 404, "not_found", NULL },
  };

#undef PV
#undef BAD
#undef NOT_FOUND
#undef FORBIDDEN
#undef A
#undef D

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *token = strcmp (cases[i].token_name, "dora") == 0 ? f->dora : f->alice;
      g_autoptr(PlatzTestResponse) r = meet (f, token, cases[i].room, cases[i].day,
                                             cases[i].from, cases[i].to, cases[i].extra);
      g_test_message ("case %u", i);
      platz_assert_error (r, cases[i].status, cases[i].code, cases[i].reason);
    }

  /* Across midnight, and with seconds. */
  {
    g_autofree char *start = at (f->day, "19:00");
    g_autofree char *end = at (next, "07:00");
    g_autofree char *seconds = at (f->day, "09:00");
    g_autofree char *ten = at (f->day, "10:00");
    g_autoptr(PlatzTestResponse) night = NULL;
    g_autoptr(PlatzTestResponse) secs = NULL;

    night = post (f, f->alice, "{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                  f->meeting, start, end);
    platz_assert_error (night, 422, "policy_violation", "outside_working_hours");
    seconds[17] = '3';   /* 09:00:30 */
    secs = post (f, f->alice, "{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                 f->meeting, seconds, ten);
    platz_assert_error (secs, 422, "policy_violation", "off_grid");
  }

  /* Malformed bodies */
  {
    const char *bodies[] = {
      "[]", "{}", "{\"room_id\":1}", "{\"room_id\":1,\"start\":\"2030-01-01T09:00:00+01:00\"}",
      "{\"room_id\":1,\"start\":\"tomorrow\",\"end\":\"2030-01-01T09:00:00+01:00\"}",
      "{\"room_id\":1,\"start\":\"2030-01-01 09:00\",\"end\":\"2030-01-01T10:00:00+01:00\"}",
      "{\"room_id\":\"1\",\"start\":\"2030-01-01T09:00:00Z\",\"end\":\"2030-01-01T10:00:00Z\"}",
      "{\"room_id\":1,\"start\":\"2030-02-30T09:00:00Z\",\"end\":\"2030-02-30T10:00:00Z\"}",
    };
    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->alice, "POST",
                                                             "/api/v1/reservations", bodies[i]);
        g_test_message ("body %u", i);
        platz_assert_error (r, 400, "bad_request", NULL);
      }
  }
}

static void
test_working_hours_edges (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) early = meet (f, f->alice, f->meeting, f->day, "06:00", "06:15",
                                             NULL);
  g_autoptr(PlatzTestResponse) late = meet (f, f->alice, f->meeting, f->day, "19:45", "20:00",
                                            NULL);
  g_autoptr(PlatzTestResponse) patch = NULL;
  g_autoptr(PlatzTestResponse) grid = NULL;
  g_autoptr(PlatzTestResponse) half = NULL;
  g_autoptr(PlatzTestResponse) utc = NULL;
  g_autofree char *start = at (f->day, "11:00");
  g_autoptr(GDateTime) local = g_date_time_new_from_iso8601 (start, NULL);
  g_autoptr(GDateTime) in_utc = g_date_time_to_utc (local);
  g_autofree char *utc_start = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GDateTime) utc_end_dt = g_date_time_add_minutes (in_utc, 30);
  g_autofree char *utc_end = g_date_time_format (utc_end_dt, "%Y-%m-%dT%H:%M:%SZ");

  platz_assert_status (early, 201);
  platz_assert_status (late, 201);

  /* The site's slot policy decides the grid. */
  patch = platz_test_requestf (f->server, f->admin, "PATCH", "{\"slot_minutes\":30}",
                               "/api/v1/policies?site_id=%" G_GINT64_FORMAT, f->site);
  platz_assert_status (patch, 200);
  grid = meet (f, f->alice, f->meeting, f->day, "12:15", "13:00", NULL);
  platz_assert_error (grid, 422, "policy_violation", "off_grid");
  half = meet (f, f->alice, f->meeting, f->day, "12:30", "13:00", NULL);
  platz_assert_status (half, 201);

  /* Any offset is accepted; the answer is in the site's zone. */
  utc = post (f, f->alice, "{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
              f->meeting, utc_start, utc_end);
  platz_assert_status (utc, 201);
  g_assert_cmpstr (platz_test_str (utc, "start"), ==, start);
}

/* Project offices */

static void
test_project_office (Fixture *f, gconstpointer data)
{
  g_autofree char *to = add_days (f->day, 2);
  g_autofree char *midnight = at (f->day, "00:00");
  g_autofree char *next_midnight = NULL;
  g_autofree char *next = add_days (f->day, 1);
  g_autoptr(PlatzTestResponse) r = days (f, f->carla, f->team_a, f->day, to,
                                         ",\"title\":\"Umzug\"");
  g_autoptr(PlatzTestResponse) again = NULL;
  g_autoptr(PlatzTestResponse) admin = NULL;
  g_autofree char *plus3 = add_days (f->day, 3);
  g_autofree char *plus4 = add_days (f->day, 4);
  gint64 id;

  next_midnight = at (next, "00:00");
  platz_assert_status (r, 201);
  id = platz_test_int (r, "id");
  g_assert_cmpint (platz_test_int (r, "series_id"), ==, id);
  g_assert_cmpint (platz_test_int (r, "team_id"), ==, f->team_a);
  g_assert_cmpint (platz_test_int (r, "user_id"), ==, f->carla_id);
  g_assert_cmpstr (platz_test_str (r, "title"), ==, "Umzug");
  g_assert_cmpstr (platz_test_str (r, "start"), ==, midnight);
  g_assert_cmpstr (platz_test_str (r, "end"), ==, next_midnight);
  g_assert_cmpuint (platz_test_length (r, "occurrences"), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("occurrences.%u.series_id", i);
      g_assert_cmpint (platz_test_int (r, path), ==, id);
    }
  g_assert_cmpstr (platz_test_str (r, "occurrences.1.start"), ==, next_midnight);

  /* The same days again: all-or-nothing, every clashing date listed. */
  again = days (f, f->carla, f->team_a, next, plus4, NULL);
  platz_assert_error (again, 409, "conflict", "room_taken");
  g_assert_cmpuint (platz_test_length (again, "error.conflicts"), ==, 2);
  g_assert_cmpstr (platz_test_str (again, "error.conflicts.0"), ==, next);
  g_assert_cmpstr (platz_test_str (again, "error.conflicts.1"), ==, to);

  /* An admin reserves for any team. */
  admin = days (f, f->admin, f->team_b, plus3, plus3, NULL);
  platz_assert_status (admin, 201);
  g_assert_cmpuint (platz_test_length (admin, "occurrences"), ==, 1);
}

static void
test_project_series (Fixture *f, gconstpointer data)
{
  g_autofree char *until = add_days (f->day, 27);
  g_autofree char *block_end = add_days (f->day, 1);
  g_autoptr(PlatzTestResponse) weekly = NULL;
  g_autoptr(PlatzTestResponse) weekdays = NULL;
  g_autoptr(PlatzTestResponse) clash = NULL;
  g_autoptr(PlatzTestResponse) listing = NULL;
  g_autoptr(PlatzTestResponse) before = NULL;
  g_autofree char *query = NULL;
  g_autofree char *until_extra = g_strdup_printf (",\"until\":\"%s\"", until);
  g_autofree char *clash_extra = g_strdup_printf (",\"weekdays\":[%d],\"until\":\"%s\"",
                                                  weekday_of (f->day), until);
  g_autofree char *plus2 = add_days (f->day, 2);
  g_autofree char *plus40 = add_days (f->day, 40);
  g_autofree char *plus53 = add_days (f->day, 53);
  int n;

  /* [day, day+1] repeated every week until day+27: 4 weeks x 2 days. */
  weekly = days (f, f->carla, f->team_a, f->day, block_end, until_extra);
  platz_assert_status (weekly, 201);
  g_assert_cmpuint (platz_test_length (weekly, "occurrences"), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *path = g_strdup_printf ("occurrences.%u.start", i);
      g_autofree char *expected_day = add_days (f->day, (i / 2) * 7 + i % 2);
      g_autofree char *expected = at (expected_day, "00:00");
      g_assert_cmpstr (platz_test_str (weekly, path), ==, expected);
    }

  /* Weekdays pick dates inside [from, to]; weekends of a 14-day range
   * are skipped. */
  weekdays = days (f, f->admin, f->team_b, plus40, plus53, ",\"weekdays\":[1,2,3,4,5]");
  platz_assert_status (weekdays, 201);
  g_assert_cmpuint (platz_test_length (weekdays, "occurrences"), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("occurrences.%u.start", i);
      char date[11];
      g_strlcpy (date, platz_test_str (weekdays, path), sizeof date);
      g_assert_cmpint (weekday_of (date), <=, 5);
    }

  /* Weekdays with until: every such weekday up to until. */
  clash = days (f, f->admin, f->team_b, f->day, f->day, clash_extra);
  platz_assert_error (clash, 409, "conflict", "room_taken");
  g_assert_cmpuint (platz_test_length (clash, "error.conflicts"), ==, 4);
  g_assert_cmpstr (platz_test_str (clash, "error.conflicts.0"), ==, f->day);

  /* Nothing of the refused series was created. */
  query = g_strdup_printf ("from=%s&to=%s&room_id=%" G_GINT64_FORMAT, f->day, until, f->project);
  listing = list (f, f->admin, query);
  platz_assert_status (listing, 200);
  n = platz_test_length (listing, NULL);
  g_assert_cmpint (n, ==, 8);

  /* A free day before the series is still free. */
  before = days (f, f->admin, f->team_b, plus2, plus2, NULL);
  platz_assert_status (before, 201);
}

static void
test_project_rules (Fixture *f, gconstpointer data)
{
  g_autofree char *past = add_days (f->day, -4);
  g_autofree char *far = add_days (f->day, 200);
  g_autofree char *to = add_days (f->day, 1);
  g_autofree char *until_extra = g_strdup_printf (",\"until\":\"%s\"", f->day);
  g_autoptr(PlatzTestResponse) employee = days (f, f->alice, f->team_a, f->day, to, NULL);
  g_autoptr(PlatzTestResponse) manager = days (f, f->fiona, f->team_a, f->day, to, NULL);
  g_autoptr(PlatzTestResponse) other_team = days (f, f->carla, f->team_b, f->day, to, NULL);
  g_autoptr(PlatzTestResponse) in_past = days (f, f->carla, f->team_a, past, to, NULL);
  g_autoptr(PlatzTestResponse) beyond = days (f, f->carla, f->team_a, f->day, far, NULL);
  g_autoptr(PlatzTestResponse) inverted = days (f, f->carla, f->team_a, to, f->day, NULL);
  g_autoptr(PlatzTestResponse) bad_weekday = days (f, f->carla, f->team_a, f->day, to,
                                                   ",\"weekdays\":[0]");
  g_autoptr(PlatzTestResponse) bad_weekdays = days (f, f->carla, f->team_a, f->day, to,
                                                    ",\"weekdays\":\"mon\"");
  g_autoptr(PlatzTestResponse) no_day = NULL;
  g_autoptr(PlatzTestResponse) until_before = days (f, f->carla, f->team_a, f->day, to,
                                                    until_extra);
  g_autoptr(PlatzTestResponse) no_team = NULL;
  g_autoptr(PlatzTestResponse) by_time = NULL;
  g_autoptr(PlatzTestResponse) meeting_by_days = NULL;
  g_autoptr(PlatzTestResponse) unknown_team = days (f, f->carla, 99, f->day, to, NULL);
  g_autoptr(PlatzTestResponse) too_many = NULL;
  g_autoptr(PlatzTestResponse) order = days (f, f->alice, f->team_b, past, to, NULL);

  platz_assert_error (employee, 422, "policy_violation", "role_not_allowed");
  platz_assert_error (manager, 422, "policy_violation", "role_not_allowed");
  platz_assert_error (other_team, 403, "forbidden", NULL);
  platz_assert_error (in_past, 422, "policy_violation", "in_the_past");
  platz_assert_error (beyond, 422, "policy_violation", "outside_booking_window");
  platz_assert_error (inverted, 400, "bad_request", NULL);
  platz_assert_error (bad_weekday, 400, "bad_request", NULL);
  platz_assert_error (bad_weekdays, 400, "bad_request", NULL);
  platz_assert_error (until_before, 400, "bad_request", NULL);
  platz_assert_error (unknown_team, 404, "not_found", NULL);
  platz_assert_error (order, 422, "policy_violation", "role_not_allowed");

  /* A single Monday with weekdays [2]: no date at all. */
  {
    g_autofree char *monday = NULL;
    int wd = weekday_of (f->day);
    monday = add_days (f->day, (8 - wd) % 7);
    no_day = days (f, f->carla, f->team_a, monday, monday, ",\"weekdays\":[2]");
    platz_assert_error (no_day, 400, "bad_request", NULL);
  }

  no_team = post (f, f->carla, "{\"room_id\":%" G_GINT64_FORMAT ",\"from_date\":\"%s\","
                  "\"to_date\":\"%s\"}", f->project, f->day, to);
  platz_assert_error (no_team, 400, "bad_request", NULL);
  by_time = meet (f, f->carla, f->project, f->day, "09:00", "10:00", NULL);
  platz_assert_error (by_time, 400, "bad_request", NULL);
  meeting_by_days = post (f, f->carla, "{\"room_id\":%" G_GINT64_FORMAT ",\"team_id\":%"
                          G_GINT64_FORMAT ",\"from_date\":\"%s\",\"to_date\":\"%s\"}",
                          f->meeting, f->team_a, f->day, to);
  platz_assert_error (meeting_by_days, 400, "bad_request", NULL);
  too_many = days (f, f->carla, f->team_a, f->day, "2099-12-31", NULL);
  platz_assert_error (too_many, 400, "bad_request", NULL);
}

/* A whole day lasts 23 or 25 hours when the clocks change. */
static void
test_project_dst (Fixture *f, gconstpointer data)
{
  g_autofree char *change = NULL;
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 hours;

  for (int i = 1; i < 180 && change == NULL; i++)
    {
      g_autofree char *day = add_days (f->day, i);
      g_autofree char *next = add_days (f->day, i + 1);
      g_autofree char *a = at (day, "00:00");
      g_autofree char *b = at (next, "00:00");
      if (strcmp (a + 19, b + 19) != 0)
        change = g_steal_pointer (&day);
    }
  if (change == NULL)
    {
      g_test_skip ("no DST change in the next 180 days");
      return;
    }
  r = days (f, f->carla, f->team_a, change, change, NULL);
  platz_assert_status (r, 201);
  start = g_date_time_new_from_iso8601 (platz_test_str (r, "start"), NULL);
  end = g_date_time_new_from_iso8601 (platz_test_str (r, "end"), NULL);
  hours = g_date_time_difference (end, start) / G_TIME_SPAN_HOUR;
  g_assert_true (hours == 23 || hours == 25);
  g_assert_true (g_str_has_prefix (platz_test_str (r, "start") + 10, "T00:00:00"));
  g_assert_true (g_str_has_prefix (platz_test_str (r, "end") + 10, "T00:00:00"));
}

/* Reading and cancelling */

static void
test_privacy (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) own = meet (f, f->alice, f->meeting, f->day, "09:00", "10:00",
                                           ",\"title\":\"Personalgespräch\"");
  g_autoptr(PlatzTestResponse) team = meet (f, f->alice, f->meeting, f->day, "11:00", "12:00",
                                            ",\"title\":\"Teamrunde\",\"team_id\":1");
  g_autofree char *query = g_strdup_printf ("from=%s&to=%s", f->day, f->day);
  struct {
    const char *who;
    const char *token;
    gboolean    sees_own, sees_team;
  } viewers[] = {
    { "alice", f->alice, TRUE, TRUE },
    { "bob", f->bob, FALSE, TRUE },       /* same team */
    { "carla", f->carla, FALSE, TRUE },   /* its lead */
    { "dora", f->dora, FALSE, FALSE },    /* another team */
    { "fiona", f->fiona, TRUE, TRUE },    /* facility manager */
    { "admin", f->admin, TRUE, TRUE },
  };

  platz_assert_status (own, 201);
  platz_assert_status (team, 201);
  for (guint i = 0; i < G_N_ELEMENTS (viewers); i++)
    {
      g_autoptr(PlatzTestResponse) r = list (f, viewers[i].token, query);

      g_test_message ("viewer %s", viewers[i].who);
      platz_assert_status (r, 200);
      g_assert_cmpuint (platz_test_length (r, NULL), ==, 2);
      /* Everyone sees that the room is busy. */
      g_assert_cmpint (platz_test_int (r, "0.room_id"), ==, f->meeting);
      g_assert_nonnull (platz_test_str (r, "0.start"));
      if (viewers[i].sees_own)
        {
          g_assert_cmpstr (platz_test_str (r, "0.title"), ==, "Personalgespräch");
          g_assert_cmpint (platz_test_int (r, "0.user_id"), ==, f->alice_id);
        }
      else
        {
          g_assert_null (platz_test_str (r, "0.title"));
          g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (r, "0.user_id")));
        }
      if (viewers[i].sees_team)
        g_assert_cmpstr (platz_test_str (r, "1.title"), ==, "Teamrunde");
      else
        g_assert_null (platz_test_str (r, "1.title"));
    }
}

static void
test_list_filters (Fixture *f, gconstpointer data)
{
  g_autofree char *later = add_days (f->day, 3);
  g_autoptr(PlatzTestResponse) a = meet (f, f->alice, f->meeting, f->day, "09:00", "10:00", NULL);
  g_autoptr(PlatzTestResponse) b = meet (f, f->bob, f->small, f->day, "09:00", "10:00", NULL);
  g_autoptr(PlatzTestResponse) c = meet (f, f->alice, f->small, later, "09:00", "10:00", NULL);
  g_autoptr(PlatzTestResponse) p = days (f, f->carla, f->team_a, later, later, NULL);
  struct {
    const char *token;
    char       *query;
    int         count;   /* -1: expect 400, -2: 404 */
  } cases[] = {
    { f->alice, g_strdup_printf ("from=%s&to=%s", f->day, f->day), 2 },
    { f->alice, g_strdup_printf ("from=%s&to=%s", f->day, later), 4 },
    { f->alice, g_strdup_printf ("from=%s&to=%s&mine=true", f->day, later), 2 },
    { f->alice, g_strdup_printf ("from=%s&to=%s&room_id=%" G_GINT64_FORMAT, f->day, later,
                                 f->small), 2 },
    { f->alice, g_strdup_printf ("from=%s&to=%s&team_id=%" G_GINT64_FORMAT, f->day, later,
                                 f->team_a), 1 },
    { f->alice, g_strdup_printf ("from=%s&to=%s&site_id=%" G_GINT64_FORMAT, f->day, later,
                                 f->site), 4 },
    { f->alice, g_strdup_printf ("from=%s&to=%s", later, later), 2 },
    { f->alice, g_strdup_printf ("to=%s", later), 4 },
    { f->alice, g_strdup (""), 4 },
    { f->alice, g_strdup_printf ("from=%s&to=%s", later, f->day), -1 },
    { f->alice, g_strdup ("from=2026-13-01"), -1 },
    { f->alice, g_strdup ("from=2026-01-01&to=2028-01-01"), -1 },
    { f->alice, g_strdup ("mine=perhaps"), -1 },
    { f->alice, g_strdup ("room_id=abc"), -1 },
    { f->alice, g_strdup ("room_id=999"), -2 },
    { f->alice, g_strdup ("team_id=999"), -2 },
  };

  platz_assert_status (a, 201);
  platz_assert_status (b, 201);
  platz_assert_status (c, 201);
  platz_assert_status (p, 201);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlatzTestResponse) r = list (f, cases[i].token, cases[i].query);

      g_test_message ("query %s", cases[i].query);
      if (cases[i].count == -1)
        platz_assert_error (r, 400, "bad_request", NULL);
      else if (cases[i].count == -2)
        platz_assert_error (r, 404, "not_found", NULL);
      else
        {
          platz_assert_status (r, 200);
          g_assert_cmpint (platz_test_length (r, NULL), ==, cases[i].count);
        }
      g_free (cases[i].query);
    }
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *to = add_days (f->day, 3);
  g_autofree char *query = g_strdup_printf ("from=%s&to=%s", f->day, to);
  g_autoptr(PlatzTestResponse) own = meet (f, f->alice, f->meeting, f->day, "09:00", "10:00", NULL);
  g_autoptr(PlatzTestResponse) team = meet (f, f->alice, f->meeting, f->day, "10:00", "11:00",
                                            ",\"team_id\":1");
  g_autoptr(PlatzTestResponse) other = meet (f, f->alice, f->meeting, f->day, "11:00", "12:00",
                                             NULL);
  g_autoptr(PlatzTestResponse) series = days (f, f->carla, f->team_a, f->day, to, NULL);
  gint64 own_id = platz_test_int (own, "id");
  gint64 series_first = platz_test_int (series, "occurrences.0.id");
  gint64 series_second = platz_test_int (series, "occurrences.1.id");
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autoptr(PlatzTestResponse) listing = NULL;

#define DEL(token, fmt, ...) \
  G_STMT_START { \
    g_clear_pointer (&r, platz_test_response_free); \
    r = platz_test_requestf (f->server, token, "DELETE", NULL, "/api/v1/reservations/" fmt, \
                             __VA_ARGS__); \
  } G_STMT_END

  DEL (f->dora, "%" G_GINT64_FORMAT, own_id);
  platz_assert_error (r, 403, "forbidden", NULL);
  DEL (f->bob, "%" G_GINT64_FORMAT, own_id);
  platz_assert_error (r, 403, "forbidden", NULL);
  DEL (f->carla, "%" G_GINT64_FORMAT, own_id);   /* not a team reservation */
  platz_assert_error (r, 403, "forbidden", NULL);
  DEL (f->alice, "%d", 999);
  platz_assert_error (r, 404, "not_found", NULL);
  DEL (f->alice, "%" G_GINT64_FORMAT "?series=maybe", own_id);
  platz_assert_error (r, 400, "bad_request", NULL);
  DEL (f->alice, "%" G_GINT64_FORMAT, own_id);
  platz_assert_status (r, 204);
  DEL (f->alice, "%" G_GINT64_FORMAT, own_id);
  platz_assert_error (r, 409, "conflict", NULL);

  /* The team's lead cancels a team reservation, facility staff any. */
  DEL (f->carla, "%" G_GINT64_FORMAT, platz_test_int (team, "id"));
  platz_assert_status (r, 204);
  DEL (f->fiona, "%" G_GINT64_FORMAT, platz_test_int (other, "id"));
  platz_assert_status (r, 204);

  /* One occurrence, then the rest of the series; employees of the team
   * may not. */
  DEL (f->alice, "%" G_GINT64_FORMAT, series_first);
  platz_assert_error (r, 403, "forbidden", NULL);
  DEL (f->carla, "%" G_GINT64_FORMAT, series_first);
  platz_assert_status (r, 204);
  listing = list (f, f->carla, query);
  g_assert_cmpuint (platz_test_length (listing, NULL), ==, 3);
  DEL (f->carla, "%" G_GINT64_FORMAT "?series=true", series_second);
  platz_assert_status (r, 204);
  g_clear_pointer (&listing, platz_test_response_free);
  listing = list (f, f->carla, query);
  g_assert_cmpuint (platz_test_length (listing, NULL), ==, 0);

  /* The freed time can be reserved again. */
  g_clear_pointer (&r, platz_test_response_free);
  r = meet (f, f->bob, f->meeting, f->day, "09:00", "10:00", NULL);
  platz_assert_status (r, 201);
  g_clear_pointer (&r, platz_test_response_free);
  r = days (f, f->carla, f->team_a, f->day, f->day, NULL);
  platz_assert_status (r, 201);
#undef DEL
}

/* GET /rooms/search */

static PlatzTestResponse *
search (Fixture    *f,
        const char *from,
        const char *to,
        const char *extra)
{
  g_autofree char *start = at (f->day, from);
  g_autofree char *end = at (f->day, to);
  g_autofree char *path = NULL;

  /* '+' must travel as %2B in a query */
  g_strdelimit (start, "+", '\x01');
  g_strdelimit (end, "+", '\x01');
  path = g_strdup_printf ("/api/v1/rooms/search?start=%s&end=%s%s", start, end, extra);
  {
    GString *s = g_string_new (NULL);
    for (const char *p = path; *p; p++)
      if (*p == '\x01')
        g_string_append (s, "%2B");
      else
        g_string_append_c (s, *p);
    g_free (path);
    path = g_string_free (s, FALSE);
  }
  return platz_test_request (f->server, f->alice, "GET", path, NULL);
}

static gboolean
has_room (PlatzTestResponse *r,
          gint64             room)
{
  for (guint i = 0; i < platz_test_length (r, NULL); i++)
    {
      g_autofree char *path = g_strdup_printf ("%u.id", i);
      if (platz_test_int (r, path) == room)
        return TRUE;
    }
  return FALSE;
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr(PlatzTestResponse) taken = meet (f, f->bob, f->meeting, f->day, "09:00", "10:00", NULL);
  g_autoptr(PlatzTestResponse) all = search (f, "10:00", "11:00", "");
  g_autoptr(PlatzTestResponse) busy = search (f, "09:30", "10:30", "");
  g_autoptr(PlatzTestResponse) people = search (f, "10:00", "11:00", "&attendees=3");
  g_autoptr(PlatzTestResponse) kit = search (f, "10:00", "11:00",
                                             "&equipment=screen,video_conference");
  g_autoptr(PlatzTestResponse) lounges = search (f, "10:00", "11:00", "&kind=lounge");
  g_autoptr(PlatzTestResponse) site = NULL;
  g_autofree char *site_query = g_strdup_printf ("&site_id=%" G_GINT64_FORMAT, f->site);
  const char *bad[] = { "&attendees=0", "&attendees=x", "&kind=office", "&kind=hall",
                        "&equipment=Screen", "&site_id=x" };

  platz_assert_status (taken, 201);
  platz_assert_status (all, 200);
  g_assert_cmpuint (platz_test_length (all, NULL), ==, 3);
  g_assert_true (has_room (all, f->meeting));
  g_assert_true (has_room (all, f->small));
  g_assert_true (has_room (all, f->lounge));
  g_assert_false (has_room (all, f->walk_in));
  g_assert_false (has_room (all, f->project));
  g_assert_false (has_room (all, f->office));
  g_assert_cmpstr (platz_test_str (all, "0.floor_name"), ==, "2. OG");
  g_assert_cmpstr (platz_test_str (all, "0.building_name"), ==, "Haus A");
  g_assert_cmpint (platz_test_int (all, "0.building_id"), ==, f->building);
  g_assert_nonnull (platz_test_str (all, "0.kind"));
  g_assert_cmpuint (platz_test_length (all, "0.equipment"), >=, 0);

  g_assert_false (has_room (busy, f->meeting));
  g_assert_true (has_room (busy, f->small));
  g_assert_true (has_room (people, f->meeting));
  g_assert_false (has_room (people, f->small));
  g_assert_false (has_room (people, f->lounge));   /* seat count unknown */
  g_assert_cmpuint (platz_test_length (kit, NULL), ==, 1);
  g_assert_true (has_room (kit, f->meeting));
  g_assert_cmpuint (platz_test_length (lounges, NULL), ==, 1);
  g_assert_true (has_room (lounges, f->lounge));

  site = search (f, "10:00", "11:00", site_query);
  g_assert_cmpuint (platz_test_length (site, NULL), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PlatzTestResponse) r = search (f, "10:00", "11:00", bad[i]);
      g_test_message ("search %s", bad[i]);
      platz_assert_error (r, 400, "bad_request", NULL);
    }
  {
    g_autoptr(PlatzTestResponse) inverted = search (f, "11:00", "10:00", "");
    g_autoptr(PlatzTestResponse) missing = platz_test_request (f->server, f->alice, "GET",
                                                               "/api/v1/rooms/search", NULL);
    g_autoptr(PlatzTestResponse) garbage = platz_test_request (
      f->server, f->alice, "GET", "/api/v1/rooms/search?start=soon&end=later", NULL);
    g_autoptr(PlatzTestResponse) no_site = search (f, "10:00", "11:00", "&site_id=99");
    platz_assert_error (inverted, 400, "bad_request", NULL);
    platz_assert_error (missing, 400, "bad_request", NULL);
    platz_assert_error (garbage, 400, "bad_request", NULL);
    platz_assert_error (no_site, 404, "not_found", NULL);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/reservations/meeting-room", test_meeting_room);
  ADD ("/reservations/time-rules", test_time_rules);
  ADD ("/reservations/working-hours-edges", test_working_hours_edges);
  ADD ("/reservations/project-office", test_project_office);
  ADD ("/reservations/project-series", test_project_series);
  ADD ("/reservations/project-rules", test_project_rules);
  ADD ("/reservations/project-dst", test_project_dst);
  ADD ("/reservations/privacy", test_privacy);
  ADD ("/reservations/list-filters", test_list_filters);
  ADD ("/reservations/cancel", test_cancel);
  ADD ("/rooms/search", test_search);
  return g_test_run ();
}
