/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-reports"

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "platz-date.h"
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

/* rooms_freeable and rooms_missing of a planner row, netted: a deficit of
 * one standard counts against the surplus of another.  Servers that do
 * not send rooms_missing yet sum only the surpluses into a building's
 * rooms_freeable; for them both follow from rooms_needed and
 * rooms_existing, which are netted sums already. */
static void
get_rooms_balance (JsonObject *o,
                   gint64     *freeable,
                   gint64     *missing)
{
  JsonNode *node = json_object_get_member (o, "rooms_missing");
  gint64 balance;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      *freeable = MAX (get_int (o, "rooms_freeable"), 0);
      *missing = MAX (get_int (o, "rooms_missing"), 0);
      return;
    }
  balance = get_int (o, "rooms_existing") - get_int (o, "rooms_needed");
  *freeable = MAX (balance, 0);
  *missing = MAX (-balance, 0);
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
      row->merged_rows = MAX (get_int (o, "merged_rows"), 0);
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
      get_rooms_balance (o, &b->rooms_freeable, &b->rooms_missing);
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
          get_rooms_balance (so, &s->rooms_freeable, &s->rooms_missing);
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

/* A row adds its half-days: the limit holds for each half of the day. */
static void
add_row (const PlatzUtilisationRow *row,
         gint64                    *limit,
         gint64                    *booked_half_days,
         gint64                    *no_shows)
{
  *limit += row->limit * 2;
  *booked_half_days += row->booked_half_days;
  *no_shows += row->no_shows;
}

/* How rows are grouped: whether a row belongs to a group, and adding it
 * (to a new, zeroed group when added). */
typedef struct {
  guint      size;
  gboolean (*same) (gconstpointer group, const PlatzUtilisationRow *row);
  void     (*add)  (gpointer group, const PlatzUtilisationRow *row, gboolean added);
} Grouping;

/* The floor's rows (0: every floor) with a date, summed into groups in
 * the order their first rows come. */
static GArray *
group_rows (GPtrArray      *rows,
            gint64          floor_id,
            const Grouping *grouping)
{
  GArray *groups = g_array_new (FALSE, TRUE, grouping->size);

  for (guint i = 0; i < rows->len; i++)
    {
      const PlatzUtilisationRow *row = rows->pdata[i];
      gpointer group = NULL;

      if ((floor_id != 0 && row->floor_id != floor_id)
          || row->date == NULL || strlen (row->date) != 10)
        continue;
      for (guint j = 0; j < groups->len && group == NULL; j++)
        if (grouping->same (groups->data + (gsize) j * grouping->size, row))
          group = groups->data + (gsize) j * grouping->size;
      if (group != NULL)
        grouping->add (group, row, FALSE);
      else
        {
          g_array_set_size (groups, groups->len + 1);
          grouping->add (groups->data + (gsize) (groups->len - 1) * grouping->size, row, TRUE);
        }
    }
  return groups;
}

static gboolean
same_day (gconstpointer              group,
          const PlatzUtilisationRow *row)
{
  return strcmp (((const PlatzUtilisationDay *) group)->date, row->date) == 0;
}

static void
add_to_day (gpointer                   group,
            const PlatzUtilisationRow *row,
            gboolean                   added)
{
  PlatzUtilisationDay *day = group;

  if (added)
    memcpy (day->date, row->date, 10);
  add_row (row, &day->limit, &day->booked_half_days, &day->no_shows);
}

GArray *
platz_utilisation_by_day (GPtrArray *rows,
                          gint64     floor_id)
{
  static const Grouping by_day = { sizeof (PlatzUtilisationDay), same_day, add_to_day };
  GArray *days;

  g_return_val_if_fail (rows != NULL, g_array_new (FALSE, TRUE, sizeof (PlatzUtilisationDay)));

  days = group_rows (rows, floor_id, &by_day);
  for (guint j = days->len; j > 0; j--)
    {
      PlatzUtilisationDay *day = &g_array_index (days, PlatzUtilisationDay, j - 1);

      if (day->limit == 0 && day->booked_half_days == 0)
        g_array_remove_index (days, j - 1);
    }
  g_array_sort (days, compare_days);
  return days;
}

/* A row without a room is a merged one, whatever merged_rows says. */
static gboolean
same_room (gconstpointer              group,
           const PlatzUtilisationRow *row)
{
  return ((const PlatzUtilisationRoom *) group)->room_id == row->room_id;
}

static void
add_to_room (gpointer                   group,
             const PlatzUtilisationRow *row,
             gboolean                   added)
{
  PlatzUtilisationRoom *room = group;

  if (added)
    {
      room->room_id = row->room_id;
      room->name = row->room_id != 0 ? row->room_name : NULL;
    }
  if (row->room_id == 0)
    room->merged_rows = MAX (room->merged_rows, row->merged_rows);
  add_row (row, &room->limit, &room->booked_half_days, &room->no_shows);
}

GArray *
platz_utilisation_by_room (GPtrArray *rows,
                           gint64     floor_id)
{
  static const Grouping by_room = { sizeof (PlatzUtilisationRoom), same_room, add_to_room };

  g_return_val_if_fail (rows != NULL, g_array_new (FALSE, TRUE, sizeof (PlatzUtilisationRoom)));
  return group_rows (rows, floor_id, &by_room);
}

char *
platz_utilisation_room_label (const PlatzUtilisationRoom *room)
{
  g_return_val_if_fail (room != NULL, NULL);

  /* Rooms that could stand for too few people come as one row of the
   * floor: it says how many rooms it holds, never which. */
  if (room->room_id != 0)
    return g_strdup (room->name != NULL ? room->name : "");
  if (room->merged_rows > 0)
    return g_strdup_printf (g_dngettext (NULL, "%" PRId64 " small room combined",
                                         "%" PRId64 " small rooms combined",
                                         room->merged_rows),
                            room->merged_rows);
  return g_strdup (_("Small rooms combined"));
}

char *
platz_utilisation_day_label (const char *date)
{
  char buffer[64];
  GDate d;

  if (!platz_date_parse (date, &d))
    return g_strdup (date != NULL ? date : "");
  /* TRANSLATORS: weekday and day of the month under a bar of the
   * utilisation chart, in strftime format, e.g. Mon 30 */
  if (g_date_strftime (buffer, sizeof buffer, _("%a %-d"), &d) == 0)
    return platz_date_format (&d);
  return g_strdup (buffer);
}

char *
platz_planner_rooms_text (gint64 rooms_freeable,
                          gint64 rooms_missing)
{
  /* A deficit is never hidden behind a surplus elsewhere: the server nets
   * them, and a row with both shows what is missing. */
  if (rooms_missing > 0)
    return g_strdup_printf (g_dngettext (NULL, "%" PRId64 " room missing",
                                         "%" PRId64 " rooms missing", rooms_missing),
                            rooms_missing);
  if (rooms_freeable > 0)
    return g_strdup_printf (g_dngettext (NULL, "%" PRId64 " room can be freed",
                                         "%" PRId64 " rooms can be freed", rooms_freeable),
                            rooms_freeable);
  return g_strdup (_("Enough rooms"));
}

char *
platz_planner_desks_text (gint64 desks_existing,
                          gint64 desks_needed)
{
  gint64 missing = desks_needed - desks_existing;

  if (missing <= 0)
    return NULL;
  return g_strdup_printf (g_dngettext (NULL, "%" PRId64 " desk missing",
                                       "%" PRId64 " desks missing", missing),
                          missing);
}
