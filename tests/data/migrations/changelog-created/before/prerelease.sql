CREATE TABLE shop.refunds (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL);
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES shop.orders (id) NOT VALID;
