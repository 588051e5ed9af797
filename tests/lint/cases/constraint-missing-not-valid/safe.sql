-- NOT VALID, then VALIDATE in its own transaction; and a CHECK on a table
-- this file creates: silent.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
COMMIT;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);
ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total > 0);
