-- A plain CREATE INDEX on an existing table blocks its writes.
CREATE INDEX orders_customer ON orders (customer_id); -- expect: require-concurrent-index-creation
CREATE UNIQUE INDEX orders_ref -- expect: require-concurrent-index-creation
    ON orders (ref);
