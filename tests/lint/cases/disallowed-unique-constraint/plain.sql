-- UNIQUE constraints built inside ALTER TABLE lock the table for the build.
-- The named, plain one is rewritten to the CONCURRENTLY + USING INDEX route.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: disallowed-unique-constraint
ALTER TABLE users ADD UNIQUE (handle); -- expect: disallowed-unique-constraint
ALTER TABLE users ADD COLUMN ref text UNIQUE; -- expect: disallowed-unique-constraint
