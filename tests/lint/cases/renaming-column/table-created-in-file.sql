-- Nobody uses a table this file creates, so renaming its column breaks no one.
CREATE TABLE profiles (id bigint PRIMARY KEY, nick text);
ALTER TABLE profiles RENAME COLUMN nick TO nickname;
-- Renaming the table itself is renaming-table's business, not this rule's.
ALTER TABLE users RENAME TO members;
