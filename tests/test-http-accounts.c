/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Accounts against a real platzd: slowed (never refused) sign-ins,
 * password changes and the sessions they end, the export of one's own
 * data, the audit log of administrative acts and what the request log
 * never holds.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>

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

/* Password changes and sessions */

static gint64
me_status (const char *token)
{
  g_autoptr(PlatzTestResponse) r = platz_test_request (server, token, "GET", "/api/v1/me", NULL);

  return r->status;
}

/* The names in an entry's "fields", joined with commas. */
static char *
entry_fields (JsonObject *entry)
{
  JsonArray *fields = json_object_get_array_member (entry, "fields");
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (fields); i++)
    g_string_append_printf (joined, "%s%s", i ? "," : "",
                            json_array_get_string_element (fields, i));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Asserts that GET /audit holds `count` entries of the object and action;
 * when it is one, that it names the actor and subject (0: not checked)
 * and exactly these fields (NULL: not checked). */
#define assert_audited(type, id, action, count, actor, subject, fields) \
  assert_audited_impl (type, id, action, count, actor, subject, fields, __LINE__)

static void
assert_audited_impl (const char *object_type,
                     gint64      object_id,
                     const char *action,
                     guint       count,
                     gint64      actor,
                     gint64      subject,
                     const char *fields,
                     int         line)
{
  g_autoptr(PlatzTestResponse) r = platz_test_request (server, admin, "GET", "/api/v1/audit",
                                                       NULL);
  JsonObject *match = NULL;
  guint found = 0;
  JsonArray *all;

  platz_assert_status (r, 200);
  all = json_node_get_array (r->json);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *entry = json_array_get_object_element (all, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "object_type"), object_type) == 0 &&
          !json_object_get_null_member (entry, "object_id") &&
          json_object_get_int_member (entry, "object_id") == object_id &&
          g_strcmp0 (json_object_get_string_member (entry, "action"), action) == 0)
        {
          match = entry;
          found++;
        }
    }
  if (found != count)
    g_error ("line %d: %u audit entries %s %s %" G_GINT64_FORMAT ", expected %u", line, found,
             action, object_type, object_id, count);
  if (count != 1)
    return;
  if (actor != 0)
    g_assert_cmpint (json_object_get_int_member (match, "actor_user_id"), ==, actor);
  if (subject != 0)
    g_assert_cmpint (json_object_get_int_member (match, "subject_user_id"), ==, subject);
  if (fields != NULL)
    {
      g_autofree char *names = entry_fields (match);
      g_assert_cmpstr (names, ==, fields);
    }
}

/* Sends a request (path as a format) and asserts its status. */
#define expect(token, method, body, status, ...) \
  G_STMT_START { \
    g_autoptr(PlatzTestResponse) expect_r_ = platz_test_requestf (server, token, method, body, \
                                                                  __VA_ARGS__); \
    platz_assert_status (expect_r_, status); \
  } G_STMT_END

static void
test_password_change_ends_other_sessions (void)
{
  gint64 id = make_user ("pat", "Pat", "employee", "pat-password-1");
  g_autofree char *mine = platz_test_login (server, "pat", "pat-password-1");
  g_autofree char *laptop = platz_test_login (server, "pat", "pat-password-1");
  g_autofree char *phone = platz_test_login (server, "pat", "pat-password-1");
  g_autofree char *again = NULL;
  g_autofree char *kiosk = NULL;
  g_autoptr(PlatzTestResponse) missing = NULL;
  g_autoptr(PlatzTestResponse) wrong = NULL;
  g_autoptr(PlatzTestResponse) changed = NULL;
  g_autoptr(PlatzTestResponse) old_password = NULL;
  g_autoptr(PlatzTestResponse) reset = NULL;

  /* Every session in use, so the server holds each user in its cache. */
  g_assert_cmpint (me_status (laptop), ==, 200);
  g_assert_cmpint (me_status (phone), ==, 200);

  missing = platz_test_request (server, mine, "PATCH", "/api/v1/me",
                                "{\"password\":\"pat-password-2\"}");
  platz_assert_error (missing, 403, "forbidden", NULL);
  wrong = platz_test_request (server, mine, "PATCH", "/api/v1/me",
                              "{\"password\":\"pat-password-2\","
                              "\"current_password\":\"not-pats-password\"}");
  platz_assert_error (wrong, 403, "forbidden", NULL);
  /* Neither changed anything nor ended a session. */
  g_assert_cmpint (me_status (laptop), ==, 200);
  again = platz_test_login (server, "pat", "pat-password-1");

  changed = platz_test_request (server, mine, "PATCH", "/api/v1/me",
                                "{\"password\":\"pat-password-2\","
                                "\"current_password\":\"pat-password-1\"}");
  platz_assert_status (changed, 200);
  g_assert_cmpint (platz_test_int (changed, "sessions_ended"), ==, 3);
  g_assert_cmpint (platz_test_int (changed, "id"), ==, id);
  g_assert_cmpstr (platz_test_str (changed, "username"), ==, "pat");
  g_assert_null (platz_test_member (changed, "password"));
  g_assert_null (platz_test_member (changed, "current_password"));

  /* The calling session stays, the others (cached or not) are gone. */
  g_assert_cmpint (me_status (mine), ==, 200);
  g_assert_cmpint (me_status (laptop), ==, 401);
  g_assert_cmpint (me_status (phone), ==, 401);
  g_assert_cmpint (me_status (again), ==, 401);
  old_password = login_with (server->session, "pat", "pat-password-1", NULL);
  platz_assert_error (old_password, 401, "unauthenticated", NULL);
  kiosk = platz_test_login (server, "pat", "pat-password-2");
  g_assert_cmpint (me_status (kiosk), ==, 200);
  /* One's own change is no administrative act. */
  assert_audited ("users", id, "update", 0, 0, 0, NULL);

  /* An admin's reset ends every session of the user, the admin's stay. */
  reset = platz_test_requestf (server, admin, "PATCH", "{\"password\":\"pat-password-3\"}",
                               "/api/v1/users/%" G_GINT64_FORMAT, id);
  platz_assert_status (reset, 200);
  g_assert_cmpint (platz_test_int (reset, "sessions_ended"), ==, 2);
  g_assert_cmpint (me_status (mine), ==, 401);
  g_assert_cmpint (me_status (kiosk), ==, 401);
  g_assert_cmpint (me_status (admin), ==, 200);
  assert_audited ("users", id, "update", 1, 0, id, "password");
}

/* A site with one office (two desks) and one meeting room, as admin. */
typedef struct {
  gint64 site, building, floor, office, meeting, desk[2];
} Structure;

static void
make_structure (Structure  *st,
                const char *name)
{
  st->site = platz_test_create (server, admin, "/api/v1/sites", "{\"name\":\"%s\"}", name);
  st->building = platz_test_create (server, admin, "/api/v1/buildings",
                                    "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"A\"}", st->site);
  st->floor = platz_test_create (server, admin, "/api/v1/floors",
                                 "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"EG\"}",
                                 st->building);
  st->office = platz_test_create (server, admin, "/api/v1/rooms",
                                  "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"0.01\","
                                  "\"kind\":\"office\",\"area_m2\":30}", st->floor);
  st->meeting = platz_test_create (server, admin, "/api/v1/rooms",
                                   "{\"floor_id\":%" G_GINT64_FORMAT ",\"name\":\"0.02\","
                                   "\"kind\":\"meeting_room\",\"capacity\":6}", st->floor);
  for (int i = 0; i < 2; i++)
    st->desk[i] = platz_test_create (server, admin, "/api/v1/desks",
                                     "{\"room_id\":%" G_GINT64_FORMAT ",\"name\":\"D%d\"}",
                                     st->office, i + 1);
}

static gint64
book (const char *token,
      gint64      desk,
      const char *date,
      gint64      for_user)
{
  g_autofree char *target = for_user ? g_strdup_printf (",\"user_id\":%" G_GINT64_FORMAT, for_user)
                                     : g_strdup ("");

  return platz_test_create (server, token, "/api/v1/bookings",
                            "{\"desk_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"am\"%s}",
                            desk, date, target);
}

/* Writes to the server's database from the side (what the API cannot
 * make: a booking in the past). */
static void
db_exec (const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (server->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static JsonArray *
member_array (PlatzTestResponse *r,
              const char        *name)
{
  return json_object_get_array_member (json_node_get_object (r->json), name);
}

static void
test_export_holds_everything_about_me (void)
{
  Structure st;
  gint64 id = make_user ("exa", "Exa Export", "employee", "exa-password-1");
  g_autofree char *token = platz_test_login (server, "exa", "exa-password-1");
  g_autofree char *day1 = platz_test_weekday (2, "Europe/Berlin");
  g_autofree char *day2 = platz_test_weekday (4, "Europe/Berlin");
  g_autofree char *sql = NULL;
  g_autoptr(PlatzTestResponse) export = NULL;
  g_autoptr(PlatzTestResponse) other = NULL;
  g_autoptr(PlatzTestResponse) cancel = NULL;
  g_autofree char *text = NULL;
  JsonArray *bookings, *sessions, *audit;
  gboolean cancelled = FALSE, released = FALSE, on_behalf = FALSE;
  gint64 first, reservation, mate;

  make_structure (&st, "Exporthaus");
  first = book (token, st.desk[0], day1, 0);
  cancel = platz_test_requestf (server, token, "DELETE", NULL,
                                "/api/v1/bookings/%" G_GINT64_FORMAT, first);
  platz_assert_status (cancel, 204);
  book (admin, st.desk[1], day2, id);
  reservation = platz_test_create (server, token, "/api/v1/reservations",
                                   "{\"room_id\":%" G_GINT64_FORMAT ",\"start\":\"%sT09:00:00Z\","
                                   "\"end\":\"%sT10:00:00Z\",\"title\":\"Exa's review\","
                                   "\"attendees\":2}", st.meeting, day1, day1);
  sql = g_strdup_printf ("INSERT INTO bookings (desk_id, user_id, date, slot, status, created_at)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2020-01-06', "
                         "'am', 'released', '2020-01-01T08:00:00Z')", st.desk[0], id);
  db_exec (sql);
  /* Somebody else's booking is not in it. */
  mate = make_user ("exa-mate", "Mate", "employee", "mate-password-1");
  book (admin, st.desk[0], day2, mate);

  export = platz_test_request (server, token, "GET", "/api/v1/me/export", NULL);
  platz_assert_status (export, 200);
  g_assert_cmpint (platz_test_int (export, "user.id"), ==, id);
  g_assert_cmpstr (platz_test_str (export, "user.display_name"), ==, "Exa Export");

  bookings = member_array (export, "bookings");
  g_assert_cmpuint (json_array_get_length (bookings), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *b = json_array_get_object_element (bookings, i);
      const char *status = json_object_get_string_member (b, "status");

      g_assert_cmpint (json_object_get_int_member (b, "user_id"), ==, id);
      cancelled |= g_strcmp0 (status, "cancelled") == 0;
      released |= g_strcmp0 (status, "released") == 0 &&
                  g_strcmp0 (json_object_get_string_member (b, "date"), "2020-01-06") == 0;
    }
  g_assert_true (cancelled);
  g_assert_true (released);
  g_assert_cmpuint (platz_test_length (export, "reservations"), ==, 1);
  g_assert_cmpint (platz_test_int (export, "reservations.0.id"), ==, reservation);
  g_assert_cmpstr (platz_test_str (export, "reservations.0.title"), ==, "Exa's review");

  sessions = member_array (export, "sessions");
  g_assert_cmpuint (json_array_get_length (sessions), ==, 1);
  g_assert_nonnull (platz_test_str (export, "sessions.0.created_at"));
  g_assert_nonnull (platz_test_str (export, "sessions.0.expires_at"));

  /* The booking the admin made for exa is in exa's audit entries. */
  audit = member_array (export, "audit");
  for (guint i = 0; i < json_array_get_length (audit); i++)
    {
      JsonObject *e = json_array_get_object_element (audit, i);
      on_behalf |= g_strcmp0 (json_object_get_string_member (e, "object_type"), "bookings") == 0 &&
                   json_object_get_int_member (e, "subject_user_id") == id;
    }
  g_assert_true (on_behalf);

  /* Never a token, its hash, the password or its hash ("password" may
   * appear as a field name of the audit entry of exa's creation). */
  text = g_strndup (g_bytes_get_data (export->body, NULL), g_bytes_get_size (export->body));
  g_assert_null (strstr (text, token));
  g_assert_null (strstr (text, "token"));
  g_assert_null (strstr (text, "password_hash"));
  g_assert_null (strstr (text, "exa-password-1"));
  g_assert_null (strstr (text, "$argon2"));

  other = platz_test_request (server, NULL, "GET", "/api/v1/me/export", NULL);
  platz_assert_error (other, 401, "unauthenticated", NULL);
}

/* The audit log */

static void
test_audit_of_administrative_acts (void)
{
  Structure st;
  g_autofree char *fm = NULL;
  g_autofree char *emp = NULL;
  g_autofree char *day = platz_test_weekday (3, "Europe/Berlin");
  g_autofree char *today = platz_test_date (0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *range = NULL;
  g_autoptr(PlatzTestResponse) me = NULL;
  g_autoptr(PlatzTestResponse) listed = NULL;
  g_autoptr(PlatzTestResponse) some = NULL;
  g_autoptr(PlatzTestResponse) empty = NULL;
  g_autoptr(PlatzTestResponse) forbidden = NULL;
  g_autoptr(PlatzTestResponse) bad = NULL;
  gint64 fm_id, emp_id, admin_id, booking, own, team, last_id = G_MAXINT64;
  JsonArray *all;

  fm_id = make_user ("aud-fm", "Facility", "facility_manager", "aud-fm-password");
  emp_id = make_user ("aud-emp", "Employee", "employee", "aud-emp-password");
  fm = platz_test_login (server, "aud-fm", "aud-fm-password");
  emp = platz_test_login (server, "aud-emp", "aud-emp-password");
  me = platz_test_request (server, admin, "GET", "/api/v1/me", NULL);
  admin_id = platz_test_int (me, "id");
  make_structure (&st, "Audithaus");

  /* Structure: the field's name is logged, never the new value. */
  assert_audited ("desks", st.desk[0], "create", 1, admin_id, 0, "room_id,name");
  expect (fm, "PATCH", "{\"name\":\"Secret-Name-4711\"}", 200,
          "/api/v1/sites/%" G_GINT64_FORMAT, st.site);
  assert_audited ("sites", st.site, "update", 1, fm_id, 0, "name");
  expect (fm, "PUT", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 204,
          "/api/v1/floors/%" G_GINT64_FORMAT "/plan", st.floor);
  assert_audited ("floor_plans", st.floor, "update", 1, fm_id, 0, "content_type,data");

  /* Policies, users and teams */
  expect (admin, "PATCH", "{\"max_bookings_per_week\":4}", 200,
          "/api/v1/policies?site_id=%" G_GINT64_FORMAT, st.site);
  assert_audited ("policies", st.site, "update", 1, admin_id, 0, "max_bookings_per_week");
  expect (admin, "PATCH", "{\"role\":\"team_lead\"}", 200, "/api/v1/users/%" G_GINT64_FORMAT,
          emp_id);
  assert_audited ("users", emp_id, "update", 1, admin_id, emp_id, "role");
  team = platz_test_create (server, admin, "/api/v1/teams", "{\"name\":\"Audit team\"}");
  assert_audited ("teams", team, "create", 1, admin_id, 0, "name");

  /* Bookings: one's own is no administrative act; one made for someone
   * else and the cancellation of someone else's are. */
  own = book (emp, st.desk[0], day, 0);
  assert_audited ("bookings", own, "create", 0, 0, 0, NULL);
  booking = book (admin, st.desk[1], day, fm_id);
  assert_audited ("bookings", booking, "create", 1, admin_id, fm_id, "desk_id,date,slot,user_id");
  expect (fm, "DELETE", NULL, 204, "/api/v1/bookings/%" G_GINT64_FORMAT, own);
  assert_audited ("bookings", own, "delete", 1, fm_id, emp_id, "");

  /* A forced delete: the building still has a booking below it. */
  expect (fm, "DELETE", NULL, 204, "/api/v1/buildings/%" G_GINT64_FORMAT "?force=true",
          st.building);
  assert_audited ("buildings", st.building, "force_delete", 1, fm_id, 0, "");

  /* Newest first, never a value, by date range, for admins only */
  listed = platz_test_request (server, admin, "GET", "/api/v1/audit", NULL);
  platz_assert_status (listed, 200);
  all = json_node_get_array (listed->json);
  g_assert_cmpuint (json_array_get_length (all), >=, 10);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      gint64 entry_id = json_object_get_int_member (json_array_get_object_element (all, i), "id");
      g_assert_cmpint (entry_id, <, last_id);
      last_id = entry_id;
    }
  text = g_strndup (g_bytes_get_data (listed->body, NULL), g_bytes_get_size (listed->body));
  g_assert_null (strstr (text, "Secret-Name-4711"));
  g_assert_null (strstr (text, "team_lead"));
  g_assert_null (strstr (text, "Audit team"));
  range = g_strdup_printf ("/api/v1/audit?from=%s&to=%s&limit=3", today, today);
  some = platz_test_request (server, admin, "GET", range, NULL);
  platz_assert_status (some, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (some->json)), ==, 3);
  empty = platz_test_request (server, admin, "GET", "/api/v1/audit?from=2001-01-01&to=2001-12-31",
                              NULL);
  platz_assert_status (empty, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (empty->json)), ==, 0);
  forbidden = platz_test_request (server, fm, "GET", "/api/v1/audit", NULL);
  platz_assert_error (forbidden, 403, "forbidden", NULL);
  bad = platz_test_request (server, admin, "GET", "/api/v1/audit?limit=0", NULL);
  platz_assert_error (bad, 400, "bad_request", NULL);
}

/* The request log */

static void
test_request_log_holds_no_personal_data (void)
{
  PlatzTestServer *main_server = server;
  char *main_admin = admin;
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  g_autofree char *user_token = NULL;
  g_autofree char *admin_token = NULL;
  g_autofree char *day = platz_test_weekday (2, "Europe/Berlin");
  g_autofree char *query = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlatzTestResponse) listed = NULL;
  g_autoptr(PlatzTestResponse) renamed = NULL;
  g_autoptr(PlatzTestResponse) wrong = NULL;
  g_autoptr(PlatzTestResponse) ghost = NULL;
  Structure st;
  const char *secrets[] = {
    "logmark-user", "Logmark Person", "logmark-password-1", "logmark-wrong-pw",
    "logmark-ghost", "Logmark Renamed", "QUERYMARK", "BODYMARK", PLATZ_TEST_PASSWORD,
  };

  /* A server of its own, whose whole log this test reads. */
  server = platz_test_server_start (NULL);
  admin = admin_token = platz_test_login (server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  make_user ("logmark-user", "Logmark Person", "employee", "logmark-password-1");
  user_token = platz_test_login (server, "logmark-user", "logmark-password-1");
  make_structure (&st, "Logmark BODYMARK house");
  book (user_token, st.desk[0], day, 0);
  query = g_strdup_printf ("/api/v1/bookings?from=%s&to=%s&note=QUERYMARK", day, day);
  listed = platz_test_request (server, user_token, "GET", query, NULL);
  /* An undocumented parameter is refused, and the refusal is logged too. */
  platz_assert_error (listed, 400, "bad_request", NULL);
  renamed = platz_test_request (server, user_token, "PATCH", "/api/v1/me",
                                "{\"display_name\":\"Logmark Renamed\"}");
  platz_assert_status (renamed, 200);
  wrong = login_with (server->session, "logmark-user", "logmark-wrong-pw", NULL);
  platz_assert_status (wrong, 401);
  ghost = login_with (server->session, "logmark-ghost", "logmark-wrong-pw", NULL);
  platz_assert_status (ghost, 401);

  /* SIGTERM writes out what the log still holds (and ends cleanly). */
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);
  g_clear_object (&server->process);
  log_path = g_build_filename (server->dir, "platzd.log", NULL);
  g_file_get_contents (log_path, &log, NULL, &error);
  g_assert_no_error (error);
  /* The log is there (one line per request)... */
  g_assert_nonnull (strstr (log, "method=GET path=/api/v1/bookings status=400"));
  g_assert_nonnull (strstr (log, "method=POST path=/api/v1/auth/login status=401"));
  /* ...and holds no name, password, token, query string or body. */
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (log, secrets[i]) != NULL)
      g_error ("The request log holds '%s':\n%s", secrets[i], log);
  g_assert_null (strstr (log, user_token));
  g_assert_null (strstr (log, admin_token));
  g_assert_null (strstr (log, "?"));

  platz_test_server_free (server);
  server = main_server;
  admin = main_admin;
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
  g_test_add_func ("/accounts/password-change-ends-other-sessions",
                   test_password_change_ends_other_sessions);
  g_test_add_func ("/accounts/export-holds-everything-about-me",
                   test_export_holds_everything_about_me);
  g_test_add_func ("/accounts/audit-of-administrative-acts", test_audit_of_administrative_acts);
  g_test_add_func ("/accounts/request-log-holds-no-personal-data",
                   test_request_log_holds_no_personal_data);

  status = g_test_run ();
  g_free (admin);
  platz_test_server_free (server);
  return status;
}
