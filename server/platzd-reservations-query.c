/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-reservations"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platzd-policies.h"
#include "platzd-reservations-private.h"

/*
 * Reading and cancelling reservations, and finding a free room:
 *
 *   GET    /reservations?from=&to=[&room_id=][&team_id=][&site_id=][&mine=true]
 *   DELETE /reservations/{id}[?series=true]
 *   GET    /rooms/search?start=&end=[&attendees=][&equipment=a,b][&site_id=]
 *                        [&building_id=][&floor_id=][&kind=][&accessible=true]
 *
 * Privacy: everyone sees when a room is busy, but who reserved it and the
 * title only show for one's own reservations, those of a team one belongs
 * to or leads, and to facility managers and admins - and, but for one's
 * own, only while the reservation is not over before the today of its
 * site: no history of another person.  A reservation that ended before
 * that today's midnight (site time) keeps its room, times and team, but
 * its user_id and title (which may name a person) are null for everyone
 * but the one who made it.
 */

#define LIST_MAX_DAYS 366
#define SEARCH_MAX_DAYS 31

/* Shared helpers */

char *
platzd_reservation_columns (const char *alias)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < platz_reservation_type.n_fields; i++)
    g_string_append_printf (s, "%s%s.\"%s\"", s->len ? ", " : "", alias,
                            platz_reservation_type.fields[i].name);
  return g_string_free (s, FALSE);
}

GHashTable *
platzd_zone_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) g_time_zone_unref);
}

GTimeZone *
platzd_zone_cache_get (GHashTable  *cache,
                       PlatzdStore *store,
                       gint64       site_id)
{
  GTimeZone *zone = g_hash_table_lookup (cache, &site_id);

  if (zone == NULL)
    {
      zone = platzd_site_zone (store, site_id);
      g_hash_table_insert (cache, g_memdup2 (&site_id, sizeof site_id), zone);
    }
  return zone;
}

static char *
local_time (const char *utc_key,
            GTimeZone  *zone)
{
  g_autoptr(GDateTime) dt = platz_datetime_parse (utc_key);

  return dt != NULL ? platz_datetime_format (dt, zone) : g_strdup (utc_key);
}

void
platzd_reservation_add_members (JsonBuilder            *builder,
                                const PlatzReservation *res,
                                const char             *room_name,
                                GTimeZone              *zone,
                                gboolean                redact)
{
  PlatzReservation out = *res;   /* shallow: only our own strings go in */
  g_autofree char *start = local_time (res->start, zone);
  g_autofree char *end = local_time (res->end, zone);

  out.start = start;
  out.end = end;
  if (redact)
    {
      out.title = NULL;
      out.user_id = 0;
    }
  platz_encode_members (&platz_reservation_type, &out, builder);
  json_builder_set_member_name (builder, "room_name");
  json_builder_add_string_value (builder, room_name);
}

gint64
platzd_team_lead (PlatzdStore *store,
                  gint64       team_id)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, "SELECT coalesce (lead_user_id, 0) "
                                             "FROM teams WHERE id = ?", NULL);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, team_id);
  return platzd_store_query_int (store, stmt, -1, NULL);
}

static gboolean
check_exists (PlatzdStore *store,
              const char  *table,
              const char  *what,
              gint64       id,
              GError     **error)
{
  if (id <= 0 || platzd_store_exists (store, table, id, error))
    return TRUE;
  if (*error == NULL)
    g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                 "There is no %s with id %" G_GINT64_FORMAT, what, id);
  return FALSE;
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static char *
utc_midnight_key (const GDate *date,
                  int          add_days)
{
  GDate d = *date;

  if (add_days > 0)
    g_date_add_days (&d, add_days);
  else if (add_days < 0)
    g_date_subtract_days (&d, -add_days);
  return g_strdup_printf ("%04u-%02u-%02uT00:00:00Z", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

/* GET /reservations */

static gboolean
list_params (PlatzdRequest *req,
             GDate         *from,
             GDate         *to,
             gint64        *filters,   /* room, team, site */
             gboolean      *mine,
             GError       **error)
{
  PlatzdStore *store = req->app->store;
  gboolean has_from, has_to;

  has_from = platzd_request_query (req, "from") != NULL;
  has_to = platzd_request_query (req, "to") != NULL;
  if (!platzd_query_date (req, "from", FALSE, from, error) ||
      !platzd_query_date (req, "to", FALSE, to, error) ||
      !platzd_query_id (req, "room_id", FALSE, &filters[0], error) ||
      !platzd_query_id (req, "team_id", FALSE, &filters[1], error) ||
      !platzd_query_id (req, "site_id", FALSE, &filters[2], error) ||
      !platzd_query_bool (req, "mine", mine, error))
    return FALSE;

  /* Defaults: from today (UTC) over the global booking window. */
  if (!has_from)
    {
      if (has_to)
        {
          *from = *to;
          g_date_subtract_days (from, 14);
        }
      else
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          platz_date_today (utc, from);
        }
    }
  if (!has_to)
    {
      PlatzPolicies policies;

      *to = *from;
      if (platzd_policies_load (store, 0, &policies, NULL))
        g_date_add_days (to, MAX (policies.booking_window_days, 1));
      else
        g_date_add_days (to, 14);
      platz_object_clear (&platz_policies_type, &policies);
    }
  if (g_date_compare (to, from) < 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "'to' must not be before 'from'");
      return FALSE;
    }
  if (platz_date_diff (from, to) >= LIST_MAX_DAYS)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "Ask for at most %d days at a time", LIST_MAX_DAYS);
      return FALSE;
    }
  return check_exists (store, "rooms", "room", filters[0], error) &&
         check_exists (store, "teams", "team", filters[1], error) &&
         check_exists (store, "sites", "site", filters[2], error);
}

/* The teams whose reservations the user may read in full. */
static GArray *
own_teams (PlatzdRequest *req)
{
  GArray *teams = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = platzd_store_prepare (req->app->store,
                                             "SELECT id FROM teams WHERE lead_user_id = ?", NULL);

  if (req->user->team_id > 0)
    g_array_append_val (teams, req->user->team_id);
  if (stmt == NULL)
    return teams;
  sqlite3_bind_int64 (stmt, 1, req->user->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (teams, id);
    }
  sqlite3_reset (stmt);
  return teams;
}

static gboolean
may_read_details (PlatzdRequest          *req,
                  GArray                 *teams,
                  const PlatzReservation *res,
                  gboolean                past)
{
  if (res->user_id == req->user->id)
    return TRUE;
  if (past)
    return FALSE;
  if (platzd_user_manages_facility (req->user))
    return TRUE;
  for (guint i = 0; res->team_id > 0 && i < teams->len; i++)
    if (g_array_index (teams, gint64, i) == res->team_id)
      return TRUE;
  return FALSE;
}

static void
handle_list (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  GDate from, to, after_to;
  gint64 filters[3] = { 0, 0, 0 };
  gboolean mine = FALSE;
  GError *error = NULL;
  g_autofree char *columns = platzd_reservation_columns ("r");
  g_autofree char *sql = NULL;
  g_autofree char *low = NULL, *high = NULL;
  g_autoptr(GHashTable) zones = platzd_zone_cache_new ();
  g_autoptr(GArray) teams = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  PlatzReservation res = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (!list_params (req, &from, &to, filters, &mine, &error))
    {
      platzd_reply_error (req, error);
      return;
    }

  /* A coarse UTC window wide enough for any zone (UTC-12 .. UTC+14),
   * then the exact local days of each reservation's site. */
  low = utc_midnight_key (&from, -1);
  high = utc_midnight_key (&to, 2);
  sql = g_strdup_printf ("SELECT %s, ro.name, b.site_id FROM reservations r "
                         "JOIN rooms ro ON ro.id = r.room_id "
                         "JOIN floors f ON f.id = ro.floor_id "
                         "JOIN buildings b ON b.id = f.building_id "
                         "WHERE r.status = 'active' AND r.start < ?2 AND r.\"end\" > ?1 "
                         "AND (?3 IS NULL OR r.room_id = ?3) AND (?4 IS NULL OR r.team_id = ?4) "
                         "AND (?5 IS NULL OR b.site_id = ?5) AND (?6 IS NULL OR r.user_id = ?6) "
                         "ORDER BY r.start, r.id", columns);
  stmt = platzd_store_prepare (store, sql, &error);
  if (stmt == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_TRANSIENT);
  bind_optional (stmt, 3, filters[0]);
  bind_optional (stmt, 4, filters[1]);
  bind_optional (stmt, 5, filters[2]);
  bind_optional (stmt, 6, mine ? req->user->id : 0);

  teams = own_teams (req);
  after_to = to;
  g_date_add_days (&after_to, 1);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = (int) platz_reservation_type.n_fields;
      GTimeZone *zone = platzd_zone_cache_get (zones, store, sqlite3_column_int64 (stmt, n + 1));
      g_autoptr(GDateTime) first = platz_date_start_in_zone (&from, zone);
      g_autoptr(GDateTime) last = platz_date_start_in_zone (&after_to, zone);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) midnight = NULL;
      GDate today;

      platzd_store_read_row (&platz_reservation_type, stmt, 0, &res);
      start = platz_datetime_parse (res.start);
      end = platz_datetime_parse (res.end);
      if (start == NULL || end == NULL ||
          !platz_range_overlaps (g_date_time_to_unix (start), g_date_time_to_unix (end),
                                 g_date_time_to_unix (first), g_date_time_to_unix (last)))
        continue;
      platz_date_today (zone, &today);
      midnight = platz_date_start_in_zone (&today, zone);
      json_builder_begin_object (builder);
      platzd_reservation_add_members (builder, &res,
                                      (const char *) sqlite3_column_text (stmt, n), zone,
                                      !may_read_details (req, teams, &res,
                                                         g_date_time_compare (end, midnight) <= 0));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  platz_object_clear (&platz_reservation_type, &res);
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      platzd_store_set_error (store, rc, &error);
      platzd_reply_error (req, error);
      return;
    }
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

/* DELETE /reservations/{id} */

static void
handle_delete (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  gint64 id = platzd_request_id (req, "id");
  gboolean series = FALSE;
  g_autofree char *now = platzd_now_utc ();
  g_autofree char *end = NULL;
  g_autofree char *status = NULL;
  gint64 user_id = 0, team_id = 0, series_id = 0;
  GError *error = NULL;
  sqlite3_stmt *stmt;
  gboolean allowed;

  if (!platzd_query_bool (req, "series", &series, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  stmt = platzd_store_prepare (store, "SELECT coalesce (user_id, 0), coalesce (team_id, 0), "
                               "coalesce (series_id, 0), status, \"end\" FROM reservations "
                               "WHERE id = ?", &error);
  if (stmt == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      user_id = sqlite3_column_int64 (stmt, 0);
      team_id = sqlite3_column_int64 (stmt, 1);
      series_id = sqlite3_column_int64 (stmt, 2);
      status = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      end = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (status == NULL)
    {
      platzd_reply_fail (req, PLATZ_ERROR_NOT_FOUND,
                         "There is no reservation with id %" G_GINT64_FORMAT, id);
      return;
    }

  /* The one who reserved, the lead of its team, facility staff. */
  allowed = user_id == req->user->id || platzd_user_manages_facility (req->user) ||
            (team_id > 0 && platzd_team_lead (store, team_id) == req->user->id);
  if (!allowed)
    {
      platzd_reply_fail (req, PLATZ_ERROR_FORBIDDEN,
                         "Only the person who reserved, the team's lead and facility "
                         "managers may cancel this reservation");
      return;
    }

  if (g_strcmp0 (status, "active") != 0)
    {
      platzd_reply_fail (req, PLATZ_ERROR_CONFLICT, "This reservation is already %s", status);
      return;
    }

  if (series && series_id > 0)
    {
      /* Every occurrence of the series that is not over yet. */
      stmt = platzd_store_prepare (store, "UPDATE reservations SET status = 'cancelled' "
                                   "WHERE series_id = ?1 AND status = 'active' "
                                   "AND \"end\" > ?2", &error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, series_id);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
        }
    }
  else
    {
      if (g_strcmp0 (end, now) <= 0)
        {
          platzd_reply_fail (req, PLATZ_ERROR_IN_THE_PAST,
                             "This reservation is over and cannot be cancelled");
          return;
        }
      stmt = platzd_store_prepare (store, "UPDATE reservations SET status = 'cancelled' "
                                   "WHERE id = ?1 AND status = 'active'", &error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, id);
    }
  if (stmt == NULL || !platzd_store_step_done (store, stmt, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  if (series && series_id > 0 && g_strcmp0 (end, now) <= 0 &&
      sqlite3_changes (platzd_store_db (store)) == 0)
    {
      platzd_reply_fail (req, PLATZ_ERROR_IN_THE_PAST,
                         "This series is over and cannot be cancelled");
      return;
    }
  platzd_reply_empty (req, 204);
}

/* GET /rooms/search */

typedef struct {
  GDateTime  *start;
  GDateTime  *end;
  gint64      attendees;
  gboolean    has_attendees;
  char      **equipment;
  const char *kind;
  gint64      site_id;
  gint64      building_id;
  gint64      floor_id;
  gboolean    accessible;
} Search;

static void
search_clear (Search *s)
{
  g_clear_pointer (&s->start, g_date_time_unref);
  g_clear_pointer (&s->end, g_date_time_unref);
  g_clear_pointer (&s->equipment, g_strfreev);
}

static gboolean
search_params (PlatzdRequest *req,
               Search        *s,
               GError       **error)
{
  g_autofree char *start = g_strdup (platzd_request_query (req, "start"));
  g_autofree char *end = g_strdup (platzd_request_query (req, "end"));
  const char *equipment = platzd_request_query (req, "equipment");
  PlatzdStore *store = req->app->store;

  if (start == NULL || end == NULL)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "The query parameters 'start' and 'end' are required");
      return FALSE;
    }
  /* An unescaped '+' of the offset arrives as a space; a space is never
   * valid in RFC 3339, so take it back. */
  g_strdelimit (start, " ", '+');
  g_strdelimit (end, " ", '+');
  s->start = platz_datetime_parse (start);
  s->end = platz_datetime_parse (end);
  if (s->start == NULL || s->end == NULL)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "'start' and 'end' must be RFC 3339 times like "
                           "2026-12-01T09:00:00+01:00");
      return FALSE;
    }
  if (g_date_time_compare (s->end, s->start) <= 0 ||
      g_date_time_difference (s->end, s->start) > SEARCH_MAX_DAYS * G_TIME_SPAN_DAY)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "'end' must be after 'start', at most %d days later", SEARCH_MAX_DAYS);
      return FALSE;
    }
  s->has_attendees = platzd_request_query (req, "attendees") != NULL;
  s->attendees = 1;
  if (!platzd_query_int (req, "attendees", 1, 10000, &s->attendees, error) ||
      !platzd_query_id (req, "site_id", FALSE, &s->site_id, error) ||
      !platzd_query_id (req, "building_id", FALSE, &s->building_id, error) ||
      !platzd_query_id (req, "floor_id", FALSE, &s->floor_id, error) ||
      !platzd_query_bool (req, "accessible", &s->accessible, error))
    return FALSE;

  s->kind = platzd_request_query (req, "kind");
  if (s->kind != NULL && g_strcmp0 (s->kind, "meeting_room") != 0 &&
      g_strcmp0 (s->kind, "lounge") != 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "'kind' must be meeting_room or lounge");
      return FALSE;
    }

  if (equipment != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (equipment, ",", 65);
      GPtrArray *tags = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *tag = g_strstrip (parts[i]);
          gboolean valid = *tag != '\0' && i < 64;

          for (const char *p = tag; valid && *p; p++)
            valid = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_';
          if (!valid && *tag != '\0')
            {
              g_ptr_array_add (tags, NULL);
              g_strfreev ((char **) g_ptr_array_free (tags, FALSE));
              g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                                   "'equipment' must be a comma-separated list of tags "
                                   "made of a-z, 0-9 and _");
              return FALSE;
            }
          if (valid)
            g_ptr_array_add (tags, g_strdup (tag));
        }
      g_ptr_array_add (tags, NULL);
      s->equipment = (char **) g_ptr_array_free (tags, FALSE);
    }

  return check_exists (store, "sites", "site", s->site_id, error) &&
         check_exists (store, "buildings", "building", s->building_id, error) &&
         check_exists (store, "floors", "floor", s->floor_id, error);
}

static void
handle_search (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  Search s = { 0 };
  GError *error = NULL;
  GString *columns = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *start = NULL, *end = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  PlatzRoom room = { 0 };
  sqlite3_stmt *stmt;
  int n = 0;

  if (!search_params (req, &s, &error))
    {
      g_string_free (columns, TRUE);
      search_clear (&s);
      platzd_reply_error (req, error);
      return;
    }

  for (guint i = 0; i < platz_room_type.n_fields; i++)
    if (!(platz_room_type.fields[i].flags & PLATZ_F_NOCOLUMN))
      {
        g_string_append_printf (columns, "%sro.\"%s\"", n ? ", " : "",
                                platz_room_type.fields[i].name);
        n++;
      }
  /* Free for the whole of [start, end): no active reservation overlaps.
   * A capacity of 0 (not recorded) only qualifies when no attendee count
   * was asked for. */
  sql = g_strdup_printf ("SELECT %s, f.name, f.building_id, b.name, b.site_id FROM rooms ro "
                         "JOIN floors f ON f.id = ro.floor_id "
                         "JOIN buildings b ON b.id = f.building_id "
                         "WHERE ro.kind IN ('meeting_room', 'lounge') AND ro.reservable = 1 "
                         "AND (?1 IS NULL OR ro.kind = ?1) AND (?2 IS NULL OR b.site_id = ?2) "
                         "AND (?3 IS NULL OR f.building_id = ?3) "
                         "AND (?4 IS NULL OR ro.floor_id = ?4) "
                         "AND (?5 = 0 OR ro.accessible = 1) "
                         "AND (ro.capacity >= ?6 OR (ro.capacity = 0 AND ?7 = 0)) "
                         "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.room_id = ro.id "
                         "AND r.status = 'active' AND r.start < ?9 AND r.\"end\" > ?8) "
                         "ORDER BY b.name, f.level, ro.capacity, ro.name, ro.id",
                         columns->str);
  g_string_free (columns, TRUE);
  stmt = platzd_store_prepare (store, sql, &error);
  if (stmt == NULL)
    {
      search_clear (&s);
      platzd_reply_error (req, error);
      return;
    }
  start = platz_datetime_utc_key (s.start);
  end = platz_datetime_utc_key (s.end);
  if (s.kind != NULL)
    sqlite3_bind_text (stmt, 1, s.kind, -1, SQLITE_TRANSIENT);
  bind_optional (stmt, 2, s.site_id);
  bind_optional (stmt, 3, s.building_id);
  bind_optional (stmt, 4, s.floor_id);
  sqlite3_bind_int (stmt, 5, s.accessible ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, s.attendees);
  sqlite3_bind_int (stmt, 7, s.has_attendees ? 1 : 0);
  sqlite3_bind_text (stmt, 8, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, end, -1, SQLITE_TRANSIENT);

  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean fits = TRUE;

      platzd_store_read_row (&platz_room_type, stmt, 0, &room);
      for (guint i = 0; s.equipment != NULL && s.equipment[i] != NULL && fits; i++)
        fits = platz_strv_contains (room.equipment, s.equipment[i]);
      if (!fits)
        continue;
      json_builder_begin_object (builder);
      platz_encode_members (&platz_room_type, &room, builder);
      json_builder_set_member_name (builder, "floor_name");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, n));
      json_builder_set_member_name (builder, "building_id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, n + 1));
      json_builder_set_member_name (builder, "building_name");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, n + 2));
      json_builder_set_member_name (builder, "site_id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, n + 3));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  platz_object_clear (&platz_room_type, &room);
  search_clear (&s);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

void
platzd_reservations_register_queries (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", PLATZD_API "/reservations", handle_list, 0);
  platzd_router_add (app->router, "DELETE", PLATZD_API "/reservations/{id}", handle_delete, 0);
  platzd_router_add (app->router, "GET", PLATZD_API "/rooms/search", handle_search, 0);
}
