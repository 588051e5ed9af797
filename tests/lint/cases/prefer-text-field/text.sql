-- text, and varchar without a limit (the same type in practice), are fine.
CREATE TABLE app_user (email text NOT NULL, nick varchar, bio character varying);
ALTER TABLE app_user ALTER COLUMN nick TYPE text;
