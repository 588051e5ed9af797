-- orders get a tracking code
ALTER TABLE shop.orders ADD COLUMN tracking_code text; -- nullable first

-- look-ups by code
CREATE INDEX CONCURRENTLY orders_tracking_idx ON shop.orders (tracking_code);

ALTER TABLE shop.customers ADD COLUMN phone text;
COMMENT ON COLUMN shop.customers.phone IS 'E.164';
