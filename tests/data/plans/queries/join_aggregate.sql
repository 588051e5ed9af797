-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) SELECT c.id, count(*) FROM shop.customers c JOIN shop.orders o ON o.customer_id = c.id WHERE c.id < 50 GROUP BY c.id;
