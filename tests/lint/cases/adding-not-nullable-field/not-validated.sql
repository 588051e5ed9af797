-- A CHECK that was never validated, or one on another column, proves
-- nothing; inside a transaction there is no fix.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL);
BEGIN;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: adding-not-nullable-field
COMMIT;
