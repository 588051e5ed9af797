-- VACUUM FULL and CLUSTER rewrite under ACCESS EXCLUSIVE: one finding per table.
VACUUM FULL orders; -- expect: prefer-repack
VACUUM (FULL, ANALYZE) orders, -- expect: prefer-repack
    order_lines; -- expect: prefer-repack
CLUSTER orders USING orders_pkey; -- expect: prefer-repack
CLUSTER; -- expect: prefer-repack
