/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a screen reader meets: signs in as admin through the real window,
 * visits every screen (the login page, the desks as plan and as list with
 * the desk dialog and the filters, my bookings, rooms, project offices,
 * each facility tab) and has an AT-SPI client in a child process read the
 * window's accessible tree.  Every control must carry a name a user can
 * tell apart: not empty, without a mnemonic underscore, not a widget
 * class.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <adwaita.h>

#include "platz-bookings-page.h"
#include "platz-day-view.h"
#include "platz-facility-page.h"
#include "platz-projects-page.h"
#include "platz-rooms-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestUi *ui;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  gboolean  done;
  char     *out;
  GError   *error;
} Walk;

static void
on_walk_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Walk *walk = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &walk->out, NULL,
                                        &walk->error);
  walk->done = TRUE;
}

static gboolean
walk_done (gpointer data)
{
  return ((Walk *) data)->done;
}

/* Lets the screen settle, then has the walker read it; fails with the
 * walker's list of nameless controls. */
static void
assert_named (const char *where)
{
  const char *script = g_getenv ("PLATZ_A11Y_WALKER");
  const char *python = g_getenv ("PYTHON3");
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GSubprocess) walker = NULL;
  g_autoptr(GError) error = NULL;
  Walk walk = { 0 };
  guint64 controls = 0;
  const char *count;

  g_assert_nonnull (script);
  test_wait_ms (300);
  walker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             python != NULL ? python : "python3", script, pid,
                             g_getenv ("PLATZ_A11Y_DUMP") != NULL ? "--dump" : NULL, NULL);
  g_assert_no_error (error);
  /* The walker asks this process over D-Bus: keep the main loop going. */
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, on_walk_done_cb, &walk);
  if (!test_wait_until (walk_done, &walk, 60000))
    {
      g_subprocess_force_exit (walker);
      g_assert_true (test_wait_until (walk_done, &walk, 5000));
      g_error ("%s: the accessibility walk did not end in 60 s", where);
    }
  g_assert_no_error (walk.error);
  g_assert_true (g_subprocess_get_if_exited (walker));
  if (g_getenv ("PLATZ_A11Y_DUMP") != NULL)
    g_printerr ("==== %s\n%s", where, walk.out);
  if (g_subprocess_get_exit_status (walker) != 0)
    g_error ("%s:\n%s", where, walk.out);
  /* A walk that met no control read nothing. */
  count = g_str_has_prefix (walk.out, "controls ") ? walk.out : strstr (walk.out, "\ncontrols ");
  g_assert_nonnull (count);
  controls = g_ascii_strtoull (strstr (count, "controls ") + strlen ("controls "), NULL, 10);
  g_test_message ("%s: %" G_GUINT64_FORMAT " controls named", where, controls);
  g_assert_cmpuint (controls, >, 0);
  g_free (walk.out);
}

/* Visits each page of the stack (a switcher's tabs) and reads it. */
static void
assert_stack_named (GtkStack   *stack,
                    const char *where)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      g_autofree char *label = NULL;

      if (!gtk_stack_page_get_visible (page) || gtk_stack_page_get_title (page) == NULL)
        continue;
      gtk_stack_set_visible_child (stack, gtk_stack_page_get_child (page));
      label = g_strdup_printf ("%s, %s", where, gtk_stack_page_get_name (page));
      assert_named (label);
    }
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, id);

  g_assert_nonnull (child);
  return child;
}

/* Shows the window's page and waits until it has loaded. */
static GtkWidget *
show_page (PlatzWindow *window,
           const char  *name)
{
  GtkWidget *page = platz_window_get_page (window, name);

  g_assert_true (platz_window_page_visible (window, name));
  platz_window_show_page (window, name);
  g_assert_true (test_wait_until (test_page_loaded, page, 10000));
  return page;
}

static gboolean
popover_mapped (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Opens the popover of the menu button with that id under root and
 * reads it. */
static void
assert_popover_named (GtkWidget  *root,
                      const char *id,
                      const char *where)
{
  GtkWidget *button = test_find_by_id (root, id);

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (test_wait_until (popover_mapped, button, 5000));
  assert_named (where);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static gboolean
mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Reads the dialog, shown, and closes it. */
static void
assert_dialog_named (GtkWindow  *dialog,
                     const char *where)
{
  g_assert_nonnull (dialog);
  g_assert_true (test_wait_until (mapped, dialog, 5000));
  assert_named (where);
  gtk_window_destroy (dialog);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_every_screen_named (void)
{
  PlatzWindow *window = test_window_open (ui->server->base);
  g_autofree char *date = test_weekday (0);
  g_autofree char *tomorrow = test_weekday (1);
  g_autoptr(GError) booked = test_api_book (ui->admin, 1, date, "full_day");
  GtkWidget *rooms, *projects;
  PlatzDayView *day;
  AdwMessageDialog *dialog;

  g_assert_no_error (booked);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 740);
  g_assert_true (test_wait_until (test_login_shown, window, 10000));
  assert_named ("login page");

  test_sign_in (window, TEST_ADMIN);
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  platz_day_view_set_date (day, date);
  test_assert_desk_state (day, 2, PLATZ_DESK_FREE);
  assert_stack_named (template_child (day, PLATZ_TYPE_DAY_VIEW, "content_stack"), "desks");

  assert_popover_named (GTK_WIDGET (day), "filter_button", "desks, filters");
  assert_popover_named (GTK_WIDGET (window), "menu_button", "main menu");

  platz_day_view_activate_desk (day, 2);
  g_assert_true (test_wait_until (test_desk_dialog_open, day, 5000));
  assert_named ("desks, desk dialog");
  dialog = platz_day_view_get_desk_dialog (day);
  gtk_window_close (GTK_WINDOW (dialog));

  show_page (window, "bookings");
  assert_named ("my bookings");
  rooms = show_page (window, "rooms");
  assert_named ("rooms");
  g_assert_true (platz_rooms_page_set_query (PLATZ_ROOMS_PAGE (rooms), tomorrow, "10:00",
                                             "11:00", 2));
  platz_rooms_page_search (PLATZ_ROOMS_PAGE (rooms));
  g_assert_true (test_wait_until (test_page_loaded, rooms, 10000));
  assert_named ("rooms, free rooms");
  assert_dialog_named (platz_rooms_page_reserve (PLATZ_ROOMS_PAGE (rooms), 3),
                       "rooms, reserve dialog");

  projects = show_page (window, "projects");
  assert_named ("project offices");
  assert_dialog_named (platz_projects_page_reserve (PLATZ_PROJECTS_PAGE (projects), 4, tomorrow),
                       "project offices, reserve dialog");
  assert_stack_named (template_child (show_page (window, "facility"),
                                      PLATZ_TYPE_FACILITY_PAGE, "tabs"),
                      "facility");

  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  ui = test_ui_init (&argc, &argv);
  g_test_add_func ("/a11y/every-screen-named", test_every_screen_named);
  return test_ui_run (ui);
}
