SET lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN note text; -- expect: require-statement-timeout
