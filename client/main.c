/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "platz-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlatzApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* An uninstalled client (scripts/demo, tests) finds its catalogues in
   * the build tree: PLATZ_LOCALEDIR=<builddir>/po. */
  localedir = g_getenv ("PLATZ_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = platz_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
