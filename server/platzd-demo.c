/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "platz-date.h"
#include "platzd-auth.h"
#include "platzd-demo-names.h"
#include "platzd-demo.h"

/*
 * The demo city administration: one site, three buildings, ~600 desks,
 * ~1,500 people in 60 teams, desk bookings and room reservations from
 * three weeks ago to two weeks ahead (project-office series further).
 *
 * Everything comes from a fixed-seed PRNG, so two runs on the same day give
 * the same data; only the dates move with today (Europe/Berlin).  Ids are
 * given explicitly (index + 1), and the generator keeps every desk's
 * half-days and every room's count per half-day in memory, so what it
 * writes keeps the booking rules (docs/contract.md §3) without asking the database back, and never
 * trips the unique indexes.
 *
 * Plan geometry is in metres.  A floor has one or two wings; a wing is a
 * row of rooms, a corridor and another row, each room's outer wall (with
 * the windows) facing away from the corridor.  Rooms are whole window axes
 * of 1.25 m by 5.2 m deep, so area_m2 is the rectangle's area.  A desk is
 * 1.6 x 0.8; its (x, y) is its centre, and all of it lies inside its room.
 */

#define DEMO_SEED     20240611
#define DEMO_PASSWORD "platz-demo"
#define PAST_DAYS     21    /* bookings from today - 21 ... */
#define FUTURE_DAYS   13    /* ... to today + 13, inside the booking window */
#define PROJECT_DAYS  41    /* project-office series reach further */

#define AXIS     1.25
#define DEPTH    5.2
#define CORRIDOR 2.4
#define MARGIN   1.0
#define COURT    12.4
#define WING     (2 * DEPTH + CORRIDOR)

#define HALF_AM   1
#define HALF_PM   2
#define HALF_BOTH 3

/* The demo logins are users 1-4. */
enum { USER_ADMIN, USER_FACILITY, USER_LEAD, USER_EMPLOYEE, N_DEMO_USERS };

typedef enum { KIND_OFFICE, KIND_PROJECT, KIND_MEETING, KIND_LOUNGE } RoomKind;

static const char * const kind_names[] = { "office", "project_office", "meeting_room", "lounge" };
static const char * const kind_suffixes[] = { "", " Projektbüro", " Besprechungsraum", " Lounge" };

static const struct {
  const char *name;
  const char *address;
  const char *prefix;             /* of room names: "R 2.14" */
  int         floors;
  int         wings;
  double      row_length;         /* of a row of rooms */
  int         accessible_levels;  /* levels below this are barrier-free */
} buildings[] = {
  { "Rathaus", "Marktplatz 1, 12345 Musterstadt", "R", 4, 2, 44.0, 2 },
  { "Technisches Rathaus", "Am Stadtgraben 12, 12345 Musterstadt", "T", 4, 1, 72.0, 99 },
  { "Bürgerbüro Nord", "Nordring 48, 12347 Musterstadt", "N", 3, 1, 52.0, 99 },
};
#define N_BUILDINGS G_N_ELEMENTS (buildings)

/* Occupancy standards, ids 1-3. */
static const struct {
  const char *name;
  int         max_persons;
  double      min_area;
  const char *eligible;
} standards[] = {
  { "Leitung (Einzelbüro)", 1, 12.0, "[\"head\"]" },
  { "Sachbearbeitung (Zweierbüro)", 2, 8.0, "[\"staff\"]" },
  { "Sachbearbeitung (Dreierbüro)", 3, 8.0, "[\"staff\"]" },
};

/* Offices by window axes.  The wide Zweierbüro has a third desk that its
 * standard never lets be used at the same time as the other two. */
typedef struct {
  int standard;
  int axes;
  int desks;
  int weight;
} OfficeType;

static const OfficeType office_types[] = {
  { 1, 2, 1, 15 },   /* 2.50 x 5.2 = 13.0 m² */
  { 2, 3, 2, 36 },   /* 3.75 x 5.2 = 19.5 m² */
  { 3, 4, 3, 42 },   /* 5.00 x 5.2 = 26.0 m² */
  { 2, 4, 3, 7 },
};

/* Desk equipment: how likely for staff and for heads. */
static const struct {
  const char *tag;
  double      staff;
  double      head;
} desk_tags[] = {
  { "height_adjustable", 0.35, 0.7 },
  { "docking_station", 0.8, 0.8 },
  { "dual_monitor", 0.45, 0.6 },
  { "ergonomic_chair", 0.55, 0.9 },
};

typedef struct {
  int      building;
  RoomKind kind;
  int      standard;     /* 0 or 1-3 */
  int      capacity;
  int      limit;        /* effective limit of an office */
  gboolean reservable;
  int      count[2];     /* desk bookings this day, am and pm */
  int      series;       /* meeting rooms: the weekly jour fixe ... */
  int      series_team;
  int      series_wday;
  guint64  days;         /* project offices: reserved days (offset + PAST_DAYS) */
} DemoRoom;

typedef struct {
  int      room;
  int      owner;         /* fixed desk: user index, or -1 */
  int      release_wday;  /* the owner lets others book it on this weekday */
  gboolean bookable;
  guint8   taken;         /* halves booked this day */
} DemoDesk;

typedef struct {
  int      team;   /* index, or -1 */
  int      desk;   /* fixed desk, or -1 */
  gboolean head;
} DemoUser;

typedef struct {
  int building;
  int lead;        /* user index */
  int share;       /* office_share_percent */
  int first_user;
  int n_users;
  int zone;        /* the team's place among the building's teams */
} DemoTeam;

/* Where the next room goes. */
typedef struct {
  int      building;
  int      floor;
  int      level;
  int      number;
  double   x, y;
  gboolean outer_top;   /* the windows are at y, else at y + DEPTH */
} Spot;

typedef struct {
  PlatzdStore *store;
  GRand       *rand;
  GTimeZone   *zone;
  GDate        today;
  GDateTime   *now;
  char        *now_key;
  int          now_minute;     /* local, since midnight */
  char        *hash;
  GArray      *rooms;          /* DemoRoom */
  GArray      *desks;          /* DemoDesk */
  GArray      *users;          /* DemoUser */
  GArray      *teams;          /* DemoTeam */
  GArray      *pools[N_BUILDINGS][2];  /* desk indexes, [b][0] staff, [b][1] heads */
  int          teams_in[N_BUILDINGS];
  int          fixed_cursor[N_BUILDINGS];
  GHashTable  *usernames;
  int          n_floors;
  int          n_bookable;
  int          next_booking;
  int          next_reservation;
} Demo;

#define ROOM(d, i) (&g_array_index ((d)->rooms, DemoRoom, (i)))
#define DESK(d, i) (&g_array_index ((d)->desks, DemoDesk, (i)))
#define USER(d, i) (&g_array_index ((d)->users, DemoUser, (i)))
#define TEAM(d, i) (&g_array_index ((d)->teams, DemoTeam, (i)))

/* Auxiliary */

static int
rnd (Demo *demo,
     int   n)
{
  return n <= 1 ? 0 : g_rand_int_range (demo->rand, 0, n);
}

static gboolean
chance (Demo  *demo,
        double p)
{
  return g_rand_double (demo->rand) < p;
}

static const char *
pick (Demo                 *demo,
      const PlatzdDemoList *list)
{
  return list->items[rnd (demo, list->n)];
}

static double
round2 (double v)
{
  return round (v * 100.0) / 100.0;
}

/*
 * Runs one cached statement.  types has a letter per parameter: 'i' an
 * int, 'r' an int id where 0 is NULL, 'd' a double, 's' a string or NULL.
 */
static gboolean
run (Demo       *demo,
     GError    **error,
     const char *sql,
     const char *types,
     ...)
{
  sqlite3_stmt *stmt = platzd_store_prepare (demo->store, sql, error);
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      const char *s;
      int v;

      if (types[i] == 'd')
        sqlite3_bind_double (stmt, i + 1, va_arg (args, double));
      else if (types[i] == 's')
        {
          if ((s = va_arg (args, const char *)) != NULL)
            sqlite3_bind_text (stmt, i + 1, s, -1, SQLITE_TRANSIENT);
        }
      else if ((v = va_arg (args, int)) != 0 || types[i] == 'i')
        sqlite3_bind_int (stmt, i + 1, v);
    }
  va_end (args);
  return platzd_store_step_done (demo->store, stmt, error);
}

/* The day at offset from today: its ISO weekday, and as YYYY-MM-DD in str
 * (11 bytes) unless NULL. */
static int
day_at (Demo  *demo,
        int    offset,
        GDate *out,
        char  *str)
{
  GDate date = demo->today;

  if (offset > 0)
    g_date_add_days (&date, offset);
  else if (offset < 0)
    g_date_subtract_days (&date, -offset);
  if (out != NULL)
    *out = date;
  if (str != NULL)
    g_date_strftime (str, 11, "%Y-%m-%d", &date);
  return platz_date_iso_weekday (&date);
}

/* A local wall time (minute may be 1440, the next midnight) as the stored
 * UTC key. */
static char *
local_key (Demo *demo,
           int   offset,
           int   minute)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  day_at (demo, offset + minute / 1440, &date, NULL);
  minute %= 1440;
  dt = g_date_time_new (demo->zone, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), minute / 60, minute % 60, 0);
  return platz_datetime_utc_key (dt);
}

/* When something for the day at offset was made: some days before, in
 * office hours, never after now. */
static char *
created_key (Demo *demo,
             int   offset)
{
  char *key = local_key (demo, offset - 1 - rnd (demo, 10), 7 * 60 + rnd (demo, 11 * 60));

  if (strcmp (key, demo->now_key) > 0)
    {
      g_autoptr(GDateTime) earlier = g_date_time_add_minutes (demo->now, -1 - rnd (demo, 240));
      g_free (key);
      key = platz_datetime_utc_key (earlier);
    }
  return key;
}

/* "Müller-Lüdenscheidt" -> "mueller-luedenscheidt" */
static char *
to_login (const char *text)
{
  static const char * const umlauts[][2] = {
    { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "Ae" }, { "Ö", "Oe" }, { "Ü", "Ue" },
    { "ß", "ss" },
  };
  g_autoptr(GString) s = g_string_new (text);
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (umlauts); i++)
    g_string_replace (s, umlauts[i][0], umlauts[i][1], 0);
  ascii = g_str_to_ascii (s->str, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* People and teams */

static gboolean
add_user (Demo       *demo,
          const char *username,
          const char *display_name,
          const char *role,
          int         team,
          gboolean    head,
          gboolean    share,
          GError    **error)
{
  DemoUser user = { team, -1, head };

  g_array_append_val (demo->users, user);
  return run (demo, error,
              "INSERT INTO users (id, username, display_name, role, function, team_id, "
              "share_presence, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              "issssris", (int) demo->users->len, username, display_name, role,
              head ? "head" : "staff", team + 1, share, demo->hash);
}

/* A generated person with a unique login such as "m.schneider2". */
static gboolean
add_person (Demo    *demo,
            int      team,
            gboolean head,
            GError **error)
{
  const char *first = pick (demo, chance (demo, 0.5) ? &platzd_demo_female_names
                                                     : &platzd_demo_male_names);
  const char *last = pick (demo, &platzd_demo_last_names);
  g_autofree char *display = g_strdup_printf ("%s%s %s", head && chance (demo, 0.15) ? "Dr. " : "",
                                              first, last);
  g_autofree char *f = to_login (first);
  g_autofree char *l = to_login (last);
  char *username = g_strdup_printf ("%c.%s", f[0], l);

  for (int n = 2; g_hash_table_contains (demo->usernames, username); n++)
    {
      g_free (username);
      username = g_strdup_printf ("%c.%s%d", f[0], l, n);
    }
  g_hash_table_add (demo->usernames, username);
  return add_user (demo, username, display, head ? "team_lead" : "employee", team, head,
                   chance (demo, 0.3), error);
}

static gboolean
add_people (Demo    *demo,
            GError **error)
{
  /* The demo logins first; "lead" heads the first team, "employee" is in it. */
  if (!add_user (demo, "admin", "Anna Admin", "admin", -1, FALSE, FALSE, error) ||
      !add_user (demo, "facility", "Frieda Facility", "facility_manager", -1, FALSE, FALSE,
                 error))
    return FALSE;

  for (guint t = 0; t < platzd_demo_n_teams; t++)
    {
      DemoTeam team = { 0 };

      team.building = platzd_demo_teams[t].building;
      team.share = 40 + 5 * rnd (demo, 7);
      team.first_user = team.lead = demo->users->len;
      team.n_users = t == 0 ? 18 : 12 + rnd (demo, 23);
      team.zone = demo->teams_in[team.building]++;
      g_array_append_val (demo->teams, team);
      if (!run (demo, error,
                "INSERT INTO teams (id, name, lead_user_id, building_id, office_share_percent) "
                "VALUES (?, ?, ?, ?, ?)",
                "isiii", (int) t + 1, platzd_demo_teams[t].name, team.lead + 1,
                team.building + 1, team.share))
        return FALSE;

      for (int i = 0; i < team.n_users; i++)
        {
          gboolean ok;

          if (t == 0 && i == 0)
            ok = add_user (demo, "lead", "Lars Lead", "team_lead", 0, TRUE, TRUE, error);
          else if (t == 0 && i == 1)
            ok = add_user (demo, "employee", "Emma Employee", "employee", 0, FALSE, TRUE, error);
          else
            ok = add_person (demo, t, i == 0, error);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

/* Buildings, floors, rooms, desks */

/* Fixed desks go to heads of the building's teams, one each; the demo
 * lead books like everybody else. */
static int
next_fixed_owner (Demo *demo,
                  int   building)
{
  int *cursor = &demo->fixed_cursor[building];

  for (; *cursor < (int) demo->teams->len; (*cursor)++)
    {
      DemoTeam *team = TEAM (demo, *cursor);

      if (team->building == building && team->lead != USER_LEAD)
        return TEAM (demo, (*cursor)++)->lead;
    }
  return -1;
}

static gboolean
add_desk (Demo       *demo,
          int         room,
          const char *name,
          double      x,
          double      y,
          gboolean    window,
          gboolean    quiet,
          gboolean    accessible,
          GError    **error)
{
  DemoRoom *r = ROOM (demo, room);
  DemoDesk desk = { room, -1, 0, TRUE, 0 };
  gboolean head = r->standard == 1;
  const char *tags[G_N_ELEMENTS (desk_tags) + 3];
  g_autofree char *equipment = NULL;
  char until[11] = "";
  const char *reason = NULL;
  gboolean adjustable;
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (desk_tags); i++)
    if (chance (demo, head ? desk_tags[i].head : desk_tags[i].staff))
      tags[n++] = desk_tags[i].tag;
  adjustable = n > 0 && tags[0] == desk_tags[0].tag;
  /* Barrier-free: the first desk of such a room, if height-adjustable. */
  accessible = accessible && adjustable;
  if (quiet)
    tags[n++] = "quiet_zone";
  if (window)
    tags[n++] = "window";
  tags[n] = NULL;
  equipment = platzd_tags_to_json ((char **) tags);

  if (head && chance (demo, 0.45))
    desk.owner = next_fixed_owner (demo, r->building);
  if (desk.owner >= 0)
    {
      USER (demo, desk.owner)->desk = demo->desks->len;
      if (chance (demo, 0.3))
        desk.release_wday = 1 + rnd (demo, 5);
    }
  else if (chance (demo, 0.015))
    {
      desk.bookable = FALSE;
      reason = pick (demo, &platzd_demo_block_reasons);
      if (!adjustable && strstr (reason, "Höhenverstellung") != NULL)
        reason = platzd_demo_block_reasons.items[0];
      if (chance (demo, 0.7))
        day_at (demo, 3 + rnd (demo, 35), NULL, until);
    }
  demo->n_bookable += desk.bookable;
  g_array_append_val (demo->desks, desk);
  return run (demo, error,
              "INSERT INTO desks (id, room_id, name, x, y, equipment, accessible, bookable, "
              "blocked_reason, blocked_until, assigned_user_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              "iisddsiissr", (int) demo->desks->len, room + 1, name, round2 (x), round2 (y),
              equipment, accessible, desk.bookable, reason, until[0] ? until : NULL,
              desk.owner + 1);
}

static char *
room_equipment (Demo    *demo,
                RoomKind kind,
                int      capacity)
{
  const char *tags[5];
  int n = 0;

  if (kind == KIND_MEETING || kind == KIND_PROJECT)
    {
      if (chance (demo, 0.8))
        tags[n++] = "whiteboard";
      if (capacity >= 8 || kind == KIND_PROJECT)
        tags[n++] = "screen";
      if (capacity >= 8 && chance (demo, 0.6))
        tags[n++] = "video_conference";
      if (chance (demo, 0.25))
        tags[n++] = "digital_whiteboard";
    }
  else if (kind == KIND_LOUNGE && chance (demo, 0.5))
    tags[n++] = "screen";
  tags[n] = NULL;
  return platzd_tags_to_json ((char **) tags);
}

/* A room at the spot, and the desks of an office: in rows parallel to the
 * window, the first row 1 m from it. */
static gboolean
add_room (Demo             *demo,
          Spot             *spot,
          RoomKind          kind,
          const OfficeType *office,
          int               axes,
          GError          **error)
{
  DemoRoom room = { 0 };
  int index = demo->rooms->len;
  double w = axes * AXIS;
  gboolean accessible = spot->level < buildings[spot->building].accessible_levels;
  gboolean quiet = chance (demo, 0.15);
  int n_desks = office ? office->desks : 0;
  /* Two desks side by side at the window, or one behind the other. */
  int cols = w >= 3.7 && (n_desks != 2 || chance (demo, 0.5)) ? 2 : 1;
  g_autofree char *name = NULL;
  g_autofree char *equipment = NULL;

  room.building = spot->building;
  room.kind = kind;
  room.standard = office ? office->standard : 0;
  room.capacity = office ? office->desks : kind == KIND_PROJECT ? 2 * axes - 2 : 2 * axes;
  /* Lounges on even levels take reservations, the others are walk-in. */
  room.reservable = kind != KIND_LOUNGE || spot->level % 2 == 0;
  name = g_strdup_printf ("%s %d.%02d%s", buildings[spot->building].prefix, spot->level,
                          spot->number++, kind_suffixes[kind]);
  equipment = room_equipment (demo, kind, room.capacity);
  g_array_append_val (demo->rooms, room);
  if (!run (demo, error,
            "INSERT INTO rooms (id, floor_id, name, kind, area_m2, capacity, "
            "occupancy_standard_id, equipment, accessible, reservable, x, y, w, h) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "iissdirsiidddd", index + 1, spot->floor + 1, name, kind_names[kind],
            round2 (w * DEPTH), room.capacity, room.standard, equipment, accessible,
            room.reservable, round2 (spot->x), round2 (spot->y), round2 (w), DEPTH))
    return FALSE;

  for (int k = 0; k < n_desks; k++)
    {
      int row = k / cols;
      int in_row = MIN (cols, n_desks - row * cols);
      double dist = 1.0 + 1.8 * row;
      g_autofree char *desk_name = g_strdup_printf ("%s-%d", name, k + 1);

      if (!add_desk (demo, index, desk_name,
                     spot->x + w * (2 * (k % cols) + 1) / (2.0 * in_row),
                     spot->outer_top ? spot->y + dist : spot->y + DEPTH - dist,
                     row == 0, quiet, accessible && k == 0, error))
        return FALSE;
    }

  /* The effective limit (docs/contract.md §2): min (bookable desks, max persons, floor (area / area per person)) */
  if (office != NULL)
    {
      int std = office->standard - 1;
      int by_area = (int) floor (w * DEPTH / standards[std].min_area);
      int limit = MIN (standards[std].max_persons, by_area);
      int bookable = 0;

      for (guint d = demo->desks->len - n_desks; d < demo->desks->len; d++)
        bookable += DESK (demo, d)->bookable;
      ROOM (demo, index)->limit = MIN (bookable, limit);
    }
  spot->x += w;
  return TRUE;
}

/* By weight; when that is too wide for what is left, a single office. */
static const OfficeType *
pick_office (Demo  *demo,
             double room_left)
{
  int r = rnd (demo, 100);
  guint i = 0;

  while (i + 1 < G_N_ELEMENTS (office_types) && r >= office_types[i].weight)
    r -= office_types[i++].weight;
  if (office_types[i].axes * AXIS <= room_left + 1e-6)
    return &office_types[i];
  return office_types[0].axes * AXIS <= room_left + 1e-6 ? &office_types[0] : NULL;
}

/*
 * One floor: rows of rooms along the corridors.  Each row starts with the
 * shared rooms (meeting rooms, a project office, a lounge) dealt to it, has
 * a gap in the middle for the stairs or the washrooms, and is filled with
 * offices; what is left at its end stays a gap (a store room).
 */
static gboolean
add_floor (Demo    *demo,
           int      building,
           int      level,
           GError **error)
{
  static const int meeting_axes[] = { 3, 4, 4, 5, 6, 8 };
  static const char * const floor_names[] = {
    "Erdgeschoss", "1. Obergeschoss", "2. Obergeschoss", "3. Obergeschoss",
  };
  double length = buildings[building].row_length;
  int wings = buildings[building].wings;
  Spot spot = { building, demo->n_floors++, level, 1, 0, 0, FALSE };
  RoomKind shared[6];
  int n_shared = 0;
  int n_meeting = 1 + rnd (demo, 2) + (wings > 1 || level == 0);

  if (!run (demo, error,
            "INSERT INTO floors (id, building_id, name, level, width, height) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            "iisidd", spot.floor + 1, building + 1, floor_names[level], level,
            length + 2 * MARGIN, round2 (2 * MARGIN + wings * WING + (wings - 1) * COURT)))
    return FALSE;

  for (int i = 0; i < n_meeting; i++)
    shared[n_shared++] = KIND_MEETING;
  if (level % 2 == 1 || chance (demo, 0.5))
    shared[n_shared++] = KIND_PROJECT;
  shared[n_shared++] = KIND_LOUNGE;

  for (int row = 0; row < 2 * wings; row++)
    {
      double core = MARGIN + length / 2 - 2.5;
      double core_end = core + (row % 2 == 0 ? 5.0 : 3.75);

      spot.outer_top = row % 2 == 0;
      spot.x = MARGIN;
      spot.y = MARGIN + (row / 2) * (WING + COURT) + (spot.outer_top ? 0 : DEPTH + CORRIDOR);
      for (int s = row; s < n_shared; s += 2 * wings)
        {
          int axes = shared[s] == KIND_PROJECT ? 4 + rnd (demo, 3) : 4 + rnd (demo, 2);

          if (shared[s] == KIND_MEETING)
            axes = meeting_axes[rnd (demo, G_N_ELEMENTS (meeting_axes))];

          if (spot.x < core_end && spot.x + axes * AXIS > core)
            spot.x = core_end;
          if (!add_room (demo, &spot, shared[s], NULL, axes, error))
            return FALSE;
        }
      for (;;)
        {
          const OfficeType *office = pick_office (demo, MARGIN + length - spot.x);

          if (office == NULL)
            break;
          if (spot.x < core_end && spot.x + office->axes * AXIS > core)
            spot.x = core_end;
          else if (!add_room (demo, &spot, KIND_OFFICE, office, office->axes, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_structure (Demo    *demo,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (standards); i++)
    if (!run (demo, error,
              "INSERT INTO occupancy_standards (id, name, max_persons, min_area_per_person_m2, "
              "eligible_functions) VALUES (?, ?, ?, ?, ?)",
              "isids", (int) i + 1, standards[i].name, standards[i].max_persons,
              standards[i].min_area, standards[i].eligible))
      return FALSE;
  /* The administration works Monday to Friday: desks close at the weekend
   * (bits 5 and 6 are Saturday and Sunday), as the demo's bookings do. */
  if (!run (demo, error,
            "INSERT INTO sites (id, name, timezone, closed_weekdays) VALUES (1, ?, ?, 96)",
            "ss", "Stadtverwaltung Musterstadt", "Europe/Berlin"))
    return FALSE;
  for (guint b = 0; b < N_BUILDINGS; b++)
    if (!run (demo, error,
              "INSERT INTO buildings (id, site_id, name, address) VALUES (?, 1, ?, ?)",
              "iss", (int) b + 1, buildings[b].name, buildings[b].address))
      return FALSE;
  return TRUE;
}

static gboolean
add_floors (Demo    *demo,
            GError **error)
{
  for (guint b = 0; b < N_BUILDINGS; b++)
    for (int level = 0; level < buildings[b].floors; level++)
      if (!add_floor (demo, b, level, error))
        return FALSE;

  /* Desk pools per building and function, in plan order. */
  for (guint b = 0; b < N_BUILDINGS; b++)
    for (int h = 0; h < 2; h++)
      demo->pools[b][h] = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < demo->desks->len; i++)
    {
      DemoRoom *room = ROOM (demo, DESK (demo, i)->room);
      int d = i;

      g_array_append_val (demo->pools[room->building][room->standard == 1], d);
    }
  return TRUE;
}

/* Desk bookings */

/* A free desk for user u: their fixed desk, or one in their building and
 * standard, looking first in their team's zone so that teams sit together. */
static int
find_desk (Demo *demo,
           int   u,
           int   halves,
           int   offset,
           int   wday)
{
  DemoUser *user = USER (demo, u);
  DemoTeam *team = TEAM (demo, user->team);
  GArray *pool = demo->pools[team->building][user->head];
  int zone;
  int start;

  if (user->desk >= 0)
    {
      DemoDesk *desk = DESK (demo, user->desk);

      /* Released to others that day: the owner is away. */
      if ((offset > 0 && desk->release_wday == wday) || !desk->bookable)
        return -1;
      return (desk->taken & halves) == 0 ? user->desk : -1;
    }
  if (pool->len == 0)
    return -1;
  zone = MAX (1, (int) pool->len / demo->teams_in[team->building]);
  start = (int) pool->len * team->zone / demo->teams_in[team->building] + rnd (demo, zone);
  for (guint k = 0; k < pool->len; k++)
    {
      int d = g_array_index (pool, int, (start + k) % pool->len);
      DemoDesk *desk = DESK (demo, d);
      DemoRoom *room = ROOM (demo, desk->room);

      if (!desk->bookable || (desk->taken & halves) != 0 ||
          (desk->owner >= 0 && !(offset > 0 && desk->release_wday == wday)))
        continue;
      if (((halves & HALF_AM) && room->count[0] >= room->limit) ||
          ((halves & HALF_PM) && room->count[1] >= room->limit))
        continue;
      return d;
    }
  return -1;
}

/* Books a desk for user u on the day if one is free; returns the
 * half-days it takes, or -1 on error. */
static int
book_user (Demo       *demo,
           int         u,
           int         offset,
           int         wday,
           const char *date,
           GError    **error)
{
  static const char * const slots[] = { NULL, "am", "pm", "full_day" };
  double r = g_rand_double (demo->rand);
  int halves = r < 0.78 ? HALF_BOTH : r < 0.89 ? HALF_AM : HALF_PM;
  int start = halves & HALF_AM ? 7 * 60 : 12 * 60;
  int deadline = halves & HALF_AM ? 10 * 60 : 14 * 60;
  int arrival = start + rnd (demo, deadline - start - 10);
  int d = find_desk (demo, u, halves, offset, wday);
  const char *status = "active";
  g_autofree char *checked_in = NULL;
  g_autofree char *created = NULL;
  int created_by = u + 1;

  if (d < 0)
    return 0;
  r = g_rand_double (demo->rand);
  if (offset < 0)
    {
      /* Mostly checked in; unchecked mornings were released at the
       * check-in deadline as no-shows. */
      if (r < 0.07)
        status = "cancelled";
      else if (r < 0.14 && (halves & HALF_AM))
        status = "released";
      else if (r < 0.93 || (halves & HALF_AM))
        checked_in = local_key (demo, offset, arrival);
    }
  else if (offset == 0)
    {
      /* Today: those who have arrived by now have checked in. */
      if (r < 0.05)
        status = "cancelled";
      else if (r < 0.9 && arrival <= demo->now_minute)
        checked_in = local_key (demo, 0, arrival);
      else if (r >= 0.9 && (halves & HALF_AM) && demo->now_minute >= deadline)
        status = "released";
    }
  else if (r < 0.06)
    status = "cancelled";

  /* Team leads book for some of their people. */
  if (!USER (demo, u)->head && chance (demo, 0.05))
    created_by = TEAM (demo, USER (demo, u)->team)->lead + 1;
  created = created_key (demo, offset);
  if (!run (demo, error,
            "INSERT INTO bookings (id, desk_id, user_id, date, slot, status, checked_in_at, "
            "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "iiisssssi", ++demo->next_booking, d + 1, u + 1, date, slots[halves], status,
            checked_in, created, created_by))
    return -1;
  if (strcmp (status, "cancelled") == 0)
    return 0;

  /* A released booking keeps its desk here: nobody else gets it that day. */
  DESK (demo, d)->taken |= halves;
  ROOM (demo, DESK (demo, d)->room)->count[0] += (halves & HALF_AM) != 0;
  ROOM (demo, DESK (demo, d)->room)->count[1] += (halves & HALF_PM) != 0;
  return halves == HALF_BOTH ? 2 : 1;
}

/* A weekday: people come in random order until 40-60 % of the bookable
 * half-days are taken (fewer on Mondays and Fridays, and on days ahead
 * that have not filled up yet). */
static gboolean
add_bookings_for_day (Demo    *demo,
                      int      offset,
                      int      wday,
                      int     *order,
                      int      n_order,
                      GError **error)
{
  static const double fill_by_weekday[] = { 0, 0.47, 0.57, 0.55, 0.52, 0.42 };
  double fill = fill_by_weekday[wday] + (g_rand_double (demo->rand) - 0.5) * 0.04;
  int booked = 0;
  char date[11];

  if (offset > 0)
    fill *= MAX (0.72, 1.0 - 0.02 * offset);
  day_at (demo, offset, NULL, date);
  for (guint i = 0; i < demo->desks->len; i++)
    DESK (demo, i)->taken = 0;
  for (guint i = 0; i < demo->rooms->len; i++)
    ROOM (demo, i)->count[0] = ROOM (demo, i)->count[1] = 0;

  /* Fisher-Yates behind the two demo people, who go first. */
  for (int i = n_order - 1; i > 2; i--)
    {
      int j = 2 + rnd (demo, i - 1);
      int t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  for (int i = 0; i < n_order && booked < fill * 2 * demo->n_bookable; i++)
    {
      int u = order[i];
      double p = u < N_DEMO_USERS ? 0.7 : TEAM (demo, USER (demo, u)->team)->share / 100.0 +
                                          (USER (demo, u)->head ? 0.1 : 0);
      int got;

      /* Today stays open for the demo employee to book. */
      if ((u == USER_EMPLOYEE && offset == 0) || !chance (demo, p))
        continue;
      if ((got = book_user (demo, u, offset, wday, date, error)) < 0)
        return FALSE;
      booked += got;
    }
  return TRUE;
}

static gboolean
add_bookings (Demo    *demo,
              GError **error)
{
  g_autofree int *order = g_new (int, demo->users->len);
  int n_order = 0;

  order[n_order++] = USER_LEAD;
  order[n_order++] = USER_EMPLOYEE;
  for (guint u = N_DEMO_USERS; u < demo->users->len; u++)
    order[n_order++] = u;

  for (int offset = -PAST_DAYS; offset <= FUTURE_DAYS; offset++)
    {
      int wday = day_at (demo, offset, NULL, NULL);

      if (wday <= 5 && !add_bookings_for_day (demo, offset, wday, order, n_order, error))
        return FALSE;
    }

  /* The days fixed desks are released on. */
  for (guint d = 0; d < demo->desks->len; d++)
    for (int offset = 1; offset <= FUTURE_DAYS; offset++)
      {
        char date[11];

        if (DESK (demo, d)->release_wday != 0 &&
            day_at (demo, offset, NULL, date) == DESK (demo, d)->release_wday &&
            !run (demo, error, "INSERT INTO desk_releases (desk_id, date) VALUES (?, ?)",
                  "is", (int) d + 1, date))
          return FALSE;
      }
  return TRUE;
}

/* Room reservations */

/* From minute start to minute end of the day at offset, local time; a
 * NULL created means "a few days before". */
static gboolean
add_reservation (Demo       *demo,
                 int         room,
                 int         user,
                 int         team,
                 int         offset,
                 int         start,
                 int         end,
                 const char *title,
                 int         attendees,
                 int         series,
                 gboolean    cancelled,
                 const char *created,
                 GError    **error)
{
  g_autofree char *start_key = local_key (demo, offset, start);
  g_autofree char *end_key = local_key (demo, offset, end);
  g_autofree char *made = created ? NULL : created_key (demo, offset);

  return run (demo, error,
              "INSERT INTO reservations (id, room_id, user_id, team_id, start, \"end\", title, "
              "attendees, series_id, status, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              "iiirsssirss", ++demo->next_reservation, room + 1, user + 1, team + 1,
              start_key, end_key, title, attendees, series,
              cancelled ? "cancelled" : "active", created ? created : made);
}

static int
random_member (Demo *demo,
               int   building,
               int  *team_out)
{
  for (;;)
    {
      int t = rnd (demo, demo->teams->len);

      if (TEAM (demo, t)->building == building)
        {
          *team_out = t;
          return TEAM (demo, t)->first_user + rnd (demo, TEAM (demo, t)->n_users);
        }
    }
}

/* A meeting room's or a lounge's day on the 15-minute grid: the weekly
 * jour fixe, then a few meetings where the room is still free. */
static gboolean
add_meetings_for_day (Demo    *demo,
                      int      r,
                      int      offset,
                      int      wday,
                      GError **error)
{
  static const int durations[] = { 2, 3, 4, 4, 4, 6, 8 };   /* quarters */
  DemoRoom *room = ROOM (demo, r);
  guint64 busy = 0;   /* quarter q is 06:00 + 15 q */
  int n = room->kind == KIND_LOUNGE ? chance (demo, 0.35) : 1 + rnd (demo, 5);

  if (room->kind == KIND_MEETING && wday == room->series_wday)
    {
      DemoTeam *team = TEAM (demo, room->series_team);
      g_autofree char *title = g_strdup_printf ("Jour fixe %s",
                                                platzd_demo_teams[room->series_team].name);

      /* A series' id is that of its first reservation. */
      if (room->series == 0)
        room->series = demo->next_reservation + 1;
      busy |= G_GUINT64_CONSTANT (0xf) << 12;
      if (!add_reservation (demo, r, team->lead, room->series_team, offset, 9 * 60, 10 * 60,
                            title, MIN (room->capacity, team->n_users), room->series, FALSE,
                            NULL, error))
        return FALSE;
    }
  for (int i = 0; i < n; i++)
    {
      int len = room->kind == KIND_LOUNGE ? 4 + rnd (demo, 5)
                                          : durations[rnd (demo, G_N_ELEMENTS (durations))];
      int q = 8 + rnd (demo, 48 - 8 - len + 1);   /* 08:00 ... ending by 18:00 */
      guint64 mask = ((G_GUINT64_CONSTANT (1) << len) - 1) << q;
      gboolean cancelled = chance (demo, 0.04);
      const char *title = pick (demo, room->kind == KIND_LOUNGE ? &platzd_demo_lounge_titles
                                                                : &platzd_demo_meeting_titles);
      int team;
      int user = random_member (demo, room->building, &team);

      if (busy & mask)
        continue;
      if (!cancelled)
        busy |= mask;
      if (!add_reservation (demo, r, user, -1, offset, 6 * 60 + 15 * q, 6 * 60 + 15 * (q + len),
                            title, 2 + rnd (demo, room->capacity - 1), 0, cancelled, NULL,
                            error))
        return FALSE;
    }
  return TRUE;
}

/*
 * A project office for team t, whole local days from one midnight to the
 * next, one row per day and one series: every weekday wday between from
 * and to, or every weekday when wday is 0.  All-or-nothing, as in the API:
 * nothing is added (and *placed stays FALSE) if a day is taken.
 */
static gboolean
add_project_series (Demo     *demo,
                    int       r,
                    int       t,
                    int       wday,
                    int       from,
                    int       to,
                    gboolean *placed,
                    GError  **error)
{
  DemoRoom *room = ROOM (demo, r);
  DemoTeam *team = TEAM (demo, t);
  guint64 days = 0;
  g_autofree char *created = created_key (demo, from);
  int series = demo->next_reservation + 1;

  for (int offset = from; offset <= to; offset++)
    {
      int w = day_at (demo, offset, NULL, NULL);

      if (w <= 5 && (wday == 0 || w == wday))
        days |= G_GUINT64_CONSTANT (1) << (offset + PAST_DAYS);
    }
  *placed = days != 0 && (room->days & days) == 0;
  if (!*placed)
    return TRUE;
  room->days |= days;
  for (int offset = from; offset <= to; offset++)
    if ((days & (G_GUINT64_CONSTANT (1) << (offset + PAST_DAYS))) &&
        !add_reservation (demo, r, team->lead, t, offset, 0, 24 * 60, platzd_demo_teams[t].name,
                          MIN (room->capacity, team->n_users), series, FALSE, created, error))
      return FALSE;
  return TRUE;
}

/* The next team of the building for a project office (not the demo team). */
static int
next_team (Demo *demo,
           int   building,
           int  *cursor)
{
  for (;;)
    {
      int t = (*cursor)++ % demo->teams->len;

      if (TEAM (demo, t)->building == building && t != 0)
        return t;
    }
}

static gboolean
add_reservations (Demo    *demo,
                  GError **error)
{
  int cursor[N_BUILDINGS] = { 0 };
  int n_project = 0;
  int n_meeting = 0;
  int next_monday = 8 - day_at (demo, 0, NULL, NULL);

  for (guint r = 0; r < demo->rooms->len; r++)
    {
      DemoRoom *room = ROOM (demo, r);
      int *c = &cursor[room->building];
      gboolean placed = FALSE;
      int wday;

      if (room->kind == KIND_MEETING)
        {
          random_member (demo, room->building, &room->series_team);
          room->series_wday = 1 + n_meeting++ % 5;
        }
      if (room->kind != KIND_PROJECT)
        continue;

      /* A weekly series over the whole time (the demo lead's team has the
       * first), one that ended last week, and a block of two or three days
       * next week where the room is free. */
      wday = 1 + (2 * n_project) % 5;
      if (!add_project_series (demo, r, n_project == 0 ? 0 : next_team (demo, room->building, c),
                               wday, -PAST_DAYS, PROJECT_DAYS, &placed, error) ||
          !add_project_series (demo, r, next_team (demo, room->building, c), 1 + wday % 5,
                               -PAST_DAYS, next_monday - 8, &placed, error))
        return FALSE;
      placed = FALSE;
      for (int len = 3; len >= 2 && !placed; len--)
        for (int s = 0; s + len <= 5 && !placed; s++)
          if (!add_project_series (demo, r, next_team (demo, room->building, c), 0,
                                   next_monday + s, next_monday + s + len - 1, &placed, error))
            return FALSE;
      n_project++;
    }

  for (int offset = -PAST_DAYS; offset <= FUTURE_DAYS; offset++)
    {
      int wday = day_at (demo, offset, NULL, NULL);

      for (guint r = 0; r < demo->rooms->len && wday <= 5; r++)
        if ((ROOM (demo, r)->kind == KIND_MEETING ||
             (ROOM (demo, r)->kind == KIND_LOUNGE && ROOM (demo, r)->reservable)) &&
            !add_meetings_for_day (demo, r, offset, wday, error))
          return FALSE;
    }
  return TRUE;
}

/* Public API */

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->zone, g_time_zone_unref);
  g_clear_pointer (&demo->now, g_date_time_unref);
  g_clear_pointer (&demo->now_key, g_free);
  g_clear_pointer (&demo->hash, g_free);
  g_clear_pointer (&demo->rooms, g_array_unref);
  g_clear_pointer (&demo->desks, g_array_unref);
  g_clear_pointer (&demo->users, g_array_unref);
  g_clear_pointer (&demo->teams, g_array_unref);
  g_clear_pointer (&demo->usernames, g_hash_table_unref);
  for (guint b = 0; b < N_BUILDINGS; b++)
    for (int h = 0; h < 2; h++)
      g_clear_pointer (&demo->pools[b][h], g_array_unref);
}

/* A few weeks of the audit log: what the facility manager and the admin
 * did before the demo starts, field names only, as the server writes
 * them.  Users 1 and 2 are "admin" and "facility"; user 3 is "lead". */
static gboolean
add_audit (Demo    *demo,
           GError **error)
{
  static const struct {
    int         days_ago;
    int         minute;
    int         actor;
    const char *action;
    const char *type;
    int         object;
    int         subject;
    const char *fields;
  } acts[] = {
    { 24, 8 * 60 + 12, 1, "update", "policies", 0, 0, "[\"booking_window_days\"]" },
    { 20, 9 * 60 + 40, 2, "update", "desks", 5, 0, "[\"bookable\",\"blocked_reason\"]" },
    { 13, 14 * 60 + 5, 2, "update", "rooms", 12, 0, "[\"occupancy_standard_id\"]" },
    { 9, 10 * 60 + 30, 1, "update", "users", 3, 3, "[\"role\"]" },
    { 6, 11 * 60 + 2, 2, "create", "desks", 9, 0, "[\"room_id\",\"name\",\"x\",\"y\"]" },
    { 2, 15 * 60 + 48, 2, "update", "floor_plans", 1, 0, "[\"content_type\",\"data\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (acts); i++)
    {
      g_autofree char *at = local_key (demo, -acts[i].days_ago, acts[i].minute);

      if (!run (demo, error,
                "INSERT INTO audit (at, actor_user_id, action, object_type, object_id, "
                "subject_user_id, fields) VALUES (?, ?, ?, ?, ?, ?, ?)",
                "sissrrs", at, acts[i].actor, acts[i].action, acts[i].type, acts[i].object,
                acts[i].subject, acts[i].fields))
        return FALSE;
    }
  return TRUE;
}

gboolean
platzd_demo_populate (PlatzdStore *store,
                      GError     **error)
{
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One hash for everybody: argon2id takes tens of milliseconds. */
  demo.hash = platzd_auth_hash_password (DEMO_PASSWORD, error);
  if (demo.hash == NULL)
    return FALSE;
  demo.store = store;
  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  demo.zone = g_time_zone_new_identifier ("Europe/Berlin");
  if (demo.zone == NULL)
    demo.zone = g_time_zone_new_utc ();
  demo.now = g_date_time_new_now (demo.zone);
  demo.now_key = platz_datetime_utc_key (demo.now);
  demo.now_minute = g_date_time_get_hour (demo.now) * 60 + g_date_time_get_minute (demo.now);
  platz_date_today (demo.zone, &demo.today);
  demo.rooms = g_array_new (FALSE, FALSE, sizeof (DemoRoom));
  demo.desks = g_array_new (FALSE, FALSE, sizeof (DemoDesk));
  demo.users = g_array_new (FALSE, FALSE, sizeof (DemoUser));
  demo.teams = g_array_new (FALSE, FALSE, sizeof (DemoTeam));
  demo.usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Teams and their leads refer to each other: foreign keys are checked
   * at COMMIT. */
  ok = platzd_store_begin (store, error) &&
       platzd_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) &&
       add_structure (&demo, error) &&
       add_people (&demo, error) &&
       add_floors (&demo, error) &&
       add_bookings (&demo, error) &&
       add_reservations (&demo, error) &&
       add_audit (&demo, error) &&
       platzd_store_commit (store, error);
  if (!ok)
    platzd_store_rollback (store);
  demo_clear (&demo);
  return ok;
}

void
platzd_demo_print_logins (void)
{
  /* ASCII only: g_print converts to the locale's character set. */
  g_print ("Platz demo: Stadtverwaltung Musterstadt (3 buildings, ~600 desks, ~1,500 people)\n"
           "  Sign in with the password \"%s\" as:\n"
           "    admin      administrator (Anna Admin)\n"
           "    facility   facility manager (Frieda Facility)\n"
           "    lead       team lead of the E-Government team (Lars Lead)\n"
           "    employee   employee in that team (Emma Employee), no desk booked today\n"
           "  Every generated person (e.g. m.mueller) has the same password. Bookings run\n"
           "  from three weeks ago to two weeks ahead; try the Rathaus, 1. Obergeschoss.\n",
           DEMO_PASSWORD);
}
