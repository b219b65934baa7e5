/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-resource"

#include "config.h"

#include <string.h>

#include "platzd-audit.h"
#include "platzd-resource.h"

/* Auxiliary */

const char *
platzd_ref_table (const char *name)
{
  static const struct { const char *field, *table; } refs[] = {
    { "site_id", "sites" },
    { "building_id", "buildings" },
    { "floor_id", "floors" },
    { "room_id", "rooms" },
    { "desk_id", "desks" },
    { "occupancy_standard_id", "occupancy_standards" },
    { "team_id", "teams" },
    { "user_id", "users" },
    { "lead_user_id", "users" },
    { "assigned_user_id", "users" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (strcmp (refs[i].field, name) == 0)
      return refs[i].table;
  return NULL;
}

gboolean
platzd_resource_check_refs (PlatzdRequest   *req,
                            const PlatzType *type,
                            gconstpointer    obj,
                            guint64          present,
                            GError         **error)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      const char *table;
      gint64 id;

      if (field->type != PLATZ_FIELD_REF || !(present & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      table = platzd_ref_table (field->name);
      id = *(const gint64 *) PLATZ_FIELD_PTR (obj, field);
      if (table == NULL || id == 0)
        continue;
      if (!platzd_store_exists (req->app->store, table, id, error))
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                         "'%s' names %" G_GINT64_FORMAT ", which does not exist", field->name, id);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
default_can_write (PlatzdRequest *req,
                   GError       **error)
{
  if (platzd_user_manages_facility (req->user))
    return TRUE;
  g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                       "Only facility managers and admins may change this");
  return FALSE;
}

static gboolean
can_write (PlatzdRequest        *req,
           const PlatzdResource *res,
           gconstpointer         old,
           gconstpointer         obj,
           guint64               present,
           GError              **error)
{
  if (res->can_write != NULL)
    return res->can_write (req, old, obj, present, error);
  return default_can_write (req, error);
}

/* The audit entry of a write, inside its transaction. */
static gboolean
audit (PlatzdRequest        *req,
       const PlatzdResource *res,
       const char           *action,
       gint64                id,
       guint64               present,
       GError              **error)
{
  gint64 subject = 0;

  if (res->audited != NULL && !res->audited (req, id, &subject))
    return TRUE;
  return platzd_audit_write_present (req, action, res->type, res->type->table, id, subject,
                                     present, error);
}

static gpointer
load (PlatzdRequest        *req,
      const PlatzdResource *res,
      gint64                id,
      GError              **error)
{
  gpointer obj = platzd_store_get (req->app->store, res->type, id, error);

  if (obj != NULL && res->decorate != NULL)
    res->decorate (req, obj);
  return obj;
}

/* Converts a constraint failure into a 409 with a message a person reads. */
static void
explain_conflict (GError              **error,
                  const PlatzdResource *res)
{
  if (*error == NULL || (*error)->code != PLATZ_ERROR_CONFLICT)
    return;
  if (strstr ((*error)->message, "UNIQUE") != NULL)
    {
      g_clear_error (error);
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_ALREADY_EXISTS,
                   "A %s with that name already exists", res->type->name);
    }
  else if (strstr ((*error)->message, "CHECK") != NULL)
    {
      g_autofree char *message = g_strdup ((*error)->message);
      g_clear_error (error);
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_VALUE,
                   "A value does not fit the %s: %s", res->type->name, message);
    }
}

void
platzd_resource_save (PlatzdRequest        *req,
                      const PlatzdResource *res,
                      gint64                id,
                      gpointer              obj,
                      guint64               present)
{
  PlatzdStore *store = req->app->store;
  GError *error = NULL;
  gpointer saved;
  JsonNode *answer;
  gboolean created = id == 0;
  gboolean ok;

  if (!platzd_store_begin (store, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  if (id > 0)
    ok = platzd_store_update (store, res->type, id, obj, present, &error);
  else
    ok = (id = platzd_store_insert (store, res->type, obj, present, &error)) > 0;
  if (ok && res->saved != NULL)
    ok = res->saved (req, id, obj, &error);
  if (ok)
    ok = audit (req, res, created ? "create" : "update", id, present, &error);
  if (!ok || !platzd_store_commit (store, &error))
    {
      platzd_store_rollback (store);
      explain_conflict (&error, res);
      platzd_reply_error (req, error);
      return;
    }
  saved = load (req, res, id, &error);
  if (saved == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  answer = platz_encode (res->type, saved);
  if (res->amend_reply != NULL)
    res->amend_reply (req, json_node_get_object (answer));
  platzd_reply_json (req, created ? 201 : 200, answer);
  platz_object_free (res->type, saved);
}

void
platzd_resource_save_and_free (PlatzdRequest        *req,
                               const PlatzdResource *res,
                               gint64                id,
                               gpointer              obj,
                               guint64               present)
{
  platzd_resource_save (req, res, id, obj, present);
  platz_object_free (res->type, obj);
}

static void
save_or_defer (PlatzdRequest        *req,
               const PlatzdResource *res,
               gint64                id,
               gpointer              obj,
               guint64               present)
{
  if (res->before_save != NULL)
    res->before_save (req, id, obj, present);
  else
    platzd_resource_save_and_free (req, res, id, obj, present);
}

/* Handlers */

static void
handle_list (PlatzdRequest *req)
{
  const PlatzdResource *res = req->route_data;
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  GError *error = NULL;

  /* Every given filter applies (they combine with AND). */
  for (guint i = 0; res->filters != NULL && res->filters[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (res->filters[i], "=", 2);
      gint64 value = 0;

      if (!platzd_query_id (req, parts[0], FALSE, &value, &error))
        {
          platzd_reply_error (req, error);
          return;
        }
      if (value == 0)
        continue;
      if (where->len > 0)
        g_string_append (where, " AND ");
      if (parts[1] != NULL)
        g_string_append_printf (where, "(%s)", parts[1]);
      else
        g_string_append_printf (where, "\"%s\" = ?", parts[0]);
      g_array_append_val (values, value);
    }
  if (res->can_list != NULL && !res->can_list (req, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  objects = platzd_store_list (req->app->store, res->type, where->len ? where->str : NULL, values,
                               &error);
  if (objects == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  for (guint i = 0; i < objects->len; i++)
    {
      if (res->can_read == NULL || res->can_read (req, objects->pdata[i]))
        {
          if (res->decorate)
            res->decorate (req, objects->pdata[i]);
          g_ptr_array_add (visible, objects->pdata[i]);
        }
    }
  platzd_reply_array (req, res->type, visible);
  for (guint i = 0; i < objects->len; i++)
    platz_object_free (res->type, objects->pdata[i]);
}

static void
handle_get (PlatzdRequest *req)
{
  const PlatzdResource *res = req->route_data;
  GError *error = NULL;
  gpointer obj = load (req, res, platzd_request_id (req, "id"), &error);

  if (obj == NULL)
    {
      platzd_reply_error (req, error);
      return;
    }
  if (res->can_read != NULL && !res->can_read (req, obj))
    platzd_reply_fail (req, PLATZ_ERROR_FORBIDDEN, "You may not see this %s", res->type->name);
  else
    platzd_reply_object (req, 200, res->type, obj);
  platz_object_free (res->type, obj);
}

static void
handle_create (PlatzdRequest *req)
{
  const PlatzdResource *res = req->route_data;
  gpointer obj = platz_object_new (res->type);
  guint64 present = 0;
  GError *error = NULL;

  if (!platz_decode (res->type, req->body, PLATZ_DECODE_CREATE, obj, &present, &error) ||
      !platzd_resource_check_refs (req, res->type, obj, present, &error) ||
      !can_write (req, res, NULL, obj, present, &error) ||
      (res->validate != NULL && !res->validate (req, obj, &present, &error)))
    {
      platz_object_free (res->type, obj);
      platzd_reply_error (req, error);
      return;
    }
  save_or_defer (req, res, 0, obj, present);
}

void
platzd_resource_patch (PlatzdRequest *req)
{
  const PlatzdResource *res = req->route_data;
  gint64 id = platzd_request_id (req, "id");
  gpointer probe = platz_object_new (res->type);
  gpointer old = NULL;
  gpointer obj = NULL;
  guint64 present = 0;
  GError *error = NULL;

  /* Decode once on its own for the 400s, then onto the stored object. */
  if (!platz_decode (res->type, req->body, PLATZ_DECODE_PATCH, probe, &present, &error) ||
      (old = load (req, res, id, &error)) == NULL ||
      !platzd_resource_check_refs (req, res->type, probe, present, &error))
    goto fail;
  obj = platz_object_copy (res->type, old);
  platz_decode (res->type, req->body, PLATZ_DECODE_PATCH, obj, NULL, NULL);
  if (!can_write (req, res, old, obj, present, &error) ||
      (res->validate != NULL && !res->validate (req, obj, &present, &error)))
    goto fail;
  save_or_defer (req, res, id, g_steal_pointer (&obj), present);
  goto out;

fail:
  platzd_reply_error (req, error);
out:
  platz_object_free (res->type, probe);
  platz_object_free (res->type, old);
  platz_object_free (res->type, obj);
}

static gboolean
run_with_id (PlatzdStore *store,
             const char  *sql,
             gint64       id,
             gint64      *count,
             GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
  if (count != NULL)
    {
      *count = platzd_store_query_int (store, stmt, 0, error);
      return error == NULL || *error == NULL;
    }
  return platzd_store_step_done (store, stmt, error);
}

static void
handle_delete (PlatzdRequest *req)
{
  const PlatzdResource *res = req->route_data;
  PlatzdStore *store = req->app->store;
  gint64 id = platzd_request_id (req, "id");
  gboolean force = FALSE;
  gint64 bookings = 0, reservations = 0;
  g_autofree char *count_b = NULL, *count_r = NULL, *cancel_b = NULL, *cancel_r = NULL;
  gpointer old = NULL;
  GError *error = NULL;

  if (res->bookings_where)
    {
      count_b = g_strdup_printf ("SELECT count(*) FROM bookings b WHERE b.status = 'active' "
                                 "AND b.date >= ?2 AND (%s) AND ?3 IS NOT NULL",
                                 res->bookings_where);
      cancel_b = g_strdup_printf ("UPDATE bookings AS b SET status = 'cancelled' "
                                  "WHERE b.status = 'active' AND b.date >= ?2 AND (%s) "
                                  "AND ?3 IS NOT NULL", res->bookings_where);
    }
  if (res->reservations_where)
    {
      count_r = g_strdup_printf ("SELECT count(*) FROM reservations r WHERE r.status = 'active' "
                                 "AND r.\"end\" > ?3 AND (%s) AND ?2 IS NOT NULL",
                                 res->reservations_where);
      cancel_r = g_strdup_printf ("UPDATE reservations AS r SET status = 'cancelled' "
                                  "WHERE r.status = 'active' AND r.\"end\" > ?3 AND (%s) "
                                  "AND ?2 IS NOT NULL", res->reservations_where);
    }

  if (!platzd_query_bool (req, "force", &force, &error) ||
      (old = load (req, res, id, &error)) == NULL ||
      !can_write (req, res, old, NULL, 0, &error) ||
      (count_b && !run_with_id (store, count_b, id, &bookings, &error)) ||
      (count_r && !run_with_id (store, count_r, id, &reservations, &error)))
    goto fail;

  if ((bookings > 0 || reservations > 0) && !force)
    {
      g_set_error (&error, PLATZ_ERROR, PLATZ_ERROR_HAS_FUTURE_BOOKINGS,
                   "This %s has %" G_GINT64_FORMAT " future desk bookings and %" G_GINT64_FORMAT
                   " future reservations; add ?force=true to cancel them and delete it",
                   res->type->name, bookings, reservations);
      goto fail;
    }

  if (!platzd_store_begin (store, &error))
    goto fail;
  if ((cancel_b && !run_with_id (store, cancel_b, id, NULL, &error)) ||
      (cancel_r && !run_with_id (store, cancel_r, id, NULL, &error)) ||
      !platzd_store_delete (store, res->type->table, id, &error) ||
      !audit (req, res, force ? "force_delete" : "delete", id, 0, &error) ||
      !platzd_store_commit (store, &error))
    {
      platzd_store_rollback (store);
      goto fail;
    }
  if (res->deleted)
    res->deleted (req, id);
  platzd_reply_empty (req, 204);
  platz_object_free (res->type, old);
  return;

fail:
  platz_object_free (res->type, old);
  platzd_reply_error (req, error);
}

void
platzd_resource_register (PlatzdApp            *app,
                          const PlatzdResource *res)
{
  g_autofree char *collection = g_strconcat (PLATZD_API, res->collection, NULL);
  g_autofree char *item = g_strconcat (collection, "/{id}", NULL);

  platzd_router_add_full (app->router, "GET", collection, handle_list, 0, res);
  platzd_router_add_full (app->router, "POST", collection, handle_create, 0, res);
  platzd_router_add_full (app->router, "GET", item, handle_get, 0, res);
  platzd_router_add_full (app->router, "PATCH", item, platzd_resource_patch, 0, res);
  platzd_router_add_full (app->router, "DELETE", item, handle_delete, 0, res);
}
