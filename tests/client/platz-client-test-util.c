/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-test"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <glib/gstdio.h>

#include "platz-client-test-util.h"

TestServer *
test_server_start (void)
{
  const char *platzd = g_getenv ("PLATZD");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  TestServer *server = g_new0 (TestServer, 1);
  const char *url;

  g_assert_nonnull (platzd);
  server->dir = g_dir_make_tmp ("platz-client-test-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (server->dir, "platz.db", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "PLATZ_BOOTSTRAP_PASSWORD", TEST_PASSWORD, TRUE);
  server->process = g_subprocess_launcher_spawn (launcher, &error, platzd, "--db", db,
                                                 "--listen", "127.0.0.1:0",
                                                 "--bootstrap-admin", TEST_ADMIN, NULL);
  g_assert_no_error (error);

  /* A separate process: reading its first line blocks only the test. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  url = strstr (line, "http://");
  g_assert_nonnull (url);
  server->base = g_strdup (url);
  g_strchomp (server->base);
  if (g_str_has_suffix (server->base, "/"))
    server->base[strlen (server->base) - 1] = '\0';
  return server;
}

void
test_server_stop (TestServer *server)
{
  g_autofree char *db = g_build_filename (server->dir, "platz.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, NULL);
  g_object_unref (server->process);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (server->dir);
  g_free (server->dir);
  g_free (server->base);
  g_free (server);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
test_wait_until (gboolean (*check) (gpointer data),
                 gpointer   data,
                 guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);
  gboolean ok;

  while (!(ok = check (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
test_wait_ms (guint ms)
{
  test_wait_until (never, NULL, ms);
}

static void
on_result_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

PlatzApi *
test_api_login (const char *base,
                const char *username,
                const char *password)
{
  PlatzApi *api = platz_api_new (base);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  platz_api_login_async (api, username, password, NULL, on_result_cb, &result);
  g_assert_true (test_wait_until (have_result, &result, 10000));
  g_assert_nonnull (platz_api_user_finish (api, result, &error));
  g_assert_no_error (error);
  return api;
}

gint64
test_api_create (PlatzApi        *api,
                 const PlatzType *type,
                 gconstpointer    obj)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlatzRecord) record = NULL;

  platz_api_create_async (api, type, obj, NULL, on_result_cb, &result);
  g_assert_true (test_wait_until (have_result, &result, 10000));
  record = platz_api_record_finish (api, result, &error);
  g_assert_no_error (error);
  return platz_record_get_id (record);
}

gint64
test_create_user (const char *base,
                  PlatzApi   *admin,
                  const char *username,
                  const char *role,
                  gint64      team_id)
{
  PlatzUser user = { 0 };

  user.username = (char *) username;
  user.display_name = (char *) username;
  user.role = (char *) role;
  user.function = (char *) "staff";
  user.team_id = team_id;
  user.password = (char *) TEST_PASSWORD;
  return test_api_create (admin, &platz_user_type, &user);
}

GError *
test_api_book (PlatzApi   *api,
               gint64      desk_id,
               const char *date,
               const char *slot)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PlatzRecord) record = NULL;
  GError *error = NULL;

  platz_api_book_desk_async (api, desk_id, date, slot, 0, NULL, on_result_cb, &result);
  g_assert_true (test_wait_until (have_result, &result, 10000));
  record = platz_api_record_finish (api, result, &error);
  return error;
}

GListModel *
test_api_list_bookings (PlatzApi   *api,
                        const char *from,
                        const char *to)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *bookings;

  platz_api_list_bookings_async (api, from, to, FALSE, NULL, on_result_cb, &result);
  g_assert_true (test_wait_until (have_result, &result, 10000));
  bookings = platz_api_list_finish (api, result, &error);
  g_assert_no_error (error);
  return bookings;
}

static gint64
add_room (PlatzApi   *admin,
          const char *name,
          const char *kind,
          double      x,
          double      y,
          double      w,
          double      h)
{
  PlatzRoom room = { 0 };

  room.floor_id = 1;
  room.name = (char *) name;
  room.kind = (char *) kind;
  room.area_m2 = 40;
  room.capacity = 8;
  room.reservable = TRUE;
  room.x = x;
  room.y = y;
  room.w = w;
  room.h = h;
  return test_api_create (admin, &platz_room_type, &room);
}

static gint64
add_desk (PlatzApi   *admin,
          gint64      room_id,
          const char *name,
          double      x,
          double      y,
          const char *equipment,
          gboolean    bookable)
{
  const char *tags[] = { equipment, NULL };
  PlatzDesk desk = { 0 };

  desk.room_id = room_id;
  desk.name = (char *) name;
  desk.x = x;
  desk.y = y;
  desk.equipment = equipment != NULL ? (char **) tags : NULL;
  desk.bookable = bookable;
  desk.blocked_reason = bookable ? NULL : (char *) "Broken chair";
  return test_api_create (admin, &platz_desk_type, &desk);
}

void
test_create_floor (PlatzApi *admin)
{
  PlatzSite site = { 0 };
  PlatzBuilding building = { 0 };
  PlatzFloor floor = { 0 };

  site.name = (char *) "Rathaus";
  site.timezone = (char *) "UTC";
  g_assert_cmpint (test_api_create (admin, &platz_site_type, &site), ==, 1);
  building.site_id = 1;
  building.name = (char *) "Haus A";
  building.address = (char *) "Markt 1";
  g_assert_cmpint (test_api_create (admin, &platz_building_type, &building), ==, 1);
  floor.building_id = 1;
  floor.name = (char *) "1. OG";
  floor.level = 1;
  floor.width = 40;
  floor.height = 20;
  g_assert_cmpint (test_api_create (admin, &platz_floor_type, &floor), ==, 1);

  g_assert_cmpint (add_room (admin, "A1.01", "office", 1, 1, 10, 8), ==, 1);
  g_assert_cmpint (add_room (admin, "A1.02", "office", 11, 1, 10, 8), ==, 2);
  g_assert_cmpint (add_room (admin, "A1.03", "meeting_room", 21, 1, 10, 8), ==, 3);
  g_assert_cmpint (add_room (admin, "A1.10", "project_office", 1, 11, 14, 8), ==, 4);

  g_assert_cmpint (add_desk (admin, 1, "A1.01-1", 3, 3, "height_adjustable", TRUE), ==, 1);
  g_assert_cmpint (add_desk (admin, 1, "A1.01-2", 7, 3, "docking_station", TRUE), ==, 2);
  g_assert_cmpint (add_desk (admin, 1, "A1.01-3", 3, 7, NULL, TRUE), ==, 3);
  g_assert_cmpint (add_desk (admin, 2, "A1.02-1", 13, 3, NULL, TRUE), ==, 4);
  g_assert_cmpint (add_desk (admin, 2, "A1.02-2", 17, 3, NULL, FALSE), ==, 5);
}

char *
test_weekday (int days_ahead)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);

  while (g_date_time_get_day_of_week (day) > 5)
    {
      GDateTime *next = g_date_time_add_days (day, 1);

      g_date_time_unref (day);
      day = next;
    }
  return g_date_time_format (day, "%Y-%m-%d");
}
