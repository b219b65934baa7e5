/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Auth, structure resources, users and teams, policies and malformed input,
 * against a real platzd.
 */
#include "config.h"

#include <string.h>

#include "platz-test-server.h"

static PlatzTestServer *server;
static char *admin;

static void
test_login_and_me (void)
{
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autoptr(PlatzTestResponse) me = NULL;
  g_autoptr(PlatzTestResponse) wrong = NULL;
  g_autoptr(PlatzTestResponse) after = NULL;
  g_autofree char *token = NULL;

  r = platz_test_request (server, NULL, "POST", "/api/v1/auth/login",
                          "{\"username\":\"admin\",\"password\":\"" PLATZ_TEST_PASSWORD "\"}");
  platz_assert_status (r, 200);
  g_assert_cmpuint (strlen (platz_test_str (r, "token")), >=, 32);
  g_assert_nonnull (platz_test_str (r, "expires_at"));
  g_assert_cmpstr (platz_test_str (r, "user.role"), ==, "admin");
  g_assert_null (platz_test_member (r, "user.password"));
  g_assert_null (platz_test_member (r, "user.password_hash"));
  token = g_strdup (platz_test_str (r, "token"));

  me = platz_test_request (server, token, "GET", "/api/v1/me", NULL);
  platz_assert_status (me, 200);
  g_assert_cmpstr (platz_test_str (me, "username"), ==, "admin");

  wrong = platz_test_request (server, NULL, "POST", "/api/v1/auth/login",
                              "{\"username\":\"admin\",\"password\":\"nope-nope\"}");
  platz_assert_error (wrong, 401, "unauthenticated", NULL);

  platz_test_response_free (platz_test_request (server, token, "POST", "/api/v1/auth/logout",
                                                NULL));
  after = platz_test_request (server, token, "GET", "/api/v1/me", NULL);
  platz_assert_error (after, 401, "unauthenticated", NULL);
}

static void
test_unauthenticated (void)
{
  const char *paths[] = { "/api/v1/me", "/api/v1/sites", "/api/v1/floors/1",
                          "/api/v1/bookings", "/api/v1/policies" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(PlatzTestResponse) r = platz_test_request (server, NULL, "GET", paths[i], NULL);
      g_autoptr(PlatzTestResponse) bad = platz_test_request (server, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "GET", paths[i], NULL);
      platz_assert_error (r, 401, "unauthenticated", NULL);
      platz_assert_error (bad, 401, "unauthenticated", NULL);
    }
}

static void
test_rate_limit (void)
{
  g_autoptr(PlatzTestResponse) right = NULL;
  g_autoptr(PlatzTestResponse) other = NULL;
  gint64 start;

  platz_test_create (server, admin, "/api/v1/users",
                     "{\"username\":\"victim\",\"display_name\":\"V\",\"password\":\"victim-pw-1\"}");
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(PlatzTestResponse) r = platz_test_request (server, NULL, "POST",
                                                           "/api/v1/auth/login",
                                                           "{\"username\":\"victim\","
                                                           "\"password\":\"guess\"}");
      platz_assert_error (r, 401, "unauthenticated", NULL);
    }
  /* After 10 failures the right password is slowed down, never refused. */
  start = g_get_monotonic_time ();
  right = platz_test_request (server, NULL, "POST", "/api/v1/auth/login",
                              "{\"username\":\"victim\",\"password\":\"victim-pw-1\"}");
  platz_assert_status (right, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 500 * 1000);
  /* Other users from the same address still sign in. */
  other = platz_test_request (server, NULL, "POST", "/api/v1/auth/login",
                              "{\"username\":\"admin\",\"password\":\"" PLATZ_TEST_PASSWORD "\"}");
  platz_assert_status (other, 200);
}

static void
test_structure_crud (void)
{
  gint64 site, building, floor, standard, room, desk;
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autoptr(PlatzTestResponse) list = NULL;
  g_autoptr(PlatzTestResponse) patched = NULL;
  g_autoptr(PlatzTestResponse) full = NULL;
  g_autoptr(PlatzTestResponse) gone = NULL;
  g_autoptr(PlatzTestResponse) deleted = NULL;

  site = platz_test_create (server, admin, "/api/v1/sites", "{\"name\":\"Rathaus\"}");
  r = platz_test_requestf (server, admin, "GET", NULL, "/api/v1/sites/%" G_GINT64_FORMAT, site);
  platz_assert_status (r, 200);
  g_assert_cmpstr (platz_test_str (r, "timezone"), ==, "Europe/Berlin");

  building = platz_test_create (server, admin, "/api/v1/buildings",
                                "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"A\","
                                "\"address\":\"Markt 1\"}", site);
  floor = platz_test_create (server, admin, "/api/v1/floors",
                             "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"EG\",\"level\":0,"
                             "\"width\":80,\"height\":30}", building);
  standard = platz_test_create (server, admin, "/api/v1/occupancy-standards",
                                "{\"name\":\"Zweier\",\"max_persons\":2,"
                                "\"min_area_per_person_m2\":8,\"eligible_functions\":[\"staff\"]}");
  room = platz_test_create (server, admin, "/api/v1/rooms",
                            "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"A.01\",\"kind\":\"office\","
                            "\"area_m2\":18,\"occupancy_standard_id\":%" G_GINT64_FORMAT ","
                            "\"x\":1,\"y\":1,\"w\":5,\"h\":4}", floor, standard);
  desk = platz_test_create (server, admin, "/api/v1/desks",
                            "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"A.01-1\",\"x\":2,\"y\":2,"
                            "\"equipment\":[\"docking_station\"]}", room);

  list = platz_test_requestf (server, admin, "GET", NULL,
                              "/api/v1/buildings?site_id=%" G_GINT64_FORMAT, site);
  platz_assert_status (list, 200);
  g_assert_cmpuint (platz_test_length (list, NULL), ==, 1);

  {
    /* Lists filter by any ancestor, and filters combine. */
    g_autoptr(PlatzTestResponse) by_floor = platz_test_requestf (
      server, admin, "GET", NULL, "/api/v1/desks?floor_id=%" G_GINT64_FORMAT, floor);
    g_autoptr(PlatzTestResponse) by_site = platz_test_requestf (
      server, admin, "GET", NULL, "/api/v1/rooms?site_id=%" G_GINT64_FORMAT, site);
    g_autoptr(PlatzTestResponse) none = platz_test_requestf (
      server, admin, "GET", NULL, "/api/v1/desks?floor_id=%" G_GINT64_FORMAT "&room_id=999999",
      floor);
    g_assert_cmpuint (platz_test_length (by_floor, NULL), ==, 1);
    g_assert_cmpint (platz_test_int (by_floor, "0.id"), ==, desk);
    g_assert_cmpuint (platz_test_length (by_site, NULL), ==, 1);
    g_assert_cmpuint (platz_test_length (none, NULL), ==, 0);
  }

  patched = platz_test_requestf (server, admin, "PATCH",
                                 "{\"bookable\":false,\"blocked_reason\":\"Monitor defekt\"}",
                                 "/api/v1/desks/%" G_GINT64_FORMAT, desk);
  platz_assert_status (patched, 200);
  g_assert_false (json_node_get_boolean (platz_test_member (patched, "bookable")));
  g_assert_cmpstr (platz_test_str (patched, "blocked_reason"), ==, "Monitor defekt");
  g_assert_cmpstr (platz_test_str (patched, "name"), ==, "A.01-1");

  full = platz_test_requestf (server, admin, "GET", NULL, "/api/v1/floors/%" G_GINT64_FORMAT,
                              floor);
  platz_assert_status (full, 200);
  g_assert_cmpuint (platz_test_length (full, "rooms"), ==, 1);
  g_assert_cmpuint (platz_test_length (full, "desks"), ==, 1);
  g_assert_cmpint (platz_test_int (full, "desks.0.room_id"), ==, room);
  g_assert_cmpfloat (json_node_get_double (platz_test_member (full, "width")), ==, 80);

  deleted = platz_test_requestf (server, admin, "DELETE", NULL,
                                 "/api/v1/desks/%" G_GINT64_FORMAT, desk);
  platz_assert_status (deleted, 204);
  gone = platz_test_requestf (server, admin, "GET", NULL, "/api/v1/desks/%" G_GINT64_FORMAT, desk);
  platz_assert_error (gone, 404, "not_found", NULL);
}

static void
test_bad_input (void)
{
  struct { const char *method, *path, *body; guint status; const char *code; } cases[] = {
    { "POST", "/api/v1/sites", "{\"name\":", 400, "bad_request" },
    { "POST", "/api/v1/sites", "{\"name\":42}", 400, "bad_request" },
    { "POST", "/api/v1/sites", "{}", 400, "bad_request" },
    { "POST", "/api/v1/sites", "", 400, "bad_request" },
    { "POST", "/api/v1/sites", "[]", 400, "bad_request" },
    { "POST", "/api/v1/sites", "{\"name\":\"x\",\"id\":5}", 400, "bad_request" },
    { "POST", "/api/v1/rooms", "{\"floor_id\":1,\"name\":\"x\",\"kind\":\"cellar\"}", 400,
      "bad_request" },
    { "POST", "/api/v1/floors", "{\"building_id\":999,\"name\":\"x\"}", 404, "not_found" },
    { "GET", "/api/v1/sites/abc", NULL, 404, "not_found" },
    { "GET", "/api/v1/sites/99999", NULL, 404, "not_found" },
    { "GET", "/api/v1/nothing", NULL, 404, "not_found" },
    { "GET", "/api/v1/buildings?site_id=x", NULL, 400, "bad_request" },
    { "DELETE", "/api/v1/sites", NULL, 405, "method_not_allowed" },
    { "POST", "/api/v1/desks", "{\"room_id\":1,\"name\":\"x\",\"x\":1e999}", 400, "bad_request" },
    { "POST", "/api/v1/sites", "{\"name\":\"x\",\"timezone\":\"Not/AZone\"}", 400, "bad_request" },
  };
  GString *deep = g_string_new ("{\"name\":");
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autoptr(PlatzTestResponse) big = NULL;
  g_autoptr(PlatzTestResponse) alive = NULL;
  char *huge;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlatzTestResponse) c = platz_test_request (server, admin, cases[i].method,
                                                           cases[i].path, cases[i].body);
      if (c->status != cases[i].status)
        g_error ("case %u (%s %s): expected %u, got %u", i, cases[i].method, cases[i].path,
                 cases[i].status, c->status);
      platz_assert_error (c, cases[i].status, cases[i].code, NULL);
    }

  for (int i = 0; i < 65000; i++)
    g_string_append_c (deep, '[');
  r = platz_test_request (server, admin, "POST", "/api/v1/sites", deep->str);
  platz_assert_error (r, 400, "bad_request", NULL);
  g_string_free (deep, TRUE);

  /* Well past what fits in the loopback socket buffers: the server must
   * read and drop the body after its 413, or the client sees a reset. */
  huge = g_malloc (8 * 1024 * 1024 + 1);
  memset (huge, ' ', 8 * 1024 * 1024);
  huge[8 * 1024 * 1024] = '\0';
  huge[0] = '{';
  big = platz_test_request (server, admin, "POST", "/api/v1/sites", huge);
  platz_assert_error (big, 413, "payload_too_large", NULL);
  g_free (huge);

  alive = platz_test_request (server, NULL, "GET", "/healthz", NULL);
  platz_assert_status (alive, 200);
}

static void
test_roles (void)
{
  g_autofree char *employee = NULL;
  g_autofree char *facility = NULL;
  g_autoptr(PlatzTestResponse) denied = NULL;
  g_autoptr(PlatzTestResponse) allowed = NULL;
  g_autoptr(PlatzTestResponse) users = NULL;
  g_autoptr(PlatzTestResponse) self_role = NULL;
  g_autoptr(PlatzTestResponse) self_name = NULL;
  g_autoptr(PlatzTestResponse) policies = NULL;
  g_autoptr(PlatzTestResponse) read_ok = NULL;
  g_autoptr(PlatzTestResponse) me = NULL;
  g_autoptr(PlatzTestResponse) promote = NULL;
  g_autoptr(PlatzTestResponse) promoted = NULL;
  g_autoptr(PlatzTestResponse) demote = NULL;
  g_autoptr(PlatzTestResponse) demoted = NULL;
  g_autoptr(PlatzTestResponse) removed = NULL;
  g_autoptr(PlatzTestResponse) gone = NULL;
  gint64 emp_id;

  emp_id = platz_test_create (server, admin, "/api/v1/users",
                              "{\"username\":\"emma\",\"display_name\":\"Emma E\","
                              "\"password\":\"emma-pw-123\"}");
  platz_test_create (server, admin, "/api/v1/users",
                     "{\"username\":\"fritz\",\"display_name\":\"Fritz F\","
                     "\"role\":\"facility_manager\",\"password\":\"fritz-pw-123\"}");
  employee = platz_test_login (server, "emma", "emma-pw-123");
  facility = platz_test_login (server, "fritz", "fritz-pw-123");

  denied = platz_test_request (server, employee, "POST", "/api/v1/sites", "{\"name\":\"Mine\"}");
  platz_assert_error (denied, 403, "forbidden", NULL);
  allowed = platz_test_request (server, facility, "POST", "/api/v1/sites", "{\"name\":\"FM\"}");
  platz_assert_status (allowed, 201);
  read_ok = platz_test_request (server, employee, "GET", "/api/v1/sites", NULL);
  platz_assert_status (read_ok, 200);

  users = platz_test_request (server, employee, "GET", "/api/v1/users", NULL);
  platz_assert_error (users, 403, "forbidden", NULL);

  /* An employee cannot promote themselves; the request is refused. */
  self_role = platz_test_requestf (server, employee, "PATCH", "{\"role\":\"admin\"}",
                                   "/api/v1/users/%" G_GINT64_FORMAT, emp_id);
  platz_assert_error (self_role, 403, "forbidden", NULL);
  self_name = platz_test_request (server, employee, "PATCH", "/api/v1/me",
                                  "{\"display_name\":\"Emma Example\",\"share_presence\":true}");
  platz_assert_status (self_name, 200);
  g_assert_cmpstr (platz_test_str (self_name, "display_name"), ==, "Emma Example");
  g_assert_cmpstr (platz_test_str (self_name, "role"), ==, "employee");

  policies = platz_test_request (server, employee, "PATCH", "/api/v1/policies",
                                 "{\"booking_window_days\":30}");
  platz_assert_error (policies, 403, "forbidden", NULL);

  /* The server keeps the signed-in user per session: a change to the
   * user applies to the session at once. */
  me = platz_test_request (server, employee, "GET", "/api/v1/me", NULL);
  g_assert_cmpstr (platz_test_str (me, "display_name"), ==, "Emma Example");
  promote = platz_test_requestf (server, admin, "PATCH", "{\"role\":\"facility_manager\"}",
                                 "/api/v1/users/%" G_GINT64_FORMAT, emp_id);
  platz_assert_status (promote, 200);
  promoted = platz_test_request (server, employee, "POST", "/api/v1/sites",
                                 "{\"name\":\"Emma's\"}");
  platz_assert_status (promoted, 201);
  demote = platz_test_requestf (server, admin, "PATCH", "{\"role\":\"employee\"}",
                                "/api/v1/users/%" G_GINT64_FORMAT, emp_id);
  platz_assert_status (demote, 200);
  demoted = platz_test_request (server, employee, "POST", "/api/v1/sites",
                                "{\"name\":\"Emma's again\"}");
  platz_assert_error (demoted, 403, "forbidden", NULL);
  removed = platz_test_requestf (server, admin, "DELETE", NULL,
                                 "/api/v1/users/%" G_GINT64_FORMAT, emp_id);
  g_assert_cmpuint (removed->status, <, 300);
  gone = platz_test_request (server, employee, "GET", "/api/v1/me", NULL);
  platz_assert_error (gone, 401, "unauthenticated", NULL);
}

static void
test_policies (void)
{
  g_autoptr(PlatzTestResponse) r = platz_test_request (server, admin, "GET", "/api/v1/policies",
                                                       NULL);
  g_autoptr(PlatzTestResponse) p = NULL;
  g_autoptr(PlatzTestResponse) bad = NULL;

  platz_assert_status (r, 200);
  g_assert_cmpint (platz_test_int (r, "booking_window_days"), ==, 14);
  g_assert_cmpint (platz_test_int (r, "max_bookings_per_week"), ==, 5);
  g_assert_cmpstr (platz_test_str (r, "check_in_deadline"), ==, "10:00");
  g_assert_cmpstr (platz_test_str (r, "working_hours_start"), ==, "06:00");
  g_assert_cmpstr (platz_test_str (r, "working_hours_end"), ==, "20:00");
  g_assert_cmpint (platz_test_int (r, "slot_minutes"), ==, 15);
  g_assert_cmpint (platz_test_int (r, "home_share_max_percent"), ==, 60);
  g_assert_false (json_node_get_boolean (platz_test_member (r, "home_share_enforced")));
  g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (r, "occupancy_cap_percent")));
  g_assert_cmpint (platz_test_int (r, "retention_days"), ==, 90);
  g_assert_cmpint (platz_test_int (r, "project_office_horizon_days"), ==, 182);

  p = platz_test_request (server, admin, "PATCH", "/api/v1/policies",
                          "{\"max_bookings_per_week\":3}");
  platz_assert_status (p, 200);
  g_assert_cmpint (platz_test_int (p, "max_bookings_per_week"), ==, 3);
  g_assert_cmpint (platz_test_int (p, "booking_window_days"), ==, 14);
  bad = platz_test_request (server, admin, "PATCH", "/api/v1/policies",
                            "{\"working_hours_start\":\"21:00\"}");
  platz_assert_error (bad, 422, "policy_violation", "invalid_value");
  platz_test_response_free (platz_test_request (server, admin, "PATCH", "/api/v1/policies",
                                                "{\"max_bookings_per_week\":5}"));
}

static void
test_restart_keeps_data (void)
{
  g_autoptr(PlatzTestResponse) r = NULL;
  g_autofree char *token = NULL;

  platz_test_create (server, admin, "/api/v1/sites", "{\"name\":\"Survivor\"}");
  platz_test_server_restart (server);
  token = platz_test_login (server, "admin", PLATZ_TEST_PASSWORD);
  r = platz_test_request (server, token, "GET", "/api/v1/sites", NULL);
  platz_assert_status (r, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (r->body, NULL), "Survivor"));
  /* Tokens survive a restart too (they are stored, hashed). */
  g_free (admin);
  admin = g_steal_pointer (&token);
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  server = platz_test_server_start (NULL);
  admin = platz_test_login (server, "admin", PLATZ_TEST_PASSWORD);

  g_test_add_func ("/http/login-and-me", test_login_and_me);
  g_test_add_func ("/http/unauthenticated", test_unauthenticated);
  g_test_add_func ("/http/structure-crud", test_structure_crud);
  g_test_add_func ("/http/bad-input", test_bad_input);
  g_test_add_func ("/http/roles", test_roles);
  g_test_add_func ("/http/policies", test_policies);
  g_test_add_func ("/http/rate-limit", test_rate_limit);
  g_test_add_func ("/http/restart", test_restart_keeps_data);
  rc = g_test_run ();
  g_free (admin);
  platz_test_server_free (server);
  return rc;
}
