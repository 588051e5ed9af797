-- auto_explain: log_analyze=off
EXPLAIN (FORMAT @FORMAT@) SELECT p.name, sum(i.quantity) FROM shop.order_items i JOIN shop.products p ON p.id = i.product_id WHERE p.category_id = 6 GROUP BY p.name;
