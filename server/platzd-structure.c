/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-structure"

#include "config.h"

#include <string.h>

#include "platzd-audit.h"
#include "platzd-policies.h"
#include "platzd-resource.h"
#include "platzd-svg.h"

/*
 * Sites, buildings, floors, rooms, desks and occupancy standards: read by
 * every signed-in user, written by facility managers and admins.  Deleting
 * one with future bookings or reservations below it is refused (409
 * has_future_bookings) unless ?force=true, which cancels them first.
 */

#define ROOMS_OF_SITE \
  "SELECT r2.id FROM rooms r2 JOIN floors f2 ON f2.id = r2.floor_id " \
  "JOIN buildings b2 ON b2.id = f2.building_id WHERE b2.site_id = ?1"
#define ROOMS_OF_BUILDING \
  "SELECT r2.id FROM rooms r2 JOIN floors f2 ON f2.id = r2.floor_id WHERE f2.building_id = ?1"
#define ROOMS_OF_FLOOR "SELECT r2.id FROM rooms r2 WHERE r2.floor_id = ?1"
#define DESKS_IN(rooms) "b.desk_id IN (SELECT d2.id FROM desks d2 WHERE d2.room_id IN (" rooms "))"

/* Validation */

static gboolean
validate_room (PlatzdRequest *req,
               gpointer       obj,
               guint64       *present,
               GError       **error)
{
  PlatzRoom *room = obj;

  if (room->occupancy_standard_id != 0 && g_strcmp0 (room->kind, "office") != 0)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_VALUE,
                   "Only offices have an occupancy standard (this room is a %s)", room->kind);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_desk (PlatzdRequest *req,
               gpointer       obj,
               guint64       *present,
               GError       **error)
{
  PlatzDesk *desk = obj;

  /* Unblocking clears the reason and end date. */
  if (desk->bookable)
    {
      g_clear_pointer (&desk->blocked_reason, g_free);
      g_clear_pointer (&desk->blocked_until, g_free);
      *present |= PLATZD_FIELD_BIT (&platz_desk_type, "blocked_reason") |
                  PLATZD_FIELD_BIT (&platz_desk_type, "blocked_until");
    }
  return TRUE;
}

static void
decorate_floor (PlatzdRequest *req,
                gpointer       obj)
{
  PlatzFloor *floor = obj;
  sqlite3_stmt *stmt = platzd_store_prepare (req->app->store,
                                             "SELECT count(*) FROM floor_plans WHERE floor_id = ?",
                                             NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, floor->id);
  floor->has_plan = platzd_store_query_int (req->app->store, stmt, 0, NULL) > 0;
}

#define FLOORS_OF_SITE "SELECT f2.id FROM floors f2 JOIN buildings b2 ON b2.id = f2.building_id " \
  "WHERE b2.site_id = ?"
#define ROOMS_OF_SITE_Q "SELECT r2.id FROM rooms r2 WHERE r2.floor_id IN (" FLOORS_OF_SITE ")"
#define ROOMS_OF_BUILDING_Q "SELECT r2.id FROM rooms r2 JOIN floors f2 ON f2.id = r2.floor_id " \
  "WHERE f2.building_id = ?"

static const char * const site_filters[] = { NULL };
static const char * const building_filters[] = { "site_id", NULL };
static const char * const floor_filters[] = {
  "building_id",
  "site_id=building_id IN (SELECT id FROM buildings WHERE site_id = ?)",
  NULL
};
static const char * const room_filters[] = {
  "floor_id",
  "building_id=floor_id IN (SELECT id FROM floors WHERE building_id = ?)",
  "site_id=floor_id IN (" FLOORS_OF_SITE ")",
  NULL
};
static const char * const desk_filters[] = {
  "room_id",
  "floor_id=room_id IN (SELECT id FROM rooms WHERE floor_id = ?)",
  "building_id=room_id IN (" ROOMS_OF_BUILDING_Q ")",
  "site_id=room_id IN (" ROOMS_OF_SITE_Q ")",
  NULL
};

static const PlatzdResource sites = {
  .type = &platz_site_type,
  .collection = "/sites",
  .filters = site_filters,
  .bookings_where = DESKS_IN (ROOMS_OF_SITE),
  .reservations_where = "r.room_id IN (" ROOMS_OF_SITE ")",
};

static const PlatzdResource buildings = {
  .type = &platz_building_type,
  .collection = "/buildings",
  .filters = building_filters,
  .bookings_where = DESKS_IN (ROOMS_OF_BUILDING),
  .reservations_where = "r.room_id IN (" ROOMS_OF_BUILDING ")",
};

static const PlatzdResource floors = {
  .type = &platz_floor_type,
  .collection = "/floors",
  .filters = floor_filters,
  .bookings_where = DESKS_IN (ROOMS_OF_FLOOR),
  .reservations_where = "r.room_id IN (" ROOMS_OF_FLOOR ")",
  .decorate = decorate_floor,
};

static const PlatzdResource rooms = {
  .type = &platz_room_type,
  .collection = "/rooms",
  .filters = room_filters,
  .bookings_where = DESKS_IN ("?1"),
  .reservations_where = "r.room_id = ?1",
  .validate = validate_room,
};

static const PlatzdResource desks = {
  .type = &platz_desk_type,
  .collection = "/desks",
  .filters = desk_filters,
  .bookings_where = "b.desk_id = ?1",
  .validate = validate_desk,
};

static const PlatzdResource standards = {
  .type = &platz_standard_type,
  .collection = "/occupancy-standards",
};

/* GET /floors/{id}: the floor with its rooms and desks, ready to draw */

static void
add_rows (PlatzdRequest   *req,
          JsonBuilder     *builder,
          const PlatzType *type,
          const char      *sql,
          gint64           floor_id)
{
  sqlite3_stmt *stmt = platzd_store_prepare (req->app->store, sql, NULL);
  gpointer obj = platz_object_new (type);

  json_builder_begin_array (builder);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, floor_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          platzd_store_read_row (type, stmt, 0, obj);
          json_builder_begin_object (builder);
          platz_encode_members (type, obj, builder);
          json_builder_end_object (builder);
        }
      sqlite3_reset (stmt);
    }
  json_builder_end_array (builder);
  platz_object_free (type, obj);
}

static void
handle_floor_full (PlatzdRequest *req)
{
  gint64 id = platzd_request_id (req, "id");
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *room_columns = platzd_store_columns (&platz_room_type);
  g_autofree char *desk_columns = platzd_store_columns_of (&platz_desk_type, "d");
  g_autofree char *rooms_sql = NULL;
  g_autofree char *desks_sql = NULL;
  GError *error = NULL;
  PlatzFloor *floor = platzd_store_get (req->app->store, &platz_floor_type, id, &error);

  if (floor == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  decorate_floor (req, floor);

  rooms_sql = g_strdup_printf ("SELECT %s FROM rooms WHERE floor_id = ? ORDER BY name, id",
                               room_columns);
  desks_sql = g_strdup_printf ("SELECT %s FROM desks d JOIN rooms r ON r.id = d.room_id "
                               "WHERE r.floor_id = ? ORDER BY d.name, d.id", desk_columns);

  json_builder_begin_object (builder);
  platz_encode_members (&platz_floor_type, floor, builder);
  json_builder_set_member_name (builder, "site_id");
  json_builder_add_int_value (builder, platzd_site_of_floor (req->app->store, id));
  json_builder_set_member_name (builder, "rooms");
  add_rows (req, builder, &platz_room_type, rooms_sql, id);
  json_builder_set_member_name (builder, "desks");
  add_rows (req, builder, &platz_desk_type, desks_sql, id);
  json_builder_end_object (builder);
  platz_object_free (&platz_floor_type, floor);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

/* Floor-plan images */

static const char *
sniff_image (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *head = NULL;

  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  head = g_strndup ((const char *) data, MIN (size, 4096));
  if (g_utf8_validate (head, -1, NULL) && strstr (head, "<svg") != NULL)
    return "image/svg+xml";
  return NULL;
}

static void
handle_plan_put (PlatzdRequest *req)
{
  static const char * const plan_fields[] = { "content_type", "data", NULL };
  gint64 id = platzd_request_id (req, "id");
  const char *type;
  sqlite3_stmt *stmt;
  GError *error = NULL;

  if (req->raw_body == NULL || g_bytes_get_size (req->raw_body) == 0)
    {
      platzd_reply_fail (req, PLATZ_ERROR_BAD_REQUEST, "Send the PNG or SVG image as the body");
      return;
    }
  if (!platzd_store_exists (req->app->store, "floors", id, &error))
    {
      if (error == NULL)
        g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                     "There is no floor with id %" G_GINT64_FORMAT, id);
      platzd_reply_error (req, error);
      return;
    }
  if (!platzd_user_manages_facility (req->user))
    {
      platzd_reply_fail (req, PLATZ_ERROR_FORBIDDEN,
                         "Only facility managers and admins may upload floor plans");
      return;
    }
  type = sniff_image (req->raw_body);
  if (type == NULL)
    {
      platzd_reply_fail (req, PLATZ_ERROR_UNSUPPORTED_MEDIA,
                         "A floor plan must be a PNG or SVG image");
      return;
    }
  if (strcmp (type, "image/svg+xml") == 0 &&
      !platzd_svg_check (g_bytes_get_data (req->raw_body, NULL), g_bytes_get_size (req->raw_body),
                         &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  if (!platzd_store_begin (req->app->store, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  stmt = platzd_store_prepare (req->app->store,
                               "INSERT INTO floor_plans (floor_id, content_type, data) "
                               "VALUES (?, ?, ?) ON CONFLICT (floor_id) DO UPDATE SET "
                               "content_type = excluded.content_type, data = excluded.data",
                               &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (req->raw_body, NULL),
                           g_bytes_get_size (req->raw_body), SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !platzd_store_step_done (req->app->store, stmt, &error) ||
      !platzd_audit_write (req, "update", "floor_plans", id, 0, plan_fields, &error) ||
      !platzd_store_commit (req->app->store, &error))
    {
      platzd_store_rollback (req->app->store);
      platzd_reply_error (req, error);
      return;
    }
  platzd_reply_empty (req, 204);
}

static void
handle_plan_get (PlatzdRequest *req)
{
  gint64 id = platzd_request_id (req, "id");
  g_autofree char *disposition = NULL;
  SoupMessageHeaders *headers;
  const char *type;
  GError *error = NULL;
  sqlite3_stmt *stmt = platzd_store_prepare (req->app->store,
                                             "SELECT content_type, data FROM floor_plans "
                                             "WHERE floor_id = ?", &error);

  if (stmt == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      platzd_reply_fail (req, PLATZ_ERROR_NOT_FOUND, "Floor %" G_GINT64_FORMAT
                         " has no floor-plan image", id);
      return;
    }
  type = (const char *) sqlite3_column_text (stmt, 0);
  /* Served as its own type only, never sniffed, shown inline, and an SVG
   * may use its inline styles but load or run nothing (this also covers
   * plans stored before uploads were checked). */
  disposition = g_strdup_printf ("inline; filename=\"floor-%" G_GINT64_FORMAT ".%s\"", id,
                                 g_strcmp0 (type, "image/png") == 0 ? "png" : "svg");
  headers = soup_server_message_get_response_headers (req->msg);
  soup_message_headers_replace (headers, "Content-Security-Policy", PLATZD_PLAN_CSP);
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_server_message_set_status (req->msg, 200, NULL);
  soup_server_message_set_response (req->msg, type, SOUP_MEMORY_COPY,
                                    sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  sqlite3_reset (stmt);
  platzd_reply_empty (req, 200);
}

void
platzd_structure_register (PlatzdApp *app)
{
  /* Before the generic routes, so that these win. */
  platzd_router_add (app->router, "GET", PLATZD_API "/floors/{id}", handle_floor_full, 0);
  platzd_router_add (app->router, "PUT", PLATZD_API "/floors/{id}/plan", handle_plan_put,
                     PLATZD_ROUTE_RAW_BODY);
  platzd_router_add (app->router, "GET", PLATZD_API "/floors/{id}/plan", handle_plan_get, 0);

  platzd_resource_register (app, &sites);
  platzd_resource_register (app, &buildings);
  platzd_resource_register (app, &floors);
  platzd_resource_register (app, &rooms);
  platzd_resource_register (app, &desks);
  platzd_resource_register (app, &standards);
}
