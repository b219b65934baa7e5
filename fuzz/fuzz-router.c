/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: the router's path parsing.  Input: "METHOD PATH" (the
 * first space splits), looked up in platzd's real route table.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <glib/gstdio.h>

#include "platzd-app.h"

static PlatzdApp *app;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("platz-fuzz-XXXXXX", &error);
  g_autofree char *db = NULL;
  PlatzdStore *store;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_assert_no_error (error);
  db = g_build_filename (dir, "router.db", NULL);
  store = platzd_store_open (db, &error);
  g_assert_no_error (error);
  app = platzd_app_new (store);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  char *space = strchr (text, ' ');
  const char *method = "GET", *path = text;
  gconstpointer route_data = NULL;
  guint flags = 0, status = 0;
  PlatzdHandler handler;

  if (space != NULL)
    {
      *space = '\0';
      method = text;
      path = space + 1;
    }
  handler = platzd_router_lookup (app->router, method, path, params, &flags, &route_data,
                                  &status, NULL);
  if (handler == NULL)
    g_assert (status == 404 || status == 405);
  else
    {
      /* Bound parameters are non-empty; ids are 1 to 18 digits. */
      GHashTableIter iter;
      const char *name, *value;

      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &value))
        {
          g_assert (*value != '\0');
          g_assert (strchr (value, '/') == NULL);
          if (strcmp (name, "id") == 0 || g_str_has_suffix (name, "_id"))
            {
              g_assert (strlen (value) <= 18);
              for (const char *p = value; *p; p++)
                g_assert (g_ascii_isdigit (*p));
            }
        }
    }
  return 0;
}
