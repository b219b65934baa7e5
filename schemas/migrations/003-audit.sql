-- The audit log of administrative acts: who did what to which object and
-- which fields it changed, by name only (never a value).  Kept for the
-- policy's audit_retention_days, then purged by the nightly retention job.
CREATE TABLE audit (
  id               INTEGER PRIMARY KEY,
  -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
  at               TEXT NOT NULL,
  -- no foreign keys: an entry outlives the users it names
  actor_user_id    INTEGER NOT NULL,
  action           TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'force_delete')),
  object_type      TEXT NOT NULL,
  object_id        INTEGER,
  -- the person the act concerns (a user changed, a booking's holder), if any
  subject_user_id  INTEGER,
  fields           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (fields))
) STRICT;
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_actor ON audit (actor_user_id);
CREATE INDEX audit_subject ON audit (subject_user_id);
