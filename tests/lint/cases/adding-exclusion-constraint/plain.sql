-- An exclusion constraint on an existing table: no online route.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&); -- expect: adding-exclusion-constraint
