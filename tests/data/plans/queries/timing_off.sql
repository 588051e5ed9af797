-- auto_explain: log_timing=off
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, TIMING OFF, FORMAT @FORMAT@) SELECT * FROM audit.events WHERE entity_type = 'order' AND entity_id < 300 ORDER BY occurred_at DESC LIMIT 20;
