/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-router"

#include "config.h"

#include <string.h>

#include "platzd-app.h"

/*
 * A route is a method and a pattern of '/'-separated segments; a segment
 * "{name}" matches one path segment and binds it.  Parameters whose name
 * is "id" or ends in "_id" match only 1 to 18 digits, so "/bookings/abc"
 * is simply an unknown path (404).
 */

typedef struct {
  char          *method;
  char          *pattern;
  char         **segments;
  PlatzdHandler  handler;
  guint          flags;
  gconstpointer  data;
} Route;

struct _PlatzdRouter {
  GPtrArray *routes;
};

static void
route_free (gpointer data)
{
  Route *route = data;

  g_free (route->method);
  g_free (route->pattern);
  g_strfreev (route->segments);
  g_free (route);
}

PlatzdRouter *
platzd_router_new (void)
{
  PlatzdRouter *router = g_new0 (PlatzdRouter, 1);

  router->routes = g_ptr_array_new_with_free_func (route_free);
  return router;
}

void
platzd_router_free (PlatzdRouter *router)
{
  if (router == NULL)
    return;
  g_ptr_array_unref (router->routes);
  g_free (router);
}

void
platzd_router_add (PlatzdRouter *router,
                   const char   *method,
                   const char   *pattern,
                   PlatzdHandler handler,
                   guint         flags)
{
  platzd_router_add_full (router, method, pattern, handler, flags, NULL);
}

void
platzd_router_add_full (PlatzdRouter *router,
                        const char   *method,
                        const char   *pattern,
                        PlatzdHandler handler,
                        guint         flags,
                        gconstpointer data)
{
  Route *route;

  g_return_if_fail (pattern[0] == '/');
  /* The first registration of a method and pattern wins: a resource can
   * take over one route of the generic ones (GET /floors/{id}) by
   * registering it first. */
  for (guint i = 0; i < router->routes->len; i++)
    {
      Route *other = router->routes->pdata[i];

      if (strcmp (other->method, method) == 0 && strcmp (other->pattern, pattern) == 0)
        return;
    }
  route = g_new0 (Route, 1);
  route->method = g_strdup (method);
  route->pattern = g_strdup (pattern);
  route->segments = g_strsplit (pattern + 1, "/", -1);
  route->handler = handler;
  route->flags = flags;
  route->data = data;
  g_ptr_array_add (router->routes, route);
}

static gboolean
is_param (const char *segment)
{
  gsize len = strlen (segment);

  return len > 2 && segment[0] == '{' && segment[len - 1] == '}';
}

static gboolean
param_matches (const char *segment,
               const char *value)
{
  gsize len = strlen (segment);
  gboolean numeric = (len == 4 && strncmp (segment, "{id}", 4) == 0) ||
                     (len > 5 && strncmp (segment + len - 4, "_id}", 4) == 0);
  gsize vlen = strlen (value);

  if (vlen == 0)
    return FALSE;
  if (!numeric)
    return vlen <= 64;
  if (vlen > 18)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
route_matches (Route       *route,
               char       **parts,
               GHashTable  *params)
{
  guint i;

  for (i = 0; route->segments[i] != NULL && parts[i] != NULL; i++)
    {
      const char *seg = route->segments[i];

      if (is_param (seg))
        {
          if (!param_matches (seg, parts[i]))
            return FALSE;
        }
      else if (strcmp (seg, parts[i]) != 0)
        return FALSE;
    }
  if (route->segments[i] != NULL || parts[i] != NULL)
    return FALSE;

  if (params != NULL)
    for (i = 0; route->segments[i] != NULL; i++)
      if (is_param (route->segments[i]))
        {
          const char *seg = route->segments[i];
          g_hash_table_insert (params, g_strndup (seg + 1, strlen (seg) - 2),
                               g_strdup (parts[i]));
        }
  return TRUE;
}

PlatzdHandler
platzd_router_lookup (PlatzdRouter *router,
                      const char   *method,
                      const char   *path,
                      GHashTable   *params,
                      guint        *flags,
                      gconstpointer *data,
                      guint        *status)
{
  g_auto(GStrv) parts = NULL;
  gboolean path_known = FALSE;
  gsize len;

  *status = 404;
  if (path == NULL || path[0] != '/')
    return NULL;
  /* A trailing slash names the same resource. */
  len = strlen (path);
  if (len > 1 && path[len - 1] == '/')
    {
      g_autofree char *trimmed = g_strndup (path + 1, len - 2);
      parts = g_strsplit (trimmed, "/", -1);
    }
  else
    parts = g_strsplit (path + 1, "/", -1);

  for (guint i = 0; i < router->routes->len; i++)
    {
      Route *route = router->routes->pdata[i];

      if (!route_matches (route, parts, NULL))
        continue;
      path_known = TRUE;
      if (strcmp (route->method, method) != 0)
        continue;
      route_matches (route, parts, params);
      *flags = route->flags;
      *data = route->data;
      return route->handler;
    }
  *status = path_known ? 405 : 404;
  return NULL;
}

GPtrArray *
platzd_router_routes (PlatzdRouter *router)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < router->routes->len; i++)
    {
      Route *route = router->routes->pdata[i];
      g_ptr_array_add (result, g_strdup_printf ("%s %s", route->method, route->pattern));
    }
  return result;
}
