-- A table this file creates has no clients yet; indexes and columns are other rules' business.
CREATE TABLE staging_users (id bigint PRIMARY KEY);
ALTER TABLE staging_users RENAME TO new_users;
ALTER INDEX users_email_idx RENAME TO users_email_key;
ALTER TABLE users RENAME COLUMN email TO mail;
