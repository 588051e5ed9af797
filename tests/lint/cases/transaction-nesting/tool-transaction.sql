-- tusk-test: in-transaction
-- The migration tool wraps the file in a transaction: both BEGIN and COMMIT interfere.
BEGIN; -- expect: transaction-nesting
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
ALTER TABLE orders ADD COLUMN memo text;
COMMIT; -- expect: transaction-nesting
