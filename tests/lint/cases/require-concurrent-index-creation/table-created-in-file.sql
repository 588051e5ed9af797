-- The table is new and empty: nobody waits for its lock.
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);
CREATE INDEX invoices_customer ON invoices (customer_id);
