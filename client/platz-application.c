/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-application"

#include "config.h"
#include "platz-client-config.h"

#include <glib/gi18n.h>

#include "platz-api.h"
#include "platz-screenshot.h"
#include "platz-window.h"
#include "platz-application.h"

struct _PlatzApplication
{
  AdwApplication  parent_instance;

  char           *server;
  char           *screenshot_dir;
  char           *user;
};

G_DEFINE_FINAL_TYPE (PlatzApplication, platz_application, ADW_TYPE_APPLICATION)

GSettings *
platz_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, PLATZ_APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (PLATZ_BUILD_SCHEMA_DIR,
                                                                  source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, PLATZ_APPLICATION_ID, TRUE);
    }
  if (schema == NULL)
    {
      g_printerr ("The settings schema %s is not installed.\n", PLATZ_APPLICATION_ID);
      exit (1);
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static int
platz_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  PlatzApplication *self = PLATZ_APPLICATION (app);

  g_variant_dict_lookup (options, "server", "s", &self->server);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_dir);
  g_variant_dict_lookup (options, "user", "s", &self->user);
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("platz %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
platz_application_activate (GApplication *app)
{
  PlatzApplication *self = PLATZ_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(GSettings) settings = platz_application_new_settings ();
      g_autoptr(PlatzApi) api = NULL;
      g_autofree char *server_url = NULL;

      /* --server wins even where the settings backend cannot store it
       * (no session bus): use it directly, and remember it if we can. */
      if (self->server != NULL)
        g_settings_set_string (settings, "server-url", self->server);
      server_url = self->server ? g_strdup (self->server)
                                : g_settings_get_string (settings, "server-url");
      api = platz_api_new (server_url);
      window = GTK_WINDOW (platz_window_new_for_user (self, api, settings, self->user));
      if (self->screenshot_dir != NULL)
        {
          platz_screenshot_run (PLATZ_WINDOW (window), self->screenshot_dir, self->user,
                                g_getenv ("PLATZ_PASSWORD"));
          return;
        }
    }
  gtk_window_present (window);
}

static void
platz_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (platz_application_parent_class)->startup (app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (window,
                         "application-name", "Platz",
                         "application-icon", "x-office-calendar",
                         "version", PACKAGE_VERSION,
                         "comments", _("Desk sharing and room booking"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
platz_application_finalize (GObject *object)
{
  PlatzApplication *self = PLATZ_APPLICATION (object);

  g_free (self->server);
  g_free (self->screenshot_dir);
  g_free (self->user);
  G_OBJECT_CLASS (platz_application_parent_class)->finalize (object);
}

static void
platz_application_class_init (PlatzApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = platz_application_finalize;
  app_class->activate = platz_application_activate;
  app_class->startup = platz_application_startup;
  app_class->handle_local_options = platz_application_handle_local_options;
}

static void
platz_application_init (PlatzApplication *self)
{
  static const GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Address of the Platz server (remembered)"), N_("URL") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Render every screen to PNG files in DIR and quit"), N_("DIR") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, NULL,
      N_("User name to sign in with (password from PLATZ_PASSWORD)"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version"), NULL },
    { NULL }
  };
  static const GActionEntry actions[] = {
    { "quit", quit_activated, NULL, NULL, NULL },
    { "about", about_activated, NULL, NULL, NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

PlatzApplication *
platz_application_new (void)
{
  return g_object_new (PLATZ_TYPE_APPLICATION,
                       "application-id", PLATZ_APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/platz/Platz",
                       NULL);
}
