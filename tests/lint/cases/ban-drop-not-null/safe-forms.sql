-- Adding NOT NULL, or dropping it on a table this file creates, breaks no client.
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
CREATE TABLE drafts (id bigint PRIMARY KEY, title text NOT NULL);
ALTER TABLE drafts ALTER COLUMN title DROP NOT NULL;
