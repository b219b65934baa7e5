/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * schemas/openapi.json against the server (the contract: "tests check
 * responses against it"):
 *
 *  /openapi/document   the document is well formed and says nothing the
 *                      checker cannot check;
 *  /openapi/validator  the checker refuses what it must refuse;
 *  /openapi/routes     the server's router and the document list the same
 *                      (method, path) pairs, in both directions;
 *  /openapi/api        a real platzd: every documented operation at least
 *                      once, successes and errors, and every answer is
 *                      checked: operation documented, status declared,
 *                      body valid against the declared schema (and every
 *                      request the server accepted valid against the
 *                      declared request body).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "openapi-validate.h"
#include "platz-test-server.h"
#include "platzd-app.h"

#define API "/api/v1"
#define ID "%" G_GINT64_FORMAT

static PlatzOpenapi *api;

/* /openapi/document */

static void
test_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) operations = platz_openapi_list_operations (api);

  platz_openapi_check_document (api, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, >, 50);
}

/* /openapi/validator */

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
fits (const char *schema_name,
      const char *instance)
{
  g_autofree char *ref = g_strconcat ("#/components/schemas/", schema_name, NULL);
  JsonNode *schema = platz_openapi_resolve (api, ref);
  g_autoptr(JsonNode) node = parse (instance);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_nonnull (schema);
  ok = platz_openapi_validate (api, schema, node, "$", &error);
  if (!ok)
    g_test_message ("%s: %s", schema_name, error->message);
  return ok;
}

static void
test_validator (void)
{
  const char *site = "{\"id\":1,\"name\":\"Rathaus\",\"timezone\":\"Europe/Berlin\","
                     "\"closed_weekdays\":[6,7]}";

  g_assert_true (fits ("Site", site));
  g_assert_false (fits ("Site", "{\"id\":1,\"name\":\"R\",\"timezone\":\"UTC\","
                                "\"closed_weekdays\":[8]}"));
  g_assert_false (fits ("Site", "{\"id\":1,\"timezone\":\"Europe/Berlin\",\"closed_weekdays\":[]}"));
  g_assert_false (fits ("Site", "{\"id\":\"1\",\"name\":\"R\",\"timezone\":\"UTC\"}"));
  g_assert_false (fits ("Site", "{\"id\":1.5,\"name\":\"R\",\"timezone\":\"UTC\"}"));
  g_assert_false (fits ("Site", "{\"id\":1,\"name\":null,\"timezone\":\"UTC\"}"));
  g_assert_false (fits ("Site", "{\"id\":1,\"name\":\"R\",\"timezone\":\"UTC\",\"x\":1}"));
  g_assert_false (fits ("Site", "[]"));
  /* nullable, enum, pattern, nested $ref */
  g_assert_true (fits ("Building", "{\"id\":2,\"site_id\":1,\"name\":\"A\",\"address\":null}"));
  g_assert_false (fits ("Room", "{\"id\":1,\"floor_id\":1,\"name\":\"R\",\"kind\":\"cellar\","
                                "\"area_m2\":1,\"capacity\":0,\"occupancy_standard_id\":null,"
                                "\"equipment\":[],\"accessible\":false,\"reservable\":true,"
                                "\"x\":0,\"y\":0,\"w\":1.5,\"h\":1}"));
  g_assert_true (fits ("Room", "{\"id\":1,\"floor_id\":1,\"name\":\"R\",\"kind\":\"office\","
                               "\"area_m2\":1,\"capacity\":0,\"occupancy_standard_id\":null,"
                               "\"equipment\":[\"screen\"],\"accessible\":false,"
                               "\"reservable\":true,\"x\":0,\"y\":0,\"w\":1.5,\"h\":1}"));
  g_assert_false (fits ("Room", "{\"id\":1,\"floor_id\":1,\"name\":\"R\",\"kind\":\"office\","
                                "\"area_m2\":1,\"capacity\":0,\"occupancy_standard_id\":null,"
                                "\"equipment\":[\"Screen!\"],\"accessible\":false,"
                                "\"reservable\":true,\"x\":0,\"y\":0,\"w\":1.5,\"h\":1}"));
  /* password is write-only: never in a user as returned */
  g_assert_true (fits ("User", "{\"id\":1,\"username\":\"a\",\"display_name\":\"A\","
                               "\"role\":\"admin\",\"function\":\"staff\",\"team_id\":null,"
                               "\"share_presence\":false}"));
  g_assert_false (fits ("User", "{\"id\":1,\"username\":\"a\",\"display_name\":\"A\","
                                "\"role\":\"admin\",\"function\":\"staff\",\"team_id\":null,"
                                "\"share_presence\":false,\"password\":\"x\"}"));
  /* error bodies: reason null or one of the status's reasons */
  g_assert_true (fits ("Error409", "{\"error\":{\"code\":\"conflict\",\"message\":\"m\","
                                   "\"reason\":\"desk_taken\"}}"));
  g_assert_true (fits ("Error409", "{\"error\":{\"code\":\"conflict\",\"message\":\"m\","
                                   "\"reason\":null,\"conflicts\":[\"2030-01-02\"]}}"));
  g_assert_false (fits ("Error409", "{\"error\":{\"code\":\"conflict\",\"message\":\"m\","
                                    "\"reason\":\"quota_exceeded\"}}"));
  g_assert_false (fits ("Error422", "{\"error\":{\"code\":\"conflict\",\"message\":\"m\","
                                    "\"reason\":\"quota_exceeded\"}}"));
  g_assert_false (fits ("Error400", "{\"error\":{\"code\":\"bad_request\",\"message\":\"m\"}}"));
  /* oneOf: exactly one form of reservation */
  g_assert_true (fits ("ReservationCreate", "{\"room_id\":1,\"start\":\"a\",\"end\":\"b\"}"));
  g_assert_true (fits ("ReservationCreate", "{\"room_id\":1,\"team_id\":2,"
                                            "\"from_date\":\"2030-01-01\","
                                            "\"to_date\":\"2030-01-01\",\"weekdays\":[1,5]}"));
  g_assert_false (fits ("ReservationCreate", "{\"room_id\":1,\"team_id\":2,\"start\":\"a\","
                                             "\"end\":\"b\",\"from_date\":\"2030-01-01\","
                                             "\"to_date\":\"2030-01-01\"}"));
  g_assert_false (fits ("ReservationCreate", "{\"room_id\":1,\"team_id\":2,"
                                             "\"from_date\":\"2030-01-01\","
                                             "\"to_date\":\"2030-01-01\",\"weekdays\":[8]}"));

  /* paths: literal segments win over parameters */
  g_assert_cmpstr (platz_openapi_match_path (api, API "/desks/search"), ==, API "/desks/search");
  g_assert_cmpstr (platz_openapi_match_path (api, API "/desks/12"), ==, API "/desks/{id}");
  g_assert_null (platz_openapi_match_path (api, API "/desks/12/nothing"));
}

/* /openapi/routes */

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_routes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("platz-openapi-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) operations = platz_openapi_list_operations (api);
  g_autoptr(GHashTable) served = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) documented = g_hash_table_new (g_str_hash, g_str_equal);
  PlatzdStore *store;
  PlatzdApp *app;
  guint missing = 0;

  g_assert_no_error (error);
  db = g_build_filename (dir, "routes.db", NULL);
  store = platzd_store_open (db, &error);
  g_assert_no_error (error);
  app = platzd_app_new (store);
  routes = platzd_router_routes (app->router);

  for (guint i = 0; i < routes->len; i++)
    g_hash_table_add (served, routes->pdata[i]);
  /* Each method and path once: a second registration would never run. */
  g_assert_cmpuint (g_hash_table_size (served), ==, routes->len);
  for (guint i = 0; i < operations->len; i++)
    g_hash_table_add (documented, operations->pdata[i]);

  for (guint i = 0; i < routes->len; i++)
    if (!g_hash_table_contains (documented, routes->pdata[i]))
      {
        g_printerr ("the server has %s; schemas/openapi.json does not\n",
                    (char *) routes->pdata[i]);
        missing++;
      }
  for (guint i = 0; i < operations->len; i++)
    if (!g_hash_table_contains (served, operations->pdata[i]))
      {
        g_printerr ("schemas/openapi.json has %s; the server does not\n",
                    (char *) operations->pdata[i]);
        missing++;
      }

  platzd_app_free (app);
  platzd_store_close (store);
  remove_tree (dir);
  g_assert_cmpuint (missing, ==, 0);
}

/* /openapi/api */

typedef struct {
  PlatzTestServer *server;
  GHashTable      *covered;     /* "METHOD /template" */
  GPtrArray       *strings;     /* bodies and paths, freed at the end */
  guint            mismatches;
  char   *admin, *fm, *lead, *emp, *emp2;
  gint64  admin_id, fm_id, lead_id, emp_id, emp2_id;
  gint64  site, building, floor, standard, office, meeting, project, team, team2;
  gint64  desk[4];              /* desk[3] is the lead's fixed desk */
  char   *today, *day, *day_after, *next_week, *yesterday;
} Fixture;

/* A string that lives as long as the fixture. */
static const char *fmt (Fixture    *f,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

static const char *
fmt (Fixture    *f,
     const char *format,
     ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (f->strings, s);
  return s;
}

/* One request: checks the expected status (and error reason, when one is
 * given), then the whole exchange against the document. */
static PlatzTestResponse *
call (Fixture    *f,
      const char *token,
      const char *method,
      const char *path,
      const char *body,
      guint       expected,
      const char *reason)
{
  PlatzTestResponse *r = platz_test_request (f->server, token, method, path, body);
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *operation = NULL;
  const char *type = soup_message_headers_get_content_type (r->headers, NULL);

  if (r->status != expected)
    g_error ("%s %s: expected %u, got %u: %.*s", method, path, expected, r->status,
             (int) MIN (g_bytes_get_size (r->body), 600),
             (const char *) g_bytes_get_data (r->body, NULL));
  if (reason != NULL && g_strcmp0 (platz_test_str (r, "error.reason"), reason) != 0)
    g_error ("%s %s: expected reason %s: %.*s", method, path, reason,
             (int) MIN (g_bytes_get_size (r->body), 600),
             (const char *) g_bytes_get_data (r->body, NULL));

  if (body != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, body, -1, NULL) &&
          json_parser_get_root (parser) != NULL)
        request = json_node_copy (json_parser_get_root (parser));
    }
  if (!platz_openapi_check_exchange (api, method, path, request, r->status, type, r->body,
                                     &operation, &error))
    {
      g_printerr ("MISMATCH %s %s -> %u: %s\n  body: %.*s\n", method, path, r->status,
                  error->message, (int) MIN (g_bytes_get_size (r->body), 400),
                  (const char *) g_bytes_get_data (r->body, NULL));
      f->mismatches++;
    }
  else
    g_hash_table_add (f->covered, g_steal_pointer (&operation));
  return r;
}

static void
run (Fixture    *f,
     const char *token,
     const char *method,
     const char *path,
     const char *body,
     guint       expected,
     const char *reason)
{
  platz_test_response_free (call (f, token, method, path, body, expected, reason));
}

/* POST that must answer 201; returns the new id. */
static gint64
create (Fixture    *f,
        const char *token,
        const char *path,
        const char *body)
{
  g_autoptr(PlatzTestResponse) r = call (f, token, "POST", path, body, 201, NULL);

  return platz_test_int (r, "id");
}

static char *
login (Fixture    *f,
       const char *username,
       const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  g_autoptr(PlatzTestResponse) r = call (f, NULL, "POST", API "/auth/login", body, 200, NULL);

  return g_strdup (platz_test_str (r, "token"));
}

static gint64
make_user (Fixture    *f,
           const char *name,
           const char *role,
           const char *function,
           gint64      team,
           gboolean    share)
{
  return create (f, f->admin, API "/users",
                 fmt (f, "{\"username\":\"%s\",\"display_name\":\"%s Example\",\"role\":\"%s\","
                      "\"function\":\"%s\",\"team_id\":" ID ",\"share_presence\":%s,"
                      "\"password\":\"%s-password\"}", name, name, role, function, team,
                      share ? "true" : "false", name));
}

/* Keeps a string as long as the fixture. */
static const char *
keep (Fixture *f,
      char    *s)
{
  g_ptr_array_add (f->strings, s);
  return s;
}

/* An RFC 3339 time on a day in Berlin, with its offset or in UTC. */
static const char *
berlin (Fixture    *f,
        const char *date,
        int         hour,
        int         minute,
        gboolean    utc)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  int y, m, d;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  local = g_date_time_new (zone, y, m, d, hour, minute, 0);
  if (!utc)
    return keep (f, g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z"));
  in_utc = g_date_time_to_utc (local);
  return keep (f, g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ"));
}

static char *
add_days (const char *date,
          int         days)
{
  int y, m, d;
  GDate day;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  g_date_add_days (&day, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

/* The scenario, part by part */

static void
exercise_auth (Fixture *f)
{
  g_autofree char *huge = g_malloc (PLATZD_JSON_BODY_MAX + 2);

  run (f, NULL, "GET", "/healthz", NULL, 200, NULL);
  run (f, NULL, "GET", API "/healthz", NULL, 200, NULL);
  f->admin = login (f, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  run (f, NULL, "POST", API "/auth/login", "{\"username\":\"admin\"}", 400, NULL);
  run (f, NULL, "POST", API "/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-pw\"}",
       401, NULL);
  memset (huge, ' ', PLATZD_JSON_BODY_MAX + 1);
  huge[PLATZD_JSON_BODY_MAX + 1] = '\0';
  run (f, NULL, "POST", API "/auth/login", huge, 413, NULL);
  run (f, f->admin, "POST", API "/sites", huge, 413, NULL);

  /* 10 failures for one name and address: the next one is slowed down,
   * and answered as any other */
  for (int i = 0; i < 10; i++)
    run (f, NULL, "POST", API "/auth/login", "{\"username\":\"ghost\",\"password\":\"boo-boo\"}",
         401, NULL);
  run (f, NULL, "POST", API "/auth/login", "{\"username\":\"ghost\",\"password\":\"boo-boo\"}",
       401, NULL);

  run (f, NULL, "GET", API "/me", NULL, 401, NULL);
  run (f, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "GET",
       API "/sites", NULL, 401, NULL);
  run (f, f->admin, "GET", API "/me", NULL, 200, NULL);
}

static void
exercise_structure (Fixture *f)
{
  g_autoptr(PlatzTestResponse) full = NULL;
  g_autoptr(PlatzTestResponse) plan = NULL;
  const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"60\">"
                    "<rect width=\"100\" height=\"60\" fill=\"#eee\"/></svg>";

  /* sites */
  f->site = create (f, f->admin, API "/sites",
                    "{\"name\":\"Rathaus\",\"timezone\":\"Europe/Berlin\"}");
  run (f, f->admin, "POST", API "/sites", "{\"timezone\":\"Europe/Berlin\"}", 400, NULL);
  run (f, f->admin, "GET", API "/sites", NULL, 200, NULL);
  run (f, f->admin, "GET", fmt (f, API "/sites/" ID, f->site), NULL, 200, NULL);
  run (f, f->admin, "GET", API "/sites/999999", NULL, 404, NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/sites/" ID, f->site), "{\"name\":\"Rathaus Mitte\"}",
       200, NULL);

  /* buildings */
  f->building = create (f, f->admin, API "/buildings",
                        fmt (f, "{\"site_id\":" ID ",\"name\":\"Haus A\","
                             "\"address\":\"Marktplatz 1\"}", f->site));
  run (f, f->admin, "POST", API "/buildings", "{\"site_id\":999999,\"name\":\"X\"}", 404, NULL);
  run (f, f->admin, "GET", fmt (f, API "/buildings?site_id=" ID, f->site), NULL, 200, NULL);
  run (f, f->admin, "GET", API "/buildings?site_id=abc", NULL, 400, NULL);
  run (f, f->admin, "GET", fmt (f, API "/buildings/" ID, f->building), NULL, 200, NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/buildings/" ID, f->building), "{\"address\":null}",
       200, NULL);

  /* floors */
  f->floor = create (f, f->admin, API "/floors",
                     fmt (f, "{\"building_id\":" ID ",\"name\":\"1. OG\",\"level\":1,"
                          "\"width\":100,\"height\":60}", f->building));
  run (f, f->admin, "GET", fmt (f, API "/floors?building_id=" ID, f->building), NULL, 200, NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/floors/" ID, f->floor), "{\"width\":120.5}", 200,
       NULL);

  /* occupancy standards */
  f->standard = create (f, f->admin, API "/occupancy-standards",
                        "{\"name\":\"Dreier\",\"max_persons\":3,\"min_area_per_person_m2\":8,"
                        "\"eligible_functions\":[\"staff\"]}");
  run (f, f->admin, "POST", API "/occupancy-standards",
       "{\"name\":\"X\",\"max_persons\":1,\"min_area_per_person_m2\":8,"
       "\"eligible_functions\":[\"boss\"]}", 400, NULL);
  run (f, f->admin, "GET", API "/occupancy-standards", NULL, 200, NULL);
  run (f, f->admin, "GET", fmt (f, API "/occupancy-standards/" ID, f->standard), NULL, 200,
       NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/occupancy-standards/" ID, f->standard),
       "{\"min_area_per_person_m2\":7.5}", 200, NULL);

  /* rooms */
  f->office = create (f, f->admin, API "/rooms",
                      fmt (f, "{\"floor_id\":" ID ",\"name\":\"1.01\",\"kind\":\"office\","
                           "\"area_m2\":24,\"occupancy_standard_id\":" ID ",\"x\":0,\"y\":0,"
                           "\"w\":30,\"h\":20}", f->floor, f->standard));
  f->meeting = create (f, f->admin, API "/rooms",
                       fmt (f, "{\"floor_id\":" ID ",\"name\":\"1.10\",\"kind\":\"meeting_room\","
                            "\"capacity\":8,\"equipment\":[\"whiteboard\",\"screen\"],"
                            "\"accessible\":true}", f->floor));
  f->project = create (f, f->admin, API "/rooms",
                       fmt (f, "{\"floor_id\":" ID ",\"name\":\"1.20\","
                            "\"kind\":\"project_office\",\"capacity\":6,\"area_m2\":30}",
                            f->floor));
  run (f, f->admin, "POST", API "/rooms",
       fmt (f, "{\"floor_id\":" ID ",\"name\":\"1.11\",\"kind\":\"meeting_room\","
            "\"occupancy_standard_id\":" ID "}", f->floor, f->standard), 422, "invalid_value");
  run (f, f->admin, "GET", fmt (f, API "/rooms?floor_id=" ID, f->floor), NULL, 200, NULL);
  run (f, f->admin, "GET", fmt (f, API "/rooms/" ID, f->meeting), NULL, 200, NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/rooms/" ID, f->meeting),
       "{\"equipment\":[\"whiteboard\",\"video_conference\"]}", 200, NULL);

  /* teams, users of every role */
  f->team = create (f, f->admin, API "/teams",
                    fmt (f, "{\"name\":\"Wohngeld\",\"building_id\":" ID
                         ",\"office_share_percent\":60}", f->building));
  f->team2 = create (f, f->admin, API "/teams", "{\"name\":\"Kasse\"}");
  run (f, f->admin, "POST", API "/teams", "{\"name\":\"Kasse\"}", 409, "already_exists");
  run (f, f->admin, "POST", API "/teams", "{\"name\":\"Nobody\",\"lead_user_id\":999999}", 404,
       NULL);
  f->fm_id = make_user (f, "fm", "facility_manager", "staff", f->team2, FALSE);
  f->lead_id = make_user (f, "lead", "team_lead", "head", f->team, FALSE);
  f->emp_id = make_user (f, "emp", "employee", "staff", f->team, TRUE);
  f->emp2_id = make_user (f, "emp2", "employee", "staff", f->team2, FALSE);
  run (f, f->admin, "PATCH", fmt (f, API "/teams/" ID, f->team),
       fmt (f, "{\"lead_user_id\":" ID "}", f->lead_id), 200, NULL);
  f->fm = login (f, "fm", "fm-password");
  f->lead = login (f, "lead", "lead-password");
  f->emp = login (f, "emp", "emp-password");
  f->emp2 = login (f, "emp2", "emp2-password");
  run (f, f->emp, "POST", API "/sites", "{\"name\":\"Mine\"}", 403, NULL);
  run (f, f->emp, "POST", API "/teams", "{\"name\":\"Mine\"}", 403, NULL);

  /* desks; the last one is the lead's fixed desk */
  for (int i = 0; i < 3; i++)
    f->desk[i] = create (f, f->fm, API "/desks",
                         fmt (f, "{\"room_id\":" ID ",\"name\":\"1.01-%d\",\"x\":%d,\"y\":2,"
                              "\"equipment\":[%s]}", f->office, i + 1, 2 + 8 * i,
                              i == 1 ? "\"docking_station\",\"dual_monitor\"" : ""));
  f->desk[3] = create (f, f->fm, API "/desks",
                       fmt (f, "{\"room_id\":" ID ",\"name\":\"1.01-4\",\"assigned_user_id\":"
                            ID "}", f->office, f->lead_id));
  run (f, f->fm, "POST", API "/desks", "{\"room_id\":999999,\"name\":\"X\"}", 404, NULL);
  run (f, f->fm, "GET", fmt (f, API "/desks?room_id=" ID, f->office), NULL, 200, NULL);
  run (f, f->emp, "GET", fmt (f, API "/desks/" ID, f->desk[0]), NULL, 200, NULL);
  run (f, f->fm, "PATCH", fmt (f, API "/desks/" ID, f->desk[2]),
       "{\"accessible\":true,\"equipment\":[\"window\"]}", 200, NULL);
  run (f, f->emp, "PATCH", fmt (f, API "/desks/" ID, f->desk[2]), "{\"accessible\":false}", 403,
       NULL);
  run (f, f->fm, "PATCH", fmt (f, API "/desks/" ID, f->desk[2]), "{\"x\":\"left\"}", 400, NULL);

  /* floor plan and the whole floor */
  run (f, f->fm, "PUT", fmt (f, API "/floors/" ID "/plan", f->floor), svg, 204, NULL);
  run (f, f->fm, "PUT", fmt (f, API "/floors/" ID "/plan", f->floor), "just text", 415, NULL);
  run (f, f->fm, "PUT", fmt (f, API "/floors/" ID "/plan", f->floor), NULL, 400, NULL);
  run (f, f->emp, "PUT", fmt (f, API "/floors/" ID "/plan", f->floor), svg, 403, NULL);
  run (f, f->fm, "PUT", API "/floors/999999/plan", svg, 404, NULL);
  plan = call (f, f->emp, "GET", fmt (f, API "/floors/" ID "/plan", f->floor), NULL, 200, NULL);
  g_assert_cmpuint (g_bytes_get_size (plan->body), ==, strlen (svg));
  run (f, f->emp, "GET", API "/floors/999999/plan", NULL, 404, NULL);
  full = call (f, f->emp, "GET", fmt (f, API "/floors/" ID, f->floor), NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (full, "rooms"), ==, 3);
  g_assert_cmpuint (platz_test_length (full, "desks"), ==, 4);
  g_assert_true (json_node_get_boolean (platz_test_member (full, "has_plan")));
  run (f, f->emp, "GET", API "/floors/999999", NULL, 404, NULL);
}

static void
exercise_people (Fixture *f)
{
  g_autoptr(PlatzTestResponse) members = NULL;

  run (f, f->admin, "GET", API "/users", NULL, 200, NULL);
  members = call (f, f->lead, "GET", fmt (f, API "/users?team_id=" ID, f->team), NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (members, NULL), ==, 2);
  run (f, f->lead, "GET", fmt (f, API "/users?team_id=" ID, f->team2), NULL, 403, NULL);
  run (f, f->admin, "GET", API "/users?team_id=x", NULL, 400, NULL);
  run (f, f->emp, "GET", API "/users", NULL, 403, NULL);
  run (f, f->emp, "GET", fmt (f, API "/users/" ID, f->emp_id), NULL, 200, NULL);
  run (f, f->emp2, "GET", fmt (f, API "/users/" ID, f->emp_id), NULL, 403, NULL);
  run (f, f->admin, "GET", API "/users/999999", NULL, 404, NULL);
  run (f, f->admin, "POST", API "/users",
       "{\"username\":\"shorty\",\"display_name\":\"S\",\"password\":\"short\"}", 422,
       "invalid_value");
  run (f, f->admin, "POST", API "/users",
       "{\"username\":\"emp\",\"display_name\":\"Twin\",\"password\":\"long-enough\"}", 409,
       "already_exists");
  run (f, f->admin, "POST", API "/users",
       "{\"username\":\"nomad\",\"display_name\":\"N\",\"team_id\":999999}", 404, NULL);
  run (f, f->admin, "POST", API "/users",
       "{\"username\":\"boss\",\"display_name\":\"B\",\"role\":\"king\"}", 400, NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/users/" ID, f->emp2_id), "{\"function\":\"staff\"}",
       200, NULL);
  run (f, f->emp, "PATCH", fmt (f, API "/users/" ID, f->emp2_id), "{\"display_name\":\"X\"}",
       403, NULL);
  run (f, f->admin, "PATCH", API "/users/999999", "{\"display_name\":\"X\"}", 404, NULL);

  run (f, f->emp, "PATCH", API "/me", "{\"display_name\":\"Emma Example\"}", 200, NULL);
  run (f, f->emp, "PATCH", API "/me", "{\"role\":\"admin\"}", 403, NULL);
  run (f, f->emp, "PATCH", API "/me", "{\"display_name\":5}", 400, NULL);
  run (f, f->emp, "PATCH", API "/me", "{\"password\":\"short\"}", 403, NULL);
  run (f, f->emp, "PATCH", API "/me", "{\"password\":\"short\",\"current_password\":"
       "\"emp-password\"}", 422, "invalid_value");
  run (f, f->emp, "PATCH", API "/me", "{\"password\":\"long-enough\",\"current_password\":"
       "\"not-my-password\"}", 403, NULL);
  run (f, f->emp, "PATCH", API "/me", "{\"password\":\"emp-password\",\"current_password\":"
       "\"emp-password\"}", 200, NULL);
  run (f, f->emp, "GET", API "/me/export", NULL, 200, NULL);
  run (f, f->admin, "GET", API "/audit", NULL, 200, NULL);
  run (f, f->admin, "GET", API "/audit?from=2026-01-01&to=2036-12-31&limit=5", NULL, 200, NULL);
  run (f, f->admin, "GET", API "/audit?from=soon", NULL, 400, NULL);
  run (f, f->emp, "GET", API "/audit", NULL, 403, NULL);
  run (f, f->admin, "PATCH", API "/me", "{\"username\":\"fm\"}", 409, "already_exists");

  run (f, f->admin, "GET", API "/teams", NULL, 200, NULL);
  run (f, f->emp, "GET", fmt (f, API "/teams/" ID, f->team), NULL, 200, NULL);
  run (f, f->emp, "GET", fmt (f, API "/teams/" ID, f->team2), NULL, 403, NULL);
  run (f, f->emp, "GET", API "/teams/999999", NULL, 404, NULL);
}

static void
exercise_policies (Fixture *f)
{
  run (f, f->emp, "GET", API "/policies", NULL, 200, NULL);
  run (f, f->emp, "GET", fmt (f, API "/policies?site_id=" ID, f->site), NULL, 200, NULL);
  run (f, f->emp, "GET", API "/policies?site_id=999999", NULL, 404, NULL);
  run (f, f->emp, "GET", API "/policies?site_id=x", NULL, 400, NULL);
  run (f, f->admin, "PATCH", API "/policies", "{\"retention_days\":90}", 200, NULL);
  run (f, f->admin, "PATCH", fmt (f, API "/policies?site_id=" ID, f->site),
       "{\"max_bookings_per_week\":5,\"occupancy_cap_percent\":null}", 200, NULL);
  run (f, f->emp, "PATCH", API "/policies", "{\"retention_days\":30}", 403, NULL);
  run (f, f->admin, "PATCH", API "/policies", "{\"slot_minutes\":\"15\"}", 400, NULL);
  run (f, f->admin, "PATCH", API "/policies?site_id=999999", "{\"retention_days\":30}", 404,
       NULL);
  run (f, f->admin, "PATCH", API "/policies", "{\"working_hours_start\":\"21:00\"}", 422,
       "invalid_value");
}

static void
exercise_bookings (Fixture *f)
{
  g_autoptr(PlatzTestResponse) mine = NULL;
  g_autoptr(PlatzTestResponse) floor = NULL;
  g_autoptr(PlatzTestResponse) free_desks = NULL;
  gint64 booking, today_booking;

  booking = create (f, f->emp, API "/bookings",
                    fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"full_day\"}",
                         f->desk[0], f->day));
  run (f, f->emp2, "POST", API "/bookings",
       fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"am\"}", f->desk[0], f->day), 409,
       "desk_taken");
  run (f, f->emp, "POST", API "/bookings",
       fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"pm\"}", f->desk[1], f->day), 409,
       "user_already_booked");
  run (f, f->emp, "POST", API "/bookings",
       fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"am\"}", f->desk[1], f->yesterday),
       422, "in_the_past");
  run (f, f->emp, "POST", API "/bookings", "{\"desk_id\":1,\"slot\":\"am\"}", 400, NULL);
  run (f, f->emp, "POST", API "/bookings",
       fmt (f, "{\"desk_id\":999999,\"date\":\"%s\",\"slot\":\"am\"}", f->day), 404, NULL);
  run (f, f->emp, "POST", API "/bookings",
       fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"am\",\"user_id\":" ID "}",
            f->desk[1], f->day, f->emp2_id), 403, NULL);
  /* a team lead books for a member of the team */
  create (f, f->lead, API "/bookings",
          fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"am\",\"user_id\":" ID "}",
               f->desk[1], f->day_after, f->emp_id));
  today_booking = create (f, f->emp2, API "/bookings",
                          fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"pm\"}",
                               f->desk[2], f->today));

  mine = call (f, f->emp, "GET", fmt (f, API "/bookings?from=%s&to=%s", f->day, f->day_after),
               NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (mine, NULL), ==, 2);
  run (f, f->emp, "GET", fmt (f, API "/bookings?from=%s&to=%s&status=all", f->today,
                              f->next_week), NULL, 200, NULL);
  run (f, f->lead, "GET", fmt (f, API "/bookings?team_id=" ID, f->team), NULL, 200, NULL);
  run (f, f->fm, "GET", fmt (f, API "/bookings?room_id=" ID "&status=active", f->office), NULL,
       200, NULL);
  run (f, f->emp, "GET", fmt (f, API "/bookings?room_id=" ID, f->office), NULL, 403, NULL);
  run (f, f->lead, "GET", API "/bookings?team_id=999999", NULL, 404, NULL);
  run (f, f->emp, "GET", API "/bookings?from=tomorrow", NULL, 400, NULL);
  run (f, f->emp, "GET", fmt (f, API "/bookings/" ID, booking), NULL, 200, NULL);
  run (f, f->emp2, "GET", fmt (f, API "/bookings/" ID, booking), NULL, 403, NULL);
  run (f, f->emp, "GET", API "/bookings/999999", NULL, 404, NULL);

  /* availability and search see the bookings */
  floor = call (f, f->emp2, "GET", fmt (f, API "/floors/" ID "/availability?date=%s", f->floor,
                                        f->day), NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (floor, "desks"), ==, 4);
  run (f, f->emp, "GET", fmt (f, API "/floors/" ID "/availability?date=%s", f->floor, f->day),
       NULL, 200, NULL);
  run (f, f->emp, "GET", fmt (f, API "/floors/" ID "/availability", f->floor), NULL, 400, NULL);
  run (f, f->emp, "GET", fmt (f, API "/floors/999999/availability?date=%s", f->day), NULL, 404,
       NULL);
  free_desks = call (f, f->emp2, "GET",
                     fmt (f, API "/desks/search?date=%s&slot=am&site_id=" ID
                          "&equipment=docking_station&accessible=false", f->day_after, f->site),
                     NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (free_desks, NULL), ==, 0);
  run (f, f->emp2, "GET", fmt (f, API "/desks/search?date=%s", f->next_week), NULL, 200, NULL);
  run (f, f->emp2, "GET", fmt (f, API "/desks/search?date=%s&slot=noon", f->day), NULL, 400,
       NULL);
  run (f, f->emp2, "GET", fmt (f, API "/desks/search?date=%s&site_id=999999", f->day), NULL, 404,
       NULL);

  /* check-in, cancel */
  run (f, f->emp2, "POST", fmt (f, API "/bookings/" ID "/check-in", today_booking), NULL, 200,
       NULL);
  run (f, f->emp, "POST", fmt (f, API "/bookings/" ID "/check-in", booking), NULL, 422,
       "not_today");
  run (f, f->emp2, "POST", fmt (f, API "/bookings/" ID "/check-in", booking), NULL, 403, NULL);
  run (f, f->emp, "POST", API "/bookings/999999/check-in", NULL, 404, NULL);
  run (f, f->emp2, "DELETE", fmt (f, API "/bookings/" ID, booking), NULL, 403, NULL);
  run (f, f->emp, "DELETE", fmt (f, API "/bookings/" ID, booking), NULL, 204, NULL);
  run (f, f->emp, "DELETE", fmt (f, API "/bookings/" ID, booking), NULL, 409, NULL);
  run (f, f->emp, "POST", fmt (f, API "/bookings/" ID "/check-in", booking), NULL, 409, NULL);
  run (f, f->emp, "DELETE", API "/bookings/999999", NULL, 404, NULL);

  /* the owner of a fixed desk lends a day of it */
  run (f, f->lead, "PUT", fmt (f, API "/desks/" ID "/releases/%s", f->desk[3], f->day), NULL, 204,
       NULL);
  run (f, f->emp, "PUT", fmt (f, API "/desks/" ID "/releases/%s", f->desk[3], f->day), NULL, 403,
       NULL);
  run (f, f->lead, "PUT", fmt (f, API "/desks/" ID "/releases/someday", f->desk[3]), NULL, 400,
       NULL);
  run (f, f->lead, "PUT", fmt (f, API "/desks/999999/releases/%s", f->day), NULL, 404, NULL);
  run (f, f->lead, "DELETE", fmt (f, API "/desks/" ID "/releases/%s", f->desk[3], f->day), NULL,
       204, NULL);
}

static void
exercise_reservations (Fixture *f)
{
  g_autoptr(PlatzTestResponse) meeting = NULL;
  g_autoptr(PlatzTestResponse) series = NULL;
  g_autoptr(PlatzTestResponse) clash = NULL;
  g_autoptr(PlatzTestResponse) seen = NULL;
  g_autoptr(PlatzTestResponse) rooms = NULL;
  gint64 meeting_id, series_id;

  meeting = call (f, f->emp, "POST", API "/reservations",
                  fmt (f, "{\"room_id\":" ID ",\"start\":\"%s\",\"end\":\"%s\","
                       "\"title\":\"Sprint review\",\"attendees\":4,\"team_id\":" ID "}",
                       f->meeting, berlin (f, f->day, 10, 0, FALSE),
                       berlin (f, f->day, 11, 0, FALSE), f->team), 201, NULL);
  meeting_id = platz_test_int (meeting, "id");
  g_assert_cmpuint (platz_test_length (meeting, "occurrences"), ==, 1);
  run (f, f->emp2, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"start\":\"%s\",\"end\":\"%s\"}", f->meeting,
            berlin (f, f->day, 10, 30, FALSE), berlin (f, f->day, 11, 30, FALSE)), 409,
       "room_taken");
  run (f, f->emp2, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"start\":\"%s\",\"end\":\"%s\"}", f->meeting,
            berlin (f, f->day, 12, 7, FALSE), berlin (f, f->day, 13, 0, FALSE)), 422, "off_grid");
  run (f, f->emp2, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"start\":\"%s\",\"end\":\"%s\",\"attendees\":20}",
            f->meeting, berlin (f, f->day, 12, 0, FALSE), berlin (f, f->day, 13, 0, FALSE)),
       422, "over_capacity");
  run (f, f->emp2, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"start\":\"%s\"}", f->meeting,
            berlin (f, f->day, 12, 0, FALSE)), 400, NULL);
  run (f, f->emp2, "POST", API "/reservations",
       fmt (f, "{\"room_id\":999999,\"start\":\"%s\",\"end\":\"%s\"}",
            berlin (f, f->day, 12, 0, FALSE), berlin (f, f->day, 13, 0, FALSE)), 404, NULL);
  run (f, f->emp2, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"start\":\"%s\",\"end\":\"%s\",\"team_id\":" ID "}",
            f->meeting, berlin (f, f->day, 12, 0, FALSE), berlin (f, f->day, 13, 0, FALSE),
            f->team), 403, NULL);

  /* a project office, weekly: two days, all or nothing */
  series = call (f, f->lead, "POST", API "/reservations",
                 fmt (f, "{\"room_id\":" ID ",\"team_id\":" ID ",\"from_date\":\"%s\","
                      "\"to_date\":\"%s\",\"until\":\"%s\",\"title\":\"Projekt\"}", f->project,
                      f->team, f->day, f->day, f->next_week), 201, NULL);
  series_id = platz_test_int (series, "series_id");
  g_assert_cmpuint (platz_test_length (series, "occurrences"), ==, 2);
  clash = call (f, f->admin, "POST", API "/reservations",
                fmt (f, "{\"room_id\":" ID ",\"team_id\":" ID ",\"from_date\":\"%s\","
                     "\"to_date\":\"%s\",\"weekdays\":[1,2,3,4,5,6,7]}", f->project, f->team2,
                     f->today, f->next_week), 409, "room_taken");
  g_assert_cmpuint (platz_test_length (clash, "error.conflicts"), ==, 2);
  run (f, f->emp, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"team_id\":" ID ",\"from_date\":\"%s\",\"to_date\":\"%s\"}",
            f->project, f->team, f->day_after, f->day_after), 422, "role_not_allowed");
  run (f, f->lead, "POST", API "/reservations",
       fmt (f, "{\"room_id\":" ID ",\"team_id\":" ID ",\"from_date\":\"%s\",\"to_date\":\"%s\"}",
            f->project, f->team2, f->day_after, f->day_after), 403, NULL);

  /* others see the meeting without who and why */
  seen = call (f, f->emp2, "GET", fmt (f, API "/reservations?from=%s&to=%s", f->day,
                                       f->next_week), NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (seen, NULL), ==, 3);
  g_assert_true (JSON_NODE_HOLDS_NULL (platz_test_member (seen, "0.title")));
  run (f, f->emp, "GET", fmt (f, API "/reservations?mine=true&room_id=" ID "&site_id=" ID,
                              f->meeting, f->site), NULL, 200, NULL);
  run (f, f->lead, "GET", fmt (f, API "/reservations?team_id=" ID "&to=%s", f->team,
                               f->next_week), NULL, 200, NULL);
  run (f, f->emp, "GET", API "/reservations?from=2030-02-30", NULL, 400, NULL);
  run (f, f->emp, "GET", API "/reservations?room_id=999999", NULL, 404, NULL);

  rooms = call (f, f->emp, "GET",
                fmt (f, API "/rooms/search?start=%s&end=%s&attendees=4&equipment=whiteboard"
                     "&site_id=" ID "&building_id=" ID "&floor_id=" ID "&kind=meeting_room"
                     "&accessible=true", berlin (f, f->day, 12, 0, TRUE),
                     berlin (f, f->day, 13, 0, TRUE), f->site, f->building, f->floor),
                NULL, 200, NULL);
  g_assert_cmpuint (platz_test_length (rooms, NULL), ==, 1);
  run (f, f->emp, "GET", fmt (f, API "/rooms/search?start=%s", berlin (f, f->day, 12, 0, TRUE)),
       NULL, 400, NULL);
  run (f, f->emp, "GET", fmt (f, API "/rooms/search?start=%s&end=%s&floor_id=999999",
                              berlin (f, f->day, 12, 0, TRUE), berlin (f, f->day, 13, 0, TRUE)),
       NULL, 404, NULL);

  run (f, f->emp2, "DELETE", fmt (f, API "/reservations/" ID, meeting_id), NULL, 403, NULL);
  run (f, f->emp, "DELETE", fmt (f, API "/reservations/" ID "?series=perhaps", meeting_id), NULL,
       400, NULL);
  run (f, f->emp, "DELETE", fmt (f, API "/reservations/" ID, meeting_id), NULL, 204, NULL);
  run (f, f->emp, "DELETE", fmt (f, API "/reservations/" ID, meeting_id), NULL, 409, NULL);
  run (f, f->emp, "DELETE", API "/reservations/999999", NULL, 404, NULL);
  run (f, f->lead, "DELETE", fmt (f, API "/reservations/" ID "?series=true", series_id), NULL,
       204, NULL);
}

static void
exercise_reports (Fixture *f)
{
  g_autoptr(PlatzTestResponse) plan = NULL;

  run (f, f->fm, "GET", fmt (f, API "/reports/utilisation?from=%s&to=%s&site_id=" ID,
                             f->yesterday, f->next_week, f->site), NULL, 200, NULL);
  run (f, f->admin, "GET", API "/reports/utilisation", NULL, 200, NULL);
  run (f, f->emp, "GET", API "/reports/utilisation", NULL, 403, NULL);
  run (f, f->fm, "GET", API "/reports/utilisation?from=yesterday", NULL, 400, NULL);
  run (f, f->fm, "GET", API "/reports/utilisation?site_id=999999", NULL, 404, NULL);
  plan = call (f, f->fm, "GET", fmt (f, API "/reports/occupancy-plan?site_id=" ID, f->site), NULL,
               200, NULL);
  g_assert_cmpuint (platz_test_length (plan, "buildings"), ==, 1);
  g_assert_cmpuint (platz_test_length (plan, "buildings.0.standards"), ==, 1);
  run (f, f->admin, "GET", API "/reports/occupancy-plan", NULL, 200, NULL);
  run (f, f->lead, "GET", API "/reports/occupancy-plan", NULL, 403, NULL);
  run (f, f->fm, "GET", API "/reports/occupancy-plan?site_id=x", NULL, 400, NULL);
  run (f, f->fm, "GET", API "/reports/occupancy-plan?site_id=999999", NULL, 404, NULL);
}

/* Deletes, on objects made for it */
static void
exercise_deletes (Fixture *f)
{
  gint64 site, building, floor, room, desk, standard, team, user;

  site = create (f, f->admin, API "/sites", "{\"name\":\"Außenstelle\"}");
  building = create (f, f->admin, API "/buildings",
                     fmt (f, "{\"site_id\":" ID ",\"name\":\"B\"}", site));
  floor = create (f, f->admin, API "/floors",
                  fmt (f, "{\"building_id\":" ID ",\"name\":\"EG\"}", building));
  standard = create (f, f->admin, API "/occupancy-standards",
                     "{\"name\":\"Einzel\",\"max_persons\":1,\"min_area_per_person_m2\":10,"
                     "\"eligible_functions\":[\"head\",\"staff\"]}");
  room = create (f, f->admin, API "/rooms",
                 fmt (f, "{\"floor_id\":" ID ",\"name\":\"0.01\",\"kind\":\"office\","
                      "\"area_m2\":12,\"occupancy_standard_id\":" ID "}", floor, standard));
  desk = create (f, f->admin, API "/desks", fmt (f, "{\"room_id\":" ID ",\"name\":\"0.01-1\"}",
                                                 room));
  team = create (f, f->admin, API "/teams", "{\"name\":\"Auflösung\"}");
  user = make_user (f, "leaver", "employee", "staff", team, FALSE);
  create (f, f->admin, API "/bookings",
          fmt (f, "{\"desk_id\":" ID ",\"date\":\"%s\",\"slot\":\"am\",\"user_id\":" ID "}", desk,
               f->day, user));

  run (f, f->emp, "DELETE", fmt (f, API "/desks/" ID, desk), NULL, 403, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/desks/" ID, desk), NULL, 409, "has_future_bookings");
  run (f, f->admin, "DELETE", fmt (f, API "/desks/" ID "?force=maybe", desk), NULL, 400, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/desks/" ID "?force=true", desk), NULL, 204, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/desks/" ID, desk), NULL, 404, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/rooms/" ID, room), NULL, 204, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/occupancy-standards/" ID, standard), NULL, 204, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/floors/" ID, floor), NULL, 204, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/buildings/" ID, building), NULL, 204, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/sites/" ID, site), NULL, 204, NULL);
  run (f, f->admin, "DELETE", API "/sites/999999", NULL, 404, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/users/" ID, user), NULL, 204, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/users/" ID, f->admin_id), NULL, 403, NULL);
  run (f, f->admin, "DELETE", fmt (f, API "/teams/" ID, team), NULL, 204, NULL);
  run (f, f->lead, "DELETE", fmt (f, API "/teams/" ID, f->team), NULL, 403, NULL);

  run (f, f->emp2, "POST", API "/auth/logout", NULL, 204, NULL);
  run (f, f->emp2, "GET", API "/me", NULL, 401, NULL);
}

static void
test_api (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GPtrArray) operations = platz_openapi_list_operations (api);
  g_autoptr(PlatzTestResponse) me = NULL;
  guint uncovered = 0;

  f->server = platz_test_server_start (NULL);
  f->covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->strings = g_ptr_array_new_with_free_func (g_free);
  /* The site is in Berlin: its "today" decides what is past. */
  f->today = platz_test_date (0, "Europe/Berlin");
  f->yesterday = platz_test_date (-1, "Europe/Berlin");
  f->day = platz_test_weekday (2, "Europe/Berlin");
  f->day_after = add_days (f->day, 1);
  f->next_week = add_days (f->day, 7);

  exercise_auth (f);
  me = call (f, f->admin, "GET", API "/me", NULL, 200, NULL);
  f->admin_id = platz_test_int (me, "id");
  exercise_structure (f);
  exercise_people (f);
  exercise_policies (f);
  exercise_bookings (f);
  exercise_reservations (f);
  exercise_reports (f);
  exercise_deletes (f);

  for (guint i = 0; i < operations->len; i++)
    if (!g_hash_table_contains (f->covered, operations->pdata[i]))
      {
        g_printerr ("not exercised by this test: %s\n", (char *) operations->pdata[i]);
        uncovered++;
      }

  platz_test_server_free (f->server);
  g_hash_table_unref (f->covered);
  g_ptr_array_unref (f->strings);
  g_free (f->admin);
  g_free (f->fm);
  g_free (f->lead);
  g_free (f->emp);
  g_free (f->emp2);
  g_free (f->today);
  g_free (f->yesterday);
  g_free (f->day);
  g_free (f->day_after);
  g_free (f->next_week);
  g_assert_cmpuint (f->mismatches, ==, 0);
  g_assert_cmpuint (uncovered, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  const char *path = g_getenv ("PLATZ_OPENAPI");
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (path == NULL)
    g_error ("PLATZ_OPENAPI must name schemas/openapi.json");
  api = platz_openapi_load (path, &error);
  if (api == NULL)
    g_error ("%s", error->message);

  g_test_add_func ("/openapi/document", test_document);
  g_test_add_func ("/openapi/validator", test_validator);
  g_test_add_func ("/openapi/routes", test_routes);
  g_test_add_func ("/openapi/api", test_api);
  status = g_test_run ();
  platz_openapi_free (api);
  return status;
}
