-- Weekdays on which a site's desks cannot be booked ("Desks are
-- bookable on any day unless a site says otherwise").  A bit mask: bit d-1
-- for ISO weekday d (1 = Monday .. 7 = Sunday); 0 = open every day.
ALTER TABLE sites ADD COLUMN closed_weekdays INTEGER NOT NULL DEFAULT 0
  CHECK (closed_weekdays BETWEEN 0 AND 127);
