/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The header and the toolbars fit the window: at the default size
 * (1024 x 740) and at 800 x 600 every control of the window's header and
 * of the desks' and facility's toolbars is shown inside the window, on
 * every screen, none cut off or scrolled away; and the bars fold down to
 * 600 px.
 */
#include "config.h"

#include <adwaita.h>

#include "platz-day-view.h"
#include "platz-facility-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestUi *ui;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_STACK_SWITCHER (widget) || ADW_IS_VIEW_SWITCHER (widget)
         || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_EDITABLE (widget);
}

/* Counts the controls under widget that are to be shown (visible, not in
 * a page or variant put aside) and appends to bad those that are not
 * mapped or not wholly inside the window. */
static guint
check_controls (GtkWidget *widget,
                GtkWidget *window,
                GString   *bad)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return 0;
  if (is_control (widget))
    {
      graphene_rect_t bounds;
      int width = gtk_widget_get_width (window);
      int height = gtk_widget_get_height (window);

      if (!gtk_widget_get_mapped (widget))
        g_string_append_printf (bad, "%s (%s) not mapped\n", G_OBJECT_TYPE_NAME (widget),
                                gtk_widget_get_tooltip_text (widget));
      else if (!gtk_widget_compute_bounds (widget, window, &bounds)
               || bounds.origin.x < -0.5 || bounds.origin.y < -0.5
               || bounds.origin.x + bounds.size.width > width + 0.5
               || bounds.origin.y + bounds.size.height > height + 0.5)
        g_string_append_printf (bad, "%s (%s) at %.0f,%.0f %.0fx%.0f outside %dx%d\n",
                                G_OBJECT_TYPE_NAME (widget),
                                gtk_widget_get_tooltip_text (widget),
                                bounds.origin.x, bounds.origin.y,
                                bounds.size.width, bounds.size.height, width, height);
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_controls (child, window, bad);
  return n;
}

static void
assert_fits (GtkWidget  *bar,
             GtkWidget  *window,
             const char *where)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  guint n;

  g_assert_nonnull (bar);
  /* Let the layout settle. */
  test_wait_ms (200);
  n = check_controls (bar, window, bad);
  if (bad->len > 0)
    g_error ("%s at %dx%d:\n%s", where, gtk_widget_get_width (window),
             gtk_widget_get_height (window), bad->str);
  g_assert_cmpuint (n, >, 0);
}

typedef struct {
  GtkWidget *window;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *w = data;
  int width = gtk_widget_get_width (w->window);
  int height = gtk_widget_get_height (w->window);

  /* The default size holds the client-side shadow too. */
  return width <= w->width && width >= w->width - 32
         && height <= w->height && height >= w->height - 32;
}

static void
check_size (PlatzWindow *window,
            int          width,
            int          height)
{
  GtkWidget *header = test_find_by_id (GTK_WIDGET (window), "header_bar");
  GtkWidget *day = platz_window_get_page (window, "day");
  GtkWidget *facility = platz_window_get_page (window, "facility");
  GtkStack *content = GTK_STACK (gtk_widget_get_template_child (day, PLATZ_TYPE_DAY_VIEW,
                                                                "content_stack"));
  static const char *const pages[] = { "day", "bookings", "rooms", "projects", "facility" };
  SizeWait w = { GTK_WIDGET (window), width, height };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!test_wait_until (has_size, &w, 5000))
    {
      /* Say which screen holds the window wider than asked. */
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          int min_width, min_height;

          gtk_widget_measure (platz_window_get_page (window, pages[i]), GTK_ORIENTATION_HORIZONTAL,
                              -1, &min_width, NULL, NULL, NULL);
          gtk_widget_measure (platz_window_get_page (window, pages[i]), GTK_ORIENTATION_VERTICAL,
                              -1, &min_height, NULL, NULL, NULL);
          g_printerr ("%s: at least %dx%d\n", pages[i], min_width, min_height);
        }
      g_error ("the window is %dx%d, not %dx%d", gtk_widget_get_width (GTK_WIDGET (window)),
               gtk_widget_get_height (GTK_WIDGET (window)), width, height);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      platz_window_show_page (window, pages[i]);
      assert_fits (header, GTK_WIDGET (window), pages[i]);
    }

  platz_window_show_page (window, "day");
  gtk_stack_set_visible_child_name (content, "plan");
  assert_fits (test_find_by_id (day, "toolbar"), GTK_WIDGET (window), "desks, plan");
  gtk_stack_set_visible_child_name (content, "list");
  assert_fits (test_find_by_id (day, "toolbar"), GTK_WIDGET (window), "desks, list");
  gtk_stack_set_visible_child_name (content, "plan");

  platz_window_show_page (window, "facility");
  g_assert_true (test_wait_until (test_page_loaded, facility, 10000));
  assert_fits (test_find_by_id (facility, "toolbar"), GTK_WIDGET (window), "facility");
}

/* The bar can be as narrow as width. */
static void
assert_folds (GtkWidget *bar,
              int        width)
{
  int minimum = 0;

  g_assert_nonnull (bar);
  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_toolbars_fit (void)
{
  PlatzWindow *window = test_window_open (ui->server->base);
  PlatzDayView *day;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 740);
  test_sign_in (window, TEST_ADMIN);
  day = PLATZ_DAY_VIEW (platz_window_get_page (window, "day"));
  test_assert_desk_state (day, 1, PLATZ_DESK_FREE);

  check_size (window, 1024, 740);
  check_size (window, 800, 600);
  /* Down to 600 px the bars fold; the screens' own content (the plan and
   * its legend) decides how much narrower the window can go. */
  assert_folds (test_find_by_id (GTK_WIDGET (window), "header_bar"), 600);
  assert_folds (test_find_by_id (GTK_WIDGET (day), "toolbar"), 600);
  assert_folds (test_find_by_id (platz_window_get_page (window, "facility"), "toolbar"), 600);
  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  ui = test_ui_init (&argc, &argv);
  g_test_add_func ("/layout/toolbars-fit", test_toolbars_fit);
  return test_ui_run (ui);
}
