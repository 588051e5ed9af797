-- bigint, bigserial and smallint are not this rule's business.
CREATE TABLE events (id bigint PRIMARY KEY, seq bigserial, level smallint, ratio numeric);
ALTER TABLE orders ALTER COLUMN qty TYPE bigint;
