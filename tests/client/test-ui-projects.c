/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the Project offices screen against a real platzd as a team
 * lead: reserve a project office for a week and see the team in the
 * week grid; a weekly series that clashes lists the clashing days before
 * it is sent, and the server's list when it refuses; cancel the week.
 * In the month view: reserve days of the next month from its grid, see
 * them as one cell with the team, cancel them together.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "platz-date.h"
#include "platz-login-page.h"
#include "platz-projects-page.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static gboolean
page_idle (gpointer data)
{
  return !platz_projects_page_is_loading (data);
}

static gboolean
no_dialog (gpointer data)
{
  return platz_projects_page_get_reserve_dialog (data) == NULL;
}

static gboolean
conflicts_known (gpointer data)
{
  return platz_projects_page_get_conflicts (data) != NULL;
}

typedef struct {
  PlatzProjectsPage *page;
  const char        *date;
  const char        *text;
} CellWait;

static gboolean
cell_is (gpointer data)
{
  CellWait *w = data;

  return !platz_projects_page_is_loading (w->page)
         && g_strcmp0 (platz_projects_page_get_cell_text (w->page, 4, w->date), w->text) == 0;
}

/* Presses the dialog's Reserve, waits until it has closed and checks
 * the toast. */
static void
send_reservation (PlatzWindow       *window,
                  PlatzProjectsPage *page,
                  const char        *toast)
{
  GtkWindow *dialog = platz_projects_page_get_reserve_dialog (page);

  g_assert_true (test_wait_until (conflicts_known, page, 10000));
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (dialog), "reserve"), "clicked");
  g_assert_true (test_wait_until (no_dialog, page, 10000));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, toast);
}

static char *
day_after (const char *date,
           int         days)
{
  GDate d;

  g_assert_true (platz_date_parse (date, &d));
  g_date_add_days (&d, days);
  return platz_date_format (&d);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_week_and_conflicts (void)
{
  PlatzWindow *window = test_window_open (server->base);
  g_autofree char *start = test_weekday (7);
  g_autofree char *monday = NULL;
  g_autofree char *friday = NULL;
  g_autofree char *saturday = NULL;
  g_autofree char *wednesday = NULL;
  g_autofree char *until = NULL;
  PlatzProjectsPage *page;
  GtkWindow *dialog;
  GtkWidget *error;
  char **conflicts;
  GDate d;
  CellWait cell;

  /* The Monday of next week or the one after. */
  g_assert_true (platz_date_parse (start, &d));
  g_date_add_days (&d, 8 - platz_date_iso_weekday (&d));
  monday = platz_date_format (&d);
  friday = day_after (monday, 4);
  saturday = day_after (monday, 5);
  wednesday = day_after (monday, 2);
  until = day_after (monday, 20);

  test_sign_in (window, "lars");
  g_assert_true (platz_window_page_visible (window, "projects"));
  platz_window_show_page (window, "projects");
  page = PLATZ_PROJECTS_PAGE (platz_window_get_page (window, "projects"));
  g_assert_true (test_wait_until (page_idle, page, 10000));

  platz_projects_page_set_week (page, wednesday);
  g_assert_cmpstr (platz_projects_page_get_week_start (page), ==, monday);
  cell = (CellWait) { page, monday, "" };
  g_assert_true (test_wait_until (cell_is, &cell, 10000));
  /* Only project offices are rows. */
  g_assert_null (platz_projects_page_get_cell_text (page, 3, monday));

  /* Reserve A1.10 Monday to Friday for the team. */
  dialog = platz_projects_page_reserve (page, 4, monday);
  gtk_editable_set_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (dialog), "to")), friday);
  g_assert_true (test_wait_until (conflicts_known, page, 10000));
  g_assert_cmpuint (g_strv_length (platz_projects_page_get_conflicts (page)), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_find_named (GTK_WIDGET (dialog),
                                                                   "conflicts"))),
                   ==, "No conflicts: every day is free.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (test_find_named (GTK_WIDGET (dialog),
                                                                      "reserve"))),
                   ==, "_Reserve 5 Days");
  send_reservation (window, page, "Project office reserved for 5 days.");

  /* The grid shows the team on every weekday, not at the weekend. */
  cell = (CellWait) { page, friday, "E-Government" };
  g_assert_true (test_wait_until (cell_is, &cell, 10000));
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, monday), ==, "E-Government");
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, wednesday), ==, "E-Government");
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, saturday), ==, "");

  /* Wednesdays for three weeks clash on the first one: listed before
   * sending, and in the server's refusal. */
  dialog = platz_projects_page_reserve (page, 4, monday);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_named (GTK_WIDGET (dialog), "day-3")),
                                TRUE);
  gtk_editable_set_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (dialog), "until")), until);
  g_assert_true (test_wait_until (conflicts_known, page, 10000));
  conflicts = platz_projects_page_get_conflicts (page);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_assert_cmpstr (conflicts[0], ==, wednesday);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (test_find_named (GTK_WIDGET (dialog),
                                                                            "conflicts"))),
                            "Already taken on 1 day: Wed"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (test_find_named (GTK_WIDGET (dialog),
                                                                      "reserve"))),
                   ==, "_Reserve 3 Days");
  error = test_find_named (GTK_WIDGET (dialog), "error");
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (dialog), "reserve"), "clicked");
  g_assert_true (test_wait_until (test_label_shown, error, 10000));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (error)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), wednesday));
  /* The form is as it was. */
  g_assert_true (platz_projects_page_get_reserve_dialog (page) == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (dialog),
                                                                         "until"))),
                   ==, until);
  gtk_window_destroy (dialog);

  /* Cancel Wednesday only. */
  platz_projects_page_cancel (page, platz_projects_page_get_cell_reservation (page, 4, wednesday),
                              FALSE);
  cell = (CellWait) { page, wednesday, "" };
  g_assert_true (test_wait_until (cell_is, &cell, 10000));
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, monday), ==, "E-Government");

  test_window_close (window);
}

static gboolean
cancel_dialog_open (gpointer data)
{
  return platz_projects_page_get_cancel_dialog (data) != NULL;
}

static void
test_month (void)
{
  PlatzWindow *window = test_window_open (server->base);
  PlatzProjectsPage *page;
  GtkWindow *dialog;
  GtkWidget *button;
  GtkWidget *grid;
  g_autofree char *today = test_weekday (0);
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;
  g_autofree char *second = NULL;
  g_autofree char *fourth = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *sunday = NULL;
  g_autofree char *next_monday = NULL;
  char month_name[64];
  int column, row, width, height;
  GDate d;
  CellWait wait;

  /* The first weekday of next month, and the two days after it. */
  g_assert_true (platz_date_parse (today, &d));
  g_date_set_day (&d, 1);
  g_date_add_months (&d, 1);
  g_assert_cmpuint (g_date_strftime (month_name, sizeof month_name, "%B %Y", &d), >, 0);
  while (platz_date_iso_weekday (&d) > 5)
    g_date_add_days (&d, 1);
  first = platz_date_format (&d);
  second = day_after (first, 1);
  third = day_after (first, 2);
  fourth = day_after (first, 3);

  test_sign_in_or_kept (window, "lars");
  platz_window_show_page (window, "projects");
  page = PLATZ_PROJECTS_PAGE (platz_window_get_page (window, "projects"));
  g_assert_true (test_wait_until (page_idle, page, 10000));
  platz_projects_page_set_week (page, today);
  g_assert_true (test_wait_until (page_idle, page, 10000));
  /* The week grid does not reach next month's days. */
  g_assert_null (platz_projects_page_get_cell_text (page, 4, third));

  /* Switch to the month and on to the next one. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_named (GTK_WIDGET (page),
                                                                    "view-month")), TRUE);
  g_assert_true (platz_projects_page_get_month_view (page));
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (page), "next"), "clicked");
  g_assert_cmpstr (platz_projects_page_get_period_label (page), ==, month_name);
  wait = (CellWait) { page, first, "" };
  g_assert_true (test_wait_until (cell_is, &wait, 10000));

  /* A free day of the grid opens the reservation from that day. */
  cell = g_strdup_printf ("cell-4-%s", first);
  g_signal_emit_by_name (test_find_named (GTK_WIDGET (page), cell), "clicked");
  dialog = platz_projects_page_get_reserve_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (dialog),
                                                                         "from"))), ==, first);
  gtk_editable_set_text (GTK_EDITABLE (test_find_named (GTK_WIDGET (dialog), "to")), third);
  send_reservation (window, page, "Project office reserved for 3 days.");

  /* The month shows the team on the three days, in one cell. */
  wait = (CellWait) { page, third, "E-Government" };
  g_assert_true (test_wait_until (cell_is, &wait, 10000));
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, first), ==, "E-Government");
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, second), ==, "E-Government");
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, fourth), ==, "");
  button = test_find_named (GTK_WIDGET (page), cell);
  grid = gtk_widget_get_parent (button);
  gtk_grid_query_child (GTK_GRID (grid), button, &column, &row, &width, &height);
  g_assert_cmpint (width, ==, 3);
  g_assert_true (gtk_widget_has_css_class (button, "taken"));

  /* Its three days are cancelled together. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (test_wait_until (cancel_dialog_open, page, 5000));
  g_assert_true (adw_message_dialog_has_response (platz_projects_page_get_cancel_dialog (page),
                                                  "days"));
  adw_message_dialog_response (platz_projects_page_get_cancel_dialog (page), "days");
  wait = (CellWait) { page, third, "" };
  g_assert_true (test_wait_until (cell_is, &wait, 10000));
  g_assert_cmpstr (platz_projects_page_get_cell_text (page, 4, first), ==, "");
  g_assert_cmpstr (platz_window_get_last_toast (window), ==,
                   "Reservations of 3 days cancelled.");

  /* Back to the week: seven days again. */
  platz_projects_page_set_month_view (page, FALSE);
  g_assert_true (test_wait_until (page_idle, page, 10000));
  sunday = day_after (platz_projects_page_get_week_start (page), 6);
  next_monday = day_after (platz_projects_page_get_week_start (page), 7);
  g_assert_nonnull (platz_projects_page_get_cell_text (page, 4, sunday));
  g_assert_null (platz_projects_page_get_cell_text (page, 4, next_monday));

  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  TestUi *ui = test_ui_init (&argc, &argv);
  PlatzTeam team = { 0 };
  gint64 lead;

  server = ui->server;
  admin = ui->admin;
  lead = test_create_user (server->base, admin, "lars", "team_lead", 0);
  team.name = (char *) "E-Government";
  team.lead_user_id = lead;
  test_api_create (admin, &platz_team_type, &team);

  g_test_add_func ("/ui/projects/week-and-conflicts", test_week_and_conflicts);
  g_test_add_func ("/ui/projects/month", test_month);
  return test_ui_run (ui);
}
