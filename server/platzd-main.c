/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "platzd-app.h"
#include "platzd-auth.h"
#include "platzd-bookings.h"
#include "platzd-demo.h"
#include "platzd-retention.h"

#define DEFAULT_LISTEN "127.0.0.1:8470"
#define SHUTDOWN_GRACE_MS 10000

static gboolean
parse_listen (const char *text,
              char      **host,
              guint      *port)
{
  const char *colon = strrchr (text, ':');
  guint64 p;

  if (colon == NULL || colon == text)
    return FALSE;
  if (!g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &p, NULL))
    return FALSE;
  if (text[0] == '[' && colon[-1] == ']')
    *host = g_strndup (text + 1, colon - text - 2);
  else
    *host = g_strndup (text, colon - text);
  *port = (guint) p;
  return TRUE;
}

typedef struct {
  PlatzdApp *app;
  gint64     deadline;
} Shutdown;

static gboolean
shutdown_poll_cb (gpointer data)
{
  Shutdown *shutdown = data;

  if (shutdown->app->in_flight == 0 || g_get_monotonic_time () > shutdown->deadline)
    {
      g_main_loop_quit (shutdown->app->loop);
      g_free (shutdown);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_signal_cb (gpointer data)
{
  PlatzdApp *app = data;
  Shutdown *shutdown;

  if (app->shutting_down)
    return G_SOURCE_CONTINUE;
  g_printerr ("platzd: shutting down\n");
  app->shutting_down = TRUE;
  shutdown = g_new0 (Shutdown, 1);
  shutdown->app = app;
  shutdown->deadline = g_get_monotonic_time () + SHUTDOWN_GRACE_MS * 1000;
  g_timeout_add (20, shutdown_poll_cb, shutdown);
  return G_SOURCE_CONTINUE;
}

static gboolean
bootstrap_admin (PlatzdStore *store,
                 const char  *name,
                 GError     **error)
{
  const char *password = g_getenv ("PLATZ_BOOTSTRAP_PASSWORD");
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  if (!platzd_store_is_empty (store))
    return TRUE;
  if (password == NULL || strlen (password) < 8)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "--bootstrap-admin needs the environment variable "
                           "PLATZ_BOOTSTRAP_PASSWORD (at least 8 characters)");
      return FALSE;
    }
  hash = platzd_auth_hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  stmt = platzd_store_prepare (store,
                               "INSERT INTO users (username, display_name, role, function, "
                               "password_hash) VALUES (?, ?, 'admin', 'head', ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
  if (!platzd_store_step_done (store, stmt, error))
    return FALSE;
  g_printerr ("platzd: created admin '%s'\n", name);
  return TRUE;
}

static int fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("platzd: %s\n", message);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *bootstrap = NULL;
  g_autofree char *host = NULL;
  g_autofree char *tmpdir = NULL;
  gboolean demo = FALSE;
  gboolean quiet = FALSE;
  gboolean version = FALSE;
  guint port = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  PlatzdStore *store;
  PlatzdApp *app;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "SQLite database file", "PATH" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      "Address to listen on (default " DEFAULT_LISTEN ")", "HOST:PORT" },
    { "bootstrap-admin", 0, 0, G_OPTION_ARG_STRING, &bootstrap,
      "Create this admin in an empty database (password from PLATZ_BOOTSTRAP_PASSWORD)", "NAME" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Serve the demo city administration", NULL },
    { "quiet", 0, 0, G_OPTION_ARG_NONE, &quiet, "Do not log every request", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version", NULL },
    { NULL }
  };

  signal (SIGPIPE, SIG_IGN);
  /* Past a file-size limit (ulimit -f) a write fails with EFBIG and is
   * answered like a full disk (503 database_full), instead of the signal
   * ending the server. */
  signal (SIGXFSZ, SIG_IGN);
  context = g_option_context_new ("- the Platz desk-sharing server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail ("%s (see --help)", error->message);
  if (version)
    {
      g_print ("platzd %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc > 1)
    return fail ("unexpected argument '%s' (see --help)", argv[1]);
  if (!parse_listen (listen ? listen : DEFAULT_LISTEN, &host, &port))
    return fail ("--listen wants HOST:PORT, e.g. 127.0.0.1:8470");

  if (db_path == NULL)
    {
      if (!demo)
        return fail ("--db PATH is required (or use --demo)");
      tmpdir = g_dir_make_tmp ("platzd-demo-XXXXXX", &error);
      if (tmpdir == NULL)
        return fail ("cannot create a temporary directory: %s", error->message);
      db_path = g_build_filename (tmpdir, "demo.db", NULL);
    }

  store = platzd_store_open (db_path, &error);
  if (store == NULL)
    return fail ("%s", error->message);

  if (bootstrap != NULL && !bootstrap_admin (store, bootstrap, &error))
    {
      platzd_store_close (store);
      return fail ("%s", error->message);
    }
  if (demo && platzd_store_is_empty (store) && !platzd_demo_populate (store, &error))
    {
      platzd_store_close (store);
      return fail ("cannot create the demo: %s", error->message);
    }

  app = platzd_app_new (store);
  app->quiet = quiet;
  if (!platzd_app_listen (app, host, port, &error))
    {
      platzd_app_free (app);
      platzd_store_close (store);
      return fail ("cannot listen on %s:%u: %s", host, port, error->message);
    }

  app->loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal_cb, app);
  g_unix_signal_add (SIGINT, on_signal_cb, app);
  platzd_bookings_start_release_timer (app);
  platzd_retention_start_timer (app);

  if (demo)
    platzd_demo_print_logins ();
  /* Tests and scripts read this line to learn the port. */
  g_print ("platzd listening on http://%s%s%s:%u/\n", strchr (host, ':') ? "[" : "", host,
           strchr (host, ':') ? "]" : "", platzd_app_get_port (app));
  fflush (stdout);

  g_main_loop_run (app->loop);

  g_main_loop_unref (app->loop);
  platzd_app_free (app);
  platzd_store_close (store);
  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return 0;
}
