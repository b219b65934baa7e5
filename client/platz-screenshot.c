/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-screenshot"

#include "config.h"

#include <glib/gstdio.h>

#include "platz-login-page.h"
#include "platz-rooms-page.h"
#include "platz-screenshot.h"

#define STEP_MS 250
#define SETTLE_STEPS 8       /* wait this long after loading stops */
#define GIVE_UP_STEPS 160    /* 40 s */

static const char * const pages[] = { "day", "bookings", "rooms", "projects", "facility" };

typedef struct {
  PlatzWindow *window;
  char        *dir;
  char        *username;
  char        *password;
  guint        page;
  guint        steps;
  gboolean     signing_in;
} Shooter;

static void
shooter_free (Shooter *shooter)
{
  g_object_unref (shooter->window);
  g_free (shooter->dir);
  g_free (shooter->username);
  g_free (shooter->password);
  g_free (shooter);
}

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

static gboolean
step_cb (gpointer user_data)
{
  Shooter *s = user_data;
  GtkWidget *login = platz_window_get_login_page (s->window);

  if (++s->steps > GIVE_UP_STEPS)
    {
      g_printerr ("platz --screenshot: gave up waiting (page %u)\n", s->page);
      gtk_window_destroy (GTK_WINDOW (s->window));
      shooter_free (s);
      return G_SOURCE_REMOVE;
    }

  if (!platz_window_is_signed_in (s->window))
    {
      if (gtk_widget_get_mapped (login) && !platz_login_page_is_busy (PLATZ_LOGIN_PAGE (login)))
        {
          if (s->signing_in && *platz_login_page_get_error (PLATZ_LOGIN_PAGE (login)) != '\0')
            {
              g_printerr ("platz --screenshot: %s\n",
                          platz_login_page_get_error (PLATZ_LOGIN_PAGE (login)));
              gtk_window_destroy (GTK_WINDOW (s->window));
              shooter_free (s);
              return G_SOURCE_REMOVE;
            }
          if (!s->signing_in)
            {
              g_autofree char *path = g_build_filename (s->dir, "login.png", NULL);

              save_png (GTK_WIDGET (s->window), path);
              g_print ("%s\n", path);
              s->signing_in = TRUE;
              platz_login_page_sign_in (PLATZ_LOGIN_PAGE (login),
                                        s->username ? s->username : "",
                                        s->password ? s->password : "");
            }
        }
      return G_SOURCE_CONTINUE;
    }

  /* Skip pages the role does not show. */
  while (s->page < G_N_ELEMENTS (pages) && !platz_window_page_visible (s->window, pages[s->page]))
    s->page++;
  if (s->page >= G_N_ELEMENTS (pages))
    {
      gtk_window_destroy (GTK_WINDOW (s->window));
      shooter_free (s);
      return G_SOURCE_REMOVE;
    }
  platz_window_show_page (s->window, pages[s->page]);
  /* Rooms shows what a search finds, with the rooms' timelines. */
  if (s->steps == SETTLE_STEPS / 2 && g_str_equal (pages[s->page], "rooms"))
    platz_rooms_page_search (PLATZ_ROOMS_PAGE (platz_window_get_page (s->window, "rooms")));
  if (s->steps < SETTLE_STEPS)
    return G_SOURCE_CONTINUE;

  {
    g_autofree char *name = g_strconcat (pages[s->page], ".png", NULL);
    g_autofree char *path = g_build_filename (s->dir, name, NULL);

    if (!save_png (GTK_WIDGET (s->window), path))
      g_printerr ("platz --screenshot: could not write %s\n", path);
    else
      g_print ("%s\n", path);
  }
  s->page++;
  s->steps = 0;
  return G_SOURCE_CONTINUE;
}

void
platz_screenshot_run (PlatzWindow *window,
                      const char  *dir,
                      const char  *username,
                      const char  *password)
{
  Shooter *s = g_new0 (Shooter, 1);

  g_mkdir_with_parents (dir, 0755);
  s->window = g_object_ref (window);
  s->dir = g_strdup (dir);
  s->username = g_strdup (username);
  s->password = g_strdup (password);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (STEP_MS, step_cb, s);
}
