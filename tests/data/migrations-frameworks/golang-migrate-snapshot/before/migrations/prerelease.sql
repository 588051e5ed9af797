ALTER TABLE orders DROP COLUMN status;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'n/a';
ALTER TABLE orders ADD CONSTRAINT orders_customer_positive CHECK (customer_id > 0) NOT VALID;
