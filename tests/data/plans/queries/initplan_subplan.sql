-- auto_explain: log_verbose=on
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, VERBOSE, FORMAT @FORMAT@) SELECT o.id, (SELECT count(*) FROM shop.order_items i WHERE i.order_id = o.id) AS lines FROM shop.orders o WHERE o.customer_id < 30 AND o.total_cents > (SELECT avg(total_cents) FROM shop.orders WHERE customer_id = 42);
