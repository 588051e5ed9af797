-- The concurrent form, and an index on a table this file creates: silent.
DROP INDEX CONCURRENTLY orders_customer;
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);
CREATE INDEX invoices_customer ON invoices (customer_id);
DROP INDEX invoices_customer;
