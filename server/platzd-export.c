/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-export"

#include "config.h"

#include <string.h>

#include "platzd-audit.h"
#include "platzd-export.h"

/*
 * The export holds the caller's profile (never the password hash), all
 * their desk bookings and room reservations whatever their status or date,
 * the desks assigned to them and the days they lent them, the teams they
 * lead, their sessions' times (never a token or its hash) and the audit
 * entries by or about them.  Rows are given with every stored column, as
 * the tables hold them.
 */

#define STAMP(column) "strftime ('%Y-%m-%dT%H:%M:%SZ', " column ", 'unixepoch') AS " column

static const struct {
  const char *member;
  const char *sql;   /* ?1 = the user's id */
} parts[] = {
  { "bookings",
    "SELECT id, desk_id, user_id, date, slot, status, checked_in_at, created_at, created_by "
    "FROM bookings WHERE user_id = ?1 ORDER BY date, id" },
  { "reservations",
    "SELECT id, room_id, user_id, team_id, start, \"end\", title, attendees, series_id, status, "
    "created_at FROM reservations WHERE user_id = ?1 ORDER BY start, id" },
  { "assigned_desks",
    "SELECT id, room_id, name FROM desks WHERE assigned_user_id = ?1 ORDER BY id" },
  { "desk_releases",
    "SELECT desk_id, date FROM desk_releases WHERE desk_id IN "
    "(SELECT id FROM desks WHERE assigned_user_id = ?1) ORDER BY date, desk_id" },
  { "teams_led",
    "SELECT id, name FROM teams WHERE lead_user_id = ?1 ORDER BY id" },
  { "sessions",
    "SELECT " STAMP ("created_at") ", " STAMP ("last_used_at") ", " STAMP ("expires_at") " "
    "FROM sessions WHERE user_id = ?1 ORDER BY created_at" },
};

gboolean
platzd_add_rows (PlatzdStore        *store,
                 JsonBuilder        *builder,
                 sqlite3_stmt       *stmt,
                 const char * const *json_columns,
                 GError            **error)
{
  int rc;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *name = sqlite3_column_name (stmt, i);
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          JsonNode *parsed;

          json_builder_set_member_name (builder, name);
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_FLOAT:
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, i));
              break;
            case SQLITE_NULL:
              json_builder_add_null_value (builder);
              break;
            default:
              if (json_columns != NULL && g_strv_contains (json_columns, name) &&
                  (parsed = platz_json_parse (text, strlen (text), NULL)) != NULL)
                json_builder_add_value (builder, parsed);
              else
                json_builder_add_string_value (builder, text);
              break;
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      platzd_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
handle_export (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *now = platzd_now_utc ();
  GError *error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, platz_encode (&platz_user_type, req->user));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      sqlite3_stmt *stmt = platzd_store_prepare (store, parts[i].sql, &error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, req->user->id);
      json_builder_set_member_name (builder, parts[i].member);
      if (!platzd_add_rows (store, builder, stmt, NULL, &error))
        goto fail;
    }
  json_builder_set_member_name (builder, "audit");
  if (!platzd_audit_add_about (store, builder, req->user->id, &error))
    goto fail;
  json_builder_end_object (builder);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
  return;

fail:
  platzd_reply_error (req, error);
}

void
platzd_export_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", PLATZD_API "/me/export", handle_export, 0);
}
