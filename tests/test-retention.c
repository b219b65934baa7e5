/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The retention policy, in-process against a real store. */
#include "config.h"

#include <glib/gstdio.h>

#include "platz-date.h"
#include "platzd-retention.h"

static gint64
count (PlatzdStore *store,
       const char  *sql)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  return platzd_store_query_int (store, stmt, -1, NULL);
}

static void
exec (PlatzdStore *store,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  platzd_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* A fresh, migrated store in a directory of its own. */
static PlatzdStore *
temp_store_open (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PlatzdStore *store;

  *dir = g_dir_make_tmp ("platz-retention-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "r.db", NULL);
  store = platzd_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
temp_store_close (PlatzdStore *store,
                  char        *dir)
{
  const char *files[] = { "r.db", "r.db-wal", "r.db-shm" };

  platzd_store_close (store);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
test_purge (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  PlatzdStore *store = temp_store_open (&dir);
  GDate today;
  gint64 changed;

  exec (store,
        "INSERT INTO sites (id, name) VALUES (1, 'A'), (2, 'B');"
        "INSERT INTO buildings (id, site_id, name) VALUES (1, 1, 'a'), (2, 2, 'b');"
        "INSERT INTO floors (id, building_id, name) VALUES (1, 1, 'f'), (2, 2, 'g');"
        "INSERT INTO rooms (id, floor_id, name, kind) VALUES (1, 1, 'r', 'office'),"
        "  (2, 1, 'm', 'meeting_room'), (3, 2, 's', 'office');"
        "INSERT INTO desks (id, room_id, name) VALUES (1, 1, 'd1'), (2, 3, 'd2');"
        "INSERT INTO users (id, username, display_name) VALUES (1, 'u', 'U');"
        /* retention 90 days globally; site 2 keeps 365 */
        "INSERT INTO policies (scope, json) VALUES (2, '{\"retention_days\":365}');"
        "INSERT INTO bookings (desk_id, user_id, date, slot, created_at) VALUES"
        "  (1, 1, '2026-07-15', 'am', 'x'),"     /* older still: goes */
        "  (1, 1, '2026-08-01', 'am', 'x'),"     /* 120 days before: goes */
        "  (1, 1, '2026-09-01', 'am', 'x'),"     /* 89 days before: stays */
        "  (1, 1, '2026-09-02', 'pm', 'x'),"
        "  (2, 1, '2026-08-01', 'pm', 'x');"     /* site 2 keeps a year */
        "INSERT INTO reservations (room_id, user_id, start, \"end\", title, created_at) VALUES"
        "  (2, 1, '2026-08-01T08:00:00Z', '2026-08-01T09:00:00Z', 'Old meeting', 'x'),"
        "  (2, 1, '2026-11-01T08:00:00Z', '2026-11-01T09:00:00Z', 'Recent meeting', 'x');");

  platz_date_parse ("2026-11-29", &today);
  /* In batches of one row: the first pass takes a booking and the
   * reservation, the second the other booking, the third finds nothing. */
  changed = platzd_retention_purge (store, 1, &today, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 2);
  changed = platzd_retention_purge (store, 1, &today, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);
  changed = platzd_retention_purge (store, 1, &today, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM bookings WHERE desk_id = 1"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM bookings WHERE date = '2026-08-01'"),
                   ==, 1);
  /* The old reservation stays as an anonymous busy time. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM reservations"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM reservations WHERE user_id IS NULL "
                                 "AND title IS NULL AND start = '2026-08-01T08:00:00Z'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM reservations WHERE title = "
                                 "'Recent meeting'"), ==, 1);

  /* Site 2's override keeps its booking; a second run changes nothing. */
  changed = platzd_retention_purge (store, 2, &today, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 0);
  g_assert_cmpint (platzd_retention_purge (store, 1, &today, -1, &error), ==, 0);

  temp_store_close (store, dir);
}

static void
test_purge_accounts (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  PlatzdStore *store = temp_store_open (&dir);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 4, 12, 0, 0);

  exec (store,
        "INSERT INTO audit (at, actor_user_id, action, object_type, object_id) VALUES"
        "  ('2025-11-01T08:00:00Z', 1, 'update', 'sites', 1),"   /* 398 days: goes */
        "  ('2025-12-04T11:59:59Z', 1, 'update', 'sites', 1),"   /* just over a year: goes */
        "  ('2025-12-04T12:00:01Z', 1, 'delete', 'desks', 2),"   /* just under: stays */
        "  ('2026-11-30T08:00:00Z', 1, 'create', 'rooms', 3);");
  /* The default keeps a year, in batches. */
  g_assert_cmpint (platzd_retention_purge_accounts (store, now, 1, &error), ==, 1);
  g_assert_cmpint (platzd_retention_purge_accounts (store, now, 1, &error), ==, 1);
  g_assert_cmpint (platzd_retention_purge_accounts (store, now, 1, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit"), ==, 2);
  /* A shorter policy purges more; a site's policy does not count. */
  exec (store, "INSERT INTO policies (scope, json) VALUES (0, '{\"audit_retention_days\":7}'),"
               "  (1, '{\"audit_retention_days\":3650}');");
  g_assert_cmpint (platzd_retention_purge_accounts (store, now, -1, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit WHERE object_type = 'rooms'"), ==, 1);

  /* Sessions past their absolute expiry go the same night. */
  exec (store,
        "INSERT INTO users (id, username, display_name) VALUES (1, 'u', 'U');"
        "INSERT INTO sessions (token_hash, user_id, created_at, last_used_at, expires_at) VALUES"
        "  (x'01', 1, 0, 0, 1764000000),"      /* 2025-11-24: over */
        "  (x'02', 1, 0, 0, 1796400000);");    /* 2026-12-04 16:00 UTC: still valid */
  g_assert_cmpint (platzd_retention_purge_accounts (store, now, -1, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sessions WHERE token_hash = x'02'"), ==, 1);

  temp_store_close (store, dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/retention/purge", test_purge);
  g_test_add_func ("/retention/purge-accounts", test_purge_accounts);
  return g_test_run ();
}
