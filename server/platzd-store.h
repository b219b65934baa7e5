/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The store owns the one SQLite connection of the server (a single writer:
 * SQLite 3.40 has a WAL-reset bug when two connections write or checkpoint
 * at once).  It applies the migrations, caches prepared statements, runs
 * write transactions and maps the domain types onto rows through their
 * field tables.
 */
#pragma once

#include <sqlite3.h>

#include "platz-error.h"
#include "platz-model.h"

G_BEGIN_DECLS

typedef struct _PlatzdStore PlatzdStore;

PlatzdStore  *platzd_store_open     (const char   *path,
                                     GError      **error);
void          platzd_store_close    (PlatzdStore  *store);
sqlite3      *platzd_store_db       (PlatzdStore  *store);
/* State other modules keep per store (caches), destroyed when the store
 * closes, before its connection. */
void          platzd_store_set_data (PlatzdStore   *store,
                                     const char    *key,
                                     gpointer       data,
                                     GDestroyNotify destroy);
gpointer      platzd_store_get_data (PlatzdStore   *store,
                                     const char    *key);
/* Watching writes, for caches.  The watch functions are called from
 * SQLite's update hook for every row the server's connection writes (no
 * queries allowed there).  The hook does not see writes by other
 * processes on the same file, nor rows of WITHOUT ROWID tables:
 * platzd_store_sync (), run once at the start of every request, finds
 * those (PRAGMA data_version, sqlite3_total_changes64 against the rows
 * the hook reported) and then increments the counter that it and
 * platzd_store_unseen () return.  A cache that saw a different counter
 * than the current one drops everything. */
typedef void (*PlatzdStoreWatchFunc) (gpointer    data,
                                      int         op,
                                      const char *table,
                                      gint64      rowid);
void          platzd_store_watch    (PlatzdStore          *store,
                                     PlatzdStoreWatchFunc  func,
                                     gpointer              data);
void          platzd_store_unwatch  (PlatzdStore          *store,
                                     PlatzdStoreWatchFunc  func,
                                     gpointer              data);
guint64       platzd_store_sync     (PlatzdStore  *store);
guint64       platzd_store_unseen   (PlatzdStore  *store);

/* TRUE when the database has no user yet (a fresh file). */
gboolean      platzd_store_is_empty (PlatzdStore  *store);

/* A cached statement, reset and with bindings cleared; do not finalize. */
sqlite3_stmt *platzd_store_prepare  (PlatzdStore  *store,
                                     const char   *sql,
                                     GError      **error);
gboolean      platzd_store_exec     (PlatzdStore  *store,
                                     const char   *sql,
                                     GError      **error);
/* Steps a statement that returns no rows (or ignores them). */
gboolean      platzd_store_step_done (PlatzdStore *store,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
/* Runs a query whose first column is an integer; returns def when no row. */
gint64        platzd_store_query_int (PlatzdStore *store,
                                      sqlite3_stmt *stmt,
                                      gint64       def,
                                      GError     **error);

/* One write: begin () .. commit () or rollback ().  With group commit on
 * (the serving server), commit () makes the write part of a group that
 * becomes durable at the next platzd_store_flush (), which runs by itself
 * when the main loop is idle (or the group is full or 5 ms old); an
 * answer that depends on it waits through platzd_store_when_durable (). */
gboolean      platzd_store_begin    (PlatzdStore  *store,
                                     GError      **error);
gboolean      platzd_store_commit   (PlatzdStore  *store,
                                     GError      **error);
void          platzd_store_rollback (PlatzdStore  *store);
void          platzd_store_set_group_commit (PlatzdStore *store,
                                             gboolean     enabled);
typedef void (*PlatzdStoreDurableFunc) (gboolean ok,
                                        gpointer data);
/* When writes are waiting for their COMMIT, calls func after it (ok is
 * FALSE when it failed and they are lost) and returns TRUE; otherwise
 * returns FALSE at once: everything written is durable.  size: the bytes
 * the caller holds until then (too many waiting commit the group now). */
gboolean      platzd_store_when_durable (PlatzdStore            *store,
                                         gsize                   size,
                                         PlatzdStoreDurableFunc  func,
                                         gpointer                data);
/* Commits the waiting group now; FALSE when that failed. */
gboolean      platzd_store_flush    (PlatzdStore  *store);
/* Why the last failed COMMIT failed: PLATZ_ERROR_DATABASE_FULL,
 * _CORRUPT, _UNAVAILABLE or another code of the store's errors. */
PlatzErrorCode platzd_store_commit_failure (PlatzdStore *store);

/* For GET /healthz: commits what waits, reads the core tables and
 * commits a one-row write (platz_meta 'health_probe').  FALSE with
 * PLATZ_ERROR_DATABASE_FULL (also when the size limit is reached),
 * _CORRUPT (also when any statement since the start met a damaged page;
 * the whole file is checked at open) or _UNAVAILABLE saying what is
 * wrong. */
gboolean      platzd_store_check_health (PlatzdStore *store,
                                         GError     **error);

/* Turns the connection's last error into a GError: constraint violations
 * become PLATZ_ERROR_CONFLICT, busy UNAVAILABLE, a full disk or size limit
 * DATABASE_FULL, a damaged file DATABASE_CORRUPT, I/O errors
 * DATABASE_UNAVAILABLE (all 503), the rest INTERNAL. */
void          platzd_store_set_error (PlatzdStore *store,
                                      int          rc,
                                      GError     **error);

/* Rows <-> structs through the field tables.  Columns are the type's
 * column fields in table order, starting at column `first`. */
char         *platzd_store_columns  (const PlatzType *type);
/* The same, each column prefixed with "alias." */
char         *platzd_store_columns_of (const PlatzType *type,
                                       const char      *alias);
void          platzd_store_read_row (const PlatzType *type,
                                     sqlite3_stmt    *stmt,
                                     int              first,
                                     gpointer         obj);
void          platzd_store_bind_field (sqlite3_stmt     *stmt,
                                       int               index,
                                       const PlatzField *field,
                                       gconstpointer     obj);

/* Generic object access for the structure resources. */
gpointer      platzd_store_get      (PlatzdStore     *store,
                                     const PlatzType *type,
                                     gint64           id,
                                     GError         **error);
gboolean      platzd_store_exists   (PlatzdStore     *store,
                                     const char      *table,
                                     gint64           id,
                                     GError         **error);
/* where: an SQL condition with one ? per value, or NULL for all rows. */
GPtrArray    *platzd_store_list     (PlatzdStore     *store,
                                     const PlatzType *type,
                                     const char      *where,
                                     GArray          *values,
                                     GError         **error);
/* Inserts the present column fields; returns the new id or 0. */
gint64        platzd_store_insert   (PlatzdStore     *store,
                                     const PlatzType *type,
                                     gconstpointer    obj,
                                     guint64          present,
                                     GError         **error);
gboolean      platzd_store_update   (PlatzdStore     *store,
                                     const PlatzType *type,
                                     gint64           id,
                                     gconstpointer    obj,
                                     guint64          present,
                                     GError         **error);
gboolean      platzd_store_delete   (PlatzdStore     *store,
                                     const char      *table,
                                     gint64           id,
                                     GError         **error);

/* Tags are stored as a JSON array of plain tags: ["a","b"]. */
char         *platzd_tags_to_json   (char * const *tags);
char        **platzd_tags_from_json (const char   *json);

/* Current time as the server stores it: UTC RFC 3339. */
char         *platzd_now_utc        (void);

G_END_DECLS
