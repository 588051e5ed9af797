-- The first heavy lock on an existing table, with no timeouts set: reported once.
CREATE TABLE audit (id bigint);
ALTER TABLE audit ADD COLUMN at timestamptz;
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout, require-statement-timeout
ALTER TABLE orders ADD COLUMN memo text;
