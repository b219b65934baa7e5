/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-reservations"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platzd-policies.h"
#include "platzd-reservations-private.h"
#include "platzd-resource.h"

/*
 * POST /reservations: rooms reserved as a whole (booking rules 4 and 5 of docs/contract.md §3).
 *
 * Two forms of body:
 *
 *  - by time, for meeting rooms and lounges:
 *      {"room_id", "start", "end", "title"?, "attendees"?, "team_id"?}
 *    start and end are RFC 3339 times; the range is half-open [start, end).
 *    attendees defaults to 1, title to null.  A team_id marks a meeting of
 *    that team (the caller must belong to it or lead it).
 *
 *  - by whole days, for project offices:
 *      {"room_id", "team_id", "from_date", "to_date", "weekdays"?, "until"?,
 *       "title"?}
 *    Each occurrence is one whole day in the site's zone: from local
 *    midnight to the next local midnight (23 or 25 hours on DST days).
 *    The dates are every date d with
 *
 *        from_date <= d <= (until if given, else to_date)
 *
 *    whose ISO weekday (1 = Monday ... 7 = Sunday) is in W, where W is
 *      - weekdays, when given;
 *      - else, with until: the weekdays that [from_date, to_date] covers,
 *        so that the block repeats weekly ("Mon-Wed every week until ...");
 *      - else all seven days (a plain range).
 *    until, when given, must not lie before to_date.  At most
 *    MAX_OCCURRENCES dates; a request that yields none is refused.
 *
 * Checks, in the contract's order (docs/contract.md §6) so that one request gets one answer:
 *   400  body (types, unknown fields, forms, end <= start, dates)
 *   404  room, team
 *   422  role_not_allowed (project offices: team leads and admins only)
 *   400  the form does not fit the room's kind
 *   403  team leads reserve for the teams they lead; meetings for a team
 *        only by its members, its lead or facility managers/admins
 *   422  not_reservable, in_the_past, outside_booking_window,
 *        outside_working_hours, off_grid, over_capacity
 *   409  room_taken (with "conflicts" for project offices), checked inside
 *        the BEGIN IMMEDIATE transaction that then inserts; 201 after
 *        COMMIT.  A series is all-or-nothing.
 */

#define MAX_OCCURRENCES 400
#define MAX_SPAN_DAYS 800

typedef struct {
  PlatzReservationRequest body;
  guint64    present;
  guint      weekdays;   /* bit d for ISO weekday d; 0 = not given */
  gboolean   by_days;
  GDateTime *start;
  GDateTime *end;
  GDate      from;
  GDate      to;
  GDate      until;
  gboolean   has_until;
  GArray    *dates;      /* GDate, by_days only */
} Request;

static void
request_clear (Request *r)
{
  platz_object_clear (&platz_reservation_request_type, &r->body);
  g_clear_pointer (&r->start, g_date_time_unref);
  g_clear_pointer (&r->end, g_date_time_unref);
  g_clear_pointer (&r->dates, g_array_unref);
}

static gboolean
has (const Request *r,
     const char    *name)
{
  return (r->present & PLATZD_FIELD_BIT (&platz_reservation_request_type, name)) != 0;
}

static gboolean
bad_request (GError    **error,
             const char *message)
{
  g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST, message);
  return FALSE;
}

/* Parsing (400) */

static gboolean
decode_weekdays (JsonNode *node,
                 guint    *mask,
                 GError  **error)
{
  JsonArray *array;
  const char *expected = "'weekdays' must be a list of ISO weekdays, 1 (Monday) to 7 (Sunday)";

  *mask = 0;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_request (error, expected);
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > 7)
    return bad_request (error, expected);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *el = json_array_get_element (array, i);
      gint64 day;

      if (!JSON_NODE_HOLDS_VALUE (el) || json_node_get_value_type (el) != G_TYPE_INT64)
        return bad_request (error, expected);
      day = json_node_get_int (el);
      if (day < 1 || day > 7)
        return bad_request (error, expected);
      *mask |= 1u << day;
    }
  return TRUE;
}

static gboolean
expand_dates (Request *r,
              GError **error)
{
  GDate last = r->has_until ? r->until : r->to;
  guint mask = r->weekdays;
  GDate d;

  if (platz_date_diff (&r->from, &last) > MAX_SPAN_DAYS)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "A project-office reservation may span at most %d days", MAX_SPAN_DAYS);
      return FALSE;
    }
  if (mask == 0 && r->has_until)
    {
      d = r->from;
      for (int i = 0; i < 7 && g_date_compare (&d, &r->to) <= 0; i++, g_date_add_days (&d, 1))
        mask |= 1u << platz_date_iso_weekday (&d);
    }
  else if (mask == 0)
    mask = 0xfe;

  r->dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  for (d = r->from; g_date_compare (&d, &last) <= 0; g_date_add_days (&d, 1))
    {
      if (!(mask & (1u << platz_date_iso_weekday (&d))))
        continue;
      if (r->dates->len >= MAX_OCCURRENCES)
        {
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "A project-office reservation may have at most %d days", MAX_OCCURRENCES);
          return FALSE;
        }
      g_array_append_val (r->dates, d);
    }
  if (r->dates->len == 0)
    return bad_request (error, "No date in the range falls on one of the weekdays");
  return TRUE;
}

static gboolean
parse_request (PlatzdRequest *req,
               Request       *r,
               GError       **error)
{
  JsonObject *object;
  JsonObject *rest;
  g_autoptr(JsonNode) rest_node = NULL;
  g_autoptr(GList) members = NULL;
  gboolean weekdays_given = FALSE;
  gboolean by_time;

  if (req->body == NULL || !JSON_NODE_HOLDS_OBJECT (req->body))
    return bad_request (error, "Expected a JSON object for the reservation");

  /* "weekdays" is a list of numbers, which the field tables do not
   * describe; take it out and let the codec check everything else. */
  object = json_node_get_object (req->body);
  rest = json_object_new ();
  rest_node = json_node_init_object (json_node_alloc (), rest);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *member = json_object_get_member (object, name);

      if (strcmp (name, "weekdays") == 0)
        {
          if (!decode_weekdays (member, &r->weekdays, error))
            {
              json_object_unref (rest);
              return FALSE;
            }
          weekdays_given = r->weekdays != 0;
        }
      else
        json_object_set_member (rest, name, json_node_copy (member));
    }
  json_object_unref (rest);

  if (!platz_decode (&platz_reservation_request_type, rest_node, PLATZ_DECODE_CREATE, &r->body,
                     &r->present, error))
    return FALSE;

  by_time = has (r, "start") || has (r, "end");
  r->by_days = has (r, "from_date") || has (r, "to_date") || r->body.until != NULL ||
               weekdays_given;
  if (by_time && r->by_days)
    return bad_request (error, "Send either start and end (meeting rooms, lounges) or "
                               "from_date and to_date (project offices), not both");
  if (!by_time && !r->by_days)
    return bad_request (error, "'start' and 'end' are required (or 'team_id', 'from_date' and "
                               "'to_date' for a project office)");

  if (by_time)
    {
      if (r->body.start == NULL || r->body.end == NULL)
        return bad_request (error, "Both 'start' and 'end' are required");
      r->start = platz_datetime_parse (r->body.start);
      r->end = platz_datetime_parse (r->body.end);
      if (r->start == NULL || r->end == NULL)
        return bad_request (error, "'start' and 'end' must be RFC 3339 times");
      if (g_date_time_compare (r->end, r->start) <= 0)
        return bad_request (error, "'end' must be after 'start'");
      if (!has (r, "attendees"))
        r->body.attendees = 1;
      return TRUE;
    }

  if (r->body.from_date == NULL || r->body.to_date == NULL)
    return bad_request (error, "Both 'from_date' and 'to_date' are required");
  if (r->body.team_id == 0)
    return bad_request (error, "'team_id' is required to reserve a project office");
  platz_date_parse (r->body.from_date, &r->from);
  platz_date_parse (r->body.to_date, &r->to);
  if (g_date_compare (&r->to, &r->from) < 0)
    return bad_request (error, "'to_date' must not be before 'from_date'");
  r->has_until = r->body.until != NULL;
  if (r->has_until)
    {
      platz_date_parse (r->body.until, &r->until);
      if (g_date_compare (&r->until, &r->to) < 0)
        return bad_request (error, "'until' must not be before 'to_date'");
    }
  if (!has (r, "attendees"))
    r->body.attendees = 1;
  return expand_dates (r, error);
}

/* Rules (422) */

static int
minutes_of (GDateTime *local)
{
  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static void
date_of (GDateTime *local,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static gboolean
check_time_rules (const Request       *r,
                  const PlatzRoom     *room,
                  const PlatzPolicies *policies,
                  GTimeZone           *zone,
                  GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_to_timezone (r->start, zone);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (r->end, zone);
  GDate today, start_day, end_day;
  int open = 0, close = 24 * 60;
  int start_min, end_min;
  int slot = MAX (policies->slot_minutes, 1);

  if (g_date_time_compare (r->start, now) < 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_IN_THE_PAST,
                           "The reservation would start in the past");
      return FALSE;
    }

  platz_date_today (zone, &today);
  date_of (start, &start_day);
  if (platz_date_diff (&today, &start_day) > policies->booking_window_days)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_OUTSIDE_BOOKING_WINDOW,
                   "Rooms can be reserved at most %" G_GINT64_FORMAT " days ahead",
                   policies->booking_window_days);
      return FALSE;
    }

  /* Both ends on the start's local day; an end at the next midnight is
   * minute 1440 of that day. */
  platz_time_parse (policies->working_hours_start, &open);
  platz_time_parse (policies->working_hours_end, &close);
  start_min = minutes_of (start);
  end_min = minutes_of (end);
  date_of (end, &end_day);
  if (platz_date_diff (&start_day, &end_day) == 1 && end_min == 0)
    end_min = 24 * 60;
  else if (platz_date_diff (&start_day, &end_day) != 0)
    end_min = G_MAXINT;
  if (start_min < open || end_min > close)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_OUTSIDE_WORKING_HOURS,
                   "Reservations must lie within one day's working hours, %s to %s",
                   policies->working_hours_start, policies->working_hours_end);
      return FALSE;
    }

  if (g_date_time_get_seconds (start) != 0.0 || g_date_time_get_seconds (end) != 0.0 ||
      start_min % slot != 0 || end_min % slot != 0)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_OFF_GRID,
                   "Start and end must fall on the %" G_GINT64_FORMAT "-minute grid",
                   policies->slot_minutes);
      return FALSE;
    }

  /* A capacity of 0 means no seat count was recorded: no limit. */
  if (room->capacity > 0 && r->body.attendees > room->capacity)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_OVER_CAPACITY,
                   "%s has %" G_GINT64_FORMAT " seats, not %" G_GINT64_FORMAT, room->name,
                   room->capacity, r->body.attendees);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_day_rules (const Request       *r,
                 const PlatzPolicies *policies,
                 GTimeZone           *zone,
                 GError             **error)
{
  const GDate *first = &g_array_index (r->dates, GDate, 0);
  const GDate *last = &g_array_index (r->dates, GDate, r->dates->len - 1);
  GDate today;

  platz_date_today (zone, &today);
  if (g_date_compare (first, &today) < 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_IN_THE_PAST,
                           "The reservation would start in the past");
      return FALSE;
    }
  if (platz_date_diff (&today, last) > policies->project_office_horizon_days)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_OUTSIDE_BOOKING_WINDOW,
                   "Project offices can be reserved at most %" G_GINT64_FORMAT " days ahead",
                   policies->project_office_horizon_days);
      return FALSE;
    }
  return TRUE;
}

/* Storing (409, 201) */

typedef struct {
  char *start;   /* UTC keys */
  char *end;
  char *date;    /* local date, for "conflicts" */
} Occurrence;

static void
occurrence_clear (gpointer data)
{
  Occurrence *o = data;

  g_free (o->start);
  g_free (o->end);
  g_free (o->date);
}

static GArray *
occurrences_of (const Request *r,
                GTimeZone     *zone)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Occurrence));

  g_array_set_clear_func (list, occurrence_clear);
  if (!r->by_days)
    {
      Occurrence o = { platz_datetime_utc_key (r->start), platz_datetime_utc_key (r->end), NULL };
      g_array_append_val (list, o);
      return list;
    }
  for (guint i = 0; i < r->dates->len; i++)
    {
      const GDate *day = &g_array_index (r->dates, GDate, i);
      GDate next = *day;
      g_autoptr(GDateTime) start = platz_date_start_in_zone (day, zone);
      g_autoptr(GDateTime) end = NULL;
      Occurrence o;

      g_date_add_days (&next, 1);
      end = platz_date_start_in_zone (&next, zone);
      o.start = platz_datetime_utc_key (start);
      o.end = platz_datetime_utc_key (end);
      o.date = platz_date_format (day);
      g_array_append_val (list, o);
    }
  return list;
}

static gboolean
store_occurrences (PlatzdRequest *req,
                   const Request *r,
                   GArray        *occurrences,
                   GArray        *ids,
                   JsonNode     **conflicts,
                   GError       **error)
{
  PlatzdStore *store = req->app->store;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *now = platzd_now_utc ();
  gboolean any_conflict = FALSE;
  gint64 series_id = 0;
  sqlite3_stmt *stmt;

  if (!platzd_store_begin (store, error))
    return FALSE;

  /* Every occurrence against the active reservations of the room,
   * half-open: one that ends when another starts does not clash. */
  json_builder_begin_array (builder);
  for (guint i = 0; i < occurrences->len; i++)
    {
      Occurrence *o = &g_array_index (occurrences, Occurrence, i);
      GError *local = NULL;
      gint64 clash;

      stmt = platzd_store_prepare (store, "SELECT count(*) FROM reservations "
                                   "WHERE room_id = ?1 AND status = 'active' "
                                   "AND start < ?3 AND \"end\" > ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, r->body.room_id);
      sqlite3_bind_text (stmt, 2, o->start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, o->end, -1, SQLITE_TRANSIENT);
      clash = platzd_store_query_int (store, stmt, 0, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          goto fail;
        }
      if (clash > 0)
        {
          any_conflict = TRUE;
          if (o->date != NULL)
            json_builder_add_string_value (builder, o->date);
        }
    }
  json_builder_end_array (builder);
  if (any_conflict)
    {
      platzd_store_rollback (store);
      if (r->by_days)
        *conflicts = json_builder_get_root (builder);
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_ROOM_TAKEN,
                           r->by_days ? "The room is already reserved on some of these days"
                                      : "The room is already reserved for that time");
      return FALSE;
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      Occurrence *o = &g_array_index (occurrences, Occurrence, i);
      GError *local = NULL;
      gint64 id;

      stmt = platzd_store_prepare (store, "INSERT INTO reservations (room_id, user_id, team_id, "
                                   "start, \"end\", title, attendees, series_id, status, "
                                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                   "'active', ?9) RETURNING id", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, r->body.room_id);
      sqlite3_bind_int64 (stmt, 2, req->user->id);
      if (r->body.team_id > 0)
        sqlite3_bind_int64 (stmt, 3, r->body.team_id);
      sqlite3_bind_text (stmt, 4, o->start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, o->end, -1, SQLITE_TRANSIENT);
      if (r->body.title != NULL)
        sqlite3_bind_text (stmt, 6, r->body.title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, r->body.attendees);
      if (series_id > 0)
        sqlite3_bind_int64 (stmt, 8, series_id);
      sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
      id = platzd_store_query_int (store, stmt, 0, &local);
      if (local != NULL || id <= 0)
        {
          if (local == NULL)
            g_set_error_literal (&local, PLATZ_ERROR, PLATZ_ERROR_INTERNAL, "No id returned");
          g_propagate_error (error, local);
          goto fail;
        }
      g_array_append_val (ids, id);

      /* Every whole-day reservation belongs to a series named after its
       * first row, so that ?series=true cancels what one request made. */
      if (r->by_days && series_id == 0)
        {
          series_id = id;
          stmt = platzd_store_prepare (store, "UPDATE reservations SET series_id = ?1 "
                                       "WHERE id = ?1", error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, id);
          if (!platzd_store_step_done (store, stmt, error))
            goto fail;
        }
    }
  return platzd_store_commit (store, error);

fail:
  platzd_store_rollback (store);
  return FALSE;
}

static void
reply_created (PlatzdRequest   *req,
               const Request   *r,
               const PlatzRoom *room,
               GArray          *occurrences,
               GArray          *ids,
               GTimeZone       *zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 series_id = r->by_days ? g_array_index (ids, gint64, 0) : 0;

  /* The first occurrence's fields, then all of them under "occurrences". */
  for (guint i = 0; i < ids->len; i++)
    {
      Occurrence *o = &g_array_index (occurrences, Occurrence, i);
      PlatzReservation res = {
        .id = g_array_index (ids, gint64, i),
        .room_id = r->body.room_id,
        .user_id = req->user->id,
        .team_id = r->body.team_id,
        .start = o->start,
        .end = o->end,
        .title = r->body.title,
        .attendees = r->body.attendees,
        .series_id = series_id,
      };

      if (i == 0)
        {
          json_builder_begin_object (builder);
          platzd_reservation_add_members (builder, &res, room->name, zone, FALSE);
          json_builder_set_member_name (builder, "occurrences");
          json_builder_begin_array (builder);
        }
      json_builder_begin_object (builder);
      platzd_reservation_add_members (builder, &res, room->name, zone, FALSE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  platzd_reply_json (req, 201, json_builder_get_root (builder));
}

/* Handler */

static gboolean
check_kind_and_access (PlatzdRequest   *req,
                       const Request   *r,
                       const PlatzRoom *room,
                       GError         **error)
{
  gboolean is_project = g_strcmp0 (room->kind, "project_office") == 0;
  gboolean is_office = g_strcmp0 (room->kind, "office") == 0;
  gint64 lead = 0;

  if (r->body.team_id > 0)
    lead = platzd_team_lead (req->app->store, r->body.team_id);

  if (is_project)
    {
      if (!platzd_user_is (req->user, "team_lead") && !platzd_user_is (req->user, "admin"))
        {
          g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_ROLE_NOT_ALLOWED,
                               "Only team leads and admins reserve project offices");
          return FALSE;
        }
      if (!r->by_days)
        return bad_request (error, "Project offices are reserved for whole days: send "
                                   "'team_id', 'from_date' and 'to_date'");
      if (platzd_user_is (req->user, "team_lead") && lead != req->user->id)
        {
          g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                               "Team leads reserve project offices only for the teams they lead");
          return FALSE;
        }
    }
  else if (!is_office)
    {
      if (r->by_days)
        return bad_request (error, "Meeting rooms and lounges are reserved by 'start' and 'end'");
    }

  /* A meeting held for a team: its members, its lead, facility staff. */
  if (!is_project && r->body.team_id > 0 && !platzd_user_manages_facility (req->user) &&
      req->user->team_id != r->body.team_id && lead != req->user->id)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "You may reserve rooms only for your own team");
      return FALSE;
    }

  if (is_office)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_NOT_RESERVABLE,
                           "Offices are not reserved as a whole; book a desk in them");
      return FALSE;
    }
  if (!room->reservable)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_RESERVABLE,
                   "%s is open to walk in and cannot be reserved", room->name);
      return FALSE;
    }
  return TRUE;
}

static void
handle_create (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  Request r = { 0 };
  PlatzRoom *room = NULL;
  PlatzPolicies policies = { 0 };
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *conflicts = NULL;
  GError *error = NULL;
  gint64 site_id;

  if (!parse_request (req, &r, &error))
    goto fail;
  room = platzd_store_get (store, &platz_room_type, r.body.room_id, &error);
  if (room == NULL)
    goto fail;
  if (r.body.team_id > 0 && platzd_team_lead (store, r.body.team_id) < 0)
    {
      g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                   "There is no team with id %" G_GINT64_FORMAT, r.body.team_id);
      goto fail;
    }
  if (!check_kind_and_access (req, &r, room, &error))
    goto fail;

  site_id = platzd_site_of_room (store, room->id);
  zone = platzd_site_zone (store, site_id);
  if (!platzd_policies_load (store, site_id, &policies, &error))
    goto fail;
  if (r.by_days ? !check_day_rules (&r, &policies, zone, &error)
                : !check_time_rules (&r, room, &policies, zone, &error))
    goto fail;

  occurrences = occurrences_of (&r, zone);
  if (!store_occurrences (req, &r, occurrences, ids, &conflicts, &error))
    goto fail;
  g_debug ("reservation of room %" G_GINT64_FORMAT ": %u occurrence(s)", room->id, ids->len);
  reply_created (req, &r, room, occurrences, ids, zone);
  goto out;

fail:
  if (conflicts != NULL)
    platzd_reply_error_extra (req, error, "conflicts", conflicts);
  else
    platzd_reply_error (req, error);
out:
  platz_object_clear (&platz_policies_type, &policies);
  platz_object_free (&platz_room_type, room);
  request_clear (&r);
}

void
platzd_reservations_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "POST", PLATZD_API "/reservations", handle_create, 0);
  platzd_reservations_register_queries (app);
}
