-- The table is created in this file and still empty: rewriting it costs nothing.
CREATE TABLE invoices (id bigint PRIMARY KEY, total integer);
ALTER TABLE invoices ALTER COLUMN total TYPE bigint;
