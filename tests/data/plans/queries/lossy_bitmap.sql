-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0; SET work_mem = '64kB'; SET enable_seqscan = off; SET enable_indexscan = off;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) SELECT count(*) FROM shop.order_items WHERE order_id BETWEEN 1000 AND 150000 AND quantity = 7;
