SET lock_timeout = '3s';
SET LOCAL statement_timeout = '10min';
ALTER TABLE orders ADD COLUMN note text;
