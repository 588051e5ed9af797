-- tusk-test: in-transaction
-- CREATE INDEX CONCURRENTLY cannot run in the file's transaction: no fix.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: disallowed-unique-constraint
