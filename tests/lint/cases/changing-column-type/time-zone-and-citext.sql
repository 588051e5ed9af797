-- timestamp → timestamptz keeps every byte when the session's TimeZone is
-- UTC (PostgreSQL 12+), but its index changes operator class and is built
-- again; citext ↔ text likewise. Narrowing stays a rewrite.
ALTER TABLE events
    ADD COLUMN happened timestamp,
    ADD COLUMN seen timestamp,
    ADD COLUMN email citext,
    ADD COLUMN handle text,
    ADD COLUMN price numeric(10,5),
    ADD COLUMN origin inet;
CREATE INDEX CONCURRENTLY events_email_idx ON events (email);
ALTER TABLE events ALTER COLUMN seen TYPE timestamptz; -- expect: changing-column-type
SET timezone = 'UTC';
ALTER TABLE events ALTER COLUMN happened TYPE timestamptz; -- expect: changing-column-type
ALTER TABLE events ALTER COLUMN email TYPE text; -- expect: changing-column-type
ALTER TABLE events ALTER COLUMN handle TYPE citext; -- expect: changing-column-type
ALTER TABLE events ALTER COLUMN price TYPE numeric(9,5); -- expect: changing-column-type
ALTER TABLE events ALTER COLUMN origin TYPE cidr; -- expect: changing-column-type
