/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The facility reports as the client reads them (no display): merged
 * floor rows of the utilisation report, closed days left out, the day
 * labels under the chart, and the planner's rooms missing or freeable,
 * from JSON as the server sends it (with and without the newer fields).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "platz-reports.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* 2026-11-28 and -29 are a Saturday and Sunday the site closes (limit 0
 * everywhere, nothing booked); floor 1 has room 1 and a merged row of
 * three small rooms on Monday and two on Tuesday; floor 2 one room. */
static const char utilisation_json[] =
  "{\"from\":\"2026-11-27\",\"to\":\"2026-12-01\",\"site_id\":1,\"rows\":["
  "{\"date\":\"2026-11-27\",\"room_id\":1,\"room_name\":\"A1.01\",\"floor_id\":1,"
  " \"floor_name\":\"1. OG\",\"limit\":3,\"booked_half_days\":4,\"no_shows\":1},"
  "{\"date\":\"2026-11-28\",\"room_id\":1,\"room_name\":\"A1.01\",\"floor_id\":1,"
  " \"floor_name\":\"1. OG\",\"limit\":0,\"booked_half_days\":0,\"no_shows\":0},"
  "{\"date\":\"2026-11-29\",\"room_id\":1,\"room_name\":\"A1.01\",\"floor_id\":1,"
  " \"floor_name\":\"1. OG\",\"limit\":0,\"booked_half_days\":0,\"no_shows\":0},"
  "{\"date\":\"2026-11-30\",\"room_id\":1,\"room_name\":\"A1.01\",\"floor_id\":1,"
  " \"floor_name\":\"1. OG\",\"limit\":3,\"booked_half_days\":2,\"no_shows\":0,"
  " \"merged_rows\":0},"
  "{\"date\":\"2026-11-30\",\"room_id\":null,\"room_name\":null,\"floor_id\":1,"
  " \"floor_name\":\"1. OG\",\"limit\":4,\"booked_half_days\":5,\"no_shows\":2,"
  " \"merged_rows\":3},"
  "{\"date\":\"2026-12-01\",\"room_id\":null,\"room_name\":null,\"floor_id\":1,"
  " \"floor_name\":\"1. OG\",\"limit\":2,\"booked_half_days\":1,\"no_shows\":0,"
  " \"merged_rows\":2},"
  "{\"date\":\"2026-12-01\",\"room_id\":7,\"room_name\":\"B2.01\",\"floor_id\":2,"
  " \"floor_name\":\"2. OG\",\"limit\":2,\"booked_half_days\":3,\"no_shows\":0}"
  "]}";

static void
test_utilisation_merged (void)
{
  g_autoptr(JsonNode) node = parse (utilisation_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = platz_utilisation_parse (node, &error);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) all_days = NULL;
  g_autoptr(GArray) rooms = NULL;
  PlatzUtilisationDay *day;
  PlatzUtilisationRoom *room;
  g_autofree char *label = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpint (((PlatzUtilisationRow *) rows->pdata[4])->room_id, ==, 0);
  g_assert_null (((PlatzUtilisationRow *) rows->pdata[4])->room_name);
  g_assert_cmpint (((PlatzUtilisationRow *) rows->pdata[4])->merged_rows, ==, 3);
  /* Absent: a room of its own. */
  g_assert_cmpint (((PlatzUtilisationRow *) rows->pdata[0])->merged_rows, ==, 0);

  /* The floor's days: the weekend left out, merged rows in the totals. */
  days = platz_utilisation_by_day (rows, 1);
  g_assert_cmpuint (days->len, ==, 3);
  day = &g_array_index (days, PlatzUtilisationDay, 0);
  g_assert_cmpstr (day->date, ==, "2026-11-27");
  day = &g_array_index (days, PlatzUtilisationDay, 1);
  g_assert_cmpstr (day->date, ==, "2026-11-30");
  g_assert_cmpint (day->limit, ==, (3 + 4) * 2);
  g_assert_cmpint (day->booked_half_days, ==, 2 + 5);
  g_assert_cmpint (day->no_shows, ==, 2);
  day = &g_array_index (days, PlatzUtilisationDay, 2);
  g_assert_cmpstr (day->date, ==, "2026-12-01");
  g_assert_cmpint (day->booked_half_days, ==, 1);
  all_days = platz_utilisation_by_day (rows, 0);
  g_assert_cmpuint (all_days->len, ==, 3);
  g_assert_cmpint (g_array_index (all_days, PlatzUtilisationDay, 2).booked_half_days, ==, 4);

  /* The floor's rooms: A1.01 and one entry for the small rooms. */
  rooms = platz_utilisation_by_room (rows, 1);
  g_assert_cmpuint (rooms->len, ==, 2);
  room = &g_array_index (rooms, PlatzUtilisationRoom, 0);
  g_assert_cmpint (room->room_id, ==, 1);
  g_assert_cmpint (room->booked_half_days, ==, 6);
  g_assert_cmpint (room->limit, ==, 12);
  label = platz_utilisation_room_label (room);
  g_assert_cmpstr (label, ==, "A1.01");
  g_clear_pointer (&label, g_free);
  room = &g_array_index (rooms, PlatzUtilisationRoom, 1);
  g_assert_cmpint (room->room_id, ==, 0);
  g_assert_cmpint (room->merged_rows, ==, 3);
  g_assert_cmpint (room->booked_half_days, ==, 6);
  g_assert_cmpint (room->no_shows, ==, 2);
  label = platz_utilisation_room_label (room);
  g_assert_cmpstr (label, ==, "3 small rooms combined");
  g_clear_pointer (&label, g_free);
  room->merged_rows = 1;
  label = platz_utilisation_room_label (room);
  g_assert_cmpstr (label, ==, "1 small room combined");
}

static void
test_utilisation_bad (void)
{
  g_autoptr(JsonNode) node = parse ("{\"from\":\"2026-11-27\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = platz_utilisation_parse (node, &error);

  g_assert_null (rows);
  g_assert_nonnull (error);
}

static void
test_day_labels (void)
{
  static const struct { const char *date, *label; } cases[] = {
    { "2026-11-30", "Mon 30" },
    { "2026-12-01", "Tue 1" },
    { "2026-12-06", "Sun 6" },
    { "2027-01-15", "Fri 15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = platz_utilisation_day_label (cases[i].date);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Building 1 lacks rooms under one standard and has a few spare under
 * the other; building 2 has a surplus; building 3 comes from a server
 * that does not send rooms_missing yet. */
static const char planner_json[] =
  "{\"site_id\":1,\"buildings\":["
  "{\"building_id\":1,\"building_name\":\"Rathaus\",\"users\":{\"head\":10,\"staff\":400},"
  " \"desks_existing\":200,\"desks_needed\":320,\"rooms_existing\":100,"
  " \"rooms_needed\":160,\"rooms_freeable\":0,\"rooms_missing\":60,\"standards\":["
  "  {\"occupancy_standard_id\":1,\"name\":\"Leitung\",\"max_persons\":1,"
  "   \"rooms_existing\":16,\"desks_existing\":16,\"desks_needed\":10,"
  "   \"rooms_needed\":10,\"rooms_freeable\":6,\"rooms_missing\":0},"
  "  {\"occupancy_standard_id\":2,\"name\":\"Sachbearbeitung\",\"max_persons\":2,"
  "   \"rooms_existing\":84,\"desks_existing\":184,\"desks_needed\":310,"
  "   \"rooms_needed\":150,\"rooms_freeable\":0,\"rooms_missing\":66}]},"
  "{\"building_id\":2,\"building_name\":\"Haus B\",\"users\":{\"head\":1,\"staff\":20},"
  " \"desks_existing\":40,\"desks_needed\":12,\"rooms_existing\":20,"
  " \"rooms_needed\":7,\"rooms_freeable\":13,\"rooms_missing\":0,\"standards\":[]},"
  "{\"building_id\":3,\"building_name\":\"Haus C\",\"users\":{\"head\":2,\"staff\":9},"
  " \"desks_existing\":10,\"desks_needed\":11,\"rooms_existing\":8,"
  " \"rooms_needed\":11,\"rooms_freeable\":6,\"standards\":["
  "  {\"occupancy_standard_id\":1,\"name\":\"Leitung\",\"max_persons\":1,"
  "   \"rooms_existing\":6,\"desks_existing\":6,\"desks_needed\":0,"
  "   \"rooms_needed\":0,\"rooms_freeable\":6},"
  "  {\"occupancy_standard_id\":2,\"name\":\"Sachbearbeitung\",\"max_persons\":2,"
  "   \"rooms_existing\":2,\"desks_existing\":4,\"desks_needed\":11,"
  "   \"rooms_needed\":11,\"rooms_freeable\":0}]}"
  "]}";

static void
test_planner_missing (void)
{
  g_autoptr(JsonNode) node = parse (planner_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buildings = platz_planner_parse (node, &error);
  PlatzPlannerBuilding *b;
  PlatzPlannerStandard *s;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (buildings->len, ==, 3);

  b = buildings->pdata[0];
  g_assert_cmpint (b->rooms_missing, ==, 60);
  g_assert_cmpint (b->rooms_freeable, ==, 0);
  text = platz_planner_rooms_text (b->rooms_freeable, b->rooms_missing);
  g_assert_cmpstr (text, ==, "60 rooms missing");
  g_clear_pointer (&text, g_free);
  text = platz_planner_desks_text (b->desks_existing, b->desks_needed);
  g_assert_cmpstr (text, ==, "120 desks missing");
  g_clear_pointer (&text, g_free);
  s = b->standards->pdata[0];
  text = platz_planner_rooms_text (s->rooms_freeable, s->rooms_missing);
  g_assert_cmpstr (text, ==, "6 rooms can be freed");
  g_clear_pointer (&text, g_free);
  g_assert_null (platz_planner_desks_text (s->desks_existing, s->desks_needed));
  s = b->standards->pdata[1];
  g_assert_cmpint (s->rooms_missing, ==, 66);

  b = buildings->pdata[1];
  text = platz_planner_rooms_text (b->rooms_freeable, b->rooms_missing);
  g_assert_cmpstr (text, ==, "13 rooms can be freed");
  g_clear_pointer (&text, g_free);

  /* Without the field, as servers before it answer: the building's
   * rooms_freeable (6, the surplus of one standard) is netted against
   * the other's deficit (9): 3 missing, none to free. */
  b = buildings->pdata[2];
  g_assert_cmpint (b->rooms_missing, ==, 3);
  g_assert_cmpint (b->rooms_freeable, ==, 0);
  s = b->standards->pdata[0];
  g_assert_cmpint (s->rooms_freeable, ==, 6);
  g_assert_cmpint (s->rooms_missing, ==, 0);
  s = b->standards->pdata[1];
  g_assert_cmpint (s->rooms_freeable, ==, 0);
  g_assert_cmpint (s->rooms_missing, ==, 9);
  text = platz_planner_rooms_text (b->rooms_freeable, b->rooms_missing);
  g_assert_cmpstr (text, ==, "3 rooms missing");
  g_clear_pointer (&text, g_free);

  /* Singular and balance. */
  text = platz_planner_rooms_text (0, 1);
  g_assert_cmpstr (text, ==, "1 room missing");
  g_clear_pointer (&text, g_free);
  text = platz_planner_rooms_text (1, 0);
  g_assert_cmpstr (text, ==, "1 room can be freed");
  g_clear_pointer (&text, g_free);
  text = platz_planner_rooms_text (0, 0);
  g_assert_cmpstr (text, ==, "Enough rooms");
  g_clear_pointer (&text, g_free);
  text = platz_planner_desks_text (4, 5);
  g_assert_cmpstr (text, ==, "1 desk missing");
}

int
main (int   argc,
      char *argv[])
{
  /* English day names and the untranslated messages. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/utilisation/merged-rows", test_utilisation_merged);
  g_test_add_func ("/reports/utilisation/no-rows", test_utilisation_bad);
  g_test_add_func ("/reports/utilisation/day-labels", test_day_labels);
  g_test_add_func ("/reports/planner/missing", test_planner_missing);
  return g_test_run ();
}
