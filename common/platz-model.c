/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-model"

#include "config.h"

#include <string.h>

#include "platz-model.h"

const char * const platz_roles[] = { "employee", "team_lead", "facility_manager", "admin", NULL };
const char * const platz_functions[] = { "head", "staff", NULL };
const char * const platz_room_kinds[] = { "office", "project_office", "meeting_room", "lounge", NULL };
const char * const platz_slots[] = { "am", "pm", "full_day", NULL };
const char * const platz_booking_statuses[] = { "active", "cancelled", "released", NULL };
const char * const platz_desk_states[] = {
  "free", "booked", "mine", "blocked", "room_full", "assigned", NULL
};

#define F(st, nm, ty, fl) \
  { #nm, PLATZ_FIELD_##ty, G_STRUCT_OFFSET (st, nm), fl, 0, 0, NULL }
#define FR(st, nm, ty, fl, lo, hi) \
  { #nm, PLATZ_FIELD_##ty, G_STRUCT_OFFSET (st, nm), fl, lo, hi, NULL }
#define FE(st, nm, ty, fl, vals) \
  { #nm, PLATZ_FIELD_##ty, G_STRUCT_OFFSET (st, nm), fl, 0, 0, vals }
#define TYPE(var, nm, tbl, st, fields) \
  const PlatzType var = { nm, tbl, sizeof (st), fields, G_N_ELEMENTS (fields) }

/* Generous bounds that keep numbers sane without getting in the way. */
#define COORD_MAX 1.0e6
#define AREA_MAX 1.0e6

static const PlatzField site_fields[] = {
  F (PlatzSite, id, ID, PLATZ_F_READONLY),
  FR (PlatzSite, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  F (PlatzSite, timezone, TIMEZONE, 0),
  F (PlatzSite, closed_weekdays, WEEKDAYS, 0),
};
TYPE (platz_site_type, "site", "sites", PlatzSite, site_fields);

static const PlatzField building_fields[] = {
  F (PlatzBuilding, id, ID, PLATZ_F_READONLY),
  F (PlatzBuilding, site_id, REF, PLATZ_F_REQUIRED),
  FR (PlatzBuilding, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  FR (PlatzBuilding, address, STRING, PLATZ_F_NULL, 0, 500),
};
TYPE (platz_building_type, "building", "buildings", PlatzBuilding, building_fields);

static const PlatzField floor_fields[] = {
  F (PlatzFloor, id, ID, PLATZ_F_READONLY),
  F (PlatzFloor, building_id, REF, PLATZ_F_REQUIRED),
  FR (PlatzFloor, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  FR (PlatzFloor, level, INT, 0, -50, 300),
  FR (PlatzFloor, width, NUMBER, 0, 1, COORD_MAX),
  FR (PlatzFloor, height, NUMBER, 0, 1, COORD_MAX),
  F (PlatzFloor, has_plan, BOOL, PLATZ_F_READONLY | PLATZ_F_NOCOLUMN),
};
TYPE (platz_floor_type, "floor", "floors", PlatzFloor, floor_fields);

static const PlatzField room_fields[] = {
  F (PlatzRoom, id, ID, PLATZ_F_READONLY),
  F (PlatzRoom, floor_id, REF, PLATZ_F_REQUIRED),
  FR (PlatzRoom, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  FE (PlatzRoom, kind, ENUM, PLATZ_F_REQUIRED, platz_room_kinds),
  FR (PlatzRoom, area_m2, NUMBER, 0, 0, AREA_MAX),
  FR (PlatzRoom, capacity, INT, 0, 0, 10000),
  F (PlatzRoom, occupancy_standard_id, REF, PLATZ_F_NULL),
  FE (PlatzRoom, equipment, TAGS, 0, NULL),
  F (PlatzRoom, accessible, BOOL, 0),
  F (PlatzRoom, reservable, BOOL, 0),
  FR (PlatzRoom, x, NUMBER, 0, 0, COORD_MAX),
  FR (PlatzRoom, y, NUMBER, 0, 0, COORD_MAX),
  FR (PlatzRoom, w, NUMBER, 0, 0, COORD_MAX),
  FR (PlatzRoom, h, NUMBER, 0, 0, COORD_MAX),
};
TYPE (platz_room_type, "room", "rooms", PlatzRoom, room_fields);

static const PlatzField desk_fields[] = {
  F (PlatzDesk, id, ID, PLATZ_F_READONLY),
  F (PlatzDesk, room_id, REF, PLATZ_F_REQUIRED),
  FR (PlatzDesk, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  FR (PlatzDesk, x, NUMBER, 0, 0, COORD_MAX),
  FR (PlatzDesk, y, NUMBER, 0, 0, COORD_MAX),
  FE (PlatzDesk, equipment, TAGS, 0, NULL),
  F (PlatzDesk, accessible, BOOL, 0),
  F (PlatzDesk, bookable, BOOL, 0),
  FR (PlatzDesk, blocked_reason, STRING, PLATZ_F_NULL, 0, 500),
  F (PlatzDesk, blocked_until, DATE, PLATZ_F_NULL),
  F (PlatzDesk, assigned_user_id, REF, PLATZ_F_NULL),
};
TYPE (platz_desk_type, "desk", "desks", PlatzDesk, desk_fields);

static const PlatzField standard_fields[] = {
  F (PlatzStandard, id, ID, PLATZ_F_READONLY),
  FR (PlatzStandard, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  FR (PlatzStandard, max_persons, INT, PLATZ_F_REQUIRED, 1, 1000),
  FR (PlatzStandard, min_area_per_person_m2, NUMBER, PLATZ_F_REQUIRED, 0.5, 1000),
  FE (PlatzStandard, eligible_functions, TAGS, PLATZ_F_REQUIRED, platz_functions),
};
TYPE (platz_standard_type, "occupancy_standard", "occupancy_standards", PlatzStandard,
      standard_fields);

static const PlatzField user_fields[] = {
  F (PlatzUser, id, ID, PLATZ_F_READONLY),
  FR (PlatzUser, username, STRING, PLATZ_F_REQUIRED, 0, 100),
  FR (PlatzUser, display_name, STRING, PLATZ_F_REQUIRED, 0, 200),
  FE (PlatzUser, role, ENUM, 0, platz_roles),
  FE (PlatzUser, function, ENUM, 0, platz_functions),
  F (PlatzUser, team_id, REF, PLATZ_F_NULL),
  F (PlatzUser, share_presence, BOOL, 0),
  FR (PlatzUser, password, STRING, PLATZ_F_WRITEONLY | PLATZ_F_NOCOLUMN, 0, 1024),
  FR (PlatzUser, current_password, STRING, PLATZ_F_WRITEONLY | PLATZ_F_NOCOLUMN, 0, 1024),
};
TYPE (platz_user_type, "user", "users", PlatzUser, user_fields);

static const PlatzField team_fields[] = {
  F (PlatzTeam, id, ID, PLATZ_F_READONLY),
  FR (PlatzTeam, name, STRING, PLATZ_F_REQUIRED, 0, 200),
  F (PlatzTeam, lead_user_id, REF, PLATZ_F_NULL),
  F (PlatzTeam, building_id, REF, PLATZ_F_NULL),
  FR (PlatzTeam, office_share_percent, INT, 0, 0, 100),
};
TYPE (platz_team_type, "team", "teams", PlatzTeam, team_fields);

static const PlatzField booking_fields[] = {
  F (PlatzBooking, id, ID, PLATZ_F_READONLY),
  F (PlatzBooking, desk_id, REF, PLATZ_F_REQUIRED),
  F (PlatzBooking, user_id, REF, PLATZ_F_REQUIRED),
  F (PlatzBooking, date, DATE, PLATZ_F_REQUIRED),
  FE (PlatzBooking, slot, ENUM, PLATZ_F_REQUIRED, platz_slots),
  FE (PlatzBooking, status, ENUM, PLATZ_F_READONLY, platz_booking_statuses),
  F (PlatzBooking, checked_in_at, DATETIME, PLATZ_F_READONLY | PLATZ_F_NULL),
};
TYPE (platz_booking_type, "booking", "bookings", PlatzBooking, booking_fields);

static const PlatzField reservation_fields[] = {
  F (PlatzReservation, id, ID, PLATZ_F_READONLY),
  F (PlatzReservation, room_id, REF, PLATZ_F_REQUIRED),
  F (PlatzReservation, user_id, REF, PLATZ_F_NULL),
  F (PlatzReservation, team_id, REF, PLATZ_F_NULL),
  F (PlatzReservation, start, DATETIME, PLATZ_F_REQUIRED),
  F (PlatzReservation, end, DATETIME, PLATZ_F_REQUIRED),
  FR (PlatzReservation, title, STRING, PLATZ_F_NULL, 0, 200),
  FR (PlatzReservation, attendees, INT, 0, 0, 10000),
  F (PlatzReservation, series_id, REF, PLATZ_F_NULL),
};
TYPE (platz_reservation_type, "reservation", "reservations", PlatzReservation,
      reservation_fields);

static const PlatzField policies_fields[] = {
  FR (PlatzPolicies, booking_window_days, INT, 0, 0, 366),
  FR (PlatzPolicies, max_bookings_per_week, INT, 0, 1, 7),
  F (PlatzPolicies, check_in_deadline, TIME, 0),
  F (PlatzPolicies, working_hours_start, TIME, 0),
  F (PlatzPolicies, working_hours_end, TIME, 0),
  FR (PlatzPolicies, slot_minutes, INT, 0, 5, 240),
  FR (PlatzPolicies, home_share_max_percent, INT, 0, 0, 100),
  F (PlatzPolicies, home_share_enforced, BOOL, 0),
  FR (PlatzPolicies, occupancy_cap_percent, INT, PLATZ_F_NULL, 1, 100),
  FR (PlatzPolicies, retention_days, INT, 0, 1, 3650),
  FR (PlatzPolicies, project_office_horizon_days, INT, 0, 1, 730),
  FR (PlatzPolicies, report_min_group, INT, 0, 1, 1000),
  FR (PlatzPolicies, audit_retention_days, INT, 0, 1, 3650),
};
TYPE (platz_policies_type, "policies", NULL, PlatzPolicies, policies_fields);

static const PlatzField booking_request_fields[] = {
  F (PlatzBookingRequest, desk_id, REF, PLATZ_F_REQUIRED),
  F (PlatzBookingRequest, date, DATE, PLATZ_F_REQUIRED),
  FE (PlatzBookingRequest, slot, ENUM, PLATZ_F_REQUIRED, platz_slots),
  F (PlatzBookingRequest, user_id, REF, PLATZ_F_NULL),
};
TYPE (platz_booking_request_type, "booking request", NULL, PlatzBookingRequest,
      booking_request_fields);

static const PlatzField reservation_request_fields[] = {
  F (PlatzReservationRequest, room_id, REF, PLATZ_F_REQUIRED),
  F (PlatzReservationRequest, team_id, REF, PLATZ_F_NULL),
  F (PlatzReservationRequest, start, DATETIME, 0),
  F (PlatzReservationRequest, end, DATETIME, 0),
  FR (PlatzReservationRequest, title, STRING, PLATZ_F_NULL, 0, 200),
  FR (PlatzReservationRequest, attendees, INT, 0, 1, 10000),
  F (PlatzReservationRequest, from_date, DATE, 0),
  F (PlatzReservationRequest, to_date, DATE, 0),
  F (PlatzReservationRequest, until, DATE, PLATZ_F_NULL),
};
TYPE (platz_reservation_request_type, "reservation request", NULL, PlatzReservationRequest,
      reservation_request_fields);

static const PlatzField login_request_fields[] = {
  FR (PlatzLoginRequest, username, STRING, PLATZ_F_REQUIRED, 0, 100),
  FR (PlatzLoginRequest, password, STRING, PLATZ_F_REQUIRED, 0, 1024),
};
TYPE (platz_login_request_type, "login request", NULL, PlatzLoginRequest,
      login_request_fields);

const PlatzField *
platz_type_find_field (const PlatzType *type,
                       const char      *name)
{
  int i = platz_type_field_index (type, name);

  return i < 0 ? NULL : &type->fields[i];
}

int
platz_type_field_index (const PlatzType *type,
                        const char      *name)
{
  for (guint i = 0; i < type->n_fields; i++)
    if (strcmp (type->fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

gpointer
platz_object_new (const PlatzType *type)
{
  return g_malloc0 (type->size);
}

static gboolean
field_holds_string (const PlatzField *field)
{
  switch (field->type)
    {
    case PLATZ_FIELD_STRING:
    case PLATZ_FIELD_ENUM:
    case PLATZ_FIELD_DATE:
    case PLATZ_FIELD_TIME:
    case PLATZ_FIELD_DATETIME:
    case PLATZ_FIELD_TIMEZONE:
      return TRUE;
    default:
      return FALSE;
    }
}

void
platz_object_clear (const PlatzType *type,
                    gpointer         obj)
{
  if (obj == NULL)
    return;

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];

      if (field_holds_string (field))
        g_clear_pointer ((char **) PLATZ_FIELD_PTR (obj, field), g_free);
      else if (field->type == PLATZ_FIELD_TAGS)
        g_clear_pointer ((char ***) PLATZ_FIELD_PTR (obj, field), g_strfreev);
    }
  memset (obj, 0, type->size);
}

void
platz_object_free (const PlatzType *type,
                   gpointer         obj)
{
  if (obj == NULL)
    return;
  platz_object_clear (type, obj);
  g_free (obj);
}

gpointer
platz_object_copy (const PlatzType *type,
                   gconstpointer    obj)
{
  gpointer copy = g_memdup2 (obj, type->size);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];

      if (field_holds_string (field))
        {
          char **p = PLATZ_FIELD_PTR (copy, field);
          *p = g_strdup (*p);
        }
      else if (field->type == PLATZ_FIELD_TAGS)
        {
          char ***p = PLATZ_FIELD_PTR (copy, field);
          *p = g_strdupv (*p);
        }
    }
  return copy;
}

gboolean
platz_strv_contains (char * const *strv,
                     const char   *value)
{
  if (strv == NULL || value == NULL)
    return FALSE;
  return g_strv_contains ((const char * const *) strv, value);
}

gboolean
platz_enum_valid (const char * const *values,
                  const char         *value)
{
  return value != NULL && g_strv_contains (values, value);
}

void
platz_policies_init_defaults (PlatzPolicies *policies)
{
  memset (policies, 0, sizeof *policies);
  policies->booking_window_days = 14;
  policies->max_bookings_per_week = 5;
  policies->check_in_deadline = g_strdup ("10:00");
  policies->working_hours_start = g_strdup ("06:00");
  policies->working_hours_end = g_strdup ("20:00");
  policies->slot_minutes = 15;
  policies->home_share_max_percent = 60;
  policies->home_share_enforced = FALSE;
  policies->occupancy_cap_percent = 0;
  policies->retention_days = 90;
  policies->project_office_horizon_days = 182;
  policies->report_min_group = 5;
  policies->audit_retention_days = 365;
}

gboolean
platz_weekdays_contain (gint64       mask,
                        const GDate *date)
{
  return (mask & (G_GINT64_CONSTANT (1) << (g_date_get_weekday (date) - 1))) != 0;
}
