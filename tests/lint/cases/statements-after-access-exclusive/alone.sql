-- The ACCESS EXCLUSIVE statement is the last of its transaction.
BEGIN;
UPDATE orders SET status = 'new' WHERE id < 100;
ALTER TABLE orders ADD COLUMN status text;
COMMIT;
ALTER TABLE orders ADD COLUMN memo text;
