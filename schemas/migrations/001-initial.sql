-- Platz schema, version 1.
-- Applied once, in order, by platzd on start (see server/platzd-store.c).
-- JSON field names of the API equal the column names here.

CREATE TABLE sites (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  timezone  TEXT NOT NULL DEFAULT 'Europe/Berlin'
) STRICT;

CREATE TABLE buildings (
  id       INTEGER PRIMARY KEY,
  site_id  INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  address  TEXT
) STRICT;
CREATE INDEX buildings_site ON buildings (site_id);

CREATE TABLE floors (
  id           INTEGER PRIMARY KEY,
  building_id  INTEGER NOT NULL REFERENCES buildings (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  level        INTEGER NOT NULL DEFAULT 0,
  width        REAL NOT NULL DEFAULT 100 CHECK (width > 0),
  height       REAL NOT NULL DEFAULT 60 CHECK (height > 0)
) STRICT;
CREATE INDEX floors_building ON floors (building_id);

-- The floor-plan background image, apart from the floor row so that
-- listing floors never reads the image.
CREATE TABLE floor_plans (
  floor_id      INTEGER PRIMARY KEY REFERENCES floors (id) ON DELETE CASCADE,
  content_type  TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/svg+xml')),
  data          BLOB NOT NULL
) STRICT;

CREATE TABLE occupancy_standards (
  id                      INTEGER PRIMARY KEY,
  name                    TEXT NOT NULL,
  max_persons             INTEGER NOT NULL CHECK (max_persons >= 1),
  min_area_per_person_m2  REAL NOT NULL CHECK (min_area_per_person_m2 > 0),
  eligible_functions      TEXT NOT NULL DEFAULT '["head","staff"]' CHECK (json_valid (eligible_functions))
) STRICT;

CREATE TABLE rooms (
  id                     INTEGER PRIMARY KEY,
  floor_id               INTEGER NOT NULL REFERENCES floors (id) ON DELETE CASCADE,
  name                   TEXT NOT NULL,
  kind                   TEXT NOT NULL
                         CHECK (kind IN ('office', 'project_office', 'meeting_room', 'lounge')),
  area_m2                REAL NOT NULL DEFAULT 0 CHECK (area_m2 >= 0),
  capacity               INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  occupancy_standard_id  INTEGER REFERENCES occupancy_standards (id) ON DELETE SET NULL,
  equipment              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (equipment)),
  accessible             INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1)),
  reservable             INTEGER NOT NULL DEFAULT 1 CHECK (reservable IN (0, 1)),
  x                      REAL NOT NULL DEFAULT 0,
  y                      REAL NOT NULL DEFAULT 0,
  w                      REAL NOT NULL DEFAULT 10,
  h                      REAL NOT NULL DEFAULT 10
) STRICT;
CREATE INDEX rooms_floor ON rooms (floor_id);
CREATE INDEX rooms_standard ON rooms (occupancy_standard_id);

CREATE TABLE teams (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL UNIQUE,
  lead_user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
  building_id           INTEGER REFERENCES buildings (id) ON DELETE SET NULL,
  office_share_percent  INTEGER NOT NULL DEFAULT 50
                        CHECK (office_share_percent BETWEEN 0 AND 100)
) STRICT;
CREATE INDEX teams_lead ON teams (lead_user_id);
CREATE INDEX teams_building ON teams (building_id);

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL DEFAULT 'employee'
                  CHECK (role IN ('employee', 'team_lead', 'facility_manager', 'admin')),
  function        TEXT NOT NULL DEFAULT 'staff' CHECK (function IN ('head', 'staff')),
  team_id         INTEGER REFERENCES teams (id) ON DELETE SET NULL,
  share_presence  INTEGER NOT NULL DEFAULT 0 CHECK (share_presence IN (0, 1)),
  password_hash   TEXT
) STRICT;
CREATE INDEX users_team ON users (team_id);

CREATE TABLE desks (
  id                INTEGER PRIMARY KEY,
  room_id           INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  x                 REAL NOT NULL DEFAULT 0,
  y                 REAL NOT NULL DEFAULT 0,
  equipment         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (equipment)),
  accessible        INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1)),
  bookable          INTEGER NOT NULL DEFAULT 1 CHECK (bookable IN (0, 1)),
  blocked_reason    TEXT,
  blocked_until     TEXT,
  assigned_user_id  INTEGER REFERENCES users (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX desks_room ON desks (room_id);
CREATE INDEX desks_assigned ON desks (assigned_user_id);

-- Days on which the owner of a fixed desk lets others book it.
CREATE TABLE desk_releases (
  desk_id  INTEGER NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
  date     TEXT NOT NULL,
  PRIMARY KEY (desk_id, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE bookings (
  id             INTEGER PRIMARY KEY,
  desk_id        INTEGER NOT NULL REFERENCES desks (id) ON DELETE CASCADE,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  date           TEXT NOT NULL,
  slot           TEXT NOT NULL CHECK (slot IN ('am', 'pm', 'full_day')),
  status         TEXT NOT NULL DEFAULT 'active'
                 CHECK (status IN ('active', 'cancelled', 'released')),
  checked_in_at  TEXT,
  created_at     TEXT NOT NULL,
  created_by     INTEGER
) STRICT;

-- Booking rules 1 and 2, held by the database itself: among active
-- bookings, at most one covers the morning and one covers the afternoon of
-- a desk (rule 1), and of a user (rule 2).  A full day covers both halves.
CREATE UNIQUE INDEX bookings_desk_am ON bookings (desk_id, date)
  WHERE status = 'active' AND slot IN ('am', 'full_day');
CREATE UNIQUE INDEX bookings_desk_pm ON bookings (desk_id, date)
  WHERE status = 'active' AND slot IN ('pm', 'full_day');
CREATE UNIQUE INDEX bookings_user_am ON bookings (user_id, date)
  WHERE status = 'active' AND slot IN ('am', 'full_day');
CREATE UNIQUE INDEX bookings_user_pm ON bookings (user_id, date)
  WHERE status = 'active' AND slot IN ('pm', 'full_day');
CREATE INDEX bookings_date_desk ON bookings (date, desk_id);
CREATE INDEX bookings_user_date ON bookings (user_id, date);

CREATE TABLE reservations (
  id          INTEGER PRIMARY KEY,
  room_id     INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  team_id     INTEGER REFERENCES teams (id) ON DELETE SET NULL,
  -- UTC, 'YYYY-MM-DDTHH:MM:SSZ', so that text order is time order
  start       TEXT NOT NULL,
  "end"       TEXT NOT NULL CHECK ("end" > start),
  title       TEXT,
  attendees   INTEGER NOT NULL DEFAULT 1,
  series_id   INTEGER,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX reservations_room_start ON reservations (room_id, start) WHERE status = 'active';
CREATE INDEX reservations_start ON reservations (start);
CREATE INDEX reservations_series ON reservations (series_id);
CREATE INDEX reservations_user ON reservations (user_id, start);
CREATE INDEX reservations_team ON reservations (team_id, start);

-- Policies: scope 0 holds the global policies as a whole JSON object; a
-- site's row (scope = site id) holds only the fields it overrides.
CREATE TABLE policies (
  scope  INTEGER PRIMARY KEY,
  json   TEXT NOT NULL CHECK (json_valid (json))
) STRICT;

CREATE TABLE sessions (
  token_hash    BLOB PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

-- Marks this file as a Platz database, with its schema version.
CREATE TABLE platz_meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
