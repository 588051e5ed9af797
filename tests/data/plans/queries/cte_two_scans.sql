-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) WITH recent AS MATERIALIZED (SELECT id, customer_id, total_cents FROM shop.orders WHERE placed_at >= timestamptz '2024-12-20 00:00+00') SELECT r1.customer_id, count(*) FROM recent r1 JOIN recent r2 ON r2.customer_id = r1.customer_id AND r2.id <> r1.id GROUP BY r1.customer_id ORDER BY count(*) DESC LIMIT 10;
