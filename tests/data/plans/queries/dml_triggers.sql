-- auto_explain: log_buffers=on log_wal=on log_settings=on
SET work_mem = '8MB';
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, WAL, SETTINGS, FORMAT @FORMAT@) UPDATE shop.customers SET full_name = full_name WHERE id <= 20;
ROLLBACK;
