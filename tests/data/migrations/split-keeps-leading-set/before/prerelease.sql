-- the shop's next release
SET lock_timeout = '2s';
SET statement_timeout = '5min';

ALTER TABLE shop.orders ADD COLUMN code text;

CREATE INDEX CONCURRENTLY orders_code_idx ON shop.orders (code);
