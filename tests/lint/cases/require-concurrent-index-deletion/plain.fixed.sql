-- A plain DROP INDEX locks its table ACCESS EXCLUSIVE; the fix adds CONCURRENTLY.
DROP INDEX CONCURRENTLY orders_customer; -- expect: require-concurrent-index-deletion
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_ref; -- expect: require-concurrent-index-deletion
