-- tusk-test: pg-version=19
-- REPACK exists from PostgreSQL 19: squawk's prefer-repack, with a fix for
-- one table.
VACUUM FULL orders; -- expect: prefer-repack
CLUSTER orders USING orders_pkey; -- expect: prefer-repack
CLUSTER shop.orders; -- expect: prefer-repack
VACUUM (FULL, ANALYZE) orders, order_lines; -- expect: prefer-repack, prefer-repack
