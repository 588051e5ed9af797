-- tusk-test: pg-version=11
-- Before PostgreSQL 12 timestamp → timestamptz always rewrites.
ALTER TABLE events ADD COLUMN happened timestamp;
SET TIME ZONE 'UTC';
ALTER TABLE events ALTER COLUMN happened TYPE timestamptz; -- expect: changing-column-type
