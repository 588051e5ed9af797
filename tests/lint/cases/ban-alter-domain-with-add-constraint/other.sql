-- Dropping or renaming a domain constraint scans nothing, and a domain this
-- file creates is used by no existing table: silent.
ALTER DOMAIN positive_amount DROP CONSTRAINT positive_amount_check;
ALTER DOMAIN email RENAME CONSTRAINT email_has_at TO email_format;
CREATE DOMAIN amount AS numeric(12,2);
ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0);
