-- jsonb is fine.
CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);
ALTER TABLE orders ADD COLUMN meta jsonb;
