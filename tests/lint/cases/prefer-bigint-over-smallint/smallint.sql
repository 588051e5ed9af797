-- smallint columns. New tables and added columns get bigint; smallserial is reported
-- but left to prefer-identity's fix, and ALTER COLUMN … TYPE gets no fix.
CREATE TABLE ratings (
    stars smallint NOT NULL, -- expect: prefer-bigint-over-smallint
    code INT2, -- expect: prefer-bigint-over-smallint
    seq smallserial -- expect: prefer-bigint-over-smallint
);
ALTER TABLE orders ADD COLUMN priority smallint; -- expect: prefer-bigint-over-smallint
ALTER TABLE orders ALTER COLUMN level TYPE smallint; -- expect: prefer-bigint-over-smallint
