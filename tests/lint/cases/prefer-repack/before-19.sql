-- tusk-test: pg-version=18
-- Before 19 there is no REPACK to prefer: prefer-repack stays silent, and
-- prefer-pg-repack (the extension) speaks instead.
VACUUM FULL orders; -- expect: prefer-pg-repack
CLUSTER orders USING orders_pkey; -- expect: prefer-pg-repack
