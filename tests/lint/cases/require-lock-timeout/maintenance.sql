-- VACUUM FULL, CLUSTER and REINDEX lock; VACUUM (FULL false) is a plain
-- VACUUM and needs no timeout.
SET statement_timeout = '0';
VACUUM (FULL false) orders;
ANALYZE orders;
REINDEX TABLE orders; -- expect: require-lock-timeout, require-concurrent-reindex
CLUSTER orders; -- expect: prefer-pg-repack
