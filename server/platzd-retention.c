/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-retention"

#include "config.h"

#include "platz-date.h"
#include "platzd-policies.h"
#include "platzd-retention.h"

/*
 * Personal booking data is kept for the policy's retention_days, then
 * removed by a nightly job per site; audit entries are kept for the
 * global policy's audit_retention_days.  Room reservations stay as
 * anonymous busy times (room, start, end, attendees, team) so that room
 * history remains; desk bookings go entirely, so utilisation reports reach
 * back only as far as the retention period.
 */

#define CHECK_INTERVAL_S 600
#define PURGE_HOUR 3
/* Rows per transaction: a large backlog (retention shortened, a server
 * that was off for weeks) is worked off in short steps, with requests
 * served in between. */
#define PURGE_BATCH 2000
#define PURGE_PAUSE_MS 50

#define DESKS_OF_SITE \
  "SELECT d.id FROM desks d JOIN rooms r ON r.id = d.room_id JOIN floors f ON f.id = r.floor_id " \
  "JOIN buildings bl ON bl.id = f.building_id WHERE bl.site_id = :site"
#define ROOMS_OF_SITE \
  "SELECT r.id FROM rooms r JOIN floors f ON f.id = r.floor_id " \
  "JOIN buildings bl ON bl.id = f.building_id WHERE bl.site_id = :site"

static gboolean
run (PlatzdStore *store,
     const char  *sql,
     gint64       site_id,
     const char  *cutoff,
     int          limit,
     gint64      *changed,
     GError     **error)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":site"), site_id);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":cutoff"), cutoff, -1,
                     SQLITE_TRANSIENT);
  if (!platzd_store_step_done (store, stmt, error))
    return FALSE;
  *changed += sqlite3_changes (platzd_store_db (store));
  return TRUE;
}

gint64
platzd_retention_purge (PlatzdStore *store,
                        gint64       site_id,
                        const GDate *today,
                        int          limit,
                        GError     **error)
{
  PlatzPolicies policies;
  GDate cutoff_date = *today;
  g_autofree char *cutoff = NULL;
  g_autofree char *cutoff_time = NULL;
  g_autoptr(GTimeZone) zone = platzd_site_zone (store, site_id);
  g_autoptr(GDateTime) cutoff_start = NULL;
  gint64 changed = 0;

  if (!platzd_policies_load (store, site_id, &policies, error))
    return -1;
  g_date_subtract_days (&cutoff_date, (guint) policies.retention_days);
  platz_object_clear (&platz_policies_type, &policies);
  cutoff = platz_date_format (&cutoff_date);
  cutoff_start = platz_date_start_in_zone (&cutoff_date, zone);
  cutoff_time = platz_datetime_utc_key (cutoff_start);

  if (!platzd_store_begin (store, error))
    return -1;
  if (!run (store, "DELETE FROM bookings WHERE id IN (SELECT id FROM bookings "
            "WHERE date < :cutoff AND desk_id IN (" DESKS_OF_SITE ") LIMIT :limit)",
            site_id, cutoff, limit, &changed, error) ||
      !run (store, "DELETE FROM desk_releases WHERE date < :cutoff AND desk_id IN ("
            DESKS_OF_SITE ")", site_id, cutoff, limit, &changed, error) ||
      !run (store, "UPDATE reservations SET user_id = NULL, title = NULL WHERE id IN "
            "(SELECT id FROM reservations WHERE \"end\" <= :cutoff "
            "AND (user_id IS NOT NULL OR title IS NOT NULL) "
            "AND room_id IN (" ROOMS_OF_SITE ") LIMIT :limit)",
            site_id, cutoff_time, limit, &changed, error) ||
      !platzd_store_commit (store, error))
    {
      platzd_store_rollback (store);
      return -1;
    }
  return changed;
}

gint64
platzd_retention_purge_accounts (PlatzdStore *store,
                              GDateTime   *now,
                              int          limit,
                              GError     **error)
{
  PlatzPolicies policies;
  g_autoptr(GDateTime) cutoff_time = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *now_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (now));
  gint64 changed = 0;

  if (!platzd_policies_load (store, 0, &policies, error))
    return -1;
  cutoff_time = g_date_time_add_days (now, -(gint) policies.audit_retention_days);
  platz_object_clear (&platz_policies_type, &policies);
  cutoff = platz_datetime_utc_key (cutoff_time);
  if (!platzd_store_begin (store, error))
    return -1;
  if (!run (store, "DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < :cutoff "
            "LIMIT :limit)", 0, cutoff, limit, &changed, error) ||
      !run (store, "DELETE FROM sessions WHERE token_hash IN (SELECT token_hash FROM sessions "
            "WHERE expires_at < CAST (:cutoff AS INTEGER) LIMIT :limit)", 0, now_text, limit,
            &changed, error) ||
      !platzd_store_commit (store, error))
    {
      platzd_store_rollback (store);
      return -1;
    }
  return changed;
}

static void retention_more_cb (gpointer data);

static gboolean
retention_timer_cb (gpointer data)
{
  PlatzdApp *app = data;
  PlatzdStore *store = app->store;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean more = FALSE;
  gint64 total = 0;

  if (app->shutting_down)
    return G_SOURCE_CONTINUE;
  stmt = platzd_store_prepare (store, "SELECT id FROM sites", NULL);
  if (stmt == NULL)
    return G_SOURCE_CONTINUE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (sites, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < sites->len; i++)
    {
      gint64 site_id = g_array_index (sites, gint64, i);
      g_autoptr(GTimeZone) zone = platzd_site_zone (store, site_id);
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);
      g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
      const char *done = g_hash_table_lookup (app->retention_done, &site_id);
      g_autoptr(GError) error = NULL;
      gint64 changed;
      GDate today;

      if (g_date_time_get_hour (now) < PURGE_HOUR || g_strcmp0 (done, today_text) == 0)
        continue;
      platz_date_parse (today_text, &today);
      changed = platzd_retention_purge (store, site_id, &today, PURGE_BATCH, &error);
      if (changed < 0)
        {
          g_printerr ("platzd: retention purge of site %" G_GINT64_FORMAT " failed: %s\n",
                      site_id, error->message);
          continue;
        }
      total += changed;
      if (changed >= PURGE_BATCH)
        {
          /* More to do: come back soon, without blocking in between. */
          more = TRUE;
          continue;
        }
      g_hash_table_insert (app->retention_done, g_memdup2 (&site_id, sizeof site_id),
                           g_steal_pointer (&today_text));
      if (total > 0)
        g_printerr ("platzd: retention: removed personal data from old bookings and "
                    "reservations of site %" G_GINT64_FORMAT "\n", site_id);
    }

  /* The audit log and the sessions are one for all sites: purged once a
   * UTC day, under the key 0 (no site has it). */
  {
    gint64 audit_key = 0;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr(GError) error = NULL;
    gint64 changed;

    if (g_strcmp0 (g_hash_table_lookup (app->retention_done, &audit_key), today_text) != 0)
      {
        changed = platzd_retention_purge_accounts (store, now, PURGE_BATCH, &error);
        if (changed < 0)
          g_printerr ("platzd: retention purge of the audit log and sessions failed: %s\n",
                      error->message);
        else if (changed >= PURGE_BATCH)
          more = TRUE;
        else
          g_hash_table_insert (app->retention_done, g_memdup2 (&audit_key, sizeof audit_key),
                               g_steal_pointer (&today_text));
      }
  }
  if (more)
    g_timeout_add_once (PURGE_PAUSE_MS, retention_more_cb, app);
  return G_SOURCE_CONTINUE;
}

static void
retention_more_cb (gpointer data)
{
  retention_timer_cb (data);
}

void
platzd_retention_start_timer (PlatzdApp *app)
{
  app->retention_done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  retention_timer_cb (app);
  app->retention_timer = g_timeout_add_seconds (CHECK_INTERVAL_S, retention_timer_cb, app);
}
