/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Storage baseline (not a test): what SQLite alone gives for one durable
 * write, done the way platzd does it.  A fresh database with platzd's
 * pragmas (WAL, synchronous=FULL, foreign_keys=ON, busy timeout) and a
 * table shaped like `bookings` (same columns, same unique partial
 * indexes, foreign keys to desks and users); then, for a given time or
 * count, one `BEGIN IMMEDIATE; INSERT ...; COMMIT` per operation, each
 * for a distinct desk, user and date.
 *
 *   storage-baseline --db /var/tmp/x.db --seconds 5
 *
 * Prints "storage_ops_per_s: N" and "storage_ops: N".
 */
#define G_LOG_DOMAIN "platz-bench"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#define N_DESKS 3000
#define N_USERS 5000

static const char schema[] =
  "CREATE TABLE desks (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;"
  "CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE) STRICT;"
  "CREATE TABLE bookings ("
  "  id INTEGER PRIMARY KEY,"
  "  desk_id INTEGER NOT NULL REFERENCES desks (id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  slot TEXT NOT NULL CHECK (slot IN ('am', 'pm', 'full_day')),"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled', 'released')),"
  "  checked_in_at TEXT, created_at TEXT NOT NULL, created_by INTEGER) STRICT;"
  "CREATE UNIQUE INDEX bookings_desk_am ON bookings (desk_id, date)"
  "  WHERE status = 'active' AND slot IN ('am', 'full_day');"
  "CREATE UNIQUE INDEX bookings_desk_pm ON bookings (desk_id, date)"
  "  WHERE status = 'active' AND slot IN ('pm', 'full_day');"
  "CREATE UNIQUE INDEX bookings_user_am ON bookings (user_id, date)"
  "  WHERE status = 'active' AND slot IN ('am', 'full_day');"
  "CREATE UNIQUE INDEX bookings_user_pm ON bookings (user_id, date)"
  "  WHERE status = 'active' AND slot IN ('pm', 'full_day');"
  "CREATE INDEX bookings_date_desk ON bookings (date, desk_id);"
  "CREATE INDEX bookings_user_date ON bookings (user_id, date);";

static int
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_printerr ("storage-baseline: %s: %s\n", sql, message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
    }
  return rc;
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  double seconds = 5;
  gint64 max_ops = 0;
  gboolean keep = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 ops = 0, start, deadline, end;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database file (replaced)", "PATH" },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, "Run for this long (default 5)", "S" },
    { "ops", 0, 0, G_OPTION_ARG_INT64, &max_ops, "Stop after this many operations", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the database file afterwards", NULL },
    { NULL }
  };

  context = g_option_context_new ("- one durable SQLite insert per transaction");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("storage-baseline: %s\n", error->message);
      return 1;
    }
  if (path == NULL || seconds <= 0 || seconds > 3600 || max_ops < 0)
    {
      g_printerr ("storage-baseline: --db PATH is required; --seconds 0..3600\n");
      return 1;
    }
  remove_db (path);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_printerr ("storage-baseline: cannot open %s: %s\n", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return 1;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  /* platzd's pragmas (server/platzd-store.c) */
  if (exec (db, "PRAGMA journal_mode = WAL") || exec (db, "PRAGMA synchronous = FULL") ||
      exec (db, "PRAGMA foreign_keys = ON") || exec (db, "PRAGMA temp_store = MEMORY") ||
      exec (db, schema))
    goto fail;

  /* Parents in one transaction: not measured. */
  if (exec (db, "BEGIN IMMEDIATE") ||
      exec (db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                "INSERT INTO users (id, username) SELECT i, 'user' || i FROM n") ||
      exec (db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                "INSERT INTO desks (id, name) SELECT i, 'Desk ' || i FROM n") ||
      exec (db, "COMMIT"))
    goto fail;

  if (sqlite3_prepare_v3 (db, "INSERT INTO bookings (desk_id, user_id, date, slot, status, "
                          "created_at, created_by) VALUES (?, ?, ?, 'full_day', 'active', ?, ?) "
                          "RETURNING id", -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("storage-baseline: %s\n", sqlite3_errmsg (db));
      goto fail;
    }

  start = g_get_monotonic_time ();
  deadline = start + (gint64) (seconds * G_USEC_PER_SEC);
  for (;;)
    {
      /* Operation i: desk i mod 3000 and user i mod 5000 on day i / 3000,
       * so that no unique index is ever hit. */
      char date[16];
      int rc;
      gint64 day = ops / N_DESKS;

      if ((max_ops > 0 && ops >= max_ops) || (max_ops == 0 && g_get_monotonic_time () >= deadline))
        break;
      g_snprintf (date, sizeof date, "%04d-%02d-%02d", 2100 + (int) (day / 336),
                  1 + (int) (day / 28 % 12), 1 + (int) (day % 28));
      if (exec (db, "BEGIN IMMEDIATE"))
        goto fail;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, 1 + ops % N_DESKS);
      sqlite3_bind_int64 (stmt, 2, 1 + ops % N_USERS);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, "2024-01-01T08:00:00Z", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, 1 + ops % N_USERS);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          g_printerr ("storage-baseline: insert: %s\n", sqlite3_errmsg (db));
          exec (db, "ROLLBACK");
          goto fail;
        }
      if (exec (db, "COMMIT"))
        goto fail;
      ops++;
    }
  end = g_get_monotonic_time ();

  g_print ("storage_ops_per_s: %.0f\n", ops / ((end - start) / (double) G_USEC_PER_SEC));
  g_print ("storage_ops: %" G_GINT64_FORMAT "\n", ops);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!keep)
    remove_db (path);
  return 0;

fail:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!keep)
    remove_db (path);
  return 1;
}
