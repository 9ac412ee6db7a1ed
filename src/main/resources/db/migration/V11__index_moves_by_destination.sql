-- Movements find the households that moved into a unit by the destination of their 'moved' events
-- (household_event is indexed by household only).
CREATE INDEX household_event_moved_to_idx ON household_event (to_commune_id, event_date) WHERE event_type = 'moved';
