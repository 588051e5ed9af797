-- A second BEGIN is ignored; its COMMIT ends the outer transaction.
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
BEGIN; -- expect: transaction-nesting
ALTER TABLE orders ADD COLUMN memo text;
COMMIT;
COMMIT; -- expect: transaction-nesting
