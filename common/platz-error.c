/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-error"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "platz-error.h"

G_DEFINE_QUARK (platz-error-quark, platz_error)

typedef struct {
  guint       status;
  const char *code;
  const char *reason;
  const char *description;
} ErrorInfo;

static const ErrorInfo infos[PLATZ_ERROR_N_CODES] = {
  [PLATZ_ERROR_BAD_REQUEST] = { 400, "bad_request", NULL,
    N_("The request was not understood.") },
  [PLATZ_ERROR_UNAUTHENTICATED] = { 401, "unauthenticated", NULL,
    N_("Please sign in again.") },
  [PLATZ_ERROR_FORBIDDEN] = { 403, "forbidden", NULL,
    N_("You are not allowed to do this.") },
  [PLATZ_ERROR_NOT_FOUND] = { 404, "not_found", NULL,
    N_("This no longer exists.") },
  [PLATZ_ERROR_METHOD_NOT_ALLOWED] = { 405, "method_not_allowed", NULL,
    N_("The server does not offer this action.") },
  [PLATZ_ERROR_CONFLICT] = { 409, "conflict", NULL,
    N_("This clashes with something that already exists.") },
  [PLATZ_ERROR_DESK_TAKEN] = { 409, "conflict", "desk_taken",
    N_("Someone else has just booked this desk.") },
  [PLATZ_ERROR_ROOM_FULL] = { 409, "conflict", "room_full",
    N_("This room is already full for that time.") },
  [PLATZ_ERROR_USER_ALREADY_BOOKED] = { 409, "conflict", "user_already_booked",
    N_("There is already a desk booked for that time.") },
  [PLATZ_ERROR_ROOM_TAKEN] = { 409, "conflict", "room_taken",
    N_("The room is already reserved for that time.") },
  [PLATZ_ERROR_HAS_FUTURE_BOOKINGS] = { 409, "conflict", "has_future_bookings",
    N_("There are future bookings; deleting would cancel them.") },
  [PLATZ_ERROR_ALREADY_EXISTS] = { 409, "conflict", "already_exists",
    N_("That name is already in use.") },
  [PLATZ_ERROR_PAYLOAD_TOO_LARGE] = { 413, "payload_too_large", NULL,
    N_("That is too large to send.") },
  [PLATZ_ERROR_UNSUPPORTED_MEDIA] = { 415, "unsupported_media_type", NULL,
    N_("That file type is not supported.") },
  [PLATZ_ERROR_OUTSIDE_BOOKING_WINDOW] = { 422, "policy_violation", "outside_booking_window",
    N_("That date is too far ahead to book.") },
  [PLATZ_ERROR_IN_THE_PAST] = { 422, "policy_violation", "in_the_past",
    N_("That time is already in the past.") },
  [PLATZ_ERROR_QUOTA_EXCEEDED] = { 422, "policy_violation", "quota_exceeded",
    N_("You have used all desk bookings allowed for that week.") },
  [PLATZ_ERROR_OUTSIDE_WORKING_HOURS] = { 422, "policy_violation", "outside_working_hours",
    N_("That time is outside the working hours.") },
  [PLATZ_ERROR_NOT_ELIGIBLE] = { 422, "policy_violation", "not_eligible",
    N_("This room's occupancy standard does not allow your function.") },
  [PLATZ_ERROR_DESK_BLOCKED] = { 422, "policy_violation", "desk_blocked",
    N_("This desk is blocked.") },
  [PLATZ_ERROR_DESK_ASSIGNED] = { 422, "policy_violation", "desk_assigned",
    N_("This desk is assigned to someone else.") },
  [PLATZ_ERROR_ROLE_NOT_ALLOWED] = { 422, "policy_violation", "role_not_allowed",
    N_("Your role does not allow this.") },
  [PLATZ_ERROR_OVER_CAPACITY] = { 422, "policy_violation", "over_capacity",
    N_("There are more attendees than the room has seats.") },
  [PLATZ_ERROR_OFF_GRID] = { 422, "policy_violation", "off_grid",
    N_("Times must fall on the booking grid.") },
  [PLATZ_ERROR_NOT_RESERVABLE] = { 422, "policy_violation", "not_reservable",
    N_("This room cannot be reserved.") },
  [PLATZ_ERROR_NOT_TODAY] = { 422, "policy_violation", "not_today",
    N_("Check-in is only possible on the day of the booking.") },
  [PLATZ_ERROR_INVALID_VALUE] = { 422, "policy_violation", "invalid_value",
    N_("A value does not fit.") },
  [PLATZ_ERROR_INVALID_FIELD] = { 422, "policy_violation", "invalid_field",
    N_("A field holds a value that is not allowed.") },
  [PLATZ_ERROR_INVALID_PLAN] = { 422, "policy_violation", "invalid_plan",
    N_("The floor plan cannot be used: it is damaged or contains scripts or links.") },
  [PLATZ_ERROR_RATE_LIMITED] = { 429, "rate_limited", NULL,
    N_("Too many attempts. Please wait a few minutes.") },
  [PLATZ_ERROR_UNAVAILABLE] = { 503, "unavailable", NULL,
    N_("The server is shutting down. Please try again shortly.") },
  [PLATZ_ERROR_DATABASE_FULL] = { 503, "unavailable", "database_full",
    N_("The server's storage is full. Please tell your administrator.") },
  [PLATZ_ERROR_DATABASE_CORRUPT] = { 503, "unavailable", "database_corrupt",
    N_("The server's database is damaged. Please tell your administrator.") },
  [PLATZ_ERROR_DATABASE_UNAVAILABLE] = { 503, "unavailable", "database_unavailable",
    N_("The server cannot use its database right now. Please try again shortly.") },
  [PLATZ_ERROR_INTERNAL] = { 500, "internal", NULL,
    N_("The server ran into a problem.") },
  [PLATZ_ERROR_NETWORK] = { 0, "network", NULL,
    N_("The server cannot be reached.") },
};

guint
platz_error_status (PlatzErrorCode code)
{
  g_return_val_if_fail (code < PLATZ_ERROR_N_CODES, 500);
  return infos[code].status;
}

const char *
platz_error_code_name (PlatzErrorCode code)
{
  g_return_val_if_fail (code < PLATZ_ERROR_N_CODES, "internal");
  return infos[code].code;
}

const char *
platz_error_reason (PlatzErrorCode code)
{
  g_return_val_if_fail (code < PLATZ_ERROR_N_CODES, NULL);
  return infos[code].reason;
}

PlatzErrorCode
platz_error_from_names (guint       status,
                        const char *code,
                        const char *reason)
{
  PlatzErrorCode fallback = PLATZ_ERROR_INTERNAL;

  for (guint i = 0; i < PLATZ_ERROR_N_CODES; i++)
    {
      if (infos[i].status != status || g_strcmp0 (infos[i].code, code) != 0)
        continue;
      if (g_strcmp0 (infos[i].reason, reason) == 0)
        return i;
      if (infos[i].reason == NULL)
        fallback = i;
    }
  if (fallback != PLATZ_ERROR_INTERNAL)
    return fallback;
  if (status == 422)
    return PLATZ_ERROR_INVALID_VALUE;
  if (status == 409)
    return PLATZ_ERROR_CONFLICT;

  for (guint i = 0; i < PLATZ_ERROR_N_CODES; i++)
    if (infos[i].status == status)
      return i;
  return PLATZ_ERROR_INTERNAL;
}

const char *
platz_error_describe (PlatzErrorCode code)
{
  g_return_val_if_fail (code < PLATZ_ERROR_N_CODES, _("Unknown error."));
  return _(infos[code].description);
}
