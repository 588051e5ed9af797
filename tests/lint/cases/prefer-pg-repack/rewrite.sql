-- VACUUM FULL and CLUSTER rewrite under ACCESS EXCLUSIVE: one finding per table.
VACUUM FULL orders; -- expect: prefer-pg-repack
VACUUM (FULL, ANALYZE) orders, -- expect: prefer-pg-repack
    order_lines; -- expect: prefer-pg-repack
CLUSTER orders USING orders_pkey; -- expect: prefer-pg-repack
CLUSTER; -- expect: prefer-pg-repack
