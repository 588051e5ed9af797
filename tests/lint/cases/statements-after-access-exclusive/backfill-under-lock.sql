-- The ALTER takes ACCESS EXCLUSIVE; the UPDATE then runs while orders stays locked.
BEGIN;
ALTER TABLE orders ADD COLUMN status text;
UPDATE orders SET status = 'new' WHERE id < 100; -- expect: statements-after-access-exclusive
CREATE INDEX orders_status ON orders (status);
COMMIT;
