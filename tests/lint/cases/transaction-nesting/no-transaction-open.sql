-- A COMMIT or ROLLBACK with no transaction open only warns: the
-- statements before it already ran (and stay) one by one.
ALTER TABLE orders ADD COLUMN note text;
COMMIT; -- expect: transaction-nesting
BEGIN;
ALTER TABLE orders ADD COLUMN memo text;
COMMIT;
ROLLBACK; -- expect: transaction-nesting
