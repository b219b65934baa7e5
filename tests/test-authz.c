/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The authorisation matrix (tests/authz-matrix.txt) against a real platzd:
 * every route x role x object owner, with the status the table expects.
 * The routes come from the server's own router, in-process: a route that
 * the server registers and the table does not list fails the test, and so
 * does a row naming a route that no longer exists.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "platz-test-server.h"
#include "platzd-app.h"

#ifndef AUTHZ_MATRIX
#error "AUTHZ_MATRIX must name tests/authz-matrix.txt"
#endif

enum { ANON, EMP, LEAD, LEAD2, FM, ADMIN, N_ROLES };
static const char * const role_names[N_ROLES] = {
  "anon", "emp", "lead", "lead2", "fm", "admin",
};

/* The people of the fixture.  The first six are the requesters of the
 * columns (anon acts with no token, its "own" objects are emp's). */
enum { U_EMP, U_LEAD, U_LEAD2, U_FM, U_ADMIN, U_MATE, U_STRANGER, N_USERS };
static const struct {
  const char *name, *role, *team;
} people[N_USERS] = {
  { "emp", "employee", "A" },
  { "lead", "team_lead", "A" },
  { "lead2", "team_lead", "B" },
  { "fm", "facility_manager", "F" },
  { "adm", "admin", "F" },
  { "mate", "employee", "A" },
  { "stranger", "employee", "C" },
};
static const int role_user[N_ROLES] = { U_EMP, U_EMP, U_LEAD, U_LEAD2, U_FM, U_ADMIN };

typedef struct {
  char  *method;
  char  *pattern;    /* as registered */
  char  *query;      /* without '?', may be NULL */
  char  *variant;    /* may be NULL */
  char  *owner;      /* self, team, other, - */
  guint  expected[N_ROLES];
  int    line;
} Row;

typedef struct {
  PlatzTestServer *server;
  char   *root;                 /* the bootstrap admin's token */
  gint64  user[N_USERS];
  char   *token[N_USERS];
  gint64  team_a, team_b, team_c, team_f;
  gint64  site, building, floor, office, meeting, project;
  gint64  flex[2];
  gint64  fixed[N_USERS];       /* a fixed desk of each person */
  char   *day;                  /* a weekday inside the booking window */
  char   *today;
  guint   serial;               /* unique names */
} Fixture;

/* One request of the table: what prepare() fills in. */
typedef struct {
  const Row *row;
  int        role;
  gint64     owner_user;
  gint64     owner_team;
  gint64     id;
  char      *token;             /* owned */
  char      *body;
  GBytes    *raw;               /* a non-JSON body */
  GPtrArray *cleanup;           /* "METHOD path" run as root afterwards */
  gboolean   cancel_created;    /* on 201, cancel what was created */
} Cell;

/* Auxiliary */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->method);
  g_free (row->pattern);
  g_free (row->query);
  g_free (row->variant);
  g_free (row->owner);
  g_free (row);
}

static GPtrArray *
load_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

  g_file_get_contents (AUTHZ_MATRIX, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();
      Row *row;
      char *route, *mark;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0')
          g_ptr_array_add (fields, words[w]);
      if (fields->len != 3 + N_ROLES)
        g_error ("%s:%u: expected %d columns, found %u", AUTHZ_MATRIX, i + 1, 3 + N_ROLES,
                 fields->len);
      row = g_new0 (Row, 1);
      row->line = (int) i + 1;
      row->method = g_strdup (fields->pdata[0]);
      route = g_strdup (fields->pdata[1]);
      if ((mark = strchr (route, '#')) != NULL)
        {
          *mark = '\0';
          row->variant = g_strdup (mark + 1);
        }
      if ((mark = strchr (route, '?')) != NULL)
        {
          *mark = '\0';
          row->query = g_strdup (mark + 1);
        }
      row->pattern = route;
      row->owner = g_strdup (fields->pdata[2]);
      if (!g_strv_contains ((const char * const[]) { "self", "team", "other", "-", NULL },
                            row->owner))
        g_error ("%s:%u: unknown owner '%s'", AUTHZ_MATRIX, i + 1, row->owner);
      for (int r = 0; r < N_ROLES; r++)
        {
          row->expected[r] = (guint) g_ascii_strtoull (fields->pdata[3 + r], NULL, 10);
          if (row->expected[r] < 100 || row->expected[r] > 599)
            g_error ("%s:%u: '%s' is not a status", AUTHZ_MATRIX, i + 1,
                     (char *) fields->pdata[3 + r]);
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* The routes platzd registers, from its router in-process. */
static GPtrArray *
registered_routes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("platz-authz-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL, *shm = NULL;
  PlatzdStore *store;
  PlatzdApp *app;
  GPtrArray *routes;

  g_assert_no_error (error);
  db = g_build_filename (dir, "routes.db", NULL);
  store = platzd_store_open (db, &error);
  g_assert_no_error (error);
  app = platzd_app_new (store);
  routes = platzd_router_routes (app->router);
  platzd_app_free (app);
  platzd_store_close (store);
  wal = g_strconcat (db, "-wal", NULL);
  shm = g_strconcat (db, "-shm", NULL);
  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
  return routes;
}

static char *
next_name (Fixture    *f,
           const char *prefix)
{
  return g_strdup_printf ("%s-%u", prefix, ++f->serial);
}

static gint64
root_create (Fixture    *f,
             const char *path,
             const char *body)
{
  g_autoptr(PlatzTestResponse) resp = platz_test_request (f->server, f->root, "POST", path, body);

  platz_assert_status (resp, 201);
  return platz_test_int (resp, "id");
}

static gint64
user_team (Fixture *f,
           int      u)
{
  const char *team = people[u].team;

  return team[0] == 'A' ? f->team_a : team[0] == 'B' ? f->team_b
         : team[0] == 'C' ? f->team_c : f->team_f;
}

static int
owner_person (const Cell *c)
{
  const char *owner = c->row->owner;

  if (strcmp (owner, "team") == 0)
    return U_MATE;
  if (strcmp (owner, "other") == 0)
    return U_STRANGER;
  return role_user[c->role];
}

static char *
password_of (const char *name)
{
  return g_strdup_printf ("%s-password", name);
}

/* Raw requests (a PNG body) with the harness's session. */
static PlatzTestResponse *
raw_request (Fixture    *f,
             const char *token,
             const char *method,
             const char *path,
             GBytes     *body)
{
  g_autofree char *url = g_strconcat (f->server->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  PlatzTestResponse *resp = g_new0 (PlatzTestResponse, 1);

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  soup_message_set_request_body_from_bytes (msg, "image/png", body);
  resp->body = soup_session_send_and_read (f->server->session, msg, NULL, &error);
  g_assert_no_error (error);
  resp->status = soup_message_get_status (msg);
  resp->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return resp;
}

static GBytes *
tiny_png (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };

  return g_bytes_new_static (png, sizeof png);
}

/* Fixture */

static gint64
make_team (Fixture    *f,
           const char *name)
{
  g_autofree char *body = g_strdup_printf ("{\"name\":\"Team %s\"}", name);

  return root_create (f, "/api/v1/teams", body);
}

static gint64
make_user (Fixture    *f,
           const char *name,
           const char *role,
           gint64      team)
{
  g_autofree char *pw = password_of (name);
  g_autofree char *body = g_strdup_printf (
    "{\"username\":\"%s\",\"display_name\":\"%s Example\",\"role\":\"%s\",\"function\":\"staff\","
    "\"team_id\":%" G_GINT64_FORMAT ",\"password\":\"%s\"}", name, name, role, team, pw);

  return root_create (f, "/api/v1/users", body);
}

static void
set_lead (Fixture *f,
          gint64   team,
          gint64   lead)
{
  g_autofree char *body = g_strdup_printf ("{\"lead_user_id\":%" G_GINT64_FORMAT "}", lead);
  g_autoptr(PlatzTestResponse) resp = platz_test_requestf (f->server, f->root, "PATCH", body,
                                                           "/api/v1/teams/%" G_GINT64_FORMAT,
                                                           team);

  platz_assert_status (resp, 200);
}

static void
fixture_set_up (Fixture *f)
{
  PlatzTestServer *s;
  g_autoptr(PlatzTestResponse) resp = NULL;
  g_autoptr(PlatzTestResponse) plan = NULL;
  g_autoptr(GBytes) png = tiny_png ();
  g_autofree char *plan_path = NULL;

  s = f->server = platz_test_server_start (NULL);
  f->root = platz_test_login (s, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  f->day = platz_test_weekday (3, "UTC");
  f->today = platz_test_date (0, "UTC");

  /* Room for one booking per person per day; check-in at any hour. */
  resp = platz_test_request (s, f->root, "PATCH", "/api/v1/policies",
                             "{\"max_bookings_per_week\":7,\"check_in_deadline\":\"23:59\"}");
  platz_assert_status (resp, 200);

  f->site = platz_test_create (s, f->root, "/api/v1/sites",
                               "{\"name\":\"Authz\",\"timezone\":\"UTC\"}");
  f->building = platz_test_create (s, f->root, "/api/v1/buildings",
                                   "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"Main\"}",
                                   f->site);
  f->floor = platz_test_create (s, f->root, "/api/v1/floors",
                                "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"Ground\"}",
                                f->building);
  f->office = platz_test_create (s, f->root, "/api/v1/rooms",
                                 "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"Open space\","
                                 "\"kind\":\"office\",\"area_m2\":200}", f->floor);
  f->meeting = platz_test_create (s, f->root, "/api/v1/rooms",
                                  "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"Meeting\","
                                  "\"kind\":\"meeting_room\",\"capacity\":8}", f->floor);
  f->project = platz_test_create (s, f->root, "/api/v1/rooms",
                                  "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"Project\","
                                  "\"kind\":\"project_office\",\"capacity\":6}", f->floor);
  for (int i = 0; i < 2; i++)
    f->flex[i] = platz_test_create (s, f->root, "/api/v1/desks",
                                    "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"Flex %d\"}",
                                    f->office, i);
  plan_path = g_strdup_printf ("/api/v1/floors/%" G_GINT64_FORMAT "/plan", f->floor);
  plan = raw_request (f, f->root, "PUT", plan_path, png);
  platz_assert_status (plan, 204);

  f->team_a = make_team (f, "A");
  f->team_b = make_team (f, "B");
  f->team_c = make_team (f, "C");
  f->team_f = make_team (f, "F");
  for (int u = 0; u < N_USERS; u++)
    f->user[u] = make_user (f, people[u].name, people[u].role, user_team (f, u));
  set_lead (f, f->team_a, f->user[U_LEAD]);
  set_lead (f, f->team_b, f->user[U_LEAD2]);

  for (int u = 0; u < N_USERS; u++)
    {
      g_autofree char *pw = password_of (people[u].name);
      f->fixed[u] = platz_test_create (s, f->root, "/api/v1/desks",
                                       "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"Fixed %s\","
                                       "\"assigned_user_id\":%" G_GINT64_FORMAT "}",
                                       f->office, people[u].name, f->user[u]);
      f->token[u] = platz_test_login (s, people[u].name, pw);
    }
}

static void
fixture_tear_down (Fixture *f)
{
  platz_test_server_free (f->server);
  g_free (f->root);
  for (int u = 0; u < N_USERS; u++)
    g_free (f->token[u]);
  g_free (f->day);
  g_free (f->today);
}

/* Preparing one cell */

static void
cell_clear (Cell *c)
{
  g_free (c->token);
  g_free (c->body);
  g_clear_pointer (&c->raw, g_bytes_unref);
  g_clear_pointer (&c->cleanup, g_ptr_array_unref);
}

static void
add_cleanup (Cell       *c,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_cleanup (Cell       *c,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (c->cleanup, g_strdup_vprintf (format, args));
  va_end (args);
}

static gint64
fresh_booking (Fixture    *f,
               gint64      user_id,
               gint64      desk_id,
               const char *date,
               const char *slot)
{
  g_autofree char *body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                           "\"slot\":\"%s\",\"user_id\":%" G_GINT64_FORMAT "}",
                                           desk_id, date, slot, user_id);

  return root_create (f, "/api/v1/bookings", body);
}

static char *
meeting_body (Fixture *f,
              gint64   team)
{
  g_autofree char *team_member = team > 0 ? g_strdup_printf (",\"team_id\":%" G_GINT64_FORMAT,
                                                             team)
                                          : g_strdup ("");

  return g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%sT09:00:00Z\","
                          "\"end\":\"%sT10:00:00Z\",\"title\":\"Weekly\",\"attendees\":2%s}",
                          f->meeting, f->day, f->day, team_member);
}

/* A structure object created by root for the cell, deleted afterwards. */
static char *
structure_body (Fixture    *f,
                const char *collection)
{
  g_autofree char *name = next_name (f, collection);

  if (strcmp (collection, "sites") == 0)
    return g_strdup_printf ("{\"name\":\"%s\",\"timezone\":\"UTC\"}", name);
  if (strcmp (collection, "buildings") == 0)
    return g_strdup_printf ("{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"%s\"}", f->site, name);
  if (strcmp (collection, "floors") == 0)
    return g_strdup_printf ("{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"%s\"}",
                            f->building, name);
  if (strcmp (collection, "rooms") == 0)
    return g_strdup_printf ("{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"%s\","
                            "\"kind\":\"meeting_room\",\"capacity\":4}", f->floor, name);
  if (strcmp (collection, "desks") == 0)
    return g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"%s\"}", f->office,
                            name);
  if (strcmp (collection, "occupancy-standards") == 0)
    return g_strdup_printf ("{\"name\":\"%s\",\"max_persons\":2,\"min_area_per_person_m2\":8,"
                            "\"eligible_functions\":[\"staff\"]}", name);
  return NULL;
}

/* The body of a PATCH of a user: a privilege escalation (#role), a
 * password change without the current password (#password), or a
 * harmless rename. */
static char *
self_patch_body (const char *variant,
                 const char *name)
{
  if (g_strcmp0 (variant, "role") == 0)
    return g_strdup ("{\"role\":\"admin\"}");
  if (g_strcmp0 (variant, "password") == 0)
    return g_strdup ("{\"password\":\"never-accepted-1\"}");
  return g_strdup_printf ("{\"display_name\":\"%s\"}", name);
}

/* Fills in the cell's id, body, token and cleanup; FALSE for a route this
 * test does not know how to exercise (then the table needs a new case). */
static gboolean
prepare (Fixture *f,
         Cell    *c)
{
  const Row *row = c->row;
  const char *p = row->pattern;
  const char *m = row->method;
  int person = owner_person (c);
  g_auto(GStrv) parts = NULL;

  c->owner_user = f->user[person];
  c->owner_team = user_team (f, person);
  if (c->role != ANON)
    c->token = g_strdup (f->token[role_user[c->role]]);
  if (g_str_has_prefix (p, PLATZD_API))
    p += strlen (PLATZD_API);
  parts = g_strsplit (p + 1, "/", -1);

  if (strcmp (p, "/healthz") == 0 || strcmp (row->pattern, "/healthz") == 0 ||
      strcmp (p, "/desks/search") == 0 || strcmp (p, "/rooms/search") == 0 ||
      g_str_has_prefix (p, "/reports/") ||
      (strcmp (m, "GET") == 0 && (strcmp (p, "/me") == 0 || strcmp (p, "/me/export") == 0 ||
                                  strcmp (p, "/audit") == 0 || strcmp (p, "/policies") == 0 ||
                                  strcmp (p, "/users") == 0 || strcmp (p, "/teams") == 0 ||
                                  strcmp (p, "/bookings") == 0 ||
                                  strcmp (p, "/reservations") == 0)))
    return TRUE;

  if (strcmp (p, "/auth/login") == 0)
    {
      const char *name = people[role_user[c->role]].name;
      g_autofree char *pw = password_of (name);
      c->body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", name, pw);
      return TRUE;
    }
  if (strcmp (p, "/auth/logout") == 0)
    {
      /* A token of its own, so the others stay valid. */
      if (c->role != ANON)
        {
          const char *name = people[role_user[c->role]].name;
          g_autofree char *pw = password_of (name);
          g_free (c->token);
          c->token = platz_test_login (f->server, name, pw);
        }
      return TRUE;
    }
  if (strcmp (p, "/me") == 0 && strcmp (m, "PATCH") == 0)
    {
      c->body = self_patch_body (row->variant, "Me");
      return TRUE;
    }
  if (strcmp (p, "/policies") == 0)
    {
      c->body = g_strdup ("{\"max_bookings_per_week\":7}");
      return TRUE;
    }

  /* /floors/{id}/plan and /floors/{id}/availability on the fixture floor */
  if (g_strv_length (parts) == 3 && strcmp (parts[0], "floors") == 0)
    {
      c->id = f->floor;
      if (strcmp (parts[2], "plan") == 0 && strcmp (m, "PUT") == 0)
        c->raw = tiny_png ();
      return TRUE;
    }

  if (strcmp (p, "/desks/{id}/releases/{date}") == 0)
    {
      c->id = f->fixed[person];
      add_cleanup (c, "DELETE /api/v1/desks/%" G_GINT64_FORMAT "/releases/%s", c->id, f->day);
      return TRUE;
    }

  if (strcmp (parts[0], "users") == 0)
    {
      if (parts[1] == NULL)
        {
          g_autofree char *name = next_name (f, "user");
          c->body = g_strdup_printf ("{\"username\":\"%s\",\"display_name\":\"New\","
                                     "\"role\":\"employee\",\"function\":\"staff\","
                                     "\"team_id\":%" G_GINT64_FORMAT ","
                                     "\"password\":\"password-123\"}", name, f->team_a);
          c->cancel_created = TRUE;
          return TRUE;
        }
      c->id = c->owner_user;
      if (strcmp (m, "DELETE") == 0 && strcmp (row->owner, "self") != 0)
        {
          g_autofree char *name = next_name (f, "victim");
          c->id = make_user (f, name, "employee", c->owner_team);
          add_cleanup (c, "DELETE /api/v1/users/%" G_GINT64_FORMAT, c->id);
        }
      else if (strcmp (m, "PATCH") == 0)
        c->body = self_patch_body (row->variant, "Kim");
      return TRUE;
    }

  if (strcmp (parts[0], "teams") == 0)
    {
      if (parts[1] == NULL)
        {
          g_autofree char *name = next_name (f, "team");
          c->body = g_strdup_printf ("{\"name\":\"%s\"}", name);
          c->cancel_created = TRUE;
          return TRUE;
        }
      c->id = c->owner_team;
      if (strcmp (m, "DELETE") == 0)
        {
          g_autofree char *name = next_name (f, "team");
          g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\"}", name);
          c->id = root_create (f, "/api/v1/teams", body);
          add_cleanup (c, "DELETE /api/v1/teams/%" G_GINT64_FORMAT, c->id);
        }
      else if (strcmp (m, "PATCH") == 0)
        {
          g_autofree char *name = next_name (f, "team");
          c->body = g_strdup_printf ("{\"name\":\"%s\"}", name);
        }
      return TRUE;
    }

  if (strcmp (parts[0], "bookings") == 0)
    {
      if (parts[1] == NULL)
        {
          c->body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                                     "\"slot\":\"am\",\"user_id\":%" G_GINT64_FORMAT "}",
                                     f->flex[0], f->day, c->owner_user);
          c->cancel_created = TRUE;
          return TRUE;
        }
      /* check-in works on the day only; pm is never released as a no-show */
      if (parts[2] != NULL)
        c->id = fresh_booking (f, c->owner_user, f->flex[1], f->today, "pm");
      else
        c->id = fresh_booking (f, c->owner_user, f->flex[0], f->day, "am");
      add_cleanup (c, "DELETE /api/v1/bookings/%" G_GINT64_FORMAT, c->id);
      return TRUE;
    }

  if (strcmp (parts[0], "reservations") == 0)
    {
      if (parts[1] == NULL)
        {
          if (g_strcmp0 (row->variant, "project_office") == 0)
            c->body = g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"team_id\":%"
                                       G_GINT64_FORMAT ",\"from_date\":\"%s\",\"to_date\":\"%s\"}",
                                       f->project, c->owner_team, f->day, f->day);
          else
            c->body = meeting_body (f, strcmp (row->owner, "self") == 0 ? 0 : c->owner_team);
          c->cancel_created = TRUE;
          return TRUE;
        }
      {
        /* reserved by the owner, for the owner's team unless it is one's own */
        g_autofree char *body = meeting_body (f, strcmp (row->owner, "self") == 0
                                                 ? 0 : c->owner_team);
        g_autoptr(PlatzTestResponse) resp = platz_test_request (f->server, f->token[person],
                                                                "POST", "/api/v1/reservations",
                                                                body);
        platz_assert_status (resp, 201);
        c->id = platz_test_int (resp, "id");
        add_cleanup (c, "DELETE /api/v1/reservations/%" G_GINT64_FORMAT, c->id);
      }
      return TRUE;
    }

  /* The structure resources: a fresh object per cell. */
  {
    g_autofree char *body = structure_body (f, parts[0]);

    if (body == NULL)
      return FALSE;
    if (parts[1] == NULL)
      {
        c->body = g_steal_pointer (&body);
        c->cancel_created = TRUE;
        return TRUE;
      }
    if (parts[2] != NULL)
      return FALSE;
    {
      g_autofree char *path = g_strconcat (PLATZD_API "/", parts[0], NULL);
      c->id = root_create (f, path, body);
      add_cleanup (c, "DELETE %s/%" G_GINT64_FORMAT "?force=true", path, c->id);
      if (strcmp (m, "PATCH") == 0)
        {
          g_autofree char *name = next_name (f, parts[0]);
          c->body = g_strdup_printf ("{\"name\":\"%s\"}", name);
        }
    }
    return TRUE;
  }
}

/* The path with {id}, {date}, {team}, ... filled in, and the query. */
static char *
expand (Fixture    *f,
        const Cell *c)
{
  g_autoptr(GString) path = g_string_new (c->row->pattern);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
  g_autofree char *team = g_strdup_printf ("%" G_GINT64_FORMAT, c->owner_team);
  g_autofree char *room = g_strdup_printf ("%" G_GINT64_FORMAT, f->office);
  g_autofree char *site = g_strdup_printf ("%" G_GINT64_FORMAT, f->site);
  g_autofree char *start = g_strdup_printf ("%sT09:00:00Z", f->day);
  g_autofree char *end = g_strdup_printf ("%sT10:00:00Z", f->day);

  if (c->row->query != NULL)
    g_string_append_printf (path, "?%s", c->row->query);
  g_string_replace (path, "{id}", id, 0);
  g_string_replace (path, "{date}", f->day, 0);
  g_string_replace (path, "{team}", team, 0);
  g_string_replace (path, "{room}", room, 0);
  g_string_replace (path, "{site}", site, 0);
  g_string_replace (path, "{start}", start, 0);
  g_string_replace (path, "{end}", end, 0);
  g_assert_null (strchr (path->str, '{'));
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
run_cleanup (Fixture           *f,
             Cell              *c,
             PlatzTestResponse *resp)
{
  if (c->cancel_created && resp->status == 201)
    {
      const char *p = c->row->pattern;
      gint64 id = platz_test_int (resp, "id");

      /* Only the parameters each DELETE takes: others are refused. */
      if (strstr (p, "/reservations") != NULL)
        add_cleanup (c, "DELETE %s/%" G_GINT64_FORMAT "?series=true", p, id);
      else if (strstr (p, "/bookings") != NULL)
        add_cleanup (c, "DELETE %s/%" G_GINT64_FORMAT, p, id);
      else
        add_cleanup (c, "DELETE %s/%" G_GINT64_FORMAT "?force=true", p, id);
    }
  for (guint i = 0; i < c->cleanup->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (c->cleanup->pdata[i], " ", 2);
      platz_test_response_free (platz_test_request (f->server, f->root, words[0], words[1],
                                                    NULL));
    }
}

/* Tests */

static void
test_routes_listed (void)
{
  g_autoptr(GPtrArray) rows = load_matrix ();
  g_autoptr(GPtrArray) routes = registered_routes ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) served = g_hash_table_new (g_str_hash, g_str_equal);
  guint problems = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = rows->pdata[i];
      g_hash_table_add (listed, g_strdup_printf ("%s %s", row->method, row->pattern));
    }
  for (guint i = 0; i < routes->len; i++)
    {
      g_hash_table_add (served, routes->pdata[i]);
      if (!g_hash_table_contains (listed, routes->pdata[i]))
        {
          g_printerr ("platzd registers %s; %s has no row for it\n", (char *) routes->pdata[i],
                      AUTHZ_MATRIX);
          problems++;
        }
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = rows->pdata[i];
      g_autofree char *key = g_strdup_printf ("%s %s", row->method, row->pattern);
      if (!g_hash_table_contains (served, key))
        {
          g_printerr ("%s:%d: %s is not a route of platzd\n", AUTHZ_MATRIX, row->line, key);
          problems++;
        }
    }
  g_assert_cmpuint (problems, ==, 0);
}

static void
test_matrix (void)
{
  g_autoptr(GPtrArray) rows = load_matrix ();
  Fixture f = { 0 };
  guint cells = 0, wrong = 0;

  fixture_set_up (&f);
  for (guint i = 0; i < rows->len; i++)
    for (int role = 0; role < N_ROLES; role++)
      {
        Cell c = { .row = rows->pdata[i], .role = role };
        g_autoptr(PlatzTestResponse) resp = NULL;
        g_autofree char *path = NULL;

        c.cleanup = g_ptr_array_new_with_free_func (g_free);
        if (!prepare (&f, &c))
          g_error ("%s:%d: test-authz.c does not know how to call %s %s", AUTHZ_MATRIX,
                   c.row->line, c.row->method, c.row->pattern);
        path = expand (&f, &c);
        if (c.raw != NULL)
          resp = raw_request (&f, c.token, c.row->method, path, c.raw);
        else
          resp = platz_test_request (f.server, c.token, c.row->method, path, c.body);
        cells++;
        if (resp->status != c.row->expected[role])
          {
            g_printerr ("%s:%d: %s %s as %s (owner %s): expected %u, got %u: %.*s\n",
                        AUTHZ_MATRIX, c.row->line, c.row->method, path, role_names[role],
                        c.row->owner, c.row->expected[role], resp->status,
                        (int) MIN (g_bytes_get_size (resp->body), 300),
                        (const char *) g_bytes_get_data (resp->body, NULL));
            wrong++;
          }
        run_cleanup (&f, &c, resp);
        cell_clear (&c);
      }
  fixture_tear_down (&f);
  g_test_message ("%u cells, %u wrong", cells, wrong);
  g_assert_cmpuint (wrong, ==, 0);
}

static gboolean
body_contains (PlatzTestResponse *resp,
               const char        *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (resp->body, &size);
  g_autofree char *text = g_strndup (data, size);

  return strstr (text, needle) != NULL;
}

/* Beyond the status: what a 200 may show.  An employee sees that a desk
 * or a room is taken, never by whom (unless the booker shares presence)
 * nor a stranger's meeting title; lists hold only what the reader may see. */
static void
test_private_details (void)
{
  Fixture f = { 0 };
  g_autoptr(PlatzTestResponse) avail = NULL;
  g_autoptr(PlatzTestResponse) list = NULL;
  g_autoptr(PlatzTestResponse) users = NULL;
  g_autoptr(PlatzTestResponse) teams = NULL;
  g_autofree char *meeting = NULL;
  gint64 booking, reservation;
  JsonArray *array;
  gboolean found = FALSE;

  fixture_set_up (&f);
  booking = fresh_booking (&f, f.user[U_STRANGER], f.flex[0], f.day, "am");
  meeting = g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%sT11:00:00Z\","
                             "\"end\":\"%sT12:00:00Z\",\"title\":\"Secret merger\"}",
                             f.meeting, f.day, f.day);
  {
    g_autoptr(PlatzTestResponse) resp = platz_test_request (f.server, f.token[U_STRANGER], "POST",
                                                            "/api/v1/reservations", meeting);
    platz_assert_status (resp, 201);
    reservation = platz_test_int (resp, "id");
  }

  avail = platz_test_requestf (f.server, f.token[U_EMP], "GET", NULL,
                               "/api/v1/floors/%" G_GINT64_FORMAT "/availability?date=%s",
                               f.floor, f.day);
  platz_assert_status (avail, 200);
  array = json_node_get_array (platz_test_member (avail, "desks"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *desk = json_array_get_object_element (array, i);
      if (json_object_get_int_member (desk, "id") != f.flex[0])
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (desk, "am"), ==, "booked");
      g_assert_false (json_object_has_member (desk, "booked_by"));
    }
  g_assert_true (found);

  list = platz_test_requestf (f.server, f.token[U_EMP], "GET", NULL,
                              "/api/v1/reservations?from=%s&to=%s", f.day, f.day);
  platz_assert_status (list, 200);
  g_assert_cmpuint (platz_test_length (list, ""), ==, 1);
  g_assert_cmpint (platz_test_int (list, "0.id"), ==, reservation);
  g_assert_null (platz_test_str (list, "0.title"));
  g_assert_true (platz_test_member (list, "0.user_id") == NULL ||
                 JSON_NODE_HOLDS_NULL (platz_test_member (list, "0.user_id")) ||
                 platz_test_int (list, "0.user_id") == 0);
  g_assert_false (body_contains (list, "Secret"));

  /* A team lead lists their team, nobody else; an employee their team. */
  users = platz_test_request (f.server, f.token[U_LEAD], "GET", "/api/v1/users", NULL);
  platz_assert_status (users, 200);
  array = json_node_get_array (users->json);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);   /* emp, lead, mate */
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, i),
                                                 "team_id"), ==, f.team_a);
  teams = platz_test_request (f.server, f.token[U_EMP], "GET", "/api/v1/teams", NULL);
  platz_assert_status (teams, 200);
  g_assert_cmpuint (platz_test_length (teams, ""), ==, 1);
  g_assert_cmpint (platz_test_int (teams, "0.id"), ==, f.team_a);

  /* The booking itself stays the stranger's business. */
  {
    g_autoptr(PlatzTestResponse) resp = platz_test_requestf (f.server, f.token[U_EMP], "GET",
                                                             NULL, "/api/v1/bookings/%"
                                                             G_GINT64_FORMAT, booking);
    platz_assert_status (resp, 403);
    g_assert_false (body_contains (resp, "stranger"));
  }
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/authz/routes-listed", test_routes_listed);
  g_test_add_func ("/authz/matrix", test_matrix);
  g_test_add_func ("/authz/private-details", test_private_details);
  return g_test_run ();
}
