-- NOT VALID then VALIDATE, and foreign keys on a table this file creates: silent.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fkey;
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE invoices ADD COLUMN customer_id bigint REFERENCES customers (id);
