-- A plain CREATE INDEX on an existing table blocks its writes.
CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id); -- expect: require-concurrent-index-creation
CREATE UNIQUE INDEX CONCURRENTLY orders_ref -- expect: require-concurrent-index-creation
    ON orders (ref);
