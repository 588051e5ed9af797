-- tusk-test: catalog
-- setup: CREATE TABLE users (id bigint, email text);
-- setup: ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL);
-- The catalog already holds a validated CHECK (email IS NOT NULL): no scan.
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
