/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Facility reports against a real platzd: the utilisation report (per
 * office room and day, aggregated) and the occupancy planner.
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "platz-test-server.h"

#define ZONE "Europe/Berlin"

typedef struct {
  PlatzTestServer *server;
  char  *admin;
  char  *alice;     /* staff, team A */
  char  *bob;       /* staff, team A */
  char  *carla;     /* team lead of A, head */
  char  *fiona;     /* facility manager */
  gint64 site, other_site, building_a, building_b, floor;
  gint64 dreier, zweier, leitung;
  gint64 triple[4], pair, single[2], plain, meeting;
  gint64 desk[4][3];
  gint64 carla_id;
  char  *day;
} Fixture;

static gint64
make_user (Fixture    *f,
           const char *name,
           const char *role,
           const char *function,
           gint64      team)
{
  g_autofree char *team_text = team > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, team)
                                        : g_strdup ("null");

  return platz_test_create (f->server, f->admin, "/api/v1/users",
                            "{\"username\":\"%s\",\"display_name\":\"%s\",\"role\":\"%s\","
                            "\"function\":\"%s\",\"team_id\":%s,"
                            "\"password\":\"%s-password\"}", name, name, role, function,
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
office (Fixture    *f,
        gint64      floor,
        const char *name,
        double      area,
        gint64      standard,
        int         desks,
        gint64     *desk_ids)
{
  g_autofree char *std = standard > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, standard)
                                      : g_strdup ("null");
  gint64 room = platz_test_create (f->server, f->admin, "/api/v1/rooms",
                                   "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"%s\","
                                   "\"kind\":\"office\",\"area_m2\":%g,"
                                   "\"occupancy_standard_id\":%s}", floor, name, area, std);

  for (int i = 0; i < desks; i++)
    {
      gint64 id = platz_test_create (f->server, f->admin, "/api/v1/desks",
                                     "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"%s-%d\"}",
                                     room, name, i + 1);
      if (desk_ids != NULL)
        desk_ids[i] = id;
    }
  return room;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 team_a, team_b, team_c, floor_b, other_building, other_floor;
  g_autofree char *lead = NULL;
  g_autoptr(PlatzTestResponse) r = NULL;

  f->server = platz_test_server_start (NULL);
  f->admin = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  f->site = platz_test_create (f->server, f->admin, "/api/v1/sites",
                               "{\"name\":\"Rathaus\",\"timezone\":\"" ZONE "\"}");
  f->other_site = platz_test_create (f->server, f->admin, "/api/v1/sites",
                                     "{\"name\":\"Außenstelle\"}");
  f->building_a = platz_test_create (f->server, f->admin, "/api/v1/buildings",
                                     "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"A-Haus\"}",
                                     f->site);
  f->building_b = platz_test_create (f->server, f->admin, "/api/v1/buildings",
                                     "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"B-Haus\"}",
                                     f->site);
  other_building = platz_test_create (f->server, f->admin, "/api/v1/buildings",
                                      "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"C\"}",
                                      f->other_site);
  f->floor = platz_test_create (f->server, f->admin, "/api/v1/floors",
                                "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"1. OG\"}",
                                f->building_a);
  floor_b = platz_test_create (f->server, f->admin, "/api/v1/floors",
                               "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"EG\"}",
                               f->building_b);
  other_floor = platz_test_create (f->server, f->admin, "/api/v1/floors",
                                   "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"EG\"}",
                                   other_building);
  f->dreier = platz_test_create (f->server, f->admin, "/api/v1/occupancy-standards",
                                 "{\"name\":\"Dreier\",\"max_persons\":3,"
                                 "\"min_area_per_person_m2\":8,"
                                 "\"eligible_functions\":[\"staff\"]}");
  f->zweier = platz_test_create (f->server, f->admin, "/api/v1/occupancy-standards",
                                 "{\"name\":\"Zweier\",\"max_persons\":2,"
                                 "\"min_area_per_person_m2\":6,"
                                 "\"eligible_functions\":[\"staff\"]}");
  f->leitung = platz_test_create (f->server, f->admin, "/api/v1/occupancy-standards",
                                  "{\"name\":\"Leitung\",\"max_persons\":1,"
                                  "\"min_area_per_person_m2\":12,"
                                  "\"eligible_functions\":[\"head\"]}");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("1.0%d", i + 1);
      f->triple[i] = office (f, f->floor, name, 24, f->dreier, 3, f->desk[i]);
    }
  f->pair = office (f, f->floor, "1.10", 12, f->zweier, 2, NULL);
  f->single[0] = office (f, f->floor, "1.20", 14, f->leitung, 1, NULL);
  f->single[1] = office (f, f->floor, "1.21", 14, f->leitung, 1, NULL);
  f->plain = office (f, f->floor, "1.30", 10, 0, 1, NULL);
  f->meeting = platz_test_create (f->server, f->admin, "/api/v1/rooms",
                                  "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"Elbe\","
                                  "\"kind\":\"meeting_room\",\"capacity\":8}", f->floor);
  office (f, other_floor, "C.01", 24, f->dreier, 3, NULL);
  (void) floor_b;   /* building B has no rooms: the planner falls back */

  /* Team A in building A: 7 staff and its head, all in the office every
   * day; team B in building B: 2 staff, half the time; team C nowhere. */
  team_a = platz_test_create (f->server, f->admin, "/api/v1/teams",
                              "{\"name\":\"Wohngeld\",\"building_id\":%" G_GINT64_FORMAT ","
                              "\"office_share_percent\":100}", f->building_a);
  team_b = platz_test_create (f->server, f->admin, "/api/v1/teams",
                              "{\"name\":\"Kasse\",\"building_id\":%" G_GINT64_FORMAT ","
                              "\"office_share_percent\":50}", f->building_b);
  team_c = platz_test_create (f->server, f->admin, "/api/v1/teams", "{\"name\":\"Archiv\"}");
  make_user (f, "alice", "employee", "staff", team_a);
  make_user (f, "bob", "employee", "staff", team_a);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("staff%d", i);
      make_user (f, name, "employee", "staff", team_a);
    }
  f->carla_id = make_user (f, "carla", "team_lead", "head", team_a);
  make_user (f, "bert", "employee", "staff", team_b);
  make_user (f, "berta", "employee", "staff", team_b);
  make_user (f, "carl", "employee", "staff", team_c);
  make_user (f, "fiona", "facility_manager", "staff", 0);
  lead = g_strdup_printf ("{\"lead_user_id\":%" G_GINT64_FORMAT "}", f->carla_id);
  r = platz_test_requestf (f->server, f->admin, "PATCH", lead, "/api/v1/teams/%" G_GINT64_FORMAT,
                           team_a);
  platz_assert_status (r, 200);

  f->alice = login (f, "alice");
  f->bob = login (f, "bob");
  f->carla = login (f, "carla");
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
  g_free (f->fiona);
  g_free (f->day);
}

static char *
add_days (const char *day,
          int         n)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, day);
  if (n >= 0)
    g_date_add_days (&d, n);
  else
    g_date_subtract_days (&d, -n);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static gint64
book (Fixture    *f,
      const char *token,
      gint64      desk,
      const char *date,
      const char *slot)
{
  g_autofree char *body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                           "\"slot\":\"%s\"}", desk, date, slot);
  g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, token, "POST",
                                                       "/api/v1/bookings", body);

  platz_assert_status (r, 201);
  return platz_test_int (r, "id");
}

/* Sets report_min_group globally (site 0) or for a site. */
static void
set_min_group (Fixture *f,
               gint64   site,
               int      value)
{
  g_autofree char *body = g_strdup_printf ("{\"report_min_group\":%d}", value);
  g_autoptr(PlatzTestResponse) r = NULL;

  if (site > 0)
    r = platz_test_requestf (f->server, f->admin, "PATCH", body,
                             "/api/v1/policies?site_id=%" G_GINT64_FORMAT, site);
  else
    r = platz_test_request (f->server, f->admin, "PATCH", "/api/v1/policies", body);
  platz_assert_status (r, 200);
  g_assert_cmpint (platz_test_int (r, "report_min_group"), ==, value);
}

/* A row's id member, 0 where it is null (an aggregate's). */
static gint64
member_id (JsonObject *row,
           const char *name)
{
  JsonNode *node = json_object_get_member (row, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? 0 : json_node_get_int (node);
}

/* The row of a room and date; with room 0 the aggregate row of a floor
 * and date, with both 0 a building's; NULL when there is none. */
static JsonObject *
find_row (PlatzTestResponse *r,
          gint64             room,
          gint64             floor,
          const char        *date)
{
  JsonArray *rows = json_node_get_array (platz_test_member (r, "rows"));

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (member_id (row, "room_id") == room && (room > 0 || member_id (row, "floor_id") == floor) &&
          g_strcmp0 (json_object_get_string_member (row, "date"), date) == 0)
        return row;
    }
  return NULL;
}

/* Finds the row of a room and date; fails when there is none. */
static JsonObject *
row_of (PlatzTestResponse *r,
        gint64             room,
        const char        *date)
{
  JsonObject *row = find_row (r, room, 0, date);

  if (row == NULL)
    g_error ("no row for room %" G_GINT64_FORMAT " on %s", room, date);
  return row;
}

static void
test_utilisation (Fixture *f, gconstpointer data)
{
  g_autofree char *next = add_days (f->day, 1);
  g_autofree char *query = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *block = NULL;
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autoptr(PlatzTestResponse) blocked = NULL;
  g_autoptr(PlatzTestResponse) cancel = NULL;
  JsonObject *row;
  sqlite3 *db = NULL;
  gint64 cancelled;

  /* Every room its own row: a threshold of 1 (merging is tested below). */
  set_min_group (f, 0, 1);
  book (f, f->alice, f->desk[0][0], f->day, "full_day");
  book (f, f->bob, f->desk[0][1], f->day, "am");
  cancelled = book (f, f->bob, f->desk[0][2], next, "pm");
  cancel = platz_test_requestf (f->server, f->bob, "DELETE", NULL,
                                "/api/v1/bookings/%" G_GINT64_FORMAT, cancelled);
  platz_assert_status (cancel, 204);

  /* A no-show, as the release timer leaves it. */
  g_assert_cmpint (sqlite3_open (f->server->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sql = g_strdup_printf ("INSERT INTO bookings (desk_id, user_id, date, slot, status, created_at) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', 'am', "
                         "'released', '2020-01-01T00:00:00Z')", f->desk[0][2], f->carla_id,
                         f->day);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* A desk blocked through the day counts again the day after. */
  block = g_strdup_printf ("{\"bookable\":false,\"blocked_reason\":\"Umbau\","
                           "\"blocked_until\":\"%s\"}", f->day);
  blocked = platz_test_requestf (f->server, f->admin, "PATCH", block,
                                 "/api/v1/desks/%" G_GINT64_FORMAT, f->desk[1][0]);
  platz_assert_status (blocked, 200);

  query = g_strdup_printf ("/api/v1/reports/utilisation?from=%s&to=%s&site_id=%" G_GINT64_FORMAT,
                           f->day, next, f->site);
  r = platz_test_request (f->server, f->fiona, "GET", query, NULL);
  platz_assert_status (r, 200);
  g_assert_cmpstr (platz_test_str (r, "from"), ==, f->day);
  g_assert_cmpstr (platz_test_str (r, "to"), ==, next);
  g_assert_cmpint (platz_test_int (r, "site_id"), ==, f->site);
  /* 8 office rooms of the site x 2 days; no meeting room, no other site */
  g_assert_cmpuint (platz_test_length (r, "rows"), ==, 16);

  row = row_of (r, f->triple[0], f->day);
  g_assert_cmpint (json_object_get_int_member (row, "booked_half_days"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (row, "no_shows"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (row, "room_name"), ==, "1.01");
  g_assert_cmpint (json_object_get_int_member (row, "floor_id"), ==, f->floor);
  g_assert_cmpstr (json_object_get_string_member (row, "floor_name"), ==, "1. OG");
  /* Aggregates only: nothing about people. */
  g_assert_cmpint (json_object_get_int_member (row, "building_id"), ==, f->building_a);
  g_assert_cmpstr (json_object_get_string_member (row, "building_name"), ==, "A-Haus");
  g_assert_cmpuint (json_object_get_size (row), ==, 10);
  g_assert_false (json_object_has_member (row, "user_id"));

  row = row_of (r, f->triple[0], next);
  g_assert_cmpint (json_object_get_int_member (row, "booked_half_days"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (row, "no_shows"), ==, 0);

  row = row_of (r, f->triple[1], f->day);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 2);
  row = row_of (r, f->triple[1], next);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 3);
  row = row_of (r, f->pair, f->day);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 2);
  row = row_of (r, f->single[0], f->day);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 1);
  row = row_of (r, f->plain, f->day);   /* 10 m2, no standard: its one desk */
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 1);

  /* Without site_id: every site. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/reports/utilisation?from=%s&to=%s",
                                             f->day, f->day);
    g_autoptr(PlatzTestResponse) all = platz_test_request (f->server, f->admin, "GET", path, NULL);
    platz_assert_status (all, 200);
    g_assert_cmpuint (platz_test_length (all, "rows"), ==, 9);
    g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (all, "site_id")));
  }

  /* The site's occupancy cap lowers the limit (3 x 50 % -> 1). */
  {
    g_autoptr(PlatzTestResponse) patch = NULL;
    g_autoptr(PlatzTestResponse) capped = NULL;

    patch = platz_test_requestf (f->server, f->admin, "PATCH", "{\"occupancy_cap_percent\":50}",
                                 "/api/v1/policies?site_id=%" G_GINT64_FORMAT, f->site);
    platz_assert_status (patch, 200);
    capped = platz_test_request (f->server, f->admin, "GET", query, NULL);
    platz_assert_status (capped, 200);
    row = row_of (capped, f->triple[0], f->day);
    g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 1);
  }
}

static void
test_utilisation_errors (Fixture *f, gconstpointer data)
{
  struct {
    const char *token_name;
    const char *query;
    guint       status;
    const char *code;
  } cases[] = {
    { "alice", "", 403, "forbidden" },
    { "carla", "", 403, "forbidden" },
    { "fiona", "", 200, NULL },
    { "admin", "", 200, NULL },
    { "fiona", "?from=2026-02-30", 400, "bad_request" },
    { "fiona", "?from=2026-03-01&to=2026-02-01", 400, "bad_request" },
    { "fiona", "?from=2026-01-01&to=2027-06-01", 400, "bad_request" },
    { "fiona", "?site_id=abc", 400, "bad_request" },
    { "fiona", "?site_id=99", 404, "not_found" },
    /* 400 and 404 come before 403 */
    { "alice", "?from=x", 400, "bad_request" },
    { "alice", "?site_id=99", 404, "not_found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *token = strcmp (cases[i].token_name, "alice") == 0 ? f->alice
                        : strcmp (cases[i].token_name, "carla") == 0 ? f->carla
                        : strcmp (cases[i].token_name, "fiona") == 0 ? f->fiona : f->admin;
      g_autofree char *path = g_strconcat ("/api/v1/reports/utilisation", cases[i].query, NULL);
      g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, token, "GET", path, NULL);

      g_test_message ("case %u: %s %s", i, cases[i].token_name, cases[i].query);
      if (cases[i].code == NULL)
        {
          platz_assert_status (r, 200);
          /* default: the last 28 days, every room below the default
           * threshold of 5: one aggregate a day for the 1. OG (17
           * people); the other site's one room (3) is withheld */
          g_assert_cmpuint (platz_test_length (r, "rows"), ==, 28);
          g_assert_cmpint (platz_test_int (r, "withheld_rows"), ==, 28);
        }
      else
        platz_assert_error (r, cases[i].status, cases[i].code, NULL);
    }
}

static void
assert_sums (JsonObject *row,
             int         merged_rows,
             int         limit,
             int         booked_half_days)
{
  g_assert_nonnull (row);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "room_id")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "room_name")));
  g_assert_cmpint (json_object_get_int_member (row, "merged_rows"), ==, merged_rows);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, limit);
  g_assert_cmpint (json_object_get_int_member (row, "booked_half_days"), ==, booked_half_days);
  g_assert_cmpint (json_object_get_int_member (row, "no_shows"), ==, 0);
}

/* Rooms holding fewer people than report_min_group have no row of their
 * own: they are summed per floor and day. */
static void
test_utilisation_min_group (Fixture *f, gconstpointer data)
{
  g_autofree char *query = g_strdup_printf ("/api/v1/reports/utilisation?from=%s&to=%s&site_id=%"
                                            G_GINT64_FORMAT, f->day, f->day, f->site);
  g_autoptr(PlatzTestResponse) desks = NULL;
  g_autoptr(PlatzTestResponse) def = NULL;
  g_autoptr(PlatzTestResponse) three = NULL;
  g_autoptr(PlatzTestResponse) one = NULL;
  JsonArray *rows;

  book (f, f->alice, f->desk[0][0], f->day, "full_day");
  book (f, f->bob, f->desk[0][1], f->day, "am");
  /* The head in her single office. */
  desks = platz_test_requestf (f->server, f->admin, "GET", NULL,
                               "/api/v1/desks?room_id=%" G_GINT64_FORMAT, f->single[0]);
  platz_assert_status (desks, 200);
  book (f, f->carla, platz_test_int (desks, "0.id"), f->day, "full_day");

  /* Default 5: every room of the floor (3, 3, 3, 3, 2, 1, 1, 1) merges. */
  def = platz_test_request (f->server, f->fiona, "GET", query, NULL);
  platz_assert_status (def, 200);
  g_assert_cmpuint (platz_test_length (def, "rows"), ==, 1);
  assert_sums (find_row (def, 0, f->floor, f->day), 8, 17, 5);
  g_assert_cmpstr (platz_test_str (def, "rows.0.floor_name"), ==, "1. OG");
  g_assert_cmpint (platz_test_int (def, "withheld_rows"), ==, 0);

  /* A site override of 3: the four Dreier rooms stay, the rest merge. */
  set_min_group (f, 0, 4);
  set_min_group (f, f->site, 3);
  three = platz_test_request (f->server, f->fiona, "GET", query, NULL);
  platz_assert_status (three, 200);
  g_assert_cmpuint (platz_test_length (three, "rows"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (row_of (three, f->triple[0], f->day),
                                               "booked_half_days"), ==, 3);
  assert_sums (find_row (three, 0, f->floor, f->day), 4, 5, 2);
  /* The aggregate comes after the floor's rooms. */
  rows = json_node_get_array (platz_test_member (three, "rows"));
  g_assert_true (json_object_has_member (json_array_get_object_element (rows, 4),
                                         "merged_rows"));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_assert_cmpint (json_object_get_int_member (row, "floor_id"), ==, f->floor);
      if (!json_object_has_member (row, "merged_rows"))
        g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 3);
    }

  /* 1: every room its own row, none merged. */
  set_min_group (f, f->site, 1);
  one = platz_test_request (f->server, f->fiona, "GET", query, NULL);
  platz_assert_status (one, 200);
  g_assert_cmpuint (platz_test_length (one, "rows"), ==, 8);
  g_assert_null (find_row (one, 0, f->floor, f->day));
  g_assert_cmpint (json_object_get_int_member (row_of (one, f->single[0], f->day),
                                               "booked_half_days"), ==, 2);

  /* A floor whose remainder is one single office: 18 needed, the 1. OG's
   * 17 and the 2. OG's 1 go into the building's row together. */
  {
    g_autofree char *body = g_strdup_printf ("{\"building_id\":%" G_GINT64_FORMAT ","
                                             "\"name\":\"2. OG\",\"level\":2}", f->building_a);
    gint64 upper = platz_test_create (f->server, f->admin, "/api/v1/floors", "%s", body);
    g_autoptr(PlatzTestResponse) building = NULL;
    g_autoptr(PlatzTestResponse) withheld = NULL;
    JsonObject *row;

    office (f, upper, "2.01", 14, f->leitung, 1, NULL);
    set_min_group (f, f->site, 18);
    building = platz_test_request (f->server, f->fiona, "GET", query, NULL);
    platz_assert_status (building, 200);
    g_assert_cmpuint (platz_test_length (building, "rows"), ==, 1);
    row = find_row (building, 0, 0, f->day);
    assert_sums (row, 9, 18, 5);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "floor_id")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "floor_name")));
    g_assert_cmpint (json_object_get_int_member (row, "building_id"), ==, f->building_a);
    g_assert_cmpint (platz_test_int (building, "withheld_rows"), ==, 0);

    /* 19: even the building's sum is too small; nothing is shown. */
    set_min_group (f, f->site, 19);
    withheld = platz_test_request (f->server, f->fiona, "GET", query, NULL);
    platz_assert_status (withheld, 200);
    g_assert_cmpuint (platz_test_length (withheld, "rows"), ==, 0);
    g_assert_cmpint (platz_test_int (withheld, "withheld_rows"), ==, 9);
  }

  /* Bad values are refused. */
  {
    g_autoptr(PlatzTestResponse) bad = platz_test_request (f->server, f->admin, "PATCH",
                                                           "/api/v1/policies",
                                                           "{\"report_min_group\":0}");
    platz_assert_error (bad, 400, "bad_request", NULL);
  }
}

static JsonObject *
building_of (PlatzTestResponse *r,
             gint64             id)
{
  JsonArray *list = json_node_get_array (platz_test_member (r, "buildings"));

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *b = json_array_get_object_element (list, i);
      if (json_object_get_int_member (b, "building_id") == id)
        return b;
    }
  g_error ("no building %" G_GINT64_FORMAT, id);
  return NULL;
}

static JsonObject *
standard_of (JsonObject *building,
             gint64      id)
{
  JsonArray *list = json_object_get_array_member (building, "standards");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *s = json_array_get_object_element (list, i);
      if (json_object_get_int_member (s, "occupancy_standard_id") == id)
        return s;
    }
  return NULL;
}

static void
assert_figures (JsonObject *o,
                const int   expected[6])
{
  static const char *names[] = { "rooms_existing", "desks_existing", "desks_needed",
                                 "rooms_needed", "rooms_freeable", "persons_per_room" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (expected[i] < 0)
        continue;
      if (json_object_get_int_member (o, names[i]) != expected[i])
        g_error ("%s: expected %d, got %" G_GINT64_FORMAT, names[i], expected[i],
                 json_object_get_int_member (o, names[i]));
    }
}

static void
test_occupancy_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/reports/occupancy-plan?site_id=%"
                                           G_GINT64_FORMAT, f->site);
  g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->fiona, "GET", path, NULL);
  g_autoptr(PlatzTestResponse) capped = NULL;
  g_autoptr(PlatzTestResponse) patch = NULL;
  JsonObject *a, *b, *s;

  platz_assert_status (r, 200);
  g_assert_cmpint (platz_test_int (r, "site_id"), ==, f->site);
  g_assert_cmpuint (platz_test_length (r, "buildings"), ==, 2);

  /* Building A: 7 staff and 1 head at 100 %: 7 + 1 desks.  Staff goes to
   * Dreier (12 desks) and Zweier (2 desks) in proportion: 6 and 1. */
  a = building_of (r, f->building_a);
  g_assert_cmpstr (json_object_get_string_member (a, "building_name"), ==, "A-Haus");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (a, "users"), "head"),
                   ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (a, "users"), "staff"),
                   ==, 7);
  s = standard_of (a, f->dreier);
  g_assert_nonnull (s);
  g_assert_cmpstr (json_object_get_string_member (s, "name"), ==, "Dreier");
  g_assert_cmpint (json_object_get_int_member (s, "max_persons"), ==, 3);
  assert_figures (s, (int[]) { 4, 12, 6, 2, 2, 3 });
  assert_figures (standard_of (a, f->zweier), (int[]) { 1, 2, 1, 1, 0, 2 });
  assert_figures (standard_of (a, f->leitung), (int[]) { 2, 2, 1, 1, 1, 1 });
  assert_figures (a, (int[]) { 7, 16, 8, 4, 3, -1 });
  g_assert_cmpint (json_object_get_int_member (a, "rooms_without_standard"), ==, 1);

  /* Building B has no offices: 2 staff x 50 % = 1 desk under the
   * eligible standard that seats most. */
  b = building_of (r, f->building_b);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (b, "users"), "staff"),
                   ==, 2);
  assert_figures (standard_of (b, f->dreier), (int[]) { 0, 0, 1, 1, 0, 3 });
  assert_figures (b, (int[]) { 0, 0, 1, 1, 0, -1 });
  g_assert_cmpint (json_object_get_int_member (standard_of (b, f->dreier), "rooms_missing"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (b, "rooms_missing"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "rooms_missing"), ==, 0);

  /* A 50 % cap: a Dreier room seats 1, so none can be freed. */
  patch = platz_test_requestf (f->server, f->admin, "PATCH", "{\"occupancy_cap_percent\":50}",
                               "/api/v1/policies?site_id=%" G_GINT64_FORMAT, f->site);
  platz_assert_status (patch, 200);
  capped = platz_test_request (f->server, f->admin, "GET", path, NULL);
  platz_assert_status (capped, 200);
  a = building_of (capped, f->building_a);
  assert_figures (standard_of (a, f->dreier), (int[]) { 4, 12, 6, 6, 0, 1 });
  g_assert_cmpint (json_object_get_int_member (standard_of (a, f->dreier), "rooms_missing"), ==, 2);
  /* One Leitung room spare, two Dreier rooms short: the building frees
   * nothing and misses one room, never "1 freeable". */
  assert_figures (standard_of (a, f->leitung), (int[]) { 2, 2, 1, 1, 1, 1 });
  g_assert_cmpint (json_object_get_int_member (standard_of (a, f->leitung), "rooms_missing"), ==,
                   0);
  assert_figures (a, (int[]) { 7, 16, 8, 8, 0, -1 });
  g_assert_cmpint (json_object_get_int_member (a, "rooms_missing"), ==, 1);

  /* Roles and parameters */
  {
    g_autoptr(PlatzTestResponse) employee = platz_test_request (f->server, f->alice, "GET", path,
                                                                NULL);
    g_autoptr(PlatzTestResponse) lead = platz_test_request (f->server, f->carla, "GET", path,
                                                            NULL);
    g_autoptr(PlatzTestResponse) unknown = platz_test_request (
      f->server, f->fiona, "GET", "/api/v1/reports/occupancy-plan?site_id=99", NULL);
    g_autoptr(PlatzTestResponse) bad = platz_test_request (
      f->server, f->fiona, "GET", "/api/v1/reports/occupancy-plan?site_id=-1", NULL);
    g_autoptr(PlatzTestResponse) all = platz_test_request (
      f->server, f->fiona, "GET", "/api/v1/reports/occupancy-plan", NULL);

    platz_assert_error (employee, 403, "forbidden", NULL);
    platz_assert_error (lead, 403, "forbidden", NULL);
    platz_assert_error (unknown, 404, "not_found", NULL);
    platz_assert_error (bad, 400, "bad_request", NULL);
    platz_assert_status (all, 200);
    g_assert_cmpuint (platz_test_length (all, "buildings"), ==, 3);
    g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (all, "site_id")));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/reports/utilisation", test_utilisation);
  ADD ("/reports/utilisation-errors", test_utilisation_errors);
  ADD ("/reports/utilisation-min-group", test_utilisation_min_group);
  ADD ("/reports/occupancy-plan", test_occupancy_plan);
  return g_test_run ();
}
