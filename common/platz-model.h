/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The domain types of Platz, shared by server and client.
 *
 * Every type is a plain C struct described by a table of fields
 * (PlatzType / PlatzField).  The JSON codec (platz-codec.c) and the
 * server's SQL mapping both walk that table, so a field's name, type and
 * rules are written down exactly once.  JSON field names equal the SQL
 * column names.
 *
 * Conventions for values:
 *  - ids are gint64 > 0; an optional reference (PLATZ_FIELD_REF) is 0 when
 *    absent and travels as JSON null;
 *  - enum-like values (role, slot, kind, ...) are strings checked against
 *    the field's list of allowed values;
 *  - tag lists are NULL-terminated string vectors.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  PLATZ_FIELD_ID,        /* gint64, read-only primary key */
  PLATZ_FIELD_REF,       /* gint64 id of another object, 0 = null */
  PLATZ_FIELD_INT,       /* gint64 within [min, max]; F_NULL: 0 = null */
  PLATZ_FIELD_NUMBER,    /* double within [min, max] */
  PLATZ_FIELD_BOOL,      /* gboolean */
  PLATZ_FIELD_STRING,    /* char *, 1..max_len characters of UTF-8 */
  PLATZ_FIELD_ENUM,      /* char *, one of values */
  PLATZ_FIELD_TAGS,      /* char **, each one of values, or a tag [a-z0-9_]+ */
  PLATZ_FIELD_DATE,      /* char *, YYYY-MM-DD (a real date) */
  PLATZ_FIELD_TIME,      /* char *, HH:MM */
  PLATZ_FIELD_DATETIME,  /* char *, RFC 3339 */
  PLATZ_FIELD_TIMEZONE,  /* char *, an IANA zone GLib knows */
  PLATZ_FIELD_WEEKDAYS,  /* gint64 bit mask, bit d-1 for ISO weekday d (1 = Monday);
                          * JSON: a list of distinct weekdays 1..7, in order */
} PlatzFieldType;

typedef enum {
  PLATZ_F_READONLY  = 1 << 0, /* set by the server, refused in requests */
  PLATZ_F_REQUIRED  = 1 << 1, /* must be present on create */
  PLATZ_F_NULL      = 1 << 2, /* JSON null accepted and produced */
  PLATZ_F_WRITEONLY = 1 << 3, /* accepted in requests, never encoded */
  PLATZ_F_NOCOLUMN  = 1 << 4, /* not a plain SQL column of the table */
} PlatzFieldFlags;

typedef struct {
  const char         *name;
  PlatzFieldType      type;
  gsize               offset;
  guint               flags;
  double              min;
  double              max;
  const char * const *values;   /* ENUM / TAGS: allowed values, NULL = any tag */
} PlatzField;

typedef struct {
  const char       *name;       /* "room" */
  const char       *table;      /* "rooms" */
  gsize             size;
  const PlatzField *fields;
  guint             n_fields;
} PlatzType;

/* Allowed enum values, NULL-terminated. */
extern const char * const platz_roles[];
extern const char * const platz_functions[];
extern const char * const platz_room_kinds[];
extern const char * const platz_slots[];
extern const char * const platz_booking_statuses[];
extern const char * const platz_desk_states[];

typedef struct {
  gint64  id;
  char   *name;
  char   *timezone;
  gint64  closed_weekdays;  /* PLATZ_FIELD_WEEKDAYS: desks not bookable then */
} PlatzSite;

/* TRUE when the mask of a PLATZ_FIELD_WEEKDAYS field holds the weekday of
 * date. */
gboolean platz_weekdays_contain (gint64       mask,
                                 const GDate *date);

typedef struct {
  gint64  id;
  gint64  site_id;
  char   *name;
  char   *address;
} PlatzBuilding;

typedef struct {
  gint64   id;
  gint64   building_id;
  char    *name;
  gint64   level;
  double   width;
  double   height;
  gboolean has_plan;
} PlatzFloor;

typedef struct {
  gint64   id;
  gint64   floor_id;
  char    *name;
  char    *kind;
  double   area_m2;
  gint64   capacity;
  gint64   occupancy_standard_id;
  char   **equipment;
  gboolean accessible;
  gboolean reservable;
  double   x, y, w, h;
} PlatzRoom;

typedef struct {
  gint64   id;
  gint64   room_id;
  char    *name;
  double   x, y;
  char   **equipment;
  gboolean accessible;
  gboolean bookable;
  char    *blocked_reason;
  char    *blocked_until;
  gint64   assigned_user_id;
} PlatzDesk;

typedef struct {
  gint64  id;
  char   *name;
  gint64  max_persons;
  double  min_area_per_person_m2;
  char  **eligible_functions;
} PlatzStandard;

typedef struct {
  gint64   id;
  char    *username;
  char    *display_name;
  char    *role;
  char    *function;
  gint64   team_id;
  gboolean share_presence;
  char    *password;
  char    *current_password;  /* write-only: proves a change of one's own password */
} PlatzUser;

typedef struct {
  gint64  id;
  char   *name;
  gint64  lead_user_id;
  gint64  building_id;
  gint64  office_share_percent;
} PlatzTeam;

typedef struct {
  gint64  id;
  gint64  desk_id;
  gint64  user_id;
  char   *date;
  char   *slot;
  char   *status;
  char   *checked_in_at;
} PlatzBooking;

typedef struct {
  gint64  id;
  gint64  room_id;
  gint64  user_id;
  gint64  team_id;
  char   *start;
  char   *end;
  char   *title;
  gint64  attendees;
  gint64  series_id;
} PlatzReservation;

typedef struct {
  gint64   booking_window_days;
  gint64   max_bookings_per_week;
  char    *check_in_deadline;
  char    *working_hours_start;
  char    *working_hours_end;
  gint64   slot_minutes;
  gint64   home_share_max_percent;
  gboolean home_share_enforced;
  gint64   occupancy_cap_percent;   /* 0 = no cap (null) */
  gint64   retention_days;
  gint64   project_office_horizon_days;
  gint64   report_min_group;        /* reports merge rows standing for fewer people */
  gint64   audit_retention_days;
} PlatzPolicies;

/* Request bodies that are not objects of their own. */
typedef struct {
  gint64  desk_id;
  char   *date;
  char   *slot;
  gint64  user_id;
} PlatzBookingRequest;

typedef struct {
  gint64  room_id;
  gint64  team_id;
  char   *start;
  char   *end;
  char   *title;
  gint64  attendees;
  char   *from_date;
  char   *to_date;
  char   *until;
} PlatzReservationRequest;

typedef struct {
  char *username;
  char *password;
} PlatzLoginRequest;

extern const PlatzType platz_site_type;
extern const PlatzType platz_building_type;
extern const PlatzType platz_floor_type;
extern const PlatzType platz_room_type;
extern const PlatzType platz_desk_type;
extern const PlatzType platz_standard_type;
extern const PlatzType platz_user_type;
extern const PlatzType platz_team_type;
extern const PlatzType platz_booking_type;
extern const PlatzType platz_reservation_type;
extern const PlatzType platz_policies_type;
extern const PlatzType platz_booking_request_type;
extern const PlatzType platz_reservation_request_type;
extern const PlatzType platz_login_request_type;

const PlatzField *platz_type_find_field (const PlatzType *type,
                                         const char      *name);
int               platz_type_field_index (const PlatzType *type,
                                          const char      *name);

gpointer platz_object_new   (const PlatzType *type);
void     platz_object_clear (const PlatzType *type,
                             gpointer         obj);
void     platz_object_free  (const PlatzType *type,
                             gpointer         obj);
gpointer platz_object_copy  (const PlatzType *type,
                             gconstpointer    obj);

/* Direct access to a field's storage. */
#define PLATZ_FIELD_PTR(obj, field) ((gpointer) ((guint8 *) (obj) + (field)->offset))

gboolean platz_strv_contains (char * const *strv,
                              const char   *value);
gboolean platz_enum_valid    (const char * const *values,
                              const char         *value);

/* Default policies (docs/contract.md §7); free with platz_object_clear. */
void platz_policies_init_defaults (PlatzPolicies *policies);

G_END_DECLS
