-- One BEGIN … COMMIT, then another: no nesting.
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
BEGIN;
ALTER TABLE orders ADD COLUMN memo text;
ROLLBACK;
