-- The transaction is still open when the file ends.
BEGIN; -- expect: ban-uncommitted-transaction
ALTER TABLE orders ADD COLUMN note text;
