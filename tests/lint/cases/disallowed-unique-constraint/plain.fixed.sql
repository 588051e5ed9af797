-- UNIQUE constraints built inside ALTER TABLE lock the table for the build.
-- The named, plain one is rewritten to the CONCURRENTLY + USING INDEX route.
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key; -- expect: disallowed-unique-constraint
ALTER TABLE users ADD UNIQUE (handle); -- expect: disallowed-unique-constraint
ALTER TABLE users ADD COLUMN ref text UNIQUE; -- expect: disallowed-unique-constraint
