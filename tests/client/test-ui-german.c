/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The client in German: started under LANG=de_DE.UTF-8 with the build
 * tree's catalogue, the login page, the screens' titles and the desks'
 * toolbar speak German.  The locale must be installed (scripts/deps.sh
 * test generates it): without it this test fails, it does not skip.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "platz-window.h"
#include "platz-client-test-util.h"

static TestUi *ui;

static void
assert_label (GtkWidget  *widget,
              const char *text)
{
  if (test_find_label (widget, text) == NULL)
    g_error ("no label reads \"%s\"", text);
}

static void
test_screens_in_german (void)
{
  PlatzWindow *window = test_window_open (ui->server->base);
  GtkWidget *login = platz_window_get_login_page (window);
  GtkWidget *day;

  g_assert_true (test_wait_until (test_login_shown, window, 10000));
  assert_label (login, "Bei Platz anmelden");
  assert_label (login, "Benutzername");
  assert_label (login, "Anmelden");

  test_sign_in (window, TEST_ADMIN);
  /* The screens' titles in the header's switcher. */
  assert_label (GTK_WIDGET (window), "Arbeitsplätze");
  assert_label (GTK_WIDGET (window), "Meine Buchungen");
  assert_label (GTK_WIDGET (window), "Räume");
  assert_label (GTK_WIDGET (window), "Projektbüros");
  assert_label (GTK_WIDGET (window), "Flächenmanagement");
  g_assert_null (test_find_label (GTK_WIDGET (window), "My Bookings"));

  day = platz_window_get_page (window, "day");
  assert_label (day, "Heute");
  assert_label (day, "Filter");
  assert_label (day, "Liste");

  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PLATZ_LOCALEDIR");
  const char *locale;

  locale = setlocale (LC_ALL, "");
  if (locale == NULL || !g_str_has_prefix (locale, "de_DE"))
    {
      g_printerr ("The de_DE.UTF-8 locale is not installed (LC_ALL=%s): "
                  "run scripts/deps.sh test as root\n", g_getenv ("LC_ALL"));
      return 1;
    }
  ui = test_ui_init (&argc, &argv);
  /* gtk_test_init chose a fixed locale; this test is about the user's. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/german/screens", test_screens_in_german);
  return test_ui_run (ui);
}
