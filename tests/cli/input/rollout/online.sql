ALTER TABLE shop.orders ADD COLUMN code text NOT NULL DEFAULT 'x';
ALTER TABLE shop.orders ALTER COLUMN note SET NOT NULL;
CREATE INDEX orders_code_idx ON shop.orders (code);
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id);
ALTER TABLE shop.orders ADD CONSTRAINT orders_code_uq UNIQUE (code);
ALTER TABLE shop.orders ADD CONSTRAINT orders_code_check CHECK (code <> '');
