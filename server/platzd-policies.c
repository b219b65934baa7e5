/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-policies"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platzd-audit.h"
#include "platzd-policies.h"

static gboolean
overlay_json (PlatzdStore   *store,
              gint64         scope,
              PlatzPolicies *out,
              GError       **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, "SELECT json FROM policies WHERE scope = ?",
                                             error);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (text == NULL)
    return TRUE;
  node = platz_json_parse (text, strlen (text), error);
  return node != NULL &&
         platz_decode (&platz_policies_type, node, PLATZ_DECODE_PATCH, out, NULL, error);
}

gboolean
platzd_policies_load (PlatzdStore   *store,
                      gint64         site_id,
                      PlatzPolicies *out,
                      GError       **error)
{
  platz_policies_init_defaults (out);
  if (!overlay_json (store, 0, out, error))
    return FALSE;
  if (site_id > 0 && !overlay_json (store, site_id, out, error))
    return FALSE;
  return TRUE;
}

GTimeZone *
platzd_site_zone (PlatzdStore *store,
                  gint64       site_id)
{
  static GHashTable *zones;
  sqlite3_stmt *stmt = platzd_store_prepare (store, "SELECT timezone FROM sites WHERE id = ?",
                                             NULL);
  g_autofree char *name = NULL;
  GTimeZone *zone;

  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, site_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (name == NULL)
    return g_time_zone_new_utc ();
  zone = g_hash_table_lookup (zones, name);
  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (name);
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      g_hash_table_insert (zones, g_strdup (name), zone);
    }
  return g_time_zone_ref (zone);
}

static gint64
query_id (PlatzdStore *store,
          const char  *sql,
          gint64       id)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  return platzd_store_query_int (store, stmt, 0, NULL);
}

gint64
platzd_site_of_room (PlatzdStore *store,
                     gint64       room_id)
{
  return query_id (store,
                   "SELECT b.site_id FROM rooms r JOIN floors f ON f.id = r.floor_id "
                   "JOIN buildings b ON b.id = f.building_id WHERE r.id = ?", room_id);
}

gint64
platzd_site_of_floor (PlatzdStore *store,
                      gint64       floor_id)
{
  return query_id (store,
                   "SELECT b.site_id FROM floors f JOIN buildings b ON b.id = f.building_id "
                   "WHERE f.id = ?", floor_id);
}

/* Handlers */

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
      if (error && *error == NULL)
        g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                     "There is no site with id %" G_GINT64_FORMAT, *site_id);
      return FALSE;
    }
  return TRUE;
}

static void
handle_get (PlatzdRequest *req)
{
  PlatzPolicies policies;
  GError *error = NULL;
  gint64 site_id;

  if (!site_param (req, &site_id, &error) ||
      !platzd_policies_load (req->app->store, site_id, &policies, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  platzd_reply_object (req, 200, &platz_policies_type, &policies);
  platz_object_clear (&platz_policies_type, &policies);
}

/* The rules between fields, checked on the policies that would result
 * (the field table bounds each field alone).  The booking grid divides
 * the hour, so that every hour starts on it: 5, 6, 10, 12, 15, 20, 30 or
 * 60 minutes; working hours start and end on that grid. */
static gboolean
validate (const PlatzPolicies *policies,
          GError             **error)
{
  int start = 0, end = 0;
  gint64 slot = policies->slot_minutes;

  if (slot < 5 || slot > 60 || 60 % slot != 0)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_VALUE,
                   "slot_minutes must divide the hour: 5, 6, 10, 12, 15, 20, 30 or 60 "
                   "(not %" G_GINT64_FORMAT ")", slot);
      return FALSE;
    }
  platz_time_parse (policies->working_hours_start, &start);
  platz_time_parse (policies->working_hours_end, &end);
  if (end <= start)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_VALUE,
                           "working_hours_end must be after working_hours_start");
      return FALSE;
    }
  if (start % slot != 0 || end % slot != 0)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_VALUE,
                   "Working hours must start and end on the %" G_GINT64_FORMAT "-minute grid",
                   slot);
      return FALSE;
    }
  return TRUE;
}

static void
handle_patch (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  PlatzPolicies policies;
  PlatzPolicies check;
  GError *error = NULL;
  gint64 site_id;
  guint64 present = 0;
  g_autoptr(JsonNode) stored = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  /* 400 for the body before 404 / 403 */
  platz_policies_init_defaults (&check);
  if (!platz_decode (&platz_policies_type, req->body, PLATZ_DECODE_PATCH, &check, &present,
                     &error) ||
      !site_param (req, &site_id, &error) ||
      !platzd_require_role (req, &error, "admin", NULL) ||
      !platzd_policies_load (store, 0, &policies, &error))
    {
      platz_object_clear (&platz_policies_type, &check);
      platzd_reply_error (req, error);
      return;
    }
  platz_object_clear (&platz_policies_type, &check);

  /* Apply onto what is stored at this scope, then validate the result. */
  if (site_id > 0)
    {
      platz_object_clear (&platz_policies_type, &policies);
      platzd_policies_load (store, site_id, &policies, NULL);
    }
  platz_decode (&platz_policies_type, req->body, PLATZ_DECODE_PATCH, &policies, NULL, NULL);
  if (!validate (&policies, &error))
    {
      platz_object_clear (&platz_policies_type, &policies);
      platzd_reply_error (req, error);
      return;
    }

  if (site_id > 0)
    {
      /* A site keeps only what it overrides: merge the body into its row. */
      PlatzPolicies overrides;
      guint64 site_present = 0;
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) full = NULL;
      JsonObject *all;

      platz_policies_init_defaults (&overrides);
      stmt = platzd_store_prepare (store, "SELECT json FROM policies WHERE scope = ?", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, site_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *old = (const char *) sqlite3_column_text (stmt, 0);
              stored = platz_json_parse (old, strlen (old), NULL);
            }
          sqlite3_reset (stmt);
        }
      if (stored != NULL)
        platz_decode (&platz_policies_type, stored, PLATZ_DECODE_PATCH, &overrides, &site_present,
                      NULL);
      platz_decode (&platz_policies_type, req->body, PLATZ_DECODE_PATCH, &overrides, &present,
                    NULL);
      site_present |= present;
      full = platz_encode (&platz_policies_type, &overrides);
      all = json_node_get_object (full);
      json_builder_begin_object (builder);
      for (guint i = 0; i < platz_policies_type.n_fields; i++)
        if (site_present & (G_GUINT64_CONSTANT (1) << i))
          {
            const char *name = platz_policies_type.fields[i].name;
            json_builder_set_member_name (builder, name);
            json_builder_add_value (builder, json_object_dup_member (all, name));
          }
      json_builder_end_object (builder);
      {
        g_autoptr(JsonNode) root = json_builder_get_root (builder);
        text = platz_json_to_string (root, NULL);
      }
      platz_object_clear (&platz_policies_type, &overrides);
    }
  else
    {
      g_autoptr(JsonNode) node = platz_encode (&platz_policies_type, &policies);
      text = platz_json_to_string (node, NULL);
    }

  stmt = platzd_store_prepare (store,
                               "INSERT INTO policies (scope, json) VALUES (?, ?) "
                               "ON CONFLICT (scope) DO UPDATE SET json = excluded.json", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, site_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !platzd_store_begin (store, &error) ||
      !platzd_store_step_done (store, stmt, &error) ||
      !platzd_audit_write_present (req, "update", &platz_policies_type, "policies", site_id, 0,
                                   present, &error) ||
      !platzd_store_commit (store, &error))
    {
      platzd_store_rollback (store);
      platz_object_clear (&platz_policies_type, &policies);
      platzd_reply_error (req, error);
      return;
    }
  platzd_reply_object (req, 200, &platz_policies_type, &policies);
  platz_object_clear (&platz_policies_type, &policies);
}

void
platzd_policies_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", PLATZD_API "/policies", handle_get, 0);
  platzd_router_add (app->router, "PATCH", PLATZD_API "/policies", handle_patch, 0);
}
