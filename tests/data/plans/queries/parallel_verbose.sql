-- auto_explain: log_buffers=on log_verbose=on
SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT @FORMAT@) SELECT product_id, sum(quantity) FROM shop.order_items WHERE quantity > 2 GROUP BY product_id ORDER BY 2 DESC LIMIT 5;
