/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-test"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <glib/gstdio.h>

#include "platz-application.h"
#include "platz-bookings-page.h"
#include "platz-facility-page.h"
#include "platz-login-page.h"
#include "platz-projects-page.h"
#include "platz-rooms-page.h"
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

void
test_api_patch (PlatzApi           *api,
                const PlatzType    *type,
                gint64              id,
                gconstpointer       obj,
                const char * const *fields)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlatzRecord) record = NULL;

  platz_api_patch_async (api, type, id, obj, fields, NULL, on_result_cb, &result);
  g_assert_true (test_wait_until (have_result, &result, 10000));
  record = platz_api_record_finish (api, result, &error);
  g_assert_no_error (error);
}

void
test_api_patch_policies (PlatzApi   *api,
                         const char *base,
                         const char *json)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (base, "/api/v1/policies", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("PATCH", uri);
  g_autofree char *auth = g_strconcat ("Bearer ", platz_api_get_token (api), NULL);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  /* platzd runs in its own process: a blocking call cannot deadlock. */
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
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

/* Waits for a list call started with on_result_cb and finishes it. */
static GListModel *
list_finish (PlatzApi      *api,
             GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;
  GListModel *list;

  g_assert_true (test_wait_until (have_result, result, 10000));
  list = platz_api_list_finish (api, *result, &error);
  g_assert_no_error (error);
  return list;
}

GListModel *
test_api_list_bookings (PlatzApi   *api,
                        const char *from,
                        const char *to)
{
  g_autoptr(GAsyncResult) result = NULL;

  platz_api_list_bookings_async (api, from, to, FALSE, NULL, on_result_cb, &result);
  return list_finish (api, &result);
}

GListModel *
test_api_list_standards (PlatzApi *api)
{
  g_autoptr(GAsyncResult) result = NULL;

  platz_api_list_standards_async (api, NULL, on_result_cb, &result);
  return list_finish (api, &result);
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

/* ------------------------------------------------------------------ */
/* Window tests                                                        */
/* ------------------------------------------------------------------ */

TestUi *
test_ui_init (int    *argc,
              char ***argv)
{
  TestUi *ui = g_new0 (TestUi, 1);

  ui->data_dir = g_dir_make_tmp ("platz-client-data-XXXXXX", NULL);
  g_assert_nonnull (ui->data_dir);
  g_setenv ("XDG_DATA_HOME", ui->data_dir, TRUE);
  g_setenv ("PLATZ_TOKEN_STORE", "file", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  ui->server = test_server_start ();
  ui->admin = test_api_login (ui->server->base, TEST_ADMIN, TEST_PASSWORD);
  test_create_floor (ui->admin);
  return ui;
}

int
test_ui_run (TestUi *ui)
{
  g_autofree char *tokens = g_build_filename (ui->data_dir, "platz", "tokens", NULL);
  g_autofree char *platz_dir = g_build_filename (ui->data_dir, "platz", NULL);
  int result = g_test_run ();

  g_clear_object (&ui->admin);
  test_server_stop (ui->server);
  g_remove (tokens);
  g_rmdir (platz_dir);
  g_rmdir (ui->data_dir);
  g_free (ui->data_dir);
  g_free (ui);
  return result;
}

PlatzWindow *
test_window_open (const char *base)
{
  g_autoptr(GSettings) settings = platz_application_new_settings ();
  g_autoptr(PlatzApi) api = platz_api_new (base);
  PlatzWindow *window = platz_window_new (NULL, api, settings);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
test_window_close (PlatzWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  test_wait_ms (50);
  g_assert_finalize_object (window);
}

gboolean
test_login_shown (gpointer window)
{
  return gtk_widget_get_mapped (platz_window_get_login_page (window));
}

gboolean
test_signed_in (gpointer window)
{
  return platz_window_is_signed_in (window);
}

void
test_sign_in (PlatzWindow *window,
              const char  *username)
{
  g_assert_true (test_wait_until (test_login_shown, window, 10000));
  platz_login_page_sign_in (PLATZ_LOGIN_PAGE (platz_window_get_login_page (window)),
                            username, TEST_PASSWORD);
  g_assert_true (test_wait_until (test_signed_in, window, 10000));
}

gboolean
test_settled (gpointer window)
{
  return test_login_shown (window) || test_signed_in (window);
}

void
test_sign_in_or_kept (PlatzWindow *window,
                      const char  *username)
{
  g_assert_true (test_wait_until (test_settled, window, 10000));
  if (!platz_window_is_signed_in (window))
    test_sign_in (window, username);
}

typedef struct {
  PlatzWindow *window;
  const char  *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *w = data;

  return g_strcmp0 (platz_window_get_last_toast (w->window), w->text) == 0;
}

void
test_assert_toast (PlatzWindow *window,
                   const char  *text)
{
  ToastWait w = { window, text };

  if (!test_wait_until (toast_shown, &w, 10000))
    g_error ("last toast is \"%s\", expected \"%s\"", platz_window_get_last_toast (window),
             text);
}

typedef struct {
  PlatzDayView  *day;
  gint64         desk_id;
  PlatzDeskState state;
} StateWait;

static gboolean
desk_in_state (gpointer data)
{
  StateWait *w = data;

  return !platz_day_view_is_loading (w->day)
         && platz_floor_plan_get_desk_state (platz_day_view_get_floor_plan (w->day),
                                             w->desk_id) == w->state;
}

void
test_assert_desk_state (PlatzDayView   *day,
                        gint64          desk_id,
                        PlatzDeskState  state)
{
  StateWait w = { day, desk_id, state };

  if (!test_wait_until (desk_in_state, &w, 10000))
    g_error ("desk %" G_GINT64_FORMAT " is %s, expected %s", desk_id,
             platz_desk_state_to_string (platz_floor_plan_get_desk_state (
               platz_day_view_get_floor_plan (day), desk_id)),
             platz_desk_state_to_string (state));
}

gboolean
test_desk_dialog_open (gpointer day)
{
  return platz_day_view_get_desk_dialog (day) != NULL;
}

typedef struct {
  PlatzDayView *day;
  const char   *date;
} DateWait;

static gboolean
date_is (gpointer data)
{
  DateWait *w = data;

  return g_strcmp0 (platz_day_view_get_date (w->day), w->date) == 0;
}

void
test_go_to_tomorrow (PlatzDayView *day)
{
  GtkWidget *next = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (day),
                                                                 PLATZ_TYPE_DAY_VIEW,
                                                                 "next_button");
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  g_assert_true (GTK_IS_BUTTON (next));
  g_assert_true (gtk_widget_get_sensitive (next));
  expected = g_date_time_format (tomorrow, "%Y-%m-%d");
  if (g_strcmp0 (platz_day_view_get_date (day), expected) != 0)
    {
      DateWait w = { day, expected };

      /* A button's activation clicks after a short animation. */
      gtk_widget_activate (next);
      g_assert_true (test_wait_until (date_is, &w, 5000));
    }
  g_assert_cmpstr (platz_day_view_get_date (day), ==, expected);
}

typedef struct {
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) == w->n;
}

gboolean
test_wait_n_items (GListModel *model,
                   guint       n,
                   guint       timeout_ms)
{
  CountWait w = { model, n };

  return test_wait_until (has_n_items, &w, timeout_ms);
}

/* The first widget in the tree under widget for which match (widget,
 * key) holds, or NULL. */
static GtkWidget *
find_first (GtkWidget  *widget,
            gboolean  (*match) (GtkWidget *widget, const char *key),
            const char *key)
{
  if (match (widget, key))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_name (GtkWidget  *widget,
          const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_id (GtkWidget  *widget,
        const char *id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static gboolean
reads (GtkWidget  *widget,
       const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
test_find_named (GtkWidget  *widget,
                 const char *name)
{
  return find_first (widget, has_name, name);
}

GtkWidget *
test_find_label (GtkWidget  *root,
                 const char *text)
{
  return find_first (root, reads, text);
}

GtkWidget *
test_find_by_id (GtkWidget  *root,
                 const char *id)
{
  return find_first (root, has_id, id);
}

gboolean
test_page_loaded (gpointer page)
{
  if (PLATZ_IS_DAY_VIEW (page))
    return !platz_day_view_is_loading (page);
  if (PLATZ_IS_BOOKINGS_PAGE (page))
    return !platz_bookings_page_is_loading (page);
  if (PLATZ_IS_ROOMS_PAGE (page))
    return !platz_rooms_page_is_loading (page);
  if (PLATZ_IS_PROJECTS_PAGE (page))
    return !platz_projects_page_is_loading (page);
  if (PLATZ_IS_FACILITY_PAGE (page))
    return !platz_facility_page_is_loading (page);
  g_assert_not_reached ();
}

gboolean
test_label_shown (gpointer label)
{
  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}
