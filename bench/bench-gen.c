/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Growth generator (not a test): a fresh Platz database with the demo's
 * kind of structure scaled up, and as much booking history as asked for.
 *
 *   2 sites, 5 buildings, 10 floors of 50 rooms (40 offices, 6 meeting
 *   rooms, 2 project offices, 2 lounges): 500 rooms, 3,000 desks (300 per
 *   floor, some blocked, some fixed); 5,000 people in 100 teams;
 *   --bookings N past desk bookings, 2,800 a day going back from
 *   yesterday (10 M reach back ~9.8 years, inside retention_days 3650);
 *   --reservations M past meeting-room reservations (default N / 10);
 *   and a current week: desk bookings today .. today + 3 at ~45 %, room
 *   reservations today .. today + 6.
 *
 * The schema is the server's own (platzd_store_open migrates the file).
 * Rows are written with raw SQL in big transactions; the indexes of
 * bookings and reservations are dropped first and created again with
 * their stored SQL, which sorts once instead of updating seven B-trees
 * per row.  Every history day gives each desk and each person at most
 * one booking, so the unique indexes hold by construction.
 *
 * Policies (scope 0): booking window 60 days, 7 days a week, retention
 * 3,650 days, so that the history is what a site keeping ten years has
 * and the booking benchmark has room for its distinct bookings.
 *
 * Every user gets a session; the tokens go to --out DIR/tokens.txt
 * ("user_id token" lines) with desks.txt (bookable open desks) and
 * meta.txt ("key=value": floor, site, today, ...), which the wrk scripts
 * read.  --refresh-sessions only renews sessions and files of an existing
 * database (a cached 10 M file from an earlier day).
 */
#define G_LOG_DOMAIN "platz-bench"

#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gstdio.h>

#include "platz-date.h"
#include "platzd-auth.h"
#include "platzd-store.h"

#define N_SITES            2
#define N_BUILDINGS        5
#define FLOORS_PER_BUILDING 2
#define N_FLOORS           (N_BUILDINGS * FLOORS_PER_BUILDING)
#define ROOMS_PER_FLOOR    50
#define OFFICES_PER_FLOOR  40
#define MEETING_PER_FLOOR  6
#define N_ROOMS            (N_FLOORS * ROOMS_PER_FLOOR)
#define DESKS_PER_FLOOR    300
#define N_DESKS            (N_FLOORS * DESKS_PER_FLOOR)
#define N_TEAMS            100
#define TEAM_SIZE          50
#define N_USERS            (N_TEAMS * TEAM_SIZE)
#define HISTORY_PER_DAY    2800
#define CURRENT_DAYS       4
#define CURRENT_PER_DAY    1350
#define RES_SLOTS          6
#define BATCH              500000
#define PASSWORD           "bench-password"

typedef struct {
  sqlite3 *db;
  GDate    today;
  int      desk_room[N_DESKS + 1];       /* desk id -> room id */
  gboolean desk_open[N_DESKS + 1];      /* bookable and not fixed */
  int      meeting_rooms[N_FLOORS * MEETING_PER_FLOOR];
} Gen;

/* Auxiliary */

static gboolean
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench-gen: %.80s: %s\n", sql, message ? message : "?");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_printerr ("bench-gen: %.80s: %s\n", sql, sqlite3_errmsg (db));
  return stmt;
}

static gboolean
step (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("bench-gen: %.60s: %s\n", sqlite3_sql (stmt),
                  sqlite3_errmsg (sqlite3_db_handle (stmt)));
      return FALSE;
    }
  return TRUE;
}

static void
day_text (const GDate *today,
          int          offset,
          char         out[11])
{
  GDate d = *today;

  if (offset >= 0)
    g_date_add_days (&d, (guint) offset);
  else
    g_date_subtract_days (&d, (guint) -offset);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Structure */

static gboolean
write_structure (Gen *gen)
{
  sqlite3 *db = gen->db;
  g_autofree char *hash = platzd_auth_hash_password (PASSWORD, NULL);
  sqlite3_stmt *stmt;
  int room_id = 0, desk_id = 0, n_meeting = 0;

  if (hash == NULL)
    return FALSE;
  if (!exec (db, "INSERT INTO sites (id, name, timezone) VALUES "
                 "(1, 'Musterstadt Mitte', 'Europe/Berlin'), "
                 "(2, 'Musterstadt Nord', 'Europe/Berlin')") ||
      !exec (db, "INSERT INTO occupancy_standards (id, name, max_persons, "
                 "min_area_per_person_m2, eligible_functions) VALUES "
                 "(1, 'Gruppenbüro (Benchmark)', 8, 6.0, '[\"head\",\"staff\"]')"))
    return FALSE;

  stmt = prepare (db, "INSERT INTO buildings (id, site_id, name, address) VALUES (?, ?, ?, ?)");
  for (int b = 0; b < N_BUILDINGS; b++)
    {
      g_autofree char *name = g_strdup_printf ("Haus %c", 'A' + b);
      g_autofree char *address = g_strdup_printf ("Benchstraße %d, 12345 Musterstadt", b + 1);

      sqlite3_bind_int (stmt, 1, b + 1);
      sqlite3_bind_int (stmt, 2, b < 3 ? 1 : 2);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, address, -1, SQLITE_TRANSIENT);
      if (!step (stmt))
        return FALSE;
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "INSERT INTO floors (id, building_id, name, level, width, height) "
                      "VALUES (?, ?, ?, ?, 200, 40)");
  for (int f = 0; f < N_FLOORS; f++)
    {
      g_autofree char *name = g_strdup_printf ("%d. OG", f % FLOORS_PER_BUILDING);

      sqlite3_bind_int (stmt, 1, f + 1);
      sqlite3_bind_int (stmt, 2, f / FLOORS_PER_BUILDING + 1);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, f % FLOORS_PER_BUILDING);
      if (!step (stmt))
        return FALSE;
    }
  sqlite3_finalize (stmt);

  /* Teams first without leads (users reference teams and back). */
  stmt = prepare (db, "INSERT INTO teams (id, name, building_id, office_share_percent) "
                      "VALUES (?, ?, ?, 40)");
  for (int t = 0; t < N_TEAMS; t++)
    {
      g_autofree char *name = g_strdup_printf ("Team %03d", t + 1);

      sqlite3_bind_int (stmt, 1, t + 1);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, t % N_BUILDINGS + 1);
      if (!step (stmt))
        return FALSE;
    }
  sqlite3_finalize (stmt);

  /* User 1 is an admin, 2 a facility manager; the third of each team leads it. */
  stmt = prepare (db, "INSERT INTO users (id, username, display_name, role, function, team_id, "
                      "share_presence, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (int u = 1; u <= N_USERS; u++)
    {
      g_autofree char *username = g_strdup_printf ("u%05d", u);
      g_autofree char *display = g_strdup_printf ("Person %05d", u);
      gboolean lead = (u - 1) % TEAM_SIZE == 2;
      const char *role = u == 1 ? "admin" : u == 2 ? "facility_manager"
                       : lead ? "team_lead" : "employee";

      sqlite3_bind_int (stmt, 1, u);
      sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, display, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, role, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, lead || u == 1 ? "head" : "staff", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, (u - 1) / TEAM_SIZE + 1);
      sqlite3_bind_int (stmt, 7, u % 2);
      sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_TRANSIENT);
      if (!step (stmt))
        return FALSE;
    }
  sqlite3_finalize (stmt);
  if (!exec (db, "UPDATE teams SET lead_user_id = (id - 1) * 50 + 3"))
    return FALSE;

  stmt = prepare (db, "INSERT INTO rooms (id, floor_id, name, kind, area_m2, capacity, "
                      "occupancy_standard_id, equipment, accessible, reservable, x, y, w, h) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 8, 15)");
  for (int f = 0; f < N_FLOORS; f++)
    for (int r = 0; r < ROOMS_PER_FLOOR; r++)
      {
        static const char *kinds[] = { "office", "meeting_room", "project_office", "lounge" };
        int kind = r < OFFICES_PER_FLOOR ? 0 : r < OFFICES_PER_FLOOR + MEETING_PER_FLOOR ? 1
                 : r < ROOMS_PER_FLOOR - 2 ? 2 : 3;
        int desks = kind == 0 ? (r % 2 == 0 ? 7 : 8) : 0;
        g_autofree char *name = g_strdup_printf ("%c %d.%02d", 'A' + f / FLOORS_PER_BUILDING,
                                                 f % FLOORS_PER_BUILDING, r + 1);

        room_id++;
        sqlite3_bind_int (stmt, 1, room_id);
        sqlite3_bind_int (stmt, 2, f + 1);
        sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 4, kinds[kind], -1, SQLITE_STATIC);
        sqlite3_bind_double (stmt, 5, kind == 0 ? desks * 6.0 + 2 : 40.0);
        sqlite3_bind_int (stmt, 6, kind == 0 ? desks : 10);
        if (kind == 0)
          sqlite3_bind_int (stmt, 7, 1);
        sqlite3_bind_text (stmt, 8, kind == 1 ? "[\"projector\",\"video_conference\"]" : "[]",
                           -1, SQLITE_STATIC);
        sqlite3_bind_int (stmt, 9, f % FLOORS_PER_BUILDING == 0);
        sqlite3_bind_int (stmt, 10, kind == 1 || kind == 2);
        sqlite3_bind_double (stmt, 11, (r % 25) * 8.0);
        sqlite3_bind_double (stmt, 12, r < 25 ? 0.0 : 25.0);
        if (!step (stmt))
          return FALSE;
        if (kind == 1)
          gen->meeting_rooms[n_meeting++] = room_id;
        for (int k = 0; k < desks; k++)
          {
            desk_id++;
            gen->desk_room[desk_id] = room_id;
          }
      }
  sqlite3_finalize (stmt);
  g_assert (desk_id == N_DESKS && n_meeting == (int) G_N_ELEMENTS (gen->meeting_rooms));

  stmt = prepare (db, "INSERT INTO desks (id, room_id, name, x, y, equipment, accessible, "
                      "bookable, blocked_reason, assigned_user_id) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (int d = 1, k = 0; d <= N_DESKS; d++)
    {
      int room = gen->desk_room[d];
      int r = (room - 1) % ROOMS_PER_FLOOR;
      gboolean blocked = d % 97 == 13;
      gboolean fixed = !blocked && d % 20 == 7;
      g_autofree char *name = g_strdup_printf ("Platz %d", d);

      sqlite3_bind_int (stmt, 1, d);
      sqlite3_bind_int (stmt, 2, room);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 4, (r % 25) * 8.0 + 2 + (k % 2) * 4);
      sqlite3_bind_double (stmt, 5, (r < 25 ? 0.0 : 25.0) + 2 + (k / 2) * 3);
      sqlite3_bind_text (stmt, 6, d % 3 == 0 ? "[\"docking_station\",\"height_adjustable\"]"
                                             : "[\"docking_station\"]", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, ((room - 1) / ROOMS_PER_FLOOR) % FLOORS_PER_BUILDING == 0);
      sqlite3_bind_int (stmt, 8, !blocked);
      if (blocked)
        sqlite3_bind_text (stmt, 9, "Defekt", -1, SQLITE_STATIC);
      /* Fixed desks belong to team leads and their deputies. */
      if (fixed)
        sqlite3_bind_int (stmt, 10, (d / 20) * TEAM_SIZE / 3 % N_USERS + 3);
      gen->desk_open[d] = !blocked && !fixed;
      if (!step (stmt))
        return FALSE;
      /* k: the desk's place in its room */
      k = d < N_DESKS && gen->desk_room[d + 1] == room ? k + 1 : 0;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
write_policies (Gen *gen)
{
  PlatzPolicies policies;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  platz_policies_init_defaults (&policies);
  policies.booking_window_days = 60;
  policies.max_bookings_per_week = 7;
  policies.retention_days = 3650;
  node = platz_encode (&platz_policies_type, &policies);
  text = platz_json_to_string (node, NULL);
  platz_object_clear (&platz_policies_type, &policies);
  stmt = prepare (gen->db, "INSERT OR REPLACE INTO policies (scope, json) VALUES (0, ?)");
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  ok = step (stmt);
  sqlite3_finalize (stmt);
  return ok;
}

/* History */

static GPtrArray *
drop_indexes (sqlite3 *db)
{
  GPtrArray *sqls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                                    "AND sql IS NOT NULL "
                                    "AND tbl_name IN ('bookings', 'reservations')");

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sqls, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);
      exec (db, sql);
    }
  return sqls;
}

static gboolean
write_history (Gen   *gen,
               gint64 n_bookings,
               gint64 n_reservations)
{
  sqlite3 *db = gen->db;
  sqlite3_stmt *stmt;
  gint64 written = 0;
  gint64 start = g_get_monotonic_time ();

  if (!exec (db, "BEGIN"))
    return FALSE;
  stmt = prepare (db, "INSERT INTO bookings (desk_id, user_id, date, slot, status, "
                      "checked_in_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  /* Day d (1 = yesterday): desk (a + j * 1409) mod 3000 and person
   * (b + j * 2003) mod 5000 for j < 2800: both strides are prime to the
   * modulus, so desks and people are distinct within the day. */
  for (int d = 1; written < n_bookings; d++)
    {
      char date[11], created[24], checked[24];
      int a = (int) ((d * 7919LL) % N_DESKS), b = (int) ((d * 104729LL) % N_USERS);

      day_text (&gen->today, -d, date);
      g_snprintf (created, sizeof created, "%sT05:30:00Z", date);
      g_snprintf (checked, sizeof checked, "%sT07:45:00Z", date);
      for (int j = 0; j < HISTORY_PER_DAY && written < n_bookings; j++, written++)
        {
          static const char *slots[] = { "full_day", "full_day", "full_day", "full_day",
                                         "full_day", "full_day", "full_day", "am", "am", "pm" };
          const char *status = j % 20 == 0 ? "cancelled" : j % 20 == 1 ? "released" : "active";

          sqlite3_bind_int (stmt, 1, (a + j * 1409) % N_DESKS + 1);
          sqlite3_bind_int (stmt, 2, (b + j * 2003) % N_USERS + 1);
          sqlite3_bind_text (stmt, 3, date, 10, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, slots[j % 10], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
          if (j % 3 == 0 && status[0] == 'a')
            sqlite3_bind_text (stmt, 6, checked, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, created, -1, SQLITE_STATIC);
          if (!step (stmt))
            return FALSE;
          if ((written + 1) % BATCH == 0 && (!exec (db, "COMMIT") || !exec (db, "BEGIN")))
            return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  g_printerr ("bench-gen: %" G_GINT64_FORMAT " past bookings in %.1f s\n", written,
              seconds_since (start));

  start = g_get_monotonic_time ();
  written = 0;
  stmt = prepare (db, "INSERT INTO reservations (room_id, user_id, team_id, start, \"end\", "
                      "title, attendees, status, created_at) "
                      "VALUES (?, ?, ?, ?, ?, 'Besprechung', 4, ?, ?)");
  for (int d = 1; written < n_reservations; d++)
    {
      char date[11];

      day_text (&gen->today, -d, date);
      for (guint r = 0; r < G_N_ELEMENTS (gen->meeting_rooms) && written < n_reservations; r++)
        for (int s = 0; s < RES_SLOTS && written < n_reservations; s++, written++)
          {
            char from[24], to[24], created[24];
            int user = (int) ((written * 7 + d) % N_USERS) + 1;

            g_snprintf (from, sizeof from, "%sT%02d:00:00Z", date, 6 + 2 * s);
            g_snprintf (to, sizeof to, "%sT%02d:00:00Z", date, 7 + 2 * s);
            g_snprintf (created, sizeof created, "%sT05:00:00Z", date);
            sqlite3_bind_int (stmt, 1, gen->meeting_rooms[r]);
            sqlite3_bind_int (stmt, 2, user);
            if (s == 0)
              sqlite3_bind_int (stmt, 3, (user - 1) / TEAM_SIZE + 1);
            sqlite3_bind_text (stmt, 4, from, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (stmt, 5, to, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (stmt, 6, written % 20 == 0 ? "cancelled" : "active", -1,
                               SQLITE_STATIC);
            sqlite3_bind_text (stmt, 7, created, -1, SQLITE_TRANSIENT);
            if (!step (stmt))
              return FALSE;
            if ((written + 1) % BATCH == 0 && (!exec (db, "COMMIT") || !exec (db, "BEGIN")))
              return FALSE;
          }
    }
  sqlite3_finalize (stmt);
  if (!exec (db, "COMMIT"))
    return FALSE;
  g_printerr ("bench-gen: %" G_GINT64_FORMAT " past reservations in %.1f s\n", written,
              seconds_since (start));
  return TRUE;
}

/* The current days: open desks only, one booking per desk and person a day. */
static gboolean
write_current (Gen *gen)
{
  sqlite3 *db = gen->db;
  sqlite3_stmt *stmt;
  g_autofree char *now = platzd_now_utc ();

  if (!exec (db, "BEGIN"))
    return FALSE;
  stmt = prepare (db, "INSERT INTO bookings (desk_id, user_id, date, slot, status, created_at, "
                      "created_by) VALUES (?, ?, ?, ?, 'active', ?, NULL)");
  for (int day = 0; day < CURRENT_DAYS; day++)
    {
      char date[11];
      int n = 0;

      day_text (&gen->today, day, date);
      for (int j = 0; j < N_DESKS && n < CURRENT_PER_DAY; j++)
        {
          int desk = (day * 331 + j * 1409) % N_DESKS + 1;

          if (!gen->desk_open[desk])
            continue;
          sqlite3_bind_int (stmt, 1, desk);
          sqlite3_bind_int (stmt, 2, (day * 997 + n * 2003) % N_USERS + 1);
          sqlite3_bind_text (stmt, 3, date, 10, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, n % 5 == 4 ? "am" : "full_day", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
          if (!step (stmt))
            return FALSE;
          n++;
        }
    }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "INSERT INTO reservations (room_id, user_id, start, \"end\", title, "
                      "attendees, status, created_at) VALUES (?, ?, ?, ?, 'Jour fixe', 5, "
                      "'active', ?)");
  for (int day = 0; day < 7; day++)
    for (guint r = 0; r < G_N_ELEMENTS (gen->meeting_rooms); r++)
      for (int s = 0; s < 2; s++)
        {
          char date[11], from[24], to[24];

          day_text (&gen->today, day, date);
          g_snprintf (from, sizeof from, "%sT%02d:00:00Z", date, 7 + 4 * s);
          g_snprintf (to, sizeof to, "%sT%02d:30:00Z", date, 8 + 4 * s);
          sqlite3_bind_int (stmt, 1, gen->meeting_rooms[r]);
          sqlite3_bind_int (stmt, 2, (int) ((r * 37 + day * 11 + s) % N_USERS) + 1);
          sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
          if (!step (stmt))
            return FALSE;
        }
  sqlite3_finalize (stmt);
  return exec (db, "COMMIT");
}

/* Sessions and the files for the wrk scripts */

static gboolean
write_sessions (Gen        *gen,
                const char *out_dir)
{
  sqlite3 *db = gen->db;
  g_autoptr(GString) tokens = g_string_new (NULL);
  g_autoptr(GString) desks = g_string_new (NULL);
  g_autoptr(GString) floors = g_string_new (NULL);
  g_autofree char *tokens_path = g_build_filename (out_dir, "tokens.txt", NULL);
  g_autofree char *desks_path = g_build_filename (out_dir, "desks.txt", NULL);
  g_autofree char *meta_path = g_build_filename (out_dir, "meta.txt", NULL);
  g_autofree char *meta = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 history = 0;
  char today[11];
  sqlite3_stmt *stmt;

  if (!exec (db, "BEGIN") || !exec (db, "DELETE FROM sessions"))
    return FALSE;
  stmt = prepare (db, "INSERT INTO sessions (token_hash, user_id, created_at, last_used_at, "
                      "expires_at) VALUES (?, ?, ?, ?, ?)");
  for (int u = 1; u <= N_USERS; u++)
    {
      guint8 raw[32], digest[crypto_hash_sha256_BYTES];
      char token[65];

      randombytes_buf (raw, sizeof raw);
      sodium_bin2hex (token, sizeof token, raw, sizeof raw);
      crypto_hash_sha256 (digest, (const guint8 *) token, 64);
      sqlite3_bind_blob (stmt, 1, digest, sizeof digest, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, u);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, now);
      sqlite3_bind_int64 (stmt, 5, now + 6 * 24 * 3600);
      if (!step (stmt))
        return FALSE;
      g_string_append_printf (tokens, "%d %s\n", u, token);
    }
  sqlite3_finalize (stmt);
  if (!exec (db, "COMMIT"))
    return FALSE;

  stmt = prepare (db, "SELECT d.id FROM desks d JOIN rooms r ON r.id = d.room_id "
                      "WHERE r.kind = 'office' AND d.bookable = 1 "
                      "AND d.assigned_user_id IS NULL ORDER BY d.id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (desks, "%d\n", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  stmt = prepare (db, "SELECT id FROM floors ORDER BY id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (floors, "%s%d", floors->len ? "," : "", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  stmt = prepare (db, "SELECT max(id) FROM bookings");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    history = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  day_text (&gen->today, 0, today);
  meta = g_strdup_printf ("today=%s\nfloor=1\nfloor_desks=%d\nfloors=%s\nsite=1\n"
                          "first_free_day=%d\nwindow_days=60\nusers=%d\ndesks=%d\n"
                          "bookings_max_id=%" G_GINT64_FORMAT "\npassword=%s\n",
                          today, DESKS_PER_FLOOR, floors->str, CURRENT_DAYS, N_USERS, N_DESKS,
                          history, PASSWORD);
  if (!g_file_set_contents (tokens_path, tokens->str, -1, &error) ||
      !g_file_set_contents (desks_path, desks->str, -1, &error) ||
      !g_file_set_contents (meta_path, meta, -1, &error))
    {
      g_printerr ("bench-gen: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *out_dir = NULL;
  gint64 n_bookings = 10000;
  gint64 n_reservations = -1;
  gboolean refresh = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  PlatzdStore *store;
  Gen *gen;
  gint64 start = g_get_monotonic_time ();
  int status = 1;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database file (replaced)", "PATH" },
    { "bookings", 0, 0, G_OPTION_ARG_INT64, &n_bookings, "Past desk bookings (10000)", "N" },
    { "reservations", 0, 0, G_OPTION_ARG_INT64, &n_reservations,
      "Past room reservations (bookings / 10)", "N" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "Write tokens, desks and meta here", "DIR" },
    { "refresh-sessions", 0, 0, G_OPTION_ARG_NONE, &refresh,
      "Only renew the sessions and files of an existing database", NULL },
    { NULL }
  };

  context = g_option_context_new ("- a Platz database grown for benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-gen: %s\n", error->message);
      return 1;
    }
  if (path == NULL || out_dir == NULL || n_bookings < 0 || n_bookings > 100000000)
    {
      g_printerr ("bench-gen: --db PATH and --out DIR are required; --bookings 0..100000000\n");
      return 1;
    }
  if (n_reservations < 0)
    n_reservations = n_bookings / 10;
  if (sodium_init () < 0)
    return 1;

  if (!refresh)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  store = platzd_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("bench-gen: %s\n", error->message);
      return 1;
    }
  gen = g_new0 (Gen, 1);
  gen->db = platzd_store_db (store);
  zone = g_time_zone_new_identifier ("Europe/Berlin");
  platz_date_today (zone, &gen->today);
  g_mkdir_with_parents (out_dir, 0755);

  if (refresh)
    {
      status = write_sessions (gen, out_dir) ? 0 : 1;
      goto out;
    }
  if (!platzd_store_is_empty (store))
    {
      g_printerr ("bench-gen: %s is not empty\n", path);
      goto out;
    }
  /* Bulk loading: not durable until the end, and a large page cache. */
  if (!exec (gen->db, "PRAGMA synchronous = OFF") ||
      !exec (gen->db, "PRAGMA cache_size = -262144") ||
      !exec (gen->db, "BEGIN") || !write_structure (gen) || !write_policies (gen) ||
      !exec (gen->db, "COMMIT"))
    goto out;
  indexes = drop_indexes (gen->db);
  if (!write_history (gen, n_bookings, n_reservations))
    goto out;
  {
    gint64 t = g_get_monotonic_time ();
    for (guint i = 0; i < indexes->len; i++)
      if (!exec (gen->db, indexes->pdata[i]))
        goto out;
    g_printerr ("bench-gen: indexes in %.1f s\n", seconds_since (t));
  }
  if (!write_current (gen) || !write_sessions (gen, out_dir) ||
      !exec (gen->db, "PRAGMA synchronous = FULL") ||
      !exec (gen->db, "PRAGMA wal_checkpoint(TRUNCATE)"))
    goto out;
  g_printerr ("bench-gen: %s ready in %.1f s\n", path, seconds_since (start));
  status = 0;

out:
  g_free (gen);
  platzd_store_close (store);
  return status;
}
