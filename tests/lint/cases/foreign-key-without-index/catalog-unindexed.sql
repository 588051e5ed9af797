-- tusk-test: catalog
-- setup: CREATE TABLE customers (id bigint PRIMARY KEY);
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);
-- The catalog shows orders has no index on customer_id.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: foreign-key-without-index
