/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-availability"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platz-limits.h"
#include "platzd-bookings.h"
#include "platzd-policies.h"

/*
 * What is free on a floor on a day, for the person asking:
 * GET /floors/{id}/availability and GET /desks/search.
 *
 * A desk's state per half-day, first match wins:
 *   blocked    the desk is blocked that day, or not in an office
 *   mine       the viewer holds it
 *   booked     someone else holds it
 *   assigned   a fixed desk of someone else, not released for the day
 *   room_full  the room has reached its effective limit for that half
 *   free
 * A floor is read with three queries (rooms, desks, bookings), whatever
 * its size.
 *
 * No history of another person: `booked_by` names a booker who shares
 * their presence, but only from the site's today on.  For a date before
 * it a desk someone else held is just `booked`, whoever asks (a head and
 * an admin too); the viewer's own booking stays `mine` with their name.
 * Search lists free desks only, so it names nobody on any date.
 */

typedef struct {
  gint64   id;
  gboolean office;
  int      limit;
  int      booked[2];
  char   **eligible;        /* NULL: no standard */
} RoomInfo;

typedef struct {
  gint64      id;
  gint64      room_id;
  guint       room;         /* index into rooms */
  gboolean    blocked;
  gint64      assigned_user_id;
  gboolean    released;
  gint64      booking[2];   /* booking id per half, 0 = none */
  gint64      user[2];
  gboolean    shared[2];    /* the holder shares their presence */
  char       *name[2];      /* the holder's display name */
} DeskInfo;

/* What a floor holds on a day, the same for every viewer. */
typedef struct {
  GArray     *rooms;        /* RoomInfo */
  GArray     *desks;        /* DeskInfo */
  GHashTable *desk_index;   /* desk id -> index + 1 */
  GHashTable *room_index;   /* room id -> index + 1 */
  gboolean    closed;       /* the site's desks are not bookable that weekday */
} FloorInfo;

static void
floor_info_free (FloorInfo *info)
{
  for (guint i = 0; i < info->rooms->len; i++)
    g_strfreev (g_array_index (info->rooms, RoomInfo, i).eligible);
  for (guint i = 0; i < info->desks->len; i++)
    {
      DeskInfo *d = &g_array_index (info->desks, DeskInfo, i);
      g_free (d->name[0]);
      g_free (d->name[1]);
    }
  g_array_unref (info->rooms);
  g_array_unref (info->desks);
  g_hash_table_unref (info->desk_index);
  g_hash_table_unref (info->room_index);
  g_free (info);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FloorInfo, floor_info_free)

static void
bind_date (sqlite3_stmt *stmt,
           const char   *date)
{
  int index = sqlite3_bind_parameter_index (stmt, ":date");

  if (index > 0)
    sqlite3_bind_text (stmt, index, date, -1, SQLITE_TRANSIENT);
}

static FloorInfo *
floor_info_load (PlatzdStore     *store,
                 gint64           floor_id,
                 const char      *date,
                 int              cap_percent,
                 GError         **error)
{
  g_autoptr(FloorInfo) info = g_new0 (FloorInfo, 1);
  sqlite3_stmt *stmt;

  info->rooms = g_array_new (FALSE, TRUE, sizeof (RoomInfo));
  info->desks = g_array_new (FALSE, TRUE, sizeof (DeskInfo));
  info->desk_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  info->room_index = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* On a weekday the site is closed every desk is blocked. */
  stmt = platzd_store_prepare (
    store,
    "SELECT s.closed_weekdays FROM floors f JOIN buildings b ON b.id = f.building_id "
    "JOIN sites s ON s.id = b.site_id WHERE f.id = :floor", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":floor"), floor_id);
  {
    gint64 closed = platzd_store_query_int (store, stmt, 0, error);
    GDate day;

    if (error != NULL && *error != NULL)
      return NULL;
    info->closed = platz_date_parse (date, &day) && platz_weekdays_contain (closed, &day);
  }

  stmt = platzd_store_prepare (
    store,
    "SELECT r.id, r.kind = 'office', r.area_m2, coalesce (s.max_persons, 0), "
    "coalesce (s.min_area_per_person_m2, 0), s.eligible_functions, "
    "(SELECT count(*) FROM desks d WHERE d.room_id = r.id AND NOT " PLATZD_DESK_BLOCKED_SQL ") "
    "FROM rooms r LEFT JOIN occupancy_standards s ON s.id = r.occupancy_standard_id "
    "WHERE r.floor_id = :floor ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;
  bind_date (stmt, date);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":floor"), floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RoomInfo room = { 0 };
      room.id = sqlite3_column_int64 (stmt, 0);
      room.office = sqlite3_column_int (stmt, 1) != 0;
      room.limit = room.office && !info->closed ? platz_effective_limit (sqlite3_column_int (stmt, 6),
                                                        sqlite3_column_int (stmt, 3),
                                                        sqlite3_column_double (stmt, 2),
                                                        sqlite3_column_double (stmt, 4),
                                                        cap_percent) : 0;
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        room.eligible = platzd_tags_from_json ((const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (info->rooms, room);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < info->rooms->len; i++)
    g_hash_table_insert (info->room_index, &g_array_index (info->rooms, RoomInfo, i).id,
                         GUINT_TO_POINTER (i + 1));

  stmt = platzd_store_prepare (
    store,
    "SELECT d.id, d.room_id, " PLATZD_DESK_BLOCKED_SQL ", coalesce (d.assigned_user_id, 0), "
    "EXISTS (SELECT 1 FROM desk_releases x WHERE x.desk_id = d.id AND x.date = :date) "
    "FROM desks d JOIN rooms r ON r.id = d.room_id WHERE r.floor_id = :floor ORDER BY d.id",
    error);
  if (stmt == NULL)
    return NULL;
  bind_date (stmt, date);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":floor"), floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DeskInfo desk = { 0 };
      desk.id = sqlite3_column_int64 (stmt, 0);
      desk.room_id = sqlite3_column_int64 (stmt, 1);
      desk.room = GPOINTER_TO_UINT (g_hash_table_lookup (info->room_index, &desk.room_id)) - 1;
      desk.blocked = info->closed || sqlite3_column_int (stmt, 2) != 0;
      desk.assigned_user_id = sqlite3_column_int64 (stmt, 3);
      desk.released = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (info->desks, desk);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < info->desks->len; i++)
    g_hash_table_insert (info->desk_index, &g_array_index (info->desks, DeskInfo, i).id,
                         GUINT_TO_POINTER (i + 1));

  /* From the floor's desks to their bookings of the day through
   * bookings_date_desk (date, desk_id): CROSS JOIN keeps that order.
   * Left to itself the planner starts from all bookings of the date on
   * every floor and joins each back to its desk and room, ten times the
   * rows on a ten-floor site. */
  stmt = platzd_store_prepare (
    store,
    "SELECT b.id, b.desk_id, b.user_id, b.slot, u.display_name, u.share_presence "
    "FROM rooms r CROSS JOIN desks d CROSS JOIN bookings b CROSS JOIN users u "
    "WHERE r.floor_id = :floor AND d.room_id = r.id AND b.desk_id = d.id "
    "AND b.date = :date AND b.status = 'active' AND u.id = b.user_id", error);
  if (stmt == NULL)
    return NULL;
  bind_date (stmt, date);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":floor"), floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 desk_id = sqlite3_column_int64 (stmt, 1);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (info->desk_index, &desk_id));
      PlatzHalves halves = platz_slot_halves ((const char *) sqlite3_column_text (stmt, 3));
      DeskInfo *desk;

      if (index == 0)
        continue;
      desk = &g_array_index (info->desks, DeskInfo, index - 1);
      for (int h = 0; h < 2; h++)
        if (halves & (1 << h))
          {
            desk->booking[h] = sqlite3_column_int64 (stmt, 0);
            desk->user[h] = sqlite3_column_int64 (stmt, 2);
            desk->shared[h] = sqlite3_column_int (stmt, 5) != 0;
            g_free (desk->name[h]);
            desk->name[h] = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
            g_array_index (info->rooms, RoomInfo, desk->room).booked[h]++;
          }
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&info);
}

/* A desk's state for one half-day as `viewer` sees it (0: nobody's own). */
static const char *
desk_state (FloorInfo *info,
            DeskInfo  *desk,
            gint64     viewer,
            int        h)
{
  RoomInfo *room = &g_array_index (info->rooms, RoomInfo, desk->room);

  if (desk->blocked || !room->office)
    return "blocked";
  if (desk->booking[h] != 0)
    return viewer != 0 && desk->user[h] == viewer ? "mine" : "booked";
  if (desk->assigned_user_id != 0 && desk->assigned_user_id != viewer && !desk->released)
    return "assigned";
  if (room->booked[h] >= room->limit)
    return "room_full";
  return "free";
}

/* Whether the viewer sees this desk differently from everybody else. */
static gboolean
desk_is_personal (DeskInfo *desk,
                  gint64    viewer)
{
  return desk->user[0] == viewer || desk->user[1] == viewer || desk->assigned_user_id == viewer;
}

static void
desk_to_json (FloorInfo   *info,
              DeskInfo    *desk,
              gint64       viewer,
              gboolean     past,
              JsonBuilder *builder)
{
  const char *state[2] = { desk_state (info, desk, viewer, 0), desk_state (info, desk, viewer, 1) };
  const char *booked_by[2] = { NULL, NULL };
  const char *name;
  gint64 mine;

  for (int h = 0; h < 2; h++)
    if (desk->booking[h] != 0 && ((desk->shared[h] && !past) ||
                                  (viewer != 0 && desk->user[h] == viewer)))
      booked_by[h] = desk->name[h];
  name = booked_by[0] ? booked_by[0] : booked_by[1];
  mine = strcmp (state[0], "mine") == 0 ? desk->booking[0]
       : strcmp (state[1], "mine") == 0 ? desk->booking[1] : 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, desk->id);
  json_builder_set_member_name (builder, "room_id");
  json_builder_add_int_value (builder, desk->room_id);
  json_builder_set_member_name (builder, "am");
  json_builder_add_string_value (builder, state[0]);
  json_builder_set_member_name (builder, "pm");
  json_builder_add_string_value (builder, state[1]);
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "booked_by");
      json_builder_add_string_value (builder, name);
    }
  if (mine != 0)
    {
      json_builder_set_member_name (builder, "booking_id");
      json_builder_add_int_value (builder, mine);
    }
  json_builder_end_object (builder);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return platz_json_to_string (root, NULL);
}

static char *
desk_json (FloorInfo *info,
           DeskInfo  *desk,
           gint64     viewer,
           gboolean   past)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  desk_to_json (info, desk, viewer, past, builder);
  return builder_to_string (builder);
}

static char *
rooms_json (FloorInfo  *info,
            const char *function)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < info->rooms->len; i++)
    {
      RoomInfo *room = &g_array_index (info->rooms, RoomInfo, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, room->id);
      json_builder_set_member_name (builder, "limit");
      json_builder_add_int_value (builder, room->limit);
      json_builder_set_member_name (builder, "booked");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "am");
      json_builder_add_int_value (builder, room->booked[0]);
      json_builder_set_member_name (builder, "pm");
      json_builder_add_int_value (builder, room->booked[1]);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "eligible");
      json_builder_add_boolean_value (builder, room->eligible == NULL ||
                                      platz_strv_contains (room->eligible, function));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return builder_to_string (builder);
}

/*
 * The floor cache.
 *
 * A floor's day is read from the database (three queries) and rendered
 * (one JSON object per desk, as nobody in particular sees it) once, then
 * served from memory: a request only renders again the few desks that are
 * the viewer's own (booked by or assigned to them), and the rooms for the
 * viewer's function.  Whether the day is past is decided at each request
 * (an entry read today is served tomorrow): an entry keeps two renderings
 * of its desks, with the names of bookers who share their presence and
 * without any, the second made when a request first needs it.
 *
 * An entry is dropped when the data under it changes.  SQLite's update
 * hook on the server's connection reports every row written: a booking
 * inserted or updated drops only its floor and day (resolved at the next
 * read, outside the hook, where queries are allowed); a change to the
 * structure, people, releases or policies, or a deleted booking, drops
 * everything; sessions, reservations and the rest do not matter here.
 * Writes the hook does not see (other processes on the same file, WITHOUT
 * ROWID tables), found by platzd_store_sync () at the start of every
 * request, also drop everything.
 */

#define CACHE_KEY "platzd-floor-cache"
#define CACHE_MAX_ENTRIES 128
#define CACHE_MAX_PENDING 1024

typedef struct {
  FloorInfo  *info;
  GPtrArray  *desks;        /* char *, per desk as nobody in particular sees it */
  GPtrArray  *past_desks;   /* the same without names, NULL until asked for */
  GHashTable *rooms;        /* function -> char * */
  GPtrArray  *details;      /* DeskDetails per desk (search), NULL until asked for */
  GTimeZone  *zone;         /* the site's (a change of sites drops every entry) */
} FloorEntry;

typedef struct {
  PlatzdStore *store;
  GHashTable  *entries;     /* "floor/date" -> FloorEntry */
  GArray      *pending;     /* gint64 ids of written bookings */
  gboolean     drop_all;
  guint64      unseen;      /* platzd_store_unseen () when last read */
} FloorCache;

/* A desk as search answers it, rendered once per cache entry. */
typedef struct {
  gboolean accessible;
  char   **equipment;
  char    *json;
} DeskDetails;

static void
desk_details_free (gpointer data)
{
  DeskDetails *details = data;

  if (details == NULL)
    return;
  g_strfreev (details->equipment);
  g_free (details->json);
  g_free (details);
}

static void
floor_entry_free (gpointer data)
{
  FloorEntry *entry = data;

  g_clear_pointer (&entry->details, g_ptr_array_unref);
  g_clear_pointer (&entry->past_desks, g_ptr_array_unref);
  g_clear_pointer (&entry->zone, g_time_zone_unref);
  floor_info_free (entry->info);
  g_ptr_array_unref (entry->desks);
  g_hash_table_unref (entry->rooms);
  g_free (entry);
}

static void on_update_cb (gpointer    data,
                          int         op,
                          const char *table,
                          gint64      rowid);

static void
floor_cache_free (gpointer data)
{
  FloorCache *cache = data;

  platzd_store_unwatch (cache->store, on_update_cb, cache);
  g_hash_table_unref (cache->entries);
  g_array_unref (cache->pending);
  g_free (cache);
}

static void
on_update_cb (gpointer    data,
              int         op,
              const char *table,
              gint64      rowid)
{
  FloorCache *cache = data;
  static const char * const everything[] = {
    "sites", "buildings", "floors", "rooms", "desks", "occupancy_standards", "users",
    "desk_releases", "policies", NULL
  };

  if (strcmp (table, "bookings") == 0)
    {
      if (op == SQLITE_DELETE || cache->pending->len >= CACHE_MAX_PENDING)
        cache->drop_all = TRUE;
      else
        g_array_append_val (cache->pending, rowid);
    }
  else if (g_strv_contains (everything, table))
    cache->drop_all = TRUE;
}

static FloorCache *
floor_cache_get (PlatzdStore *store)
{
  FloorCache *cache = platzd_store_get_data (store, CACHE_KEY);
  guint64 unseen = platzd_store_unseen (store);

  if (cache == NULL)
    {
      cache = g_new0 (FloorCache, 1);
      cache->store = store;
      cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, floor_entry_free);
      cache->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
      cache->unseen = unseen;
      platzd_store_watch (store, on_update_cb, cache);
      platzd_store_set_data (store, CACHE_KEY, cache, floor_cache_free);
      return cache;
    }

  /* Bring the cache up to date with what was written since the last read
   * (the request began with platzd_store_sync ()). */
  if (unseen != cache->unseen)
    cache->drop_all = TRUE;
  cache->unseen = unseen;
  if (cache->drop_all)
    g_hash_table_remove_all (cache->entries);
  else if (cache->pending->len > 0 && g_hash_table_size (cache->entries) > 0)
    {
      sqlite3_stmt *stmt = platzd_store_prepare (
        store,
        "SELECT r.floor_id, b.date FROM bookings b JOIN desks d ON d.id = b.desk_id "
        "JOIN rooms r ON r.id = d.room_id WHERE b.id = ?", NULL);

      for (guint i = 0; stmt != NULL && i < cache->pending->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (cache->pending, gint64, i));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                                                      (gint64) sqlite3_column_int64 (stmt, 0),
                                                      sqlite3_column_text (stmt, 1));
              g_hash_table_remove (cache->entries, key);
            }
          sqlite3_reset (stmt);
        }
      if (stmt == NULL)
        g_hash_table_remove_all (cache->entries);
    }
  g_array_set_size (cache->pending, 0);
  cache->drop_all = FALSE;
  return cache;
}

/* The cached entry, or NULL: no query but the cache's own check. */
static FloorEntry *
floor_entry_lookup (PlatzdStore *store,
                    gint64       floor_id,
                    const char  *date)
{
  FloorCache *cache = floor_cache_get (store);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", floor_id, date);

  return g_hash_table_lookup (cache->entries, key);
}

/* The cached entry, or read (with the site's policies: the occupancy cap)
 * and cached.  A change of policies or structure drops every entry, so a
 * cached one holds them as they are. */
static FloorEntry *
floor_entry_get (PlatzdStore *store,
                 gint64       floor_id,
                 const char  *date,
                 GError     **error)
{
  FloorCache *cache = floor_cache_get (store);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", floor_id, date);
  FloorEntry *entry = g_hash_table_lookup (cache->entries, key);
  gint64 site_id = platzd_site_of_floor (store, floor_id);
  PlatzPolicies policies;
  FloorInfo *info;

  if (entry != NULL)
    return entry;
  if (!platzd_policies_load (store, site_id, &policies, error))
    return NULL;
  info = floor_info_load (store, floor_id, date, (int) policies.occupancy_cap_percent, error);
  platz_object_clear (&platz_policies_type, &policies);
  if (info == NULL)
    return NULL;
  entry = g_new0 (FloorEntry, 1);
  entry->info = info;
  entry->zone = platzd_site_zone (store, site_id);
  entry->desks = g_ptr_array_new_full (info->desks->len, g_free);
  entry->rooms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < info->desks->len; i++)
    g_ptr_array_add (entry->desks, desk_json (info, &g_array_index (info->desks, DeskInfo, i),
                                              0, FALSE));
  /* Bounded: past the limit an arbitrary entry makes room. */
  if (g_hash_table_size (cache->entries) >= CACHE_MAX_ENTRIES)
    {
      GHashTableIter iter;
      g_hash_table_iter_init (&iter, cache->entries);
      if (g_hash_table_iter_next (&iter, NULL, NULL))
        g_hash_table_iter_remove (&iter);
    }
  g_hash_table_insert (cache->entries, g_steal_pointer (&key), entry);
  return entry;
}

/* Reads and renders the details of the entry's desks for search. */
static gboolean
floor_entry_load_details (PlatzdStore *store,
                          FloorEntry  *entry,
                          gint64       floor_id,
                          const char  *sql,
                          GError     **error)
{
  FloorInfo *info = entry->info;
  static const char *extras[] = { "room_name", "floor_id", "floor_name", "building_id",
                                  "building_name" };
  int first = (int) platz_desk_type.n_fields;
  sqlite3_stmt *stmt;

  if (entry->details != NULL)
    return TRUE;
  stmt = platzd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  entry->details = g_ptr_array_new_full (info->desks->len, desk_details_free);
  g_ptr_array_set_size (entry->details, (int) info->desks->len);
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 desk_id = sqlite3_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (info->desk_index, &desk_id));
      g_autoptr(JsonBuilder) builder = NULL;
      PlatzDesk full = { 0 };
      DeskDetails *details;

      if (index == 0)
        continue;
      platzd_store_read_row (&platz_desk_type, stmt, 0, &full);
      builder = json_builder_new_immutable ();
      json_builder_begin_object (builder);
      platz_encode_members (&platz_desk_type, &full, builder);
      for (guint k = 0; k < G_N_ELEMENTS (extras); k++)
        {
          json_builder_set_member_name (builder, extras[k]);
          if (sqlite3_column_type (stmt, first + (int) k) == SQLITE_INTEGER)
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, first + (int) k));
          else
            json_builder_add_string_value (
              builder, (const char *) sqlite3_column_text (stmt, first + (int) k));
        }
      json_builder_end_object (builder);
      details = g_new0 (DeskDetails, 1);
      details->accessible = full.accessible;
      details->equipment = g_strdupv (full.equipment);
      details->json = builder_to_string (builder);
      platz_object_clear (&platz_desk_type, &full);
      desk_details_free (entry->details->pdata[index - 1]);
      entry->details->pdata[index - 1] = details;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The entry's desks as nobody in particular sees them, for a date before
 * the site's today (past) or not. */
static GPtrArray *
floor_entry_desks (FloorEntry *entry,
                   gboolean    past)
{
  FloorInfo *info = entry->info;

  if (!past)
    return entry->desks;
  if (entry->past_desks == NULL)
    {
      entry->past_desks = g_ptr_array_new_full (info->desks->len, g_free);
      for (guint i = 0; i < info->desks->len; i++)
        g_ptr_array_add (entry->past_desks,
                         desk_json (info, &g_array_index (info->desks, DeskInfo, i), 0, TRUE));
    }
  return entry->past_desks;
}

/* Whether date lies before today at the floor's site (in its zone). */
static gboolean
floor_entry_is_past (FloorEntry  *entry,
                     const GDate *date)
{
  GDate today;

  platz_date_today (entry->zone, &today);
  return g_date_compare (date, &today) < 0;
}

/* GET /floors/{id}/availability?date= */
static void
handle_availability (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  gint64 floor_id = platzd_request_id (req, "id");
  gint64 viewer = req->user->id;
  FloorEntry *entry;
  GPtrArray *desks;
  GString *out;
  const char *rooms;
  gboolean past;
  g_autofree char *date = NULL;
  GError *error = NULL;
  GDate d;

  if (!platzd_query_date (req, "date", TRUE, &d, &error))
    goto fail;
  date = platz_date_format (&d);
  /* A cached floor exists: deleting it would have dropped the entry. */
  entry = floor_entry_lookup (store, floor_id, date);
  if (entry == NULL)
    {
      if (!platzd_store_exists (store, "floors", floor_id, &error))
        {
          if (error == NULL)
            g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                         "There is no floor with id %" G_GINT64_FORMAT, floor_id);
          goto fail;
        }
      entry = floor_entry_get (store, floor_id, date, &error);
      if (entry == NULL)
        goto fail;
    }

  past = floor_entry_is_past (entry, &d);
  desks = floor_entry_desks (entry, past);
  rooms = g_hash_table_lookup (entry->rooms, req->user->function);
  if (rooms == NULL)
    {
      char *text = rooms_json (entry->info, req->user->function);
      g_hash_table_insert (entry->rooms, g_strdup (req->user->function), text);
      rooms = text;
    }

  /* The same bytes JsonGenerator makes of the whole object: date is
   * YYYY-MM-DD, the parts come from JsonGenerator. */
  out = g_string_sized_new (64 + strlen (rooms) + entry->desks->len * 64);
  g_string_append_printf (out, "{\"date\":\"%s\",\"floor_id\":%" G_GINT64_FORMAT ",\"rooms\":",
                          date, floor_id);
  g_string_append (out, rooms);
  g_string_append (out, ",\"desks\":[");
  for (guint i = 0; i < entry->desks->len; i++)
    {
      DeskInfo *desk = &g_array_index (entry->info->desks, DeskInfo, i);

      if (i > 0)
        g_string_append_c (out, ',');
      if (desk_is_personal (desk, viewer))
        {
          g_autofree char *own = desk_json (entry->info, desk, viewer, past);
          g_string_append (out, own);
        }
      else
        g_string_append (out, desks->pdata[i]);
    }
  g_string_append (out, "]}");
  {
    gsize length = out->len;
    soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE,
                                      g_string_free (out, FALSE), length);
  }
  platzd_reply_empty (req, 200);
  return;

fail:
  platzd_reply_error (req, error);
}

/* GET /desks/search?date=&slot=&site_id=&equipment=a,b&accessible=true */
static void
handle_search (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  const char *slot = platzd_request_query (req, "slot");
  const char *equipment_text = platzd_request_query (req, "equipment");
  g_auto(GStrv) equipment = NULL;
  g_autoptr(GArray) floors = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = NULL;
  g_autofree char *date = NULL;
  g_autofree char *columns = platzd_store_columns_of (&platz_desk_type, "desks");
  g_autofree char *desk_sql = NULL;
  gboolean accessible = FALSE;
  gint64 site_id = 0;
  PlatzHalves halves;
  GError *error = NULL;
  sqlite3_stmt *stmt;
  GDate d;

  if (slot == NULL)
    slot = "full_day";
  halves = platz_slot_halves (slot);
  if (!platzd_query_date (req, "date", TRUE, &d, &error) ||
      !platzd_query_id (req, "site_id", FALSE, &site_id, &error) ||
      !platzd_query_bool (req, "accessible", &accessible, &error))
    goto fail;
  if (halves == 0)
    {
      g_set_error_literal (&error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "slot must be am, pm or full_day");
      goto fail;
    }
  if (site_id > 0 && !platzd_store_exists (store, "sites", site_id, &error))
    {
      if (error == NULL)
        g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND, "There is no such site");
      goto fail;
    }
  if (equipment_text != NULL && *equipment_text != '\0')
    equipment = g_strsplit (equipment_text, ",", 16);
  date = platz_date_format (&d);

  stmt = platzd_store_prepare (store,
                               "SELECT f.id FROM floors f JOIN buildings b "
                               "ON b.id = f.building_id WHERE ?1 = 0 OR b.site_id = ?1 "
                               "ORDER BY b.id, f.level, f.id", &error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, site_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (floors, id);
    }
  sqlite3_reset (stmt);

  /* Desk details are read and rendered once per floor entry of the cache
   * (one query per floor), then only filtered. */
  desk_sql = g_strdup_printf ("SELECT %s, r.name, f.id, f.name, bl.id, bl.name FROM desks "
                              "JOIN rooms r ON r.id = desks.room_id "
                              "JOIN floors f ON f.id = r.floor_id "
                              "JOIN buildings bl ON bl.id = f.building_id WHERE r.floor_id = ? "
                              "ORDER BY desks.id",
                              columns);
  out = g_string_new ("[");
  for (guint i = 0; i < floors->len; i++)
    {
      gint64 floor_id = g_array_index (floors, gint64, i);
      FloorEntry *entry = floor_entry_get (store, floor_id, date, &error);
      FloorInfo *info;

      if (entry == NULL || !floor_entry_load_details (store, entry, floor_id, desk_sql, &error))
        goto fail;
      info = entry->info;

      for (guint j = 0; j < info->desks->len; j++)
        {
          DeskInfo *desk = &g_array_index (info->desks, DeskInfo, j);
          RoomInfo *room = &g_array_index (info->rooms, RoomInfo, desk->room);
          DeskDetails *details = entry->details->pdata[j];
          gboolean ok = details != NULL;

          for (int h = 0; ok && h < 2; h++)
            if ((halves & (1 << h)) &&
                strcmp (desk_state (info, desk, req->user->id, h), "free") != 0)
              ok = FALSE;
          if (!ok || (room->eligible != NULL &&
                      !platz_strv_contains (room->eligible, req->user->function)))
            continue;
          if (accessible && !details->accessible)
            continue;
          for (guint k = 0; ok && equipment != NULL && equipment[k] != NULL; k++)
            if (!platz_strv_contains (details->equipment, g_strstrip (equipment[k])))
              ok = FALSE;
          if (!ok)
            continue;
          if (out->len > 1)
            g_string_append_c (out, ',');
          g_string_append (out, details->json);
        }
    }
  g_string_append_c (out, ']');
  {
    gsize length = out->len;
    soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE,
                                      g_string_free (g_steal_pointer (&out), FALSE), length);
  }
  platzd_reply_empty (req, 200);
  return;

fail:
  if (out != NULL)
    g_string_free (out, TRUE);
  platzd_reply_error (req, error);
}

void
platzd_availability_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", PLATZD_API "/floors/{id}/availability",
                     handle_availability, 0);
  /* Before /desks/{id}: "search" is not a number, so there is no clash. */
  platzd_router_add (app->router, "GET", PLATZD_API "/desks/search", handle_search, 0);
}
