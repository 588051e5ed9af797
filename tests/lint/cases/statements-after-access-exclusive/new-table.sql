-- tusk-test: in-transaction
-- Locking a table created in the same transaction holds up nobody.
CREATE TABLE audit (id bigint);
ALTER TABLE audit ADD COLUMN at timestamptz;
INSERT INTO audit VALUES (1, now());
