-- Tusk demo database: keys, foreign keys and indexes of the bulk-loaded
-- tables, plus the deliberate health-check findings:
--   * shop.order_items.product_id has a foreign key but NO index
--     (order_items_product_id_fkey: "missing FK index");
--   * shop.customers_marketing_opt_in_idx is never used by any query
--     ("unused index"; nothing in these files filters on marketing_opt_in);
--   * products_weight_positive (CHECK) and payments_invoice_id_fkey
--     (FOREIGN KEY) are NOT VALID, and existing rows violate both.
SET LOCAL maintenance_work_mem = '256MB';

-- shop.order_items (1,000,000 rows) ----------------------------------------------
ALTER TABLE shop.order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (id),
    ADD CONSTRAINT order_items_order_id_line_no_key UNIQUE (order_id, line_no);

ALTER TABLE shop.order_items
    ADD CONSTRAINT order_items_order_id_fkey
        FOREIGN KEY (order_id) REFERENCES shop.orders (id) ON DELETE CASCADE,
    -- No index on order_items(product_id), on purpose.
    ADD CONSTRAINT order_items_product_id_fkey
        FOREIGN KEY (product_id) REFERENCES shop.products (id);

-- shop.orders --------------------------------------------------------------------
ALTER TABLE shop.orders
    ADD CONSTRAINT orders_customer_id_fkey
        FOREIGN KEY (customer_id) REFERENCES shop.customers (id),
    ADD CONSTRAINT orders_coupon_id_fkey
        FOREIGN KEY (coupon_id) REFERENCES shop.coupons (id);
CREATE INDEX orders_customer_id_placed_at_idx ON shop.orders (customer_id, placed_at);
CREATE INDEX orders_placed_at_idx ON shop.orders (placed_at);
CREATE INDEX orders_coupon_id_idx ON shop.orders (coupon_id);
CREATE INDEX orders_open_placed_at_idx ON shop.orders (placed_at)
    WHERE status IN ('pending', 'paid');

-- shop.shipments -------------------------------------------------------------------
ALTER TABLE shop.shipments
    ADD CONSTRAINT shipments_order_id_fkey
        FOREIGN KEY (order_id) REFERENCES shop.orders (id) ON DELETE CASCADE,
    ADD CONSTRAINT shipments_warehouse_id_fkey
        FOREIGN KEY (warehouse_id) REFERENCES shop.warehouses (id);
CREATE INDEX shipments_order_id_idx ON shop.shipments (order_id);
CREATE INDEX shipments_warehouse_id_idx ON shop.shipments (warehouse_id);

-- billing --------------------------------------------------------------------------
ALTER TABLE billing.invoices
    ADD CONSTRAINT invoices_customer_id_fkey
        FOREIGN KEY (customer_id) REFERENCES shop.customers (id),
    ADD CONSTRAINT invoices_subscription_id_fkey
        FOREIGN KEY (subscription_id) REFERENCES billing.subscriptions (id);
CREATE INDEX invoices_customer_id_idx ON billing.invoices (customer_id);
CREATE INDEX invoices_subscription_id_idx ON billing.invoices (subscription_id);

ALTER TABLE billing.invoice_lines
    ADD CONSTRAINT invoice_lines_invoice_id_fkey
        FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id) ON DELETE CASCADE;
CREATE INDEX invoice_lines_invoice_id_idx ON billing.invoice_lines (invoice_id);

-- 25 legacy payments reference invoices that do not exist, so this foreign
-- key is only enforced for new rows: VALIDATE CONSTRAINT would fail.
ALTER TABLE billing.payments
    ADD CONSTRAINT payments_invoice_id_fkey
        FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id) NOT VALID;
CREATE INDEX payments_invoice_id_idx ON billing.payments (invoice_id);

-- The 100 gift cards weigh 0 g, so this check is only enforced for new and
-- updated rows: VALIDATE CONSTRAINT would fail.
ALTER TABLE shop.products
    ADD CONSTRAINT products_weight_positive CHECK (weight_grams > 0) NOT VALID;

-- An index that no query ever uses ("unused index"): it was built for a
-- newsletter export job that has since been replaced.  It is partial on
-- purpose: a plain index on a boolean would be the smallest index of the
-- table, and the planner would pick it for an index-only "SELECT count(*)".
-- Only a query with "WHERE marketing_opt_in" can use this one.
CREATE INDEX customers_marketing_opt_in_idx ON shop.customers (created_at)
    WHERE marketing_opt_in;

-- Identity sequences continue after the generated ids -------------------------------
SELECT setval(pg_get_serial_sequence('shop.products', 'id'), 2000);
SELECT setval(pg_get_serial_sequence('shop.orders', 'id'), (SELECT max(id) FROM shop.orders));
SELECT setval(pg_get_serial_sequence('shop.order_items', 'id'), 1000000);
SELECT setval(pg_get_serial_sequence('shop.shipments', 'id'), (SELECT max(id) FROM shop.shipments));
SELECT setval(pg_get_serial_sequence('shop.product_reviews', 'id'), 15000);
SELECT setval(pg_get_serial_sequence('billing.subscriptions', 'id'), 6000);
SELECT setval(pg_get_serial_sequence('billing.invoices', 'id'), (SELECT max(id) FROM billing.invoices));
SELECT setval(pg_get_serial_sequence('billing.invoice_lines', 'id'), (SELECT max(id) FROM billing.invoice_lines));
SELECT setval(pg_get_serial_sequence('billing.payments', 'id'), (SELECT max(id) FROM billing.payments));
