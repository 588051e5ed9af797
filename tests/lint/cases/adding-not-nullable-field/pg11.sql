-- tusk-test: pg-version=11
-- PostgreSQL 11 cannot use the CHECK: SET NOT NULL scans anyway, and there
-- is no fix to offer.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: adding-not-nullable-field
