ALTER TABLE orders ADD COLUMN customer_id integer NOT NULL;
ALTER TABLE orders DROP COLUMN status;
