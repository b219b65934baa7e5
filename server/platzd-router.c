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
 *
 * The query parameters each route takes are those the API document
 * (schemas/openapi.json, compiled in) lists for it: one list for the
 * handlers and the documentation, and a parameter nobody reads (a typo
 * such as ?frm=) is refused, not silently ignored.
 */

typedef struct {
  char          *method;
  char          *pattern;
  char         **segments;
  PlatzdHandler  handler;
  guint          flags;
  gconstpointer  data;
  GHashTable    *query_names;  /* documented query parameters, NULL: none */
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
  g_clear_pointer (&route->query_names, g_hash_table_unref);
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
                      guint        *status,
                      GHashTable  **query_names)
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
      if (query_names != NULL)
        *query_names = route->query_names;
      return route->handler;
    }
  *status = path_known ? 405 : 404;
  return NULL;
}

/* Query parameters */

#define PARAMETER_REF "#/components/parameters/"

static void
add_query_names (GHashTable *names,
                 JsonObject *components,
                 JsonArray  *parameters)
{
  for (guint i = 0; parameters != NULL && i < json_array_get_length (parameters); i++)
    {
      JsonObject *param = json_array_get_object_element (parameters, i);
      const char *ref = param ? json_object_get_string_member_with_default (param, "$ref", NULL)
                              : NULL;
      const char *name;

      if (ref != NULL && g_str_has_prefix (ref, PARAMETER_REF))
        param = platz_json_object_member (components, ref + strlen (PARAMETER_REF));
      name = param ? json_object_get_string_member_with_default (param, "name", NULL) : NULL;
      if (name != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (param, "in", NULL), "query") == 0)
        g_hash_table_add (names, g_strdup (name));
    }
}

gboolean
platzd_router_load_query_names (PlatzdRouter *router,
                                GBytes       *openapi,
                                GError      **error)
{
  gsize size;
  const char *data = g_bytes_get_data (openapi, &size);
  g_autoptr(JsonNode) root = platz_json_parse (data, size, error);
  JsonObject *document, *paths, *parameters;

  if (root == NULL)
    return FALSE;
  document = json_node_get_object (root);
  paths = platz_json_object_member (document, "paths");
  parameters = platz_json_object_member (platz_json_object_member (document, "components"),
                                         "parameters");
  for (guint i = 0; i < router->routes->len; i++)
    {
      Route *route = router->routes->pdata[i];
      JsonObject *item = platz_json_object_member (paths, route->pattern);
      g_autofree char *method = g_ascii_strdown (route->method, -1);
      JsonObject *operation = platz_json_object_member (item, method);

      g_clear_pointer (&route->query_names, g_hash_table_unref);
      if (operation == NULL)
        continue;
      route->query_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_query_names (route->query_names, parameters,
                       platz_json_array_member (item, "parameters"));
      add_query_names (route->query_names, parameters,
                       platz_json_array_member (operation, "parameters"));
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
platzd_router_check_query (GHashTable *query_names,
                           GHashTable *query,
                           GError    **error)
{
  g_autoptr(GPtrArray) unknown = NULL;
  GHashTableIter iter;
  gpointer name;

  if (query == NULL)
    return TRUE;
  unknown = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (query_names == NULL || !g_hash_table_contains (query_names, name))
      g_ptr_array_add (unknown, name);
  if (unknown->len == 0)
    return TRUE;
  g_ptr_array_sort (unknown, compare_names);
  g_ptr_array_add (unknown, NULL);
  {
    g_autofree char *names = g_strjoinv (", ", (char **) unknown->pdata);
    g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST, "Unknown query parameter%s: %s",
                 unknown->len > 2 ? "s" : "", names);
  }
  return FALSE;
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
