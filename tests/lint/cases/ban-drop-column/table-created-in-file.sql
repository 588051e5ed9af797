-- A table this file creates holds no data yet; other ALTER TABLE forms are not drops.
CREATE TABLE imports (id bigint PRIMARY KEY, raw text);
ALTER TABLE imports DROP COLUMN raw;
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users DROP CONSTRAINT users_nick_check;
