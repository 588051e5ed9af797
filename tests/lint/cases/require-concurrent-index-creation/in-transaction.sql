-- tusk-test: in-transaction
-- Inside a transaction CONCURRENTLY cannot run, so there is no mechanical fix.
CREATE INDEX orders_customer ON orders (customer_id); -- expect: require-concurrent-index-creation
