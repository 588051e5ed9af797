-- tusk-test: in-transaction
-- A failure rolls the whole file back: nothing to re-run half-way.
CREATE TABLE audit (id bigint);
ALTER TABLE orders ADD COLUMN note text;
