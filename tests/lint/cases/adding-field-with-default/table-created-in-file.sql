-- The table is created in this file, so it is empty: its rewrite costs nothing.
CREATE TABLE invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN ref uuid DEFAULT gen_random_uuid();
