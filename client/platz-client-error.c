/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-client-error"

#include "config.h"

#include <inttypes.h>

#include <stdlib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "platz-codec.h"
#include "platz-client-error.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
describe_conflicts (JsonObject *error_object)
{
  JsonNode *node = json_object_get_member (error_object, "conflicts");
  g_autoptr(GString) s = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element)
          || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, json_node_get_string (element));
    }
  return g_strdup (s->str);
}

GError *
platz_client_error_from_response (guint       status,
                                  GBytes     *body,
                                  const char *retry_after)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *conflicts = NULL;
  const char *code = NULL, *reason = NULL;
  PlatzErrorCode error_code;

  if (status == 0)
    return g_error_new_literal (PLATZ_ERROR, PLATZ_ERROR_NETWORK,
                                platz_error_describe (PLATZ_ERROR_NETWORK));

  if (body != NULL && g_bytes_get_size (body) > 0)
    {
      gsize len;
      const char *data = g_bytes_get_data (body, &len);

      root = platz_json_parse (data, len, NULL);
    }
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *error_node = json_object_get_member (json_node_get_object (root), "error");

      if (error_node != NULL && JSON_NODE_HOLDS_OBJECT (error_node))
        {
          JsonObject *error_object = json_node_get_object (error_node);

          code = member_string (error_object, "code");
          reason = member_string (error_object, "reason");
          conflicts = describe_conflicts (error_object);
        }
    }

  error_code = platz_error_from_names (status, code, reason);

  if (error_code == PLATZ_ERROR_RATE_LIMITED && retry_after != NULL)
    {
      gint64 seconds = g_ascii_strtoll (retry_after, NULL, 10);

      if (seconds > 0)
        {
          gint64 minutes = (seconds + 59) / 60;

          return g_error_new (PLATZ_ERROR, error_code,
                              g_dngettext (NULL,
                                           "Too many failed attempts. Try again in %"
                                           PRId64 " minute.",
                                           "Too many failed attempts. Try again in %"
                                           PRId64 " minutes.",
                                           minutes),
                              minutes);
        }
    }
  if (error_code == PLATZ_ERROR_ROOM_TAKEN && conflicts != NULL)
    return g_error_new (PLATZ_ERROR, error_code,
                        _("The room is already reserved on these days: %s."), conflicts);
  if (code == NULL && status >= 500)
    return g_error_new (PLATZ_ERROR, error_code,
                        _("The server had a problem (HTTP %u). Please try again later."),
                        status);

  return g_error_new_literal (PLATZ_ERROR, error_code, platz_error_describe (error_code));
}

char *
platz_client_error_room_full (gint64 booked,
                              gint64 limit)
{
  /* The noun follows the limit: "1 of 1 person", "2 of 3 people". */
  return g_strdup_printf (g_dngettext (NULL,
                                       "This room already has %" PRId64 " of %" PRId64
                                       " person that day.",
                                       "This room already has %" PRId64 " of %" PRId64
                                       " people that day.",
                                       limit),
                          booked, limit);
}

char *
platz_client_error_for_member (const GError *error,
                               const char   *name)
{
  if (error == NULL || error->domain != PLATZ_ERROR)
    return NULL;
  switch (error->code)
    {
    case PLATZ_ERROR_QUOTA_EXCEEDED:
      return g_strdup_printf (_("%s has used all desk bookings allowed for that week."), name);
    case PLATZ_ERROR_USER_ALREADY_BOOKED:
      return g_strdup_printf (_("%s already has a desk booked for that time."), name);
    case PLATZ_ERROR_NOT_ELIGIBLE:
      return g_strdup_printf (_("This room's occupancy standard does not allow the function "
                                "of %s."), name);
    default:
      return NULL;
    }
}

GError *
platz_client_error_network (const char   *base_url,
                            const GError *cause)
{
  return g_error_new (PLATZ_ERROR, PLATZ_ERROR_NETWORK,
                      _("The server at %s cannot be reached. Check the address and "
                        "your connection."),
                      base_url);
}
