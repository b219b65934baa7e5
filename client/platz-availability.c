/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-availability"

#include "config.h"

#include "platz-codec.h"
#include "platz-error.h"
#include "platz-availability.h"

/* ------------------------------------------------------------------ */
/* Floor data                                                          */
/* ------------------------------------------------------------------ */

static void
free_room (gpointer room)
{
  platz_object_free (&platz_room_type, room);
}

static void
free_desk (gpointer desk)
{
  platz_object_free (&platz_desk_type, desk);
}

static void
floor_data_clear (gpointer data)
{
  PlatzFloorData *self = data;

  if (self->floor != NULL)
    platz_object_free (&platz_floor_type, self->floor);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_pointer (&self->desks, g_ptr_array_unref);
}

PlatzFloorData *
platz_floor_data_new (void)
{
  PlatzFloorData *self = g_atomic_rc_box_new0 (PlatzFloorData);

  self->floor = platz_object_new (&platz_floor_type);
  self->rooms = g_ptr_array_new_with_free_func (free_room);
  self->desks = g_ptr_array_new_with_free_func (free_desk);
  return self;
}

PlatzFloorData *
platz_floor_data_ref (PlatzFloorData *data)
{
  return g_atomic_rc_box_acquire (data);
}

void
platz_floor_data_unref (PlatzFloorData *data)
{
  g_atomic_rc_box_release_full (data, floor_data_clear);
}

static gboolean
decode_members (JsonObject      *object,
                const char      *name,
                const PlatzType *type,
                GPtrArray       *into,
                GError         **error)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "The server sent a floor whose %s are not a list", name);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer obj = platz_object_new (type);

      if (!platz_decode (type, json_array_get_element (array, i), PLATZ_DECODE_RESPONSE,
                         obj, NULL, error))
        {
          platz_object_free (type, obj);
          return FALSE;
        }
      g_ptr_array_add (into, obj);
    }
  return TRUE;
}

PlatzFloorData *
platz_floor_data_parse (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(PlatzFloorData) self = platz_floor_data_new ();
  JsonObject *object;

  if (!platz_decode (&platz_floor_type, node, PLATZ_DECODE_RESPONSE, self->floor, NULL, error))
    return NULL;
  object = json_node_get_object (node);
  if (json_object_has_member (object, "site_id"))
    self->site_id = json_object_get_int_member_with_default (object, "site_id", 0);
  if (!decode_members (object, "rooms", &platz_room_type, self->rooms, error)
      || !decode_members (object, "desks", &platz_desk_type, self->desks, error))
    return NULL;
  return g_steal_pointer (&self);
}

PlatzRoom *
platz_floor_data_find_room (PlatzFloorData *data,
                            gint64          room_id)
{
  for (guint i = 0; i < data->rooms->len; i++)
    if (((PlatzRoom *) data->rooms->pdata[i])->id == room_id)
      return data->rooms->pdata[i];
  return NULL;
}

PlatzDesk *
platz_floor_data_find_desk (PlatzFloorData *data,
                            gint64          desk_id)
{
  for (guint i = 0; i < data->desks->len; i++)
    if (((PlatzDesk *) data->desks->pdata[i])->id == desk_id)
      return data->desks->pdata[i];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Availability                                                        */
/* ------------------------------------------------------------------ */

static void
free_desk_availability (gpointer data)
{
  PlatzDeskAvailability *desk = data;

  g_free (desk->booked_by);
  g_free (desk);
}

static void
availability_clear (gpointer data)
{
  PlatzAvailability *self = data;

  g_free (self->date);
  g_clear_pointer (&self->desks, g_hash_table_unref);
  g_clear_pointer (&self->rooms, g_hash_table_unref);
}

PlatzAvailability *
platz_availability_ref (PlatzAvailability *avail)
{
  return g_atomic_rc_box_acquire (avail);
}

void
platz_availability_unref (PlatzAvailability *avail)
{
  g_atomic_rc_box_release_full (avail, availability_clear);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return 0;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

PlatzAvailability *
platz_availability_parse (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(PlatzAvailability) self = NULL;
  JsonObject *object;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "The server sent availability that is not an object");
      return NULL;
    }
  object = json_node_get_object (node);

  self = g_atomic_rc_box_new0 (PlatzAvailability);
  self->date = g_strdup (string_member (object, "date"));
  self->floor_id = int_member (object, "floor_id");
  self->desks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, free_desk_availability);
  self->rooms = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  if ((array = array_member (object, "rooms")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *element = json_array_get_element (array, i);
        JsonObject *room;
        JsonNode *booked;
        PlatzRoomFill *fill;

        if (!JSON_NODE_HOLDS_OBJECT (element))
          continue;
        room = json_node_get_object (element);
        fill = g_new0 (PlatzRoomFill, 1);
        fill->room_id = int_member (room, "id");
        fill->limit = int_member (room, "limit");
        booked = json_object_get_member (room, "booked");
        if (booked != NULL && JSON_NODE_HOLDS_OBJECT (booked))
          {
            fill->booked_am = int_member (json_node_get_object (booked), "am");
            fill->booked_pm = int_member (json_node_get_object (booked), "pm");
          }
        g_hash_table_replace (self->rooms, &fill->room_id, fill);
      }

  if ((array = array_member (object, "desks")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *element = json_array_get_element (array, i);
        PlatzDeskAvailability *desk;
        JsonObject *o;

        if (!JSON_NODE_HOLDS_OBJECT (element))
          continue;
        o = json_node_get_object (element);
        desk = g_new0 (PlatzDeskAvailability, 1);
        desk->desk_id = int_member (o, "id");
        desk->room_id = int_member (o, "room_id");
        desk->am = platz_desk_state_from_string (string_member (o, "am"));
        desk->pm = platz_desk_state_from_string (string_member (o, "pm"));
        desk->booked_by = g_strdup (string_member (o, "booked_by"));
        desk->booking_id = int_member (o, "booking_id");
        g_hash_table_replace (self->desks, &desk->desk_id, desk);
      }

  return g_steal_pointer (&self);
}

const PlatzDeskAvailability *
platz_availability_get_desk (PlatzAvailability *avail,
                             gint64             desk_id)
{
  if (avail == NULL)
    return NULL;
  return g_hash_table_lookup (avail->desks, &desk_id);
}

const PlatzRoomFill *
platz_availability_get_room (PlatzAvailability *avail,
                             gint64             room_id)
{
  if (avail == NULL)
    return NULL;
  return g_hash_table_lookup (avail->rooms, &room_id);
}
