-- Validated foreign keys on existing tables: both tables' writes wait for the
-- scan. The named, lone constraint gets NOT VALID plus a VALIDATE after it.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: adding-foreign-key-constraint
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fkey;
ALTER TABLE orders ADD FOREIGN KEY (shop_id) REFERENCES shops (id); -- expect: adding-foreign-key-constraint
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id); -- expect: adding-foreign-key-constraint
