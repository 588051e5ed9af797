-- integer columns in every spelling. New tables and added columns get bigint; ALTER
-- COLUMN … TYPE is reported without a fix (its target type is the migration's decision).
CREATE TABLE events (
    id int PRIMARY KEY, -- expect: prefer-bigint-over-int
    user_id INTEGER NOT NULL, -- expect: prefer-bigint-over-int
    counts int4[], -- expect: prefer-bigint-over-int
    seq serial -- expect: prefer-bigint-over-int
);
ALTER TABLE orders ADD COLUMN item_count integer DEFAULT 0; -- expect: prefer-bigint-over-int
ALTER TABLE orders ALTER COLUMN qty TYPE int; -- expect: prefer-bigint-over-int
