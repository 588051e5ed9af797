-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) SELECT o.id, s.carrier FROM shop.orders o LEFT JOIN shop.shipments s ON s.order_id = o.id WHERE o.id < 0 UNION ALL SELECT 1, 'x' WHERE false;
