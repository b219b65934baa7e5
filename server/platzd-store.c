/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-store"

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "platz-error.h"
#include "platz-schemas-resources.h"
#include "platzd-store.h"

#define SCHEMA_PREFIX "/org/platz/schemas/migrations"
#define STATEMENT_CACHE_MAX 512

typedef struct {
  PlatzdStoreWatchFunc func;
  gpointer             data;
} Watch;

struct _PlatzdStore {
  sqlite3    *db;
  GHashTable *statements;   /* sql -> sqlite3_stmt* */
  GData      *data;         /* platzd_store_set_data () */
  GArray     *watches;      /* Watch */
  gint64      hook_changes; /* rows the update hook reported since the last sync */
  gint64      total_changes;
  gint64      data_version;
  guint64     unseen;       /* platzd_store_sync () */
  /* Group commit (platzd_store_begin ()) */
  gboolean    group_commit;
  gboolean    group_open;
  gboolean    in_unit;
  guint       group_units;
  gsize       waiting_bytes;
  guint       group_idle;
  guint       group_timeout;
  GArray     *durables;     /* Durable */
  gboolean    group_lost;   /* SQLite rolled the group back itself (disk full) */
  PlatzErrorCode commit_failure; /* why the last failed COMMIT failed */
  gboolean    corrupt_seen;      /* a statement found a damaged page */
  PlatzErrorCode storage_failure; /* the last DATABASE_* error of a statement */
};

static void   on_update_cb (void          *data,
                            int            op,
                            const char    *db_name,
                            const char    *table,
                            sqlite3_int64  rowid);
static gint64 data_version (PlatzdStore   *store);

/* Auxiliary */

/* Whether a failed write is for want of room: the file system of the
 * database has (almost) no space left, or the database or its
 * write-ahead log has reached the process's file-size limit (ulimit -f;
 * past it write(2) fails with EFBIG, which SQLite reports as an I/O
 * error, and by then errno is gone). */
#define STORAGE_SLACK (1024 * 1024)

static gboolean
storage_exhausted (sqlite3 *db)
{
  const char *path = db ? sqlite3_db_filename (db, "main") : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wal = NULL;
  struct statvfs fs;
  struct rlimit limit;
  GStatBuf st;

  if (path == NULL || *path == '\0')
    return FALSE;
  dir = g_path_get_dirname (path);
  if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < STORAGE_SLACK)
    return TRUE;
  if (getrlimit (RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return FALSE;
  wal = g_strconcat (path, "-wal", NULL);
  return (g_stat (path, &st) == 0 && (guint64) st.st_size + 65536 > limit.rlim_cur) ||
         (g_stat (wal, &st) == 0 && (guint64) st.st_size + 65536 > limit.rlim_cur);
}

/* The code for an SQLite result: a full disk (or file-size limit) and a
 * damaged file are the server's trouble, answered 503 with a reason that
 * says which, never a 500 that looks like a bug. */
static PlatzErrorCode
code_for_rc (sqlite3 *db,
             int      rc)
{
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_CONSTRAINT:
      return PLATZ_ERROR_CONFLICT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PLATZ_ERROR_UNAVAILABLE;
    case SQLITE_FULL:
      return PLATZ_ERROR_DATABASE_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return PLATZ_ERROR_DATABASE_CORRUPT;
    case SQLITE_IOERR:
      return storage_exhausted (db) ? PLATZ_ERROR_DATABASE_FULL
                                    : PLATZ_ERROR_DATABASE_UNAVAILABLE;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return PLATZ_ERROR_DATABASE_UNAVAILABLE;
    default:
      return PLATZ_ERROR_INTERNAL;
    }
}

static const char *
message_for_code (PlatzErrorCode code)
{
  switch (code)
    {
    case PLATZ_ERROR_DATABASE_FULL:
      return "The database is full (no space left for it); nothing was saved";
    case PLATZ_ERROR_DATABASE_CORRUPT:
      return "The database file is damaged";
    case PLATZ_ERROR_DATABASE_UNAVAILABLE:
      return "The database cannot be read or written (an I/O error)";
    default:
      return NULL;
    }
}

static void
set_error_from (PlatzdStore *store,
                int          rc,
                const char  *message,
                GError     **error)
{
  PlatzErrorCode code = code_for_rc (store->db, rc);

  if (code == PLATZ_ERROR_DATABASE_CORRUPT)
    store->corrupt_seen = TRUE;
  if (message_for_code (code) != NULL)
    {
      store->storage_failure = code;
      /* What SQLite said goes to the log, not to the client. */
      g_printerr ("platzd: database error: %s\n", message);
      g_set_error_literal (error, PLATZ_ERROR, code, message_for_code (code));
    }
  else if (code == PLATZ_ERROR_CONFLICT)
    g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_CONFLICT, "%s", message);
  else if (code == PLATZ_ERROR_UNAVAILABLE)
    g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_UNAVAILABLE, "The database is busy: %s", message);
  else
    g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INTERNAL, "Database error: %s", message);
}

void
platzd_store_set_error (PlatzdStore *store,
                        int          rc,
                        GError     **error)
{
  set_error_from (store, rc, sqlite3_errmsg (store->db), error);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

sqlite3_stmt *
platzd_store_prepare (PlatzdStore *store,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (g_hash_table_size (store->statements) >= STATEMENT_CACHE_MAX)
    g_hash_table_remove_all (store->statements);

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      platzd_store_set_error (store, rc, error);
      g_prefix_error (error, "Preparing \"%.60s\": ", sql);
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
platzd_store_exec (PlatzdStore *store,
                   const char  *sql,
                   GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      set_error_from (store, rc, message ? message : sqlite3_errstr (rc), error);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
platzd_store_step_done (PlatzdStore  *store,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      platzd_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
platzd_store_query_int (PlatzdStore  *store,
                        sqlite3_stmt *stmt,
                        gint64        def,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);
  gint64 value = def;

  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    platzd_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return value;
}

/* Write transactions and group commit.
 *
 * Without group commit each platzd_store_begin () .. commit () is one
 * BEGIN IMMEDIATE .. COMMIT, one fsync of the WAL.  With it (the serving
 * server), the first write opens a transaction that gathers the writes
 * made until the main loop runs out of work (or GROUP_MAX_UNITS writes,
 * or GROUP_MAX_DELAY_MS), each write a SAVEPOINT of its own that commit ()
 * releases into the group and rollback () undoes alone.  Then one COMMIT
 * makes them all durable at once; the callbacks of platzd_store_when_
 * durable () learn whether it worked, and only then are answers sent.
 */

#define GROUP_MAX_UNITS 64
#define GROUP_MAX_DELAY_MS 5
/* Answers held for the COMMIT keep their bodies: a bound on their memory. */
#define GROUP_MAX_WAITING 64
#define GROUP_MAX_WAITING_BYTES (2 * 1024 * 1024)

typedef struct {
  PlatzdStoreDurableFunc func;
  gpointer               data;
} Durable;

static gboolean
group_flush_cb (gpointer data)
{
  PlatzdStore *store = data;

  platzd_store_flush (store);
  return G_SOURCE_REMOVE;
}

void
platzd_store_set_group_commit (PlatzdStore *store,
                               gboolean     enabled)
{
  if (!enabled)
    platzd_store_flush (store);
  store->group_commit = enabled;
}

/* After SQLITE_FULL or an I/O error SQLite may roll back the whole
 * transaction, not only the statement: the group's earlier writes are
 * gone too, and their answers must say so (503 at the flush). */
static void
check_group_lost (PlatzdStore *store)
{
  if (store->group_open && sqlite3_get_autocommit (store->db))
    store->group_lost = TRUE;
}

gboolean
platzd_store_begin (PlatzdStore *store,
                    GError     **error)
{
  g_assert (!store->in_unit);
  if (!store->group_commit)
    return platzd_store_exec (store, "BEGIN IMMEDIATE", error);
  if (store->group_open && (store->group_units >= GROUP_MAX_UNITS || store->group_lost))
    platzd_store_flush (store);
  if (!store->group_open)
    {
      if (!platzd_store_exec (store, "BEGIN IMMEDIATE", error))
        return FALSE;
      store->group_open = TRUE;
      store->group_idle = g_idle_add (group_flush_cb, store);
      store->group_timeout = g_timeout_add (GROUP_MAX_DELAY_MS, group_flush_cb, store);
    }
  if (!platzd_store_exec (store, "SAVEPOINT platzd_unit", error))
    return FALSE;
  store->in_unit = TRUE;
  store->group_units++;
  return TRUE;
}

gboolean
platzd_store_commit (PlatzdStore *store,
                     GError     **error)
{
  if (store->in_unit)
    {
      store->in_unit = FALSE;
      if (!platzd_store_exec (store, "RELEASE platzd_unit", error))
        {
          sqlite3_exec (store->db, "ROLLBACK TO platzd_unit; RELEASE platzd_unit", NULL, NULL,
                        NULL);
          check_group_lost (store);
          return FALSE;
        }
      return TRUE;
    }
  if (!platzd_store_exec (store, "COMMIT", error))
    {
      platzd_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

void
platzd_store_rollback (PlatzdStore *store)
{
  if (store->in_unit)
    {
      store->in_unit = FALSE;
      sqlite3_exec (store->db, "ROLLBACK TO platzd_unit; RELEASE platzd_unit", NULL, NULL, NULL);
      check_group_lost (store);
      return;
    }
  /* Never the writes of a group that is not this caller's. */
  if (!store->group_open && !sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
platzd_store_when_durable (PlatzdStore            *store,
                           gsize                   size,
                           PlatzdStoreDurableFunc  func,
                           gpointer                data)
{
  Durable durable = { func, data };

  if (store->group_open && (store->durables->len >= GROUP_MAX_WAITING ||
                            store->waiting_bytes + size > GROUP_MAX_WAITING_BYTES))
    platzd_store_flush (store);
  if (!store->group_open)
    return FALSE;
  g_array_append_val (store->durables, durable);
  store->waiting_bytes += size;
  return TRUE;
}

gboolean
platzd_store_flush (PlatzdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) durables = NULL;
  gboolean ok;

  if (!store->group_open)
    return TRUE;
  g_assert (!store->in_unit);
  g_clear_handle_id (&store->group_idle, g_source_remove);
  g_clear_handle_id (&store->group_timeout, g_source_remove);
  if (store->group_lost)
    {
      ok = FALSE;
      /* Why: what the statement that lost it ran into (a full disk). */
      g_set_error_literal (&error, PLATZ_ERROR, store->storage_failure,
                           "the database rolled the transaction back");
    }
  else
    ok = platzd_store_exec (store, "COMMIT", &error);
  if (!ok)
    {
      g_printerr ("platzd: error: cannot commit %u writes: %s\n", store->group_units,
                  error->message);
      if (!sqlite3_get_autocommit (store->db))
        sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      store->commit_failure = error->domain == PLATZ_ERROR ? (PlatzErrorCode) error->code
                                                           : PLATZ_ERROR_DATABASE_UNAVAILABLE;
      /* Caches may hold what was never committed. */
      store->unseen++;
    }
  store->group_lost = FALSE;
  store->group_open = FALSE;
  store->group_units = 0;
  store->waiting_bytes = 0;
  durables = g_steal_pointer (&store->durables);
  store->durables = g_array_new (FALSE, FALSE, sizeof (Durable));
  for (guint i = 0; i < durables->len; i++)
    {
      Durable *durable = &g_array_index (durables, Durable, i);

      durable->func (ok, durable->data);
    }
  return ok;
}

PlatzErrorCode
platzd_store_commit_failure (PlatzdStore *store)
{
  return store->commit_failure;
}

/* Health */

/* PRAGMA quick_check reads every page of the file (without comparing
 * indexes with their tables): 50 to 200 ms for the 2.6 MB demo database
 * on a busy two-core machine, once at start. */
/* The error says what SQLite found; nothing is logged here. */
static gboolean
quick_check (PlatzdStore *store,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  g_autofree char *result = NULL;
  PlatzErrorCode code;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (result != NULL && strcmp (result, "ok") == 0)
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }
  /* One line: SQLite starts its report with "*** in database main ***\n". */
  if (result != NULL)
    g_strdelimit (result, "\r\n", ' ');
  code = result != NULL ? PLATZ_ERROR_DATABASE_CORRUPT : code_for_rc (store->db, rc);
  if (message_for_code (code) == NULL)
    code = PLATZ_ERROR_DATABASE_UNAVAILABLE;
  g_set_error (error, PLATZ_ERROR, code, "%s (quick_check: %s)", message_for_code (code),
               result != NULL ? result : sqlite3_errmsg (store->db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* The size limit of the connection (PRAGMA max_page_count) reached with
 * no free page left: the next write that needs a page fails. */
static gboolean
has_room (PlatzdStore *store)
{
  sqlite3_stmt *stmt;
  gint64 pages = 0, max = 0, free_pages = 0;

  if ((stmt = platzd_store_prepare (store, "PRAGMA page_count", NULL)) != NULL)
    pages = platzd_store_query_int (store, stmt, 0, NULL);
  if ((stmt = platzd_store_prepare (store, "PRAGMA max_page_count", NULL)) != NULL)
    max = platzd_store_query_int (store, stmt, 0, NULL);
  if ((stmt = platzd_store_prepare (store, "PRAGMA freelist_count", NULL)) != NULL)
    free_pages = platzd_store_query_int (store, stmt, 0, NULL);
  return max <= 0 || pages < max || free_pages > 0;
}

gboolean
platzd_store_check_health (PlatzdStore *store,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *stamp = platzd_now_utc ();
  gint64 before;

  g_return_val_if_fail (!store->in_unit, FALSE);
  /* What is waiting is committed first: the probe is a transaction of
   * its own, and a failed group shows here too. */
  if (!platzd_store_flush (store))
    {
      PlatzErrorCode code = store->commit_failure;

      g_set_error_literal (error, PLATZ_ERROR, code,
                           message_for_code (code) ? message_for_code (code)
                                                   : "The database could not save changes");
      return FALSE;
    }
  /* A whole quick_check would hold every request for as long as it
   * reads the file (seconds for a large one); damage any query ran into
   * since the start is reported instead. */
  if (store->corrupt_seen)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_DATABASE_CORRUPT,
                           message_for_code (PLATZ_ERROR_DATABASE_CORRUPT));
      return FALSE;
    }
  /* Reads the core tables through, then writes and commits one row: a
   * full disk shows only when a COMMIT must grow the write-ahead log.
   * The row is padded to 32 KiB (some eight pages), more than an ordinary
   * write takes with its indexes and audit entry, so that a log with room
   * for a tiny probe but not for a booking is not called healthy. */
  stmt = platzd_store_prepare (store, "SELECT (SELECT count(*) FROM sites) + "
                               "(SELECT count(*) FROM users) + (SELECT count(*) FROM desks)",
                               error);
  if (stmt == NULL || platzd_store_query_int (store, stmt, -1, error) < 0)
    return FALSE;
  if (!has_room (store))
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_DATABASE_FULL,
                           message_for_code (PLATZ_ERROR_DATABASE_FULL));
      return FALSE;
    }
  if (!platzd_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  before = sqlite3_total_changes64 (store->db);
  stmt = platzd_store_prepare (store,
                               "INSERT OR REPLACE INTO platz_meta (key, value) "
                               "VALUES ('health_probe', printf ('%-32768s', ?))", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT);
  if (stmt == NULL || !platzd_store_step_done (store, stmt, error) ||
      !platzd_store_exec (store, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (store->db))
        sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  /* No cache holds platz_meta: the probe is not news to them (the
   * table has no rowid, so the update hook did not count it). */
  store->hook_changes += sqlite3_total_changes64 (store->db) - before;
  return TRUE;
}

char *
platzd_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Migrations */

static gboolean
apply_migrations (PlatzdStore *store,
                  GError     **error)
{
  g_auto(GStrv) names = NULL;
  gint64 version;
  sqlite3_stmt *stmt;

  /* Referencing the resource links it in from the static library. */
  (void) platz_schemas_get_resource ();
  names = g_resources_enumerate_children (SCHEMA_PREFIX, 0, error);
  if (names == NULL)
    return FALSE;
  /* Files are named NNN-what.sql: sorted by name is sorted by number. */
  {
    guint n = g_strv_length (names);
    for (guint i = 1; i < n; i++)
      for (guint j = i; j > 0 && strcmp (names[j - 1], names[j]) > 0; j--)
        {
          char *t = names[j];
          names[j] = names[j - 1];
          names[j - 1] = t;
        }
  }

  stmt = platzd_store_prepare (store, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  version = platzd_store_query_int (store, stmt, 0, error);
  if (error && *error)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_PREFIX "/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      gint64 number = g_ascii_strtoll (names[i], NULL, 10);

      if (number <= version)
        continue;
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, number);

      if (!platzd_store_begin (store, error))
        return FALSE;
      if (!platzd_store_exec (store, sql, error) ||
          !platzd_store_exec (store, set_version, error) ||
          !platzd_store_exec (store,
                              "INSERT OR REPLACE INTO platz_meta (key, value) "
                              "VALUES ('application', 'platz')", error) ||
          !platzd_store_commit (store, error))
        {
          platzd_store_rollback (store);
          g_prefix_error (error, "Migration %s failed: ", names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks that an existing, non-empty file is one of ours before touching it. */
static gboolean
check_is_platz (PlatzdStore *store,
                const char  *path,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 tables;
  gint64 ours;

  stmt = platzd_store_prepare (store, "SELECT count(*) FROM sqlite_schema", error);
  if (stmt == NULL)
    {
      g_clear_error (error);
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INTERNAL,
                   "%s is not a Platz database (not an SQLite file)", path);
      return FALSE;
    }
  tables = platzd_store_query_int (store, stmt, 0, error);
  if (error && *error)
    {
      g_clear_error (error);
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INTERNAL,
                   "%s is not a Platz database (not an SQLite file)", path);
      return FALSE;
    }
  if (tables == 0)
    return TRUE;

  stmt = platzd_store_prepare (store,
                               "SELECT count(*) FROM sqlite_schema "
                               "WHERE type = 'table' AND name = 'platz_meta'", error);
  if (stmt == NULL)
    return FALSE;
  ours = platzd_store_query_int (store, stmt, 0, error);
  if (ours == 0)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INTERNAL,
                   "%s is an SQLite database of another program, not a Platz database", path);
      return FALSE;
    }
  return TRUE;
}

PlatzdStore *
platzd_store_open (const char *path,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  PlatzdStore *store = g_new0 (PlatzdStore, 1);
  int rc;

  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  store->watches = g_array_new (FALSE, FALSE, sizeof (Watch));
  store->durables = g_array_new (FALSE, FALSE, sizeof (Durable));
  store->storage_failure = PLATZ_ERROR_DATABASE_UNAVAILABLE;
  rc = sqlite3_open_v2 (path, &store->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INTERNAL, "Cannot open database %s: %s",
                   path, store->db ? sqlite3_errmsg (store->db) : sqlite3_errstr (rc));
      platzd_store_close (store);
      return NULL;
    }
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, 5000);

  if (!check_is_platz (store, path, &local_error))
    goto fail;
  /* A damaged file is found before anything is served from it (or
   * written into it). */
  if (!quick_check (store, &local_error))
    {
      g_prefix_error (&local_error, "%s: ", path);
      goto fail;
    }
  if (!platzd_store_exec (store, "PRAGMA journal_mode = WAL", &local_error) ||
      !platzd_store_exec (store, "PRAGMA synchronous = FULL", &local_error) ||
      !platzd_store_exec (store, "PRAGMA foreign_keys = ON", &local_error) ||
      !platzd_store_exec (store, "PRAGMA temp_store = MEMORY", &local_error))
    {
      g_prefix_error (&local_error, "Cannot set up database %s: ", path);
      goto fail;
    }
  if (!apply_migrations (store, &local_error))
    goto fail;
  sqlite3_update_hook (store->db, on_update_cb, store);
  store->total_changes = sqlite3_total_changes64 (store->db);
  store->data_version = data_version (store);
  return store;

fail:
  g_propagate_error (error, g_steal_pointer (&local_error));
  platzd_store_close (store);
  return NULL;
}

void
platzd_store_close (PlatzdStore *store)
{
  if (store == NULL)
    return;
  if (store->db != NULL)
    platzd_store_flush (store);
  g_clear_pointer (&store->durables, g_array_unref);
  g_datalist_clear (&store->data);
  if (store->db != NULL)
    sqlite3_update_hook (store->db, NULL, NULL);
  g_clear_pointer (&store->watches, g_array_unref);
  g_clear_pointer (&store->statements, g_hash_table_unref);
  if (store->db != NULL)
    sqlite3_close_v2 (store->db);
  g_free (store);
}

/* Watching writes */

static void
on_update_cb (void          *data,
              int            op,
              const char    *db_name,
              const char    *table,
              sqlite3_int64  rowid)
{
  PlatzdStore *store = data;

  store->hook_changes++;
  for (guint i = 0; i < store->watches->len; i++)
    {
      Watch *watch = &g_array_index (store->watches, Watch, i);

      watch->func (watch->data, op, table, rowid);
    }
}

void
platzd_store_watch (PlatzdStore          *store,
                    PlatzdStoreWatchFunc  func,
                    gpointer              data)
{
  Watch watch = { func, data };

  g_array_append_val (store->watches, watch);
}

void
platzd_store_unwatch (PlatzdStore          *store,
                      PlatzdStoreWatchFunc  func,
                      gpointer              data)
{
  for (guint i = 0; i < store->watches->len; i++)
    {
      Watch *watch = &g_array_index (store->watches, Watch, i);

      if (watch->func == func && watch->data == data)
        {
          g_array_remove_index (store->watches, i);
          return;
        }
    }
}

static gint64
data_version (PlatzdStore *store)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, "PRAGMA data_version", NULL);

  return stmt != NULL ? platzd_store_query_int (store, stmt, -1, NULL) : -1;
}

guint64
platzd_store_sync (PlatzdStore *store)
{
  gint64 version = data_version (store);
  gint64 total = sqlite3_total_changes64 (store->db);

  if (version != store->data_version || total - store->total_changes != store->hook_changes)
    store->unseen++;
  store->data_version = version;
  store->total_changes = total;
  store->hook_changes = 0;
  return store->unseen;
}

guint64
platzd_store_unseen (PlatzdStore *store)
{
  return store->unseen;
}

sqlite3 *
platzd_store_db (PlatzdStore *store)
{
  return store->db;
}

void
platzd_store_set_data (PlatzdStore   *store,
                       const char    *key,
                       gpointer       data,
                       GDestroyNotify destroy)
{
  g_datalist_set_data_full (&store->data, key, data, destroy);
}

gpointer
platzd_store_get_data (PlatzdStore *store,
                       const char  *key)
{
  return g_datalist_get_data (&store->data, key);
}

gboolean
platzd_store_is_empty (PlatzdStore *store)
{
  sqlite3_stmt *stmt = platzd_store_prepare (store, "SELECT count(*) FROM users", NULL);

  return stmt == NULL || platzd_store_query_int (store, stmt, 0, NULL) == 0;
}

/* Tags */

char *
platzd_tags_to_json (char * const *tags)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      /* Tags are validated to [a-z0-9_]+ (or enum values): no escaping needed. */
      g_string_append_printf (s, "%s\"%s\"", i ? "," : "", tags[i]);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

char **
platzd_tags_from_json (const char *json)
{
  GPtrArray *tags = g_ptr_array_new ();
  const char *p = json;

  while (p != NULL && (p = strchr (p, '"')) != NULL)
    {
      const char *end = strchr (p + 1, '"');
      if (end == NULL)
        break;
      g_ptr_array_add (tags, g_strndup (p + 1, end - p - 1));
      p = end + 1;
    }
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

/* Rows and structs */

static gboolean
is_column (const PlatzField *field)
{
  return !(field->flags & PLATZ_F_NOCOLUMN);
}

char *
platzd_store_columns (const PlatzType *type)
{
  return platzd_store_columns_of (type, NULL);
}

char *
platzd_store_columns_of (const PlatzType *type,
                         const char      *alias)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < type->n_fields; i++)
    if (is_column (&type->fields[i]))
      g_string_append_printf (s, "%s%s%s\"%s\"", s->len ? ", " : "", alias ? alias : "",
                              alias ? "." : "", type->fields[i].name);
  return g_string_free (s, FALSE);
}

void
platzd_store_read_row (const PlatzType *type,
                       sqlite3_stmt    *stmt,
                       int              first,
                       gpointer         obj)
{
  int col = first;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      gpointer p = PLATZ_FIELD_PTR (obj, field);

      if (!is_column (field))
        continue;
      switch (field->type)
        {
        case PLATZ_FIELD_ID:
        case PLATZ_FIELD_REF:
        case PLATZ_FIELD_INT:
        case PLATZ_FIELD_WEEKDAYS:
          *(gint64 *) p = sqlite3_column_int64 (stmt, col);
          break;
        case PLATZ_FIELD_NUMBER:
          *(double *) p = sqlite3_column_double (stmt, col);
          break;
        case PLATZ_FIELD_BOOL:
          *(gboolean *) p = sqlite3_column_int (stmt, col) != 0;
          break;
        case PLATZ_FIELD_TAGS:
          g_strfreev (*(char ***) p);
          *(char ***) p = platzd_tags_from_json ((const char *) sqlite3_column_text (stmt, col));
          break;
        default:
          g_free (*(char **) p);
          *(char **) p = g_strdup ((const char *) sqlite3_column_text (stmt, col));
          break;
        }
      col++;
    }
}

void
platzd_store_bind_field (sqlite3_stmt     *stmt,
                         int               index,
                         const PlatzField *field,
                         gconstpointer     obj)
{
  gconstpointer p = PLATZ_FIELD_PTR (obj, field);

  switch (field->type)
    {
    case PLATZ_FIELD_ID:
    case PLATZ_FIELD_REF:
      if (*(const gint64 *) p == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, *(const gint64 *) p);
      break;
    case PLATZ_FIELD_INT:
      if (*(const gint64 *) p == 0 && (field->flags & PLATZ_F_NULL))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, *(const gint64 *) p);
      break;
    case PLATZ_FIELD_WEEKDAYS:
      sqlite3_bind_int64 (stmt, index, *(const gint64 *) p);
      break;
    case PLATZ_FIELD_NUMBER:
      sqlite3_bind_double (stmt, index, *(const double *) p);
      break;
    case PLATZ_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, *(const gboolean *) p ? 1 : 0);
      break;
    case PLATZ_FIELD_TAGS:
      sqlite3_bind_text (stmt, index, platzd_tags_to_json (*(char * const * const *) p), -1,
                         g_free);
      break;
    default:
      {
        const char *s = *(const char * const *) p;
        if (s == NULL)
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
      }
      break;
    }
}

gboolean
platzd_store_exists (PlatzdStore *store,
                     const char  *table,
                     gint64       id,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return platzd_store_query_int (store, stmt, 0, error) == 1;
}

gpointer
platzd_store_get (PlatzdStore     *store,
                  const PlatzType *type,
                  gint64           id,
                  GError         **error)
{
  g_autofree char *columns = platzd_store_columns (type);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, type->table);
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, error);
  gpointer obj;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_NOT_FOUND,
                   "There is no %s with id %" G_GINT64_FORMAT, type->name, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      platzd_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  obj = platz_object_new (type);
  platzd_store_read_row (type, stmt, 0, obj);
  sqlite3_reset (stmt);
  return obj;
}

static void
free_object_cb (gpointer data,
                gpointer user_data)
{
  platz_object_free (user_data, data);
}

GPtrArray *
platzd_store_list (PlatzdStore     *store,
                   const PlatzType *type,
                   const char      *where,
                   GArray          *values,
                   GError         **error)
{
  g_autofree char *columns = platzd_store_columns (type);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT %s FROM %s %s%s ORDER BY id", columns, type->table,
                         where ? "WHERE " : "", where ? where : "");
  stmt = platzd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; values != NULL && i < values->len; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, g_array_index (values, gint64, i));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer obj = platz_object_new (type);
      platzd_store_read_row (type, stmt, 0, obj);
      g_ptr_array_add (result, obj);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      platzd_store_set_error (store, rc, error);
      g_ptr_array_foreach (result, free_object_cb, (gpointer) type);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gint64
platzd_store_insert (PlatzdStore     *store,
                     const PlatzType *type,
                     gconstpointer    obj,
                     guint64          present,
                     GError         **error)
{
  GString *cols = g_string_new (NULL);
  GString *vals = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int n = 0;
  int rc;
  gint64 id;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      if (!is_column (field) || !(present & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      g_string_append_printf (cols, "%s\"%s\"", n ? ", " : "", field->name);
      g_string_append_printf (vals, "%s?", n ? ", " : "");
      n++;
    }
  if (n == 0)
    sql = g_strdup_printf ("INSERT INTO %s DEFAULT VALUES RETURNING id", type->table);
  else
    sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) RETURNING id", type->table, cols->str,
                           vals->str);
  g_string_free (cols, TRUE);
  g_string_free (vals, TRUE);

  stmt = platzd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return 0;
  n = 0;
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      if (!is_column (field) || !(present & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      platzd_store_bind_field (stmt, ++n, field, obj);
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      platzd_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
platzd_store_update (PlatzdStore     *store,
                     const PlatzType *type,
                     gint64           id,
                     gconstpointer    obj,
                     guint64          present,
                     GError         **error)
{
  GString *sets = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int n = 0;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      if (!is_column (field) || !(present & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      g_string_append_printf (sets, "%s\"%s\" = ?", n ? ", " : "", field->name);
      n++;
    }
  if (n == 0)
    {
      g_string_free (sets, TRUE);
      return TRUE;
    }
  sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?", type->table, sets->str);
  g_string_free (sets, TRUE);

  stmt = platzd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  n = 0;
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      if (!is_column (field) || !(present & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      platzd_store_bind_field (stmt, ++n, field, obj);
    }
  sqlite3_bind_int64 (stmt, n + 1, id);
  return platzd_store_step_done (store, stmt, error);
}

gboolean
platzd_store_delete (PlatzdStore *store,
                     const char  *table,
                     gint64       id,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = platzd_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return platzd_store_step_done (store, stmt, error);
}
