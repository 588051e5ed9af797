-- A plain DROP INDEX locks its table ACCESS EXCLUSIVE; the fix adds CONCURRENTLY.
DROP INDEX orders_customer; -- expect: require-concurrent-index-deletion
DROP INDEX IF EXISTS shop.orders_ref; -- expect: require-concurrent-index-deletion
