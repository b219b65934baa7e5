/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "platz-codec.h"
#include "platz-error.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = platz_json_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return node;
}

static void
test_room_round_trip (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"floor_id\":3,\"name\":\"R 2.14\",\"kind\":\"office\",\"area_m2\":24.5,"
    "\"occupancy_standard_id\":2,\"equipment\":[\"screen\",\"whiteboard\"],\"accessible\":true,"
    "\"x\":1,\"y\":2.5,\"w\":6,\"h\":4}");
  PlatzRoom room = { 0 };
  PlatzRoom *again;
  guint64 present = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) encoded = NULL;

  g_assert_true (platz_decode (&platz_room_type, node, PLATZ_DECODE_CREATE, &room, &present,
                               &error));
  g_assert_no_error (error);
  g_assert_cmpint (room.floor_id, ==, 3);
  g_assert_cmpstr (room.kind, ==, "office");
  g_assert_cmpfloat (room.area_m2, ==, 24.5);
  g_assert_cmpstr (room.equipment[1], ==, "whiteboard");
  g_assert_true (room.accessible);
  g_assert_false (present & (1 << platz_type_field_index (&platz_room_type, "capacity")));
  g_assert_true (present & (1 << platz_type_field_index (&platz_room_type, "name")));

  room.id = 7;
  encoded = platz_encode (&platz_room_type, &room);
  again = platz_object_new (&platz_room_type);
  g_assert_true (platz_decode (&platz_room_type, encoded, PLATZ_DECODE_RESPONSE, again, NULL,
                               &error));
  g_assert_cmpint (again->id, ==, 7);
  g_assert_cmpstr (again->name, ==, "R 2.14");
  g_assert_cmpfloat (again->y, ==, 2.5);
  g_assert_cmpstr (again->equipment[0], ==, "screen");
  g_assert_null (again->equipment[2]);
  platz_object_free (&platz_room_type, again);
  platz_object_clear (&platz_room_type, &room);
}

/* Weekdays: a bit mask inside, a list of ISO weekdays in order outside. */
static void
test_weekdays_round_trip (void)
{
  g_autoptr(JsonNode) node = parse ("{\"name\":\"Rathaus\",\"closed_weekdays\":[7,1,6]}");
  g_autoptr(JsonNode) encoded = NULL;
  g_autofree char *text = NULL;
  PlatzSite site = { 0 };
  g_autoptr(GError) error = NULL;
  GDate monday;

  g_assert_true (platz_decode (&platz_site_type, node, PLATZ_DECODE_CREATE, &site, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (site.closed_weekdays, ==, 1 | 32 | 64);
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 30, G_DATE_NOVEMBER, 2026);
  g_assert_true (platz_weekdays_contain (site.closed_weekdays, &monday));
  g_date_add_days (&monday, 1);
  g_assert_false (platz_weekdays_contain (site.closed_weekdays, &monday));
  encoded = platz_encode (&platz_site_type, &site);
  text = platz_json_to_string (encoded, NULL);
  g_assert_nonnull (strstr (text, "\"closed_weekdays\":[1,6,7]"));
  platz_object_clear (&platz_site_type, &site);
}

typedef struct {
  const PlatzType *type;
  PlatzDecodeMode  mode;
  const char      *json;
  const char      *message_part;
} Rejection;

static void
test_rejections (void)
{
  const Rejection cases[] = {
    { &platz_room_type, PLATZ_DECODE_CREATE, "{\"floor_id\":1,\"name\":\"x\",\"kind\":\"garage\"}",
      "kind" },
    { &platz_room_type, PLATZ_DECODE_CREATE, "{\"floor_id\":\"1\",\"name\":\"x\",\"kind\":\"office\"}",
      "floor_id" },
    { &platz_room_type, PLATZ_DECODE_CREATE, "{\"name\":\"x\",\"kind\":\"office\"}", "required" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"colour\":\"red\"}", "Unknown field" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"id\":4}", "set by the server" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"accessible\":1}", "true or false" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"equipment\":\"screen\"}", "list" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"equipment\":[\"Screen!\"]}", "tags" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"area_m2\":-3}", "between" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"name\":\"   \"}", "blank" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "{\"name\":null}", "null" },
    { &platz_room_type, PLATZ_DECODE_PATCH, "[1,2]", "object" },
    { &platz_booking_request_type, PLATZ_DECODE_CREATE,
      "{\"desk_id\":1,\"date\":\"2026-02-30\",\"slot\":\"am\"}", "date" },
    { &platz_booking_request_type, PLATZ_DECODE_CREATE,
      "{\"desk_id\":1,\"date\":\"2026-12-01\",\"slot\":\"evening\"}", "slot" },
    { &platz_booking_request_type, PLATZ_DECODE_CREATE,
      "{\"desk_id\":1.5,\"date\":\"2026-12-01\",\"slot\":\"am\"}", "whole number" },
    { &platz_booking_request_type, PLATZ_DECODE_CREATE,
      "{\"desk_id\":-1,\"date\":\"2026-12-01\",\"slot\":\"am\"}", "positive" },
    { &platz_booking_request_type, PLATZ_DECODE_CREATE,
      "{\"desk_id\":1,\"date\":\"2026-12-01\",\"slot\":\"am\",\"status\":\"active\"}", "Unknown" },
    { &platz_standard_type, PLATZ_DECODE_CREATE,
      "{\"name\":\"x\",\"max_persons\":2,\"min_area_per_person_m2\":8,"
      "\"eligible_functions\":[\"boss\"]}", "eligible_functions" },
    { &platz_site_type, PLATZ_DECODE_CREATE, "{\"name\":\"x\",\"timezone\":\"Mars/Olympus\"}",
      "time zone" },
    { &platz_site_type, PLATZ_DECODE_PATCH, "{\"closed_weekdays\":[0]}", "weekdays" },
    { &platz_site_type, PLATZ_DECODE_PATCH, "{\"closed_weekdays\":[8]}", "weekdays" },
    { &platz_site_type, PLATZ_DECODE_PATCH, "{\"closed_weekdays\":[6,6]}", "twice" },
    { &platz_site_type, PLATZ_DECODE_PATCH, "{\"closed_weekdays\":\"6,7\"}", "weekdays" },
    { &platz_site_type, PLATZ_DECODE_PATCH, "{\"closed_weekdays\":null}", "null" },
    { &platz_policies_type, PLATZ_DECODE_PATCH, "{\"check_in_deadline\":\"25:00\"}", "HH:MM" },
    { &platz_reservation_request_type, PLATZ_DECODE_CREATE,
      "{\"room_id\":1,\"start\":\"2026-12-01 09:00\"}", "RFC 3339" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      gpointer obj = platz_object_new (cases[i].type);
      g_autoptr(GError) error = NULL;

      g_assert_false (platz_decode (cases[i].type, node, cases[i].mode, obj, NULL, &error));
      g_assert_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: '%s' does not mention '%s'", i, error->message, cases[i].message_part);
      platz_object_free (cases[i].type, obj);
    }
}

static void
test_response_is_lenient (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\":1,\"desk_id\":2,\"user_id\":3,\"date\":\"2026-12-01\","
                                    "\"slot\":\"am\",\"status\":\"active\",\"checked_in_at\":null,"
                                    "\"desk_name\":\"A-1\"}");
  PlatzBooking booking = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (platz_decode (&platz_booking_type, node, PLATZ_DECODE_RESPONSE, &booking, NULL,
                               &error));
  g_assert_cmpstr (booking.status, ==, "active");
  g_assert_null (booking.checked_in_at);
  platz_object_clear (&platz_booking_type, &booking);
}

/* A JSON escape can name half a surrogate pair, which is no UTF-8 at all:
 * a request with one is refused, an answer's is repaired (found by
 * fuzz-json, kept in fuzz/regressions/fuzz-json/lenient-lone-surrogate). */
static void
test_lone_surrogate (void)
{
  g_autoptr(JsonNode) node = parse ("{\"name\":\"\\ud8le\",\"max_persons\":2,"
                                    "\"min_area_per_person_m2\":8,"
                                    "\"eligible_functions\":[\"\\ud800x\"]}");
  PlatzStandard standard = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (platz_decode (&platz_standard_type, node, PLATZ_DECODE_CREATE, &standard, NULL,
                                &error));
  g_assert_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST);
  platz_object_clear (&platz_standard_type, &standard);
  memset (&standard, 0, sizeof standard);
  g_clear_error (&error);

  g_assert_true (platz_decode (&platz_standard_type, node, PLATZ_DECODE_RESPONSE, &standard,
                               NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (standard.name, -1, NULL));
  g_assert_true (g_utf8_validate (standard.eligible_functions[0], -1, NULL));
  platz_object_clear (&platz_standard_type, &standard);
}

static void
test_depth (void)
{
  g_autoptr(GError) error = NULL;
  GString *deep = g_string_new (NULL);
  JsonNode *node;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  node = platz_json_parse (deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST);
  g_string_free (deep, TRUE);
  g_clear_error (&error);

  /* Brackets inside strings do not count. */
  {
    const char *text = "{\"name\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[\"}";
    node = platz_json_parse (text, strlen (text), &error);
  }
  g_assert_no_error (error);
  json_node_unref (node);

  g_assert_null (platz_json_parse ("{\"a\":\xff}", 7, &error));
  g_assert_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST);
}

static void
test_error_names (void)
{
  g_assert_cmpuint (platz_error_status (PLATZ_ERROR_ROOM_FULL), ==, 409);
  g_assert_cmpstr (platz_error_code_name (PLATZ_ERROR_ROOM_FULL), ==, "conflict");
  g_assert_cmpstr (platz_error_reason (PLATZ_ERROR_ROOM_FULL), ==, "room_full");
  g_assert_cmpint (platz_error_from_names (409, "conflict", "desk_taken"), ==,
                   PLATZ_ERROR_DESK_TAKEN);
  g_assert_cmpint (platz_error_from_names (422, "policy_violation", "quota_exceeded"), ==,
                   PLATZ_ERROR_QUOTA_EXCEEDED);
  g_assert_cmpint (platz_error_from_names (422, "policy_violation", "something_new"), ==,
                   PLATZ_ERROR_INVALID_VALUE);
  g_assert_cmpint (platz_error_from_names (401, "unauthenticated", NULL), ==,
                   PLATZ_ERROR_UNAUTHENTICATED);
  for (guint i = 0; i < PLATZ_ERROR_N_CODES; i++)
    g_assert_true (strlen (platz_error_describe (i)) > 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/codec/room-round-trip", test_room_round_trip);
  g_test_add_func ("/codec/rejections", test_rejections);
  g_test_add_func ("/codec/weekdays", test_weekdays_round_trip);
  g_test_add_func ("/codec/response-lenient", test_response_is_lenient);
  g_test_add_func ("/codec/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/codec/depth", test_depth);
  g_test_add_func ("/codec/error-names", test_error_names);
  return g_test_run ();
}
