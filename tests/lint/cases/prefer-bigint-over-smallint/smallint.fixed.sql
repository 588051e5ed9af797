-- smallint columns. New tables and added columns get bigint; smallserial is reported
-- but left to prefer-identity's fix, and ALTER COLUMN … TYPE gets no fix.
CREATE TABLE ratings (
    stars bigint NOT NULL, -- expect: prefer-bigint-over-smallint
    code bigint, -- expect: prefer-bigint-over-smallint
    seq smallserial -- expect: prefer-bigint-over-smallint
);
ALTER TABLE orders ADD COLUMN priority bigint; -- expect: prefer-bigint-over-smallint
ALTER TABLE orders ALTER COLUMN level TYPE smallint; -- expect: prefer-bigint-over-smallint
