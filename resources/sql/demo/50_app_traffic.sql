-- Tusk demo database: a little "application traffic", so that
-- pg_stat_statements and pg_stat_user_indexes have something to show and the
-- one deliberately unused index (shop.customers_marketing_opt_in_idx) stands
-- out: every other non-unique index is scanned at least once during the load.
-- Nothing here may filter on customers.marketing_opt_in. This file runs
-- before 60_stock_sync.sql, which creates the dead tuples in shop.inventory.
SET LOCAL TimeZone = 'UTC';
SET LOCAL enable_seqscan = off;   -- make each lookup use its index even on tiny tables

-- Storefront
SELECT id, slug, name FROM shop.categories WHERE parent_id = 1 ORDER BY position;
SELECT id, sku, name, price_cents FROM shop.products WHERE category_id = 6 AND is_active ORDER BY id LIMIT 24;
SELECT id, sku, name FROM shop.products WHERE name ILIKE '%velvet espresso%' LIMIT 10;
SELECT id, name, price_cents FROM shop.products WHERE sku = 'SKU-000042';
SELECT warehouse_id, quantity_on_hand - reserved_quantity AS available
FROM shop.inventory WHERE product_id = 42;
SELECT count(*) FROM shop.inventory WHERE warehouse_id = 3 AND quantity_on_hand < 10;
SELECT rating, title, created_at FROM shop.product_reviews WHERE product_id = 42 ORDER BY created_at DESC LIMIT 5;

-- Account pages
SELECT id, email, full_name FROM shop.customers WHERE lower(email) = 'mia.garcia42@example.com';
SELECT id, kind, line1, city FROM shop.customer_addresses WHERE customer_id = 42;
SELECT id, status, placed_at, total_cents FROM shop.orders
WHERE customer_id = 42 ORDER BY placed_at DESC LIMIT 10;
SELECT product_id, rating FROM shop.product_reviews WHERE customer_id = 42;
SELECT id, expires_at FROM shop.carts WHERE customer_id = 42;
SELECT ci.product_id, ci.quantity FROM shop.cart_items AS ci
WHERE ci.cart_id = md5('cart-1')::uuid;
SELECT cart_id, quantity FROM shop.cart_items WHERE product_id = 42;

-- Order page
SELECT id, status, placed_at, total_cents FROM shop.orders WHERE id = 4242;
SELECT line_no, product_id, quantity, unit_price_cents FROM shop.order_items WHERE order_id = 4242 ORDER BY line_no;
SELECT shop.order_total_cents(4242);
SELECT carrier, tracking_number, delivered_at FROM shop.shipments WHERE order_id = 190000;

-- Back office
SELECT order_id, placed_at, total_cents FROM shop.open_orders ORDER BY placed_at LIMIT 20;
SELECT count(*), sum(total_cents) FROM shop.orders
WHERE placed_at >= timestamptz '2024-12-01 00:00:00+00' AND placed_at < timestamptz '2024-12-02 00:00:00+00';
SELECT count(*) FROM shop.orders WHERE coupon_id = 17;
SELECT count(*) FROM shop.shipments WHERE warehouse_id = 4;
SELECT id, code, percent_off FROM shop.coupons WHERE code = 'WINTER20';

-- Billing
SELECT subscription_id, plan_code, current_period_end FROM billing.active_subscriptions WHERE customer_id = 57;
SELECT id, status FROM billing.subscriptions WHERE customer_id = 57;
SELECT count(*) FROM billing.subscriptions WHERE plan_id = 5;
SELECT id, invoice_number, status, total_cents FROM billing.invoices WHERE customer_id = 57 ORDER BY issued_at DESC;
SELECT id, invoice_number FROM billing.invoices WHERE subscription_id = 8 ORDER BY period_start;
SELECT id, status FROM billing.invoices WHERE invoice_number = 'INV-0101000';
SELECT description, amount_cents FROM billing.invoice_lines WHERE invoice_id = 1000 ORDER BY id;
SELECT amount_cents, status FROM billing.payments WHERE invoice_id = 1000;

-- Audit trail
SELECT occurred_at, action FROM audit.events WHERE entity_type = 'order' AND entity_id = 4242 ORDER BY occurred_at;
SELECT version, applied_at FROM public.schema_migrations ORDER BY version DESC LIMIT 1;
