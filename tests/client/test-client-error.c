/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "platz-client-error.h"
#include "platz-reports.h"
#include "platz-availability.h"
#include "platz-codec.h"

static GBytes *
body (const char *text)
{
  return text != NULL ? g_bytes_new_static (text, strlen (text)) : NULL;
}

static void
test_mapping (void)
{
  static const struct {
    guint status;
    const char *body;
    const char *retry_after;
    PlatzErrorCode code;
    const char *message;
  } cases[] = {
    { 409, "{\"error\":{\"code\":\"conflict\",\"message\":\"x\",\"reason\":\"desk_taken\"}}", NULL,
      PLATZ_ERROR_DESK_TAKEN, "Someone else has just booked this desk." },
    { 409, "{\"error\":{\"code\":\"conflict\",\"message\":\"x\",\"reason\":\"room_full\"}}", NULL,
      PLATZ_ERROR_ROOM_FULL, "This room is already full for that time." },
    { 422, "{\"error\":{\"code\":\"policy_violation\",\"reason\":\"quota_exceeded\"}}", NULL,
      PLATZ_ERROR_QUOTA_EXCEEDED, "You have used all desk bookings allowed for that week." },
    { 422, "{\"error\":{\"code\":\"policy_violation\",\"reason\":\"in_the_past\"}}", NULL,
      PLATZ_ERROR_IN_THE_PAST, "That time is already in the past." },
    { 403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"no\",\"reason\":null}}", NULL,
      PLATZ_ERROR_FORBIDDEN, "You are not allowed to do this." },
    { 429, "{\"error\":{\"code\":\"rate_limited\"}}", "120",
      PLATZ_ERROR_RATE_LIMITED, "Too many failed attempts. Try again in 2 minutes." },
    { 429, "{\"error\":{\"code\":\"rate_limited\"}}", "30",
      PLATZ_ERROR_RATE_LIMITED, "Too many failed attempts. Try again in 1 minute." },
    { 409, "{\"error\":{\"code\":\"conflict\",\"reason\":\"room_taken\","
           "\"conflicts\":[\"2026-05-04\",\"2026-05-11\"]}}", NULL,
      PLATZ_ERROR_ROOM_TAKEN, "The room is already reserved on these days: 2026-05-04, 2026-05-11." },
    /* Unknown reasons fall back to the status's generic code. */
    { 409, "{\"error\":{\"code\":\"conflict\",\"reason\":\"brand_new\"}}", NULL,
      PLATZ_ERROR_CONFLICT, NULL },
    /* Not JSON at all, e.g. from a proxy. */
    { 502, "<html>Bad gateway</html>", NULL,
      PLATZ_ERROR_INTERNAL, "The server had a problem (HTTP 502). Please try again later." },
    { 404, NULL, NULL, PLATZ_ERROR_NOT_FOUND, "This no longer exists." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = body (cases[i].body);
      g_autoptr(GError) error = NULL;

      error = platz_client_error_from_response (cases[i].status, bytes, cases[i].retry_after);
      g_assert_error (error, PLATZ_ERROR, (int) cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_network (void)
{
  g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "x");
  g_autoptr(GError) error = platz_client_error_network ("http://127.0.0.1:1", cause);
  g_autoptr(GError) zero = platz_client_error_from_response (0, NULL, NULL);

  g_assert_error (error, PLATZ_ERROR, PLATZ_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "http://127.0.0.1:1"));
  g_assert_error (zero, PLATZ_ERROR, PLATZ_ERROR_NETWORK);
}

static void
test_room_full_text (void)
{
  g_autofree char *text = platz_client_error_room_full (2, 2);
  g_autofree char *single = platz_client_error_room_full (1, 1);

  g_assert_cmpstr (text, ==, "This room already has 2 of 2 people that day.");
  /* A single office: the singular. */
  g_assert_cmpstr (single, ==, "This room already has 1 of 1 person that day.");
}

/* Booking for a team member: the errors about the person name them. */
static void
test_for_member_text (void)
{
  g_autoptr(GError) quota = g_error_new_literal (PLATZ_ERROR, PLATZ_ERROR_QUOTA_EXCEEDED, "x");
  g_autoptr(GError) booked = g_error_new_literal (PLATZ_ERROR, PLATZ_ERROR_USER_ALREADY_BOOKED,
                                                  "x");
  g_autoptr(GError) taken = g_error_new_literal (PLATZ_ERROR, PLATZ_ERROR_DESK_TAKEN, "x");
  g_autofree char *quota_text = platz_client_error_for_member (quota, "Erika Muster");
  g_autofree char *booked_text = platz_client_error_for_member (booked, "Erika Muster");

  g_assert_cmpstr (quota_text, ==,
                   "Erika Muster has used all desk bookings allowed for that week.");
  g_assert_cmpstr (booked_text, ==, "Erika Muster already has a desk booked for that time.");
  g_assert_null (platz_client_error_for_member (taken, "Erika Muster"));
  g_assert_null (platz_client_error_for_member (NULL, "Erika Muster"));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = platz_json_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return node;
}

static void
test_availability_parse (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"date\":\"2026-05-04\",\"floor_id\":3,"
    "\"rooms\":[{\"id\":7,\"limit\":3,\"booked\":{\"am\":2,\"pm\":1}}],"
    "\"desks\":[{\"id\":11,\"room_id\":7,\"am\":\"mine\",\"pm\":\"free\",\"booking_id\":99},"
    "{\"id\":12,\"room_id\":7,\"am\":\"booked\",\"pm\":\"booked\",\"booked_by\":\"Anna\"},"
    "{\"id\":13,\"room_id\":7,\"am\":\"shiny_new_state\",\"pm\":\"room_full\"}]}");
  g_autoptr(PlatzAvailability) avail = NULL;
  g_autoptr(GError) error = NULL;
  const PlatzDeskAvailability *desk;
  const PlatzRoomFill *room;

  avail = platz_availability_parse (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (avail->date, ==, "2026-05-04");
  g_assert_cmpint (avail->floor_id, ==, 3);
  room = platz_availability_get_room (avail, 7);
  g_assert_nonnull (room);
  g_assert_cmpint (room->limit, ==, 3);
  g_assert_cmpint (room->booked_am, ==, 2);
  g_assert_cmpint (room->booked_pm, ==, 1);
  desk = platz_availability_get_desk (avail, 11);
  g_assert_cmpint (desk->am, ==, PLATZ_DESK_MINE);
  g_assert_cmpint (desk->pm, ==, PLATZ_DESK_FREE);
  g_assert_cmpint (desk->booking_id, ==, 99);
  desk = platz_availability_get_desk (avail, 12);
  g_assert_cmpstr (desk->booked_by, ==, "Anna");
  desk = platz_availability_get_desk (avail, 13);
  g_assert_cmpint (desk->am, ==, PLATZ_DESK_UNKNOWN);
  g_assert_null (platz_availability_get_desk (avail, 14));
}

static void
test_utilisation_by_day (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"from\":\"2026-05-04\",\"to\":\"2026-05-05\",\"rows\":["
    "{\"date\":\"2026-05-05\",\"room_id\":1,\"floor_id\":1,\"limit\":3,\"booked_half_days\":4,\"no_shows\":1},"
    "{\"date\":\"2026-05-04\",\"room_id\":1,\"floor_id\":1,\"limit\":3,\"booked_half_days\":2,\"no_shows\":0},"
    "{\"date\":\"2026-05-04\",\"room_id\":2,\"floor_id\":1,\"limit\":2,\"booked_half_days\":1,\"no_shows\":0},"
    "{\"date\":\"2026-05-04\",\"room_id\":3,\"floor_id\":2,\"limit\":5,\"booked_half_days\":9,\"no_shows\":2}]}");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;

  rows = platz_utilisation_parse (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  days = platz_utilisation_by_day (rows, 1);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpstr (g_array_index (days, PlatzUtilisationDay, 0).date, ==, "2026-05-04");
  g_assert_cmpint (g_array_index (days, PlatzUtilisationDay, 0).limit, ==, 10);
  g_assert_cmpint (g_array_index (days, PlatzUtilisationDay, 0).booked_half_days, ==, 3);
  g_assert_cmpint (g_array_index (days, PlatzUtilisationDay, 1).no_shows, ==, 1);
  all = platz_utilisation_by_day (rows, 0);
  g_assert_cmpint (g_array_index (all, PlatzUtilisationDay, 0).booked_half_days, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-error/mapping", test_mapping);
  g_test_add_func ("/client-error/network", test_network);
  g_test_add_func ("/client-error/room-full-text", test_room_full_text);
  g_test_add_func ("/client-error/for-member-text", test_for_member_text);
  g_test_add_func ("/client-parse/availability", test_availability_parse);
  g_test_add_func ("/client-parse/utilisation-by-day", test_utilisation_by_day);

  return g_test_run ();
}
