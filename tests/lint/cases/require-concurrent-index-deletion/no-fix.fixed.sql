-- CONCURRENTLY drops one index, without CASCADE, outside a transaction:
-- these forms are flagged but get no mechanical fix.
DROP INDEX orders_customer, orders_ref; -- expect: require-concurrent-index-deletion
DROP INDEX orders_total CASCADE; -- expect: require-concurrent-index-deletion
BEGIN;
DROP INDEX orders_placed; -- expect: require-concurrent-index-deletion
COMMIT;
