-- CONCURRENTLY and plain DML never queue behind reads: no timeout needed.
CREATE INDEX CONCURRENTLY orders_ref ON orders (ref);
UPDATE orders SET ref = upper(ref) WHERE id < 1000;
