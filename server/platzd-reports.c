/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-reports"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platz-limits.h"
#include "platzd-policies.h"

/*
 * Facility reports, for facility managers and admins only (403 for
 * everyone else, after 400 for the parameters and 404 for the site).
 * Both are aggregates: they never name a person or a user id.
 *
 * GET /reports/utilisation?from=&to=[&site_id=]
 *
 *   One row per office room and day in [from, to] (inclusive; at most 366
 *   days; defaults: to = today (UTC), from = to - 27 days):
 *     booked_half_days  half-days of active and released bookings (a full
 *                       day counts 2).  Released bookings were booked and
 *                       then not used (no-shows); they count as booked
 *                       here, so booked - no-show half-days is what was
 *                       really used;
 *     no_shows          number of released bookings (each an unchecked
 *                       morning or full-day booking);
 *     limit             the room's effective limit per half-day that day,
 *                       the least of its bookable desks - a desk blocked
 *                       with an end date counts again from the day after
 *                       it -, max_persons and area / min area per person,
 *                       then lowered by the site's occupancy cap;
 *                       0 on the site's closed weekdays.
 *   Cancelled bookings are ignored.  The bookings are counted with one
 *   grouped query (GROUP BY room, date), not a query per room and day.
 *
 *   Reports never single anyone out: a room that could stand for fewer
 *   people than the site's report_min_group (default 5) on a day - the
 *   people it can hold that day, i.e. its effective limit with the day's
 *   bookable desks, closed weekdays aside, e.g. a head's single office -
 *   has no row of its own that day.  Such rooms are summed per floor and
 *   day into one row after the floor's other rooms: room_id and
 *   room_name null, the floor's fields, the sums of limit,
 *   booked_half_days and no_shows, and merged_rows (how many rooms).
 *   A floor's remainder that itself holds fewer than report_min_group
 *   people (a floor of large rooms and one single office: the remainder
 *   is that office, known by elimination) goes one level up, into the
 *   building's remainder for the day (floor_id and floor_name null too);
 *   a building's remainder still below it is left out, and counted in
 *   withheld_rows (rooms x days) so that the totals are known to be
 *   short.  Every row carries building_id and building_name.
 *
 * GET /reports/occupancy-plan[?site_id=]
 *
 *   The planner ("gain space through occupancy standards").  For each
 *   building of the site (all sites without site_id):
 *
 *   1. Users: the members of the teams placed in the building
 *      (teams.building_id), counted per function (head, staff).  Users
 *      without a team, and teams without a building, are not planned.
 *   2. Demand per function f:
 *        demand_f = ceil (sum over teams of members_f * office_share_percent / 100)
 *      i.e. desks needed on an average day, since desks are shared.
 *   3. Assignment: demand_f goes to the standards eligible for f that the
 *      building's office rooms use, in proportion to their existing
 *      bookable desks there (largest remainder, so the parts add up).  If
 *      the building has no room under an eligible standard, it goes to the
 *      eligible standard with the most persons per room.  Demand no
 *      standard accepts is reported as desks_unassigned.
 *   4. Per standard: rooms_existing (office rooms under it in the
 *      building), desks_existing (their bookable desks), persons_per_room
 *      (the median effective limit of those rooms, including the site's
 *      occupancy cap; for a standard without rooms there its max_persons,
 *      capped), desks_needed (the assigned demand),
 *        rooms_needed   = ceil (desks_needed / persons_per_room)
 *        rooms_freeable = max (0, rooms_existing - rooms_needed)
 *        rooms_missing  = max (0, rooms_needed - rooms_existing)
 *   5. The building's figures are the sums over its standards, except
 *      that surpluses and deficits are netted: a building short of 60
 *      rooms under one standard and with 6 spare under another frees
 *      none and misses 54,
 *        rooms_freeable = max (0, sum (rooms_existing - rooms_needed))
 *        rooms_missing  = max (0, sum (rooms_needed - rooms_existing))
 *      so at most one of them is above 0.  (A spare room of one standard
 *      can usually be refitted to another; whether it can, the facility
 *      manager decides with the per-standard rows.)  The plan is per
 *      building, not per floor: demand is placed in buildings (teams'
 *      building_id), so a floor has no demand of its own to net.  Office
 *      rooms without a standard are left out of the plan and counted in
 *      rooms_without_standard.
 */

#define UTILISATION_MAX_DAYS 366
#define UTILISATION_DEFAULT_DAYS 28

/* Auxiliary */

static gboolean
site_param (PlatzdRequest *req,
            gint64        *site_id,
            GError       **error)
{
  *site_id = 0;
  if (!platzd_query_id (req, "site_id", FALSE, site_id, error))
    return FALSE;
  if (*site_id > 0 && !platzd_store_exists (req->app->store, "sites", *site_id, error))
    {
      if (*error == NULL)
        g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                     "There is no site with id %" G_GINT64_FORMAT, *site_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_facility (PlatzdRequest *req,
                  GError       **error)
{
  if (platzd_user_manages_facility (req->user))
    return TRUE;
  g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                       "Only facility managers and admins see reports");
  return FALSE;
}

/* What the reports take from a site's policies. */
typedef struct {
  int cap;                 /* occupancy_cap_percent, 0 = none */
  int min_group;           /* report_min_group */
} SitePolicy;

/* site id -> SitePolicy */
static GHashTable *
site_policy_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static const SitePolicy *
site_policy (PlatzdStore *store,
             GHashTable  *cache,
             gint64       site_id)
{
  SitePolicy *value = g_hash_table_lookup (cache, &site_id);

  if (value == NULL)
    {
      PlatzPolicies policies;

      /* On a failed read the defaults (a higher threshold than none). */
      value = g_new0 (SitePolicy, 1);
      if (platzd_policies_load (store, site_id, &policies, NULL))
        value->cap = (int) policies.occupancy_cap_percent;
      value->min_group = (int) MAX (policies.report_min_group, 1);
      platz_object_clear (&platz_policies_type, &policies);
      g_hash_table_insert (cache, g_memdup2 (&site_id, sizeof site_id), value);
    }
  return value;
}

static int
site_cap (PlatzdStore *store,
          GHashTable  *cache,
          gint64       site_id)
{
  return site_policy (store, cache, site_id)->cap;
}

static void
bind_site (sqlite3_stmt *stmt,
           int           index,
           gint64        site_id)
{
  if (site_id > 0)
    sqlite3_bind_int64 (stmt, index, site_id);
}

static gboolean
step_error (PlatzdStore *store,
            int          rc,
            GError     **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  platzd_store_set_error (store, rc, error);
  return FALSE;
}

/* GET /reports/utilisation */

typedef struct {
  gint64   id;
  char    *name;
  gint64   floor_id;
  char    *floor_name;
  gint64   building_id;
  char    *building_name;
  gint64   site_id;
  double   area_m2;
  int      max_persons;
  double   min_area;
  gint64   closed_weekdays;  /* the site's: limit 0 on those days */
  int      always_bookable;  /* desks bookable on every day */
  GArray  *blocked_until;    /* int day index: bookable after that day */
} UtilRoom;

static void
util_room_clear (gpointer data)
{
  UtilRoom *room = data;

  g_free (room->name);
  g_free (room->floor_name);
  g_free (room->building_name);
  g_clear_pointer (&room->blocked_until, g_array_unref);
}

typedef struct {
  GDate       from;
  int         n_days;
  GArray     *rooms;       /* UtilRoom */
  GHashTable *index;       /* &room id -> index + 1 */
  int        *booked;      /* [room * n_days + day] */
  int        *no_shows;
} Utilisation;

static void
utilisation_clear (Utilisation *u)
{
  g_clear_pointer (&u->rooms, g_array_unref);
  g_clear_pointer (&u->index, g_hash_table_unref);
  g_clear_pointer (&u->booked, g_free);
  g_clear_pointer (&u->no_shows, g_free);
}

static int
room_index (Utilisation *u,
            gint64       room_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (u->index, &room_id)) - 1;
}

static int
day_index (Utilisation *u,
           const char  *text)
{
  GDate date;

  if (!platz_date_parse (text, &date))
    return -1;
  return platz_date_diff (&u->from, &date);
}

static gboolean
load_rooms (PlatzdStore *store,
            Utilisation *u,
            gint64       site_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = platzd_store_prepare (store,
                               "SELECT r.id, r.name, r.floor_id, f.name, b.site_id, r.area_m2, "
                               "coalesce (s.max_persons, 0), "
                               "coalesce (s.min_area_per_person_m2, 0), st.closed_weekdays, "
                               "b.id, b.name FROM rooms r "
                               "JOIN floors f ON f.id = r.floor_id "
                               "JOIN buildings b ON b.id = f.building_id "
                               "JOIN sites st ON st.id = b.site_id "
                               "LEFT JOIN occupancy_standards s ON s.id = r.occupancy_standard_id "
                               "WHERE r.kind = 'office' AND (?1 IS NULL OR b.site_id = ?1) "
                               "ORDER BY b.name, b.id, f.level, f.name, f.id, r.name, r.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_site (stmt, 1, site_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UtilRoom room = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .floor_id = sqlite3_column_int64 (stmt, 2),
        .floor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .site_id = sqlite3_column_int64 (stmt, 4),
        .area_m2 = sqlite3_column_double (stmt, 5),
        .max_persons = sqlite3_column_int (stmt, 6),
        .min_area = sqlite3_column_double (stmt, 7),
        .closed_weekdays = sqlite3_column_int64 (stmt, 8),
        .building_id = sqlite3_column_int64 (stmt, 9),
        .building_name = g_strdup ((const char *) sqlite3_column_text (stmt, 10)),
        .blocked_until = g_array_new (FALSE, FALSE, sizeof (int)),
      };

      g_array_append_val (u->rooms, room);
    }
  sqlite3_reset (stmt);
  if (!step_error (store, rc, error))
    return FALSE;
  /* Keys point into the array, so only once it stops growing. */
  for (guint i = 0; i < u->rooms->len; i++)
    g_hash_table_insert (u->index, &g_array_index (u->rooms, UtilRoom, i).id,
                         GINT_TO_POINTER (i + 1));

  /* Desks: bookable ones count every day, a blocked one with an end date
   * from the day after it, a blocked one without never. */
  stmt = platzd_store_prepare (store,
                               "SELECT d.room_id, d.bookable, d.blocked_until FROM desks d "
                               "JOIN rooms r ON r.id = d.room_id "
                               "JOIN floors f ON f.id = r.floor_id "
                               "JOIN buildings b ON b.id = f.building_id "
                               "WHERE r.kind = 'office' AND (?1 IS NULL OR b.site_id = ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_site (stmt, 1, site_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = room_index (u, sqlite3_column_int64 (stmt, 0));
      UtilRoom *room;

      if (i < 0)
        continue;
      room = &g_array_index (u->rooms, UtilRoom, i);
      if (sqlite3_column_int (stmt, 1))
        room->always_bookable++;
      else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          int until = day_index (u, (const char *) sqlite3_column_text (stmt, 2));
          if (until < 0)
            room->always_bookable++;
          else
            g_array_append_val (room->blocked_until, until);
        }
    }
  sqlite3_reset (stmt);
  return step_error (store, rc, error);
}

static gboolean
count_bookings (PlatzdStore *store,
                Utilisation *u,
                gint64       site_id,
                const char  *from,
                const char  *to,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = platzd_store_prepare (store,
                               "SELECT d.room_id, bk.date, "
                               "sum (CASE bk.slot WHEN 'full_day' THEN 2 ELSE 1 END), "
                               "sum (bk.status = 'released') FROM bookings bk "
                               "JOIN desks d ON d.id = bk.desk_id "
                               "JOIN rooms r ON r.id = d.room_id "
                               "JOIN floors f ON f.id = r.floor_id "
                               "JOIN buildings b ON b.id = f.building_id "
                               "WHERE bk.date BETWEEN ?2 AND ?3 "
                               "AND bk.status IN ('active', 'released') AND r.kind = 'office' "
                               "AND (?1 IS NULL OR b.site_id = ?1) "
                               "GROUP BY d.room_id, bk.date", error);
  if (stmt == NULL)
    return FALSE;
  bind_site (stmt, 1, site_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int room = room_index (u, sqlite3_column_int64 (stmt, 0));
      int day = day_index (u, (const char *) sqlite3_column_text (stmt, 1));

      if (room < 0 || day < 0 || day >= u->n_days)
        continue;
      u->booked[room * u->n_days + day] = sqlite3_column_int (stmt, 2);
      u->no_shows[room * u->n_days + day] = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  return step_error (store, rc, error);
}

static gboolean
utilisation_params (PlatzdRequest *req,
                    GDate         *from,
                    GDate         *to,
                    gint64        *site_id,
                    GError       **error)
{
  gboolean has_from = platzd_request_query (req, "from") != NULL;
  gboolean has_to = platzd_request_query (req, "to") != NULL;

  if (!platzd_query_date (req, "from", FALSE, from, error) ||
      !platzd_query_date (req, "to", FALSE, to, error))
    return FALSE;
  if (!has_to && has_from)
    {
      *to = *from;
      g_date_add_days (to, UTILISATION_DEFAULT_DAYS - 1);
    }
  else if (!has_to)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      platz_date_today (utc, to);
    }
  if (!has_from)
    {
      *from = *to;
      g_date_subtract_days (from, UTILISATION_DEFAULT_DAYS - 1);
    }
  if (g_date_compare (to, from) < 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "'to' must not be before 'from'");
      return FALSE;
    }
  if (platz_date_diff (from, to) >= UTILISATION_MAX_DAYS)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "A report covers at most %d days", UTILISATION_MAX_DAYS);
      return FALSE;
    }
  return site_param (req, site_id, error) && require_facility (req, error);
}

/* What rows of the report add up: the people the rooms can hold, the
 * report's figures and how many rooms. */
typedef struct {
  int people;
  int limit;
  int booked;
  int no_shows;
  int rows;
} UtilSum;

static void
util_sum_add (UtilSum       *to,
              const UtilSum *from)
{
  to->people += from->people;
  to->limit += from->limit;
  to->booked += from->booked;
  to->no_shows += from->no_shows;
  to->rows += from->rows;
}

typedef enum {
  UTIL_ROOM,
  UTIL_FLOOR,
  UTIL_BUILDING,
} UtilLevel;

static void
add_id_or_null (JsonBuilder *builder,
                const char  *name,
                gboolean     shown,
                gint64       id,
                const char  *text)
{
  json_builder_set_member_name (builder, name);
  if (!shown)
    json_builder_add_null_value (builder);
  else if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_int_value (builder, id);
}

/* One row of the report: a room's, or the aggregate of sum->rows rooms of
 * room's floor or building (merged_rows; the finer places null). */
static void
add_util_row (JsonBuilder    *builder,
              const char     *date,
              const UtilRoom *room,
              UtilLevel       level,
              const UtilSum  *sum)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  add_id_or_null (builder, "room_id", level == UTIL_ROOM, room->id, NULL);
  add_id_or_null (builder, "room_name", level == UTIL_ROOM, 0, room->name);
  add_id_or_null (builder, "floor_id", level <= UTIL_FLOOR, room->floor_id, NULL);
  add_id_or_null (builder, "floor_name", level <= UTIL_FLOOR, 0, room->floor_name);
  add_id_or_null (builder, "building_id", TRUE, room->building_id, NULL);
  add_id_or_null (builder, "building_name", TRUE, 0, room->building_name);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, sum->limit);
  json_builder_set_member_name (builder, "booked_half_days");
  json_builder_add_int_value (builder, sum->booked);
  json_builder_set_member_name (builder, "no_shows");
  json_builder_add_int_value (builder, sum->no_shows);
  if (level != UTIL_ROOM)
    {
      json_builder_set_member_name (builder, "merged_rows");
      json_builder_add_int_value (builder, sum->rows);
    }
  json_builder_end_object (builder);
}

static void
handle_utilisation (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  Utilisation u = { 0 };
  int withheld = 0;
  GDate to;
  gint64 site_id = 0;
  GError *error = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL;
  g_autoptr(GHashTable) caps = site_policy_cache_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (!utilisation_params (req, &u.from, &to, &site_id, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  from_text = platz_date_format (&u.from);
  to_text = platz_date_format (&to);
  u.n_days = platz_date_diff (&u.from, &to) + 1;
  u.rooms = g_array_new (FALSE, TRUE, sizeof (UtilRoom));
  g_array_set_clear_func (u.rooms, util_room_clear);
  u.index = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!load_rooms (store, &u, site_id, &error))
    goto fail;
  u.booked = g_new0 (int, (gsize) MAX (u.rooms->len, 1) * u.n_days);
  u.no_shows = g_new0 (int, (gsize) MAX (u.rooms->len, 1) * u.n_days);
  if (!count_bookings (store, &u, site_id, from_text, to_text, &error))
    goto fail;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from_text);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to_text);
  json_builder_set_member_name (builder, "site_id");
  if (site_id > 0)
    json_builder_add_int_value (builder, site_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (int day = 0; day < u.n_days; day++)
    {
      GDate date = u.from;
      g_autofree char *date_text = NULL;

      UtilSum floor = { 0 }, building = { 0 };

      g_date_add_days (&date, day);
      date_text = platz_date_format (&date);
      for (guint i = 0; i < u.rooms->len; i++)
        {
          UtilRoom *room = &g_array_index (u.rooms, UtilRoom, i);
          UtilRoom *next = i + 1 < u.rooms->len ? &g_array_index (u.rooms, UtilRoom, i + 1)
                                                : NULL;
          const SitePolicy *policy = site_policy (store, caps, room->site_id);
          int desks = room->always_bookable;
          int at = (int) i * u.n_days + day;
          UtilSum one = { .booked = u.booked[at], .no_shows = u.no_shows[at], .rows = 1 };

          for (guint j = 0; j < room->blocked_until->len; j++)
            if (day > g_array_index (room->blocked_until, int, j))
              desks++;
          one.people = platz_effective_limit (desks, room->max_persons, room->area_m2,
                                              room->min_area, policy->cap);
          one.limit = platz_weekdays_contain (room->closed_weekdays, &date) ? 0 : one.people;
          if (one.people >= policy->min_group)
            add_util_row (builder, date_text, room, UTIL_ROOM, &one);
          else
            util_sum_add (&floor, &one);

          /* Rooms come floor by floor, building by building: a floor's
           * remainder after its last room, a building's after its last
           * floor. */
          if (floor.rows > 0 && (next == NULL || next->floor_id != room->floor_id))
            {
              if (floor.people >= policy->min_group)
                add_util_row (builder, date_text, room, UTIL_FLOOR, &floor);
              else
                util_sum_add (&building, &floor);
              memset (&floor, 0, sizeof floor);
            }
          if (building.rows > 0 && (next == NULL || next->building_id != room->building_id))
            {
              if (building.people >= policy->min_group)
                add_util_row (builder, date_text, room, UTIL_BUILDING, &building);
              else
                withheld += building.rows;
              memset (&building, 0, sizeof building);
            }
        }
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "withheld_rows");
  json_builder_add_int_value (builder, withheld);
  json_builder_end_object (builder);
  utilisation_clear (&u);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
  return;

fail:
  utilisation_clear (&u);
  platzd_reply_error (req, error);
}

/* GET /reports/occupancy-plan */

typedef struct {
  gint64   id;
  char    *name;
  int      max_persons;
  double   min_area;
  char   **eligible;
} Standard;

static void
standard_clear (gpointer data)
{
  Standard *s = data;

  g_free (s->name);
  g_strfreev (s->eligible);
}

typedef struct {
  int     rooms_existing;
  int     desks_existing;
  GArray *limits;          /* int, effective limit per room */
  int     desks_needed;
} StandardUse;

typedef struct {
  gint64       id;
  char        *name;
  gint64       site_id;
  int          users[2];    /* head, staff */
  gint64       weighted[2]; /* sum of members * share percent */
  int          rooms_without_standard;
  StandardUse *uses;        /* one per standard */
} Building;

enum { HEAD, STAFF };
static const char * const function_names[] = { "head", "staff" };

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static int
persons_per_room (const Standard *s,
                  StandardUse    *use,
                  int             cap)
{
  int median = 0;

  if (use->limits->len > 0)
    {
      g_array_sort (use->limits, compare_int);
      median = g_array_index (use->limits, int, (use->limits->len - 1) / 2);
    }
  if (median <= 0)
    median = platz_effective_limit (s->max_persons, s->max_persons, 0, 0, cap);
  return MAX (median, 1);
}

/* Splits demand over the candidates in proportion to their weights; the
 * parts add up to demand (largest remainder). */
static void
apportion (GArray     *standards,
           Building   *b,
           int         function,
           int         demand,
           int        *unassigned)
{
  guint n = standards->len;
  g_autofree gint64 *weights = g_new0 (gint64, n);
  g_autofree double *rest = g_new0 (double, n);
  gint64 total = 0;
  int given = 0;
  int best = -1;

  if (demand <= 0)
    return;
  /* Eligible standards the building uses, weighted by desks (or rooms). */
  for (int pass = 0; pass < 2 && total == 0; pass++)
    for (guint i = 0; i < n; i++)
      {
        Standard *s = &g_array_index (standards, Standard, i);
        StandardUse *use = &b->uses[i];

        weights[i] = 0;
        if (!platz_strv_contains (s->eligible, function_names[function]) ||
            use->rooms_existing == 0)
          continue;
        weights[i] = pass == 0 ? use->desks_existing : use->rooms_existing;
        total += weights[i];
      }
  if (total == 0)
    {
      /* None in the building: the eligible standard that seats most. */
      for (guint i = 0; i < n; i++)
        {
          Standard *s = &g_array_index (standards, Standard, i);
          if (platz_strv_contains (s->eligible, function_names[function]) &&
              (best < 0 || s->max_persons > g_array_index (standards, Standard, best).max_persons))
            best = (int) i;
        }
      if (best < 0)
        *unassigned += demand;
      else
        b->uses[best].desks_needed += demand;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 whole = demand * weights[i] / total;
      b->uses[i].desks_needed += (int) whole;
      given += (int) whole;
      rest[i] = (double) (demand * weights[i] - whole * total) / (double) total;
    }
  while (given < demand)
    {
      int top = -1;
      for (guint i = 0; i < n; i++)
        if (weights[i] > 0 && (top < 0 || rest[i] > rest[top]))
          top = (int) i;
      b->uses[top].desks_needed++;
      rest[top] = -1;
      given++;
    }
}

static gboolean
load_plan (PlatzdStore *store,
           gint64       site_id,
           GArray      *standards,
           GArray      *buildings,
           GError     **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) std_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) caps = site_policy_cache_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  GDate date;
  int rc;

  platz_date_today (utc, &date);
  today = platz_date_format (&date);

  stmt = platzd_store_prepare (store, "SELECT id, name, max_persons, min_area_per_person_m2, "
                               "eligible_functions FROM occupancy_standards ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Standard s = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .max_persons = sqlite3_column_int (stmt, 2),
        .min_area = sqlite3_column_double (stmt, 3),
        .eligible = platzd_tags_from_json ((const char *) sqlite3_column_text (stmt, 4)),
      };
      g_array_append_val (standards, s);
    }
  sqlite3_reset (stmt);
  if (!step_error (store, rc, error))
    return FALSE;
  for (guint i = 0; i < standards->len; i++)
    g_hash_table_insert (std_index, &g_array_index (standards, Standard, i).id,
                         GUINT_TO_POINTER (i + 1));

  stmt = platzd_store_prepare (store, "SELECT id, name, site_id FROM buildings "
                               "WHERE ?1 IS NULL OR site_id = ?1 ORDER BY name, id", error);
  if (stmt == NULL)
    return FALSE;
  bind_site (stmt, 1, site_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Building b = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .site_id = sqlite3_column_int64 (stmt, 2),
        .uses = g_new0 (StandardUse, MAX (standards->len, 1)),
      };
      for (guint i = 0; i < standards->len; i++)
        b.uses[i].limits = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (buildings, b);
    }
  sqlite3_reset (stmt);
  if (!step_error (store, rc, error))
    return FALSE;
  for (guint i = 0; i < buildings->len; i++)
    g_hash_table_insert (index, &g_array_index (buildings, Building, i).id,
                         GUINT_TO_POINTER (i + 1));

  /* Members per team and function, with the team's office share. */
  stmt = platzd_store_prepare (store, "SELECT t.building_id, u.function, count (*), "
                               "sum (t.office_share_percent) FROM users u "
                               "JOIN teams t ON t.id = u.team_id "
                               "WHERE t.building_id IS NOT NULL "
                               "GROUP BY t.building_id, u.function", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      int f = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "head") == 0 ? HEAD : STAFF;
      Building *b;

      if (i == 0)
        continue;
      b = &g_array_index (buildings, Building, i - 1);
      b->users[f] += sqlite3_column_int (stmt, 2);
      b->weighted[f] += sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!step_error (store, rc, error))
    return FALSE;

  /* Office rooms with their bookable desks today. */
  stmt = platzd_store_prepare (store, "SELECT f.building_id, r.occupancy_standard_id, "
                               "r.area_m2, (SELECT count (*) FROM desks d WHERE d.room_id = r.id "
                               "AND (d.bookable = 1 OR d.blocked_until < ?1)) "
                               "FROM rooms r JOIN floors f ON f.id = r.floor_id "
                               "WHERE r.kind = 'office'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 std = sqlite3_column_int64 (stmt, 1);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (std_index, &std));
      int desks = sqlite3_column_int (stmt, 3);
      Building *b;
      Standard *s;
      StandardUse *use;
      int limit;

      if (i == 0)
        continue;
      b = &g_array_index (buildings, Building, i - 1);
      if (j == 0)
        {
          b->rooms_without_standard++;
          continue;
        }
      s = &g_array_index (standards, Standard, j - 1);
      use = &b->uses[j - 1];
      limit = platz_effective_limit (desks, s->max_persons, sqlite3_column_double (stmt, 2),
                                     s->min_area, site_cap (store, caps, b->site_id));
      use->rooms_existing++;
      use->desks_existing += desks;
      g_array_append_val (use->limits, limit);
    }
  sqlite3_reset (stmt);
  return step_error (store, rc, error);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
build_building (PlatzdStore *store,
                JsonBuilder *builder,
                GArray      *standards,
                Building    *b,
                GHashTable  *caps)
{
  int cap = site_cap (store, caps, b->site_id);
  int demand[2], unassigned = 0;
  int totals[4] = { 0 };   /* desks existing, needed, rooms existing, needed */

  for (int f = HEAD; f <= STAFF; f++)
    {
      demand[f] = (int) ((b->weighted[f] + 99) / 100);
      apportion (standards, b, f, demand[f], &unassigned);
    }

  json_builder_begin_object (builder);
  add_int (builder, "building_id", b->id);
  json_builder_set_member_name (builder, "building_name");
  json_builder_add_string_value (builder, b->name);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_object (builder);
  add_int (builder, "head", b->users[HEAD]);
  add_int (builder, "staff", b->users[STAFF]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "demand");
  json_builder_begin_object (builder);
  add_int (builder, "head", demand[HEAD]);
  add_int (builder, "staff", demand[STAFF]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "standards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < standards->len; i++)
    {
      Standard *s = &g_array_index (standards, Standard, i);
      StandardUse *use = &b->uses[i];
      int per_room, rooms_needed, freeable;

      if (use->rooms_existing == 0 && use->desks_needed == 0)
        continue;
      per_room = persons_per_room (s, use, cap);
      rooms_needed = (use->desks_needed + per_room - 1) / per_room;
      freeable = MAX (0, use->rooms_existing - rooms_needed);
      totals[0] += use->desks_existing;
      totals[1] += use->desks_needed;
      totals[2] += use->rooms_existing;
      totals[3] += rooms_needed;

      json_builder_begin_object (builder);
      add_int (builder, "occupancy_standard_id", s->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, s->name);
      add_int (builder, "max_persons", s->max_persons);
      add_int (builder, "rooms_existing", use->rooms_existing);
      add_int (builder, "desks_existing", use->desks_existing);
      add_int (builder, "persons_per_room", per_room);
      add_int (builder, "desks_needed", use->desks_needed);
      add_int (builder, "rooms_needed", rooms_needed);
      add_int (builder, "rooms_freeable", freeable);
      add_int (builder, "rooms_missing", MAX (0, rooms_needed - use->rooms_existing));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_int (builder, "desks_existing", totals[0]);
  add_int (builder, "desks_needed", totals[1] + unassigned);
  add_int (builder, "desks_unassigned", unassigned);
  add_int (builder, "rooms_existing", totals[2]);
  add_int (builder, "rooms_needed", totals[3]);
  add_int (builder, "rooms_freeable", MAX (0, totals[2] - totals[3]));
  add_int (builder, "rooms_missing", MAX (0, totals[3] - totals[2]));
  add_int (builder, "rooms_without_standard", b->rooms_without_standard);
  json_builder_end_object (builder);
}

static void
buildings_free (GArray *buildings,
                guint   n_standards)
{
  for (guint i = 0; i < buildings->len; i++)
    {
      Building *b = &g_array_index (buildings, Building, i);

      for (guint j = 0; j < n_standards; j++)
        g_array_unref (b->uses[j].limits);
      g_free (b->uses);
      g_free (b->name);
    }
  g_array_unref (buildings);
}

static void
handle_occupancy_plan (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  gint64 site_id = 0;
  GError *error = NULL;
  g_autoptr(GArray) standards = g_array_new (FALSE, TRUE, sizeof (Standard));
  GArray *buildings = g_array_new (FALSE, TRUE, sizeof (Building));
  g_autoptr(GHashTable) caps = site_policy_cache_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_array_set_clear_func (standards, standard_clear);
  if (!site_param (req, &site_id, &error) || !require_facility (req, &error) ||
      !load_plan (store, site_id, standards, buildings, &error))
    {
      buildings_free (buildings, standards->len);
      platzd_reply_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "site_id");
  if (site_id > 0)
    json_builder_add_int_value (builder, site_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "buildings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < buildings->len; i++)
    build_building (store, builder, standards, &g_array_index (buildings, Building, i), caps);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  buildings_free (buildings, standards->len);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

void
platzd_reports_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", PLATZD_API "/reports/utilisation",
                     handle_utilisation, 0);
  platzd_router_add (app->router, "GET", PLATZD_API "/reports/occupancy-plan",
                     handle_occupancy_plan, 0);
}
