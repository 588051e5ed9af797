-- The recipe itself: once the CHECK is validated, SET NOT NULL needs no scan
-- (PostgreSQL 12+). A table this file creates is silent too.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
CREATE TABLE invoices (id bigint, note text);
ALTER TABLE invoices ALTER COLUMN note SET NOT NULL;
