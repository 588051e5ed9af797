-- Renaming a column of an existing table breaks clients that use the old name.
ALTER TABLE users RENAME COLUMN email TO email_address; -- expect: renaming-column
ALTER TABLE users RENAME name TO full_name; -- expect: renaming-column
