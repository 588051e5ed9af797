-- On a table this file creates the lock holds up nobody: silent.
CREATE TABLE bookings (room int, during tstzrange);
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
