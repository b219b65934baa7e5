/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's group commit, in-process against a real database file, with
 * a second connection on the same file showing what is durable. */
#include "config.h"

#include <glib/gstdio.h>

#include "platzd-store.h"

typedef struct {
  char        *dir;
  char        *path;
  PlatzdStore *store;
  sqlite3     *other;   /* another connection: sees only committed data */
} Fixture;

typedef struct {
  guint    calls;
  gboolean ok;
} Durable;

static void
on_durable_cb (gboolean ok,
               gpointer data)
{
  Durable *durable = data;

  durable->calls++;
  durable->ok = ok;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("platz-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "s.db", NULL);
  f->store = platzd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->other, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  platzd_store_set_group_commit (f->store, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  platzd_store_close (f->store);
  sqlite3_close (f->other);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Rows of sites as another connection sees them: only committed ones. */
static gint64
committed_sites (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (f->other, "SELECT count(*) FROM sites", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
write_unit (Fixture    *f,
            const char *sql,
            gboolean    keep)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (platzd_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (platzd_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  if (keep)
    {
      g_assert_true (platzd_store_commit (f->store, &error));
      g_assert_no_error (error);
    }
  else
    platzd_store_rollback (f->store);
}

static void
run_main_loop_until (guint *calls)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*calls == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Writes become durable together when the main loop is idle; a write
 * rolled back leaves the others of its group alone. */
static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  Durable durable = { 0 };

  write_unit (f, "INSERT INTO sites (name, timezone) VALUES ('A', 'Europe/Berlin')", TRUE);
  write_unit (f, "INSERT INTO sites (name, timezone) VALUES ('B', 'Europe/Berlin')", FALSE);
  write_unit (f, "INSERT INTO sites (name, timezone) VALUES ('C', 'Europe/Berlin')", TRUE);
  g_assert_true (platzd_store_when_durable (f->store, 0, on_durable_cb, &durable));
  g_assert_cmpint (committed_sites (f), ==, 0);
  g_assert_cmpuint (durable.calls, ==, 0);

  run_main_loop_until (&durable.calls);
  g_assert_cmpuint (durable.calls, ==, 1);
  g_assert_true (durable.ok);
  g_assert_cmpint (committed_sites (f), ==, 2);
  /* Nothing waiting any more: durable at once. */
  g_assert_false (platzd_store_when_durable (f->store, 0, on_durable_cb, &durable));
}

/* A full group is committed before the next write joins it. */
static void
test_group_full (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < 65; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO sites (name, timezone) VALUES ('S%u', 'Europe/Berlin')", i);

      write_unit (f, sql, TRUE);
    }
  g_assert_cmpint (committed_sites (f), ==, 64);
  g_assert_true (platzd_store_flush (f->store));
  g_assert_cmpint (committed_sites (f), ==, 65);
}

/* A COMMIT that fails (here: a deferred foreign key) loses the group,
 * tells the waiting callers, and tells the caches (platzd_store_unseen). */
static void
test_group_fails (Fixture       *f,
                  gconstpointer  data)
{
  Durable durable = { 0 };
  guint64 unseen = platzd_store_unseen (f->store);

  write_unit (f, "INSERT INTO sites (name, timezone) VALUES ('A', 'Europe/Berlin')", TRUE);
  write_unit (f, "PRAGMA defer_foreign_keys = ON", TRUE);
  write_unit (f, "INSERT INTO buildings (site_id, name) VALUES (9999, 'nowhere')", TRUE);
  g_assert_true (platzd_store_when_durable (f->store, 0, on_durable_cb, &durable));
  g_assert_false (platzd_store_flush (f->store));
  g_assert_cmpuint (durable.calls, ==, 1);
  g_assert_false (durable.ok);
  g_assert_cmpuint (platzd_store_unseen (f->store), !=, unseen);
  g_assert_cmpint (committed_sites (f), ==, 0);

  /* The store goes on working. */
  write_unit (f, "INSERT INTO sites (name, timezone) VALUES ('B', 'Europe/Berlin')", TRUE);
  g_assert_true (platzd_store_flush (f->store));
  g_assert_cmpint (committed_sites (f), ==, 1);
}

/* Without group commit every write is its own transaction. */
static void
test_no_group (Fixture       *f,
               gconstpointer  data)
{
  Durable durable = { 0 };

  platzd_store_set_group_commit (f->store, FALSE);
  write_unit (f, "INSERT INTO sites (name, timezone) VALUES ('A', 'Europe/Berlin')", TRUE);
  g_assert_cmpint (committed_sites (f), ==, 1);
  g_assert_false (platzd_store_when_durable (f->store, 0, on_durable_cb, &durable));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store/group-commit", Fixture, NULL, fixture_set_up, test_group,
              fixture_tear_down);
  g_test_add ("/store/group-commit-full", Fixture, NULL, fixture_set_up, test_group_full,
              fixture_tear_down);
  g_test_add ("/store/group-commit-fails", Fixture, NULL, fixture_set_up, test_group_fails,
              fixture_tear_down);
  g_test_add ("/store/no-group", Fixture, NULL, fixture_set_up, test_no_group,
              fixture_tear_down);
  return g_test_run ();
}
