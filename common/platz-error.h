/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The error vocabulary of the API.  Each PlatzErrorCode names one
 * (HTTP status, code, reason) triple; the server turns a GError of this
 * domain into its JSON error body, the client turns the body back into the
 * same GError and into words for the user.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLATZ_ERROR (platz_error_quark ())
GQuark platz_error_quark (void);

typedef enum {
  PLATZ_ERROR_BAD_REQUEST,          /* 400 bad_request */
  PLATZ_ERROR_UNAUTHENTICATED,      /* 401 unauthenticated */
  PLATZ_ERROR_FORBIDDEN,            /* 403 forbidden */
  PLATZ_ERROR_NOT_FOUND,            /* 404 not_found */
  PLATZ_ERROR_METHOD_NOT_ALLOWED,   /* 405 method_not_allowed */
  PLATZ_ERROR_CONFLICT,             /* 409 conflict, no reason */
  PLATZ_ERROR_DESK_TAKEN,           /* 409 conflict desk_taken */
  PLATZ_ERROR_ROOM_FULL,            /* 409 conflict room_full */
  PLATZ_ERROR_USER_ALREADY_BOOKED,  /* 409 conflict user_already_booked */
  PLATZ_ERROR_ROOM_TAKEN,           /* 409 conflict room_taken */
  PLATZ_ERROR_HAS_FUTURE_BOOKINGS,  /* 409 conflict has_future_bookings */
  PLATZ_ERROR_ALREADY_EXISTS,       /* 409 conflict already_exists */
  PLATZ_ERROR_PAYLOAD_TOO_LARGE,    /* 413 payload_too_large */
  PLATZ_ERROR_UNSUPPORTED_MEDIA,    /* 415 unsupported_media_type */
  PLATZ_ERROR_OUTSIDE_BOOKING_WINDOW, /* 422 policy_violation ... */
  PLATZ_ERROR_IN_THE_PAST,
  PLATZ_ERROR_QUOTA_EXCEEDED,
  PLATZ_ERROR_OUTSIDE_WORKING_HOURS,
  PLATZ_ERROR_NOT_ELIGIBLE,
  PLATZ_ERROR_DESK_BLOCKED,
  PLATZ_ERROR_DESK_ASSIGNED,
  PLATZ_ERROR_ROLE_NOT_ALLOWED,
  PLATZ_ERROR_OVER_CAPACITY,
  PLATZ_ERROR_OFF_GRID,
  PLATZ_ERROR_NOT_RESERVABLE,
  PLATZ_ERROR_NOT_TODAY,
  PLATZ_ERROR_INVALID_VALUE,         /* 422 policy_violation invalid_value */
  PLATZ_ERROR_INVALID_FIELD,         /* 422 policy_violation invalid_field (a JSON string
                                      * holding \u0000) */
  PLATZ_ERROR_INVALID_PLAN,          /* 422 policy_violation invalid_plan (floor-plan image
                                      * not well-formed or with active content) */
  PLATZ_ERROR_RATE_LIMITED,          /* 429 rate_limited */
  PLATZ_ERROR_UNAVAILABLE,           /* 503 unavailable (shutting down) */
  PLATZ_ERROR_DATABASE_FULL,         /* 503 unavailable database_full (disk or size limit) */
  PLATZ_ERROR_DATABASE_CORRUPT,      /* 503 unavailable database_corrupt */
  PLATZ_ERROR_DATABASE_UNAVAILABLE,  /* 503 unavailable database_unavailable (I/O error) */
  PLATZ_ERROR_INTERNAL,              /* 500 internal (a bug or a broken disk) */
  PLATZ_ERROR_NETWORK,               /* client side: server unreachable */
  PLATZ_ERROR_N_CODES
} PlatzErrorCode;

guint       platz_error_status (PlatzErrorCode code);
const char *platz_error_code_name (PlatzErrorCode code);
/* The reason string, or NULL where the code has none. */
const char *platz_error_reason (PlatzErrorCode code);
/* Finds the code from a response's code and reason; unknown pairs map to
 * the generic code of their status. */
PlatzErrorCode platz_error_from_names (guint       status,
                                       const char *code,
                                       const char *reason);
/* A sentence for a person, for the client (translatable). */
const char *platz_error_describe (PlatzErrorCode code);

G_END_DECLS
