-- The safe route, and a UNIQUE constraint on a table this file creates: silent.
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
CREATE TABLE invoices (id bigint, ref text);
ALTER TABLE invoices ADD CONSTRAINT invoices_ref_key UNIQUE (ref);
