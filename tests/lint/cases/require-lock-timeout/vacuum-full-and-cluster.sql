SET statement_timeout = '0';
VACUUM (FULL, ANALYZE) orders; -- expect: require-lock-timeout, prefer-pg-repack
CLUSTER orders USING orders_pkey; -- expect: prefer-pg-repack
