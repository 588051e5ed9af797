-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0; SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) SELECT c.email, count(*) FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id WHERE o.customer_id BETWEEN 100 AND 400 GROUP BY c.email;
