ALTER TABLE shop.customers ADD COLUMN phone varchar(32);
CREATE INDEX CONCURRENTLY customers_phone_idx ON shop.customers (phone);
