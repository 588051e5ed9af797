-- Foreign keys whose columns lead no index: on a table this file creates a
-- note (it is empty), on a column added to an existing table a warning.
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint REFERENCES customers (id), -- expect: foreign-key-without-index
    shop_id bigint,
    region_id bigint,
    FOREIGN KEY (shop_id, region_id) REFERENCES shops (id, region_id) -- expect: foreign-key-without-index
);
-- Neither index leads with both key columns.
CREATE INDEX orders_region ON orders (region_id, id, shop_id);
CREATE INDEX orders_shop ON orders (shop_id);
ALTER TABLE invoices ADD COLUMN coupon_id bigint REFERENCES coupons (id); -- expect: foreign-key-without-index
