-- auto_explain: log_buffers=on
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, BUFFERS, FORMAT @FORMAT@) SELECT i.id FROM shop.order_items i JOIN shop.products p ON p.id = i.product_id WHERE i.unit_price_cents = p.price_cents AND i.quantity = 1 AND p.sku LIKE 'SKU-0001%';
