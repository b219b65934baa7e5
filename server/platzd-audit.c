/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-audit"

#include "config.h"

#include <string.h>

#include "platz-date.h"
#include "platzd-audit.h"
#include "platzd-export.h"

#define ENTRY_COLUMNS \
  "id, at, actor_user_id, action, object_type, object_id, subject_user_id, fields"

/* Writing */

gboolean
platzd_audit_write (PlatzdRequest      *req,
                    const char         *action,
                    const char         *object_type,
                    gint64              object_id,
                    gint64              subject_user_id,
                    const char * const *fields,
                    GError            **error)
{
  PlatzdStore *store = req->app->store;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *names = NULL;
  g_autofree char *now = platzd_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (req->user != NULL, FALSE);
  json_builder_begin_array (builder);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    json_builder_add_string_value (builder, fields[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  names = platz_json_to_string (root, NULL);

  stmt = platzd_store_prepare (store,
                               "INSERT INTO audit (at, actor_user_id, action, object_type, "
                               "object_id, subject_user_id, fields) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, req->user->id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, object_type, -1, SQLITE_STATIC);
  if (object_id > 0)
    sqlite3_bind_int64 (stmt, 5, object_id);
  if (subject_user_id > 0)
    sqlite3_bind_int64 (stmt, 6, subject_user_id);
  sqlite3_bind_text (stmt, 7, names, -1, SQLITE_TRANSIENT);
  return platzd_store_step_done (store, stmt, error);
}

gboolean
platzd_audit_write_present (PlatzdRequest   *req,
                            const char      *action,
                            const PlatzType *type,
                            const char      *object_type,
                            gint64           object_id,
                            gint64           subject_user_id,
                            guint64          present,
                            GError         **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < type->n_fields; i++)
    if (present & (G_GUINT64_CONSTANT (1) << i))
      g_ptr_array_add (names, (gpointer) type->fields[i].name);
  g_ptr_array_add (names, NULL);
  return platzd_audit_write (req, action, object_type, object_id, subject_user_id,
                             (const char * const *) names->pdata, error);
}

/* Reading */

/* Adds the rows of a statement over ENTRY_COLUMNS as an array. */
static gboolean
add_entries (PlatzdStore  *store,
             JsonBuilder  *builder,
             sqlite3_stmt *stmt,
             GError      **error)
{
  static const char * const json_columns[] = { "fields", NULL };

  return platzd_add_rows (store, builder, stmt, json_columns, error);
}

gboolean
platzd_audit_add_about (PlatzdStore *store,
                        JsonBuilder *builder,
                        gint64       user_id,
                        GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store,
                                             "SELECT " ENTRY_COLUMNS " FROM audit "
                                             "WHERE actor_user_id = ?1 OR subject_user_id = ?1 "
                                             "ORDER BY at DESC, id DESC", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return add_entries (store, builder, stmt, error);
}

/* GET /audit?from=&to=&limit=: admins only, newest first.  Dates are UTC
 * days, both inclusive and both optional; at most `limit` entries (1000
 * and no more). */
static void
handle_list (PlatzdRequest *req)
{
  PlatzdStore *store = req->app->store;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *from_text = NULL, *to_text = NULL;
  GDate from, to;
  gint64 limit = PLATZD_AUDIT_LIST_MAX;
  GError *error = NULL;
  sqlite3_stmt *stmt;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (!platzd_query_date (req, "from", FALSE, &from, &error) ||
      !platzd_query_date (req, "to", FALSE, &to, &error) ||
      !platzd_query_int (req, "limit", 1, PLATZD_AUDIT_LIST_MAX, &limit, &error) ||
      !platzd_require_role (req, &error, "admin", NULL))
    {
      platzd_reply_error (req, error);
      return;
    }
  if (g_date_valid (&from))
    from_text = platz_date_format (&from);
  if (g_date_valid (&to))
    {
      /* Entries are stamped YYYY-MM-DDTHH:MM:SSZ: "before the next day". */
      g_date_add_days (&to, 1);
      to_text = platz_date_format (&to);
    }
  stmt = platzd_store_prepare (store,
                               "SELECT " ENTRY_COLUMNS " FROM audit "
                               "WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) "
                               "ORDER BY at DESC, id DESC LIMIT ?3", &error);
  if (stmt == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  if (from_text != NULL)
    sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_TRANSIENT);
  if (to_text != NULL)
    sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  if (!add_entries (store, builder, stmt, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

void
platzd_audit_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", PLATZD_API "/audit", handle_list, 0);
}
