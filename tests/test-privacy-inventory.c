/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * docs/privacy.md accounts for every stored column: a freshly migrated
 * database is walked table by table (PRAGMA table_info), and each column
 * must appear in the document as `table.column`; every `table.column` the
 * document names must exist.  The document's path comes from
 * PLATZ_PRIVACY_DOC.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "platzd-store.h"

/* Every `word.word` in backquotes, as "word.word". */
static GHashTable *
named_columns (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("`([a-z_]+\\.[a-z_0-9]+)`", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return names;
}

static GPtrArray *
schema_columns (PlatzdStore *store)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = platzd_store_prepare (store,
                                             "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')",
                                              (const char *) tables->pdata[i]);
      sqlite3_stmt *info = platzd_store_prepare (store, sql, NULL);

      g_assert_nonnull (info);
      while (sqlite3_step (info) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup_printf ("%s.%s", (const char *) tables->pdata[i],
                                                   (const char *) sqlite3_column_text (info, 0)));
      sqlite3_reset (info);
    }
  return columns;
}

static void
test_every_column_is_accounted_for (void)
{
  const char *doc = g_getenv ("PLATZ_PRIVACY_DOC");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("platz-privacy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "p.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(GHashTable) stored = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) stale = g_string_new (NULL);
  GHashTableIter iter;
  gpointer name;
  PlatzdStore *store;

  g_assert_nonnull (doc);
  g_file_get_contents (doc, &text, NULL, &error);
  g_assert_no_error (error);
  named = named_columns (text);

  store = platzd_store_open (path, &error);
  g_assert_no_error (error);
  columns = schema_columns (store);
  /* Sanity: the walk sees the tables that matter most. */
  g_assert_true (g_ptr_array_find_with_equal_func (columns, "users.password_hash", g_str_equal,
                                                   NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (columns, "audit.fields", g_str_equal, NULL));
  for (guint i = 0; i < columns->len; i++)
    {
      g_hash_table_add (stored, columns->pdata[i]);
      if (!g_hash_table_contains (named, columns->pdata[i]))
        g_string_append_printf (missing, " %s", (const char *) columns->pdata[i]);
    }
  g_hash_table_iter_init (&iter, named);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autofree char *table = g_strndup (name, strchr (name, '.') - (const char *) name);
      g_autofree char *prefix = g_strconcat (table, ".", NULL);
      gboolean known_table = FALSE;

      /* Only names of stored tables count (the document also quotes
       * file names such as `docs/privacy.md`). */
      for (guint i = 0; i < columns->len && !known_table; i++)
        known_table = g_str_has_prefix (columns->pdata[i], prefix);
      if (known_table && !g_hash_table_contains (stored, name))
        g_string_append_printf (stale, " %s", (const char *) name);
    }
  if (missing->len > 0)
    g_error ("%s does not account for these stored columns:%s", doc, missing->str);
  if (stale->len > 0)
    g_error ("%s names columns that are not stored:%s", doc, stale->str);

  platzd_store_close (store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/every-column-is-accounted-for", test_every_column_is_accounted_for);
  return g_test_run ();
}
