-- Indexed by a constraint of the table, later in the file, or with the key
-- columns leading in another order: silent.
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint REFERENCES customers (id),
    shop_id bigint,
    region_id bigint,
    line int,
    FOREIGN KEY (shop_id) REFERENCES shops (id),
    FOREIGN KEY (shop_id, region_id) REFERENCES shop_regions (shop_id, region_id),
    UNIQUE (shop_id, line)
);
CREATE INDEX orders_region ON orders (region_id, shop_id, line);
CREATE INDEX orders_customer ON orders (customer_id);
ALTER TABLE invoices ADD COLUMN order_id bigint REFERENCES orders (id);
CREATE INDEX CONCURRENTLY invoices_order ON invoices (order_id);
