CREATE INDEX orders_customer ON orders (customer_id);
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
UPDATE orders SET status = 'new';
