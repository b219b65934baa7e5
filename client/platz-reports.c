/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-reports"

#include "config.h"

#include <string.h>

#include "platz-error.h"
#include "platz-reports.h"

static const char *
get_string (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *o,
         const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return 0;
}

static JsonArray *
get_array (JsonNode   *node,
           const char *name,
           GError    **error)
{
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || (member = json_object_get_member (json_node_get_object (node), name)) == NULL
      || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "The server's report has no list of %s", name);
      return NULL;
    }
  return json_node_get_array (member);
}

static void
utilisation_row_free (gpointer data)
{
  PlatzUtilisationRow *row = data;

  g_free (row->date);
  g_free (row->room_name);
  g_free (row->floor_name);
  g_free (row);
}

GPtrArray *
platz_utilisation_parse (JsonNode  *node,
                         GError   **error)
{
  JsonArray *array = get_array (node, "rows", error);
  GPtrArray *rows;

  if (array == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (utilisation_row_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      PlatzUtilisationRow *row;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      o = json_node_get_object (element);
      row = g_new0 (PlatzUtilisationRow, 1);
      row->date = g_strdup (get_string (o, "date"));
      row->room_id = get_int (o, "room_id");
      row->room_name = g_strdup (get_string (o, "room_name"));
      row->floor_id = get_int (o, "floor_id");
      row->floor_name = g_strdup (get_string (o, "floor_name"));
      row->limit = get_int (o, "limit");
      row->booked_half_days = get_int (o, "booked_half_days");
      row->no_shows = get_int (o, "no_shows");
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
planner_standard_free (gpointer data)
{
  PlatzPlannerStandard *standard = data;

  g_free (standard->name);
  g_free (standard);
}

static void
planner_building_free (gpointer data)
{
  PlatzPlannerBuilding *building = data;

  g_free (building->building_name);
  g_clear_pointer (&building->standards, g_ptr_array_unref);
  g_free (building);
}

GPtrArray *
platz_planner_parse (JsonNode  *node,
                     GError   **error)
{
  JsonArray *array = get_array (node, "buildings", error);
  GPtrArray *buildings;

  if (array == NULL)
    return NULL;
  buildings = g_ptr_array_new_with_free_func (planner_building_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      PlatzPlannerBuilding *b;
      JsonArray *standards;
      JsonNode *users;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      o = json_node_get_object (element);
      b = g_new0 (PlatzPlannerBuilding, 1);
      b->building_id = get_int (o, "building_id");
      b->building_name = g_strdup (get_string (o, "building_name"));
      users = json_object_get_member (o, "users");
      if (users != NULL && JSON_NODE_HOLDS_OBJECT (users))
        {
          b->users_head = get_int (json_node_get_object (users), "head");
          b->users_staff = get_int (json_node_get_object (users), "staff");
        }
      b->desks_existing = get_int (o, "desks_existing");
      b->desks_needed = get_int (o, "desks_needed");
      b->rooms_existing = get_int (o, "rooms_existing");
      b->rooms_needed = get_int (o, "rooms_needed");
      b->rooms_freeable = get_int (o, "rooms_freeable");
      b->standards = g_ptr_array_new_with_free_func (planner_standard_free);
      standards = get_array (element, "standards", NULL);
      for (guint j = 0; standards != NULL && j < json_array_get_length (standards); j++)
        {
          JsonNode *s_node = json_array_get_element (standards, j);
          PlatzPlannerStandard *s;
          JsonObject *so;

          if (!JSON_NODE_HOLDS_OBJECT (s_node))
            continue;
          so = json_node_get_object (s_node);
          s = g_new0 (PlatzPlannerStandard, 1);
          s->standard_id = get_int (so, "occupancy_standard_id");
          s->name = g_strdup (get_string (so, "name"));
          s->max_persons = get_int (so, "max_persons");
          s->rooms_existing = get_int (so, "rooms_existing");
          s->desks_existing = get_int (so, "desks_existing");
          s->desks_needed = get_int (so, "desks_needed");
          s->rooms_needed = get_int (so, "rooms_needed");
          s->rooms_freeable = get_int (so, "rooms_freeable");
          g_ptr_array_add (b->standards, s);
        }
      g_ptr_array_add (buildings, b);
    }
  return buildings;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const PlatzUtilisationDay *) a)->date,
                 ((const PlatzUtilisationDay *) b)->date);
}

GArray *
platz_utilisation_by_day (GPtrArray *rows,
                          gint64     floor_id)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (PlatzUtilisationDay));

  g_return_val_if_fail (rows != NULL, days);

  for (guint i = 0; i < rows->len; i++)
    {
      const PlatzUtilisationRow *row = rows->pdata[i];
      PlatzUtilisationDay *day = NULL;

      if (row->date == NULL || strlen (row->date) != 10)
        continue;
      if (floor_id != 0 && row->floor_id != floor_id)
        continue;
      for (guint j = 0; j < days->len; j++)
        if (strcmp (g_array_index (days, PlatzUtilisationDay, j).date, row->date) == 0)
          day = &g_array_index (days, PlatzUtilisationDay, j);
      if (day == NULL)
        {
          PlatzUtilisationDay empty = { { 0 }, 0, 0, 0 };

          memcpy (empty.date, row->date, 10);
          g_array_append_val (days, empty);
          day = &g_array_index (days, PlatzUtilisationDay, days->len - 1);
        }
      day->limit += row->limit * 2;
      day->booked_half_days += row->booked_half_days;
      day->no_shows += row->no_shows;
    }
  g_array_sort (days, compare_days);
  return days;
}
