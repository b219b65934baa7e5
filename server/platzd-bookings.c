/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-bookings"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platz-limits.h"
#include "platzd-audit.h"
#include "platzd-bookings.h"
#include "platzd-policies.h"

/*
 * Desk bookings (booking rules 1-3 and 6 of docs/contract.md §3).
 *
 * Rules 1 and 2 are held by four partial unique indexes in the database
 * (schemas/migrations/001-initial.sql); the room limit (rule 3) and the
 * policy checks run inside the same BEGIN IMMEDIATE transaction as the
 * INSERT, so they hold even with several server processes on one file.
 * The 201 is sent only after COMMIT succeeded.
 */

#define RELEASE_INTERVAL_S 30
#define MAX_RANGE_DAYS 400

/* Auxiliary */

typedef struct {
  gint64   desk_id;
  char    *desk_name;
  gint64   room_id;
  char    *room_kind;
  gint64   site_id;
  gboolean blocked;           /* on the requested date */
  gint64   assigned_user_id;
  gboolean released;          /* the fixed desk's owner released the date */
  char   **eligible;          /* NULL: no standard */
  gint64   closed_weekdays;   /* the site's (PLATZ_FIELD_WEEKDAYS) */
} DeskContext;

static void
desk_context_clear (DeskContext *ctx)
{
  g_free (ctx->desk_name);
  g_free (ctx->room_kind);
  g_strfreev (ctx->eligible);
}

static gboolean
load_desk_context (PlatzdStore *store,
                   gint64       desk_id,
                   const char  *date,
                   DeskContext *ctx,
                   GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (
    store,
    "SELECT d.id, d.name, r.id, r.kind, bl.site_id, " PLATZD_DESK_BLOCKED_SQL ", "
    "d.assigned_user_id, "
    "EXISTS (SELECT 1 FROM desk_releases x WHERE x.desk_id = d.id AND x.date = :date), "
    "s.eligible_functions, st.closed_weekdays "
    "FROM desks d JOIN rooms r ON r.id = d.room_id JOIN floors f ON f.id = r.floor_id "
    "JOIN buildings bl ON bl.id = f.building_id JOIN sites st ON st.id = bl.site_id "
    "LEFT JOIN occupancy_standards s ON s.id = r.occupancy_standard_id WHERE d.id = :desk",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":date"), date, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":desk"), desk_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                     "There is no desk with id %" G_GINT64_FORMAT, desk_id);
      else
        platzd_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  ctx->desk_id = sqlite3_column_int64 (stmt, 0);
  ctx->desk_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  ctx->room_id = sqlite3_column_int64 (stmt, 2);
  ctx->room_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  ctx->site_id = sqlite3_column_int64 (stmt, 4);
  ctx->blocked = sqlite3_column_int (stmt, 5) != 0;
  ctx->assigned_user_id = sqlite3_column_int64 (stmt, 6);
  ctx->released = sqlite3_column_int (stmt, 7) != 0;
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    ctx->eligible = platzd_tags_from_json ((const char *) sqlite3_column_text (stmt, 8));
  ctx->closed_weekdays = sqlite3_column_int64 (stmt, 9);
  sqlite3_reset (stmt);
  return TRUE;
}

int
platzd_room_limit (PlatzdStore *store,
                   gint64       room_id,
                   const char  *date,
                   int          cap_percent,
                   GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (
    store,
    "SELECT (SELECT count(*) FROM desks d WHERE d.room_id = r.id AND NOT "
    PLATZD_DESK_BLOCKED_SQL "), coalesce (s.max_persons, 0), r.area_m2, "
    "coalesce (s.min_area_per_person_m2, 0) "
    "FROM rooms r LEFT JOIN occupancy_standards s ON s.id = r.occupancy_standard_id "
    "WHERE r.id = :room", error);
  int limit = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":date"), date, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":room"), room_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    limit = platz_effective_limit (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                   sqlite3_column_double (stmt, 2),
                                   sqlite3_column_double (stmt, 3), cap_percent);
  sqlite3_reset (stmt);
  return limit;
}

void
platzd_booking_row_to_json (sqlite3_stmt *stmt,
                            JsonBuilder  *builder)
{
  PlatzBooking booking = { 0 };
  static const char *extras[] = { "desk_name", "room_id", "room_name", "floor_id", "floor_name",
                                  "building_id", "building_name", "user_display_name" };

  platzd_store_read_row (&platz_booking_type, stmt, 0, &booking);
  json_builder_begin_object (builder);
  platz_encode_members (&platz_booking_type, &booking, builder);
  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    {
      int col = 7 + (int) i;
      json_builder_set_member_name (builder, extras[i]);
      if (sqlite3_column_type (stmt, col) == SQLITE_INTEGER)
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
    }
  json_builder_end_object (builder);
  platz_object_clear (&platz_booking_type, &booking);
}

static JsonNode *
booking_json (PlatzdStore *store,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, PLATZD_BOOKING_SELECT "WHERE b.id = ?", error);
  g_autoptr(JsonBuilder) builder = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                   "There is no booking with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  builder = json_builder_new_immutable ();
  platzd_booking_row_to_json (stmt, builder);
  sqlite3_reset (stmt);
  return json_builder_get_root (builder);
}

static gboolean
leads_team_of (PlatzdStore *store,
               gint64       lead_id,
               gint64       user_id)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store,
                                             "SELECT count(*) FROM users u JOIN teams t "
                                             "ON t.id = u.team_id WHERE u.id = ? "
                                             "AND t.lead_user_id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, lead_id);
  return platzd_store_query_int (store, stmt, 0, NULL) > 0;
}

/* May the signed-in user act on bookings of `owner`?  Team leads for the
 * members of the teams they lead, admins for everybody. */
static gboolean
may_act_for (PlatzdRequest *req,
             gint64         owner)
{
  if (owner == req->user->id || platzd_user_is (req->user, "admin"))
    return TRUE;
  return platzd_user_is (req->user, "team_lead") &&
         leads_team_of (req->app->store, req->user->id, owner);
}

/* Today's date at a site, and the site's policies. */
static gboolean
site_today (PlatzdStore   *store,
            gint64         site_id,
            GDate         *today,
            PlatzPolicies *policies,
            GError       **error)
{
  g_autoptr(GTimeZone) zone = platzd_site_zone (store, site_id);

  platz_date_today (zone, today);
  return policies == NULL || platzd_policies_load (store, site_id, policies, error);
}

/* Active bookings of the desk (or user) on date that cover any of halves. */
static gint64
count_overlapping (PlatzdStore *store,
                   const char  *column,
                   gint64       id,
                   const char  *date,
                   PlatzHalves  halves,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM bookings WHERE %s = ? AND date = ? AND status = 'active' "
    "AND ((? AND slot IN ('am', 'full_day')) OR (? AND slot IN ('pm', 'full_day')))", column);
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (halves & PLATZ_HALF_AM) != 0);
  sqlite3_bind_int (stmt, 4, (halves & PLATZ_HALF_PM) != 0);
  return platzd_store_query_int (store, stmt, -1, error);
}

static gint64
room_booked (PlatzdStore *store,
             gint64       room_id,
             const char  *date,
             PlatzHalves  half,
             GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (
    store,
    /* From the room's few desks through bookings_date_desk (date, desk_id):
     * joined the other way round SQLite reads every booking of the day on
     * the whole site. */
    "SELECT count(*) FROM desks d CROSS JOIN bookings b "
    "WHERE d.room_id = ? AND b.desk_id = d.id AND b.date = ? AND b.status = 'active' "
    "AND b.slot IN (?, 'full_day')",
    error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, half == PLATZ_HALF_AM ? "am" : "pm", -1, SQLITE_STATIC);
  return platzd_store_query_int (store, stmt, -1, error);
}

/* Desk bookings the user holds in the ISO week of date, counted by day. */
static gint64
week_days_booked (PlatzdStore *store,
                  gint64       user_id,
                  const GDate *date,
                  GError     **error)
{
  GDate monday = *date, sunday;
  g_autofree char *from = NULL, *to = NULL, *day = platz_date_format (date);
  sqlite3_stmt *stmt;

  g_date_subtract_days (&monday, platz_date_iso_weekday (date) - 1);
  sunday = monday;
  g_date_add_days (&sunday, 6);
  from = platz_date_format (&monday);
  to = platz_date_format (&sunday);
  /* The day being booked does not count again if it already has a half. */
  stmt = platzd_store_prepare (store,
                               "SELECT count(DISTINCT date) FROM bookings WHERE user_id = ? "
                               "AND status = 'active' AND date BETWEEN ? AND ? AND date != ?",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  return platzd_store_query_int (store, stmt, -1, error);
}

/* The 422 rules, in the order docs/contract.md §6 names them. */
static gboolean
check_policies (PlatzdRequest       *req,
                const DeskContext   *ctx,
                const PlatzUser     *target,
                const GDate         *date,
                const GDate         *today,
                const PlatzPolicies *policies,
                GError             **error)
{
  int ahead = platz_date_diff (today, date);
  gint64 used;

  if (ahead < 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_IN_THE_PAST,
                           "That date is in the past");
      return FALSE;
    }
  if (ahead > policies->booking_window_days)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_OUTSIDE_BOOKING_WINDOW,
                   "Desks can be booked at most %" G_GINT64_FORMAT " days ahead",
                   policies->booking_window_days);
      return FALSE;
    }
  if (platz_weekdays_contain (ctx->closed_weekdays, date))
    {
      static const char * const names[] = {
        NULL, "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"
      };

      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_DESK_BLOCKED,
                   "Desks at this site cannot be booked on %s", names[g_date_get_weekday (date)]);
      return FALSE;
    }
  if (ctx->blocked || g_strcmp0 (ctx->room_kind, "office") != 0)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_DESK_BLOCKED,
                   g_strcmp0 (ctx->room_kind, "office") != 0
                   ? "Desk %s is not in an office; its room is reserved as a whole"
                   : "Desk %s is blocked", ctx->desk_name);
      return FALSE;
    }
  if (ctx->assigned_user_id != 0 && ctx->assigned_user_id != target->id && !ctx->released)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_DESK_ASSIGNED,
                   "Desk %s is a fixed desk of someone else", ctx->desk_name);
      return FALSE;
    }
  if (ctx->eligible != NULL && !platz_strv_contains (ctx->eligible, target->function))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_ELIGIBLE,
                   "The occupancy standard of this room is not for the function '%s'",
                   target->function);
      return FALSE;
    }
  used = week_days_booked (req->app->store, target->id, date, error);
  if (used < 0)
    return FALSE;
  if (used >= policies->max_bookings_per_week)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_QUOTA_EXCEEDED,
                   "At most %" G_GINT64_FORMAT " days with a desk per week; that week has %"
                   G_GINT64_FORMAT " already", policies->max_bookings_per_week, used);
      return FALSE;
    }
  return TRUE;
}

/* The 409 rules: desk, user, room limit. */
static gboolean
check_conflicts (PlatzdRequest       *req,
                 const DeskContext   *ctx,
                 const PlatzUser     *target,
                 const char          *date,
                 PlatzHalves          halves,
                 const PlatzPolicies *policies,
                 GError             **error)
{
  PlatzdStore *store = req->app->store;
  gint64 n;
  int limit;

  n = count_overlapping (store, "desk_id", ctx->desk_id, date, halves, error);
  if (n != 0)
    {
      if (n > 0)
        g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_DESK_TAKEN,
                     "Desk %s is already booked for that time", ctx->desk_name);
      return FALSE;
    }
  n = count_overlapping (store, "user_id", target->id, date, halves, error);
  if (n != 0)
    {
      if (n > 0)
        g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_USER_ALREADY_BOOKED,
                     "%s already has a desk booked for that time", target->display_name);
      return FALSE;
    }
  limit = platzd_room_limit (store, ctx->room_id, date, (int) policies->occupancy_cap_percent,
                             error);
  if (limit < 0)
    return FALSE;
  for (PlatzHalves half = PLATZ_HALF_AM; half <= PLATZ_HALF_PM; half <<= 1)
    {
      if (!(halves & half))
        continue;
      n = room_booked (store, ctx->room_id, date, half, error);
      if (n < 0)
        return FALSE;
      if (n >= limit)
        {
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_ROOM_FULL,
                       "This room already has %" G_GINT64_FORMAT " of %d people in the %s",
                       n, limit, half == PLATZ_HALF_AM ? "morning" : "afternoon");
          return FALSE;
        }
    }
  return TRUE;
}

/* A unique index caught a race the checks could not see (another process
 * on the same database): name the rule it protects. */
static void
explain_constraint (GError **error)
{
  if (*error == NULL || (*error)->code != PLATZ_ERROR_CONFLICT)
    return;
  if (strstr ((*error)->message, "bookings.user_id") != NULL)
    {
      g_clear_error (error);
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_USER_ALREADY_BOOKED,
                           "There is already a desk booked for that time");
    }
  else
    {
      g_clear_error (error);
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_DESK_TAKEN,
                           "The desk is already booked for that time");
    }
}

/* Handlers */

static void
handle_create (PlatzdRequest *req)
{
  static const char * const booked_fields[] = { "desk_id", "date", "slot", "user_id", NULL };
  PlatzdStore *store = req->app->store;
  PlatzBookingRequest body = { 0 };
  DeskContext ctx = { 0 };
  PlatzPolicies policies = { 0 };
  PlatzUser *target = NULL;
  GDate date, today;
  GError *error = NULL;
  sqlite3_stmt *stmt;
  JsonNode *node;
  g_autofree char *now = platzd_now_utc ();
  gint64 id = 0;

  if (!platz_decode (&platz_booking_request_type, req->body, PLATZ_DECODE_CREATE, &body, NULL,
                     &error))
    goto fail;
  platz_date_parse (body.date, &date);
  if (body.user_id == 0 || body.user_id == req->user->id)
    target = platz_object_copy (&platz_user_type, req->user);
  else if ((target = platzd_store_get (store, &platz_user_type, body.user_id, &error)) == NULL)
    goto fail;
  if (!load_desk_context (store, body.desk_id, body.date, &ctx, &error))
    goto fail;
  if (!may_act_for (req, target->id))
    {
      g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "You may book only for yourself (team leads: for their team members)");
      goto fail;
    }

  if (!platzd_store_begin (store, &error))
    goto fail;
  if (!site_today (store, ctx.site_id, &today, &policies, &error) ||
      !check_policies (req, &ctx, target, &date, &today, &policies, &error) ||
      !check_conflicts (req, &ctx, target, body.date, platz_slot_halves (body.slot), &policies,
                        &error))
    goto rollback;

  stmt = platzd_store_prepare (store,
                               "INSERT INTO bookings (desk_id, user_id, date, slot, status, "
                               "created_at, created_by) VALUES (?, ?, ?, ?, 'active', ?, ?) "
                               "RETURNING id", &error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, ctx.desk_id);
  sqlite3_bind_int64 (stmt, 2, target->id);
  sqlite3_bind_text (stmt, 3, body.date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, body.slot, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, req->user->id);
  id = platzd_store_query_int (store, stmt, 0, &error);
  /* A booking made for someone else is an act on their behalf. */
  if (id > 0 && target->id != req->user->id &&
      !platzd_audit_write (req, "create", "bookings", id, target->id, booked_fields, &error))
    id = 0;
  if (id <= 0 || !platzd_store_commit (store, &error))
    {
      explain_constraint (&error);
      goto rollback;
    }

  node = booking_json (store, id, &error);
  if (node == NULL)
    goto fail;
  platzd_reply_json (req, 201, node);
  goto out;

rollback:
  platzd_store_rollback (store);
fail:
  platzd_reply_error (req, error);
out:
  platz_object_clear (&platz_booking_request_type, &body);
  platz_object_clear (&platz_policies_type, &policies);
  platz_object_free (&platz_user_type, target);
  desk_context_clear (&ctx);
}

/* Each site's today as {"s<site id>": "YYYY-MM-DD", ...}, so that SQL
 * compares a booking's date with the today of its own site
 * (json_extract (:site_today, '$.s' || site_id)); a site missing from it
 * gives NULL, which matches nothing. */
static char *
sites_today_json (PlatzdStore *store,
                  GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, "SELECT id FROM sites", error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  if (stmt == NULL)
    return NULL;
  json_builder_begin_object (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 site_id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *key = g_strdup_printf ("s%" G_GINT64_FORMAT, site_id);
      g_autofree char *text = NULL;
      GDate today;

      site_today (store, site_id, &today, NULL, NULL);
      text = platz_date_format (&today);
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, text);
    }
  sqlite3_reset (stmt);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return platz_json_to_string (root, NULL);
}

/* GET /bookings: one's own bookings (past ones too); with team_id (the
 * team's lead, admins) or room_id (facility managers, admins) other
 * people's, from today on only: a booking dated before the today of its
 * own site is left out, whatever from says (it is clamped, not refused,
 * so that a calendar asking for this month still gets the days ahead).
 * The past is seen in the utilisation report's aggregates. */
static void
handle_list (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  GDate from, to;
  gint64 team_id = 0, room_id = 0;
  const char *status = platzd_request_query (req, "status");
  gboolean all = FALSE;
  g_autofree char *from_s = NULL, *to_s = NULL, *todays = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GString *sql = g_string_new (PLATZD_BOOKING_SELECT "WHERE b.date BETWEEN :from AND :to ");
  GError *error = NULL;
  sqlite3_stmt *stmt;

  platz_date_today (NULL, &from);
  g_date_subtract_days (&from, 1);
  to = from;
  g_date_add_days (&to, 60);
  if (!platzd_query_date (req, "from", FALSE, &from, &error) ||
      !platzd_query_date (req, "to", FALSE, &to, &error) ||
      !platzd_query_id (req, "team_id", FALSE, &team_id, &error) ||
      !platzd_query_id (req, "room_id", FALSE, &room_id, &error))
    goto fail;
  if (status != NULL && strcmp (status, "all") != 0 && strcmp (status, "active") != 0)
    {
      g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "status must be 'active' or 'all'");
      goto fail;
    }
  all = g_strcmp0 (status, "all") == 0;
  if (platz_date_diff (&from, &to) < 0 || platz_date_diff (&from, &to) > MAX_RANGE_DAYS)
    {
      g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "'to' must be on or after 'from', at most %d days apart", MAX_RANGE_DAYS);
      goto fail;
    }
  if (team_id > 0 && !platzd_store_exists (store, "teams", team_id, &error))
    {
      if (error == NULL)
        g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND, "There is no such team");
      goto fail;
    }
  if (room_id > 0 && !platzd_store_exists (store, "rooms", room_id, &error))
    {
      if (error == NULL)
        g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND, "There is no such room");
      goto fail;
    }

  if (team_id > 0)
    {
      sqlite3_stmt *lead = platzd_store_prepare (store, "SELECT lead_user_id FROM teams "
                                                 "WHERE id = ?", &error);
      if (lead == NULL)
        goto fail;
      sqlite3_bind_int64 (lead, 1, team_id);
      if (!platzd_user_is (req->user, "admin") &&
          !(platzd_user_is (req->user, "team_lead") &&
            platzd_store_query_int (store, lead, 0, NULL) == req->user->id))
        {
          g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                               "Only the team's lead sees its bookings");
          goto fail;
        }
      g_string_append (sql, "AND u.team_id = :team ");
    }
  if (room_id > 0)
    {
      if (!platzd_user_manages_facility (req->user))
        {
          g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                               "Only facility managers see a room's bookings");
          goto fail;
        }
      g_string_append (sql, "AND r.id = :room ");
    }
  if (team_id == 0 && room_id == 0)
    g_string_append (sql, "AND b.user_id = :me ");
  else
    {
      todays = sites_today_json (store, &error);
      if (todays == NULL)
        goto fail;
      g_string_append (sql, "AND b.date >= json_extract (:site_today, '$.s' || bl.site_id) ");
    }
  if (!all)
    g_string_append (sql, "AND b.status = 'active' ");
  g_string_append (sql, "ORDER BY b.date, b.slot, b.id");

  stmt = platzd_store_prepare (store, sql->str, &error);
  if (stmt == NULL)
    goto fail;
  from_s = platz_date_format (&from);
  to_s = platz_date_format (&to);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from_s, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to_s, -1,
                     SQLITE_TRANSIENT);
  if (team_id > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":team"), team_id);
  if (room_id > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":room"), room_id);
  if (team_id == 0 && room_id == 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":me"), req->user->id);
  else
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":site_today"), todays, -1,
                       SQLITE_TRANSIENT);

  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    platzd_booking_row_to_json (stmt, builder);
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  g_string_free (sql, TRUE);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
  return;

fail:
  g_string_free (sql, TRUE);
  platzd_reply_error (req, error);
}

/* Loads the booking named in the path with its site: 404, then 403. */
static PlatzBooking *
load_own_booking (PlatzdRequest *req,
                  gboolean       managers_too,
                  gint64        *site_id,
                  GError       **error)
{
  PlatzdStore *store = req->app->store;
  gint64 id = platzd_request_id (req, "id");
  PlatzBooking *booking = platzd_store_get (store, &platz_booking_type, id, error);
  sqlite3_stmt *stmt;

  if (booking == NULL)
    return NULL;
  if (!may_act_for (req, booking->user_id) &&
      !(managers_too && platzd_user_manages_facility (req->user)))
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "This booking belongs to someone else");
      platz_object_free (&platz_booking_type, booking);
      return NULL;
    }
  stmt = platzd_store_prepare (store,
                               "SELECT bl.site_id FROM desks d JOIN rooms r ON r.id = d.room_id "
                               "JOIN floors f ON f.id = r.floor_id JOIN buildings bl "
                               "ON bl.id = f.building_id WHERE d.id = ?", error);
  if (stmt == NULL)
    {
      platz_object_free (&platz_booking_type, booking);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, booking->desk_id);
  *site_id = platzd_store_query_int (store, stmt, 0, NULL);
  return booking;
}

/* Changes one booking; with holder > 0 (someone else's booking, cancelled
 * by a lead or facility staff) the act goes to the audit log. */
static gboolean
set_status (PlatzdRequest *req,
            const char    *sql,
            gint64         id,
            const char    *text,
            gint64         holder,
            GError       **error)
{
  PlatzdStore *store = req->app->store;
  sqlite3_stmt *stmt;

  if (!platzd_store_begin (store, error))
    return FALSE;
  stmt = platzd_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      platzd_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (!platzd_store_step_done (store, stmt, error) ||
      (holder > 0 && !platzd_audit_write (req, "delete", "bookings", id, holder, NULL, error)) ||
      !platzd_store_commit (store, error))
    {
      platzd_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static void
handle_cancel (PlatzdRequest *req)
{
  GError *error = NULL;
  gint64 site_id = 0;
  GDate today, date;
  PlatzBooking *booking = load_own_booking (req, TRUE, &site_id, &error);

  if (booking == NULL)
    goto fail;
  site_today (req->app->store, site_id, &today, NULL, NULL);
  platz_date_parse (booking->date, &date);
  if (g_strcmp0 (booking->status, "active") != 0)
    g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_CONFLICT, "This booking is already %s",
                 booking->status);
  else if (platz_date_diff (&today, &date) < 0)
    g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_IN_THE_PAST,
                         "Past bookings cannot be cancelled");
  else if (set_status (req, "UPDATE bookings SET status = 'cancelled' WHERE id = ? "
                       "AND status = 'active'", booking->id, NULL,
                       booking->user_id != req->user->id ? booking->user_id : 0, &error))
    {
      platz_object_free (&platz_booking_type, booking);
      platzd_reply_empty (req, 204);
      return;
    }
fail:
  platz_object_free (&platz_booking_type, booking);
  platzd_reply_error (req, error);
}

static void
handle_check_in (PlatzdRequest *req)
{
  GError *error = NULL;
  gint64 site_id = 0;
  GDate today, date;
  g_autofree char *now = platzd_now_utc ();
  PlatzBooking *booking = load_own_booking (req, FALSE, &site_id, &error);
  JsonNode *node;

  if (booking == NULL)
    goto fail;
  site_today (req->app->store, site_id, &today, NULL, NULL);
  platz_date_parse (booking->date, &date);
  if (g_strcmp0 (booking->status, "active") != 0)
    {
      g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_CONFLICT,
                   g_strcmp0 (booking->status, "released") == 0
                   ? "This booking was released after the check-in deadline"
                   : "This booking is %s", booking->status);
      goto fail;
    }
  if (platz_date_diff (&today, &date) != 0)
    {
      g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_TODAY,
                           "Check-in is possible only on the day of the booking");
      goto fail;
    }
  if (booking->checked_in_at == NULL &&
      !set_status (req, "UPDATE bookings SET checked_in_at = ?2 WHERE id = ?1", booking->id, now, 0,
                   &error))
    goto fail;
  node = booking_json (req->app->store, booking->id, &error);
  if (node == NULL)
    goto fail;
  platz_object_free (&platz_booking_type, booking);
  platzd_reply_json (req, 200, node);
  return;

fail:
  platz_object_free (&platz_booking_type, booking);
  platzd_reply_error (req, error);
}

static void
handle_get (PlatzdRequest *req)
{
  GError *error = NULL;
  gint64 site_id = 0;
  PlatzBooking *booking = load_own_booking (req, TRUE, &site_id, &error);
  JsonNode *node;
  GDate today, date;

  /* Someone else's booking only from today on: no history of another
   * person, for the team's lead, facility managers and admins alike. */
  if (booking != NULL && booking->user_id != req->user->id &&
      site_today (req->app->store, site_id, &today, NULL, NULL) &&
      platz_date_parse (booking->date, &date) && g_date_compare (&date, &today) < 0)
    {
      g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "Past bookings of other people are not shown");
      platz_object_free (&platz_booking_type, booking);
      booking = NULL;
    }
  if (booking == NULL || (node = booking_json (req->app->store, booking->id, &error)) == NULL)
    {
      platz_object_free (&platz_booking_type, booking);
      platzd_reply_error (req, error);
      return;
    }
  platz_object_free (&platz_booking_type, booking);
  platzd_reply_json (req, 200, node);
}

/* Fixed desks: the owner lends days of it to others. */
static void
handle_release_day (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  gint64 desk_id = platzd_request_id (req, "id");
  const char *date = g_hash_table_lookup (req->params, "date");
  gboolean add = strcmp (req->method, "PUT") == 0;
  GDate d;
  GError *error = NULL;
  PlatzDesk *desk = NULL;
  sqlite3_stmt *stmt;

  if (!platz_date_parse (date, &d))
    {
      platzd_reply_fail (req, PLATZ_ERROR_BAD_REQUEST, "The date must be YYYY-MM-DD");
      return;
    }
  desk = platzd_store_get (store, &platz_desk_type, desk_id, &error);
  if (desk == NULL)
    goto fail;
  if (desk->assigned_user_id != req->user->id && !platzd_user_manages_facility (req->user))
    {
      g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "Only the owner of a fixed desk releases its days");
      goto fail;
    }
  stmt = platzd_store_prepare (store, add ? "INSERT OR IGNORE INTO desk_releases (desk_id, date) "
                                            "VALUES (?, ?)"
                                          : "DELETE FROM desk_releases WHERE desk_id = ? "
                                            "AND date = ?", &error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, desk_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  if (!platzd_store_step_done (store, stmt, &error))
    goto fail;
  platz_object_free (&platz_desk_type, desk);
  platzd_reply_empty (req, 204);
  return;

fail:
  platz_object_free (&platz_desk_type, desk);
  platzd_reply_error (req, error);
}

/* No-show release */

guint
platzd_bookings_release_no_shows (PlatzdApp *app)
{
  PlatzdStore *store = app->store;
  sqlite3_stmt *sites = platzd_store_prepare (store, "SELECT id FROM sites", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint released = 0;

  if (sites == NULL)
    return 0;
  while (sqlite3_step (sites) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (sites, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (sites);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 site_id = g_array_index (ids, gint64, i);
      g_autoptr(GTimeZone) zone = platzd_site_zone (store, site_id);
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);
      g_autoptr(GDateTime) deadline = NULL;
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *deadline_utc = NULL;
      PlatzPolicies policies;
      int minutes = 600;
      sqlite3_stmt *stmt;

      if (!platzd_policies_load (store, site_id, &policies, NULL))
        continue;
      platz_time_parse (policies.check_in_deadline, &minutes);
      platz_object_clear (&platz_policies_type, &policies);
      deadline = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now), minutes / 60, minutes % 60,
                                  0);
      if (deadline == NULL || g_date_time_compare (now, deadline) < 0)
        continue;
      deadline_utc = platz_datetime_utc_key (deadline);
      /* Bookings made after the deadline are not no-shows of the morning. */
      stmt = platzd_store_prepare (
        store,
        "UPDATE bookings SET status = 'released' WHERE status = 'active' "
        "AND checked_in_at IS NULL AND date = ? AND slot IN ('am', 'full_day') "
        "AND created_at < ? AND desk_id IN (SELECT d.id FROM desks d "
        "JOIN rooms r ON r.id = d.room_id JOIN floors f ON f.id = r.floor_id "
        "JOIN buildings bl ON bl.id = f.building_id WHERE bl.site_id = ?)", NULL);
      if (stmt == NULL || !platzd_store_begin (store, NULL))
        continue;
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, deadline_utc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, site_id);
      if (platzd_store_step_done (store, stmt, NULL) && platzd_store_commit (store, NULL))
        released += (guint) sqlite3_changes (platzd_store_db (store));
      else
        platzd_store_rollback (store);
    }
  if (released > 0)
    g_printerr ("platzd: released %u unchecked bookings after the check-in deadline\n", released);
  return released;
}

static gboolean
release_timer_cb (gpointer data)
{
  PlatzdApp *app = data;

  if (!app->shutting_down)
    platzd_bookings_release_no_shows (app);
  return G_SOURCE_CONTINUE;
}

void
platzd_bookings_start_release_timer (PlatzdApp *app)
{
  platzd_bookings_release_no_shows (app);
  app->release_timer = g_timeout_add_seconds (RELEASE_INTERVAL_S, release_timer_cb, app);
}

void
platzd_bookings_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "POST", PLATZD_API "/bookings", handle_create, 0);
  platzd_router_add (app->router, "GET", PLATZD_API "/bookings", handle_list, 0);
  platzd_router_add (app->router, "GET", PLATZD_API "/bookings/{id}", handle_get, 0);
  platzd_router_add (app->router, "DELETE", PLATZD_API "/bookings/{id}", handle_cancel, 0);
  platzd_router_add (app->router, "POST", PLATZD_API "/bookings/{id}/check-in", handle_check_in,
                     0);
  platzd_router_add (app->router, "PUT", PLATZD_API "/desks/{id}/releases/{date}",
                     handle_release_day, 0);
  platzd_router_add (app->router, "DELETE", PLATZD_API "/desks/{id}/releases/{date}",
                     handle_release_day, 0);
}
