-- json columns: new tables and added columns get jsonb; ALTER COLUMN … TYPE gets no fix.
CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL); -- expect: prefer-jsonb
ALTER TABLE orders ADD COLUMN meta jsonb; -- expect: prefer-jsonb
ALTER TABLE orders ADD COLUMN history jsonb[]; -- expect: prefer-jsonb
ALTER TABLE orders ALTER COLUMN extra TYPE json; -- expect: prefer-jsonb
