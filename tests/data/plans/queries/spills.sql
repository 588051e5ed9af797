-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0; SET work_mem = '64kB'; SET enable_indexscan = off; SET enable_indexonlyscan = off;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) SELECT o.id, md5(o.id::text) AS h, c.email FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id WHERE o.customer_id BETWEEN 100 AND 4000 ORDER BY h;
