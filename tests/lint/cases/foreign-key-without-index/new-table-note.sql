-- A table created in this file is empty: its missing index is a note
-- (severity info in the expected file), on the CREATE and on a later ALTER.
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint REFERENCES customers (id) -- expect: foreign-key-without-index
);
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id); -- expect: foreign-key-without-index
