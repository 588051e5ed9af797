-- RESET, DEFAULT and 0 leave lock_timeout off: the finding stays.
SET statement_timeout = '15min';
SET lock_timeout = '5s';
RESET lock_timeout;
SET lock_timeout TO DEFAULT;
SET lock_timeout = 0;
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout
