/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the Rooms screen against a real platzd as an employee: find a
 * free meeting room, reserve it in the dialog, see it as yours on the
 * room's timeline and in My reservations, have a refused reservation
 * explained with the form kept, cancel it.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "platz-application.h"
#include "platz-login-page.h"
#include "platz-rooms-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
signed_in (gpointer data)
{
  return platz_window_is_signed_in (data);
}

static gboolean
login_shown (gpointer data)
{
  return gtk_widget_get_mapped (platz_window_get_login_page (data));
}

static gboolean
page_idle (gpointer data)
{
  return !platz_rooms_page_is_loading (data);
}

static gboolean
no_dialog (gpointer data)
{
  return platz_rooms_page_get_reserve_dialog (data) == NULL;
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_text (GTK_LABEL (data)) != '\0';
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

static gboolean
has_room (GListModel *model,
          gint64      room_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (model, i);

      if (platz_record_get_id (record) == room_id)
        return TRUE;
    }
  return FALSE;
}

static void
search (PlatzRoomsPage *page,
        const char     *date,
        const char     *start,
        const char     *end,
        int             attendees)
{
  g_assert_true (test_wait_until (page_idle, page, 10000));
  g_assert_true (platz_rooms_page_set_query (page, date, start, end, attendees));
  platz_rooms_page_search (page);
  g_assert_true (platz_rooms_page_is_loading (page));
  g_assert_true (test_wait_until (page_idle, page, 10000));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_reserve_and_cancel (void)
{
  g_autoptr(GSettings) settings = platz_application_new_settings ();
  g_autoptr(PlatzApi) api = platz_api_new (server->base);
  PlatzWindow *window = platz_window_new (NULL, api, settings);
  g_autofree char *date = test_weekday (1);
  PlatzRoomsPage *page;
  PlatzRoomTimeline *timeline;
  GtkWindow *dialog;
  GtkWidget *title, *attendees, *error;
  g_autoptr(PlatzRecord) mine = NULL;
  PlatzReservation *r;
  CountWait count;
  int start, end;
  gboolean own;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_wait_until (login_shown, window, 10000));
  platz_login_page_sign_in (PLATZ_LOGIN_PAGE (platz_window_get_login_page (window)),
                            "emma", TEST_PASSWORD);
  g_assert_true (test_wait_until (signed_in, window, 10000));
  /* Every user has Rooms; only team leads and admins project offices. */
  g_assert_true (platz_window_page_visible (window, "rooms"));
  g_assert_false (platz_window_page_visible (window, "projects"));
  platz_window_show_page (window, "rooms");
  page = PLATZ_ROOMS_PAGE (platz_window_get_page (window, "rooms"));
  g_assert_cmpuint (g_list_model_get_n_items (platz_rooms_page_get_mine (page)), ==, 0);

  /* The meeting room A1.03 (id 3) is free tomorrow 10:00-11:00. */
  search (page, date, "10:00", "11:00", 3);
  g_assert_true (has_room (platz_rooms_page_get_results (page), 3));
  g_assert_false (has_room (platz_rooms_page_get_results (page), 4));  /* project office */
  timeline = platz_rooms_page_get_timeline (page, 3);
  g_assert_nonnull (timeline);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (timeline)));
  g_assert_cmpuint (platz_room_timeline_get_n_busy (timeline), ==, 0);
  g_assert_cmpstr (platz_room_timeline_get_label (timeline), ==, "Day of A1.03: free all day");
  g_assert_cmpstr (platz_room_timeline_get_value_text (timeline), ==, "10:00–10:15, free");

  /* Reserve it in the dialog. */
  dialog = platz_rooms_page_reserve (page, 3);
  g_assert_nonnull (dialog);
  title = find_named (GTK_WIDGET (dialog), "title");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Sprint review");
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "reserve"), "clicked");
  g_assert_true (test_wait_until (no_dialog, page, 10000));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "A1.03 reserved.");

  /* My reservations has it. */
  count = (CountWait) { platz_rooms_page_get_mine (page), 1 };
  g_assert_true (test_wait_until (has_n_items, &count, 10000));
  mine = g_list_model_get_item (count.model, 0);
  r = platz_record_get_data (mine);
  g_assert_cmpint (r->room_id, ==, 3);
  g_assert_cmpstr (r->title, ==, "Sprint review");
  g_assert_cmpint (r->attendees, ==, 3);

  /* Taken 10-11 now; free at 12-13, where its timeline shows ours. */
  search (page, date, "10:00", "11:00", 3);
  g_assert_false (has_room (platz_rooms_page_get_results (page), 3));
  search (page, date, "12:00", "13:00", 3);
  g_assert_true (has_room (platz_rooms_page_get_results (page), 3));
  timeline = platz_rooms_page_get_timeline (page, 3);
  g_assert_cmpuint (platz_room_timeline_get_n_busy (timeline), ==, 1);
  g_assert_true (platz_room_timeline_get_busy (timeline, 0, &start, &end, &own));
  g_assert_cmpint (start, ==, 10 * 60);
  g_assert_cmpint (end, ==, 11 * 60);
  g_assert_true (own);
  g_assert_cmpstr (platz_room_timeline_get_label (timeline), ==,
                   "Day of A1.03: busy 10:00–11:00 (yours)");
  /* The keyboard walks the slots and reads them out. */
  platz_room_timeline_set_cursor (timeline, 10 * 60 + 15);
  g_assert_cmpstr (platz_room_timeline_get_value_text (timeline), ==,
                   "10:15–10:30, reserved by you");

  /* Too many people: the reason in words, the form as it was. */
  dialog = platz_rooms_page_reserve (page, 3);
  title = find_named (GTK_WIDGET (dialog), "title");
  attendees = find_named (GTK_WIDGET (dialog), "attendees");
  error = find_named (GTK_WIDGET (dialog), "error");
  gtk_editable_set_text (GTK_EDITABLE (title), "All hands");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (attendees), 20);
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "reserve"), "clicked");
  g_assert_true (test_wait_until (error_shown, error, 10000));
  g_assert_true (platz_rooms_page_get_reserve_dialog (page) == dialog);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error)), "over_capacity"));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (error)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "All hands");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (attendees)), ==, 20);
  gtk_window_destroy (dialog);
  g_assert_null (platz_rooms_page_get_reserve_dialog (page));

  /* Cancel it from My reservations. */
  platz_rooms_page_cancel (page, mine, FALSE);
  count.n = 0;
  g_assert_true (test_wait_until (has_n_items, &count, 10000));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Reservation cancelled.");
  g_assert_true (test_wait_until (page_idle, page, 10000));
  timeline = platz_rooms_page_get_timeline (page, 3);
  g_assert_cmpuint (platz_room_timeline_get_n_busy (timeline), ==, 0);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  test_wait_ms (50);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = g_dir_make_tmp ("platz-client-data-XXXXXX", NULL);
  int result;

  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("PLATZ_TOKEN_STORE", "file", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = test_server_start ();
  admin = test_api_login (server->base, TEST_ADMIN, TEST_PASSWORD);
  test_create_floor (admin);
  test_create_user (server->base, admin, "emma", "employee", 0);

  g_test_add_func ("/ui/rooms/reserve-and-cancel", test_reserve_and_cancel);
  result = g_test_run ();

  g_clear_object (&admin);
  test_server_stop (server);
  {
    g_autofree char *tokens = g_build_filename (data_dir, "platz", "tokens", NULL);
    g_autofree char *platz_dir = g_build_filename (data_dir, "platz", NULL);

    g_remove (tokens);
    g_rmdir (platz_dir);
    g_rmdir (data_dir);
  }
  return result;
}
