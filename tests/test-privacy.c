/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * No history of another person: every GET route of schemas/openapi.json,
 * called with the tokens of an employee, a team's lead (a head), a
 * facility manager and an admin, over a database holding other people's
 * bookings and reservations on past dates.
 *
 * Path ids are filled with real ids of the seeded objects (the path
 * segment before {id} names the collection; an unknown one gets every
 * seeded id), query parameters from the document's parameter list: dates
 * before today (and ranges reaching into the coming week), times of
 * yesterday, each id of the parameter's kind, each value of an enum,
 * true for booleans.  A route added to the document is walked without
 * editing this file.
 *
 * An answer fails when an object in it that lies on a past date (its
 * "end", else its "date", else its "start" before the site's today)
 * holds, anywhere inside, another person's display name or username, or
 * another person's id as "user_id".  Each answer must also be below 500.
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "platz-test-server.h"

#define ZONE "Europe/Berlin"
#define MAX_VARIANTS_PER_ROUTE 400

typedef struct {
  const char *username;
  const char *display_name;
  gint64      id;
  char       *token;
} Person;

enum { ERIK, PAULA, LENA, FRITZ, BEA, N_PEOPLE };

typedef struct {
  PlatzTestServer *server;
  char       *admin;
  gint64      admin_id;
  Person      people[N_PEOPLE];
  GHashTable *ids;           /* collection ("floors") -> GArray of gint64 */
  JsonParser *doc;
  char       *today;
  char       *yesterday;
  char       *week_ago;
  char       *next_week;
  gint64      floor;
  gint64      triple_desk[3];
  gint64      head_desk;
  gint64      meeting;
} Fixture;

typedef struct {
  guint       requests;
  guint       past_objects;  /* objects on a past date that were examined */
  GHashTable *past_routes;   /* routes whose answers held such objects */
  GPtrArray  *violations;    /* char * */
  GHashTable *caught;        /* route patterns with a violation */
} Walk;

/* Auxiliary */

static void
add_id (Fixture    *f,
        const char *collection,
        gint64      id)
{
  GArray *list = g_hash_table_lookup (f->ids, collection);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (f->ids, g_strdup (collection), list);
    }
  g_array_append_val (list, id);
}

static gint64
create (Fixture    *f,
        const char *collection,
        const char *body)
{
  g_autofree char *path = g_strconcat ("/api/v1/", collection, NULL);
  gint64 id = platz_test_create (f->server, f->admin, path, "%s", body);

  add_id (f, collection, id);
  return id;
}

/* Runs an INSERT on the server's database; the new row's id. */
static gint64
insert_row (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_open (f->server->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  id = sqlite3_last_insert_rowid (db);
  sqlite3_close (db);
  return id;
}

/* A booking made back then: the API refuses past dates. */
static void
past_booking (Fixture    *f,
              gint64      desk,
              int         who,
              const char *date,
              const char *status)
{
  /* Active ones were checked in at 08:00 that day. */
  g_autofree char *checked_in = g_str_equal (status, "active")
                              ? g_strdup_printf ("'%sT08:00:00Z'", date) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO bookings (desk_id, user_id, date, slot, status, checked_in_at, created_at) "
    "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', 'full_day', '%s', %s, "
    "'2000-01-01T00:00:00Z')", desk, f->people[who].id, date, status, checked_in);

  add_id (f, "bookings", insert_row (f, sql));
}

static void
past_reservation (Fixture    *f,
                  gint64      room,
                  int         who,
                  gint64      team,
                  const char *date,
                  const char *from,
                  const char *to,
                  const char *title)
{
  g_autofree char *team_text = team > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, team)
                                        : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO reservations (room_id, user_id, team_id, start, \"end\", title, attendees, "
    "created_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %s, '%sT%s:00Z', "
    "'%sT%s:00Z', '%s', 1, '2000-01-01T00:00:00Z')", room, f->people[who].id, team_text, date,
    from, date, to, title);

  add_id (f, "reservations", insert_row (f, sql));
}

static char *
berlin_time (const char *date,
             int         hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  dt = g_date_time_new (zone, g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                        hour, 0, 0);
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char *roles[N_PEOPLE][4] = {
    /* username, display name, role, function */
    { "erik-ansicht", "Erik Ansicht", "employee", "staff" },
    { "paula-vorher", "Paula Vorher", "employee", "staff" },
    { "lena-leitung", "Lena Leitung", "team_lead", "head" },
    { "fritz-flaeche", "Fritz Flaeche", "facility_manager", "staff" },
    { "bea-anders", "Bea Anders", "employee", "staff" },
  };
  const char *path = g_getenv ("PLATZ_OPENAPI");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 site, building, staff3, head1, triple, single, project, team_a, team_b;
  g_autofree char *ahead = platz_test_weekday (2, ZONE);
  g_autofree char *start = berlin_time (ahead, 10);
  g_autofree char *end = berlin_time (ahead, 11);
  g_autoptr(PlatzTestResponse) r = NULL;

  g_assert_nonnull (path);
  f->doc = json_parser_new ();
  json_parser_load_from_file (f->doc, path, &error);
  g_assert_no_error (error);

  f->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_array_unref);
  f->today = platz_test_date (0, ZONE);
  f->yesterday = platz_test_date (-1, ZONE);
  f->week_ago = platz_test_date (-7, ZONE);
  f->next_week = platz_test_date (7, ZONE);

  f->server = platz_test_server_start (NULL);
  f->admin = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  r = platz_test_request (f->server, f->admin, "GET", "/api/v1/me", NULL);
  platz_assert_status (r, 200);
  f->admin_id = platz_test_int (r, "id");

  site = create (f, "sites", "{\"name\":\"Rathaus\",\"timezone\":\"" ZONE "\"}");
  body = g_strdup_printf ("{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"A\"}", site);
  building = create (f, "buildings", body);
  g_free (body);
  body = g_strdup_printf ("{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"1. OG\"}", building);
  f->floor = create (f, "floors", body);
  staff3 = create (f, "occupancy-standards",
                   "{\"name\":\"Dreier\",\"max_persons\":3,\"min_area_per_person_m2\":8,"
                   "\"eligible_functions\":[\"staff\"]}");
  head1 = create (f, "occupancy-standards",
                  "{\"name\":\"Leitung\",\"max_persons\":1,\"min_area_per_person_m2\":12,"
                  "\"eligible_functions\":[\"head\"]}");
  g_free (body);
  body = g_strdup_printf ("{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.01\",\"kind\":\"office\","
                          "\"area_m2\":24,\"occupancy_standard_id\":%" G_GINT64_FORMAT "}",
                          f->floor, staff3);
  triple = create (f, "rooms", body);
  g_free (body);
  body = g_strdup_printf ("{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.02\",\"kind\":\"office\","
                          "\"area_m2\":14,\"occupancy_standard_id\":%" G_GINT64_FORMAT "}",
                          f->floor, head1);
  single = create (f, "rooms", body);
  g_free (body);
  body = g_strdup_printf ("{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.10\","
                          "\"kind\":\"meeting_room\",\"capacity\":8}", f->floor);
  f->meeting = create (f, "rooms", body);
  g_free (body);
  body = g_strdup_printf ("{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"1.20\","
                          "\"kind\":\"project_office\",\"capacity\":6}", f->floor);
  project = create (f, "rooms", body);
  for (int i = 0; i < 3; i++)
    {
      g_free (body);
      body = g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"1.01-%d\"}", triple,
                              i + 1);
      f->triple_desk[i] = create (f, "desks", body);
    }
  g_free (body);
  body = g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"1.02-1\"}", single);
  f->head_desk = create (f, "desks", body);
  team_a = create (f, "teams", "{\"name\":\"Wohngeld\"}");
  team_b = create (f, "teams", "{\"name\":\"Kasse\"}");

  for (int i = 0; i < N_PEOPLE; i++)
    {
      Person *p = &f->people[i];
      g_autofree char *team = i == FRITZ ? g_strdup ("null")
                            : g_strdup_printf ("%" G_GINT64_FORMAT, i == BEA ? team_b : team_a);

      p->username = roles[i][0];
      p->display_name = roles[i][1];
      g_free (body);
      body = g_strdup_printf ("{\"username\":\"%s\",\"display_name\":\"%s\",\"role\":\"%s\","
                              "\"function\":\"%s\",\"team_id\":%s,\"password\":\"%s-pw-123\"}",
                              roles[i][0], roles[i][1], roles[i][2], roles[i][3], team,
                              roles[i][0]);
      p->id = create (f, "users", body);
      g_free (body);
      body = g_strdup_printf ("%s-pw-123", roles[i][0]);
      p->token = platz_test_login (f->server, p->username, body);
    }
  add_id (f, "users", f->admin_id);
  g_free (body);
  body = g_strdup_printf ("{\"lead_user_id\":%" G_GINT64_FORMAT "}", f->people[LENA].id);
  platz_test_response_free (platz_test_requestf (f->server, f->admin, "PATCH", body,
                                                 "/api/v1/teams/%" G_GINT64_FORMAT, team_a));
  /* Everyone shares their presence: names are there to be shown ahead. */
  for (int i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(PlatzTestResponse) share = platz_test_request (f->server, f->people[i].token,
                                                               "PATCH", "/api/v1/me",
                                                               "{\"share_presence\":true}");
      platz_assert_status (share, 200);
    }

  /* The past: each of them sat somewhere and reserved something. */
  past_booking (f, f->triple_desk[0], PAULA, f->yesterday, "active");
  past_booking (f, f->triple_desk[0], PAULA, f->week_ago, "released");
  past_booking (f, f->triple_desk[1], ERIK, f->yesterday, "active");
  past_booking (f, f->triple_desk[2], BEA, f->yesterday, "active");
  past_booking (f, f->triple_desk[1], FRITZ, f->week_ago, "active");
  past_booking (f, f->head_desk, LENA, f->yesterday, "active");
  past_reservation (f, f->meeting, PAULA, 0, f->yesterday, "08:00", "09:00",
                    "Sprechstunde Paula Vorher");
  past_reservation (f, f->meeting, BEA, team_b, f->yesterday, "10:00", "11:00", "Kasse");
  past_reservation (f, f->meeting, FRITZ, 0, f->week_ago, "10:00", "11:00", "Begehung");
  past_reservation (f, project, LENA, team_a, f->yesterday, "06:00", "18:00",
                    "Projekt Lena Leitung");

  /* Ahead: the same people book and reserve (shown by name, rightly). */
  g_free (body);
  body = g_strdup_printf ("{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
                          "\"slot\":\"full_day\"}", f->triple_desk[0], ahead);
  add_id (f, "bookings", platz_test_create (f->server, f->people[PAULA].token,
                                            "/api/v1/bookings", "%s", body));
  g_free (body);
  body = g_strdup_printf ("{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\","
                          "\"title\":\"Paula Vorher lädt ein\",\"attendees\":2}", f->meeting,
                          start, end);
  {
    g_autoptr(PlatzTestResponse) res = platz_test_request (f->server, f->people[PAULA].token,
                                                           "POST", "/api/v1/reservations", body);
    platz_assert_status (res, 201);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  platz_test_server_free (f->server);
  g_free (f->admin);
  for (int i = 0; i < N_PEOPLE; i++)
    g_free (f->people[i].token);
  g_hash_table_unref (f->ids);
  g_object_unref (f->doc);
  g_free (f->today);
  g_free (f->yesterday);
  g_free (f->week_ago);
  g_free (f->next_week);
}

/* Checking an answer */

/* The day an object lies on, as YYYY-MM-DD in the site's zone, or NULL. */
static const char *
object_day (JsonObject *o)
{
  static const char *members[] = { "end", "date", "start" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (o, members[i]);
      const char *text;

      if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (node);
      if (strlen (text) >= 10 && text[4] == '-' && text[7] == '-')
        return text;
    }
  return NULL;
}

typedef struct {
  Fixture    *f;
  int         viewer;        /* index into people, -1 for the admin */
  Walk       *walk;
  const char *route;
  const char *request;
  gboolean    seen_past;
} Check;

static void
violation (Check      *c,
           const char *what)
{
  g_ptr_array_add (c->walk->violations, g_strdup_printf ("%s as %s: %s", c->request,
                                                         c->viewer < 0 ? "admin"
                                                         : c->f->people[c->viewer].username,
                                                         what));
  g_hash_table_add (c->walk->caught, g_strdup (c->route));
}

static void
check_node (Check    *c,
            JsonNode *node,
            gboolean  past)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_node (c, json_array_get_element (array, i), past);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      const char *day = object_day (o);
      g_autoptr(GList) members = json_object_get_members (o);

      if (!past && day != NULL && strncmp (day, c->f->today, 10) < 0)
        {
          past = TRUE;
          c->walk->past_objects++;
          c->seen_past = TRUE;
        }
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (o, l->data);

          if (past && g_str_equal (l->data, "user_id") &&
              json_node_get_value_type (member) == G_TYPE_INT64)
            {
              gint64 id = json_node_get_int (member);
              for (int i = 0; i < N_PEOPLE; i++)
                if (i != c->viewer && c->f->people[i].id == id)
                  {
                    g_autofree char *what = g_strdup_printf ("user_id of %s on %.10s",
                                                             c->f->people[i].username, day);
                    violation (c, what);
                  }
            }
          check_node (c, member, past);
        }
    }
  else if (past && JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      for (int i = 0; i < N_PEOPLE; i++)
        if (i != c->viewer && (strstr (text, c->f->people[i].username) != NULL ||
                               strstr (text, c->f->people[i].display_name) != NULL))
          {
            g_autofree char *what = g_strdup_printf ("names %s: \"%s\"",
                                                     c->f->people[i].username, text);
            violation (c, what);
          }
    }
}

/* Parameters */

typedef enum {
  KIND_SKIP,
  KIND_DATE,
  KIND_DATETIME,
  KIND_MONTH,
  KIND_BOOL,
  KIND_ENUM,
  KIND_ID,
  KIND_INT,
} Kind;

typedef struct {
  const char *name;
  gboolean    in_path;
  gboolean    required;
  Kind        kind;
  JsonArray  *values;        /* enum */
  char       *collection;    /* ids */
} Param;

static JsonObject *
resolve (Fixture    *f,
         JsonObject *o)
{
  const char *ref;
  JsonNode *node = json_parser_get_root (f->doc);

  if (o == NULL || !json_object_has_member (o, "$ref"))
    return o;
  ref = json_object_get_string_member (o, "$ref");
  g_assert_true (g_str_has_prefix (ref, "#/"));
  {
    g_auto(GStrv) parts = g_strsplit (ref + 2, "/", -1);
    for (guint i = 0; parts[i] != NULL; i++)
      node = json_object_get_member (json_node_get_object (node), parts[i]);
  }
  return resolve (f, json_node_get_object (node));
}

/* "site_id" -> "sites", "occupancy_standard_id" -> "occupancy-standards" */
static char *
collection_of_param (const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - 3);

  g_strdelimit (stem, "_", '-');
  return g_strconcat (stem, "s", NULL);
}

static void
param_from_doc (Fixture    *f,
                JsonObject *o,
                const char *path,
                Param      *p)
{
  JsonObject *schema = resolve (f, json_object_get_object_member (o, "schema"));
  const char *type = schema && json_object_has_member (schema, "type")
                   ? json_object_get_string_member (schema, "type") : "";
  const char *format = schema && json_object_has_member (schema, "format")
                     ? json_object_get_string_member (schema, "format") : "";

  memset (p, 0, sizeof *p);
  p->name = json_object_get_string_member (o, "name");
  p->in_path = g_str_equal (json_object_get_string_member (o, "in"), "path");
  p->required = p->in_path || (json_object_has_member (o, "required") &&
                               json_object_get_boolean_member (o, "required"));
  if (g_str_equal (format, "date") || strstr (p->name, "date") != NULL)
    p->kind = KIND_DATE;
  else if (g_str_equal (format, "date-time"))
    p->kind = KIND_DATETIME;
  else if (g_str_equal (p->name, "month"))
    p->kind = KIND_MONTH;
  else if (g_str_equal (type, "boolean"))
    p->kind = KIND_BOOL;
  else if (schema != NULL && json_object_has_member (schema, "enum"))
    {
      p->kind = KIND_ENUM;
      p->values = json_object_get_array_member (schema, "enum");
    }
  else if (g_str_equal (type, "integer") && (g_str_equal (p->name, "id") ||
                                             g_str_has_suffix (p->name, "_id")))
    {
      p->kind = KIND_ID;
      if (p->in_path)
        {
          /* The segment before "{name}" names the collection. */
          g_autofree char *marker = g_strdup_printf ("/{%s}", p->name);
          const char *at = strstr (path, marker);
          const char *slash = at;

          while (slash > path && slash[-1] != '/')
            slash--;
          p->collection = g_strndup (slash, at - slash);
        }
      else
        p->collection = g_str_equal (p->name, "id") ? g_strdup ("") :
                        collection_of_param (p->name);
    }
  else if (g_str_equal (type, "integer"))
    p->kind = KIND_INT;
  else
    p->kind = KIND_SKIP;
}

/* The ids to try for a parameter: its collection's, or every seeded id. */
static GArray *
ids_for (Fixture *f,
         Param   *p)
{
  GArray *list = g_hash_table_lookup (f->ids, p->collection);
  GArray *all;
  GHashTableIter iter;
  gpointer value;

  if (list != NULL)
    return g_array_ref (list);
  all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, f->ids);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < ((GArray *) value)->len; i++)
      {
        gint64 id = g_array_index ((GArray *) value, gint64, i);
        gboolean known = FALSE;

        for (guint j = 0; j < all->len && !known; j++)
          known = g_array_index (all, gint64, j) == id;
        if (!known)
          g_array_append_val (all, id);
      }
  return all;
}

/* A parameter's value in one of two windows: 0 all in the past, 1 from
 * the past into the coming week. */
static char *
base_value (Fixture *f,
            Param   *p,
            int      window)
{
  switch (p->kind)
    {
    case KIND_DATE:
      if (g_str_equal (p->name, "to") || g_str_equal (p->name, "until"))
        return g_strdup (window == 0 ? f->yesterday : f->next_week);
      if (g_str_equal (p->name, "from") || g_str_equal (p->name, "from_date"))
        return g_strdup (f->week_ago);
      return g_strdup (window == 0 ? f->yesterday : f->week_ago);
    case KIND_DATETIME:
      if (g_str_equal (p->name, "end"))
        return berlin_time (window == 0 ? f->yesterday : f->next_week, 19);
      return berlin_time (window == 0 ? f->yesterday : f->week_ago, 7);
    case KIND_MONTH:
      return g_strndup (window == 0 ? f->week_ago : f->today, 7);
    case KIND_INT:
      return g_strdup ("1");
    case KIND_BOOL:
    case KIND_ENUM:
    case KIND_ID:
    case KIND_SKIP:
    default:
      return NULL;
    }
}

/* Walking the routes */

static void
call (Fixture    *f,
      Walk       *walk,
      const char *route,
      const char *request)
{
  for (int viewer = -1; viewer < N_PEOPLE; viewer++)
    {
      const char *token = viewer < 0 ? f->admin : f->people[viewer].token;
      g_autoptr(PlatzTestResponse) r = NULL;
      Check c = { f, viewer, walk, route, request, FALSE };

      r = platz_test_request (f->server, token, "GET", request, NULL);
      walk->requests++;
      if (r->status >= 500)
        g_error ("GET %s as %s: %u", request, viewer < 0 ? "admin" : f->people[viewer].username,
                 r->status);
      if (r->status < 200 || r->status >= 300 || r->json == NULL)
        continue;
      check_node (&c, r->json, FALSE);
      if (c.seen_past)
        g_hash_table_add (walk->past_routes, g_strdup (route));
    }
}

static void
append_query (GString    *s,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (s, "%c%s=%s", strchr (s->str, '?') ? '&' : '?', name, escaped);
}

static void
walk_route (Fixture    *f,
            Walk       *walk,
            const char *path,
            JsonObject *item)
{
  JsonObject *get = json_object_get_object_member (item, "get");
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (Param));
  JsonObject *owners[] = { item, get };   /* the path's parameters, then the operation's */
  guint variants = 0;

  for (guint k = 0; k < G_N_ELEMENTS (owners); k++)
    if (json_object_has_member (owners[k], "parameters"))
      {
        JsonArray *array = json_object_get_array_member (owners[k], "parameters");
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            Param p;
            param_from_doc (f, resolve (f, json_array_get_object_element (array, i)), path, &p);
            g_array_append_val (params, p);
          }
      }

  /* Per window: everything at its base value, then each id, enum or
   * boolean parameter in turn at each of its values.  A path parameter
   * always has a value: each of its ids in turn. */
  for (int window = 0; window < 2; window++)
    for (int varied = -1; varied < (int) params->len; varied++)
      {
        Param *v = varied >= 0 ? &g_array_index (params, Param, varied) : NULL;
        g_autoptr(GArray) ids = NULL;
        guint n_values = 1;

        if (v != NULL && v->kind != KIND_ID && v->kind != KIND_ENUM && v->kind != KIND_BOOL)
          continue;
        if (v != NULL && v->kind == KIND_ID)
          {
            ids = ids_for (f, v);
            n_values = ids->len;
          }
        else if (v != NULL && v->kind == KIND_ENUM)
          n_values = json_array_get_length (v->values);

        for (guint value = 0; value < n_values; value++)
          {
            g_autoptr(GString) request = g_string_new (NULL);
            gboolean complete = TRUE;
            const char *rest = path;

            /* The path, its parameters filled. */
            while (*rest != '\0')
              {
                const char *open = strchr (rest, '{');
                const char *close = open ? strchr (open, '}') : NULL;
                g_autofree char *name = NULL;
                Param *p = NULL;

                if (open == NULL || close == NULL)
                  {
                    g_string_append (request, rest);
                    break;
                  }
                g_string_append_len (request, rest, open - rest);
                name = g_strndup (open + 1, close - open - 1);
                for (guint i = 0; i < params->len; i++)
                  if (g_array_index (params, Param, i).in_path &&
                      g_str_equal (g_array_index (params, Param, i).name, name))
                    p = &g_array_index (params, Param, i);
                if (p == v && ids != NULL)
                  g_string_append_printf (request, "%" G_GINT64_FORMAT,
                                          g_array_index (ids, gint64, value));
                else if (p != NULL && p->kind == KIND_ID)
                  {
                    /* A path id not varied: the first of its collection. */
                    g_autoptr(GArray) first = ids_for (f, p);
                    g_string_append_printf (request, "%" G_GINT64_FORMAT,
                                            g_array_index (first, gint64, 0));
                  }
                else if (p != NULL && p->kind != KIND_ID)
                  {
                    g_autofree char *text = base_value (f, p, window);
                    if (text == NULL)
                      complete = FALSE;
                    else
                      g_string_append (request, text);
                  }
                else
                  complete = FALSE;  /* not a parameter of the document's */
                rest = close + 1;
              }
            if (!complete)
              {
                g_test_message ("%s: a path parameter cannot be filled", path);
                break;
              }

            for (guint i = 0; i < params->len; i++)
              {
                Param *p = &g_array_index (params, Param, i);
                g_autofree char *text = NULL;

                if (p->in_path)
                  continue;
                if (p == v && p->kind == KIND_ID)
                  text = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, value));
                else if (p == v && p->kind == KIND_ENUM)
                  text = g_strdup (json_array_get_string_element (p->values, value));
                else if (p == v && p->kind == KIND_BOOL)
                  text = g_strdup ("true");
                else if (p->required && p->kind == KIND_ENUM)
                  text = g_strdup (json_array_get_string_element (p->values, 0));
                else if (p->required && p->kind == KIND_ID)
                  {
                    g_autoptr(GArray) first = ids_for (f, p);
                    text = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (first, gint64, 0));
                  }
                else
                  text = base_value (f, p, window);
                if (text != NULL)
                  append_query (request, p->name, text);
              }
            g_assert_cmpuint (++variants, <=, MAX_VARIANTS_PER_ROUTE);
            call (f, walk, path, request->str);
          }
      }

  for (guint i = 0; i < params->len; i++)
    g_free (g_array_index (params, Param, i).collection);
  g_test_message ("%s: %u requests per viewer", path, variants);
}

static void
walk_init (Walk *walk)
{
  walk->violations = g_ptr_array_new_with_free_func (g_free);
  walk->caught = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->past_routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
walk_free (Walk *walk)
{
  g_ptr_array_unref (walk->violations);
  g_hash_table_unref (walk->caught);
  g_hash_table_unref (walk->past_routes);
}

static void
walk_all (Fixture *f,
          Walk    *walk)
{
  JsonObject *paths = json_object_get_object_member (json_node_get_object (
                                                       json_parser_get_root (f->doc)), "paths");
  g_autoptr(GList) names = json_object_get_members (paths);

  walk_init (walk);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *item = json_object_get_object_member (paths, l->data);

      if (json_object_has_member (item, "get"))
        walk_route (f, walk, l->data, item);
    }
}

/* Tests */

/* The detector finds names where they are: ahead, availability names the
 * people who share their presence; read as if it were past, it fails. */
static void
test_detector (Fixture *f, gconstpointer data)
{
  g_autofree char *ahead = platz_test_weekday (2, ZONE);
  g_autofree char *request = g_strdup_printf ("/api/v1/floors/%" G_GINT64_FORMAT
                                              "/availability?date=%s", f->floor, ahead);
  g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->people[ERIK].token, "GET",
                                                       request, NULL);
  Walk walk = { 0 };
  Check c = { f, ERIK, &walk, "availability", request, FALSE };

  platz_assert_status (r, 200);
  walk_init (&walk);
  check_node (&c, r->json, FALSE);
  g_assert_cmpuint (walk.violations->len, ==, 0);
  check_node (&c, r->json, TRUE);
  g_assert_cmpuint (walk.violations->len, >, 0);
  walk_free (&walk);
}

static void
test_every_get_route (Fixture *f, gconstpointer data)
{
  Walk walk = { 0 };
  GHashTableIter iter;
  gpointer route;

  walk_all (f, &walk);
  g_test_message ("%u requests, %u objects on past dates", walk.requests, walk.past_objects);
  g_hash_table_iter_init (&iter, walk.past_routes);
  while (g_hash_table_iter_next (&iter, &route, NULL))
    g_test_message ("past data examined from %s", (const char *) route);
  g_hash_table_iter_init (&iter, walk.caught);
  while (g_hash_table_iter_next (&iter, &route, NULL))
    g_test_message ("names another person's past: %s", (const char *) route);
  for (guint i = 0; i < walk.violations->len && i < 40; i++)
    g_test_message ("%s", (const char *) walk.violations->pdata[i]);

  /* The walk reached the past: availability, one's own bookings and the
   * reservations at least hold objects on past dates. */
  g_assert_cmpuint (g_hash_table_size (walk.past_routes), >=, 3);
  g_assert_cmpuint (walk.violations->len, ==, 0);
  walk_free (&walk);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/privacy/detector", test_detector);
  ADD ("/privacy/every-get-route", test_every_get_route);
  return g_test_run ();
}
