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
  char       *booked_by[2]; /* display name where shared, else NULL */
  const char *state[2];
} DeskInfo;

typedef struct {
  GArray     *rooms;        /* RoomInfo */
  GArray     *desks;        /* DeskInfo */
  GHashTable *desk_index;   /* desk id -> index + 1 */
  GHashTable *room_index;   /* room id -> index + 1 */
} FloorInfo;

static void
floor_info_free (FloorInfo *info)
{
  for (guint i = 0; i < info->rooms->len; i++)
    g_strfreev (g_array_index (info->rooms, RoomInfo, i).eligible);
  for (guint i = 0; i < info->desks->len; i++)
    {
      DeskInfo *d = &g_array_index (info->desks, DeskInfo, i);
      g_free (d->booked_by[0]);
      g_free (d->booked_by[1]);
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
                 const PlatzUser *viewer,
                 int              cap_percent,
                 GError         **error)
{
  g_autoptr(FloorInfo) info = g_new0 (FloorInfo, 1);
  sqlite3_stmt *stmt;

  info->rooms = g_array_new (FALSE, TRUE, sizeof (RoomInfo));
  info->desks = g_array_new (FALSE, TRUE, sizeof (DeskInfo));
  info->desk_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  info->room_index = g_hash_table_new (g_int64_hash, g_int64_equal);

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
      room.limit = room.office ? platz_effective_limit (sqlite3_column_int (stmt, 6),
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
      desk.blocked = sqlite3_column_int (stmt, 2) != 0;
      desk.assigned_user_id = sqlite3_column_int64 (stmt, 3);
      desk.released = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (info->desks, desk);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < info->desks->len; i++)
    g_hash_table_insert (info->desk_index, &g_array_index (info->desks, DeskInfo, i).id,
                         GUINT_TO_POINTER (i + 1));

  stmt = platzd_store_prepare (
    store,
    "SELECT b.id, b.desk_id, b.user_id, b.slot, u.display_name, u.share_presence "
    "FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN rooms r ON r.id = d.room_id "
    "JOIN users u ON u.id = b.user_id "
    "WHERE r.floor_id = :floor AND b.date = :date AND b.status = 'active'", error);
  if (stmt == NULL)
    return NULL;
  bind_date (stmt, date);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":floor"), floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 desk_id = sqlite3_column_int64 (stmt, 1);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (info->desk_index, &desk_id));
      PlatzHalves halves = platz_slot_halves ((const char *) sqlite3_column_text (stmt, 3));
      gint64 user = sqlite3_column_int64 (stmt, 2);
      gboolean shared = sqlite3_column_int (stmt, 5) != 0 || user == viewer->id;
      DeskInfo *desk;

      if (index == 0)
        continue;
      desk = &g_array_index (info->desks, DeskInfo, index - 1);
      for (int h = 0; h < 2; h++)
        if (halves & (1 << h))
          {
            desk->booking[h] = sqlite3_column_int64 (stmt, 0);
            desk->user[h] = user;
            g_free (desk->booked_by[h]);
            desk->booked_by[h] = shared ? g_strdup ((const char *) sqlite3_column_text (stmt, 4))
                                        : NULL;
            g_array_index (info->rooms, RoomInfo, desk->room).booked[h]++;
          }
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < info->desks->len; i++)
    {
      DeskInfo *desk = &g_array_index (info->desks, DeskInfo, i);
      RoomInfo *room = &g_array_index (info->rooms, RoomInfo, desk->room);

      for (int h = 0; h < 2; h++)
        {
          if (desk->blocked || !room->office)
            desk->state[h] = "blocked";
          else if (desk->booking[h] != 0)
            desk->state[h] = desk->user[h] == viewer->id ? "mine" : "booked";
          else if (desk->assigned_user_id != 0 && desk->assigned_user_id != viewer->id &&
                   !desk->released)
            desk->state[h] = "assigned";
          else if (room->booked[h] >= room->limit)
            desk->state[h] = "room_full";
          else
            desk->state[h] = "free";
        }
    }
  return g_steal_pointer (&info);
}

static gboolean
floor_policies (PlatzdStore   *store,
                gint64         floor_id,
                PlatzPolicies *policies,
                GError       **error)
{
  return platzd_policies_load (store, platzd_site_of_floor (store, floor_id), policies, error);
}

/* GET /floors/{id}/availability?date= */
static void
handle_availability (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  gint64 floor_id = platzd_request_id (req, "id");
  g_autoptr(FloorInfo) info = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *date = NULL;
  PlatzPolicies policies = { 0 };
  GError *error = NULL;
  GDate d;

  if (!platzd_query_date (req, "date", TRUE, &d, &error))
    goto fail;
  if (!platzd_store_exists (store, "floors", floor_id, &error))
    {
      if (error == NULL)
        g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                     "There is no floor with id %" G_GINT64_FORMAT, floor_id);
      goto fail;
    }
  date = platz_date_format (&d);
  if (!floor_policies (store, floor_id, &policies, &error))
    goto fail;
  info = floor_info_load (store, floor_id, date, req->user, (int) policies.occupancy_cap_percent,
                          &error);
  if (info == NULL)
    goto fail;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "floor_id");
  json_builder_add_int_value (builder, floor_id);
  json_builder_set_member_name (builder, "rooms");
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
                                      platz_strv_contains (room->eligible, req->user->function));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "desks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < info->desks->len; i++)
    {
      DeskInfo *desk = &g_array_index (info->desks, DeskInfo, i);
      const char *name = desk->booked_by[0] ? desk->booked_by[0] : desk->booked_by[1];
      gint64 mine = g_strcmp0 (desk->state[0], "mine") == 0 ? desk->booking[0]
                  : g_strcmp0 (desk->state[1], "mine") == 0 ? desk->booking[1] : 0;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, desk->id);
      json_builder_set_member_name (builder, "room_id");
      json_builder_add_int_value (builder, desk->room_id);
      json_builder_set_member_name (builder, "am");
      json_builder_add_string_value (builder, desk->state[0]);
      json_builder_set_member_name (builder, "pm");
      json_builder_add_string_value (builder, desk->state[1]);
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
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  platz_object_clear (&platz_policies_type, &policies);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
  return;

fail:
  platz_object_clear (&platz_policies_type, &policies);
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
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
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

  desk_sql = g_strdup_printf ("SELECT %s, r.name, f.id, f.name, bl.id, bl.name FROM desks "
                              "JOIN rooms r ON r.id = desks.room_id "
                              "JOIN floors f ON f.id = r.floor_id "
                              "JOIN buildings bl ON bl.id = f.building_id WHERE desks.id = ?",
                              columns);
  json_builder_begin_array (builder);
  for (guint i = 0; i < floors->len; i++)
    {
      gint64 floor_id = g_array_index (floors, gint64, i);
      PlatzPolicies policies;
      g_autoptr(FloorInfo) info = NULL;

      if (!floor_policies (store, floor_id, &policies, &error))
        goto fail;
      info = floor_info_load (store, floor_id, date, req->user,
                              (int) policies.occupancy_cap_percent, &error);
      platz_object_clear (&platz_policies_type, &policies);
      if (info == NULL)
        goto fail;

      for (guint j = 0; j < info->desks->len; j++)
        {
          DeskInfo *desk = &g_array_index (info->desks, DeskInfo, j);
          RoomInfo *room = &g_array_index (info->rooms, RoomInfo, desk->room);
          PlatzDesk full = { 0 };
          gboolean ok = TRUE;

          for (int h = 0; h < 2; h++)
            if ((halves & (1 << h)) && strcmp (desk->state[h], "free") != 0)
              ok = FALSE;
          if (!ok || (room->eligible != NULL &&
                      !platz_strv_contains (room->eligible, req->user->function)))
            continue;

          stmt = platzd_store_prepare (store, desk_sql, &error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, desk->id);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            {
              sqlite3_reset (stmt);
              continue;
            }
          platzd_store_read_row (&platz_desk_type, stmt, 0, &full);
          if (accessible && !full.accessible)
            ok = FALSE;
          for (guint k = 0; ok && equipment != NULL && equipment[k] != NULL; k++)
            if (!platz_strv_contains (full.equipment, g_strstrip (equipment[k])))
              ok = FALSE;
          if (ok)
            {
              static const char *extras[] = { "room_name", "floor_id", "floor_name",
                                              "building_id", "building_name" };
              int first = (int) platz_desk_type.n_fields;

              json_builder_begin_object (builder);
              platz_encode_members (&platz_desk_type, &full, builder);
              for (guint k = 0; k < G_N_ELEMENTS (extras); k++)
                {
                  json_builder_set_member_name (builder, extras[k]);
                  if (sqlite3_column_type (stmt, first + (int) k) == SQLITE_INTEGER)
                    json_builder_add_int_value (builder,
                                                sqlite3_column_int64 (stmt, first + (int) k));
                  else
                    json_builder_add_string_value (
                      builder, (const char *) sqlite3_column_text (stmt, first + (int) k));
                }
              json_builder_end_object (builder);
            }
          sqlite3_reset (stmt);
          platz_object_clear (&platz_desk_type, &full);
        }
    }
  json_builder_end_array (builder);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
  return;

fail:
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
