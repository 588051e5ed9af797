-- timestamp without time zone, in every spelling. New tables and added columns get
-- timestamptz; ALTER COLUMN … TYPE gets no fix (it decides how values are converted).
CREATE TABLE events (
    created_at timestamp NOT NULL DEFAULT now(), -- expect: prefer-timestamptz
    updated_at TIMESTAMP WITHOUT TIME ZONE, -- expect: prefer-timestamptz
    seen_at timestamp(3) without time zone -- expect: prefer-timestamptz
);
ALTER TABLE orders ADD COLUMN shipped_at timestamp (6); -- expect: prefer-timestamptz
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp; -- expect: prefer-timestamptz
